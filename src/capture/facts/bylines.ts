/**
 * Persons a byline names ("By Hannah Osei and Aung Kyaw Moe", "By Farhana Rahman Chowdhury in
 * Dhaka", "Posted by Esther Kavira · 14 March 2025", "Por Yusmary Chirinos | Maracaibo", "… ·
 * Photographs by Nop Chanthy"): every round since the third annotates the authors of a byline the
 * page shows as persons of the text, whatever their names' origin, so no name list or cue is needed
 * — the line says they are persons. An author named only in the page's metadata is not in the text.
 * Pure.
 */
import { fold, GIVEN_NAMES, NOT_NAME } from './lexicon.js';
import { ORG_WORDS } from './orgs.js';
import { lookupPlace } from './places.js';

export interface BylinePerson {
  start: number;
  end: number;
  text: string;
}

/** A line that opens with a byline's verb: "By", "Por", "Posted by", "Written by", "Escrito por", "Started by". */
const BYLINE =
  /^[ \t]*(?:(?:posted|written|started|reported|escrito|publicado|iniciad[oa]|redactado)\b[^\n]{0,40}?\b)?(?:by|por)[ \t]+/gimu;
/** What separates authors, or an author from the place and date after it. */
const SEPARATOR = /\s*(?:[·|,;&—–]|\s(?:and|y|with|con)\s)\s*/u;
/** A second byline inside the line: "· Photographs by X", "· Fotos: X". */
const CREDIT =
  /^(?:(?:photographs?|photos?|pictures?|fotos?|fotograf[ií]as?|images?|video|illustrations?|additional reporting)\s+(?:by|por|de)|(?:fotos?|photos?):)\s+/iu;
/** Two to four name words (particles and initials inside), or one. */
const NAME =
  /^(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:(?:de|del|da|dos|van|von|bin|ibn|al|el)\s+)?(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]+)){0,3}$/u;

function isAuthor(name: string, blog: boolean): boolean {
  if (!NAME.test(name)) return false;
  const words = name.split(/\s+/).map((w) => fold(w).replace(/\.$/, ''));
  if (words.some((w) => ORG_WORDS.has(w) || NOT_NAME.has(w))) return false;
  if (lookupPlace(name)) return false;
  // One word: a given name, or a blog's poster ("Publicado … por Yudith"); not "Por Redacción".
  return (
    words.length > 1 || GIVEN_NAMES.has(words[0]!) || (blog && !/^(?:redaccion|staff|admin)$/.test(words[0]!))
  );
}

export function bylinePersons(text: string): BylinePerson[] {
  const out: BylinePerson[] = [];
  for (const m of text.matchAll(BYLINE)) {
    const from = m.index + m[0].length;
    const eol = text.indexOf('\n', from);
    const end = eol < 0 ? text.length : eol;
    if (end - m.index > 200) continue;
    const blog = !/^[ \t]*(?:by|por)\b/iu.test(m[0]);
    let at = from;
    for (const part of text.slice(from, end).split(SEPARATOR)) {
      const start = text.indexOf(part, at);
      at = start + part.length;
      const credit = CREDIT.exec(part);
      // "Farhana Rahman Chowdhury in Dhaka", "Hannah Whitfield at 9:03 PM": the name ends there.
      const name = part
        .slice(credit ? credit[0].length : 0)
        .replace(/\s+(?:in|en|at|a las|desde|from)\s.*$/iu, '')
        .trim();
      if (!name || !isAuthor(name, blog)) continue;
      const s = start + (credit ? credit[0].length : 0);
      out.push({ start: s, end: s + name.length, text: name });
    }
  }
  return out;
}
