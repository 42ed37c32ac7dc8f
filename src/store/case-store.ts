/**
 * The case-file repository: one implementation over the portable Sql seam, so SQLite and
 * PostgreSQL behave identically (the conformance suite runs every case on both). Every write is
 * validated against the domain schema, checks its references, and appends its audit entry in the
 * same transaction. Nothing is ever deleted: removal sets deleted_at.
 */
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.js';
import { sortKey } from '../domain/dates.js';
import { ConflictError, type FieldIssue, InputError, NotFoundError, UsageError } from '../domain/errors.js';
import { foldCase } from '../domain/fold.js';
import { issuesFrom } from '../domain/issues.js';
import { type BodyOf, KIND_NAMES, KINDS, type Kind, referencedIds } from '../domain/kinds.js';
import { CaseFileBody, CustodyEntryBody, type EvidenceBody, type SourceListBody } from '../domain/schema.js';
import type { Sealer } from '../security/seal.js';
import { type AuditEntry, appendAudit, rowToEntry, verifyAudit } from './audit.js';
import type { EvidenceBlobs } from './blobs.js';
import { type DataKeys, dataKeysFor, type KeySet } from './data-keys.js';
import { newId } from './ids.js';
import { type SourceRows, writeListRows } from './list-import.js';
import { columnFor } from './migrations.js';
import { type DirectoryEntry, type DirectorySource, PersonDirectory } from './person-directory.js';
import {
  blindTerm,
  normaliseForIndex,
  openBody,
  openRow,
  sealBody,
  sealedFields,
  sealRow,
  versionsOf,
} from './sealing.js';
import { indexRecord, type SearchHits, type SearchParams, searchDocs } from './search-index.js';
import type { Database, Sql } from './sql.js';

export interface Meta {
  id: string;
  caseId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  deletedAt: string | null;
}
export type StoredRecord<K extends Kind> = Meta & { kind: K; body: BodyOf<K> };
export type CaseRecord = Omit<Meta, 'caseId'> & { body: CaseFileBody };
export type CustodyEntry = {
  id: string;
  caseId: string;
  createdAt: string;
  createdBy: string;
} & CustodyEntryBody;

export interface ListOptions {
  /** Equality filters on the kind's indexed fields (see KINDS[kind].columns); a list means any of. */
  where?: Record<string, string | readonly string[]>;
  limit?: number;
  offset?: number;
  includeDeleted?: boolean;
  /** default: the kind's natural order (names, dates); or by creation or last change. */
  sort?: 'default' | 'created' | 'updated';
  desc?: boolean;
}

/** One raw row of a list; `values` are aligned with the list's `columns`. */
export interface SourceRow {
  rowNo: number;
  recordId: string;
  values: readonly string[];
}

/** Turns zod issues into field issues a person can act on. */
/** Kept here too for callers that import it from the store. */
export { issuesFrom };

export function parseBody<K extends Kind>(kind: K, body: unknown): BodyOf<K> {
  const res = KINDS[kind].schema.safeParse(body);
  if (!res.success) throw new InputError(`invalid ${KINDS[kind].name} record`, issuesFrom(res.error));
  return res.data as BodyOf<K>;
}

function sortKeyFor(kind: Kind, body: Record<string, unknown>): string | null {
  const fold = (s: unknown) => (typeof s === 'string' ? foldCase(s) : '');
  switch (kind) {
    case 'person':
      return `${fold(body.firstSurname)} ${fold(body.secondSurname)} ${fold(body.givenNames)}`.trim() || null;
    case 'event':
    case 'act':
      return sortKey(body.date as never) ?? null;
    case 'detention':
      return sortKey(body.from as never) ?? null;
    case 'hearing':
      return sortKey(body.date as never) ?? null;
    default:
      return fold(body.name ?? body.title) || null;
  }
}

function rowMeta(r: Record<string, unknown>): Meta {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    createdAt: String(r.created_at),
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
    updatedBy: String(r.updated_by),
    version: Number(r.version),
    deletedAt: (r.deleted_at as string | null) ?? null,
  };
}

export class CaseStore {
  constructor(
    readonly db: Database,
    readonly blobs: EvidenceBlobs,
    /** Seals small secrets (TOTP seeds) under the master key. */
    readonly sealer: Sealer,
    private readonly sql: Sql = db,
    private readonly inTransaction = false,
  ) {}

  get dialect() {
    return this.db.dialect;
  }

  /** The per-case data keys of field-level encryption (shared by this store's transactions). */
  get keys(): DataKeys {
    return dataKeysFor(this.sealer);
  }

  /** The case's data keys, including every version in `need`. */
  async keySet(caseId: string, need: Iterable<string> = []): Promise<KeySet> {
    return this.keys.keySet(this.sql, caseId, this.inTransaction, need);
  }

  /**
   * The case's persons, opened, from the in-memory directory (person-directory.ts), synced with
   * the store first. Outside transactions only (inside one, a throwaway directory).
   */
  async personDirectory(caseId: string): Promise<{
    live: () => DirectoryEntry[];
    all: () => DirectoryEntry[];
    order: () => string[];
    version: number;
    /** The directory itself (its live version and change log: incremental consumers). */
    directory: PersonDirectory;
  }> {
    let byCase = personDirectories.get(this.sealer);
    if (!byCase) {
      byCase = new Map();
      personDirectories.set(this.sealer, byCase);
    }
    let dir = this.inTransaction ? undefined : byCase.get(caseId);
    if (!dir) {
      dir = new PersonDirectory();
      if (!this.inTransaction) byCase.set(caseId, dir);
    }
    const src: DirectorySource = {
      stamp: () => this.personCounts(caseId),
      head: async () => (await this.auditHead()).seq,
      changedSince: async (since) => {
        const rows = await this.sql.all<Record<string, unknown>>(
          'SELECT * FROM person WHERE case_id = ? AND updated_at >= ?',
          [caseId, since],
        );
        return (await this.toRecords('person', rows)).map((r) => ({
          id: r.id,
          body: r.body,
          updatedAt: r.updatedAt,
          version: r.version,
          deleted: r.deletedAt !== null,
        }));
      },
      sortKey: (body) => sortKeyFor('person', body as Record<string, unknown>) ?? '\uffff',
    };
    await dir.sync(src);
    const d = dir;
    return {
      live: () => d.live(),
      all: () => d.all(),
      order: () => d.order(src),
      version: d.version,
      directory: d,
    };
  }

