/**
 * Two halves of one compound given name, told apart from twins with other names by the lists
 * themselves. Spanish given names are often compound ("María del Carmen", "José Luis", "Carmen
 * María"), and one list may keep one word ("Carmen") where another keeps the other ("María"). From
 * the pair alone that looks like twins: same surnames, birth date and place, another given name.
 * Two things in the data tell them apart:
 *
 * - the two words are the words of a two-word given name somebody in the lists has (the lists' own
 *   vocabulary, not a name list of ours): only then can they be halves of one name at all;
 * - among such pairs whose documents are both present, the documents say how often they are one
 *   person (same or one-edit document) rather than two (other or consecutive documents). That
 *   share, at the lower end of its 95 % interval, is what a pair without a document can be
 *   believed: it becomes the pair's cap instead of the twin guard's review cap, when higher.
 *
 * A pair whose documents are both present and differ (by more than one typo), or are consecutive,
 * is never lifted: the names' argument alone does not outweigh a document. Pure; runs on the
 * encoded columns.
 */
import { type Comparator, type ScoreTables, scorePair, withoutField } from './compare.js';
import { DAY_NONE, type EncodedData, INITIAL } from './encode.js';
import { PairIds } from './pair-ids.js';
import type { IdentityRoles } from './roles.js';

/** The unordered word pairs of two-word given names, sorted, as [lo0, hi0, lo1, hi1, …] phonetic ids. */
export type CompoundWords = Int32Array;

/** Phonetic id of a value's only word, or -1 when it has not exactly one (initials do not count). */
function soleWord(data: EncodedData, dict: number, v: number): number {
  if (v < 0) return -1;
  const d = data.dicts[dict]!;
  const s = d.tokStart[v]!;
  if (d.tokStart[v + 1]! - s !== 1 || d.tokFirst[s]! & INITIAL) return -1;
  return d.tokPhon[s]!;
}

/** The word pairs of the given-name field's two-word values (particles already dropped: "María del Carmen"). */
export function compoundWords(data: EncodedData, given: number): CompoundWords {
  const fd = data.fields[given]!;
  const d = data.dicts[fd.dict]!;
  const seen = new Uint8Array(d.size);
  const pairs = new PairIds();
  const out: number[] = [];
  for (let i = 0; i < data.n; i++) {
    const v = fd.value[i]!;
    if (v < 0 || seen[v]) continue;
    seen[v] = 1;
    const s = d.tokStart[v]!;
    if (d.tokStart[v + 1]! - s !== 2 || d.tokFirst[s]! & INITIAL || d.tokFirst[s + 1]! & INITIAL) continue;
    const x = d.tokPhon[s]!;
    const y = d.tokPhon[s + 1]!;
    if (x === y) continue;
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    const before = pairs.size;
    pairs.id(lo, hi);
    if (pairs.size > before) out.push(lo, hi);
  }
  const order = Array.from({ length: out.length / 2 }, (_, k) => k).sort(
    (p, q) => out[2 * p]! - out[2 * q]! || out[2 * p + 1]! - out[2 * q + 1]!,
  );
  const sorted = new Int32Array(out.length);
  order.forEach((p, k) => {
    sorted[2 * k] = out[2 * p]!;
    sorted[2 * k + 1] = out[2 * p + 1]!;
  });
  return sorted;
}

function hasPair(words: CompoundWords, x: number, y: number): boolean {
  const lo = Math.min(x, y);
  const hi = Math.max(x, y);
  let a = 0;
  let b = words.length / 2 - 1;
  while (a <= b) {
    const m = (a + b) >> 1;
    const c = words[2 * m]! - lo || words[2 * m + 1]! - hi;
    if (c === 0) return true;
    if (c < 0) a = m + 1;
    else b = m - 1;
  }
  return false;
}

/** Whether records a and b each hold one word of a two-word given name the lists have. */
export function areHalves(
  data: EncodedData,
  given: number,
  words: CompoundWords,
  a: number,
  b: number,
): boolean {
  const fd = data.fields[given]!;
  const x = soleWord(data, fd.dict, fd.value[a]!);
  const y = soleWord(data, fd.dict, fd.value[b]!);
  return x >= 0 && y >= 0 && x !== y && hasPair(words, x, y);
}

/** What the lists' documented halves pairs say. */
export interface HalvesEvidence {
  /** Two-word given names' word pairs found in the given-name field. */
  compoundNames: number;
  /** Documented halves pairs: same or one-edit document (one person), other or consecutive (two). */
  samePerson: number;
  otherPerson: number;
  /** Lower end of the 95 % Wilson interval of the one-person share (0 without pairs). */
  shareLower: number;
}

