/**
 * The read model: the one place where a stored record becomes what a principal reads (API,
 * search results, exports, audit entries, reports). Redaction and pseudonymisation happen here and
 * nowhere else:
 *  - a person whose identity the viewer may not see keeps its id and non-identifying fields, and
 *    gets a stable pseudonym instead of names, documents, birth date, contact and photos;
 *  - the identities of such persons (deleted ones too) are also replaced inside every free text of
 *    every record the viewer reads, in the usual written forms of Spanish names (name-forms.ts);
 *  - testimonies, evidence, hearings, sources and captured items the viewer may not see are
 *    withheld, judged by their effective protection (protection.ts): at least that of the most
 *    protected person or testimony they cover.
 * Text the caller wrote themselves (the current version of a record of a kind people type) is
 * shown to them as written: redacting it would tell them which typed words are hidden identities.
 */
import { KINDS, type Kind, type KindSpec, OPEN_READ, type ReadGate, type ReadRule } from '../domain/kinds.js';
import type { FormMatcher } from '../domain/name-forms.js';
import { effectiveProtection, lowers, maxProtection, type ProtectionFacts } from '../domain/protection.js';
import type { PersonBody } from '../domain/schema.js';
import {
  canReadNarrative,
  canSeeIdentity,
  canSeeTestimony,
  type Principal,
  tierOf,
  visibleProtectionLevels,
} from '../security/policy.js';
import { pseudonym } from '../security/pseudonym.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import type { PersonDirectory } from '../store/person-directory.js';
import { EvidenceCovers } from './evidence-covers.js';
import { HiddenNames } from './hidden-names.js';

export const WITHHELD = '[withheld]';

interface Matcher {
  /** hidden name forms and document numbers → the pseudonym shown instead (WITHHELD when ambiguous) */
  forms: FormMatcher<string>;
  /** search terms of every hidden form: queries drop them */
  terms: ReadonlySet<string>;
}

export interface ViewContext {
  principal: Principal;
  caseId: string;
  salt: string;
  /** The principal as the store records authors (`user:<id>`). */
  actor: string;
  /** The panel records its members' writes under their user names: set where panel records are shown. */
  username?: string;
  hidden?: Matcher;
  facts: ProtectionFacts;
  /** The audit head the context was found current at (later reads of the request may reuse it). */
  seq?: number;
}

export function personDisplayName(body: {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
}): string {
  return [body.givenNames, body.firstSurname, body.secondSurname].filter(Boolean).join(' ');
}

/**
 * What a view context derives from the store, per store and case (and access level): checked
 * against the store on every request, rebuilt only when what it derives from changed.
 */
interface Cached {
  /** the audit head this entry was last found current at */
  seq: number;
  /** persons, testimonies, source lists and hearings: counts, last change, sum of row versions */
  stamp: string;
  salt: string;
  facts: ProtectionFacts;
}
const cache = new WeakMap<CaseStore, Map<string, Cached>>();

/** Each access level's hidden-name matcher, updated person by person from the directory's changes. */
interface LiveMatcher {
  names: HiddenNames;
  directory: PersonDirectory;
  /** the directory version the matcher reflects */
  version: number;
}
const matchers = new WeakMap<CaseStore, Map<string, LiveMatcher>>();

function perStore<V>(map: WeakMap<CaseStore, Map<string, V>>, store: CaseStore): Map<string, V> {
  let m = map.get(store);
  if (!m) {
    m = new Map();
    map.set(store, m);
  }
  if (m.size > 500) m.clear();
  return m;
}

/**
 * What the protection facts take from each kind's records (deleted ones included: deleting a
 * testimony must not lower what it protected), kept per process in directories synced
 * incrementally (records.ts kindDirectory): a testimony write reads and opens that testimony, not
 * every testimony of the case (it did, in every process, after each testimony write).
 */
