/**
 * Presenters: the one place where a stored record becomes a response (API, search results,
 * exports, reports). Redaction and pseudonymisation happen here and nowhere else:
 *  - a person whose identity the viewer may not see keeps its id and non-identifying fields, and
 *    gets a stable pseudonym instead of names, documents, birth date, contact and photos;
 *  - the names and document numbers of such persons are also replaced inside every free text
 *    (testimonies, event descriptions, transcripts, titles), so no snippet can leak them;
 *  - testimonies, evidence and sources the viewer may not see are withheld.
 */
import type { Kind } from '../domain/kinds.js';
import { PERSON_IDENTIFYING_FIELDS, type PersonBody } from '../domain/schema.js';
import { termsOf } from '../search/text.js';
import { canSeeIdentity, canSeeTestimony, type Principal } from '../security/policy.js';
import { pseudonym } from '../security/pseudonym.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';

export const WITHHELD = '[withheld]';

export interface ViewContext {
  principal: Principal;
  caseId: string;
  salt: string;
  /** One pattern matching every name and document number the viewer may not see, and their pseudonyms. */
  hidden?: { pattern: RegExp; byKey: Map<string, string>; terms: Set<string> };
}

export function personDisplayName(body: {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
}): string {
  return [body.givenNames, body.firstSurname, body.secondSurname].filter(Boolean).join(' ');
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const CLASSES: Record<string, string> = {
  a: '[aáàä]',
  e: '[eéèë]',
  i: '[iíìï]',
  o: '[oóòö]',
  u: '[uúùü]',
  n: '[nñ]',
};
/** An accent- and case-insensitive pattern for a name as written in free text. */
function namePattern(name: string): string {
  return fold(name)
    .split('')
    .map((c) => CLASSES[c] ?? (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

type Hidden = ViewContext['hidden'];
/**
 * Hidden-name matchers are rebuilt only when the case's persons change (count or last update):
 * building one walks every person of the case, which is too slow to do on every request.
 */
const hiddenCache = new Map<string, { stamp: string; salt: string; hidden: Hidden }>();

/** Builds the hidden-names matcher for a viewer in a case (persons whose identity they may not see). */
export async function buildViewContext(
  store: CaseStore,
  principal: Principal,
  caseId: string,
): Promise<ViewContext> {
  const m = principal.memberships.get(caseId);
  const cleared = [...(principal.personClearances.get(caseId) ?? [])].sort();
  const key = `${caseId}|${m?.role}|${m?.cleared}|${cleared.join(',')}`;
  const stamp = await store.personsStamp(caseId);
  const hit = hiddenCache.get(key);
  if (hit && hit.stamp === stamp) return { principal, caseId, salt: hit.salt, hidden: hit.hidden };
  const salt = await store.pseudonymSalt(caseId);
  const byKey = new Map<string, string>();
  // The opened persons come from the store's in-memory directory (only changes are re-read).
  for (const p of (await store.personDirectory(caseId)).live()) {
    const b = p.body as PersonBody;
    if (canSeeIdentity(principal, caseId, b.protection, p.id)) continue;
    const alias = pseudonym(salt, p.id);
    const names = new Set<string>();
    if (b.givenNames && b.firstSurname) names.add(`${b.givenNames} ${b.firstSurname}`);
    if (b.firstSurname && b.secondSurname) names.add(`${b.firstSurname} ${b.secondSurname}`);
    for (const a of b.aliases ?? []) if (a.length >= 4) names.add(a.replace(/[«»"]/g, ''));
    for (const d of b.documents ?? []) if (d.number.length >= 5) names.add(d.number);
    for (const n of names) byKey.set(fold(n), alias);
  }
  let hidden: Hidden;
  if (byKey.size > 0) {
    // Longest first, so "María José Pérez" wins over "José Pérez".
    const alts = [...byKey.keys()].sort((a, b) => b.length - a.length).map(namePattern);
    // Their search terms too: queries drop them (see routes/records.ts).
    const terms = new Set<string>();
    for (const k of byKey.keys()) for (const w of k.split(' ')) for (const t of termsOf(w)) terms.add(t);
    hidden = {
      pattern: new RegExp(`(?<![\\p{L}\\d])(?:${alts.join('|')})(?![\\p{L}\\d])`, 'giu'),
      byKey,
      terms,
    };
  }
  if (hiddenCache.size > 500) hiddenCache.clear();
  hiddenCache.set(key, { stamp, salt, hidden });
  return { principal, caseId, salt, hidden };
}

/** Replaces hidden names and document numbers in a text by the person's pseudonym. */
export function redactText(ctx: ViewContext, text: string): string {
  if (!ctx.hidden) return text;
  return text.replace(ctx.hidden.pattern, (m) => ctx.hidden!.byKey.get(fold(m)) ?? WITHHELD);
}

function redactDeep(ctx: ViewContext, value: unknown): unknown {
  if (!ctx.hidden) return value;
  if (typeof value === 'string') return redactText(ctx, value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(ctx, v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        k.endsWith('Id') || k.endsWith('Ids') ? v : redactDeep(ctx, v),
      ]),
    );
  }
  return value;
}

export function presentRecord<K extends Kind>(
  rec: StoredRecord<K>,
  ctx: ViewContext,
): Record<string, unknown> {
  const p = ctx.principal;
  const meta = {
    id: rec.id,
    caseId: rec.caseId,
    kind: rec.kind,
    version: rec.version,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
  };
  const body = { ...(rec.body as Record<string, unknown>) };
  switch (rec.kind) {
    case 'person': {
      if (canSeeIdentity(p, rec.caseId, body.protection as string, rec.id))
        return { ...meta, ...body, displayName: personDisplayName(body), pseudonymised: false };
      for (const f of PERSON_IDENTIFYING_FIELDS) delete body[f];
      return {
        ...meta,
        ...(redactDeep(ctx, body) as object),
        displayName: pseudonym(ctx.salt, rec.id),
        pseudonymised: true,
      };
    }
    case 'testimony': {
      const t = body as { protection: string; consent: string; witnessId?: string };
      if (canSeeTestimony(p, rec.caseId, t)) return { ...meta, ...(redactDeep(ctx, body) as object) };
      return {
        ...meta,
        ...body,
        title: WITHHELD,
        statement: WITHHELD,
        interviewer: undefined,
        notes: undefined,
        withheld: true,
      };
    }
    case 'source': {
      if (canSeeIdentity(p, rec.caseId, body.protection as string, body.personId as string | undefined))
        return { ...meta, ...(redactDeep(ctx, body) as object) };
      return {
        ...meta,
        ...body,
        name: pseudonym(ctx.salt, rec.id, 'Fuente'),
        contact: undefined,
        notes: undefined,
        personId: undefined,
        pseudonymised: true,
      };
    }
    case 'evidence': {
      if (canSeeIdentity(p, rec.caseId, body.protection as string))
        return { ...meta, ...(redactDeep(ctx, body) as object) };
      return {
        ...meta,
        ...body,
        title: WITHHELD,
        fileName: undefined,
        acquisition: undefined,
        verification: undefined,
        withheld: true,
      };
    }
    case 'informationItem':
    case 'suggestion': {
      // Captured text (and suggestions quoting it) is shown no wider than its item's protection.
      if (canSeeIdentity(p, rec.caseId, body.protection as string))
        return { ...meta, ...(redactDeep(ctx, body) as object) };
      return {
        ...meta,
        ...body,
        title: body.title === undefined ? undefined : WITHHELD,
        author: body.author === undefined ? undefined : WITHHELD,
        text: WITHHELD,
        value: body.value === undefined ? undefined : WITHHELD,
        persons: undefined,
        notes: undefined,
        withheld: true,
      };
    }
    case 'submission': {
      // Quarantined public submissions: text for members who may see protected material; the
      // sender's name and contact only for those cleared for identities.
      if (canSeeIdentity(p, rec.caseId, 'protected')) return { ...meta, ...body };
      return { ...meta, ...body, text: WITHHELD, name: undefined, contact: undefined, withheld: true };
    }
    default:
      return { ...meta, ...(redactDeep(ctx, body) as object) };
  }
}
