/**
 * The recording errors documenters make: typos, spellings that sound the same, lost accents,
 * digit slips in document numbers and dates, swapped day and month.
 */

import { stripAccents } from '../domain/fold.js';
import type { SynthRandom } from './random.js';

const LETTERS = 'abcdefghijlmnopqrstuvyz';

/** Keys next to each other on a Spanish keyboard (substitution typos favour neighbours). */
const NEIGHBOURS: Record<string, string> = {
  a: 'sqz',
  b: 'vng',
  c: 'xvd',
  d: 'sfe',
  e: 'wrd',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  i: 'uok',
  j: 'hku',
  k: 'jli',
  l: 'kñ',
  m: 'nj',
  n: 'bmh',
  o: 'ipl',
  p: 'oñ',
  r: 'etf',
  s: 'adw',
  t: 'ryg',
  u: 'yij',
  v: 'cbf',
  y: 'tuh',
  z: 'asx',
};

/** One keyboard slip in a word: substitution, deletion, doubled letter or two letters swapped. */
export function typo(s: string, r: SynthRandom): string {
  if (s.length < 3) return s;
  // Keep the first letter: people rarely mistype it, and it keeps the slip realistic.
  const i = 1 + r.int(s.length - 1);
  const c = s[i]!;
  if (c === ' ') return s;
  switch (r.int(4)) {
    case 0: {
      const lower = c.toLowerCase();
      const pool = NEIGHBOURS[lower] ?? LETTERS;
      let sub = pool[r.int(pool.length)]!;
      if (c !== lower) sub = sub.toUpperCase();
      return s.slice(0, i) + sub + s.slice(i + 1);
    }
    case 1:
      return s.length > 4 ? s.slice(0, i) + s.slice(i + 1) : s;
    case 2:
      return s.slice(0, i) + c + s.slice(i);
    default: {
      if (i + 1 >= s.length || s[i + 1] === ' ') return s.slice(0, i) + c + s.slice(i);
      return s.slice(0, i) + s[i + 1] + c + s.slice(i + 2);
    }
  }
}

/** Rewrites that keep the sound in Venezuelan Spanish; each applies where its pattern occurs. */
const SOUND_ALIKE: [RegExp, string][] = [
  [/v/i, 'b'],
  [/b/i, 'v'],
  [/z/i, 's'],
  [/s(?=[aeiouáéíóú])/i, 'z'],
  [/ll/i, 'y'],
  [/y(?=[aeiouáéíóú])/i, 'll'],
  [/^y(?=[^aeiouáéíóú])/i, 'I'],
  [/^i(?=[nrsl])/i, 'Y'],
  [/^h/i, ''],
  [/^(?=[aeo])/i, 'H'],
  [/g(?=[ei])/i, 'j'],
  [/j(?=[ei])/i, 'g'],
  [/c(?=[ei])/i, 's'],
  [/qu(?=[ei])/i, 'k'],
  [/^x/i, 'S'],
  [/^w/i, 'Gu'],
  [/jo(?=n)/i, 'Jho'],
  [/nn/i, 'n'],
  [/(?<=[aeiou])n(?=[aeiouy])/i, 'nn'],
];

/**
 * One sound-alike respelling of one word of a title-case name ("Yndira" for "Indira", "Bictor"
 * for "Víctor", "Elena" for "Helena"), or the name unchanged when no rule applies.
 */
export function soundAlike(name: string, r: SynthRandom): string {
  const words = name.split(' ');
  const k = r.int(words.length);
  const word = words[k]!;
  const applicable = SOUND_ALIKE.filter(([re]) => re.test(word));
  if (applicable.length === 0) return name;
  const [re, rep] = r.pick(applicable);
  let out = word.replace(re, (m) =>
    rep === '' || m === '' ? rep : m[0] === m[0]!.toUpperCase() ? rep : rep.toLowerCase(),
  );
  // A letter added or removed at the start: the word keeps one capital, at its new start.
  out = out.length > 0 ? out[0]!.toUpperCase() + out.slice(1).toLowerCase() : out;
  if (out.length < 2) return name;
  words[k] = out;
  return words.join(' ');
}

export { stripAccents };

/** One digit changed. */
export function digitTypo(digits: string, r: SynthRandom): string {
  const i = r.int(digits.length);
  let d = r.int(9);
  if (String(d) >= digits[i]!) d++;
  return digits.slice(0, i) + String(d % 10) + digits.slice(i + 1);
}

/** Two adjacent digits swapped (when they differ), else one digit changed. */
export function digitSwap(digits: string, r: SynthRandom): string {
  for (let tries = 0; tries < 4; tries++) {
    const i = r.int(digits.length - 1);
    if (digits[i] !== digits[i + 1])
      return digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
  }
  return digitTypo(digits, r);
}
