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
const JOINERS = new Set([
  'of',
  'for',
  'on',
  'in',
  'and',
  'de',
  'del',
  'para',
  'por',
  'sobre',
  'en',
  'against',
  'contra',
]);
const ARTICLES = new Set(['the', 'la', 'el', 'los', 'las']);
const NUMBER = /^\d{1,3}$/;
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th|º|°|ª|o|a)?$/i;

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
    put(first, last);
  };
  const put = (first: number, last: number) => {
    const c = { start: all[first]!.start, end: all[last]!.end, first, last };
    out.set(`${c.start}:${c.end}`, c);
  };
  const spaced = (i: number) => text.slice(all[i]!.end, all[i + 1]!.start) === ' ';
  const runs = capitalRuns(text, all);
  // Where a name in a run may start: the run's first word, past its titles and sentence words, and
  // past a sentence-opening word ("Hablaron Foro Penal").
  const startsOf = (run: { start: number; end: number }) => {
    const first = index.get(run.start)!;
    const last = byEnd.get(run.end)!;
    const starts = new Set([first]);
    let f = first;
    while (f < last && opener(all[f]!)) f++;
    starts.add(f);
    // …and past a place that opens it ("MADRID Pilar Buepoyo", a dateline run into a name).
    if (first < last && (opensSentence(text, all, first) || lookupPlace(all[first]!.text)))
      starts.add(first + 1);
    return starts;
  };
  // Runs joined by one small word, or "of the"/"de la", are one candidate too ("Mwatana for Human
  // Rights", "Office of the High Commissioner"), and so are chains of them ("Office of the High
  // Commissioner for Human Rights", "Red Nacional de Defensoras de Derechos Humanos en Honduras",
  // "Jammu and Kashmir"): names of bodies and places run on through them.
  const joined = (r: number) => {
    const a = byEnd.get(runs[r]!.end)!;
    const b = index.get(runs[r + 1]!.start)!;
    const between = all.slice(a + 1, b);
    return (
      between.length >= 1 &&
      between.length <= 2 &&
      JOINERS.has(between[0]!.norm) &&
      (!between[1] || ARTICLES.has(between[1].norm)) &&
      !/[.,;:!?()\n"“”«»]/.test(text.slice(all[a]!.end, all[b]!.start))
    );
  };
  for (let r = 0; r + 1 < runs.length; r++) {
    const first = index.get(runs[r]!.start)!;
    for (let j = r; j + 1 < runs.length && joined(j); j++) {
      const last = byEnd.get(runs[j + 1]!.end)!;
      if (last - first + 1 > MAX_TOKENS) break;
      add(first, last);
    }
  }
  for (const run of runs) {
    const first = index.get(run.start)!;
    const last = byEnd.get(run.end)!;
    const starts = startsOf(run);
    // A number that ends or opens the name ("Branch 227", "Zona 7", "Canal 4", "102 Batallón de
    // Infantería", "94th Infantry Battalion"): units, offices, outlets and sites are numbered.
    const numberAfter = last + 1 < all.length && NUMBER.test(all[last + 1]!.text) && spaced(last);
    if (first > 0 && ORDINAL.test(all[first - 1]!.text) && spaced(first - 1) && last - first < MAX_TOKENS - 1)
      put(first - 1, last);
    for (const s of starts) {
      add(s, last);
      if (numberAfter && last - s < MAX_TOKENS - 1) put(s, last + 1);
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
