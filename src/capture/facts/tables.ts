/**
 * The tables of a text pasted as text: rows of cells cut by "|" (a Markdown or wiki table, with or
 * without outer bars) or by tabs (a spreadsheet pasted as it is, an HTML table as html.ts writes it).
 * One reading of what a table, a row, a header and a cell are, for every reader that gives a column a
 * meaning (places.ts `tablePlaces`, person-spans.ts `columnHeader`, table-names.ts). Pure.
 *
 * - A row is a line with at least two separators of one kind: "a | b | c", "| a | b |", "a\tb\tc".
 *   One separator is no row: "Headline | Outlet" and an infobox's "Location\tPretoria" are a
 *   label and its value.
 * - A rule ("---|:---:", "+----+", "—\t—\t—": dashes, colons, pluses only) is no row; it neither
 *   starts nor ends a table.
 * - A table is the rows that follow each other with one separator; it ends at the first line that
 *   is no row or rule. html.ts writes each row of an HTML table as its own paragraph, so rows apart
 *   by one blank line each are one table too — but never a table written line by line after a blank:
 *   two pasted tables apart by a blank line stay two.
 * - The header is a table's first row; the other rows are its data, ragged or not.
 * - A cell is the text between two separators, trimmed (a CR of a CRLF line too); outer bars open
 *   and close a row without making an empty cell, a tab at either end of a line does (an empty first
 *   or last column of a sheet).
 */

export interface TableCell {
  /** Offsets of the trimmed text in the text (start = end for an empty cell). */
  start: number;
  end: number;
  text: string;
}

export interface TableRow {
  /** Offsets of the line (without its line break). */
  start: number;
  end: number;
  cells: TableCell[];
}

export interface Table {
  separator: '|' | '\t';
  /** From the header's line to the last row's. */
  start: number;
  end: number;
  header: TableRow;
  /** The rows under the header, rules left out. */
  rows: TableRow[];
}

interface Line {
  start: number;
  /** Without its line break nor a CR before it. */
  text: string;
}

const count = (s: string, c: string) => {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
};

/** The separator that makes a line a row, if any (pipes first: a tab in a pipe table is space). */
function separatorOf(line: string): '|' | '\t' | undefined {
  if (count(line, '|') >= 2) return '|';
  if (count(line, '\t') >= 2) return '\t';
  return undefined;
}

/** A line of dashes (with colons, pluses, bars, tabs): a rule under a header or around a grid. */
const isRule = (line: string) => /^[\s|:+=_\-‐‑‒–—―]+$/u.test(line) && /[-=_‐‑‒–—―]/u.test(line);

/** The cells of a row, with their offsets. */
function cellsOf(line: Line, sep: '|' | '\t'): TableCell[] {
  const parts = line.text.split(sep);
  const cells: TableCell[] = [];
  let at = line.start;
  parts.forEach((part, i) => {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    // "| a | b |": the outer bars open and close the row, the blank before and after them is no cell.
    const outer = sep === '|' && (i === 0 || i === parts.length - 1) && text === '';
    if (!outer) cells.push({ start: at + lead, end: at + lead + text.length, text });
    at += part.length + 1;
  });
  return cells;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    out.push({ start: at, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    at += raw.length + 1;
  }
  return out;
}

const blank = (l: Line | undefined) => l !== undefined && l.text.trim() === '';

/** The tables of `text`, in reading order. */
export function tablesOf(text: string): Table[] {
  if (!text.includes('|') && !text.includes('\t')) return [];
  const lines = linesOf(text);
  const out: Table[] = [];
  // Is line i a row of separator sep (a rule counts as none)?
  const isRowOf = (i: number, sep: string) =>
    i < lines.length && !isRule(lines[i]!.text) && separatorOf(lines[i]!.text) === sep;
  for (let i = 0; i < lines.length; ) {
    const sep = isRule(lines[i]!.text) ? undefined : separatorOf(lines[i]!.text);
    if (!sep) {
      i++;
      continue;
    }
    const rows: TableRow[] = [];
    const take = (k: number) => {
      const l = lines[k]!;
      rows.push({ start: l.start, end: l.start + l.text.length, cells: cellsOf(l, sep) });
    };
    take(i);
    let spaced: boolean | undefined;
    let j = i + 1;
    for (;;) {
      // Rules inside a table are skipped.
      while (j < lines.length && isRule(lines[j]!.text)) j++;
      if (spaced !== true && isRowOf(j, sep)) {
        spaced = false;
        take(j++);
        continue;
      }
      // One blank line, then a row that no row follows right under: the next paragraph-row of an
      // HTML table (a row with one under it opens a table of its own).
      if (spaced !== false && blank(lines[j]) && isRowOf(j + 1, sep) && !isRowOf(j + 2, sep)) {
        spaced = true;
        take(j + 1);
        j += 2;
        continue;
      }
      break;
    }
    const [header, ...data] = rows;
    out.push({
      separator: sep,
      start: header!.start,
      end: rows[rows.length - 1]!.end,
      header: header!,
      rows: data,
    });
    i = j;
  }
  return out;
}

let last: { text: string; tables: readonly Table[] } | undefined;
/**
 * `tablesOf`, remembered for the last text: several readers ask it of one text, some once for every
 * span they weigh, so the tables are shared: read them, never change them. Pure (but for the one
 * text it keeps).
 */
export function tablesIn(text: string): readonly Table[] {
  if (last?.text !== text) last = { text, tables: tablesOf(text) };
  return last.tables;
}

/** The table and row whose line holds `offset`, if any (a header's column too). */
export function rowAt(text: string, offset: number): { table: Table; row: TableRow } | undefined {
  for (const table of tablesIn(text)) {
    if (offset < table.start) return undefined;
    if (offset > table.end) continue;
    for (const row of [table.header, ...table.rows])
      if (offset >= row.start && offset <= row.end) return { table, row };
    return undefined;
  }
  return undefined;
}

/** The index of the cell of `row` (of `table`, in `text`) that holds `offset`: the separators before it. */
export function columnAt(text: string, table: Table, row: TableRow, offset: number): number {
  const before = text.slice(row.start, offset);
  const outer = table.separator === '|' && /^\s*\|/.test(before) ? 1 : 0;
  return count(before, table.separator) - outer;
}