const FACT_SOURCES = {
  sourceList: {
    name: 'facts',
    project: (b: Record<string, unknown>) => ({ sha256: b.sha256 as string | undefined }),
  },
  testimony: {
    name: 'facts',
    project: (b: Record<string, unknown>) => ({
      hearingId: b.hearingId as string | undefined,
      protection: b.protection as string | undefined,
    }),
  },
  // Only what a hearing's protection derives from (not its transcript: memory, and clear text).
  hearing: {
    name: 'facts',
    project: (b: Record<string, unknown>) => ({
      protection: b.protection,
      participants: b.participants,
      transcriptEvidenceId: b.transcriptEvidenceId,
    }),
  },
} as const;

/** The directories the protection facts derive from, synced to at least `atHead` (profiles and tests). */
export async function factDirectories(store: CaseStore, caseId: string, atHead?: number) {
  return {
    // Each is at least as new as `atHead` (the head the caller read before its stamps).
    lists: await store.kindDirectory('sourceList', caseId, { ...FACT_SOURCES.sourceList, atHead }),
    testimonies: await store.kindDirectory('testimony', caseId, { ...FACT_SOURCES.testimony, atHead }),
    hearings: await store.kindDirectory('hearing', caseId, { ...FACT_SOURCES.hearing, atHead }),
  };
}

/** What was derived from each source directory, by the directory's version. */
interface Derived {
  lists?: { dir: object; version: number; files: ReadonlySet<string> };
  testimonies?: { dir: object; version: number; byHearing: ReadonlyMap<string, string> };
  hearings?: { dir: object; version: number };
  persons?: { dir: object; version: number; levels: Map<string, string>; covers: EvidenceCovers };
}
/** Whether `seen` was derived from this directory at its current version. */
const current = (seen: { dir: object; version: number } | undefined, dir: { version: number }) =>
  seen?.dir === dir && seen.version === dir.version;
const derived = new WeakMap<CaseStore, Map<string, Derived>>();
/**
 * Facts being gathered, by case, stamp and directory version: requests that need the same facts at
 * once join one gathering (the same inputs give the same facts). Without it a queue of requests
 * after a testimony write — or at start — each read every testimony, list and hearing again.
 */
const gathering = new WeakMap<CaseStore, Map<string, Promise<ProtectionFacts>>>();

/**
 * Changes of the protection facts' sources seen since the process started (profiles and tests):
 * how many times each kind's directory had changed records to read (the first time: all of them).
 */
export const factReads = { lists: 0, testimonies: 0, hearings: 0, persons: 0 };
/** Hidden-name matchers built from the whole directory since the process started (profiles and tests). */
export const matcherBuilds = { full: 0 };

async function gatherFacts(
  store: CaseStore,
  caseId: string,
  directory: PersonDirectory,
  atHead: number,
): Promise<ProtectionFacts> {
  const byCase = perStore(derived, store);
  const d = byCase.get(caseId) ?? {};
  byCase.set(caseId, d);
  const { lists, testimonies, hearings } = await factDirectories(store, caseId, atHead);
  if (!current(d.hearings, hearings)) {
    d.hearings = { dir: hearings, version: hearings.version };
    factReads.hearings++;
  }
  // Derived from the small projections in memory (nothing read, nothing opened), when they changed.
  let listSeen = d.lists;
  if (!listSeen || !current(listSeen, lists)) {
    const files = new Set<string>();
    for (const l of lists.all()) if (l.body.sha256) files.add(l.body.sha256);
    listSeen = d.lists = { dir: lists, version: lists.version, files };
    factReads.lists++;
  }
  let testimonySeen = d.testimonies;
  if (!testimonySeen || !current(testimonySeen, testimonies)) {
    const byHearing = new Map<string, string>();
    for (const t of testimonies.all()) {
      const h = t.body.hearingId;
      if (h) byHearing.set(h, maxProtection(byHearing.get(h), t.body.protection));
    }
    testimonySeen = d.testimonies = { dir: testimonies, version: testimonies.version, byHearing };
    factReads.testimonies++;
  }
  // Persons and what their photos cover: brought to the directory's version person by person (the
  // directory logs who changed), rebuilt only when it cannot say. The maps are kept, not copied: a
  // request still using facts of an earlier head reads committed changes made since, as it reads
  // the directory itself.
  const persons = personFacts(d, directory);
  const partial: ProtectionFacts = {
    persons: persons.levels,
    listFiles: listSeen.files,
    hearingTestimonies: testimonySeen.byHearing,
    evidenceCovers: persons.covers.levels,
  };
  // Few hearings; a hearing's level derives from its participants' and testimonies', so all again.
  for (const h of hearings.all())
    persons.covers.set(
      `hearing:${h.id}`,
      [h.body.transcriptEvidenceId],
      effectiveProtection('hearing', h.id, h.body, partial),
    );
  return partial;
}

