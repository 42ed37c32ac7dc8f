/**
 * Names written surname first in a list's name column: "Rivas Aguilar, José Mauricio", "Safi, Gul
 * Ahmad", "Chávez viuda de Godoy, Irma Leticia" — how registers, victim lists and spreadsheets pasted
 * from NGOs write them (every pasted table of persons in rounds 18, 24, 31, 33, 34 and 38–42). Read as
 * running text they are two persons or a person and a stray given name; here they are one person,
 * suggested under the name as it is said ("José Mauricio Rivas Aguilar"). Pure.
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';
import { addressedName, fitsAddress } from './person-spans.js';

/** Headers of columns that hold persons' names ("Apellidos, nombre", "Name", "Víctima", "Detainee"). */
const NAME_HEADER =
  /(?<!\p{L})(?:names?|surnames?|full\s+name|victims?|detainees?|deceased|person|nombres?|apellidos?|v[ií]ctimas?|detenid[oa]s?|fallecid[oa]s?|desaparecid[oa]s?|persona)(?!\p{L})/iu;

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PARTICLE = String.raw`(?:de|del|de\s+la|de\s+los|de\s+las|la|vda\.?\s+de|viuda\s+de|y|e|van|von|der|da|das|do|dos|di|al|el|bin|ibn)`;
/** The surnames, a comma, the given names, then maybe a nickname in quotes or brackets. */
const INVERTED = new RegExp(
  String.raw`^(${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD})*),\s+(${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD})*)\s*(?:(?:["“«(].*)|)$`,
  'u',
);

interface Cell {
  start: number;
  end: number;
  text: string;
}

/** The cells of a line split at `sep`, with their offsets in the text. */
function cellsOf(lineStart: number, line: string, sep: string): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    const trimmed = part.trim();
    out.push({ start: lineStart + at + lead, end: lineStart + at + lead + trimmed.length, text: trimmed });
    at += part.length + sep.length;
  }
  return out;
}

/**
 * The spans of names written surname first in the name columns of the text's tables (rows of cells
 * split by "|" or tabs under a header row), with the name as it is said.
 */
export interface InvertedName {
  start: number;
  end: number;
  /** The name as it is said: given names, then surnames. */
  value: string;
  given: string;
  surnames: string;
}

export function invertedTableNames(text: string): InvertedName[] {
  const out: InvertedName[] = [];
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    lines.push({ start: at, text: l });
    at += l.length + 1;
  }
  for (let i = 0; i < lines.length; ) {
    const sep =
      (lines[i]!.text.match(/\|/g)?.length ?? 0) >= 2
        ? '|'
        : (lines[i]!.text.match(/\t/g)?.length ?? 0) >= 2
          ? '\t'
          : '';
    if (!sep) {
      i++;
      continue;
    }
    // A table: this line and those after it with the same separator; its first row is the header.
    let end = i + 1;
    while (end < lines.length && lines[end]!.text.split(sep).length - 1 >= 2) end++;
    const header = cellsOf(lines[i]!.start, lines[i]!.text, sep);
    const columns = header.flatMap((c, k) => (NAME_HEADER.test(c.text) ? [k] : []));
    for (let r = i + 1; r < end && columns.length; r++) {
      const row = lines[r]!;
      if (/^[\s|:\-+]+$/.test(row.text)) continue;
      const cells = cellsOf(row.start, row.text, sep);
      for (const k of columns) {
        const cell = cells[k];
        const m = cell && INVERTED.exec(cell.text);
        if (!m) continue;
        const surnames = m[1]!.replace(/\s+/g, ' ');
        const given = m[2]!.replace(/\s+/g, ' ');
        out.push({
          start: cell.start,
          end: cell.start + m[1]!.length + cell.text.slice(m[1]!.length).indexOf(m[2]!) + m[2]!.length,
          value: `${given} ${surnames}`,
          given,
          surnames,
        });
      }
    }
    i = end;
  }
  return out;
}

/**
 * The entities with each surname-first name of a table read as one person: the persons (and stray
 * places or organizations the words were read as) inside its span give way to it, and a mention
 * elsewhere whose value is its surnames or its given names alone is tied to it when it is the only
 * such name of the text.
 */
export function withInvertedNames(text: string, entities: readonly EntityMention[]): EntityMention[] {
  const names = invertedTableNames(text);
  if (!names.length) return [...entities];
  const inside = (e: EntityMention) => names.some((n) => e.start >= n.start && e.end <= n.end);
  const kept = entities.filter((e) => !inside(e));
  const parts = new Map<string, string[]>();
  const add = (p: string, value: string) => {
    const list = parts.get(p) ?? [];
    if (!list.includes(value)) parts.set(p, [...list, value]);
  };
  for (const n of names) for (const p of [n.given, n.surnames]) add(p, n.value);
  // "doña Irma", "Mrs Gitau" of "Chávez viuda de Godoy, Irma Leticia" and "Gitau, Esther Wambui": the
  // name after a form of address is the first given name or the surnames of one row (person-spans.ts).
  const byAddress = new Map<string, { value: string; given: string }[]>();
  for (const n of names) {
    const given = fold(n.given.split(/\s+/)[0]!);
    for (const p of new Set([given, fold(n.surnames)]))
      byAddress.set(p, [...(byAddress.get(p) ?? []), { value: n.value, given }]);
  }
  const addressed = (value: string): string[] | undefined => {
    const a = addressedName(fold(value).split(/\s+/));
    if (!a) return undefined;
    const rows = (byAddress.get(a.name) ?? []).filter(
      (r) => fitsAddress(a.sex, r.given) && (!a.given || r.given === a.name),
    );
    return [...new Set(rows.map((r) => r.value))];
  };
  const tied = kept.map((e) => {
    const full = e.kind === 'person' ? (parts.get(e.value) ?? addressed(e.value)) : undefined;
    return full?.length === 1 ? { ...e, value: full[0]! } : e;
  });
  const added: EntityMention[] = names.map((n) => ({
    kind: 'person',
    start: n.start,
    end: n.end,
    text: text.slice(n.start, n.end),
    value: n.value,
    rule: 'table-name',
  }));
  return [...tied, ...added].sort((a, b) => a.start - b.start);
}
