/**
 * Records of every kind (KINDS): validated writes with reference checks, their audit entry and
 * search-index update in the same transaction; reads that open sealed fields; lists in the kind's
 * natural order. Nothing is ever deleted: removal sets deleted_at.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import { ConflictError, type FieldIssue, InputError, NotFoundError } from '../../domain/errors.js';
import { issuesFrom } from '../../domain/issues.js';
import { type BodyOf, KIND_NAMES, KINDS, type Kind, referencedIds } from '../../domain/kinds.js';
import type { PersonBody } from '../../domain/schema.js';
import type { Sealer } from '../../security/seal.js';
import { AuditTail, countChanges } from '../audit-tail.js';
import { newId } from '../ids.js';
import { columnFor } from '../migrations.js';
import {
  type DirectoryEntry,
  type DirectorySource,
  PersonDirectory,
  type Stamp,
} from '../person-directory.js';
import { normaliseForIndex, openBody, sealBody, sealedFields, versionsOf } from '../sealing.js';
import { indexRecord } from '../search-index.js';
import { Repository } from './repository.js';

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
/** A record as `listIndexed` reads it: some clear indexed fields as body, and the metadata presenting needs. */
export type IndexedRecord<K extends Kind> = Pick<Meta, 'id' | 'caseId' | 'version' | 'updatedBy'> & {
  kind: K;
  body: BodyOf<K>;
};

export interface CreateOptions {
  id?: string;
  /** false for bulk imports, which check every reference at the end (checkAllRefs). */
  checkRefs?: boolean;
  /** Keeps the metadata of a record imported from another store. */
  meta?: Partial<Meta>;
}

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

export function parseBody<K extends Kind>(kind: K, body: unknown): BodyOf<K> {
  const res = KINDS[kind].schema.safeParse(body);
  if (!res.success) throw new InputError(`invalid ${KINDS[kind].name} record`, issuesFrom(res.error));
  return res.data as BodyOf<K>;
}

/** The record's key in its kind's natural order (KINDS[kind].sortKey). */
export function sortKeyFor(kind: Kind, body: Record<string, unknown>): string | null {
  return KINDS[kind].sortKey(body);
}