/** The persons' levels and photo covers of a case, at `directory`'s version. */
function personFacts(d: Derived, directory: PersonDirectory): NonNullable<Derived['persons']> {
  let kept = d.persons;
  const changed = kept?.dir === directory ? directory.changedSince(kept.version) : undefined;
  if (!kept || !changed) {
    kept = d.persons = { dir: directory, version: -1, levels: new Map(), covers: new EvidenceCovers() };
    for (const p of directory.all()) putPerson(kept, p.id, p.body);
    factReads.persons++;
  } else
    for (const id of changed) {
      const body = directory.get(id)?.body;
      if (body) putPerson(kept, id, body);
      else {
        kept.levels.delete(id);
        kept.covers.remove(`person:${id}`);
      }
    }
  kept.version = directory.version;
  return kept;
}

function putPerson(kept: NonNullable<Derived['persons']>, id: string, body: PersonBody): void {
  kept.levels.set(id, body.protection as string);
  kept.covers.set(`person:${id}`, body.photoEvidenceIds, body.protection);
}

/** The kinds view contexts derive from (persons, and the protection facts' sources). */
const STAMPED = ['person', 'testimony', 'sourceList', 'hearing'] as const;

/** Stamp reads in flight, by case and the audit head they were started after. */
const stamping = new WeakMap<CaseStore, Map<string, Promise<string>>>();
/** Statements reading the four kinds' stamps since the process started (profiles and tests). */
export const stampReads = { n: 0 };

/**
 * The stamp of what view contexts derive from, read after the audit head was found at `seq`.
 * Requests that found the same head join one read: every commit moves the head, so a read started
 * after any request saw `seq` shows every commit up to `seq`, which is all another request that
 * saw `seq` can require. Under a queue (writes moving the head 50 times a second) most requests
 * in flight saw a moved head and each read the four aggregates over the case again.
 */
function stampAt(store: CaseStore, caseId: string, seq: number): Promise<string> {
  const pending = perStore(stamping, store);
  const key = `${caseId}|${seq}`;
  let read = pending.get(key);
  if (!read) {
    stampReads.n++;
    // One statement (one round trip, one snapshot) for the four kinds.
    read = store.kindStamps(STAMPED, caseId).then((stamps) => stamps.join('/'));
    pending.set(key, read);
    const done = () => pending.get(key) === read && pending.delete(key);
    read.then(done, done);
  }
  return read;
}

/**
 * The access level a view of a case is cached under: principals with the same role, clearance and
 * persons cleared see the same case, so they share one hidden-name matcher.
 */
export function viewKey(principal: Principal, caseId: string): string {
  const m = principal.memberships.get(caseId);
  const cleared = [...(principal.personClearances.get(caseId) ?? [])].sort();
  return `${caseId}|${m?.role}|${m?.cleared}|${cleared.join(',')}`;
}

