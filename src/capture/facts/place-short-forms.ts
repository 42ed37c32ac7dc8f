/**
 * "the Penitenciaría del Litoral in Guayaquil … returned to the Litoral", "del Palacio de Justicia … al
 * Palacio", "Estadio Nacional … en el Nacional": a site written in full, then by a part of its name after a
 * definite article, is one place. The rules read the part as a place of its own (a split: a second entity
 * for a gold place already matched). Here the part's mentions join the one longer place of the text whose
 * name holds its words in a row.
 *
 * Counted at stop 49 on the development rounds: a place's value a part of another place's value in the same
 * text, split or extra, 201 error lines in 177 texts of 56 rounds; tying every such part breaks about as many
 * as it mends (a town inside its hospital's or bridge's name, "Zomba" / "Zomba Central Prison", is two
 * entries in the gold). Kept to the parts that are no place of the gazetteers and that the text writes after
 * "the", "el", "la", "del", "al" … as a noun (the article, then the part, then punctuation or a function
 * word: "the Kasai killings", "the Abs strike" name a town as an adjective and are left): 47 error lines
 * fixed in 29 rounds, 11 broken (a town or region after an article that the gold keeps apart: "the
 * Bogside" / "Bogside Inn", "la Verapaz" / "Alta Verapaz").
 */
import type { Fact } from './index.js';
import { fold } from './lexicon.js';
import { lookupPlace } from './places.js';

/** Words of a name, folded, split at spaces and hyphens ("Al-Hawban" → al, hawban). */
const nameWords = (name: string) =>
  fold(name)
    .replace(/[^\p{L}\p{N}'’\s-]/gu, ' ')
    .split(/[\s-]+/u)
    .filter(Boolean);

/** Words that alone name nothing: a part made only of them is no short form. */
const FUNCTION_WORDS = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'of', 'the', 'y', 'and', 'do', 'da']);

/** A definite article right before a mention ("returned to the Litoral", "al Palacio"). */
const ARTICLE_BEFORE = /(?<![\p{L}\p{M}])(?:the|el|la|los|las|del|al)[ \t\u00a0]+$/u;
/** What may follow a part used as a noun: punctuation, the line's end, or a function word. */
const NOUN_END =
  /^(?:[ \t]*[.,;:)\]"»”!?]|[ \t]*(?:\n|$)|[ \t]+(?:in|on|at|of|and|or|to|from|with|was|were|is|where|which|that|en|de|del|y|o|a|al|con|por|para|que|donde|fue|era|es|se)(?![\p{L}\p{M}]))/u;

type Mention = { start: number; end: number; text: string };

/** The mention is written as a noun after a definite article: "the Litoral.", "al Palacio y". */
const afterArticle = (text: string, m: Mention) =>
  ARTICLE_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)) &&
  NOUN_END.test(text.slice(m.end, m.end + 12));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Mukumbi-Kasulo": a twin village's name holds each village's, which stay entries of their own (guide §5). */
const twinName = (whole: string, part: string) =>
  new RegExp(
    String.raw`\p{Lu}[\p{L}\p{M}]{2,}-${escapeRegExp(part)}(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])${escapeRegExp(part)}-\p{Lu}[\p{L}\p{M}]{2,}`,
    'u',
  ).test(whole);

/**
 * The facts, each place whose name is a part of exactly one longer capitalised place of the text, written
 * after a definite article and no gazetteer place, merged into that place (its mentions added there).
 * Other facts are left as they are; the list is changed in place and returned.
 */
export function withPlaceShortForms(text: string, facts: Fact[]): Fact[] {
  const places = facts.filter((f) => f.kind === 'place');
  if (places.length < 2) return facts;
  // Every run of words inside a longer capitalised place's name → the places holding it.
  const holders = new Map<string, Set<Fact>>();
  const words = new Map<Fact, string[]>();
  for (const f of places) {
    const w = nameWords(f.value);
    words.set(f, w);
    if (w.length < 2 || !/^\p{Lu}/u.test(f.value)) continue;
    for (let i = 0; i < w.length; i++)
      for (let j = i + 1; j <= w.length && j - i < w.length; j++) {
        const key = w.slice(i, j).join(' ');
        const set = holders.get(key) ?? new Set();
        set.add(f);
        holders.set(key, set);
      }
  }
  const gone = new Set<Fact>();
  for (const s of places) {
    const w = words.get(s)!;
    if (!w.length || w.every((x) => FUNCTION_WORDS.has(x))) continue;
    const longer = [...(holders.get(w.join(' ')) ?? [])].filter((l) => l !== s && !gone.has(l));
    if (longer.length !== 1) continue;
    const mentions = s.mentions ?? [{ start: s.start, end: s.end, text: s.text }];
    if (!mentions.some((m) => afterArticle(text, m)) || lookupPlace(s.value)) continue;
    const l = longer[0]!;
    if (twinName(l.value, s.value)) continue;
    l.mentions = [...(l.mentions ?? [{ start: l.start, end: l.end, text: l.text }]), ...mentions].sort(
      (a, b) => a.start - b.start || b.end - a.end,
    );
    gone.add(s);
  }
  if (!gone.size) return facts;
  const kept = facts.filter((f) => !gone.has(f));
  facts.length = 0;
  facts.push(...kept);
  return facts;
}
