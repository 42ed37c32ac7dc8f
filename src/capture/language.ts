/**
 * Spanish or English? Counted by function words, which every sentence has and which the two
 * languages barely share. Names, places and numbers carry no vote. Too little text gives "und"
 * rather than a guess.
 */
import { perText } from './text-cache.js';

const ES = new Set(
  'el la los las de del y en que por para con un una unos unas es fue son al se su sus lo como pero más o este esta estos estas ese esa también sin sobre entre desde hasta cuando donde quien fueron ha han había ser está están muy ya le les nos ni porque según tras durante'.split(
    ' ',
  ),
);
const EN = new Set(
  'the of and to in that is was for on with as by at from it his her their be were are has have had not this which who an or but been after would its they he she also into than when where there about over while during'.split(
    ' ',
  ),
);

export function detectLanguage(text: string, declared?: string): 'es' | 'en' | 'und' {
  const { es, en } = votesOf(text);
  const total = es + en;
  const hint = declared?.toLowerCase().slice(0, 2);
  if (total < 3) return hint === 'es' || hint === 'en' ? hint : 'und';
  if (es >= en * 1.5) return 'es';
  if (en >= es * 1.5) return 'en';
  return hint === 'es' || hint === 'en' ? hint : es >= en ? 'es' : 'en';
}

/**
 * The function words of each language in a text, counted once per text and extraction (text-cache.ts): the
 * capture asks the language of the same text (and of the same opening) several times over (the document, the
 * tagger, the date readers).
 */
const votesOf = perText((text): { es: number; en: number } => {
  let es = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ES.has(w)) es++;
    if (EN.has(w)) en++;
  }
  return { es, en };
});
