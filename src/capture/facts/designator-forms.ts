/**
 * "barrio Alberdi", "cantón Milingo", "parroquia San Antonio", "metro Baquedano": a place the rules
 * read without the lower-case settlement, division or route noun written just before it takes the
 * whole phrase as one more form. Writers disagree on the noun (the gold holds "barrio Alberdi" in
 * some texts and the bare name in others); a form matches either, and the bare name stays the
 * value. Counted at stop 46 on the development rounds: the bare name read where the gold wrote
 * the phrase, 15 places in 13 rounds and both languages (en 72, 75; es 12, 15, 29, 30, 31, 39, 40,
 * 44, 72, 75, 77).
 *
 * Not rivers ("río Cauca" beside the department Cauca: the form would tie the river to the
 * department's entry, class-noun-values.ts), nor streets and squares, whose phrase a name opens
 * ("calle Perú" gives no country, guide §5): the rules read those already.
 */
import type { Fact } from './index.js';
import { fold } from './lexicon.js';

/** Lower-case nouns of a settlement, a division or a route a name follows, just before a mention. */
const DESIGNATOR_BEFORE =
  /(?<![\p{L}\p{M}])(barrio|cant[oó]n|caser[ií]o|aldea|vereda|corregimiento|distrito|parroquia|comuna|fundo|hacienda|canal|dique|camino|metro|convento|barangay|kebele)[ \t\u00a0]+$/u;

type Mention = { start: number; end: number; text: string };

/** The phrase "noun Name" when a lower-case designator stands just before the mention, else undefined. */
export function designatedPhrase(text: string, mention: Mention): Mention | undefined {
  if (!/^\p{Lu}/u.test(mention.text)) return undefined;
  const before = DESIGNATOR_BEFORE.exec(text.slice(Math.max(0, mention.start - 24), mention.start));
  if (!before) return undefined;
  const start = mention.start - before[0].length;
  return { start, end: mention.end, text: text.slice(start, mention.end) };
}

/**
 * The place facts, each mention written after a designator noun given the phrase as one more form,
 * where no other place of the text is named so. Facts are changed in place; the list is returned.
 */
export function withDesignatorForms(text: string, facts: Fact[]): Fact[] {
  const places = facts.filter((f) => f.kind === 'place');
  if (!places.length) return facts;
  const names = new Set(
    places.flatMap((f) =>
      [f.value, ...(f.mentions ?? [f]).map((m) => m.text)].map((n) => fold(n.replace(/\s+/g, ' '))),
    ),
  );
  for (const f of places) {
    const mentions = f.mentions ?? [{ start: f.start, end: f.end, text: f.text }];
    const added = mentions.flatMap((m) => {
      const phrase = designatedPhrase(text, m);
      return phrase && !names.has(fold(phrase.text.replace(/\s+/g, ' '))) ? [phrase] : [];
    });
    if (added.length) f.mentions = [...mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return facts;
}
