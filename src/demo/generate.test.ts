import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { bounds, type FuzzyDate } from '../domain/dates.js';
import { deprivedOfLibertyOn, monthlySeries } from '../domain/detention.js';
import { type BodyOf, KINDS, type Kind, kindByName, referencedIds } from '../domain/kinds.js';
import { CaseFileBody, CustodyEntryBody, SourceRecordBody } from '../domain/schema.js';
import { ACT_TYPES } from '../domain/vocabularies.js';
import { CaseJson, exportCase, importCaseJson } from '../ingest/case-json.js';
import { sqliteBackend } from '../test-support/stores.js';
import { DEMO_SEED, generateDemoCase, generateDemoCaseWithTruth } from './generate.js';
import { LIST_COLUMNS } from './lists.js';
import { crc32 } from './png.js';

const { doc, listTruth } = generateDemoCaseWithTruth();
const bodies = <K extends Kind>(kind: K): BodyOf<K>[] =>
  doc.records[KINDS[kind].name]!.map((r) => r.body as BodyOf<K>);
const byId = <K extends Kind>(kind: K) =>
  new Map(doc.records[KINDS[kind].name]!.map((r) => [r.id, r.body as BodyOf<K>]));
/** The first day a fuzzy date can mean ("" when unknown). */
const start = (d: FuzzyDate | undefined) => (d ? (bounds(d)?.[0] ?? '') : '');
/** The last day a fuzzy date can mean ("" when open or unknown). */
const end = (d: FuzzyDate | undefined) => (d ? (bounds(d)?.[1] ?? '') : '');
const fileOf = (sha: string) => Buffer.from(doc.files.find((f) => f.sha256 === sha)!.base64, 'base64');
const strip = (s = '') =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
/** The act type and its ancestors in the vocabulary (rape → sexual_violence). */
const family = (code: string): string[] => {
  const out = [code];
  for (let t = ACT_TYPES.get(code); t?.parent; t = ACT_TYPES.get(t.parent)) out.push(t.parent);
  return out;
};

function checkValid(d: CaseJson, label: string) {
  assert.ok(CaseJson.safeParse(d).success, `${label}: not a case-file export`);
  const ids = new Map<string, Set<string>>();
  for (const [name, list] of Object.entries(d.records))
    ids.set(kindByName(name)!, new Set(list.map((r) => r.id)));
  let checked = 0;
  for (const [name, list] of Object.entries(d.records)) {
    const kind = kindByName(name) as Kind;
    assert.ok(kind, `${label}: unknown kind ${name}`);
    for (const r of list) {
      assert.match(r.id, new RegExp(`^${KINDS[kind].prefix}_[0-9a-zA-Z]{10,40}$`));
      const res = KINDS[kind].schema.safeParse(r.body);
      assert.ok(
        res.success,
        `${label} ${name}/${r.id}: ${res.success ? '' : JSON.stringify(res.error.issues)}`,
      );
      for (const ref of referencedIds(kind, r.body as Record<string, unknown>))
        assert.ok(
          ids.get(ref.kind)?.has(ref.id),
          `${label} ${name}/${r.id}.${ref.field} → missing ${ref.id}`,
        );
      checked++;
    }
  }
  for (const c of d.custody) {
    assert.ok(ids.get('evidence')!.has(c.evidenceId));
    const res = CustodyEntryBody.safeParse(c);
    assert.ok(res.success, `${label} custody: ${res.success ? '' : JSON.stringify(res.error.issues)}`);
  }
  for (const r of d.sourceRecords) {
    assert.ok(ids.get('sourceList')!.has(r.listId));
    assert.ok(SourceRecordBody.safeParse({ ...r, personId: r.personId ?? undefined }).success);
  }
  return checked;
}