/** The view of a case for a principal: who they may not see, and the facts protection derives from. */
export async function buildViewContext(
  store: CaseStore,
  principal: Principal,
  caseId: string,
): Promise<ViewContext> {
  const key = viewKey(principal, caseId);
  const actor = `user:${principal.userId}`;
  const entries = perStore(cache, store);
  const live = perStore(matchers, store);
  const context = (c: Cached): ViewContext => {
    const names = live.get(key)?.names;
    return {
      principal,
      caseId,
      actor,
      salt: c.salt,
      hidden: names?.hidden ? names : undefined,
      facts: c.facts,
      seq,
    };
  };
  // Every committed write appends to the audit log in its own transaction, moving the head, in
  // whichever process it ran: a head the entry was found current at means nothing changed since
  // (one row by primary key, instead of four aggregates over the case's tables).
  const { seq } = await store.auditHead();
  const hit = entries.get(key);
  if (hit && hit.seq === seq && live.has(key)) return context(hit);
  // The salt, the protection facts and the stamp are the same for every access level: read once
  // per change of the head, gathered once per change of what they derive from.
  const sharedKey = `${caseId}|*`;
  let shared = entries.get(sharedKey);
  let stamp: string;
  const moved =
    shared && shared.seq !== seq ? await store.kindsChanged(STAMPED, caseId, shared.seq, seq) : undefined;
  if (shared && shared.seq === seq) stamp = shared.stamp;
  else if (shared && moved === false) {
    // The writes since named none of these kinds (the audit log's entries): the same stamp.
    stamp = shared.stamp;
    if (shared.seq < seq) shared.seq = seq;
  } else if (moved === true) {
    // Some did: a stamp no earlier view had, without counting every row of the four kinds (the
    // directories then read exactly what changed).
    stamp = `audit:${seq}`;
  } else {
    stamp = await stampAt(store, caseId, seq);
    shared = entries.get(sharedKey);
    if (shared && shared.stamp === stamp && shared.seq < seq) shared.seq = seq;
  }
  if (hit && hit.stamp === stamp && live.has(key)) {
    hit.seq = seq;
    return context(hit);
  }
  // Deleted persons included: deleting a protected person must not make their name readable.
  const { directory } = await store.personDirectory(caseId, { atHead: seq });
  if (!shared || shared.stamp !== stamp) {
    // Set when the case is created and never changed: read once per process.
    const salt = shared?.salt ?? (await store.pseudonymSalt(caseId));
    const pending = perStore(gathering, store);
    const once = `${caseId}|${stamp}|${directory.version}`;
    let gather = pending.get(once);
    if (!gather) {
      gather = gatherFacts(store, caseId, directory, seq);
      pending.set(once, gather);
      const done = () => pending.get(once) === gather && pending.delete(once);
      gather.then(done, done);
    }
    const facts = await gather;
    shared = { seq, stamp, salt, facts };
    entries.set(sharedKey, shared);
  }
  const { salt, facts } = shared;
  // From here on synchronous: the matcher is brought to the directory's version in one step.
  let matcher = live.get(key);
  const changed = matcher?.directory === directory ? directory.changedSince(matcher.version) : undefined;
  if (!matcher || !changed) {
    const names = new HiddenNames(
      salt,
      (p) => canSeeIdentity(principal, caseId, p.body.protection, p.id),
      WITHHELD,
    );
    names.putAll(directory.all());
    matcherBuilds.full++;
    matcher = { names, directory, version: directory.version };
    live.set(key, matcher);
  } else {
    const entries = changed.map((id) => directory.get(id));
    for (const [i, e] of entries.entries()) if (!e) matcher.names.remove(changed[i]!);
    matcher.names.putAll(entries.filter((e) => e !== undefined));
    matcher.version = directory.version;
  }
  const entry = { seq, stamp, salt, facts };
  entries.set(key, entry);
  return context(entry);
}

/** Replaces hidden names and document numbers in a text by the person's pseudonym. */
export function redactText(ctx: ViewContext, text: string): string {
  return ctx.hidden ? ctx.hidden.forms.replace(text, (alias) => alias) : text;
}

/** Search terms of hidden identities (a query drops them: searching a hidden name confirms nothing). */
export function hiddenTerms(ctx: ViewContext): ReadonlySet<string> {
  return ctx.hidden?.terms ?? new Set();
}