/** Lower end of the Wilson score interval (z = 1.96) of k successes in n. */
export function wilsonLower(k: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** Records sharing an exact birth date and a first surname that sounds the same; larger groups are placeholders. */
const MAX_GROUP = 64;

/**
 * Counts the documented halves pairs among records with one birth date (complete) and one first
 * surname (phonetic key): those the twin guard would hold if their documents were missing —
 * other sex excluded, and `wouldBeGuarded` (the pair's weight with the document left out is above
 * the guard's cap) true.
 */
export function halvesEvidence(
  cmp: Comparator,
  roles: IdentityRoles,
  words: CompoundWords,
  wouldBeGuarded: (a: number, b: number) => boolean,
): HalvesEvidence {
  const data = cmp.data;
  const none = { compoundNames: words.length / 2, samePerson: 0, otherPerson: 0, shareLower: 0 };
  if (roles.given < 0 || roles.surname1 < 0 || roles.birth < 0 || roles.document < 0 || words.length === 0)
    return none;
  const given = data.fields[roles.given]!;
  const birth = data.fields[roles.birth]!;
  const surname = data.fields[roles.surname1]!;
  const sdict = data.dicts[surname.dict]!;
  const doc = data.fields[roles.document]!;
  // Group the records that could be in such a pair: one given word, a complete birth date, a surname.
  const groups = new PairIds();
  const groupOf = new Int32Array(data.n).fill(-1);
  for (let i = 0; i < data.n; i++) {
    if (soleWord(data, given.dict, given.value[i]!) < 0) continue;
    const bv = birth.value[i]!;
    const sv = surname.value[i]!;
    if (bv < 0 || birth.days![i] === DAY_NONE || sv < 0) continue;
    groupOf[i] = groups.id(bv, sdict.phon[sv]!);
  }
  const start = new Int32Array(groups.size + 1);
  for (let i = 0; i < data.n; i++) if (groupOf[i]! >= 0) start[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups.size; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups.size);
  const members = new Int32Array(start[groups.size]!);
  for (let i = 0; i < data.n; i++) if (groupOf[i]! >= 0) members[fill[groupOf[i]!]!++] = i;

  let same = 0;
  let other = 0;
  for (let g = 0; g < groups.size; g++) {
    const s = start[g]!;
    const e = start[g + 1]!;
    if (e - s < 2 || e - s > MAX_GROUP) continue;
    for (let x = s; x < e; x++)
      for (let y = x + 1; y < e; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (doc.value[a]! < 0 || doc.value[b]! < 0) continue;
        if (!areHalves(data, roles.given, words, a, b)) continue;
        if (roles.sex >= 0 && cmp.level(roles.sex, a, b) === 1) continue;
        if (!wouldBeGuarded(a, b)) continue;
        // Document levels: 0 exact, 1 one edit, 2 two edits (left out: either), 3 other; consecutive
        // numbers come back as the "missing" level although both are present: twins registered together.
        const l = cmp.level(roles.document, a, b);
        if (l <= 1) same++;
        else if (l !== 2) other++;
      }
  }
  return {
    compoundNames: words.length / 2,
    samePerson: same,
    otherPerson: other,
    shareLower: wilsonLower(same, same + other),
  };
}

/** The twin guard's halves rule for one run, as the report states it. */
export interface HalvesGuard extends HalvesEvidence {
  words: CompoundWords;
  /** Probability a guarded, undocumented halves pair is capped at; undefined = not lifted. */
  liftedCap?: number;
}

/**
 * The halves rule for this run: the compound names of the given-name field and, when the
 * documented halves pairs put the one-person share (lower bound) above the twin guard's cap, that
 * share as the cap of undocumented halves pairs. `tables.twin` must hold the guard's roles and cap.
 */
export function compoundHalvesGuard(cmp: Comparator, tables: ScoreTables, roles: IdentityRoles): HalvesGuard {
  const words = roles.given >= 0 ? compoundWords(cmp.data, roles.given) : new Int32Array(0);
  const cap = tables.twin.cap;
  const noDocument = roles.document >= 0 ? withoutField(tables, roles.document) : tables;
  const evidence = halvesEvidence(
    cmp,
    roles,
    words,
    (a, b) => scorePair(cmp, noDocument, a, b, Number.NEGATIVE_INFINITY) > cap,
  );
  const lifted = evidence.shareLower > 1 / (1 + 2 ** -cap);
  return { ...evidence, words, ...(lifted ? { liftedCap: evidence.shareLower } : {}) };
}