describe('demo case: the document', () => {
  it('is byte-identical for a seed, the default seed is DEMO_SEED, and another seed differs', () => {
    const json = JSON.stringify(doc);
    assert.equal(JSON.stringify(generateDemoCase()), json);
    assert.equal(JSON.stringify(generateDemoCase({ seed: DEMO_SEED })), json);
    const other = JSON.stringify(generateDemoCase({ seed: 7 }));
    assert.notEqual(other, json);
    assert.equal(JSON.stringify(generateDemoCase({ seed: 7 })), other);
  });

  it('validates against the domain schemas with no dangling reference, for several seeds', () => {
    assert.ok(checkValid(doc, 'default') > 3000);
    for (const seed of [7, 2024]) checkValid(generateDemoCase({ seed }), `seed ${seed}`);
  });

  it('describes the case file: Venezuela 2014–2019 and the Rome Statute dates', () => {
    const c = CaseFileBody.parse(doc.case.body);
    assert.match(doc.case.id, /^cas_[0-9a-zA-Z]{10,40}$/);
    assert.match(c.title, /ficticio/);
    assert.equal(c.country, 'VE');
    assert.deepEqual(c.temporalScope, { from: '2014-02-12', to: '2019-12-31' });
    assert.equal(c.jurisdiction?.ratificationDate, '2000-06-07');
    assert.equal(c.jurisdiction?.entryIntoForce, '2002-07-01');
  });

  it('has the sizes the demo promises', () => {
    const n = (k: string) => doc.records[k]!.length;
    const victimIds = new Set(bodies('act').map((a) => a.victimId));
    const officials = new Set(bodies('membership').map((m) => m.personId));
    assert.ok(victimIds.size >= 395 && victimIds.size <= 410, `victims ${victimIds.size}`);
    assert.ok(officials.size >= 20 && officials.size <= 30, `officials ${officials.size}`);
    assert.ok(n('persons') >= 420 && n('persons') <= 450, `persons ${n('persons')}`);
    assert.ok(n('units') >= 10 && n('units') <= 13, `units ${n('units')}`);
    assert.equal(n('events'), 60);
    assert.ok(n('acts') >= 700, `acts ${n('acts')}`);
    assert.ok(n('involvements') >= 700, `involvements ${n('involvements')}`);
    assert.ok(n('detention-periods') >= 900, `detention periods ${n('detention-periods')}`);
    assert.equal(n('sources'), 6);
    assert.equal(n('testimonies'), 12);
    assert.ok(n('evidence') >= 6 && n('evidence') <= 12, `evidence ${n('evidence')}`);
    assert.equal(n('hearings'), 2);
    assert.equal(n('source-lists'), 3);
    // Every victim on record suffered at least one act; every person is a victim, an official or a witness.
    const witnesses = new Set([
      ...bodies('testimony').map((t) => t.witnessId),
      ...bodies('hearing').flatMap((h) => h.participants.map((p) => p.personId)),
    ]);
    for (const p of doc.records.persons!)
      assert.ok(
        victimIds.has(p.id) || officials.has(p.id) || witnesses.has(p.id),
        `person ${p.id} plays no part`,
      );
  });

  it('mixes protection levels (≈10 % public, ≈15 % protected) and every consent scope', () => {
    const persons = bodies('person');
    const share = (level: string) => persons.filter((p) => p.protection === level).length / persons.length;
    assert.ok(share('public') >= 0.08 && share('public') <= 0.13, `public ${share('public')}`);
    assert.ok(share('protected') >= 0.13 && share('protected') <= 0.17, `protected ${share('protected')}`);
    const levels = (k: 'person' | 'testimony' | 'evidence') =>
      [...new Set(bodies(k).map((b) => b.protection))].sort();
    for (const k of ['person', 'testimony', 'evidence'] as const)
      assert.deepEqual(levels(k), ['protected', 'public', 'restricted'], k);
    const consents = (k: 'testimony' | 'evidence') => [...new Set(bodies(k).map((b) => b.consent))].sort();
    for (const k of ['testimony', 'evidence'] as const)
      assert.deepEqual(consents(k), ['courts', 'internal', 'public'], k);
    // Survivors of sexual violence are protected.
    const sexual = bodies('act').filter((a) => family(a.type).includes('sexual_violence'));
    assert.ok(sexual.length >= 5);
    const people = byId('person');
    for (const a of sexual) assert.equal(people.get(a.victimId)!.protection, 'protected');
  });

  it('gives victims realistic identities: two surnames, varied birth-date precision, cédulas for most', () => {
    const victimIds = new Set(bodies('act').map((a) => a.victimId));
    const victims = doc.records
      .persons!.filter((p) => victimIds.has(p.id))
      .map((p) => p.body as BodyOf<'person'>);
    assert.ok(victims.every((v) => v.givenNames && v.firstSurname && v.secondSurname && v.sex));
    const precisions = new Set<string>(victims.map((v) => v.birthDate?.precision ?? 'none'));
    for (const p of ['day', 'month', 'year', 'none'])
      assert.ok(precisions.has(p), `no birth date of precision ${p}`);
    const withCedula = victims.filter((v) => v.documents.some((d) => d.type === 'cedula_venezolana'));
    assert.ok(withCedula.length / victims.length > 0.75, `cédulas ${withCedula.length}/${victims.length}`);
    const occupations = new Set(victims.map((v) => (v.occupation ?? '').replace(/ \(.*$/, '')));
    for (const o of ['estudiante universitario', 'periodista', 'militar activo', 'dirigente político'])
      assert.ok(
        [...occupations].some((x) => x.startsWith(o)),
        `no ${o}`,
      );
  });

  it('places: real states and municipalities, publicly known detention sites, with parents and coordinates', () => {
    const places = byId('place');
    const kinds = [...places.values()].map((p) => p.kind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    assert.ok(count('state') >= 8, `states ${count('state')}`);
    assert.ok(count('municipality') >= 15, `municipalities ${count('municipality')}`);
    assert.ok(
      count('detention_site') >= 8 && count('detention_site') <= 10,
      `sites ${count('detention_site')}`,
    );
    for (const p of places.values()) {
      assert.ok(p.coordinates, `${p.name} has no coordinates`);
      if (p.kind === 'municipality' || p.kind === 'detention_site') {
        const parent = places.get(p.parentId!)!;
        assert.equal(parent.kind, p.kind === 'municipality' ? 'state' : 'municipality');
        assert.equal(parent.stateCode, p.stateCode);
      }
    }
    assert.ok([...places.values()].some((p) => p.name === 'El Helicoide'));
    assert.ok([...places.values()].some((p) => p.operatorUnitId));
  });

  it('units: fictional, with a chain of command and commanders that change in 2017', () => {
    const units = bodies('unit');
    for (const u of units) assert.match(`${u.name} ${u.notes}`, /[Ff]icti/);
    const reparented = units.filter(
      (u) =>
        u.parents.length === 2 &&
        end(u.parents[0]!.to).startsWith('2017') &&
        start(u.parents[1]!.from).startsWith('2017'),
    );
    assert.ok(reparented.length >= 2, 'no unit changes parent in 2017');
    const commanders = bodies('membership').filter((m) => m.commander);
    const handovers = commanders.filter(
      (m) =>
        end(m.to).startsWith('2017') &&
        commanders.some((n) => n.unitId === m.unitId && start(n.from).startsWith('2017')),
    );
    assert.ok(handovers.length >= 2, 'no change of commander in 2017');
    const people = byId('person');
    for (const m of bodies('membership'))
      assert.match(people.get(m.personId)!.secondSurname ?? '', /^Fictici[oa]$/);
  });

  it('events 2014–2019 carry acts of every kind the brief lists, with torture methods', () => {
    for (const e of bodies('event')) {
      const [from, to] = bounds(e.date)!;
      assert.ok(from >= '2014-02-12' && to <= '2019-12-31', `${e.title}: ${from}–${to}`);
    }
    const acts = bodies('act');
    const families = new Set(acts.flatMap((a) => family(a.type)));
    for (const f of [
      'arbitrary_detention',
      'torture',
      'killing',
      'enforced_disappearance',
      'sexual_violence',
      'persecution',
      'forced_exile',
      'cruel_inhuman_treatment',
    ])
      assert.ok(families.has(f), `no act of type ${f}`);
    const torture = acts.filter((a) => a.type === 'torture');
    assert.ok(torture.length >= 60 && torture.every((a) => a.methods.length >= 1));
    assert.ok(new Set(torture.flatMap((a) => a.methods)).size >= 10);
    const killings = acts.filter((a) => family(a.type).includes('killing'));
    assert.ok(killings.length >= 4 && killings.length <= 20, `killings ${killings.length}`);
    const perEvent = new Map<string, number>();
    for (const a of acts) perEvent.set(a.eventId, (perEvent.get(a.eventId) ?? 0) + 1);
    assert.equal(perEvent.size, 60, 'an event has no act');
  });

  it('involvements name officials and units with degrees of responsibility', () => {
    const inv = bodies('involvement');
    const degrees = new Set(inv.map((i) => i.degree));
    for (const d of [
      'directly_carried_out',
      'gave_orders',
      'confirmed_present',
      'failed_to_prevent',
      'authored_policy',
    ])
      assert.ok(degrees.has(d), `no involvement of degree ${d}`);
    const officials = new Set(bodies('membership').map((m) => m.personId));
    for (const i of inv)
      if (i.personId) assert.ok(officials.has(i.personId), `involvement names non-official ${i.personId}`);
    assert.ok(inv.filter((i) => i.personId).length >= 50);
  });

  it('detention timelines are ordered and give political-prisoner counts in the hundreds at the peak', () => {
    const periods = bodies('detention');
    const statuses = new Set(periods.map((p) => p.status));
    for (const s of [
      'detained',
      'incommunicado',
      'disappeared',
      'house_arrest',
      'released_with_conditions',
      'released',
      'escaped',
      'exiled',
      'died_in_custody',
    ])
      assert.ok(statuses.has(s), `no period with status ${s}`);
    const byPerson = new Map<string, BodyOf<'detention'>[]>();
    for (const p of periods) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p]);
    for (const [person, list] of byPerson) {
      for (let i = 0; i < list.length; i++) {
        const [from] = bounds(list[i]!.from)!;
        const to = list[i]!.to ? bounds(list[i]!.to)![1] : undefined;
        if (to) assert.ok(from <= to, `${person}: period ends before it starts`);
        if (i > 0) {
          const prevTo = list[i - 1]!.to;
          assert.ok(prevTo, `${person}: an open period is followed by another`);
          assert.ok(bounds(prevTo)![0] <= from, `${person}: periods overlap`);
        }
      }
    }
    assert.equal(deprivedOfLibertyOn(periods as never, '2014-01-01').certain, 0);
    const series = monthlySeries(periods as never, '2014-01', '2019-12');
    const peak = Math.max(...series.map((d) => d.certain));
    assert.ok(peak >= 200, `peak ${peak}`);
    assert.ok(deprivedOfLibertyOn(periods as never, '2019-12-31').certain >= 50);
    // The peak follows the 2017 protests.
    assert.match(series.find((d) => d.certain === peak)!.day, /^201[78]-/);
  });

  it('sources: NGOs graded A–C, a newspaper relaying one of them, an insider and an anonymous F source', () => {
    const sources = bodies('source');
    assert.deepEqual([...new Set(sources.map((s) => s.reliability))].sort(), ['A', 'B', 'C', 'F']);
    assert.deepEqual([...new Set(sources.map((s) => s.kind))].sort(), ['insider', 'media', 'ngo', 'online']);
    const groups = sources.map((s) => s.independenceGroup);
    assert.equal(new Set(groups).size, groups.length - 1, 'exactly two sources share an origin');
  });

  it('testimonies: Spanish and English, several paragraphs, linked to what they support', () => {
    const tes = bodies('testimony');
    assert.equal(tes.filter((t) => t.language === 'en').length, 3);
    assert.equal(tes.filter((t) => t.language === 'es').length, 9);
    const acts = byId('act');
    for (const t of tes) {
      assert.ok(t.statement.split('\n\n').length >= 3, `${t.title}: too short`);
      assert.ok(t.statement.length >= 600, `${t.title}: ${t.statement.length} chars`);
      assert.ok(t.supports.eventIds.length >= 1);
      for (const a of t.supports.actIds) assert.ok(t.supports.eventIds.includes(acts.get(a)!.eventId));
      assert.ok(!/\{o\}/.test(t.statement + t.title), 'unresolved gender ending');
    }
    assert.ok(new Set(tes.map((t) => t.credibility)).size >= 4);
    const hearingIds = new Set(doc.records.hearings!.map((h) => h.id));
    assert.ok(tes.filter((t) => t.hearingId && hearingIds.has(t.hearingId)).length >= 2);
    for (const h of doc.records.hearings!) {
      const heard = tes.filter((t) => t.hearingId === h.id);
      const transcript = (h.body as BodyOf<'hearing'>).transcript ?? '';
      assert.ok(heard.length >= 1);
      for (const t of doc.records.testimonies!.filter(
        (x) => (x.body as BodyOf<'testimony'>).hearingId === h.id,
      ))
        assert.ok(transcript.includes(t.id), 'the transcript references the testimony it heard');
    }
  });

  it('carries files whose SHA-256 and size match their evidence records, with custody', () => {
    const evidence = doc.records.evidence!;
    const used = new Set<string>();
    for (const e of evidence) {
      const b = e.body as BodyOf<'evidence'>;
      const bytes = fileOf(b.sha256);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), b.sha256);
      assert.equal(bytes.length, b.size);
      used.add(b.sha256);
      const actions = doc.custody.filter((c) => c.evidenceId === e.id).map((c) => String(c.action));
      assert.ok(
        ['collected', 'received', 'derived'].includes(actions[0]!),
        `${e.id} first custody ${actions[0]}`,
      );
      assert.ok(actions.includes('copied') && actions.includes('verified'), `${e.id}: ${actions}`);
    }
    assert.equal(used.size, doc.files.length, 'every file belongs to an evidence record');
    const ev = byId('evidence');
    const derived = [...ev.values()].filter((e) => e.derivedFrom);
    assert.equal(derived.length, 1);
    const original = ev.get(derived[0]!.derivedFrom!)!;
    assert.equal(original.protection, 'protected');
    assert.equal(derived[0]!.protection, 'public');
    assert.ok(fileOf(derived[0]!.sha256).toString().includes('[TESTADO]'));
    const victim = bodies('person').find((p) => p.photoEvidenceIds?.length);
    assert.ok(victim, 'a person links a photo');
    const hearing = bodies('hearing').find((h) => h.transcriptEvidenceId)!;
    assert.equal(fileOf(ev.get(hearing.transcriptEvidenceId!)!.sha256).toString().trim(), hearing.transcript);
  });

  it('the photograph is a valid PNG', () => {
    const png = bodies('evidence').find((e) => e.mediaType === 'image/png')!;
    const bytes = fileOf(png.sha256);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    let off = 8;
    const idat: Buffer[] = [];
    let width = 0;
    let height = 0;
    while (off < bytes.length) {
      const len = bytes.readUInt32BE(off);
      const type = bytes.subarray(off + 4, off + 8).toString('latin1');
      const data = bytes.subarray(off + 8, off + 8 + len);
      assert.equal(
        bytes.readUInt32BE(off + 8 + len),
        crc32(bytes.subarray(off + 4, off + 8 + len)),
        `${type} CRC`,
      );
      if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      if (type === 'IDAT') idat.push(data);
      off += 12 + len;
    }
    assert.equal(inflateSync(Buffer.concat(idat)).length, height * (1 + width * 3));
  });

  it('three organisations’ lists in the synth columns, overlapping on victims with spelling variants', () => {
    const lists = doc.records['source-lists']!;
    const evidence = bodies('evidence');
    for (const l of lists) {
      const b = l.body as BodyOf<'sourceList'>;
      const rows = doc.sourceRecords.filter((r) => r.listId === l.id);
      assert.equal(b.rowCount, rows.length);
      assert.ok(rows.length >= 150 && rows.length <= 300, `${b.name}: ${rows.length} rows`);
      assert.deepEqual(b.columns, [...LIST_COLUMNS]);
      assert.deepEqual(
        rows.map((r) => r.rowNo),
        rows.map((_, i) => i + 2),
      );
      assert.equal(new Set(rows.map((r) => r.recordId)).size, rows.length, 'record ids are unique in a list');
      for (const r of rows) {
        assert.deepEqual(Object.keys(r.data), [...LIST_COLUMNS]);
        assert.equal(r.data.record_id, r.recordId);
        assert.equal(r.personId, null);
      }
      // The original file is preserved as evidence, and its rows are exactly the list's rows.
      const file = evidence.find((e) => e.sha256 === b.sha256);
      assert.ok(file, `${b.name}: original file not in evidence`);
      const lines = fileOf(b.sha256!).toString('utf8').trimEnd().split('\n');
      assert.equal(lines[0], LIST_COLUMNS.join(','));
      assert.equal(lines.length - 1, rows.length);
    }
    // Overlap, from the truth kept aside.
    assert.equal(listTruth.length, doc.sourceRecords.length);
    const listsOf = new Map<string, Set<string>>();
    for (const t of listTruth)
      listsOf.set(t.personId, new Set([...(listsOf.get(t.personId) ?? []), t.listId]));
    const onAll = [...listsOf.values()].filter((s) => s.size === 3).length;
    const onTwo = [...listsOf.values()].filter((s) => s.size === 2).length;
    const onOne = [...listsOf.values()].filter((s) => s.size === 1).length;
    assert.ok(onAll >= 40 && onTwo >= 100 && onOne >= 60, `on 3/2/1 lists: ${onAll}/${onTwo}/${onOne}`);
    // Variants: accents dropped, other spellings, swapped surnames, missing cédula, date formats.
    const people = byId('person');
    const truthOf = new Map(listTruth.map((t) => [`${t.listId}/${t.rowNo}`, t.personId]));
    let accents = 0;
    let spelling = 0;
    let swapped = 0;
    let noCedula = 0;
    for (const r of doc.sourceRecords) {
      const p = people.get(truthOf.get(`${r.listId}/${r.rowNo}`)!)!;
      const d = r.data;
      if (d.first_surname !== p.firstSurname && strip(d.first_surname) === strip(p.firstSurname)) accents++;
      if (
        strip(d.given_names) !== strip(p.givenNames) &&
        !strip(p.givenNames).startsWith(strip(d.given_names))
      )
        spelling++;
      if (strip(d.first_surname) === strip(p.secondSurname) && p.firstSurname !== p.secondSurname) swapped++;
      if (!d.document_id && p.documents.length) noCedula++;
    }
    assert.ok(
      accents >= 20 && spelling >= 5 && swapped >= 5 && noCedula >= 50,
      `${accents}/${spelling}/${swapped}/${noCedula}`,
    );
    const formats = (col: string) =>
      new Set(doc.sourceRecords.map((r) => r.data[col]!.replace(/\d/g, '9')).filter(Boolean));
    for (const f of ['9999-99-99', '99/99/9999', '99999999'])
      assert.ok(formats('birth_date').has(f), `birth date format ${f}`);
    assert.ok(formats('event_date').has('99/99/9999'));
  });
});