function redactDeep(ctx: ViewContext, value: unknown): unknown {
  if (!ctx.hidden) return value;
  if (typeof value === 'string') return redactText(ctx, value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(ctx, v));
  if (value && typeof value === 'object') {
    // A plain loop: every record of every page passes here (Object.entries → fromEntries allocated
    // two arrays per field).
    const out: Record<string, unknown> = {};
    for (const k in value as Record<string, unknown>) {
      if (!Object.hasOwn(value, k)) continue;
      const v = (value as Record<string, unknown>)[k];
      const shown = k.endsWith('Id') || k.endsWith('Ids') ? v : redactDeep(ctx, v);
      // An own "__proto__" key (JSON.parse makes one) stays a field, as fromEntries kept it.
      if (k === '__proto__')
        Object.defineProperty(out, k, { value: shown, enumerable: true, writable: true, configurable: true });
      else out[k] = shown;
    }
    return out;
  }
  return value;
}

/** A person's own names and documents: shown as stored to whoever may see them (a homonym of a hidden person stays readable). */
const OWN_NAME_FIELDS = ['givenNames', 'firstSurname', 'secondSurname', 'aliases', 'documents'] as const;

/** A kind's read rule and identifying fields (kinds.ts); a kind the registry does not know is open. */
function specOf(kind: string): Pick<KindSpec, 'read' | 'identifying'> {
  return (KINDS as Record<string, KindSpec | undefined>)[kind] ?? { read: OPEN_READ, identifying: [] };
}
const readRuleOf = (kind: string): ReadRule => specOf(kind).read;

/** Free text of a record the viewer may read, hidden identities replaced (not in the caller's own text). */
function redactBody(ctx: ViewContext, rec: { kind: string; updatedBy?: string }, body: object): object {
  const own = rec.updatedBy !== undefined && (rec.updatedBy === ctx.actor || rec.updatedBy === ctx.username);
  if (readRuleOf(rec.kind).typed && own) return body;
  return redactDeep(ctx, body) as object;
}

/** The protection a record effectively has for this view (derived items inherit what they cover). */
export function protectionOf(ctx: ViewContext, kind: string, id: string, body: object): string {
  return effectiveProtection(kind, id, body as Record<string, unknown>, ctx.facts);
}

/** Whether the viewer passes the kind's gate (kinds.ts ReadGate) for this record. */
function passesGate(
  ctx: ViewContext,
  gate: ReadGate,
  rec: { kind: string; id: string; body: unknown },
): boolean {
  const p = ctx.principal;
  const b = rec.body as Record<string, unknown>;
  switch (gate) {
    case 'person':
      return canSeeIdentity(p, ctx.caseId, b.protection as string, rec.id);
    case 'testimony':
      return canSeeTestimony(p, ctx.caseId, b as { protection: string; consent: string; witnessId?: string });
    case 'source':
      return canSeeIdentity(p, ctx.caseId, protectionOf(ctx, rec.kind, rec.id, b), b.personId as string);
    case 'protection':
      return canSeeIdentity(p, ctx.caseId, protectionOf(ctx, rec.kind, rec.id, b));
    case 'own-protection':
      return canSeeIdentity(p, ctx.caseId, b.protection as string);
    case 'submission':
      return tierOf(p, ctx.caseId) === 'cleared';
    case 'edition':
      return canReadNarrative(p, ctx.caseId, String(b.edition));
    case 'open':
      return true;
  }
}

/**
 * May the viewer read this record in full (every field as stored)? Writes need this too: changing
 * a record you may not read would overwrite what you never saw, or lower its protection. A record
 * of an open kind that states a protection is held to it here.
 */
export function canReadInFull(ctx: ViewContext, rec: { kind: string; id: string; body: unknown }): boolean {
  const { gate } = readRuleOf(rec.kind);
  if (gate !== 'open' && gate !== 'own-protection') return passesGate(ctx, gate, rec);
  return !('protection' in (rec.body as object)) || passesGate(ctx, 'protection', rec);
}

/**
 * A public submission as the viewer may read it. The sender's name and contact (the kind's
 * identifying fields): cleared members only. What was submitted (text, when, where): documenters
 * may triage it while it is quarantined; once decided it is as protected as the protected testimony
 * made from it.
 */
