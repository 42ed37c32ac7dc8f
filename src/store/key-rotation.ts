/**
 * Rotating a case file's data key (`testigo keys rotate`): a new current key, then every sealed
 * record, list row and open interview draft re-encrypted under it, blind indexes recomputed and the search index
 * re-hashed, a batch per transaction so the server keeps running. Records written before field
 * encryption existed are sealed on the way, so rotating once after an upgrade encrypts legacy data.
 *
 * The audit log is append-only: entries written before the rotation keep their ciphertexts, which
 * the retired key (kept, wrapped) still opens. A record changed concurrently is skipped, not
 * overwritten, and counted in `skipped`; running the rotation's re-encryption again picks it up.
 */
import { KINDS, type Kind } from '../domain/kinds.js';
import { isSealed, parseSealed } from '../security/field-cipher.js';
import type { CaseStore } from './case-store.js';
import { columnFor } from './migrations.js';
import { draftPlace, openDraft, SEALABLE_KINDS } from './sealing.js';
import { INDEXED_KINDS } from './search-index.js';

export interface RotationResult {
  caseId: string;
  previous: string[];
  current: string;
  records: number;
  rows: number;
  drafts: number;
  reindexed: number;
  skipped: number;
}

export interface KeyStatus {
  caseId: string;
  keys: { version: string; createdAt: string; retiredAt: string | null }[];
  /** Sealed records and list rows per key version; "clear" counts sealable records not sealed yet. */
  records: Record<string, number>;
  rows: Record<string, number>;
  drafts: Record<string, number>;
}

const BATCH = 500;

export async function rotateCaseKey(
  store: CaseStore,
  caseId: string,
  actor: string,
): Promise<RotationResult> {
  await store.resolveCaseId(caseId);
  const previous = await store.keyVersions(caseId);
  const current = await store.transaction(async (s) => {
    const v = await s.keys.rotate(s.sqlHandle, caseId);
    await s.audit({
      actor,
      action: 'rotate-key',
      entity: 'data-keys',
      entityId: v,
      caseId,
      after: { previous },
    });
    return v;
  });
  store.keys.invalidate(caseId);
  const res = await reencrypt(store, caseId);
  await store.audit({
    actor,
    action: 're-encrypt',
    entity: 'data-keys',
    entityId: current,
    caseId,
    after: {
      records: res.records,
      rows: res.rows,
      drafts: res.drafts,
      reindexed: res.reindexed,
      skipped: res.skipped,
    },
  });
  return { caseId, previous, current, ...res };
}

/** Re-seals everything of a case under its current key (idempotent; resumable). */
export async function reencrypt(store: CaseStore, caseId: string) {
  await store.keySet(caseId); // outside a transaction: cached for the batches below
  let records = 0;
  let skipped = 0;
  let reindexed = 0;
  const kinds = [...new Set<Kind>([...SEALABLE_KINDS, ...INDEXED_KINDS])];
  for (const kind of kinds) {
    let afterId = '';
    for (;;) {
      const ids = await store.sqlHandle.all<{ id: string; version: number }>(
        `SELECT id, version FROM ${KINDS[kind].table} WHERE case_id = ? AND id > ? ORDER BY id LIMIT ?`,
        [caseId, afterId, BATCH],
      );
      if (ids.length === 0) break;
      await store.transaction(async (s) => {
        for (const { id, version } of ids) {
          const rec = await s.get(kind, id, { includeDeleted: true });
          if (!rec) continue;
          if ((SEALABLE_KINDS as readonly Kind[]).includes(kind)) {
            const form = await s.storedFormOf(kind, caseId, id, rec.body as Record<string, unknown>);
            const cols = KINDS[kind].columns.map((c) => `${columnFor(c)} = ?`);
            const changed = await s.sqlHandle.run(
              `UPDATE ${KINDS[kind].table} SET data = ?, sort_key = ?${cols.map((c) => `, ${c}`).join('')} WHERE id = ? AND version = ?`,
              [form.data, form.sortKey, ...form.columns, id, Number(version)],
            );
            if (changed !== 1) skipped++;
            else if (s.wouldSeal(kind, rec.body as Record<string, unknown>)) records++;
          }
          if (INDEXED_KINDS.has(kind)) {
            await s.reindex(rec);
            reindexed++;
          }
        }
      });
      afterId = ids[ids.length - 1]!.id;
    }
  }
  let rows = 0;
  for (const list of await store.sqlHandle.all<{ id: string }>(
    'SELECT id FROM source_list WHERE case_id = ?',
    [caseId],
  )) {
    rows += await store.resealRows(caseId, list.id);
  }
  const d = await resealDrafts(store, caseId);
  return { records, rows, drafts: d.drafts, reindexed, skipped: skipped + d.skipped };
}

