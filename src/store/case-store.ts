/**
 * The case-file store: a thin facade over one repository per concern (repos/), all over the
 * portable Sql seam, so SQLite and PostgreSQL behave identically (the conformance suite runs every
 * case on both). Every write is validated against the domain schema, checks its references, and
 * appends its audit entry in the same transaction. Nothing is ever deleted: removal sets deleted_at.
 *
 * A store bound to a transaction (`transaction(fn)`) builds its repositories over that
 * transaction's Sql handle, so whatever a repository calls through `s` joins the transaction.
 */
import type { Kind } from '../domain/kinds.js';
import type { Sealer } from '../security/seal.js';
import { type AuditEntry, type AuditInput, appendAudit } from './audit.js';
import type { EvidenceBlobs } from './blobs.js';
import { type DataKeys, dataKeysFor, type KeySet } from './data-keys.js';
import type { PersonDirectory } from './person-directory.js';
import { AccountRepository } from './repos/accounts.js';
import { AnalysisRepository } from './repos/analyses.js';
import { AnalysisShareRepository } from './repos/analysis-share.js';
import { AuditRepository } from './repos/audit-log.js';
import { type CaseRecord, CaseRepository } from './repos/cases.js';
import { type CustodyEntry, EvidenceRepository } from './repos/evidence.js';
import { InterviewDraftRepository } from './repos/interview-drafts.js';
import { LimitRepository } from './repos/limits.js';
import { LinkRowRepository } from './repos/link-rows.js';
import { PanelNoticeRepository } from './repos/panel-notices.js';
import {
  type IndexedRecord,
  type ListOptions,
  RecordRepository,
  type StoredRecord,
} from './repos/records.js';
import { SearchRepository } from './repos/search.js';
import { SessionRepository } from './repos/sessions.js';
import { SourceListRepository } from './repos/source-lists.js';
import { sealedFields } from './sealing.js';
import type { SearchHits, SearchParams } from './search-index.js';
import type { Database, Sql } from './sql.js';

/** Kept here too for callers that import it from the store. */
export { issuesFrom } from '../domain/issues.js';
export type { CaseRecord } from './repos/cases.js';
export type { CustodyEntry } from './repos/evidence.js';
export {
  type CreateOptions,
  type IndexedRecord,
  type ListOptions,
  type Meta,
  parseBody,
  type StoredRecord,
} from './repos/records.js';
export type { SourceRow } from './repos/source-lists.js';

/** A record method's parameters after `kind` (so the facade re-declares only the generic one). */
type AfterKind<F extends (...args: never[]) => unknown> =
  Parameters<F> extends [unknown, ...infer R] ? R : never;

export class CaseStore {
  readonly cases: CaseRepository;
  readonly records: RecordRepository;
  readonly evidence: EvidenceRepository;
  readonly sourceLists: SourceListRepository;
  readonly linkRows: LinkRowRepository;
  readonly analysisResults: AnalysisRepository;
  readonly auditLog: AuditRepository;
  readonly searchIndex: SearchRepository;
  /** Users, their case memberships and clearances, API tokens, security notices. */
  readonly accounts: AccountRepository;
  /** Browser sessions. */
  readonly sessions: SessionRepository;
  /** Counters and spent proofs shared by the server's instances (PostgreSQL). */
  readonly limits: LimitRepository;
  /** The analysis summary server processes share (PostgreSQL). */
  readonly analysisShare: AnalysisShareRepository;
  readonly interviewDrafts: InterviewDraftRepository;
  /** Signatures voided by a content change, until their members acknowledge them. */
  readonly panelNotices: PanelNoticeRepository;