export function presentSubmissionBody(
  ctx: ViewContext,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const { identifying, read } = KINDS.submission;
  const contentFields = [...read.mask, ...read.drop];
  const cleared = tierOf(ctx.principal, ctx.caseId) === 'cleared';
  const content = cleared || body.status === 'quarantined';
  const out: Record<string, unknown> = { ...body };
  for (const f of [...identifying, ...contentFields]) delete out[f];
  if (cleared) for (const f of identifying) out[f] = body[f];
  else if (identifying.some((f) => body[f])) out.identityWithheld = true;
  if (content) for (const f of contentFields) out[f] = body[f];
  else {
    for (const f of read.mask) out[f] = WITHHELD;
    out.withheld = true;
  }
  return out;
}

/**
 * A record as the viewer may read it: in full (free text redacted) when they pass its kind's gate,
 * otherwise the kind's withheld view (kinds.ts ReadRule), never with its identifying fields.
 */
export function presentRecord<K extends Kind>(
  rec: Pick<StoredRecord<K>, 'id' | 'caseId' | 'kind' | 'version' | 'body'> &
    Partial<Pick<StoredRecord<K>, 'createdAt' | 'updatedAt'>> & { updatedBy?: string },
  ctx: ViewContext,
): Record<string, unknown> {
  const meta = {
    id: rec.id,
    caseId: rec.caseId,
    kind: rec.kind,
    version: rec.version,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
  };
  const body = { ...(rec.body as Record<string, unknown>) };
  const rule = readRuleOf(rec.kind);
  if (rule.gate === 'submission') return { ...meta, ...presentSubmissionBody(ctx, body) };
  const effective = rule.showsEffective
    ? { effectiveProtection: protectionOf(ctx, rec.kind, rec.id, body) }
    : {};
  if (passesGate(ctx, rule.gate, rec)) {
    if (rule.gate === 'person') {
      // The person's own names and documents as they are; every other text of theirs (notes,
      // occupation) is redacted like any record's.
      const identity = Object.fromEntries(OWN_NAME_FIELDS.map((f) => [f, body[f]]));
      for (const f of OWN_NAME_FIELDS) delete body[f];
      return {
        ...meta,
        ...redactBody(ctx, rec, body),
        ...identity,
        displayName: personDisplayName(identity as PersonBody),
        pseudonymised: false,
      };
    }
    const shown = { ...meta, ...redactBody(ctx, rec, body), ...effective };
    // Suggestions name candidate persons: only those the viewer may see.
    return 'candidatePersonIds' in shown ? visibleCandidates(ctx, [shown])[0]! : shown;
  }
  const kept = rule.keep ? Object.fromEntries(rule.keep.map((f) => [f, body[f]])) : body;
  for (const f of specOf(rec.kind).identifying) delete kept[f];
  const out: Record<string, unknown> = {
    ...meta,
    ...(rule.redactsRest ? (redactDeep(ctx, kept) as object) : kept),
    ...effective,
  };
  for (const f of rule.mask) out[f] = WITHHELD;
  for (const f of rule.maskIfSet) out[f] = body[f] === undefined ? undefined : WITHHELD;
  if (rule.pseudonym) out[rule.pseudonym.field] = pseudonym(ctx.salt, rec.id, rule.pseudonym.label);
  for (const f of rule.drop) out[f] = undefined;
  out[rule.pseudonym ? 'pseudonymised' : 'withheld'] = true;
  return out;
}

/**
 * An audit entry's before/after as this viewer may read it: the recorded body goes through the same
 * presentation as the live record (sealed fields stay sealed unless opened for a cleared reader).
 */