/**
 * Interview drafts hold a witness's statement before it becomes a testimony: they are re-sealed too,
 * or a retired key would stay necessary (and, if compromised, sufficient) to read them. A draft
 * saved meanwhile is already under the current key; one whose save raced this batch is skipped.
 */
async function resealDrafts(store: CaseStore, caseId: string) {
  let drafts = 0;
  let skipped = 0;
  let afterId = '';
  for (;;) {
    const page = await store.interviewDrafts.sealedPage(caseId, afterId, BATCH);
    if (page.length === 0) break;
    await store.transaction(async (s) => {
      const keys = await s.keySet(
        caseId,
        page.filter((d) => isSealed(d.data)).map((d) => parseSealed(d.data).version),
      );
      for (const d of page) {
        const sealed = keys.current.seal(openDraft(keys, caseId, d.id, d.data), draftPlace(caseId, d.id));
        if (await s.interviewDrafts.reseal(d.id, d.data, sealed)) drafts++;
        else skipped++;
      }
    });
    afterId = page[page.length - 1]!.id;
  }
  return { drafts, skipped };
}

export async function keyStatus(store: CaseStore, caseId: string): Promise<KeyStatus> {
  const keys = await store.sqlHandle.all<{ version: number; created_at: string; retired_at: string | null }>(
    'SELECT version, created_at, retired_at FROM data_key WHERE case_id = ? ORDER BY version',
    [caseId],
  );
  const records: Record<string, number> = {};
  const count = (m: Record<string, number>, k: string) => {
    m[k] = (m[k] ?? 0) + 1;
  };
  for (const kind of SEALABLE_KINDS) {
    const rows = await store.sqlHandle.all<{ data: string }>(
      `SELECT data FROM ${KINDS[kind].table} WHERE case_id = ?`,
      [caseId],
    );
    for (const r of rows) {
      const m = /"\$sealed":"tgf1\.(k\d+)\./.exec(r.data);
      if (m) count(records, m[1]!);
      else if (store.wouldSeal(kind, JSON.parse(r.data))) count(records, 'clear');
    }
  }
  const rows: Record<string, number> = {};
  const rr = await store.sqlHandle.all<{ data: string }>('SELECT data FROM source_record WHERE case_id = ?', [
    caseId,
  ]);
  for (const r of rr) count(rows, /^tgf1\.(k\d+)\./.exec(r.data)?.[1] ?? 'clear');
  const drafts: Record<string, number> = {};
  for (let afterId = ''; ; ) {
    const page = await store.interviewDrafts.sealedPage(caseId, afterId, BATCH);
    if (page.length === 0) break;
    for (const d of page) count(drafts, /^tgf1\.(k\d+)\./.exec(d.data)?.[1] ?? 'clear');
    afterId = page[page.length - 1]!.id;
  }
  return {
    caseId,
    keys: keys.map((k) => ({
      version: `k${Number(k.version)}`,
      createdAt: k.created_at,
      retiredAt: k.retired_at,
    })),
    records,
    rows,
    drafts,
  };
}
