import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { KINDS, type Kind, kindByName, referencedIds } from '../domain/kinds.js';
import { exportCase, importCaseJson } from '../ingest/case-json.js';
import { sqliteBackend } from '../test-support/stores.js';
import { generateDemoCase } from './generate.js';

describe('demo case', () => {
  const doc = generateDemoCase();

  it('is deterministic for a seed and different for another', () => {
    assert.equal(JSON.stringify(generateDemoCase()), JSON.stringify(doc));
    assert.notEqual(JSON.stringify(generateDemoCase({ seed: 7 })), JSON.stringify(doc));
  });

  it('validates against the domain schemas with no dangling references', () => {
    const ids = new Map<string, Set<string>>();
    for (const [name, list] of Object.entries(doc.records))
      ids.set(kindByName(name)!, new Set(list.map((r) => r.id)));
    for (const [name, list] of Object.entries(doc.records)) {
      const kind = kindByName(name) as Kind;
      for (const r of list) {
        const res = KINDS[kind].schema.safeParse(r.body);
        assert.ok(res.success, `${name}/${r.id}: ${res.success ? '' : JSON.stringify(res.error.issues)}`);
        for (const ref of referencedIds(kind, r.body as Record<string, unknown>))
          assert.ok(ids.get(ref.kind)?.has(ref.id), `${name}/${r.id}.${ref.field} → ${ref.id}`);
      }
    }
  });

  it('has a realistic size and every protection level and consent scope', () => {
    const n = (k: string) => doc.records[k]?.length ?? 0;
    assert.ok(n('persons') >= 400 && n('persons') <= 450, `persons ${n('persons')}`);
    assert.equal(n('events'), 60);
    assert.ok(n('acts') >= 300, `acts ${n('acts')}`);
    assert.ok(n('detention-periods') >= 900, `detention periods ${n('detention-periods')}`);
    assert.ok(n('testimonies') >= 10 && n('evidence') >= 6 && n('hearings') >= 1 && n('source-lists') === 3);
    const levels = (k: string) =>
      new Set(doc.records[k]!.map((r) => (r.body as { protection: string }).protection));
    assert.deepEqual([...levels('persons')].sort(), ['protected', 'public', 'restricted']);
    assert.deepEqual([...levels('testimonies')].sort(), ['protected', 'public', 'restricted']);
    assert.deepEqual(
      [...new Set(doc.records.testimonies!.map((r) => (r.body as { consent: string }).consent))].sort(),
      ['courts', 'internal', 'public'],
    );
    for (const l of doc.records['source-lists']!) {
      const rows = doc.sourceRecords.filter((r) => r.listId === l.id).length;
      assert.equal((l.body as { rowCount: number }).rowCount, rows);
      assert.ok(rows >= 100 && rows <= 320, `list rows ${rows}`);
    }
  });

  it('carries files whose SHA-256 match their evidence records', () => {
    for (const e of doc.records.evidence!) {
      const body = e.body as { sha256: string; size: number };
      const f = doc.files.find((x) => x.sha256 === body.sha256)!;
      const bytes = Buffer.from(f.base64, 'base64');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), body.sha256);
      assert.equal(bytes.length, body.size);
    }
  });

  it('loads into a real encrypted store through the case-file import', async () => {
    const t = await sqliteBackend.open();
    try {
      const { caseId } = await importCaseJson(t.store, doc, 'system:demo');
      assert.equal(await t.store.count('person', caseId), doc.records.persons!.length);
      assert.equal(await t.store.countSourceRecords(caseId), doc.sourceRecords.length);
      const again = await exportCase(t.store, caseId);
      assert.equal(again.records.acts!.length, doc.records.acts!.length);
      assert.equal((await t.store.verifyAudit()).ok, true);
    } finally {
      await t.dispose();
    }
  });
});
