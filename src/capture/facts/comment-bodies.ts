/**
 * A body a comment names by another of its forms than the article's (or another comment's) value is
 * the same organization: the scorer, like the documenter, sees one entity per value across a page, and
 * pairAcronyms / pairShortForms / withBodyForms only read one text at a time. Counted at stop 45 over the
 * development rounds: 21 of 273 organization splits lay across an article and its comments (16 rounds,
 * 17 texts, both languages), in three shapes tied here:
 * - a bare acronym that is the initials of one page body ("PNP" … "Philippine National Police");
 * - a form the page already wrote for one body ("Segob" … "Secretaría de Gobernación (Segob)");
 * - the first or last words of one longer name, as withBodyForms reads them in one text ("la Asamblea
 *   Nacional" … "Asamblea Nacional del Ecuador", "United Fruit" … "United Fruit Company").
 * One body only: two candidates leave the comment's value as it is.
 */
import { initialsOf } from './acronyms.js';
import { type Body, closes, opens } from './body-forms.js';
import { fold } from './lexicon.js';

interface OrgFact {
  kind: string;
  text: string;
  value: string;
  mentions?: { text: string }[];
}

const ACRONYM = /^\p{Lu}{2,7}$/u;
const bare = (value: string) => value.replace(/\s*\([^)]*\)$/, '');
const rawWords = (value: string) =>
  bare(value)
    .split(/[\s'’]+/)
    .map((w) => w.replace(/[,;:.]+$/, ''))
    .filter(Boolean);
const bodyOf = (value: string): Body => {
  const raw = rawWords(value);
  return { value, raw, words: raw.map(fold) };
};

/** The value of the one page body `f` is another form of, else undefined. */
function bodyFor(f: OrgFact, page: readonly OrgFact[]): string | undefined {
  const others = page.filter((o) => o.value !== f.value);
  const own = fold(bare(f.value));
  const one = (hits: OrgFact[]) => {
    const values = new Set(hits.map((h) => h.value));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const written = others.filter((o) => (o.mentions ?? [o]).some((m) => fold(m.text) === own));
  if (written.length) return one(written);
  if (ACRONYM.test(bare(f.value))) return one(others.filter((o) => initialsOf(o.value).includes(own)));
  const words = rawWords(f.value).map(fold);
  if (words.length < 2) return undefined;
  return one(
    others.filter((o) => {
      const long = bodyOf(o.value);
      return opens(words, long) || closes(words, long);
    }),
  );
}

/** Sets each comment organization's value to the one page body it is another form of (in place). */
export function tieCommentBodies(article: readonly OrgFact[], comments: readonly OrgFact[][]): void {
  if (!comments.length) return;
  const page = [...article, ...comments.flat()].filter((f) => f.kind === 'organization');
  const articleValues = new Set(article.filter((f) => f.kind === 'organization').map((f) => f.value));
  const ties = new Map<string, string | undefined>();
  for (const f of comments.flat()) {
    if (f.kind !== 'organization' || articleValues.has(f.value) || ties.has(f.value)) continue;
    ties.set(f.value, bodyFor(f, page));
  }
  for (const f of comments.flat()) {
    const to = f.kind === 'organization' ? ties.get(f.value) : undefined;
    if (to) f.value = to;
  }
}
