/**
 * What list and detail views need beside the records themselves, built through the presenter so
 * it is redacted exactly like the records: the labels of referenced records (a victim's name or
 * pseudonym, a unit's or place's name, a withheld testimony's mark), an event's who-did-what
 * summary, the flat rows of a list export, and a record's history from the audit log.
 */
import { formatFuzzyDate } from '../domain/dates.js';
import { VENEZUELA_STATES } from '../domain/gazetteer-data.js';
import { type Kind, kindByName, referencedIds } from '../domain/kinds.js';
import { maxProtection } from '../domain/protection.js';
import { ACT_TYPES } from '../domain/vocabularies.js';
import { can, canSeeIdentity } from '../security/policy.js';
import type { AuditEntry } from '../store/audit.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import {
  canReadInFull,
  personDisplayName,
  personLabel,
  presentRecord,
  type ViewContext,
  WITHHELD,
} from './presenter.js';

export type Lang = 'es' | 'en';
export interface RefLabel {
  kind: Kind;
  label: string;
  deleted?: boolean;
}

/** The name a presented record goes by (already redacted: a pseudonym, WITHHELD). */
export function recordLabel(kind: string, r: Record<string, unknown>, lang: Lang = 'es'): string {
  if (kind === 'act') {
    const type = ACT_TYPES.labelOf(String(r.type), lang);
    const date = r.date ? formatFuzzyDate(r.date as never) : '';
    return date ? `${type} (${date})` : type;
  }
  for (const f of ['displayName', 'name', 'title', 'rank', 'status'])
    if (typeof r[f] === 'string' && r[f]) return r[f] as string;
  return String(r.id);
}

/** Labels of every record the given presented records reference, keyed by id. */
export async function referenceLabels(
  store: CaseStore,
  ctx: ViewContext,
  kind: Kind,
  presented: readonly Record<string, unknown>[],
  lang: Lang = 'es',
): Promise<Record<string, RefLabel>> {
  const wanted = new Map<string, Kind>();
  for (const r of presented)
    for (const ref of referencedIds(kind, r)) {
      const target = kindByName(ref.kind);
      if (target && target !== 'submission') wanted.set(ref.id, target);
    }
  return labelsOf(store, ctx, wanted, lang);
}

/** Labels of the given records (id → kind), through the presenter. */
async function labelsOf(
  store: CaseStore,
  ctx: ViewContext,
  wanted: ReadonlyMap<string, Kind>,
  lang: Lang,
): Promise<Record<string, RefLabel>> {
  const out: Record<string, RefLabel> = {};
  // One query per referenced kind (a list page of events references hundreds of records: one
  // round trip each was most of the page's cost on PostgreSQL).
  const byKind = new Map<Kind, string[]>();
  // Persons are opened in the directory already: their label is their name or pseudonym
  // (personLabel, as presentRecord names them), without reading and opening them again.
  const directory = [...wanted.values()].includes('person')
    ? (await store.personDirectory(ctx.caseId, { atHead: ctx.seq })).directory
    : undefined;
  for (const [id, k] of wanted) {
    const known = k === 'person' ? directory?.get(id) : undefined;
    // (A visible person without names is labelled as presentRecord falls back: read below.)
    if (
      known &&
      (personDisplayName(known.body) || !canSeeIdentity(ctx.principal, ctx.caseId, known.body.protection, id))
    ) {
      out[id] = {
        kind: k,
        label: personLabel(ctx, id, known.body),
        ...(known.deleted ? { deleted: true } : {}),
      };
      continue;
    }
    byKind.set(k, [...(byKind.get(k) ?? []), id]);
  }
  for (const [k, ids] of byKind)
    for (const rec of await store.getMany(k, ids, { includeDeleted: true })) {
      if (rec.caseId !== ctx.caseId) continue;
      out[rec.id] = {
        kind: k,
        label: recordLabel(k, presentRecord(rec, ctx), lang),
        ...(rec.deletedAt ? { deleted: true } : {}),
      };
    }
  return out;
}

