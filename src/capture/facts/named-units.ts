/**
 * "la columna móvil Dagoberto Ramos", "del frente Ismael Ruiz", "its Teófilo Forero column": an armed unit
 * named after a person, its unit word written in lower case, is an organization, and the name inside it
 * gives no person (GUIDE §6). The rules read a body only from capitalised words, so the lower-case unit
 * word left these with nothing or with the bare name. Counted at stop 49 on the development rounds
 * (HISTORY "Organizations, stop 49"): 9 gold names missed in 7 texts of 6 rounds (29, 39, 40, 75, 78, 92),
 * none of the shape left unannotated ("el bloque H3" is a prison block: "bloque" is not read).
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+(?:de[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]+){0,2}`;

/** Spanish: the unit word, then the name ("frente Ismael Ruiz", "columna móvil Dagoberto Ramos"). */
const ES_UNIT = new RegExp(String.raw`(?<!\p{L})(?:columna(?:[ \t]+móvil)?|frente)[ \t]+(${NAME})`, 'gu');
/** … after an article or a preposition ("del frente", "a la columna"), or opening a line or a table cell. */
const ES_BEFORE = /(?:(?<!\p{L})(?:el|al|del|la|las|los|una|un|su|sus|y|e|de)[ \t]+|[|\t\n][ \t]*)$/u;

/**
 * English: two or three capitalised words after a lower-case article or preposition, then "column" /
 * "mobile column" ("the Status column" is a sheet's). Read back from each "column".
 */
const EN_COLUMN = /(?<!\p{L})column\b/gu;
const EN_BEFORE =
  /(?<!\p{L})(?:the|its|their|a|of|by|and)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){1,2})[ \t]+(?:mobile[ \t]+)?$/du;

interface Unit {
  start: number;
  end: number;
  name: string;
}

/** The units of `text`: each regular expression starts on a unit word, so the pass is one scan of the text. */
function unitsIn(text: string): Unit[] {
  const out: Unit[] = [];
  for (const m of text.matchAll(ES_UNIT)) {
    const from = Math.max(0, m.index - 12);
    const before = text.slice(from, m.index);
    if (ES_BEFORE.test(before) || (from === 0 && /^[ \t]*$/.test(before)))
      out.push({ start: m.index, end: m.index + m[0].length, name: fold(m[1]!) });
  }
  for (const m of text.matchAll(EN_COLUMN)) {
    const from = Math.max(0, m.index - 80);
    const b = EN_BEFORE.exec(text.slice(from, m.index));
    if (b) out.push({ start: from + b.indices![1]![0], end: m.index + m[0].length, name: fold(b[1]!) });
  }
  return out;
}

/**
 * Each such unit becomes an organization mention (valued by the first unit of its name the text writes);
 * person and organization mentions inside it are dropped, and an organization elsewhere valued by the
 * bare name is that unit.
 */
export function withNamedUnits<T extends EntityMention>(text: string, mentions: T[]): T[] {
  if (!/column|frente/.test(text)) return mentions;
  const units = unitsIn(text);
  if (units.length === 0) return mentions;
  const unitValue = new Map<string, string>();
  for (const u of [...units].sort((a, b) => a.start - b.start))
    if (!unitValue.has(u.name)) unitValue.set(u.name, text.slice(u.start, u.end));
  const inside = (m: T) => units.some((u) => m.start >= u.start && m.end <= u.end);
  const out: T[] = [];
  for (const m of mentions) {
    if (m.kind !== 'place' && inside(m)) continue;
    const unit = m.kind === 'organization' ? unitValue.get(fold(m.value)) : undefined;
    out.push(unit ? { ...m, value: unit } : m);
  }
  for (const u of units) {
    const added = {
      kind: 'organization',
      start: u.start,
      end: u.end,
      text: text.slice(u.start, u.end),
      value: unitValue.get(u.name)!,
      rule: 'named-unit',
    } as T;
    // Kept in text order among the others, whose own order is left as it was.
    const at = out.findIndex((m) => m.start > u.start);
    out.splice(at < 0 ? out.length : at, 0, added);
  }
  return out;
}
