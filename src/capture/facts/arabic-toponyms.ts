/**
 * "Wadi al-Natrun", "Hay al-Hussein", "Wadi al Natrun": an Arabic toponym's generic head (wadi, hay, tell,
 * deir, bab, suq …) with an article in lower case and a name is one place. Capitalized runs stop at the
 * article, and a town gazetteer holds the head alone ("Wadi", "Hay"), so the rules read the head as the
 * place: counted at stop 44 on the development rounds, 5 names in 4 texts of 4 rounds (40, 65, 69, 71; 4
 * writers), each an extra head and a missed whole. `wholeTownNames` (places.ts) joins such names only when
 * a gazetteer holds the whole and the article takes a hyphen.
 */
import type { ValuedSpan } from './entities.js';

/** Generic heads of Arabic place names, folded. */
const HEADS = new Set(
  'wadi hay hayy tel tell deir dayr bab bir ain ayn jebel jabal kafr beit bayt khan suq souk bilad qasr ras'.split(
    ' ',
  ),
);
/** The article and the name after the head ("al-Natrun", "el Natrun", "ash-Shati"). */
const ARTICLE_NAME =
  /^[ \t\u00a0](?:al|el|an|ad|as|ar|ash|az|ez|ed|es|at|ul|ud)[- \t\u00a0]\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*/u;

/** Each place that is only a head, run on over the article and name that follow it. */
export function withArabicToponyms<T extends ValuedSpan>(text: string, entities: readonly T[]): T[] {
  return entities.map((e) => {
    if (e.kind !== 'place' || !HEADS.has(e.text.toLowerCase())) return e;
    const tail = ARTICLE_NAME.exec(text.slice(e.end, e.end + 40));
    if (!tail) return e;
    const end = e.end + tail[0].length;
    // Not over another name ("Wadi al-Hussein Mosque" a body's, a person's "al-Hussein").
    if (entities.some((o) => o !== e && o.start < end && e.end < o.end)) return e;
    const name = text.slice(e.start, end).replace(/\s+/g, ' ');
    return { ...e, end, text: text.slice(e.start, end), value: name };
  });
}
