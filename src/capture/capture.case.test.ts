/**
 * Capture into the case file on both engines, from a real HTTP server on 127.0.0.1: the WARC's
 * response record holds exactly the bytes served and its digest is their SHA-256; the evidence
 * hash equals the stored bytes; comments become items in their thread; a changed page becomes a
 * new version; bad input (unreachable, not HTML, too big, malformed, wrongly encoded) stores
 * nothing; suggestions are accepted or rejected through CaseStore; captured text is searchable at
 * its tier.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ConflictError, InputError } from '../domain/errors.js';
import { exportCase, importCaseJson } from '../ingest/case-json.js';
import { queryTerms } from '../search/text.js';
import { CaseStore } from '../store/case-store.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { acceptSuggestion, rejectSuggestion, splitName } from './decide.js';
import { capture, TOOL } from './service.js';
import { readWarc } from './warc.js';

const ACTOR = 'user:test';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Page = { status?: number; headers?: Record<string, string>; body: Uint8Array | string };
const pages = new Map<string, Page>();
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof page.body === 'string' ? Buffer.from(page.body) : Buffer.from(page.body);
    res.writeHead(page.status ?? 200, { 'Content-Length': String(body.length), ...page.headers });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages.set('/news', {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Served-By': 'fixture' },
    body: fixture('news-es.html'),
  });
  pages.set('/thread', {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: fixture('comments-es.html'),
  });
  pages.set('/thread2', {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: fixture('comments-microdata-en.html'),
  });
  pages.set('/latin1', { headers: { 'Content-Type': 'text/html' }, body: fixture('latin1-es.html.raw') });
  pages.set('/old', { status: 301, headers: { Location: '/news' }, body: '' });
  pages.set('/photo', {
    headers: { 'Content-Type': 'image/png' },
    body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  });
  pages.set('/huge', {
    headers: { 'Content-Type': 'text/html' },
    body: `<html><body><p>${'relleno '.repeat(40_000)}</p></body></html>`,
  });
  pages.set('/garbage', { headers: { 'Content-Type': 'text/html' }, body: '<html><<<>>></ / <div <p <<<' });
  pages.set('/liar', {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: Buffer.from(
      '<html><body><p>Detención de la enfermera Érika Núñez en Guarenas, según su hermano.</p></body></html>',
      'latin1',
    ),
  });
});
after(() => new Promise<void>((r) => server.close(() => r())));

async function counts(store: CaseStore, caseId: string) {
  return {
    evidence: await store.count('evidence', caseId),
    items: await store.count('informationItem', caseId),
    suggestions: await store.count('suggestion', caseId),
    sources: await store.count('source', caseId),
    audit: (await store.auditHead()).seq,
  };
}

for (const backend of BACKENDS) {
  describe(`capture (${backend.name})`, () => {
    let t: TestStore;
    let store: CaseStore;
    let caseId: string;
    before(async () => {
      t = await backend.open();
      store = t.store;
      caseId = (await store.createCase({ title: 'Capturas de prueba' }, ACTOR)).id;
      // A documented person the article names: suggestions must propose her record.
      await store.create(
        'person',
        caseId,
        {
          givenNames: 'Rafael Antonio',
          firstSurname: 'Mendoza',
          secondSurname: 'Pacheco',
          protection: 'restricted',
        },
        ACTOR,
      );
    });
    after(async () => t?.dispose());

    it('preserves the page as served in a WARC whose hashes check, with its collection record', async () => {
      const r = await capture(
        store,
        caseId,
        { kind: 'url', url: `${base}/news` },
        { actor: ACTOR, collector: 'Ana Documentadora' },
      );
      assert.equal(r.status, 'new');
      assert.equal(r.title, 'Detienen en Barquisimeto al sindicalista Rafael Antonio Mendoza');
      assert.equal(r.outlet, 'Diario Horizonte');
      assert.equal(r.author, 'Redacción Lara');
      assert.equal(r.published, '2024-03-14');
      assert.equal(r.language, 'es');
      const served = fixture('news-es.html');
      assert.equal(r.payloadSha256, sha(served));
      // The evidence file is the WARC; its SHA-256 (computed at collection) is that of the stored bytes.
      const warc = await store.readEvidence(r.evidenceId, ACTOR);
      assert.equal(sha(warc), r.sha256);
      const ev = await store.require('evidence', r.evidenceId);
      assert.equal(ev.body.kind, 'web_capture');
      assert.equal(ev.body.acquisition.tool, TOOL);
      assert.match(TOOL, /^testigo\/\d+\.\d+\.\d+/);
      const custody = await store.custody(r.evidenceId);
      assert.equal(custody[0]!.action, 'collected');
      assert.equal(custody[0]!.sha256, r.sha256);
      const records = await readWarc(warc);
      assert.deepEqual(
        records.map((x) => x.type),
        ['warcinfo', 'request', 'response', 'metadata'],
      );
      const response = records.find((x) => x.type === 'response')!;
      assert.deepEqual(Buffer.from(response.payload), served, 'the response record holds the bytes served');
      assert.equal(response.headers['warc-payload-digest'], `sha256:${sha(served)}`);
      assert.equal(response.httpStatus, 200);
      const request = records.find((x) => x.type === 'request')!;
      assert.equal(request.headers['warc-concurrent-to'], response.headers['warc-record-id']);
      assert.match(response.headers['warc-ip-address'] ?? '', /127\.0\.0\.1/);
      assert.equal(response.url, `${base}/news`);
      const meta = Buffer.from(records.find((x) => x.type === 'metadata')!.payload).toString();
      assert.match(meta, /collector: Ana Documentadora/);
      assert.match(meta, new RegExp(`tool: ${TOOL.replace(/\./g, '\\.')}`));
      assert.match(meta, new RegExp(`collection-url: ${base}/news`));
      assert.match(meta, /collection-time-utc: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/);
      assert.match(meta, new RegExp(`payload-sha256: ${sha(served)}`));
      const info = Buffer.from(records[0]!.payload).toString();
      assert.match(info, new RegExp(`software: ${TOOL.replace(/\./g, '\\.')}`));
      // The outlet is a source graded F until judged.
      const item = await store.require('informationItem', r.itemId);
      const outlet = await store.require('source', item.body.sourceId!);
      assert.equal(outlet.body.name, 'Diario Horizonte');
      assert.equal(outlet.body.reliability, 'F');
      assert.equal(outlet.body.kind, 'media');
      // Suggestions: offsets into the main text; the documented person is proposed.
      assert.ok(r.suggestions.length > 20);
      for (const sg of r.suggestions) assert.equal(item.body.text.slice(sg.start, sg.end), sg.text);
      const mendoza = r.suggestions.find(
        (x) => x.kind === 'person' && x.value === 'Rafael Antonio Mendoza Pacheco',
      )!;
      assert.equal(mendoza.candidatePersonIds?.length, 1);
      assert.ok(mendoza.candidatePersonIds![0]!.score >= 0.95);
      assert.ok(
        r.suggestions.some(
          (x) => x.kind === 'event' && x.value === 'torture' && x.methods?.includes('electric_shock'),
        ),
      );
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('captures the same address again: unchanged bytes write nothing; changed bytes make a new version', async () => {
      const before = await counts(store, caseId);
      const again = await capture(store, caseId, { kind: 'url', url: `${base}/news` }, { actor: ACTOR });
      assert.equal(again.status, 'unchanged');
      const mid = await counts(store, caseId);
      assert.deepEqual({ ...mid, audit: 0 }, { ...before, audit: 0 });
      assert.equal(mid.audit, before.audit + 1, 'one audit entry says it was checked');
      const firstItem = again.itemId;
      const page = pages.get('/news')!;
      pages.set('/news', {
        ...page,
        body: fixture('news-es.html')
          .toString()
          .replace('no respondió a las consultas', 'declinó responder a las consultas'),
      });
      try {
        const changed = await capture(store, caseId, { kind: 'url', url: `${base}/news` }, { actor: ACTOR });
        assert.equal(changed.status, 'changed');
        assert.equal(changed.previousVersionId, firstItem);
        assert.notEqual(changed.itemId, firstItem);
        assert.notEqual(changed.sha256, again.sha256);
        const old = await store.require('informationItem', firstItem);
        assert.match(old.body.text, /no respondió/, 'the earlier version is kept as it was');
        const latest = await store.require('informationItem', changed.itemId);
        assert.match(latest.body.text, /declinó responder/);
        // The outlet source is reused, not duplicated.
        assert.equal(latest.body.sourceId, old.body.sourceId);
      } finally {
        pages.set('/news', page);
      }
    });

    it('follows a redirect and keeps both exchanges in the WARC', async () => {
      const c2 = (await store.createCase({ title: 'Redirección' }, ACTOR)).id;
      const r = await capture(store, c2, { kind: 'url', url: `${base}/old` }, { actor: ACTOR });
      const records = await readWarc(await store.readEvidence(r.evidenceId, ACTOR));
      assert.deepEqual(
        records.filter((x) => x.type === 'response').map((x) => x.httpStatus),
        [301, 200],
      );
    });

    it('a nested comment thread: each comment an item with author, date, parent, depth, position', async () => {
      const r = await capture(store, caseId, { kind: 'url', url: `${base}/thread` }, { actor: ACTOR });
      assert.equal(r.comments, 6);
      const items = await store.list('informationItem', caseId, { where: { evidenceId: r.evidenceId } });
      const comments = items
        .filter((i) => i.body.itemType === 'comment')
        .sort((a, b) => a.body.threadPosition! - b.body.threadPosition!);
      const ann = JSON.parse(fixture('comments-es.json').toString()) as {
        thread: { position: number; depth: number; parent?: number; author: string }[];
      };
      const idAt = new Map(comments.map((c) => [c.body.threadPosition!, c.id]));
      for (const [k, want] of ann.thread.entries()) {
        const c = comments[k]!;
        assert.equal(c.body.threadPosition, want.position);
        assert.equal(c.body.depth, want.depth);
        assert.equal(c.body.author, want.author);
        assert.equal(c.body.parentItemId, want.parent ? idAt.get(want.parent) : r.itemId);
        assert.equal(c.body.protection, 'restricted');
      }
      assert.deepEqual(comments[1]!.body.published, { precision: 'day', value: '2024-04-22' });
      // Each author is a source graded F; all commenters of the thread share one origin group.
      const sources = await Promise.all(comments.map((c) => store.require('source', c.body.sourceId!)));
      assert.ok(sources.every((s) => s.body.reliability === 'F' && s.body.kind === 'online'));
      assert.equal(new Set(sources.map((s) => s.body.independenceGroup)).size, 1);
      assert.equal(
        new Set(sources.map((s) => s.id)).size,
        5,
        'one source per commenter name (Marisela twice)',
      );
      // Comment suggestions point into the comment's own text, every span of them, and name the
      // commenter as their source.
      for (const cs of r.commentSuggestions) {
        const c = comments.find((x) => x.id === cs.itemId)!;
        assert.equal(c.body.text.slice(cs.start, cs.end), cs.text);
        for (const m of cs.mentions ?? []) assert.ok(c.body.text.slice(m.start, m.end).trim());
        assert.equal(cs.sourceId, c.body.sourceId);
        assert.equal((await store.require('source', cs.sourceId!)).body.kind, 'online');
      }
      const ayer = r.commentSuggestions.find((x) => x.kind === 'date' && x.text === 'Ayer')!;
      assert.equal(ayer.date, '2024-04-23', 'resolved against the comment’s own date');
    });

    it('a latin-1 page is read in its declared encoding', async () => {
      const r = await capture(store, caseId, { kind: 'url', url: `${base}/latin1` }, { actor: ACTOR });
      assert.equal(r.charset, 'iso-8859-1');
      const item = await store.require('informationItem', r.itemId);
      assert.match(item.body.text, /Érika Beatriz Núñez fue excarcelada el sábado/);
      assert.ok(r.suggestions.some((x) => x.kind === 'date' && x.date === '2024-08-31'));
    });

    it('bad input stores nothing and says why', async () => {
      const before = await counts(store, caseId);
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const deadPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      const cases: [Parameters<typeof capture>[2], RegExp, object?][] = [
        [{ kind: 'url', url: `http://127.0.0.1:${deadPort}/x` }, /unreachable: the connection was refused/],
        [
          { kind: 'url', url: `${base}/photo` },
          /is image\/png, not a web page or plain text; nothing was stored/,
        ],
        [
          { kind: 'url', url: `${base}/huge` },
          /over the 100000-byte limit; nothing was stored/,
          { maxBytes: 100_000 },
        ],
        [
          { kind: 'url', url: `${base}/garbage` },
          /no readable text could be extracted \(malformed or empty HTML\)/,
        ],
        [
          { kind: 'url', url: `${base}/liar` },
          /declared as UTF-8 \(by header\) but its bytes are not valid UTF-8.*ISO-8859-1/,
        ],
        [{ kind: 'url', url: `${base}/missing` }, /answered 404/],
        [{ kind: 'url', url: 'ftp://example.org/x' }, /only http and https/],
        [{ kind: 'url', url: 'no es una dirección' }, /not a web address/],
        [{ kind: 'file', fileName: 'foto.png', bytes: new Uint8Array([1, 2, 3]) }, /only saved web pages/],
        [{ kind: 'file', fileName: 'vacio.txt', bytes: new Uint8Array() }, /is empty/],
        [{ kind: 'file', fileName: 'binario.txt', bytes: new Uint8Array(400).fill(1) }, /not text/],
      ];
      for (const [input, re, extra] of cases) {
        await assert.rejects(
          capture(store, caseId, input, { actor: ACTOR, timeoutMs: 5000, ...extra }),
          (err: Error) => err instanceof InputError && re.test(err.message),
          `${JSON.stringify(input).slice(0, 80)} → ${re}`,
        );
      }
      assert.deepEqual(await counts(store, caseId), before, 'no record, no audit entry');
      // The declared encoding can be overridden by the person capturing.
      const r = await capture(
        store,
        caseId,
        { kind: 'url', url: `${base}/liar` },
        { actor: ACTOR, charset: 'iso-8859-1' },
      );
      assert.match((await store.require('informationItem', r.itemId)).body.text, /Érika Núñez en Guarenas/);
    });

    it('a failure midway through the writes leaves nothing (one transaction)', async () => {
      const before = await counts(store, caseId);
      const original = CaseStore.prototype.create;
      let n = 0;
      CaseStore.prototype.create = async function (this: CaseStore, ...args: Parameters<typeof original>) {
        if (args[0] === 'suggestion' && ++n === 5) throw new Error('simulated crash');
        return original.apply(this, args);
      } as typeof original;
      try {
        await assert.rejects(
          capture(store, caseId, { kind: 'url', url: `${base}/thread2` }, { actor: ACTOR }),
          /simulated crash/,
        );
      } finally {
        CaseStore.prototype.create = original;
      }
      assert.ok(n >= 5, 'the crash happened after items were written');
      assert.deepEqual(await counts(store, caseId), before);
      const r = await capture(store, caseId, { kind: 'url', url: `${base}/thread2` }, { actor: ACTOR });
      assert.equal(r.status, 'new', 'nothing of the failed attempt counts as a previous version');
      assert.equal(r.comments, 3);
    });

    it('refuses private addresses when asked to (the API does)', async () => {
      await assert.rejects(
        capture(store, caseId, { kind: 'url', url: `${base}/news` }, { actor: ACTOR, denyPrivate: true }),
        /could not be fetched \(unreachable, or not a public address\); nothing was stored/,
      );
    });

    it('a plain-text file; suggestions accepted (record created or linked, audited) or rejected', async () => {
      const c3 = (await store.createCase({ title: 'Decisiones' }, ACTOR)).id;
      const r = await capture(
        store,
        c3,
        { kind: 'file', fileName: 'plain-es.txt', bytes: fixture('plain-es.txt') },
        { actor: ACTOR },
      );
      assert.equal(r.status, 'new');
      assert.equal(r.published, '2024-08-09');
      const item = await store.require('informationItem', r.itemId);
      assert.equal(item.body.itemType, 'text');
      assert.equal(item.body.protection, 'restricted');
      const by = (v: string) => r.suggestions.find((x) => x.value === v)!;
      // accept a person → a person record, the item supports it
      const acc = await acceptSuggestion(store, c3, by('Mariela Ostos').id, ACTOR);
      assert.equal(acc.body.status, 'accepted');
      assert.equal(acc.body.decidedBy, ACTOR);
      const person = await store.require('person', acc.body.createdRecordId!);
      assert.equal(person.body.givenNames, 'Mariela');
      assert.equal(person.body.firstSurname, 'Ostos');
      assert.deepEqual((await store.require('informationItem', r.itemId)).body.supports.personIds, [
        person.id,
      ]);
      // accept another mention by linking it to that same person
      const zor = await acceptSuggestion(store, c3, by('Zoraida Chacón').id, ACTOR, { personId: person.id });
      assert.equal(zor.body.createdRecordId, person.id);
      // a place named twice is one suggestion with both spans; the same place read from another
      // file is a second suggestion, whose acceptance links the place created by the first
      const places = r.suggestions.filter((x) => x.kind === 'place' && x.value === 'Táchira');
      assert.equal(places.length, 1);
      assert.ok(places[0]!.mentions!.length >= 2);
      const again = await capture(
        store,
        c3,
        { kind: 'file', fileName: 'copia.txt', bytes: fixture('plain-es.txt') },
        { actor: ACTOR },
      );
      const other = again.suggestions.find((x) => x.kind === 'place' && x.value === 'Táchira')!;
      const p1 = await acceptSuggestion(store, c3, places[0]!.id, ACTOR);
      const p2 = await acceptSuggestion(store, c3, other.id, ACTOR);
      assert.equal(p1.body.createdRecordId, p2.body.createdRecordId);
      const place = await store.require('place', p1.body.createdRecordId!);
      assert.deepEqual([place.body.kind, place.body.stateCode], ['state', 'VE-S']);
      // an event: created with its date and place, and supported by the item
      const ev = r.suggestions.find((x) => x.kind === 'event' && x.value === 'torture')!;
      const accEv = await acceptSuggestion(store, c3, ev.id, ACTOR);
      const event = await store.require('event', accEv.body.createdRecordId!);
      assert.deepEqual(event.body.date, { precision: 'day', value: '2024-02-10' });
      assert.ok(event.body.tags.includes('beating'));
      // reject: recorded with the reason; deciding again is a conflict
      const rej = await rejectSuggestion(
        store,
        c3,
        by('Foro Penal').id,
        ACTOR,
        'the NGO is not a party here',
      );
      assert.equal(rej.body.status, 'rejected');
      assert.equal(rej.body.note, 'the NGO is not a party here');
      await assert.rejects(acceptSuggestion(store, c3, rej.id, ACTOR), ConflictError);
      await assert.rejects(acceptSuggestion(store, caseId, acc.id, ACTOR), /no suggestion/);
      // every decision is in the audit log
      const audit = await store.auditEntries({ caseId: c3, limit: 10_000 });
      assert.ok(
        audit.some((e) => e.entity === 'suggestions' && e.entityId === rej.id && e.action === 'update'),
      );
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('a case file with captures exports and imports whole (new kinds, their references, their files)', async () => {
      const doc = await exportCase(store, caseId, { files: true });
      const other = await backend.open();
      try {
        const { caseId: id2, created } = await importCaseJson(
          other.store,
          JSON.parse(JSON.stringify(doc)),
          ACTOR,
        );
        assert.equal(
          created['information-items'] ?? created.informationItem,
          await store.count('informationItem', caseId),
        );
        assert.equal(await other.store.count('suggestion', id2), await store.count('suggestion', caseId));
        const items = await other.store.list('informationItem', id2, { where: { itemType: 'comment' } });
        assert.ok(items.length >= 6 && items.every((i) => i.body.parentItemId));
      } finally {
        await other.dispose();
      }
    });

    it('captured text is searchable at its tier: an article at public level, a comment only for members', async () => {
      const search = (q: string, tier: 'public' | 'member') =>
        store.search({
          caseId,
          terms: queryTerms(q),
          tier,
          clearedPersons: [],
          filters: {},
          limit: 50,
          offset: 0,
        });
      const article = await search('sindicalista Graterol', 'public');
      assert.ok(article.hits.some((h) => h.kind === 'informationItem'));
      assert.equal((await search('vigilia', 'public')).total, 0, 'comment text is member-tier');
      assert.ok((await search('vigilia', 'member')).hits.some((h) => h.kind === 'informationItem'));
    });
  });
}

describe('splitName', () => {
  it('Spanish name order', () => {
    assert.deepEqual(splitName('Rafael Antonio Mendoza Pacheco'), {
      givenNames: 'Rafael Antonio',
      firstSurname: 'Mendoza',
      secondSurname: 'Pacheco',
    });
    assert.deepEqual(splitName('Gabriela Torrealba'), { givenNames: 'Gabriela', firstSurname: 'Torrealba' });
    assert.deepEqual(splitName('Héctor Ramírez Lugo'), {
      givenNames: 'Héctor',
      firstSurname: 'Ramírez',
      secondSurname: 'Lugo',
    });
    assert.deepEqual(splitName('Rocío del Valle Marcano'), {
      givenNames: 'Rocío',
      firstSurname: 'del Valle',
      secondSurname: 'Marcano',
    });
  });
});
