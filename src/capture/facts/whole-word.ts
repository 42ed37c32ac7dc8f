/**
 * Whether a text writes a word whole: `word` exactly, with no letter right before or after it — what
 * `new RegExp(`(?<![\p{L}])${escaped}(?![\p{L}])`, 'u').test(text)` answers, by a string search instead. A
 * regular expression compiled per word and run over the whole text cost about 3 ms a word on 300 KB (a
 * twentieth of the extraction, stop 46). A word of letters only is looked up among the text's runs of letters
 * (a set made once per text and extraction, text-cache.ts: ~5 ms on 300 KB, against ~0.3 ms for each string
 * search of it); any other word is searched for. Pure.
 */
import { perText } from '../text-cache.js';

const LETTER = /^\p{L}$/u;

const isLetter = (cp: number | undefined) => cp !== undefined && LETTER.test(String.fromCodePoint(cp));

/** The code point ending right before `i` (a surrogate pair read whole, as a lookbehind reads it). */
function codePointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2);
  }
  return low;
}

/** Whether `text` writes `word` (one or more whole characters) with no letter either side of it. */
export function writesWholeWord(text: string, word: string): boolean {
  // Written with no letter either side, a word of letters is one of the text's longest runs of letters.
  if (ONLY_LETTERS.test(word)) return letterRuns(text).has(word);
  for (let i = text.indexOf(word); i >= 0; i = i < text.length ? text.indexOf(word, i + 1) : -1)
    if (!isLetter(codePointBefore(text, i)) && !isLetter(text.codePointAt(i + word.length))) return true;
  return false;
}

const ONLY_LETTERS = /^\p{L}+$/u;

/** The text's longest runs of letters. */
const letterRuns = perText((text) => {
  const runs = new Set<string>();
  for (const m of text.matchAll(/\p{L}+/gu)) runs.add(m[0]);
  return runs;
});