export function presentAuditBody(
  ctx: ViewContext,
  entry: { entity: string; entityId?: string | null; actor: string; at?: string },
  kind: Kind | undefined,
  json: string | null | undefined,
): string | null | undefined {
  if (typeof json !== 'string') return json;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return redactText(ctx, json);
  }
  if (!kind || !entry.entityId || !parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return JSON.stringify(redactDeep(ctx, parsed));
  const presented = presentRecord(
    {
      id: entry.entityId,
      caseId: ctx.caseId,
      kind,
      version: 0,
      createdAt: entry.at ?? '',
      updatedAt: entry.at ?? '',
      updatedBy: entry.actor,
      body: parsed as never,
    },
    ctx,
  );
  for (const k of ['id', 'caseId', 'kind', 'version', 'createdAt', 'updatedAt']) delete presented[k];
  return JSON.stringify(presented);
}

/** Protection levels a viewer sees every record of (filters on hidden fields apply only to these). */
export function fullyVisibleLevels(ctx: ViewContext): string[] {
  return visibleProtectionLevels(ctx.principal, ctx.caseId);
}

/**
 * A raw row of an organization's list as the viewer may read it. The row is withheld whole when it
 * belongs to a person the viewer may not see or when any cell holds a hidden identity (a row not
 * linked yet can name a protected person); a withheld row keeps no record or person id either.
 */
export function presentListRow(
  ctx: ViewContext,
  row: { rowNo: number; recordId: string; personId?: string | null; data: Record<string, string> },
): Record<string, unknown> {
  const personLevel = row.personId ? (ctx.facts.persons.get(row.personId) ?? 'protected') : undefined;
  const hidden =
    (row.personId !== undefined &&
      row.personId !== null &&
      !canSeeIdentity(ctx.principal, ctx.caseId, personLevel, row.personId)) ||
    Object.values(row.data).some((v) => redactText(ctx, v) !== v);
  if (!hidden) return { ...row };
  return {
    rowNo: row.rowNo,
    data: Object.fromEntries(Object.keys(row.data).map((k) => [k, WITHHELD])),
    withheld: true,
  };
}

/** How a person is named to this viewer: their name if visible, else their pseudonym. */
export function personLabel(ctx: ViewContext, id: string, body: PersonBody): string {
  return canSeeIdentity(ctx.principal, ctx.caseId, body.protection, id)
    ? personDisplayName(body) || pseudonym(ctx.salt, id)
    : pseudonym(ctx.salt, id);
}

/** Any derived document (an analysis, a report's content) with hidden identities replaced in its text. */
export function presentDerived<T>(ctx: ViewContext, value: T): T {
  return redactDeep(ctx, value) as T;
}

/** Records among `recs` that show this viewer a protected identity (views audited like writes). */
export function protectedViews(ctx: ViewContext, recs: readonly StoredRecord<Kind>[]): string[] {
  return recs
    .filter((r) => {
      const b = r.body as { protection?: string; witnessId?: string };
      if (b.protection !== 'protected') return false;
      if (r.kind === 'person') return canSeeIdentity(ctx.principal, r.caseId, 'protected', r.id);
      if (r.kind === 'testimony') return canSeeIdentity(ctx.principal, r.caseId, 'protected', b.witnessId);
      return false;
    })
    .map((r) => r.id);
}

/**
 * May the viewer give `existing` the body `next`? Lowering a protection level exposes what it
 * protected: only members cleared for protected identities (or for that person) may.
 */
export function mayChangeProtection(
  ctx: ViewContext,
  existing: { id: string; body: unknown },
  next: unknown,
): boolean {
  const prev = (existing.body as { protection?: string }).protection;
  const now = (next as { protection?: string }).protection;
  if (prev === undefined || now === undefined || !lowers(prev, now)) return true;
  return canSeeIdentity(ctx.principal, ctx.caseId, 'protected', existing.id);
}

/** A custody entry as this viewer may read it: actor and note only where the evidence is readable. */
export function presentCustody<E extends { actor: string; note?: string }>(
  ctx: ViewContext,
  evidence: { kind: string; id: string; body: unknown },
  entry: E,
): E {
  if (!canReadInFull(ctx, evidence)) return { ...entry, note: undefined, actor: WITHHELD };
  return entry.note === undefined ? entry : { ...entry, note: redactText(ctx, entry.note) };
}