describe('demo case: loading', () => {
  it('imports into a real encrypted store and exports back the same records', async () => {
    const t = await sqliteBackend.open();
    try {
      const { caseId, created } = await importCaseJson(t.store, doc, 'system:demo', { file: 'demo' });
      assert.equal(caseId, doc.case.id);
      for (const [name, list] of Object.entries(doc.records)) {
        assert.equal(created[name] ?? 0, list.length, name);
        assert.equal(await t.store.count(kindByName(name)!, caseId), list.length, name);
      }
      assert.equal(await t.store.countSourceRecords(caseId), doc.sourceRecords.length);
      const evidence = doc.records.evidence![0]!;
      assert.equal(
        (await t.store.custody(evidence.id)).length,
        doc.custody.filter((c) => c.evidenceId === evidence.id).length,
      );
      const sha = (evidence.body as BodyOf<'evidence'>).sha256;
      assert.equal(
        createHash('sha256')
          .update(await t.store.blobs.get(sha))
          .digest('hex'),
        sha,
      );
      const again = await exportCase(t.store, caseId);
      for (const [name, list] of Object.entries(doc.records))
        assert.deepEqual(again.records[name]!.map((r) => r.id).sort(), list.map((r) => r.id).sort(), name);
      assert.equal(again.custody.length, doc.custody.length);
      assert.equal(again.files.length, doc.files.length);
      assert.equal((await t.store.verifyAudit()).ok, true);
    } finally {
      await t.dispose();
    }
  });
});
