/**
 * Spans the tagger decides about: runs of capitalized words (particles "de la", "van", "al-", "bin"
 * inside), the same runs without the titles and sentence words that open them ("President Nicolás
 * Maduro" → "Nicolás Maduro"), the two sides of a run joined by "y"/"and", and every span the rules
 * already propose (persons, organizations, places). Pure.
 */
import type { EntityMention } from '../facts/entities.js';
import { PARTICLES, STOP_CAPS, TITLES } from '../facts/lexicon.js';
import { TITLE_QUALIFIERS } from '../facts/orgs.js';
import { lookupPlace } from '../facts/places.js';
import { capitalRuns, type Token } from '../facts/tokens.js';

export interface Candidate {
  start: number;
  end: number;
  /** Index of its first and last token in the text's token list. */
  first: number;
  last: number;
}

/** A candidate longer than this is no name the tagger should propose (a heading in capitals). */
const MAX_TOKENS = 10;
const AND = new Set(['y', 'e', 'and']);
const JOINERS = new Set(['of', 'for', 'on', 'de', 'del', 'para', 'por', 'sobre', 'against', 'contra']);
const ARTICLES = new Set(['the', 'la', 'el', 'los', 'las']);

const opener = (t: Token) => STOP_CAPS.has(t.norm) || TITLES.has(t.norm) || TITLE_QUALIFIERS.has(t.norm);

/** Nothing but spaces and quotes between the previous sentence's end (or a line start) and this word. */
export function opensSentence(text: string, all: readonly Token[], i: number): boolean {
  const prev = all[i - 1];
  return !prev || /[.!?:\n]/.test(text.slice(prev.end, all[i]!.start));
}

export function candidates(
  text: string,
  all: readonly Token[],
  rules: readonly EntityMention[],
): Candidate[] {
  const index = new Map(all.map((t, i) => [t.start, i]));
  const byEnd = new Map(all.map((t, i) => [t.end, i]));
  const out = new Map<string, Candidate>();
  const add = (first: number, last: number) => {
    while (first <= last && PARTICLES.has(all[first]!.norm) && !all[first]!.cap) first++;
    while (last >= first && !all[last]!.cap) last--;
    if (first > last || last - first + 1 > MAX_TOKENS) return;
    const c = { start: all[first]!.start, end: all[last]!.end, first, last };
    out.set(`${c.start}:${c.end}`, c);
  };
  const runs = capitalRuns(text, all);
  // Two runs joined by one small word, or "of the"/"de la", are one candidate too ("Mwatana for Human
  // Rights", "Office of the High Commissioner"): names of bodies run on through them.
  for (let r = 0; r + 1 < runs.length; r++) {
    const a = byEnd.get(runs[r]!.end)!;
    const b = index.get(runs[r + 1]!.start)!;
    const between = all.slice(a + 1, b);
    if (
      between.length < 1 ||
      between.length > 2 ||
      !JOINERS.has(between[0]!.norm) ||
      (between[1] && !ARTICLES.has(between[1].norm)) ||
      /[.,;:!?()\n"“”«»]/.test(text.slice(all[a]!.end, all[b]!.start))
    )
      continue;
    add(index.get(runs[r]!.start)!, byEnd.get(runs[r + 1]!.end)!);
  }
  for (const run of runs) {
    const first = index.get(run.start)!;
    const last = byEnd.get(run.end)!;
    // Where a name may start: the run's first word, past its titles and sentence words, and past a
    // sentence-opening word ("Hablaron Foro Penal").
    const starts = new Set([first]);
    let f = first;
    while (f < last && opener(all[f]!)) f++;
    starts.add(f);
    // …and past a place that opens it ("MADRID Pilar Buepoyo", a dateline run into a name).
    if (first < last && (opensSentence(text, all, first) || lookupPlace(all[first]!.text)))
      starts.add(first + 1);
    for (const s of starts) {
      add(s, last);
      for (let k = s + 1; k < last; k++)
        if (AND.has(all[k]!.norm) && !all[k]!.cap) {
          add(s, k - 1);
          add(k + 1, last);
        }
    }
  }
  for (const m of rules) {
    const first = index.get(m.start);
    const last = byEnd.get(m.end);
    if (first === undefined || last === undefined || last < first) continue;
    const c = { start: m.start, end: m.end, first, last };
    out.set(`${c.start}:${c.end}`, c);
  }
  return [...out.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