/** A reviewer's linkage decision: the rows it names are shown elsewhere; its note is free text. */
export function presentLinkDecision<D extends { note?: string; createdBy: string }>(
  ctx: ViewContext,
  d: D,
): D {
  return d.note === undefined || d.createdBy === ctx.actor ? d : { ...d, note: redactText(ctx, d.note) };
}

/** A query with every hidden identity form taken out: searching a hidden name confirms nothing. */
export function withoutHiddenForms(ctx: ViewContext, query: string): string {
  return ctx.hidden ? ctx.hidden.forms.replace(query, () => ' ') : query;
}

const TEXT_MEDIA = /^(text\/|message\/http|application\/(json|xml|csv|x-ndjson|xhtml\+xml|warc))/;

/**
 * May the viewer download these bytes? A text file that names a hidden identity is as protected as
 * that person, whatever its own level says (binary formats are judged by their record alone).
 */
export function fileShowsHiddenIdentity(ctx: ViewContext, mediaType: string, bytes: Uint8Array): boolean {
  if (!ctx.hidden || !TEXT_MEDIA.test(mediaType)) return false;
  return ctx.hidden.forms.find(Buffer.from(bytes).toString('utf8')).length > 0;
}

/** May the viewer see this person in full (by id; the level from the case's persons when not given)? */
export function canSeePerson(ctx: ViewContext, personId: string, protection?: string): boolean {
  return canSeeIdentity(
    ctx.principal,
    ctx.caseId,
    protection ?? ctx.facts.persons.get(personId) ?? 'protected',
    personId,
  );
}

/**
 * Person candidates of suggestions, kept only where the viewer may see that person in full: a
 * suggestion stored for a cleared documenter must not tell an uncleared reader which protected
 * person a name resembles.
 */
export function visibleCandidates<T>(ctx: ViewContext, items: T[]): T[] {
  return items.map((item) => {
    const cands = (item as { candidatePersonIds?: { personId: string }[] }).candidatePersonIds;
    if (!cands?.length) return item;
    const kept = cands.filter((c) => canSeePerson(ctx, c.personId));
    return { ...item, candidatePersonIds: kept.length ? kept : undefined };
  });
}

/**
 * A body sent back by a caller who read the record redacted: every hidden span they were shown as a
 * pseudonym is put back as stored, so an edit by an uncleared member never replaces a protected name
 * with its pseudonym (which would lose it for everyone). A text left as shown comes back as stored;
 * an edited text gets its pseudonyms replaced in order when they can be matched one to one.
 */
export function restoreHiddenSpans(ctx: ViewContext, stored: unknown, incoming: unknown): unknown {
  const h = ctx.hidden;
  if (!h) return incoming;
  const walk = (s: unknown, i: unknown): unknown => {
    if (typeof i === 'string' && typeof s === 'string') {
      if (i === s) return i;
      const found = h.forms.find(s);
      if (found.length === 0) return i;
      if (i === redactText(ctx, s)) return s;
      const originals = new Map<string, string[]>();
      for (const m of found)
        originals.set(m.value, [...(originals.get(m.value) ?? []), s.slice(m.start, m.end)]);
      let out = i;
      for (const [alias, spans] of originals) {
        const parts = out.split(alias);
        const uses = parts.length - 1;
        if (uses === 0) continue;
        if (uses !== spans.length && new Set(spans).size !== 1) continue;
        out = parts.reduce((acc, part, k) => (k === 0 ? part : acc + (spans[k - 1] ?? spans[0]) + part), '');
      }
      return out;
    }
    if (Array.isArray(i)) return i.map((v, k) => walk(Array.isArray(s) ? s[k] : undefined, v));
    if (i && typeof i === 'object' && s && typeof s === 'object' && !Array.isArray(s))
      return Object.fromEntries(
        Object.entries(i as Record<string, unknown>).map(([k, v]) => [
          k,
          walk((s as Record<string, unknown>)[k], v),
        ]),
      );
    return i;
  };
  return walk(stored, incoming);
}