  /** A stored row → the record, its sealed fields opened. */
  private async toRecord<K extends Kind>(kind: K, r: Record<string, unknown>): Promise<StoredRecord<K>> {
    const stored = JSON.parse(String(r.data)) as Record<string, unknown>;
    const need = versionsOf(stored);
    const body = need.length
      ? openBody(await this.keySet(String(r.case_id), need), kind, String(r.id), stored)
      : stored;
    return { ...rowMeta(r), kind, body: body as BodyOf<K> };
  }

  private async toRecords<K extends Kind>(
    kind: K,
    rows: Record<string, unknown>[],
  ): Promise<StoredRecord<K>[]> {
    const out: StoredRecord<K>[] = [];
    for (const r of rows) out.push(await this.toRecord(kind, r));
    return out;
  }

  /** For key rotation: the stored form of a body under the case's current key. */
  storedFormOf(kind: Kind, caseId: string, id: string, body: Record<string, unknown>) {
    return this.storedForm(kind, caseId, id, body);
  }

  /** Whether a body has fields that are stored sealed. */
  wouldSeal(kind: Kind, body: Record<string, unknown>): boolean {
    return sealedFields(kind, body).length > 0;
  }

  /** The Sql handle this store writes through (its transaction's, inside one). */
  get sqlHandle(): Sql {
    return this.sql;
  }

  /** Re-seals a list's rows under the case's current key, a batch per transaction. */
  async resealRows(caseId: string, listId: string): Promise<number> {
    let after = 0;
    let n = 0;
    for (;;) {
      const done = await this.transaction(async (s) => {
        const keys = await s.keySet(caseId);
        const rows = await s.sql.all<{ row_no: number; data: string }>(
          'SELECT row_no, data FROM source_record WHERE list_id = ? AND row_no > ? ORDER BY row_no LIMIT 2000',
          [listId, after],
        );
        for (const r of rows) {
          const rowNo = Number(r.row_no);
          const clear = openRow(keys, listId, rowNo, String(r.data));
          await s.sql.run('UPDATE source_record SET data = ? WHERE list_id = ? AND row_no = ?', [
            sealRow(keys.current, listId, rowNo, clear),
            listId,
            rowNo,
          ]);
          after = rowNo;
          n++;
        }
        return rows.length === 0;
      });
      if (done) return n;
    }
  }

  /** The stored form of a body and what goes in its indexed columns (blind indexes for sealed ones). */
  private async storedForm(kind: Kind, caseId: string, id: string, body: Record<string, unknown>) {
    const fields = sealedFields(kind, body);
    if (fields.length === 0) {
      return {
        data: canonicalJson(body),
        stored: body,
        sortKey: sortKeyFor(kind, body),
        columns: KINDS[kind].columns.map((c) => stringOrNull(body[c])),
      };
    }
    const key = (await this.keySet(caseId)).current;
    const { stored } = sealBody(key, kind, id, body);
    return {
      data: canonicalJson(stored),
      stored,
      // Sort keys of sealed records would be their names in clear: none (they sort by id = creation).
      sortKey: null,
      columns: KINDS[kind].columns.map((c) => {
        const v = stringOrNull(body[c]);
        return v !== null && fields.includes(c) ? `bi:${key.blind(c, normaliseForIndex(v))}` : v;
      }),
    };
  }