export function rowMeta(r: Record<string, unknown>): Meta {
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

export class RecordRepository extends Repository {
  /**
   * The case's persons, opened, from the in-memory directory (person-directory.ts), synced with
   * the store first. Outside transactions only (inside one, a throwaway directory).
   */
  /**
   * `atHead`: an audit head the caller read just before (its view context's): the directory is
   * brought to at least that head without reading it again.
   */
  async personDirectory(
    caseId: string,
    opts: { atHead?: number } = {},
  ): Promise<{
    live: () => DirectoryEntry[];
    all: () => DirectoryEntry[];
    order: () => string[];
    /** Live ids in the order of creation, then id. */
    createdOrder: () => string[];
    version: number;
    /** The directory itself (its live version and change log: incremental consumers). */
    directory: PersonDirectory;
  }> {
    const src: DirectorySource = {
      ...this.directorySource('person', caseId, (body) => body as PersonBody, opts.atHead),
      sortKey: (body) => sortKeyFor('person', body as Record<string, unknown>) ?? '\uffff',
    };
    const d = await this.syncedDirectory(`person directory|${caseId}`, src);
    return {
      live: () => d.live(),
      all: () => d.all(),
      order: () => d.order(src),
      createdOrder: () => d.createdOrder(),
      version: d.version,
      directory: d,
    };
  }

  /**
   * What something in memory derives from a kind's records (deleted ones included), kept per
   * process and synced incrementally exactly as the person directory is: only the records changed
   * since the last sync are read and opened (those updated since the newest change seen and those
   * the audit log names after the head seen), everything again only when the count or the sum of
   * versions does not add up. `project` keeps only what the consumer needs of each body (memory);
   * `name` tells consumers' projections of one kind apart. Outside transactions only.
   */
  async kindDirectory<B>(
    kind: Kind,
    caseId: string,
    opts: { name: string; project: (body: Record<string, unknown>) => B; atHead?: number },
  ): Promise<PersonDirectory<B>> {
    return this.syncedDirectory(`${kind}|${opts.name}|${caseId}`, {
      ...this.directorySource(kind, caseId, opts.project, opts.atHead),
      sortKey: () => '',
    });
  }

  /**
   * This process's directory under `key` for the unlocked store, synced from `src`. Inside a
   * transaction a fresh one, never kept: it may see rows that are not committed.
   */
  private async syncedDirectory<B>(key: string, src: DirectorySource<B>): Promise<PersonDirectory<B>> {
    let byKey = directories.get(this.store.sealer);
    if (!byKey) {
      byKey = new Map();
      directories.set(this.store.sealer, byKey);
    }
    const inTransaction = this.store.inTransaction;
    let dir = (inTransaction ? undefined : byKey.get(key)) as PersonDirectory<B> | undefined;
    if (!dir) {
      dir = new PersonDirectory<B>();
      if (!inTransaction) byKey.set(key, dir as PersonDirectory<unknown>);
    }
    await dir.sync(src);
    return dir;
  }

  /** How a directory of a kind's records reads the store (person-directory.ts DirectorySource). */
  private directorySource<B>(
    kind: Kind,
    caseId: string,
    project: (body: Record<string, unknown>) => B,
    atHead: number | undefined,
  ): Omit<DirectorySource<B>, 'sortKey'> {
    const table = KINDS[kind].table;
    function changedRows(since: string, afterHead: number | undefined) {
      // The audit log names every record written after the head seen, whatever the writer's clock.
      return afterHead === undefined
        ? { sql: `SELECT * FROM ${table} WHERE case_id = ? AND updated_at >= ?`, params: [caseId, since] }
        : {
            sql: `SELECT * FROM ${table} WHERE case_id = ? AND updated_at >= ?
                 UNION ALL SELECT * FROM ${table} WHERE case_id = ? AND id IN
                   (SELECT entity_id FROM audit_log WHERE seq > ? AND entity = ? AND case_id = ?)`,
            params: [caseId, since, caseId, afterHead, KINDS[kind].name, caseId],
          };
    }
    const entries = async (rows: Record<string, unknown>[]) => {
      const unique = [...new Map(rows.map((r) => [String(r.id), r])).values()];
      return (await this.toRecords(kind, unique)).map((r) => ({
        id: r.id,
        body: project(r.body as Record<string, unknown>),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        version: r.version,
        deleted: r.deletedAt !== null,
      }));
    };
    return {
      stamp: () => this.kindCounts(kind, caseId),
      head: async () => atHead ?? (await this.store.auditHead()).seq,
      kindChanged: (after, upTo) => this.kindsChanged([kind], caseId, after, upTo),
      changedSince: async (since, afterHead) => {
        const { sql, params } = changedRows(since, afterHead);
        return entries(await this.sql.all<Record<string, unknown>>(sql, params));
      },
      changedWithStamp: async (since, afterHead) => {
        // One statement, one snapshot: the rows and the counts they must add up to.
        const { sql, params } = changedRows(since, afterHead);
        const rows = await this.sql.all<Record<string, unknown>>(
          `SELECT c.n AS stamp_n, c.m AS stamp_m, c.v AS stamp_v, r.* FROM (${STAMP_SQL(table)}) c
           LEFT JOIN (${sql}) r ON 1 = 1`,
          [caseId, ...params],
        );
        const first = rows[0];
        return {
          entries: await entries(rows.filter((r) => r.id !== null && r.id !== undefined)),
          stamp: stampOf({ n: first?.stamp_n, m: first?.stamp_m, v: first?.stamp_v }),
        };
      },
    };
  }

  /**
   * Whether a write committed after head `after` and up to head `upTo` may have changed a record of
   * these kinds in the case (audit-tail.ts); undefined when the tail cannot say (inside a
   * transaction, or entries no longer held).
   */
  async kindsChanged(
    kinds: readonly Kind[],
    caseId: string,
    after: number,
    upTo: number,
  ): Promise<boolean | undefined> {
    if (this.store.inTransaction) return undefined;
    return this.tail().changed(
      after,
      upTo,
      kinds.map((k) => KINDS[k].name),
      caseId,
    );
  }

  /** This unlocked store's tail of the audit log (read outside transactions only). */
  private tail(): AuditTail {
    let tail = tails.get(this.store.sealer);
    if (!tail) {
      tail = new AuditTail(async (from, to) =>
        (
          await this.sql.all<{
            seq: number | string;
            entity: string;
            case_id: string | null;
            action: string;
          }>('SELECT seq, entity, case_id, action FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq', [
            from,
            to,
          ])
        ).map((r) => ({ seq: Number(r.seq), entity: r.entity, caseId: r.case_id, action: r.action })),
      );
      tails.set(this.store.sealer, tail);
    }
    return tail;
  }

  /**
   * A stored row → the record, its sealed fields opened. A row whose stored text was opened before
   * (same kind, id and exact text, compared by SHA-256: the text names its key version and AES-GCM binds it to the
   * record) gets the body opened then instead of being parsed and decrypted again — the
   * analysis' snapshot and the list pages open the same unchanged rows over and over. Those
   * bodies are shared, so they are frozen: code that changed a record's body in place would throw
   * instead of changing what the next reader sees.
   */
  async toRecord<K extends Kind>(kind: K, r: Record<string, unknown>): Promise<StoredRecord<K>> {
    const data = String(r.data);
    const id = String(r.id);
    let memo = openedRows.get(this.store.sealer);
    if (!memo) {
      memo = new Map();
      openedRows.set(this.store.sealer, memo);
    }
    const key = `${kind}:${id}`;
    const hit = memo.get(key);
    // A digest, not the text: the memo holds up to 20,000 rows a process, and their texts were
    // most of the heap a growing case added under load (bench/load/README.md, heap-diff.ts).
    const digest = createHash('sha256').update(data).digest('base64');
    if (hit && hit.digest === digest) {
      rowOpens.reused++;
      return { ...rowMeta(r), kind, body: hit.body as BodyOf<K> };
    }
    rowOpens.opened++;
    const stored = JSON.parse(data) as Record<string, unknown>;
    const need = versionsOf(stored);
    const body = need.length
      ? openBody(await this.store.keySet(String(r.case_id), need), kind, id, stored)
      : stored;
    deepFreeze(body);
    if (memo.size >= OPENED_ROWS_MAX) memo.delete(memo.keys().next().value!);
    memo.set(key, { digest, body });
    return { ...rowMeta(r), kind, body: body as BodyOf<K> };
  }

  async toRecords<K extends Kind>(kind: K, rows: Record<string, unknown>[]): Promise<StoredRecord<K>[]> {
    const out: StoredRecord<K>[] = [];
    for (const r of rows) out.push(await this.toRecord(kind, r));
    return out;
  }

  /** The stored form of a body and what goes in its indexed columns (blind indexes for sealed ones). */
  async storedForm(kind: Kind, caseId: string, id: string, body: Record<string, unknown>) {
    const fields = sealedFields(kind, body);
    if (fields.length === 0) {
      return {
        data: canonicalJson(body),
        stored: body,
        sortKey: sortKeyFor(kind, body),
        columns: KINDS[kind].columns.map((c) => stringOrNull(body[c])),
      };
    }
    const key = (await this.store.keySet(caseId)).current;
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

  /**
   * `kindStamp` of several kinds in one statement (one round trip, one snapshot): what a view
   * context checks whenever the audit head moved.
   */
  async kindStamps(kinds: readonly Kind[], caseId: string): Promise<string[]> {
    if (kinds.length === 0) return [];
    const rows = await this.sql.all<{
      i: number | string;
      n: number;
      m: string | null;
      v: number | string | null;
    }>(
      kinds
        .map(
          (k, i) =>
            `SELECT ${i} AS i, count(*) AS n, max(updated_at) AS m, sum(version) AS v FROM ${KINDS[k].table} WHERE case_id = ?`,
        )
        .join(' UNION ALL '),
      kinds.map(() => caseId),
    );
    const out = kinds.map(() => '0||0');
    for (const r of rows) out[Number(r.i)] = `${Number(r.n ?? 0)}|${r.m ?? ''}|${Number(r.v ?? 0)}`;
    return out;
  }

  /**
   * Live records of every kind of a case (the case summary), kept from the audit log's entries since
   * the last count (audit-tail.ts): a create or restore adds one, a delete takes one away, an update
   * or a custody entry changes nothing; any other entry on a kind (an import) has that kind counted
   * again, and an entry the tail does not know, every kind — as does a count older than a minute.
   * Counting all 24 kinds for every summary was a fifth of PostgreSQL's time under the mixed load.
   */
  async countAll(caseId: string): Promise<Record<Kind, number>> {
    const kinds = Object.keys(KINDS) as Kind[];
    if (this.store.inTransaction)
      return (await this.countKinds(kinds, caseId)).counts as Record<Kind, number>;
    const { seq } = await this.store.auditHead();
    let byCase = counted.get(this.store.sealer);
    if (!byCase) {
      byCase = new Map();
      counted.set(this.store.sealer, byCase);
    }
    const memo = byCase.get(caseId);
    // Kept at this head or a later one (another request's): as new as this request needs.
    if (memo && memo.seq >= seq && Date.now() - memo.countedAt < 60_000) return { ...memo.counts };
    let counts = { ...memo?.counts } as Record<Kind, number>;
    let at = seq;
    let stale: Set<Kind> | undefined;
    if (memo && memo.seq <= seq && Date.now() - memo.countedAt < 60_000) {
      const between = await this.tail().between(memo.seq, seq);
      if (between) stale = countChanges(between, caseId, counts);
    }
    let countedAt = memo?.countedAt ?? 0;
    if (!stale || stale.size) {
      // Counted in one statement with the head it saw: the kinds not counted are brought to it.
      let fresh = await this.countKinds(stale ? [...stale] : kinds, caseId);
      const since = stale && fresh.head > seq ? await this.tail().between(seq, fresh.head) : [];
      const more = stale && since ? countChanges(since, caseId, counts) : undefined;
      if (stale && more && [...more].every((k) => stale.has(k))) counts = { ...counts, ...fresh.counts };
      else {
        if (stale) fresh = await this.countKinds(kinds, caseId);
        counts = fresh.counts as Record<Kind, number>;
        countedAt = Date.now();
      }
      at = fresh.head;
    }
    const now = byCase.get(caseId);
    if (!now || now.seq <= at) byCase.set(caseId, { seq: at, counts, countedAt });
    return counts;
  }

  /** Live records of these kinds, and the audit head, in one statement (one snapshot). */
  private async countKinds(
    kinds: readonly Kind[],
    caseId: string,
  ): Promise<{ counts: Partial<Record<Kind, number>>; head: number }> {
    const rows = await this.sql.all<{ i: number | string; n: number | string }>(
      [
        'SELECT -1 AS i, seq AS n FROM audit_head WHERE id = 1',
        ...kinds.map(
          (k, i) =>
            `SELECT ${i} AS i, count(*) AS n FROM ${KINDS[k].table} WHERE case_id = ? AND deleted_at IS NULL`,
        ),
      ].join(' UNION ALL '),
      kinds.map(() => caseId),
    );
    const counts: Partial<Record<Kind, number>> = Object.fromEntries(kinds.map((k) => [k, 0]));
    let head = 0;
    for (const r of rows)
      if (Number(r.i) < 0) head = Number(r.n);
      else counts[kinds[Number(r.i)]!] = Number(r.n ?? 0);
    return { counts, head };
  }

  /** How many persons the case has (deleted included) and the latest change to any of them. */
  private personCounts(caseId: string): Promise<{ n: number; maxUpdated: string; versions: number }> {
    return this.kindCounts('person', caseId);
  }

  private async kindCounts(
    kind: Kind,
    caseId: string,
  ): Promise<{ n: number; maxUpdated: string; versions: number }> {
    // The sum of row versions moves on every committed change, whatever the writer's clock (another
    // process or machine can write an older updated_at): the stamp is exact across processes.
    const r = await this.sql.get<{ n: unknown; m: unknown; v: unknown }>(STAMP_SQL(KINDS[kind].table), [
      caseId,
    ]);
    return stampOf(r ?? {});
  }

  async create<K extends Kind>(
    kind: K,
    caseId: string,
    input: unknown,
    actor: string,
    opts: CreateOptions = {},
  ): Promise<StoredRecord<K>> {
    const body = parseBody(kind, input);
    const spec = KINDS[kind];
    const id = opts.id ?? newId(spec.prefix);
    if (!id.startsWith(`${spec.prefix}_`))
      throw new InputError(`id ${id} is not a ${spec.name} id (prefix ${spec.prefix}_)`);
    const at = opts.meta?.createdAt ?? new Date().toISOString();
    return this.store.transaction(async (s) => {
      // The case is live and every reference exists: one statement (refs unchecked for bulk imports).
      await s.records.checkRefs(kind, caseId, body as Record<string, unknown>, {
        requireCase: true,
        refs: opts.checkRefs !== false,
      });
      const cols = spec.columns.map(columnFor);
      const form = await s.records.storedForm(kind, caseId, id, body as Record<string, unknown>);
      const vals = form.columns;
      const meta = {
        created_at: at,
        created_by: opts.meta?.createdBy ?? actor,
        updated_at: opts.meta?.updatedAt ?? at,
        updated_by: opts.meta?.updatedBy ?? actor,
        version: opts.meta?.version ?? 1,
        deleted_at: opts.meta?.deletedAt ?? null,
      };
      let row: Record<string, unknown> | undefined;
      try {
        // RETURNING: the row as stored, without reading it back in another statement.
        row = await s.sqlHandle.get<Record<string, unknown>>(
          `INSERT INTO ${spec.table} (id, case_id, data, sort_key, ${[...cols, ...Object.keys(meta)].join(', ')})
           VALUES (${['?', '?', '?', '?', ...cols.map(() => '?'), ...Object.keys(meta).map(() => '?')].join(', ')})
           RETURNING *`,
          [id, caseId, form.data, form.sortKey, ...vals, ...Object.values(meta)],
        );
      } catch (err) {
        if (/unique|duplicate key/i.test(String((err as Error).message)))
          throw new ConflictError(`a record with id ${id} already exists`);
        throw err;
      }
      const rec = await s.records.toRecord(kind, row!);
      // A new record has no search document yet (record_id is unique: a stale one would fail the
      // insert, not be kept); an act whose references were checked has no involvement yet.
      await s.records.reindex(rec, { created: true, refsChecked: opts.checkRefs !== false });
      await s.audit({
        actor,
        action: 'create',
        entity: spec.name,
        entityId: id,
        caseId,
        // The audit keeps the stored form: sealed fields stay sealed in the log too.
        after: form.stored,
      });
      return rec;
    });
  }

  async get<K extends Kind>(
    kind: K,
    id: string,
    opts: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord<K> | undefined> {
    return (await this.getStored(kind, id, opts))?.record;
  }

  /**
   * A record and its body exactly as stored (sealed fields sealed: what the audit log records),
   * from one read of its row: what a write needs of the record it changes.
   */
  async getStored<K extends Kind>(
    kind: K,
    id: string,
    opts: { includeDeleted?: boolean } = {},
  ): Promise<{ record: StoredRecord<K>; stored: Record<string, unknown> } | undefined> {
    const r = await this.sql.get<Record<string, unknown>>(`SELECT * FROM ${KINDS[kind].table} WHERE id = ?`, [
      id,
    ]);
    if (!r || (r.deleted_at && !opts.includeDeleted)) return undefined;
    return { record: await this.toRecord(kind, r), stored: JSON.parse(String(r.data)) };
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
  ): Promise<IndexedRecord<K>[]> {
    for (const f of fields)
      if (!(KINDS[kind].columns as readonly string[]).includes(f) || SEALED_COLUMNS[kind]?.includes(f))
        throw new Error(`${KINDS[kind].name} has no clear indexed field ${f}`);
    const { clause, params } = await this.whereClause(kind, caseId, opts);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 100_000);
    const cols = fields.map((f) => `${columnFor(f)} AS "${f}"`).join(', ');
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT id, version, updated_by${cols ? `, ${cols}` : ''} FROM ${KINDS[kind].table} WHERE ${clause} ORDER BY ${orderBy(opts)} LIMIT ?`,
      [...params, limit],
    );
    // Only what presenting needs (an event page's summaries read ~1,000 of these per request: the
    // other metadata columns were half of the statement's cost), built by plain loops.
    return rows.map((r) => {
      const body: Record<string, unknown> = {};
      for (const f of fields) if (r[f] != null) body[f] = r[f];
      return {
        id: String(r.id),
        caseId,
        kind,
        version: Number(r.version),
        updatedBy: String(r.updated_by),
        body: body as BodyOf<K>,
      };
    });
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
    const r = await this.store.get(kind, id);
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
    return this.store.transaction(async (s) => {
      // One read of the row: the record as it was and its stored form for the audit entry.
      const found = await s.records.getStored(kind, id);
      if (!found) throw new NotFoundError(`no ${spec.name} record with id ${id}`);
      const { record: before, stored: beforeStored } = found;
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
      await s.records.checkRefs(kind, before.caseId, body as Record<string, unknown>);
      const at = new Date().toISOString();
      const cols = spec.columns.map((c) => `${columnFor(c)} = ?`);
      const form = await s.records.storedForm(kind, before.caseId, id, body as Record<string, unknown>);
      const vals = form.columns;
      const row = await s.sqlHandle.get<Record<string, unknown>>(
        `UPDATE ${spec.table} SET data = ?, sort_key = ?, ${[...cols, 'updated_at = ?', 'updated_by = ?', 'version = version + 1'].join(', ')}
         WHERE id = ? AND version = ? RETURNING *`,
        [form.data, form.sortKey, ...vals, at, actor, id, before.version],
      );
      if (!row) throw new ConflictError(`${spec.name} ${id} was changed concurrently: reload and try again`);
      const rec = await s.records.toRecord(kind, row);
      await s.records.reindex(rec);
      await s.audit({
        actor,
        action: 'update',
        entity: spec.name,
        entityId: id,
        caseId: before.caseId,
        before: beforeStored,
        after: form.stored,
      });
      return rec;
    });
  }

  /** Soft delete: the record stays (and stays in the audit log); reads stop returning it. */
  async remove(kind: Kind, id: string, actor: string, reason?: string): Promise<void> {
    const spec = KINDS[kind];
    await this.store.transaction(async (s) => {
      const found = await s.records.getStored(kind, id);
      if (!found) throw new NotFoundError(`no ${spec.name} record with id ${id}`);
      const { record: before, stored } = found;
      const referrers = await s.records.referrersOf(kind, id, before.caseId);
      if (referrers.length > 0) {
        throw new ConflictError(
          `${spec.name} ${id} is still referenced by ${referrers.slice(0, 5).join(', ')}${referrers.length > 5 ? ', …' : ''}`,
        );
      }
      await s.records.markDeleted(before, true, actor, {
        before: stored,
        after: reason ? { reason } : undefined,
      });
    });
  }

  /**
   * Live records of a kind whose stored body contains `text` (an id), by id: a superset that the
   * caller checks field by field (sealed fields never match, and `_` in an id is a LIKE wildcard).
   */
  idsMentioning(kind: Kind, caseId: string, text: string): Promise<{ id: string }[]> {
    return this.sql.all<{ id: string }>(
      `SELECT id FROM ${KINDS[kind].table} WHERE case_id = ? AND deleted_at IS NULL AND data LIKE ? ORDER BY id`,
      [caseId, `%${text}%`],
    );
  }

  /**
   * Undoes a soft delete (administrators, through the API): the record reads again, with what it
   * references checked as on any write (no restored record points at a deleted one), audited as
   * 'restore' with its body so its history continues.
   */
  async restore(kind: Kind, id: string, actor: string, reason?: string): Promise<StoredRecord<Kind>> {
    const spec = KINDS[kind];
    return this.store.transaction(async (s) => {
      const found = await s.records.getStored(kind, id, { includeDeleted: true });
      if (!found) throw new NotFoundError(`no ${spec.name} with id ${id}`);
      const { record: before, stored } = found;
      if (!before.deletedAt) throw new ConflictError(`${spec.name} ${id} is not deleted`);
      await s.records.checkRefs(kind, before.caseId, before.body as Record<string, unknown>);
      return s.records.markDeleted(before, false, actor, {
        before: reason ? { reason } : undefined,
        after: stored,
      });
    });
  }

  /**
   * The write of a soft delete and of its undoing (inside the caller's transaction): the row's
   * deleted_at, author and version, the audit entry ('delete' or 'restore'), the search index.
   * A restore is refused if the row changed since `rec` was read; a delete is not (as before).
   */
  private async markDeleted(
    rec: StoredRecord<Kind>,
    deleted: boolean,
    actor: string,
    audit: { before?: unknown; after?: unknown },
  ): Promise<StoredRecord<Kind>> {
    const spec = KINDS[rec.kind];
    const at = new Date().toISOString();
    const row = deleted
      ? await this.sql.get<Record<string, unknown>>(
          `UPDATE ${spec.table} SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? RETURNING *`,
          [at, at, actor, rec.id],
        )
      : await this.sql.get<Record<string, unknown>>(
          `UPDATE ${spec.table} SET deleted_at = NULL, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING *`,
          [at, actor, rec.id, rec.version],
        );
    if (!row)
      throw new ConflictError(`${spec.name} ${rec.id} was changed concurrently: reload and try again`);
    const after = await this.toRecord(rec.kind, row);
    await this.reindex(after);
    await this.store.audit({
      actor,
      action: deleted ? 'delete' : 'restore',
      entity: spec.name,
      entityId: rec.id,
      caseId: rec.caseId,
      ...audit,
    });
    return after;
  }

  /**
   * Keeps the search index in step with a write (same transaction). An involvement changes its
   * act's unit facet, so the act is re-indexed with it.
   */
  async reindex(
    rec: StoredRecord<Kind>,
    opts: { created?: boolean; refsChecked?: boolean } = {},
  ): Promise<void> {
    await indexRecord(this.store, this.sql, rec, opts);
    if (rec.kind === 'involvement') {
      const act = await this.store.get('act', (rec.body as { actId: string }).actId);
      if (act) await indexRecord(this.store, this.sql, act);
    }
  }

  /**
   * Opens a body as the audit log holds it (sealed fields sealed, possibly under a retired key).
   * For those who may see the record's identity; the log itself never changes.
   */
  async openAuditBody(kind: Kind, id: string, caseId: string, stored: Record<string, unknown>) {
    const need = versionsOf(stored);
    return need.length ? openBody(await this.store.keySet(caseId, need), kind, id, stored) : stored;
  }

  async list<K extends Kind>(kind: K, caseId: string, opts: ListOptions = {}): Promise<StoredRecord<K>[]> {
    const { clause, params } = await this.whereClause(kind, caseId, opts);
    const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 100_000);
    const offset = Math.max(opts.offset ?? 0, 0);
    const sort = opts.sort ?? 'default';
    if (kind === 'person' && (sort === 'default' || (sort === 'created' && !opts.includeDeleted))) {
      // Names are sealed, so the database cannot order by them: the order is kept in memory
      // (person-directory.ts) and only the requested page is opened. The order of creation too:
      // in the database a deep page read every row before it (OFFSET).
      const dir = await this.store.personDirectory(caseId);
      const order = sort === 'default' ? dir.order() : dir.createdOrder();
      // Without filters every live person matches: the order is the list (no statement reading
      // every person's id of the case on every page).
      const filtered = opts.includeDeleted || Object.keys(opts.where ?? {}).length > 0;
      const match = filtered
        ? new Set(
            (await this.sql.all<{ id: string }>(`SELECT id FROM person WHERE ${clause}`, params)).map(
              (r) => r.id,
            ),
          )
        : undefined;
      const ids = (opts.desc ? [...order].reverse() : order).filter((id) => !match || match.has(id));
      // Deleted persons (includeDeleted) are not in the order: they come last, by id.
      if (opts.includeDeleted && match) {
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
        const ks = await this.store.keySet(caseId);
        const n = normaliseForIndex(value);
        const alts = [
          value,
          ...(await this.store.keyVersions(caseId)).flatMap((v) => {
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

  /**
   * Every id a body references must exist, be live, and belong to the same case file; with
   * `requireCase`, the case file must exist and be live (checked first). One statement for all.
   */
  async checkRefs(
    kind: Kind,
    caseId: string,
    body: Record<string, unknown>,
    opts: { requireCase?: boolean; refs?: boolean } = {},
  ): Promise<void> {
    const refs = opts.refs === false ? [] : referencedIds(kind, body);
    const parts: string[] = [];
    const params: unknown[] = [];
    if (opts.requireCase) {
      parts.push('SELECT -1 AS i, id AS case_id, deleted_at FROM case_file WHERE id = ?');
      params.push(caseId);
    }
    // A body may name many records (a list's persons): a statement per 200 of them.
    const found = new Map<number, { case_id: string; deleted_at: string | null }>();
    for (let start = 0; start < refs.length || parts.length > 0; start += 200) {
      refs.slice(start, start + 200).forEach((ref, j) => {
        parts.push(
          `SELECT ${start + j} AS i, case_id, deleted_at FROM ${KINDS[ref.kind as Kind].table} WHERE id = ?`,
        );
        params.push(ref.id);
      });
      const rows = await this.sql.all<{ i: number | string; case_id: string; deleted_at: string | null }>(
        parts.join(' UNION ALL '),
        params,
      );
      for (const r of rows) found.set(Number(r.i), r);
      parts.length = 0;
      params.length = 0;
    }
    if (opts.requireCase) {
      const c = found.get(-1);
      if (!c || c.deleted_at) throw new NotFoundError(`no case file with id ${caseId}`);
    }
    const issues: FieldIssue[] = [];
    for (const [i, ref] of refs.entries()) {
      const r = found.get(i);
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
      for await (const rec of this.store.iterate(k, caseId)) {
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
}

/** Bodies opened per unlocked store, by kind and id, with the SHA-256 of the stored text they came from (toRecord). */
const openedRows = new WeakMap<Sealer, Map<string, { digest: string; body: object }>>();
/** Rows opened from their stored text, and rows whose earlier opening was reused (profiles, tests). */
export const rowOpens = { opened: 0, reused: 0 };
/** Rows remembered per store (the oldest opened is forgotten first): a few tens of MiB at most. */
const OPENED_ROWS_MAX = 20_000;

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** A kind's stamp in a case (person-directory.ts Stamp): one parameter, the case id. */
const STAMP_SQL = (table: string) =>
  `SELECT count(*) AS n, max(updated_at) AS m, sum(version) AS v FROM ${table} WHERE case_id = ?`;
/** PostgreSQL returns the count and the sum as text (bigint, numeric). */
function stampOf(r: { n?: unknown; m?: unknown; v?: unknown }): Stamp {
  return { n: Number(r.n ?? 0), maxUpdated: (r.m as string | null) ?? '', versions: Number(r.v ?? 0) };
}

/** The audit log's newest entries, per unlocked store (audit-tail.ts). */
const tails = new WeakMap<Sealer, AuditTail>();
/** Each case's live records per kind, as kept at an audit head, per unlocked store (countAll). */
const counted = new WeakMap<
  Sealer,
  Map<string, { seq: number; counts: Record<Kind, number>; countedAt: number }>
>();

/** Directories per unlocked store, by kind, projection and case (person-directory.ts, kindDirectory). */
const directories = new WeakMap<Sealer, Map<string, PersonDirectory<unknown>>>();

/** Indexed columns that hold sealed fields (blind indexes in the column instead of the value). */
const SEALED_COLUMNS: Partial<Record<Kind, readonly string[]>> = Object.fromEntries(
  KIND_NAMES.map((k) => {
    const sealed: readonly string[] = KINDS[k].sealed?.fields ?? [];
    return [k, KINDS[k].columns.filter((c) => sealed.includes(c))];
  }),
);

function orderBy(opts: ListOptions): string {
  const dir = opts.desc ? 'DESC' : 'ASC';
  const col = opts.sort === 'created' ? 'created_at' : opts.sort === 'updated' ? 'updated_at' : 'sort_key';
  return `${col} ${dir}, id ${dir}`;
}

function stringOrNull(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