export interface EventSummary {
  victims: { id: string; label: string }[];
  perpetrators: { id: string; kind: 'person' | 'unit'; label: string }[];
  actTypes: string[];
}

/** Who did what to whom in each event: victims, perpetrators (persons or units), act types. */
export async function eventSummaries(
  store: CaseStore,
  ctx: ViewContext,
  eventIds: readonly string[],
  lang: Lang = 'es',
): Promise<Record<string, EventSummary>> {
  const out: Record<string, EventSummary> = {};
  if (eventIds.length === 0) return out;
  for (const id of eventIds) out[id] = { victims: [], perpetrators: [], actTypes: [] };
  // Only the fields a summary shows, read from their indexed columns: opening every act's and
  // involvement's body and redacting its free text was most of a list page's cost. They go through
  // the presenter all the same.
  const acts = (
    await store.listIndexed('act', ctx.caseId, ['eventId', 'victimId', 'type'], {
      where: { eventId: [...eventIds] },
      limit: 100_000,
    })
  ).map((a) => presentRecord(a, ctx));
  const actEvent = new Map(acts.map((a) => [String(a.id), String(a.eventId)]));
  const rows = acts.length
    ? await store.listIndexed('involvement', ctx.caseId, ['actId', 'personId', 'unitId'], {
        where: { actId: [...actEvent.keys()] },
        limit: 100_000,
      })
    : [];
  // Each (event, person, unit) presented once: a page's events have hundreds of involvements
  // naming a few units and persons (an open kind: equal fields present equally).
  const firsts = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const b = r.body as { actId?: string; personId?: string; unitId?: string };
    const k = `${actEvent.get(String(b.actId)) ?? ''}\u0000${b.personId ?? ''}\u0000${b.unitId ?? ''}`;
    if (!firsts.has(k)) firsts.set(k, r);
  }
  const invs = [...firsts.values()].map((i) => presentRecord(i, ctx));
  const wanted = new Map<string, Kind>();
  for (const a of acts) if (a.victimId) wanted.set(String(a.victimId), 'person');
  for (const i of invs)
    if (i.personId) wanted.set(String(i.personId), 'person');
    else if (i.unitId) wanted.set(String(i.unitId), 'unit');
  const labels = await labelsOf(store, ctx, wanted, lang);
  // Each event's entries once (a mass event has hundreds of acts: no scan of the list per act).
  const seen = new Set<string>();
  const first = (eventId: string, what: string) => {
    const k = `${eventId}\u0000${what}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
  for (const a of acts) {
    const e = String(a.eventId);
    const s = out[e];
    if (!s) continue;
    const v = String(a.victimId);
    if (first(e, `v:${v}`)) s.victims.push({ id: v, label: labels[v]?.label ?? v });
    const t = ACT_TYPES.labelOf(String(a.type), lang);
    if (first(e, `t:${t}`)) s.actTypes.push(t);
  }
  for (const i of invs) {
    const e = actEvent.get(String(i.actId)) ?? '';
    const s = out[e];
    if (!s) continue;
    const id = String(i.personId ?? i.unitId);
    const kind = i.personId ? 'person' : 'unit';
    if (first(e, `p:${id}`)) s.perpetrators.push({ id, kind, label: labels[id]?.label ?? id });
  }
  return out;
}

const META = new Set(['caseId', 'version', 'createdAt', 'updatedAt']);

/** One presented record as flat cells: nested objects as dotted names, dates readable, lists joined. */
export function flattenRecord(kind: string, r: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (typeof v === 'object' && !Array.isArray(v) && 'precision' in (v as object)) {
      out[key] = formatFuzzyDate(v as never);
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return;
      out[key] = v.every((x) => typeof x !== 'object') ? v.join('; ') : JSON.stringify(v);
      return;
    }
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) put(`${key}.${k}`, x);
      return;
    }
    out[key] = String(v);
  };
  // `kind` is the record's kind, unless the body has its own (a place's, a unit's): that one is kept.
  for (const [k, v] of Object.entries(r)) if (!META.has(k) && !(k === 'kind' && v === kind)) put(k, v);
  return out;
}

/**
 * The rows of a list export: each presented record flattened, with a readable column beside every
 * reference (`victimId` → `victimId.label`). Columns: id first, then in order of first appearance.
 */
export function exportTable(
  kind: Kind,
  presented: readonly Record<string, unknown>[],
  labels: Record<string, RefLabel>,
): { columns: string[]; rows: string[][] } {
  const flat = presented.map((r) => {
    const f = flattenRecord(kind, r);
    for (const ref of referencedIds(kind, r)) {
      const key = `${ref.field}.label`;
      const l = labels[ref.id]?.label ?? '';
      f[key] = f[key] ? `${f[key]}; ${l}` : l;
    }
    return f;
  });
  const columns = ['id'];
  for (const f of flat) for (const k of Object.keys(f)) if (!columns.includes(k)) columns.push(k);
  return { columns, rows: flat.map((f) => columns.map((c) => f[c] ?? '')) };
}

/** A spreadsheet cell never starts a formula (=, +, -, @): a hostile record must not run in Excel. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface HistoryVersion {
  seq: number;
  at: string;
  action: string;
  /** Who made the change, for members who may see editors; undefined otherwise. */
  actor?: string;
  /** The record as it was after this change, presented for this viewer (undefined when withheld). */
  record?: Record<string, string>;
  changes?: { field: string; before?: string; after?: string }[];
  withheld?: boolean;
}

/** Writes of a record in the audit log (reads are audited under other entities). */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'restore']);

/**
 * A record's versions from the audit log, for this viewer. Each recorded body goes through the
 * presenter at the HIGHER of its own protection and the record's current one (a record raised to
 * protected does not show its old, public names); a viewer who may not read the record in full
 * sees when it changed, not what.
 */
export async function recordHistory(
  store: CaseStore,
  ctx: ViewContext,
  current: StoredRecord<Kind>,
  entries: readonly AuditEntry[],
  actorName: (actor: string) => Promise<string | undefined>,
): Promise<HistoryVersion[]> {
  const kind = current.kind;
  const full = canReadInFull(ctx, current);
  const p = ctx.principal;
  const seesEditors = can(p, 'write', ctx.caseId) || can(p, 'manage', ctx.caseId);
  const currentLevel = (current.body as { protection?: string }).protection;
  const out: HistoryVersion[] = [];
  let previous: Record<string, string> | undefined;
  for (const e of entries) {
    if (kindByName(e.entity) !== kind || !WRITE_ACTIONS.has(e.action)) continue;
    const v: HistoryVersion = {
      seq: e.seq,
      at: e.at,
      action: e.action,
      actor: seesEditors ? ((await actorName(e.actor)) ?? e.actor) : undefined,
    };
    const raw = e.action === 'delete' ? undefined : e.after;
    if (!full) v.withheld = true;
    else if (typeof raw === 'string') {
      let body = JSON.parse(raw) as Record<string, unknown>;
      body = (await store.openAuditBody(kind, current.id, ctx.caseId, body)) as Record<string, unknown>;
      if ('protection' in body || currentLevel !== undefined)
        body = { ...body, protection: maxProtection(body.protection as string, currentLevel) };
      const presented = presentRecord(
        { ...current, version: 0, updatedBy: e.actor, body: body as never },
        ctx,
      );
      const record = flattenRecord(kind, presented);
      // References by the name the viewer may read, not by id.
      const labels = await referenceLabels(store, ctx, kind, [presented]);
      const named = new Map<string, string[]>();
      for (const ref of referencedIds(kind, presented))
        named.set(ref.field, [...(named.get(ref.field) ?? []), labels[ref.id]?.label ?? ref.id]);
      for (const [field, names] of named) record[field] = names.join('; ');
      v.record = record;
      v.changes = diff(previous, record);
      previous = record;
    }
    out.push(v);
  }
  return out;
}

function diff(
  before: Record<string, string> | undefined,
  after: Record<string, string>,
): { field: string; before?: string; after?: string }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].filter(
    (k) => k !== 'id' && k !== 'pseudonymised',
  );
  return keys
    .filter((k) => before?.[k] !== after[k])
    .map((k) => ({ field: k, before: before?.[k], after: after[k] }));
}

export { WITHHELD };

/**
 * What a search result page needs beside its hits: the labels of what each hit references (an
 * act's victim and place, a testimony's witness — redacted like the records) and the facet values
 * as words in the reader's language (act types, state names, unit and source names), so no code
 * such as "VE-S" or an id reaches the screen.
 */
export async function searchLabels(
  store: CaseStore,
  ctx: ViewContext,
  hits: readonly { kind: Kind; record: Record<string, unknown> }[],
  facets: Readonly<Record<string, readonly { value: string }[]>>,
  lang: Lang = 'es',
): Promise<{ labels: Record<string, RefLabel>; facetLabels: Record<string, Record<string, string>> }> {
  const labels: Record<string, RefLabel> = {};
  const byKind = new Map<Kind, Record<string, unknown>[]>();
  for (const h of hits) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), h.record]);
  for (const [kind, recs] of byKind)
    Object.assign(labels, await referenceLabels(store, ctx, kind, recs, lang));
  const facetLabels: Record<string, Record<string, string>> = {};
  const named = async (kind: Kind, id: string) => {
    const rec = await store.get(kind, id, { includeDeleted: true });
    return rec && rec.caseId === ctx.caseId ? recordLabel(kind, presentRecord(rec, ctx), lang) : undefined;
  };
  for (const [facet, values] of Object.entries(facets)) {
    const out: Record<string, string> = {};
    await Promise.all(
      values.map(async ({ value }) => {
        const label =
          facet === 'act_type'
            ? ACT_TYPES.labelOf(value, lang)
            : facet === 'state_code'
              ? STATE_NAMES.get(value)
              : facet === 'unit_id'
                ? await named('unit', value)
                : facet === 'source_id'
                  ? await named('source', value)
                  : undefined;
        if (label) out[value] = label;
      }),
    );
    if (Object.keys(out).length) facetLabels[facet] = out;
  }
  return { labels, facetLabels };
}

const STATE_NAMES = new Map(VENEZUELA_STATES.map((s) => [s.code, s.name]));

/** Which records cite a record of this kind, and through which of their fields. */
const CITING: Partial<Record<Kind, readonly { kind: Kind; fields: readonly string[] }[]>> = {
  person: [
    { kind: 'testimony', fields: ['witnessId', 'supports.personIds'] },
    { kind: 'evidence', fields: ['supports.personIds'] },
  ],
  evidence: [{ kind: 'testimony', fields: ['evidenceIds'] }],
};

/** At most this many citing records of each kind are returned (the total says how many). */
export const MAX_CITING = 200;

export interface Citing {
  kind: Kind;
  total: number;
  items: { record: Record<string, unknown>; via: string[] }[];
}

/**
 * The testimonies and evidence that cite a person (as witness or as someone they support) or an
 * evidence item (testimony.evidenceIds), each presented for the viewer. A record counts only if
 * its PRESENTED form still names the target, so nothing the presenter hides can be inferred.
 * References are kept in clear in every stored body (sealing.ts), so candidates are found by the
 * target's id in the stored JSON and then checked field by field.
 */
export async function citingRecords(
  store: CaseStore,
  ctx: ViewContext,
  kind: Kind,
  id: string,
): Promise<Citing[]> {
  const out: Citing[] = [];
  for (const c of CITING[kind] ?? []) {
    const rows = await store.records.idsMentioning(c.kind, ctx.caseId, id);
    const items: Citing['items'] = [];
    let total = 0;
    for (const r of rows) {
      const rec = await store.get(c.kind, r.id);
      if (!rec) continue;
      const presented = presentRecord(rec, ctx);
      const via = [
        ...new Set(
          referencedIds(c.kind, presented)
            .filter((ref) => ref.id === id && c.fields.includes(ref.field))
            .map((ref) => ref.field),
        ),
      ];
      if (via.length === 0) continue;
      total++;
      if (items.length < MAX_CITING) items.push({ record: presented, via });
    }
    out.push({ kind: c.kind, total, items });
  }
  return out;
}