  /** Runs `fn` with a store bound to one transaction: all its writes commit together or not at all. */
  async transaction<T>(fn: (store: CaseStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction((tx) => fn(new CaseStore(this.db, this.blobs, this.sealer, tx, true)));
  }

  // ── Case files ─────────────────────────────────────────────────────────────────────────────
  async createCase(
    input: unknown,
    actor: string,
    opts: { id?: string; at?: string } = {},
  ): Promise<CaseRecord> {
    const res = CaseFileBody.safeParse(input);
    if (!res.success) throw new InputError('invalid case file', issuesFrom(res.error));
    const id = opts.id ?? newId('cas');
    const at = opts.at ?? new Date().toISOString();
    return this.transaction(async (s) => {
      await s.sql.run(
        `INSERT INTO case_file (id, data, pseudonym_salt, created_at, created_by, updated_at, updated_by, version, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL)`,
        [id, canonicalJson(res.data), randomBytes(32).toString('hex'), at, actor, at, actor],
      );
      await s.keySet(id); // the case's first data key, in the same transaction
      await appendAudit(s.sql, {
        actor,
        action: 'create',
        entity: 'case-files',
        entityId: id,
        caseId: id,
        after: res.data,
      });
      return (await s.getCase(id))!;
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const r = await this.sql.get<Record<string, unknown>>('SELECT * FROM case_file WHERE id = ?', [id]);
    if (!r) return undefined;
    const { caseId: _c, ...meta } = rowMeta({ ...r, case_id: r.id });
    return { ...meta, body: JSON.parse(String(r.data)) };
  }

  async listCases(): Promise<CaseRecord[]> {
    const rows = await this.sql.all<{ id: string }>(
      'SELECT id FROM case_file WHERE deleted_at IS NULL ORDER BY created_at',
    );
    return Promise.all(rows.map(async (r) => (await this.getCase(r.id))!));
  }

  /** The case a command works on: the one named, or the only one in the store. */
  async resolveCaseId(id?: string): Promise<string> {
    if (id) {
      const c = await this.getCase(id);
      if (!c || c.deletedAt) throw new NotFoundError(`no case file with id ${id}`);
      return id;
    }
    const all = await this.listCases();
    if (all.length === 1) return all[0]!.id;
    if (all.length === 0)
      throw new UsageError('the store holds no case file yet (run `testigo demo` or import one)');
    throw new UsageError(
      `the store holds ${all.length} case files: name one with --case (${all.map((c) => c.id).join(', ')})`,
    );
  }

  /** Changes whenever a person of the case is created, changed or deleted (for caches). */
  async personsStamp(caseId: string): Promise<string> {
    const { n, maxUpdated, versions } = await this.personCounts(caseId);
    return `${n}|${maxUpdated}|${versions}`;
  }

  /** A cache key for what is derived from a kind's records: count (deleted included), last change, sum of versions. */
  async kindStamp(kind: Kind, caseId: string): Promise<string> {
    const r = await this.sql.get<{ n: number; m: string | null; v: number | string | null }>(
      `SELECT count(*) AS n, max(updated_at) AS m, sum(version) AS v FROM ${KINDS[kind].table} WHERE case_id = ?`,
      [caseId],
    );
    return `${Number(r?.n ?? 0)}|${r?.m ?? ''}|${Number(r?.v ?? 0)}`;
  }

  /** How many persons the case has (deleted included) and the latest change to any of them. */
  private async personCounts(caseId: string): Promise<{ n: number; maxUpdated: string; versions: number }> {
    // The sum of row versions moves on every committed change, whatever the writer's clock (another
    // process or machine can write an older updated_at): the stamp is exact across processes.
    const r = await this.sql.get<{ n: number; m: string | null; v: number | string | null }>(
      'SELECT count(*) AS n, max(updated_at) AS m, sum(version) AS v FROM person WHERE case_id = ?',
      [caseId],
    );
    return { n: Number(r?.n ?? 0), maxUpdated: r?.m ?? '', versions: Number(r?.v ?? 0) };
  }

  /** Secret per-case salt for stable pseudonyms; never leaves the server. */
  async pseudonymSalt(caseId: string): Promise<string> {
    const r = await this.sql.get<{ pseudonym_salt: string }>(
      'SELECT pseudonym_salt FROM case_file WHERE id = ?',
      [caseId],
    );
    if (!r) throw new NotFoundError(`no case file with id ${caseId}`);
    return r.pseudonym_salt;
  }

  // ── Entities ───────────────────────────────────────────────────────────────────────────────
  async create<K extends Kind>(
    kind: K,
    caseId: string,
    input: unknown,
    actor: string,
    opts: { id?: string; checkRefs?: boolean; meta?: Partial<Meta> } = {},
  ): Promise<StoredRecord<K>> {
    const body = parseBody(kind, input);
    const spec = KINDS[kind];
    const id = opts.id ?? newId(spec.prefix);
    if (!id.startsWith(`${spec.prefix}_`))
      throw new InputError(`id ${id} is not a ${spec.name} id (prefix ${spec.prefix}_)`);
    const at = opts.meta?.createdAt ?? new Date().toISOString();
    return this.transaction(async (s) => {
      await s.requireCase(caseId);
      if (opts.checkRefs !== false) await s.checkRefs(kind, caseId, body as Record<string, unknown>);
      const cols = spec.columns.map(columnFor);
      const form = await s.storedForm(kind, caseId, id, body as Record<string, unknown>);
      const vals = form.columns;
      const meta = {
        created_at: at,
        created_by: opts.meta?.createdBy ?? actor,
        updated_at: opts.meta?.updatedAt ?? at,
        updated_by: opts.meta?.updatedBy ?? actor,
        version: opts.meta?.version ?? 1,
        deleted_at: opts.meta?.deletedAt ?? null,
      };
      try {
        await s.sql.run(
          `INSERT INTO ${spec.table} (id, case_id, data, sort_key, ${[...cols, ...Object.keys(meta)].join(', ')})
           VALUES (${['?', '?', '?', '?', ...cols.map(() => '?'), ...Object.keys(meta).map(() => '?')].join(', ')})`,
          [id, caseId, form.data, form.sortKey, ...vals, ...Object.values(meta)],
        );
      } catch (err) {
        if (/unique|duplicate key/i.test(String((err as Error).message)))
          throw new ConflictError(`a record with id ${id} already exists`);
        throw err;
      }
      await appendAudit(s.sql, {
        actor,
        action: 'create',
        entity: spec.name,
        entityId: id,
        caseId,
        // The audit keeps the stored form: sealed fields stay sealed in the log too.
        after: form.stored,
      });
      const rec = (await s.get(kind, id, { includeDeleted: true }))!;
      await s.reindex(rec);
      return rec;
    });
  }

  async get<K extends Kind>(
    kind: K,
    id: string,
    opts: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord<K> | undefined> {
    const r = await this.sql.get<Record<string, unknown>>(`SELECT * FROM ${KINDS[kind].table} WHERE id = ?`, [
      id,
    ]);
    if (!r || (r.deleted_at && !opts.includeDeleted)) return undefined;
    return this.toRecord(kind, r);
  }

  /**
   * Records of a kind with only some of their indexed fields (clear columns) as body, bodies not
   * read nor opened: for views that show references and codes of many records at once (an event
   * list's who-did-what). Sealed columns are refused (they hold blind indexes, not values).
   */
  async listIndexed<K extends Kind>(
    kind: K,
    caseId: string,
    fields: readonly string[],
    opts: ListOptions = {},
  ): Promise<StoredRecord<K>[]> {
    for (const f of fields)
      if (!(KINDS[kind].columns as readonly string[]).includes(f) || SEALED_COLUMNS[kind]?.includes(f))
        throw new Error(`${KINDS[kind].name} has no clear indexed field ${f}`);
    const { clause, params } = await this.whereClause(kind, caseId, opts);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 100_000);
    const cols = fields.map((f) => `${columnFor(f)} AS "${f}"`).join(', ');
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT id, case_id, created_at, created_by, updated_at, updated_by, version, deleted_at${cols ? `, ${cols}` : ''} FROM ${KINDS[kind].table} WHERE ${clause} ORDER BY ${orderBy(opts)} LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      ...rowMeta(r),
      kind,
      body: Object.fromEntries(fields.filter((f) => r[f] != null).map((f) => [f, r[f]])) as BodyOf<K>,
    }));
  }