  constructor(
    readonly db: Database,
    readonly blobs: EvidenceBlobs,
    /** Seals small secrets (TOTP seeds) under the master key. */
    readonly sealer: Sealer,
    private readonly sql: Sql = db,
    /** Whether this store is bound to a transaction (see `transaction`). */
    readonly inTransaction = false,
  ) {
    this.cases = new CaseRepository(this);
    this.records = new RecordRepository(this);
    this.evidence = new EvidenceRepository(this);
    this.sourceLists = new SourceListRepository(this);
    this.linkRows = new LinkRowRepository(this);
    this.analysisResults = new AnalysisRepository(this);
    this.auditLog = new AuditRepository(this);
    this.searchIndex = new SearchRepository(this);
    this.accounts = new AccountRepository(this);
    this.sessions = new SessionRepository(this);
    this.limits = new LimitRepository(this);
    this.analysisShare = new AnalysisShareRepository(this);
    this.interviewDrafts = new InterviewDraftRepository(this);
    this.panelNotices = new PanelNoticeRepository(this);
  }

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
   * The Sql handle this store writes through (its transaction's, inside one): for the repositories
   * and the store's own modules, and tests that tamper with rows. Nothing else outside src/store
   * runs SQL (architecture test).
   */
  get sqlHandle(): Sql {
    return this.sql;
  }

  /**
   * Runs `fn` with a store bound to one transaction: all its writes commit together or not at all.
   * The audit entries of its writes are appended after `fn`, as the transaction's last statements:
   * on PostgreSQL an entry holds the audit head's lock until COMMIT, and every other writer waits
   * for it (bench/load/README.md, "the audit head").
   */
  async transaction<T>(fn: (store: CaseStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction(async (tx) => {
      const bound = new CaseStore(this.db, this.blobs, this.sealer, tx, true);
      const out = await fn(bound);
      for (const entry of bound.pendingAudits.splice(0)) await appendAudit(tx, entry);
      return out;
    });
  }

  /** Audit entries of this transaction's writes, appended when `fn` is done (see `transaction`). */
  private readonly pendingAudits: AuditInput[] = [];

  /**
   * Records an audit entry of a write: inside a transaction it is appended at its end (in the order
   * audited), outside one in a transaction of its own.
   */
  async audit(input: AuditInput): Promise<void> {
    if (this.inTransaction) this.pendingAudits.push(input);
    else await this.transaction(async (s) => s.audit(input));
  }

  async close(): Promise<void> {
    this.blobs.close?.();
    await this.db.close();
  }

  // ── Case files (repos/cases.ts) ────────────────────────────────────────────────────────────
  createCase(input: unknown, actor: string, opts: { id?: string; at?: string } = {}): Promise<CaseRecord> {
    return this.cases.createCase(input, actor, opts);
  }
  getCase(id: string): Promise<CaseRecord | undefined> {
    return this.cases.getCase(id);
  }
  listCases(): Promise<CaseRecord[]> {
    return this.cases.listCases();
  }
  /** The case a command works on: the one named, or the only one in the store. */
  resolveCaseId(id?: string): Promise<string> {
    return this.cases.resolveCaseId(id);
  }
  /** Secret per-case salt for stable pseudonyms; never leaves the server. */
  pseudonymSalt(caseId: string): Promise<string> {
    return this.cases.pseudonymSalt(caseId);
  }

  // ── Records of every kind (repos/records.ts) ───────────────────────────────────────────────
  create<K extends Kind>(kind: K, ...rest: AfterKind<RecordRepository['create']>): Promise<StoredRecord<K>> {
    return this.records.create(kind, ...rest);
  }
  get<K extends Kind>(
    kind: K,
    ...rest: AfterKind<RecordRepository['get']>
  ): Promise<StoredRecord<K> | undefined> {
    return this.records.get(kind, ...rest);
  }
  /** Records of a kind with only some clear indexed fields as body (no body read nor opened). */
  listIndexed<K extends Kind>(
    kind: K,
    caseId: string,
    fields: readonly string[],
    opts: ListOptions = {},
  ): Promise<IndexedRecord<K>[]> {
    return this.records.listIndexed(kind, caseId, fields, opts);
  }
  /** Records of one kind by id, in one query per 500 ids (ids not found are left out). */
  getMany<K extends Kind>(
    kind: K,
    ids: readonly string[],
    opts: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord<K>[]> {
    return this.records.getMany(kind, ids, opts);
  }
  require<K extends Kind>(kind: K, id: string): Promise<StoredRecord<K>> {
    return this.records.require(kind, id);
  }
  /** Replaces a record's body. With expectedVersion, refuses to overwrite someone else's change. */
  update<K extends Kind>(kind: K, ...rest: AfterKind<RecordRepository['update']>): Promise<StoredRecord<K>> {
    return this.records.update(kind, ...rest);
  }
  /** Soft delete: the record stays (and stays in the audit log); reads stop returning it. */
  remove(kind: Kind, id: string, actor: string, reason?: string): Promise<void> {
    return this.records.remove(kind, id, actor, reason);
  }
  /** Undoes a soft delete (administrators): references checked, audited as 'restore'. */
  restore(kind: Kind, id: string, actor: string, reason?: string): Promise<StoredRecord<Kind>> {
    return this.records.restore(kind, id, actor, reason);
  }
  list<K extends Kind>(kind: K, caseId: string, opts: ListOptions = {}): Promise<StoredRecord<K>[]> {
    return this.records.list(kind, caseId, opts);
  }
  /** Every live record of a kind, a page at a time (bounded memory). */
  iterate<K extends Kind>(
    kind: K,
    caseId: string,
    opts: { includeDeleted?: boolean } = {},
  ): AsyncGenerator<StoredRecord<K>> {
    return this.records.iterate(kind, caseId, opts);
  }
  count(kind: Kind, caseId: string, opts: Omit<ListOptions, 'limit' | 'offset'> = {}): Promise<number> {
    return this.records.count(kind, caseId, opts);
  }
  /** Checks every reference of every record of a case at once (used after bulk imports). */
  checkAllRefs(caseId: string): Promise<void> {
    return this.records.checkAllRefs(caseId);
  }
  /** Keeps the search index in step with a write (same transaction). */
  reindex(rec: StoredRecord<Kind>): Promise<void> {
    return this.records.reindex(rec);
  }
  /** The case's persons, opened, from the in-memory directory (person-directory.ts). */
  personDirectory(
    caseId: string,
    opts: { atHead?: number } = {},
  ): ReturnType<RecordRepository['personDirectory']> {
    return this.records.personDirectory(caseId, opts);
  }
  /** What is derived from a kind's records, kept in memory and synced incrementally (records.ts). */
  kindDirectory<B>(
    kind: Kind,
    caseId: string,
    opts: { name: string; project: (body: Record<string, unknown>) => B; atHead?: number },
  ): Promise<PersonDirectory<B>> {
    return this.records.kindDirectory(kind, caseId, opts);
  }
  /** Changes whenever a person of the case is created, changed or deleted (for caches). */
  personsStamp(caseId: string): Promise<string> {
    return this.records.personsStamp(caseId);
  }
  /** A cache key for what is derived from a kind's records: count (deleted included), last change, sum of versions. */
  kindStamp(kind: Kind, caseId: string): Promise<string> {
    return this.records.kindStamp(kind, caseId);
  }
  /** `kindStamp` of several kinds in one statement. */
  /** Whether a write between the two audit heads may have changed these kinds (undefined: cannot tell). */
  kindsChanged(
    kinds: readonly Kind[],
    caseId: string,
    after: number,
    upTo: number,
  ): Promise<boolean | undefined> {
    return this.records.kindsChanged(kinds, caseId, after, upTo);
  }
  kindStamps(kinds: readonly Kind[], caseId: string): Promise<string[]> {
    return this.records.kindStamps(kinds, caseId);
  }
  /** Live records of every kind, counted in one statement. */
  countAll(caseId: string): Promise<Record<Kind, number>> {
    return this.records.countAll(caseId);
  }
  /** For key rotation: the stored form of a body under the case's current key. */
  storedFormOf(kind: Kind, caseId: string, id: string, body: Record<string, unknown>) {
    return this.records.storedForm(kind, caseId, id, body);
  }
  /** Whether a body has fields that are stored sealed. */
  wouldSeal(kind: Kind, body: Record<string, unknown>): boolean {
    return sealedFields(kind, body).length > 0;
  }
  /** Opens a body as the audit log holds it (sealed fields sealed, possibly under a retired key). */
  openAuditBody(
    kind: Kind,
    id: string,
    caseId: string,
    stored: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return this.records.openAuditBody(kind, id, caseId, stored);
  }

  // ── Search (repos/search.ts) ───────────────────────────────────────────────────────────────
  /** Full-text search over persons, events, acts and testimonies, restricted to what `params` allow. */
  search(params: SearchParams): Promise<SearchHits> {
    return this.searchIndex.search(params);
  }
  /** Every data key version of a case, oldest first. */
  keyVersions(caseId: string): Promise<string[]> {
    return this.searchIndex.keyVersions(caseId);
  }

  // ── Evidence and custody (repos/evidence.ts) ───────────────────────────────────────────────
  /** Stores a file as evidence: the bytes in the blob store first, then the record and its first custody entry. */
  addEvidence(...args: Parameters<EvidenceRepository['addEvidence']>): Promise<StoredRecord<'evidence'>> {
    return this.evidence.addEvidence(...args);
  }
  /** Reads an evidence file (verified against its SHA-256) and records the access in its custody log. */
  readEvidence(id: string, actor: string, purpose: 'accessed' | 'exported' = 'accessed'): Promise<Buffer> {
    return this.evidence.readEvidence(id, actor, purpose);
  }
  addCustody(evidenceId: string, input: unknown, actor: string): Promise<CustodyEntry> {
    return this.evidence.addCustody(evidenceId, input, actor);
  }
  custody(evidenceId: string): Promise<CustodyEntry[]> {
    return this.evidence.custody(evidenceId);
  }

  // ── Source lists (repos/source-lists.ts) ───────────────────────────────────────────────────
  /** Imports an organization's list in one transaction (the list record, every row sealed, one audit entry). */
  importSourceList(...args: Parameters<SourceListRepository['importSourceList']>) {
    return this.sourceLists.importSourceList(...args);
  }
  insertSourceRows(...args: Parameters<SourceListRepository['insertSourceRows']>): Promise<void> {
    return this.sourceLists.insertSourceRows(...args);
  }
  sourceRecords(listId: string, opts: { afterRow?: number; limit?: number } = {}) {
    return this.sourceLists.sourceRecords(listId, opts);
  }
  countSourceRecords(caseId: string, listId?: string): Promise<number> {
    return this.sourceLists.countSourceRecords(caseId, listId);
  }
  /** Re-seals a list's rows under the case's current key, a batch per transaction. */
  resealRows(caseId: string, listId: string): Promise<number> {
    return this.sourceLists.resealRows(caseId, listId);
  }

  // ── Linkage in the case file (repos/link-rows.ts) ──────────────────────────────────────────
  /** Ties list records to persons; one transaction and one audit entry. */
  assignSourceRecords(...args: Parameters<LinkRowRepository['assignSourceRecords']>): Promise<number> {
    return this.linkRows.assignSourceRecords(...args);
  }
  /** Records a reviewer's decision on a pair of list records; it supersedes earlier ones on that pair. */
  recordLinkDecision(...args: Parameters<LinkRowRepository['recordLinkDecision']>): Promise<string> {
    return this.linkRows.recordLinkDecision(...args);
  }
  /** The decisions in force (latest per pair). */
  linkDecisions(caseId: string) {
    return this.linkRows.linkDecisions(caseId);
  }

  // ── Stored analyses (repos/analyses.ts) ────────────────────────────────────────────────────
  saveAnalysis(...args: Parameters<AnalysisRepository['saveAnalysis']>): Promise<string> {
    return this.analysisResults.saveAnalysis(...args);
  }
  analyses(caseId: string, kind?: string) {
    return this.analysisResults.analyses(caseId, kind);
  }

  // ── Audit (repos/audit-log.ts) ─────────────────────────────────────────────────────────────
  verifyAudit() {
    return this.auditLog.verifyAudit();
  }
  auditEntries(opts: { afterSeq?: number; limit?: number; caseId?: string } = {}): Promise<AuditEntry[]> {
    return this.auditLog.auditEntries(opts);
  }
  auditHead(): Promise<{ seq: number; hash: string }> {
    return this.auditLog.auditHead();
  }
}
