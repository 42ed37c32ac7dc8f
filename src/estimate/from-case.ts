/**
 * Capture histories from a case file: every person that list records were linked to (by record
 * linkage or a reviewer) is one individual; the lists holding their records make the pattern.
 * Records not yet linked are refused rather than guessed, since counting them as distinct people
 * would inflate every estimate.
 */
import { InputError } from '../domain/errors.js';
import type { LinkageUncertainty, UncertainLink } from './linkage-error.js';
import type { CaptureTable } from './table.js';

export interface LinkedRecord {
  listName: string;
  personId: string | null;
  /** Value of the stratifying attribute on this record (e.g. its state), if any. */
  stratum?: string;
}

export function tablesFromLinkedRecords(
  records: Iterable<LinkedRecord>,
  listNames: string[],
  opts: { strata?: boolean } = {},
): Map<string, CaptureTable> {
  if (listNames.length < 2)
    throw new InputError(`at least 2 lists are needed, the case file has ${listNames.length}`);
  const idx = new Map(listNames.map((n, i) => [n, i]));
  const pattern = new Map<string, number>();
  const stratumOf = new Map<string, string>();
  let unlinked = 0;
  for (const r of records) {
    if (!r.personId) {
      unlinked++;
      continue;
    }
    pattern.set(r.personId, (pattern.get(r.personId) ?? 0) | (1 << idx.get(r.listName)!));
    // A person's stratum is the first non-empty value seen on their records.
    if (opts.strata && r.stratum && !stratumOf.has(r.personId)) stratumOf.set(r.personId, r.stratum);
  }
  if (unlinked > 0) {
    throw new InputError(
      `${unlinked} list record(s) are not linked to a person yet: run record linkage (or review) before estimating`,
    );
  }
  const tables = new Map<string, CaptureTable>();
  for (const [person, w] of pattern) {
    const key = opts.strata ? (stratumOf.get(person) ?? '(unknown)') : '';
    let t = tables.get(key);
    if (!t) {
      t = { lists: listNames, counts: new Array(1 << listNames.length).fill(0) };
      tables.set(key, t);
    }
    t.counts[w]!++;
  }
  if (tables.size === 0) throw new InputError('no linked list records in this case file');
  return tables;
}

/**
 * The linked people of a case with the pairs of people linkage was unsure about (person ids and
 * match probability), for `withLinkageError`. Pairs naming someone with no list record, or the same
 * person twice, cannot change the table and are left out.
 */
export function uncertaintyFromLinkedRecords(
  records: Iterable<LinkedRecord>,
  listNames: string[],
  pairs: readonly { a: string; b: string; probability: number }[],
): LinkageUncertainty {
  const idx = new Map(listNames.map((n, i) => [n, i]));
  const pattern = new Map<string, number>();
  for (const r of records) {
    if (!r.personId) continue;
    pattern.set(r.personId, (pattern.get(r.personId) ?? 0) | (1 << idx.get(r.listName)!));
  }
  const people = [...pattern.keys()];
  const index = new Map(people.map((p, i) => [p, i]));
  const links: UncertainLink[] = [];
  for (const p of pairs) {
    const a = index.get(p.a);
    const b = index.get(p.b);
    if (a === undefined || b === undefined || a === b) continue;
    links.push({ a, b, probability: p.probability });
  }
  return { lists: listNames, patterns: people.map((p) => pattern.get(p)!), links };
}