  /** Records of one kind by id, in one query per 500 ids (ids not found are left out). */
  async getMany<K extends Kind>(
    kind: K,
    ids: readonly string[],
    opts: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord<K>[]> {
    const out: StoredRecord<K>[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.sql.all<Record<string, unknown>>(
        `SELECT * FROM ${KINDS[kind].table} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      out.push(
        ...(await this.toRecords(
          kind,
          rows.filter((r) => opts.includeDeleted || !r.deleted_at),
        )),
      );
    }
    return out;
  }

  async require<K extends Kind>(kind: K, id: string): Promise<StoredRecord<K>> {
    const r = await this.get(kind, id);
    if (!r) throw new NotFoundError(`no ${KINDS[kind].name} record with id ${id}`);
    return r;
  }

  /** Replaces a record's body. With expectedVersion, refuses to overwrite someone else's change. */
  async update<K extends Kind>(
    kind: K,
    id: string,
    input: unknown,
    actor: string,
    opts: { expectedVersion?: number } = {},
  ): Promise<StoredRecord<K>> {
    const body = parseBody(kind, input);
    const spec = KINDS[kind];
    return this.transaction(async (s) => {
      const before = await s.require(kind, id);
      const beforeStored = await s.storedBody(kind, id);
      if (kind === 'evidence') {
        const [a, b] = [
          before.body as { sha256: string; size: number; acquisition: unknown },
          body as { sha256: string; size: number; acquisition: unknown },
        ];
        if (a.sha256 !== b.sha256 || a.size !== b.size) {
          throw new ConflictError(
            `evidence ${id}: an original is never modified; store the new file as a derivative (derivedFrom)`,
          );
        }
        // How, when, by whom and from where an item was acquired is a record of the past: a
        // correction goes into the custody log as a note, never over the original statement.
        if (canonicalJson(a.acquisition) !== canonicalJson(b.acquisition)) {
          throw new ConflictError(
            `evidence ${id}: the acquisition record cannot be changed; add a custody entry with a note to correct it`,
          );
        }
      }
      if (opts.expectedVersion !== undefined && before.version !== opts.expectedVersion) {
        throw new ConflictError(
          `${spec.name} ${id} changed since version ${opts.expectedVersion} (now ${before.version}): reload and try again`,
        );
      }
      await s.checkRefs(kind, before.caseId, body as Record<string, unknown>);
      const at = new Date().toISOString();
      const cols = spec.columns.map((c) => `${columnFor(c)} = ?`);
      const form = await s.storedForm(kind, before.caseId, id, body as Record<string, unknown>);
      const vals = form.columns;
      const changed = await s.sql.run(
        `UPDATE ${spec.table} SET data = ?, sort_key = ?, ${[...cols, 'updated_at = ?', 'updated_by = ?', 'version = version + 1'].join(', ')}
         WHERE id = ? AND version = ?`,
        [form.data, form.sortKey, ...vals, at, actor, id, before.version],
      );
      if (changed !== 1)
        throw new ConflictError(`${spec.name} ${id} was changed concurrently: reload and try again`);
      await appendAudit(s.sql, {
        actor,
        action: 'update',
        entity: spec.name,
        entityId: id,
        caseId: before.caseId,
        before: beforeStored,
        after: form.stored,
      });
      const rec = (await s.get(kind, id))!;
      await s.reindex(rec);
      return rec;
    });
  }

  /** Soft delete: the record stays (and stays in the audit log); reads stop returning it. */
  async remove(kind: Kind, id: string, actor: string, reason?: string): Promise<void> {
    const spec = KINDS[kind];
    await this.transaction(async (s) => {
      const before = await s.require(kind, id);
      const beforeStored = await s.storedBody(kind, id);
      const referrers = await s.referrersOf(kind, id, before.caseId);
      if (referrers.length > 0) {
        throw new ConflictError(
          `${spec.name} ${id} is still referenced by ${referrers.slice(0, 5).join(', ')}${referrers.length > 5 ? ', …' : ''}`,
        );
      }
      const at = new Date().toISOString();
      await s.sql.run(
        `UPDATE ${spec.table} SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
        [at, at, actor, id],
      );
      await appendAudit(s.sql, {
        actor,
        action: 'delete',
        entity: spec.name,
        entityId: id,
        caseId: before.caseId,
        before: beforeStored,
        after: reason ? { reason } : undefined,
      });
      await s.reindex((await s.get(kind, id, { includeDeleted: true }))!);
    });
  }

  /**
   * Keeps the search index in step with a write (same transaction). An involvement changes its
   * act's unit facet, so the act is re-indexed with it.
   */
  async reindex(rec: StoredRecord<Kind>): Promise<void> {
    await indexRecord(this, this.sql, rec);
    if (rec.kind === 'involvement') {
      const act = await this.get('act', (rec.body as { actId: string }).actId);
      if (act) await indexRecord(this, this.sql, act);
    }
  }

  /** Full-text search over persons, events, acts and testimonies, restricted to what `params` allow. */
  async search(params: SearchParams): Promise<SearchHits> {
    // Protected tiers hold keyed hashes of terms: look each term up in clear and as its hash under
    // every key version of the case (documents indexed before a rotation still match).
    const ks = await this.keySet(params.caseId);
    const versions = await this.keyVersions(params.caseId);
    const keys = versions.map((v) => ks.get(v)).filter((k) => k !== undefined);
    const terms = params.terms.map((alts) => [
      ...alts,
      ...keys.flatMap((k) => alts.map((a) => blindTerm(k, a))),
    ]);
    return searchDocs(this.sql, { ...params, terms });
  }

