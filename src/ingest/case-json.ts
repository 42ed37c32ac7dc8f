/**
 * The case file as one JSON document: every record with its id and metadata, custody entries,
 * source-list rows and (optionally) the evidence files themselves. Export then import gives back
 * the same case file (same ids, same contents, files verified by SHA-256); the import commits
 * whole or not at all.
 */
import type { z } from 'zod';
import { CASE_JSON_FORMAT, CaseJson, type RecordJson } from '../domain/case-file.js';
import { InputError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import { issuesFrom } from '../domain/issues.js';
import { KIND_ORDER, KINDS, type Kind } from '../domain/kinds.js';
import type { CaseStore, Meta } from '../store/case-store.js';

export { CASE_JSON_FORMAT, CaseJson };

const metaOf = (r: Meta) => ({
  id: r.id,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  version: r.version,
  deletedAt: r.deletedAt,
});

/** Builds the export document (deleted records included: soft delete is part of the record). */
export async function exportCase(
  store: CaseStore,
  caseId: string,
  opts: { files?: boolean } = {},
): Promise<CaseJson> {
  const c = await store.getCase(caseId);
  if (!c) throw new InputError(`no case file ${caseId}`);
  const records: CaseJson['records'] = {};
  const custody: CaseJson['custody'] = [];
  const files: CaseJson['files'] = [];
  for (const kind of KIND_ORDER) {
    const out: z.infer<typeof RecordJson>[] = [];
    for await (const r of store.iterate(kind, caseId, { includeDeleted: true }))
      out.push({ ...metaOf(r), body: r.body });
    records[KINDS[kind].name] = out;
  }
  for (const ev of records[KINDS.evidence.name] ?? []) {
    for (const entry of await store.custody(ev.id)) {
      const { id: _id, caseId: _c, ...rest } = entry;
      custody.push(rest);
    }
    if (opts.files !== false) {
      const sha = (ev.body as { sha256: string }).sha256;
      if (!files.some((f) => f.sha256 === sha))
        files.push({ sha256: sha, base64: (await store.blobs.get(sha)).toString('base64') });
    }
  }
  const sourceRecords: CaseJson['sourceRecords'] = [];
  for (const list of records[KINDS.sourceList.name] ?? []) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(list.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      sourceRecords.push(...page);
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  return {
    format: CASE_JSON_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    auditHead: await store.auditHead(),
    case: { ...metaOf({ ...c, caseId: c.id }), body: c.body },
    records,
    custody,
    sourceRecords,
    files,
  };
}

/**
 * Imports an export document into the store as a new case file with the same ids. Files are
 * checked against their SHA-256 before anything is written.
 */
export async function importCaseJson(
  store: CaseStore,
  input: unknown,
  actor: string,
  opts: { file?: string; dryRun?: boolean } = {},
): Promise<{ caseId: string; created: Record<string, number> }> {
  const file = opts.file ?? 'input';
  const parsed = CaseJson.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      `${file} is not a Testigo case-file export`,
      issuesFrom(parsed.error).map((i) => ({ ...i, file })),
    );
  }
  const doc = parsed.data;
  if (await store.getCase(doc.case.id)) {
    throw new InputError(`${file}: case file ${doc.case.id} already exists in this store`, [
      { file, field: 'case.id', message: 'already exists' },
    ]);
  }
  const created: Record<string, number> = {};
  const byName = new Map<string, Kind>(Object.entries(KINDS).map(([k, v]) => [v.name, k as Kind]));
  for (const name of Object.keys(doc.records)) {
    if (!byName.has(name))
      throw new InputError(`${file}: unknown record kind "${name}"`, [
        { file, field: `records.${name}`, message: 'unknown kind' },
      ]);
  }
  // Validate every body up front so the error lists all problems, not the first.
  const issues = [];
  for (const [name, list] of Object.entries(doc.records)) {
    const kind = byName.get(name)!;
    for (const [i, r] of list.entries()) {
      const res = KINDS[kind].schema.safeParse(r.body);
      if (!res.success)
        issues.push(...issuesFrom(res.error, `records.${name}[${i}].body`).map((x) => ({ ...x, file })));
    }
  }
  // Custody entries and list rows may only point into this document, never into another case file.
  const evidenceIds = new Set((doc.records[KINDS.evidence.name] ?? []).map((r) => r.id));
  const listIds = new Set((doc.records[KINDS.sourceList.name] ?? []).map((r) => r.id));
  doc.custody.forEach((c, i) => {
    if (!evidenceIds.has(c.evidenceId))
      issues.push({
        file,
        field: `custody[${i}].evidenceId`,
        message: `no evidence ${c.evidenceId} in this document`,
      });
  });
  const badList = doc.sourceRecords.findIndex((r) => !listIds.has(r.listId));
  if (badList >= 0)
    issues.push({
      file,
      field: `sourceRecords[${badList}].listId`,
      message: `no source list ${doc.sourceRecords[badList]!.listId} in this document`,
    });
  if (issues.length)
    throw new InputError(`${file}: ${issues.length} invalid record(s); nothing was imported`, issues);
  if (opts.dryRun) {
    for (const [name, list] of Object.entries(doc.records)) created[name] = list.length;
    return { caseId: doc.case.id, created };
  }
  const blobs = doc.files.map((f) => {
    const bytes = Buffer.from(f.base64, 'base64');
    if (sha256Hex(bytes) !== f.sha256) {
      throw new InputError(`${file}: embedded file ${f.sha256} does not match its SHA-256`, [
        { file, field: 'files', message: `corrupted file ${f.sha256}` },
      ]);
    }
    return bytes;
  });
  for (const b of blobs) await store.blobs.put(b);
  await store.transaction(async (s) => {
    const { id, createdAt } = doc.case;
    await s.createCase(doc.case.body, actor, { id, at: createdAt });
    for (const kind of KIND_ORDER) {
      for (const r of doc.records[KINDS[kind].name] ?? []) {
        const { id: rid, body, ...meta } = r;
        await s.create(kind, id, body, actor, { id: rid, checkRefs: false, meta });
        created[KINDS[kind].name] = (created[KINDS[kind].name] ?? 0) + 1;
      }
    }
    await s.checkAllRefs(id);
    for (const entry of doc.custody) {
      const {
        evidenceId,
        createdAt: _a,
        createdBy: _b,
        ...rest
      } = entry as Record<string, unknown> & { evidenceId: string };
      await s.addCustody(evidenceId, rest, actor);
    }
    const byList = new Map<string, typeof doc.sourceRecords>();
    for (const r of doc.sourceRecords) byList.set(r.listId, [...(byList.get(r.listId) ?? []), r]);
    for (const [listId, rows] of byList) {
      if (!(await s.get('sourceList', listId, { includeDeleted: true }))) {
        throw new InputError(`${file}: source records refer to missing list ${listId}`, [
          { file, field: 'sourceRecords', message: `missing list ${listId}` },
        ]);
      }
      await insertSourceRows(s, id, listId, rows);
    }
    await s.audit({
      actor,
      action: 'import',
      entity: 'case-files',
      entityId: id,
      caseId: id,
      after: { file, created },
    });
  });
  return { caseId: doc.case.id, created };
}

async function insertSourceRows(
  s: CaseStore,
  caseId: string,
  listId: string,
  rows: CaseJson['sourceRecords'],
) {
  await s.insertSourceRows(
    caseId,
    listId,
    rows.map((r) => ({ rowNo: r.rowNo, recordId: r.recordId, data: r.data, personId: r.personId ?? null })),
  );
}
