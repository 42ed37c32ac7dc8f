/**
 * A report's own date in a head line that says it is the edition ("Report, published in Adré and Nairobi, 16 June
 * 2025 — Chapter 3", "Report, August 2025 — Chapter 3 of 6", "Informe, publicado en Bogotá, 3 de marzo de 2026"):
 * read before any other head date, since a report's first lines also hold its numbered sections ("3.2 From 24 April
 * 2023. Fighting…"), which read as datelines and dated two reports by their story (rounds 12 and 23).
 */
import type { FuzzyDate } from '../domain/dates.js';
import { findDates, writesYear } from './facts/dates.js';

/** The words saying the line is the edition itself. */
const EDITION_WORD =
  /^(?:report|informe|published|publicado|publicada|revised|revisada|revisado|versión|version|edition|edición)$/iu;
/** Besides the edition word and the date, only places and their joints. */
const JOINT = /^(?:de|del|la|el|of|the|en|in|and|y|e)$/iu;

export function editionHead(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines) {
    for (const part of l.trim().split(/\s+[—–·|]\s+/)) {
      if (part.length > 80) continue;
      const found = findDates(part, '2000-01-01').filter((x) => !x.relative);
      const d = found[0];
      if (found.length !== 1 || !d || d.date.precision === 'year' || !writesYear(d.text)) continue;
      // The date closes the part: "Report, August 2025", not "Report on the events of 4 May 2024 in Kano".
      if (part.slice(d.end).replace(/[\s.,]/g, '')) continue;
      const words = part
        .slice(0, d.start)
        .replace(/[\s,.:;]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean);
      if (
        EDITION_WORD.test(words[0] ?? '') &&
        words.every((w) => EDITION_WORD.test(w) || /^\p{Lu}/u.test(w) || JOINT.test(w))
      )
        return d.date;
    }
  }
  return undefined;
}