  /** Every data key version of a case, oldest first. */
  async keyVersions(caseId: string): Promise<string[]> {
    const rows = await this.sql.all<{ version: number }>(
      'SELECT version FROM data_key WHERE case_id = ? ORDER BY version',
      [caseId],
    );
    return rows.map((r) => `k${Number(r.version)}`);
  }

  /**
   * Opens a body as the audit log holds it (sealed fields sealed, possibly under a retired key).
   * For those who may see the record's identity; the log itself never changes.
   */
  async openAuditBody(kind: Kind, id: string, caseId: string, stored: Record<string, unknown>) {
    const need = versionsOf(stored);
    return need.length ? openBody(await this.keySet(caseId, need), kind, id, stored) : stored;
  }

  /** A record's body exactly as stored (sealed fields sealed): what the audit log records. */
  private async storedBody(kind: Kind, id: string): Promise<Record<string, unknown>> {
    const r = await this.sql.get<{ data: string }>(`SELECT data FROM ${KINDS[kind].table} WHERE id = ?`, [
      id,
    ]);
    return JSON.parse(String(r?.data));
  }

  async list<K extends Kind>(kind: K, caseId: string, opts: ListOptions = {}): Promise<StoredRecord<K>[]> {
    const { clause, params } = await this.whereClause(kind, caseId, opts);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 100_000);
    const offset = Math.max(opts.offset ?? 0, 0);
    if (kind === 'person' && (opts.sort ?? 'default') === 'default') {
      // Names are sealed, so the database cannot order by them: the order is kept in memory
      // (person-order.ts) and only the requested page is opened.
      const order = (await this.personDirectory(caseId)).order();
      const match = new Set(
        (await this.sql.all<{ id: string }>(`SELECT id FROM person WHERE ${clause}`, params)).map(
          (r) => r.id,
        ),
      );
      const ids = (opts.desc ? [...order].reverse() : order).filter((id) => match.has(id));
      // Deleted persons (includeDeleted) are not in the order: they come last, by id.
      if (opts.includeDeleted) {
        const live = new Set(order);
        for (const id of [...match].sort()) if (!live.has(id)) ids.push(id);
      }
      const page = ids.slice(offset, offset + limit);
      if (page.length === 0) return [];
      const rows = await this.sql.all<Record<string, unknown>>(
        `SELECT * FROM person WHERE id IN (${page.map(() => '?').join(', ')})`,
        page,
      );
      const byId = new Map((await this.toRecords(kind, rows)).map((r) => [r.id, r]));
      return page.map((id) => byId.get(id)!).filter(Boolean) as StoredRecord<K>[];
    }
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT * FROM ${KINDS[kind].table} WHERE ${clause} ORDER BY ${orderBy(opts)} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return this.toRecords(kind, rows);
  }

  /** Every live record of a kind, a page at a time (bounded memory). */
  async *iterate<K extends Kind>(
    kind: K,
    caseId: string,
    opts: { includeDeleted?: boolean } = {},
  ): AsyncGenerator<StoredRecord<K>> {
    let afterId = '';
    for (;;) {
      const rows = await this.sql.all<Record<string, unknown>>(
        `SELECT * FROM ${KINDS[kind].table} WHERE case_id = ? AND id > ?${opts.includeDeleted ? '' : ' AND deleted_at IS NULL'} ORDER BY id LIMIT 1000`,
        [caseId, afterId],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield await this.toRecord(kind, r);
      afterId = String(rows[rows.length - 1]!.id);
    }
  }

  async count(kind: Kind, caseId: string, opts: Omit<ListOptions, 'limit' | 'offset'> = {}): Promise<number> {
    const { clause, params } = await this.whereClause(kind, caseId, opts);
    const r = await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${KINDS[kind].table} WHERE ${clause}`,
      params,
    );
    return Number(r?.n ?? 0);
  }

  private async whereClause(kind: Kind, caseId: string, opts: ListOptions) {
    const parts = ['case_id = ?'];
    const params: unknown[] = [caseId];
    if (!opts.includeDeleted) parts.push('deleted_at IS NULL');
    for (const [field, value] of Object.entries(opts.where ?? {})) {
      if (!(KINDS[kind].columns as readonly string[]).includes(field)) {
        throw new InputError(`cannot filter ${KINDS[kind].name} by ${field}`, [
          { field, message: `filterable fields: ${KINDS[kind].columns.join(', ') || 'none'}` },
        ]);
      }
      if (Array.isArray(value)) {
        if (value.length === 0) parts.push('1 = 0');
        else {
          parts.push(`${columnFor(field)} IN (${value.map(() => '?').join(', ')})`);
          params.push(...value);
        }
        continue;
      }
      if (typeof value !== 'string') continue;
      if (SEALED_COLUMNS[kind]?.includes(field)) {
        // A sealed field's column holds blind indexes: match the value's index under every key
        // version, and the clear value for records that are not sealed (public persons).
        const ks = await this.keySet(caseId);
        const n = normaliseForIndex(value);
        const alts = [
          value,
          ...(await this.keyVersions(caseId)).flatMap((v) => {
            const k = ks.get(v);
            return k ? [`bi:${k.blind(field, n)}`] : [];
          }),
        ];
        parts.push(`${columnFor(field)} IN (${alts.map(() => '?').join(', ')})`);
        params.push(...alts);
        continue;
      }
      parts.push(`${columnFor(field)} = ?`);
      params.push(value);
    }
    return { clause: parts.join(' AND '), params };
  }

  private async requireCase(caseId: string) {
    const c = await this.sql.get<{ deleted_at: string | null }>(
      'SELECT deleted_at FROM case_file WHERE id = ?',
      [caseId],
    );
    if (!c || c.deleted_at) throw new NotFoundError(`no case file with id ${caseId}`);
  }

  /** Every id a body references must exist, be live, and belong to the same case file. */
  private async checkRefs(kind: Kind, caseId: string, body: Record<string, unknown>): Promise<void> {
    const issues: FieldIssue[] = [];
    for (const ref of referencedIds(kind, body)) {
      const r = await this.sql.get<{ case_id: string; deleted_at: string | null }>(
        `SELECT case_id, deleted_at FROM ${KINDS[ref.kind as Kind].table} WHERE id = ?`,
        [ref.id],
      );
      if (!r || r.deleted_at || r.case_id !== caseId) {
        issues.push({
          field: ref.field,
          message: `no ${KINDS[ref.kind as Kind].name} record ${ref.id} in this case file`,
        });
      }
    }
    if (issues.length)
      throw new InputError(`${KINDS[kind].name} record refers to records that do not exist`, issues);
  }

  /** Checks every reference of every record of a case at once (used after bulk imports). */
  async checkAllRefs(caseId: string): Promise<void> {
    const live = new Map<string, Set<string>>();
    for (const k of KIND_NAMES) {
      const rows = await this.sql.all<{ id: string }>(
        `SELECT id FROM ${KINDS[k].table} WHERE case_id = ? AND deleted_at IS NULL`,
        [caseId],
      );
      live.set(k, new Set(rows.map((r) => r.id)));
    }
    const issues: FieldIssue[] = [];
    for (const k of KIND_NAMES) {
      for await (const rec of this.iterate(k, caseId)) {
        for (const ref of referencedIds(k, rec.body as Record<string, unknown>)) {
          if (!live.get(ref.kind)?.has(ref.id)) {
            issues.push({
              field: `${KINDS[k].name}/${rec.id}.${ref.field}`,
              message: `refers to missing ${KINDS[ref.kind as Kind].name} ${ref.id}`,
            });
          }
        }
      }
    }
    if (issues.length) throw new InputError('the case file has dangling references', issues);
  }

  private async referrersOf(kind: Kind, id: string, caseId: string): Promise<string[]> {
    const out: string[] = [];
    for (const k of KIND_NAMES) {
      if (!Object.values(KINDS[k].refs as Record<string, string>).includes(kind)) continue;
      const rows = await this.sql.all<{ id: string; data: string }>(
        `SELECT id, data FROM ${KINDS[k].table} WHERE case_id = ? AND deleted_at IS NULL AND data LIKE ?`,
        [caseId, `%${id}%`],
      );
      for (const r of rows) {
        if (referencedIds(k, JSON.parse(r.data)).some((ref) => ref.id === id && ref.kind === kind))
          out.push(`${KINDS[k].name}/${r.id}`);
      }
    }
    return out;
  }

  // ── Evidence ───────────────────────────────────────────────────────────────────────────────
  /**
   * Stores a file as evidence: the bytes go to the encrypted blob store first (content-addressed,
   * so a crash before the commit leaves only an unreferenced blob, never a record without bytes),
   * then the record and its first custody entry commit together.
   */
  async addEvidence(
    caseId: string,
    bytes: AsyncIterable<Uint8Array> | Uint8Array,
    meta: Omit<EvidenceBody, 'sha256' | 'size'> & Partial<Pick<EvidenceBody, 'sha256'>>,
    actor: string,
  ): Promise<StoredRecord<'evidence'>> {
    const stored = await this.blobs.put(bytes);
    if (meta.sha256 && meta.sha256 !== stored.sha256) {
      throw new InputError('the file received does not match the SHA-256 declared for it', [
        { field: 'sha256', message: `declared ${meta.sha256}, received ${stored.sha256}` },
      ]);
    }
    return this.transaction(async (s) => {
      const rec = await s.create(
        'evidence',
        caseId,
        { ...meta, sha256: stored.sha256, size: stored.size },
        actor,
      );
      await s.addCustody(
        rec.id,
        {
          action: 'collected',
          at: meta.acquisition.at,
          actor: meta.acquisition.by,
          note: meta.acquisition.method,
          sha256: stored.sha256,
        },
        actor,
      );
      return rec;
    });
  }

  /** Reads an evidence file (verified against its SHA-256) and records the access in its custody log. */
  async readEvidence(
    id: string,
    actor: string,
    purpose: 'accessed' | 'exported' = 'accessed',
  ): Promise<Buffer> {
    const rec = await this.require('evidence', id);
    const bytes = await this.blobs.get(rec.body.sha256);
    await this.addCustody(
      id,
      { action: purpose, at: new Date().toISOString(), actor, sha256: rec.body.sha256 },
      actor,
    );
    return bytes;
  }

  async addCustody(evidenceId: string, input: unknown, actor: string): Promise<CustodyEntry> {
    const res = CustodyEntryBody.safeParse({ ...(input as object), evidenceId });
    if (!res.success) throw new InputError('invalid custody entry', issuesFrom(res.error));
    return this.transaction(async (s) => {
      const ev = await s.require('evidence', evidenceId);
      const id = newId('cus');
      const at = new Date().toISOString();
      await s.sql.run(
        'INSERT INTO custody_entry (id, case_id, evidence_id, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
        [id, ev.caseId, evidenceId, canonicalJson(res.data), at, actor],
      );
      await appendAudit(s.sql, {
        actor,
        action: `custody:${res.data.action}`,
        entity: 'evidence',
        entityId: evidenceId,
        caseId: ev.caseId,
        after: res.data,
      });
      return { id, caseId: ev.caseId, createdAt: at, createdBy: actor, ...res.data };
    });
  }

  async custody(evidenceId: string): Promise<CustodyEntry[]> {
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT * FROM custody_entry WHERE evidence_id = ? ORDER BY created_at, id',
      [evidenceId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.case_id),
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
      ...JSON.parse(String(r.data)),
    }));
  }

  // ── Source lists (raw rows for linkage and statistics) ─────────────────────────────────────
  /**
   * Imports an organization's list in one transaction: the list record, every row, and one audit
   * entry carrying the row count and a SHA-256 digest of all rows. A failure anywhere (a bad row,
   * a crash) leaves no trace of the list. Rows are stored as JSON arrays aligned with the list's
   * columns: half the bytes of objects, which matters at millions of rows.
   */
  async importSourceList(
    caseId: string,
    list: SourceListBody,
    rows: SourceRows,
    actor: string,
    opts: { id?: string; onProgress?: (n: number) => void; batchSize?: number } = {},
  ): Promise<{ list: StoredRecord<'sourceList'>; rows: number; rowsSha256: string }> {
    return this.transaction(async (s) => {
      const rec = await s.create('sourceList', caseId, list, actor, { id: opts.id });
      // Victims' lists are identity material: every row is sealed under the case's data key (on a
      // worker thread, batch by batch: list-import.ts).
      const { rows: n, rowsSha256 } = await writeListRows(
        s.sql,
        (await s.keySet(caseId)).current,
        caseId,
        rec.id,
        list.columns.length,
        rows,
        opts,
      );
      await s.sql.run(`UPDATE source_list SET data = ? WHERE id = ?`, [
        canonicalJson({ ...rec.body, rowCount: n }),
        rec.id,
      ]);
      await appendAudit(s.sql, {
        actor,
        action: 'import',
        entity: 'source-lists',
        entityId: rec.id,
        caseId,
        after: { rows: n, rowsSha256, fileName: list.fileName, sha256: list.sha256 },
      });
      opts.onProgress?.(n);
      return { list: (await s.get('sourceList', rec.id))!, rows: n, rowsSha256 };
    });
  }

  /** Inserts rows of an existing list as they are (used by the case-file JSON import). */
  async insertSourceRows(
    caseId: string,
    listId: string,
    rows: readonly {
      rowNo: number;
      recordId: string;
      data: Record<string, string>;
      personId: string | null;
    }[],
  ): Promise<void> {
    await this.transaction(async (s) => {
      const cols = (await s.require('sourceList', listId)).body.columns;
      const key = (await s.keySet(caseId)).current;
      await s.sql.insertMany(
        'source_record',
        ['case_id', 'list_id', 'row_no', 'record_id', 'data', 'person_id'],
        rows.map((r) => {
          const extra = Object.keys(r.data).filter((k) => !cols.includes(k));
          if (extra.length) {
            throw new InputError(
              `row ${r.rowNo} of list ${listId} has columns the list does not have: ${extra.join(', ')}`,
            );
          }
          return [
            caseId,
            listId,
            r.rowNo,
            r.recordId,
            sealRow(key, listId, r.rowNo, JSON.stringify(cols.map((c) => r.data[c] ?? ''))),
            r.personId,
          ];
        }),
      );
    });
  }

  async sourceRecords(listId: string, opts: { afterRow?: number; limit?: number } = {}) {
    const list = await this.get('sourceList', listId, { includeDeleted: true });
    const cols = list?.body.columns ?? [];
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT list_id, row_no, record_id, data, person_id FROM source_record WHERE list_id = ? AND row_no > ? ORDER BY row_no LIMIT ?',
      [listId, opts.afterRow ?? 0, opts.limit ?? 1000],
    );
    const keys = list ? await this.keySet(list.caseId) : undefined;
    return rows.map((r) => {
      const raw = String(r.data);
      const values = JSON.parse(keys ? openRow(keys, listId, Number(r.row_no), raw) : raw) as string[];
      return {
        listId: String(r.list_id),
        rowNo: Number(r.row_no),
        recordId: String(r.record_id),
        data: Object.fromEntries(cols.map((c, i) => [c, values[i] ?? ''])) as Record<string, string>,
        personId: (r.person_id as string | null) ?? null,
      };
    });
  }

  async countSourceRecords(caseId: string, listId?: string): Promise<number> {
    const r = listId
      ? await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM source_record WHERE list_id = ?', [
          listId,
        ])
      : await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM source_record WHERE case_id = ?', [
          caseId,
        ]);
    return Number(r?.n ?? 0);
  }

  // ── Linkage in the case file ───────────────────────────────────────────────────────────────
  /**
   * Ties list records to persons (a merge keeps every record and its list and row: provenance is
   * never lost). One transaction and one audit entry with the assignments' digest.
   */
  async assignSourceRecords(
    caseId: string,
    assignments: readonly { listId: string; rowNo: number; personId: string | null }[],
    actor: string,
    note?: Record<string, unknown>,
  ): Promise<number> {
    return this.transaction(async (s) => {
      const persons = new Set(assignments.map((a) => a.personId).filter((p): p is string => Boolean(p)));
      for (const p of persons) {
        const rec = await s.get('person', p);
        if (!rec || rec.caseId !== caseId) throw new InputError(`no person ${p} in this case file`);
      }
      const digest = createHash('sha256');
      let changed = 0;
      for (const a of assignments) {
        changed += await s.sql.run(
          'UPDATE source_record SET person_id = ? WHERE case_id = ? AND list_id = ? AND row_no = ?',
          [a.personId, caseId, a.listId, a.rowNo],
        );
        digest.update(`${a.listId}\t${a.rowNo}\t${a.personId ?? ''}\n`);
      }
      if (changed !== assignments.length)
        throw new InputError(`${assignments.length - changed} list record(s) do not exist in this case file`);
      await appendAudit(s.sql, {
        actor,
        action: 'link',
        entity: 'source-records',
        caseId,
        after: { records: changed, sha256: digest.digest('hex'), ...note },
      });
      return changed;
    });
  }

  /** Records a reviewer's decision on a pair of list records; it supersedes earlier ones on that pair. */
  async recordLinkDecision(
    caseId: string,
    a: { listId: string; rowNo: number },
    b: { listId: string; rowNo: number },
    decision: 'must-link' | 'cannot-link' | 'unsure',
    actor: string,
    note?: string,
  ): Promise<string> {
    if (!['must-link', 'cannot-link', 'unsure'].includes(decision))
      throw new InputError(`unknown decision ${decision}`);
    // Order the pair so (a, b) and (b, a) are the same pair.
    const [x, y] = [a, b].sort((p, q) =>
      p.listId === q.listId ? p.rowNo - q.rowNo : p.listId < q.listId ? -1 : 1,
    ) as [typeof a, typeof b];
    return this.transaction(async (s) => {
      for (const r of [x, y]) {
        const hit = await s.sql.get(
          'SELECT 1 AS ok FROM source_record WHERE case_id = ? AND list_id = ? AND row_no = ?',
          [caseId, r.listId, r.rowNo],
        );
        if (!hit) throw new InputError(`no list record ${r.listId} row ${r.rowNo} in this case file`);
      }
      const at = new Date().toISOString();
      await s.sql.run(
        'UPDATE link_decision SET superseded_at = ? WHERE case_id = ? AND a_list = ? AND a_row = ? AND b_list = ? AND b_row = ? AND superseded_at IS NULL',
        [at, caseId, x.listId, x.rowNo, y.listId, y.rowNo],
      );
      const id = newId('lnk');
      await s.sql.run(
        'INSERT INTO link_decision (id, case_id, a_list, a_row, b_list, b_row, decision, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, caseId, x.listId, x.rowNo, y.listId, y.rowNo, decision, note ?? null, at, actor],
      );
      await appendAudit(s.sql, {
        actor,
        action: 'link-decision',
        entity: 'link-decisions',
        entityId: id,
        caseId,
        after: { a: x, b: y, decision, note },
      });
      return id;
    });
  }

  /** The decisions in force (latest per pair). */
  async linkDecisions(caseId: string) {
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT * FROM link_decision WHERE case_id = ? AND superseded_at IS NULL ORDER BY created_at, id',
      [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      a: { listId: String(r.a_list), rowNo: Number(r.a_row) },
      b: { listId: String(r.b_list), rowNo: Number(r.b_row) },
      decision: String(r.decision) as 'must-link' | 'cannot-link' | 'unsure',
      note: (r.note as string | null) ?? undefined,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
    }));
  }

  // ── Stored analyses (reproducible numbers) ─────────────────────────────────────────────────
  async saveAnalysis(
    caseId: string,
    kind: string,
    inputsSha256: string,
    settings: unknown,
    result: unknown,
    actor: string,
  ): Promise<string> {
    const id = newId('ana');
    await this.transaction(async (s) => {
      await s.requireCase(caseId);
      await s.sql.run(
        'INSERT INTO analysis_result (id, case_id, kind, inputs_sha256, settings, result, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          id,
          caseId,
          kind,
          inputsSha256,
          canonicalJson(settings),
          canonicalJson(result),
          new Date().toISOString(),
          actor,
        ],
      );
      await appendAudit(s.sql, {
        actor,
        action: 'analysis',
        entity: 'analyses',
        entityId: id,
        caseId,
        after: { kind, inputsSha256, settings },
      });
    });
    return id;
  }

  async analyses(caseId: string, kind?: string) {
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT * FROM analysis_result WHERE case_id = ?${kind ? ' AND kind = ?' : ''} ORDER BY created_at, id`,
      kind ? [caseId, kind] : [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      inputsSha256: String(r.inputs_sha256),
      settings: JSON.parse(String(r.settings)) as unknown,
      result: JSON.parse(String(r.result)) as unknown,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
    }));
  }

  // ── Audit ──────────────────────────────────────────────────────────────────────────────────
  async verifyAudit() {
    return verifyAudit(this.sql);
  }

  async auditEntries(
    opts: { afterSeq?: number; limit?: number; caseId?: string } = {},
  ): Promise<AuditEntry[]> {
    const params: unknown[] = [opts.afterSeq ?? 0];
    let where = 'seq > ?';
    if (opts.caseId) {
      where += ' AND case_id = ?';
      params.push(opts.caseId);
    }
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE ${where} ORDER BY seq LIMIT ?`,
      [...params, Math.min(opts.limit ?? 1000, 10_000)],
    );
    return rows.map(rowToEntry);
  }

  async auditHead(): Promise<{ seq: number; hash: string }> {
    const r = await this.sql.get<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    return { seq: Number(r?.seq ?? 0), hash: String(r?.hash) };
  }

  /** Appends an audit entry for something that is not a record write (a view, an export). */
  async audit(input: Parameters<typeof appendAudit>[1]): Promise<AuditEntry> {
    return this.transaction((s) => appendAudit(s.sql, input));
  }

  /** Escape hatch for adapter-owned tables (tokens, sessions) in this store's transaction. */
  async rawRun(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.sql.run(sql, params);
  }
  async rawGet<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.sql.get<T>(sql, params);
  }
  async rawAll<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.sql.all<T>(sql, params);
  }

  async close(): Promise<void> {
    this.blobs.close?.();
    await this.db.close();
  }
}

/** Opened persons per unlocked store and case (see person-directory.ts). */
const personDirectories = new WeakMap<Sealer, Map<string, PersonDirectory>>();

/** Indexed columns that hold sealed fields (blind indexes in the column instead of the value). */
const SEALED_COLUMNS: Partial<Record<Kind, readonly string[]>> = { person: ['firstSurname'] };

function orderBy(opts: ListOptions): string {
  const dir = opts.desc ? 'DESC' : 'ASC';
  const col = opts.sort === 'created' ? 'created_at' : opts.sort === 'updated' ? 'updated_at' : 'sort_key';
  return `${col} ${dir}, id ${dir}`;
}

function stringOrNull(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
