/**
 * Text normalisation for Spanish and Latin American names: folding (case, accents, punctuation,
 * spacing), name particles, common nicknames, and a phonetic key that makes spellings that sound
 * the same in Venezuelan Spanish compare equal (B/V, Z/S/soft C, LL/Y, Y/I, silent H, QU/K, soft G/J).
 */

import { foldCase } from '../domain/fold.js';
import { NICKNAMES } from './nicknames.js';

/** Lower case, no accents (ñ becomes n: lists drop the tilde as often as the accent), letters, digits and single spaces. */
export function fold(s: string): string {
  return foldCase(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that join name parts and carry no identity: "María de los Ángeles", "Pérez y Gómez", "De La Cruz". */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'da',
  'do',
  'dos',
  'das',
  'di',
  'van',
  'von',
]);

/** Name tokens after folding, without particles. A name made only of particles keeps them ("De La"). */
export function nameTokens(s: string): string[] {
  const folded = fold(s);
  if (folded === '') return [];
  const all = folded.split(' ');
  const kept = all.filter((t) => !PARTICLES.has(t));
  return kept.length > 0 ? kept : all;
}

/** Folded name without particles: "María de los Ángeles  PÉREZ" → "maria angeles perez". */
export function normalizeName(s: string): string {
  return nameTokens(s).join(' ');
}

/** Replaces nicknames by the names they stand for ("pepe" → "jose", "majo" → "maria jose"). */
export function canonicalTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const c = NICKNAMES.get(t);
    if (c) out.push(...c.split(' '));
    else out.push(t);
  }
  return out;
}

const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
const isFront = (c: string | undefined) => c === 'e' || c === 'i' || c === 'y';

/**
 * Phonetic key of one folded token, for Venezuelan Spanish: letters that sound alike map to one
 * symbol and doubled letters collapse: "Yndira"/"Indira", "Bíctor"/"Víctor", "Zoraida"/"Soraida",
 * "Helena"/"Elena", "Llanos"/"Yanos", "Quintero"/"Kintero", "Jiménez"/"Giménez", "Jhonny"/"Jony" share a key.
 */
export function phoneticToken(t: string): string {
  let out = '';
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t[i]!;
    const next = t[i + 1];
    let code: string;
    switch (c) {
      case 'b':
      case 'v':
        code = 'b';
        break;
      case 'w':
        // Wilmer / Guilmer / Uilmer: W sounds as U in Venezuelan given names.
        code = 'u';
        break;
      case 'z':
      case 's':
        code = 's';
        break;
      case 'c':
        if (next === 'h') {
          code = 'x'; // ch
          i++;
        } else if (isFront(next)) code = 's';
        else code = 'k';
        break;
      case 'q':
        code = 'k';
        if (next === 'u' && isFront(t[i + 2])) i++;
        break;
      case 'k':
        code = 'k';
        break;
      case 'g':
        if (isFront(next)) code = 'j';
        else {
          code = 'g';
          if (next === 'u' && isFront(t[i + 2])) i++; // gue, gui: the u is silent
        }
        break;
      case 'j':
        code = 'j';
        break;
      case 'x':
        // Initial X sounds as S (Xiomara); elsewhere KS (Maximiliano).
        code = i === 0 ? 's' : 'ks';
        break;
      case 'h':
        // Silent, except after c (handled above). "Jhonny" → "jonny", "Helena" → "elena".
        code = '';
        break;
      case 'l':
        if (next === 'l') {
          code = 'y';
          i++;
        } else code = 'l';
        break;
      case 'y':
        // Consonant before a vowel (Yolanda, Mayela, Yhonny), the vowel I otherwise (Yndira, Yrma, Eloy).
        code = isVowel(next) || (next === 'h' && isVowel(t[i + 2])) ? 'y' : 'i';
        break;
      case 'n':
        // "nv" sounds as "mb" (Envigado/Embigado).
        code = next === 'b' || next === 'v' ? 'm' : 'n';
        break;
      default:
        code = c;
    }
    if (code !== '' && !out.endsWith(code)) out += code;
  }
  return out;
}

/** Phonetic key of a whole name: nickname-canonical tokens, each keyed, joined by spaces. */
export function phoneticName(s: string): string {
  return canonicalTokens(nameTokens(s)).map(phoneticToken).join(' ');
}
