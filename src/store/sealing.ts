/**
 * Which fields of which records are encrypted at the field level, and the transforms between a
 * record's body and its stored form. The sealed fields of a record travel together as one
 * encrypted JSON object in `$sealed`; everything else (references, codes, dates of events, the
 * protection level) stays in clear for references, filters and facets.
 *
 * Sealed: identifying fields of every person who is not public; the text of every testimony that
 * is not public; everything a public submission says. Kept in clear on purpose: ids and references,
 * vocabulary codes, event and act facts (which carry no names), public persons (officials, units'
 * commanders: named in the public report anyway).
 */
import { canonicalJson } from '../domain/canonical-json.js';
import { IntegrityError, KeyError } from '../domain/errors.js';
import { foldWords } from '../domain/fold.js';
import { KIND_NAMES, KINDS, type Kind, type KindSpec } from '../domain/kinds.js';
import { type DataKey, isSealed, parseSealed } from '../security/field-cipher.js';
import type { KeySet } from './data-keys.js';

export const SEALED_KEY = '$sealed';

/** The fields of this body that are stored encrypted (none for most kinds): KINDS[kind].sealed. */
export function sealedFields(kind: Kind, body: Record<string, unknown>): readonly string[] {
  const sealed: KindSpec['sealed'] = KINDS[kind].sealed;
  if (!sealed || (sealed.unlessPublic && body.protection === 'public')) return [];
  return sealed.fields;
}

export const SEALABLE_KINDS: readonly Kind[] = KIND_NAMES.filter((k) => KINDS[k].sealed !== null);

const place = (kind: Kind, id: string) => `${kind}:${id}`;

/** The stored form of a body: sealed fields moved into one `$sealed` envelope. */
export function sealBody(
  key: DataKey,
  kind: Kind,
  id: string,
  body: Record<string, unknown>,
): { stored: Record<string, unknown>; sealed: boolean } {
  const fields = sealedFields(kind, body);
  if (fields.length === 0) return { stored: body, sealed: false };
  const secret: Record<string, unknown> = {};
  const stored: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if ((fields as readonly string[]).includes(k)) secret[k] = v;
    else stored[k] = v;
  }
  stored[SEALED_KEY] = key.seal(canonicalJson(secret), place(kind, id));
  return { stored, sealed: true };
}

/** The key versions a stored body needs. */
export function versionsOf(stored: Record<string, unknown>): string[] {
  const s = stored[SEALED_KEY];
  return isSealed(s) ? [parseSealed(s).version] : [];
}

/** The body of a stored record (bodies written before encryption pass through unchanged). */
export function openBody(keys: KeySet, kind: Kind, id: string, stored: Record<string, unknown>) {
  const s = stored[SEALED_KEY];
  if (s === undefined) return stored;
  if (!isSealed(s)) throw new IntegrityError(`${kind} ${id}: encrypted fields have an unknown format`);
  const key = keys.get(parseSealed(s).version);
  if (!key) throw new KeyError(`${kind} ${id} is sealed under a data key this store does not have`);
  const { [SEALED_KEY]: _, ...rest } = stored;
  return { ...rest, ...(JSON.parse(key.open(s, place(kind, id))) as Record<string, unknown>) };
}

/** Raw list rows (organizations' victim lists) are sealed whole, bound to their list and row. */
export function sealRow(key: DataKey, listId: string, rowNo: number, json: string): string {
  return key.seal(json, `row:${listId}:${rowNo}`);
}
export function openRow(keys: KeySet, listId: string, rowNo: number, data: string): string {
  if (!isSealed(data)) return data;
  const key = keys.get(parseSealed(data).version);
  if (!key)
    throw new KeyError(`row ${rowNo} of list ${listId} is sealed under a data key this store does not have`);
  return key.open(data, `row:${listId}:${rowNo}`);
}

/** Interview drafts (working state of a testimony) are sealed whole, bound to their case and id. */
export function draftPlace(caseId: string, id: string): string {
  return `interview:${caseId}:${id}`;
}
export function openDraft(keys: KeySet, caseId: string, id: string, data: string): string {
  const key = isSealed(data) ? keys.get(parseSealed(data).version) : undefined;
  if (!key) throw new KeyError(`draft ${id} is sealed under a data key this store does not have`);
  return key.open(data, draftPlace(caseId, id));
}

/** Normalised form for blind indexes: case, accents and spacing folded. */
export function normaliseForIndex(v: string): string {
  return foldWords(v);
}

/** A search term as stored in the protected tiers of the index (FTS-safe token). */
export function blindTerm(key: DataKey, term: string): string {
  return `h${key.blind('term', term).slice(0, 20)}`;
}
