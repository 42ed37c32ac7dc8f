/**
 * Golden tests of the legal and evidentiary corrections of issue 22. Each test names the rule it
 * follows (article, Elements of Crimes paragraph, judgment, or the Admiralty code) and fails on the
 * code before the correction.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromPartial as fd } from '../domain/dates.js';
import {
  ActBody,
  CaseFileBody,
  DetentionPeriodBody,
  EventBody,
  EvidenceBody,
  InvolvementBody,
  MembershipBody,
  PersonBody,
  PlaceBody,
  SourceBody,
  TestimonyBody,
  UnitBody,
} from '../domain/schema.js';
import { ElementLinkBody, ProceedingBody } from '../domain/schema-law.js';
import { fixedId, snapshotRecord } from '../test-support/snapshot-records.js';
import { analyseCase } from './analyse.js';
import type { CaseAnalysis, CaseSnapshot, ElementFinding } from './types.js';

const id = fixedId;
const rec = snapshotRecord;
const perId = (n: string) => id('per', n);
const actId = (n: string) => id('act', n);
const srcId = (n: string) => id('src', n);

/** One torture act (A1) in a State Party, on a date after entry into force; no links. */
function base(): CaseSnapshot {
  return {
    caseId: 'cas_0000000002',
    caseFile: CaseFileBody.parse({ title: 'Corrections', country: 'VE' }),
    persons: [
      rec(PersonBody, 'per', 'V1', { givenNames: 'Ana', firstSurname: 'Uno' }),
      rec(PersonBody, 'per', 'W1', { givenNames: 'Eva', firstSurname: 'Testigo' }),
      rec(PersonBody, 'per', 'W2', { givenNames: 'Luis', firstSurname: 'Testigo' }),
      rec(PersonBody, 'per', 'P1', { givenNames: 'Carlos', firstSurname: 'Jefe', nationalities: ['AR'] }),
      rec(PersonBody, 'per', 'P2', { givenNames: 'Dario', firstSurname: 'Agente' }),
    ],
    units: [rec(UnitBody, 'uni', 'U1', { name: 'Servicio', kind: 'intelligence_service' })],
    memberships: [
      rec(MembershipBody, 'mem', 'M1', { personId: perId('P1'), unitId: id('uni', 'U1'), commander: true }),
    ],
    places: [rec(PlaceBody, 'pla', 'L1', { name: 'Estado A', kind: 'state', stateCode: 'VE-A' })],
    events: [
      rec(EventBody, 'evt', 'E1', { title: 'Arresto', date: fd('2017-05-10'), placeId: id('pla', 'L1') }),
    ],
    acts: [rec(ActBody, 'act', 'A1', { eventId: id('evt', 'E1'), victimId: perId('V1'), type: 'torture' })],
    involvements: [
      rec(InvolvementBody, 'inv', 'I1', {
        actId: actId('A1'),
        unitId: id('uni', 'U1'),
        degree: 'directly_carried_out',
      }),
      rec(InvolvementBody, 'inv', 'I2', {
        actId: actId('A1'),
        personId: perId('P2'),
        degree: 'directly_carried_out',
      }),
    ],
    detentions: [],
    sources: [
      rec(SourceBody, 'src', 'NGO1', { name: 'ONG 1', kind: 'ngo', reliability: 'B' }),
      rec(SourceBody, 'src', 'NGO2', { name: 'ONG 2', kind: 'ngo', reliability: 'B' }),
    ],
    testimonies: [],
    evidence: [],
    informationItems: [],
    hearings: [],
    elementLinks: [],
    proceedings: [],
  };
}

const testimony = (n: string, body: Record<string, unknown>) =>
  rec(TestimonyBody, 'tes', n, { title: n, statement: 's', language: 'es', consent: 'courts', ...body });
const evidence = (n: string, body: Record<string, unknown>) =>
  rec(EvidenceBody, 'evi', n, {
    title: n,
    kind: 'document',
    sha256: 'a'.repeat(64),
    size: 1,
    mediaType: 'application/pdf',
    acquisition: { by: 'doc', at: '2018-01-01T00:00:00Z', method: 'received' },
    ...body,
  });
const link = (n: string, body: Record<string, unknown>) => rec(ElementLinkBody, 'elk', n, body);

const finding = (a: CaseAnalysis, crimeId: string, act: string, elementId: string): ElementFinding => {
  const inc = a.crimes.find((c) => c.crimeId === crimeId)?.incidents.find((i) => i.actId === actId(act));
  const f = inc?.elements.find((e) => e.elementId === elementId);
  assert.ok(f, `${crimeId} ${act} ${elementId}`);
  return f;
};

/** A1 torture E1 linked to the given testimonies/evidence. */
function withItems(
  items: { testimonies?: CaseSnapshot['testimonies']; evidence?: CaseSnapshot['evidence'] },
  extra: Partial<CaseSnapshot> = {},
): CaseAnalysis {
  const s = base();
  const testimonies = items.testimonies ?? [];
  const ev = items.evidence ?? [];
  return analyseCase({
    ...s,
    ...extra,
    testimonies,
    evidence: ev,
    elementLinks: [
      ...testimonies.map((t, i) =>
        link(`T${i}`, { elementId: 'CAH.7-1-f.E1', actId: actId('A1'), testimonyId: t.id }),
      ),
      ...ev.map((e, i) => link(`E${i}`, { elementId: 'CAH.7-1-f.E1', actId: actId('A1'), evidenceId: e.id })),
    ],
  });
}

describe('source independence by origin (circular reporting; Berkeley Protocol ch. VI verification)', () => {
  it('one witness relayed by two organisations is one origin, not corroboration', () => {
    const a = withItems({
      testimonies: [
        testimony('T1', { sourceId: srcId('NGO1'), witnessId: perId('W1'), credibility: '2' }),
        testimony('T2', { sourceId: srcId('NGO2'), witnessId: perId('W1'), credibility: '2' }),
      ],
    });
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    assert.equal(f.corroboration, 1);
    assert.equal(f.status, 'single-source');
  });

  it('two different eyewitnesses heard by the same organisation are two origins', () => {
    const a = withItems({
      testimonies: [
        testimony('T1', { sourceId: srcId('NGO1'), witnessId: perId('W1'), credibility: '2' }),
        testimony('T2', { sourceId: srcId('NGO1'), witnessId: perId('W2'), credibility: '3' }),
      ],
    });
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    assert.equal(f.corroboration, 2);
    assert.equal(f.status, 'corroborated');
  });
});

describe('Admiralty grades (STANAG 2511 / AJP-2.1)', () => {
  it('an independent forensic report with no source is not barred by a default F: it is judged on its credibility', () => {
    const a = withItems({
      testimonies: [testimony('T1', { sourceId: srcId('NGO1'), witnessId: perId('W1'), credibility: '2' })],
      evidence: [evidence('FOR', { kind: 'document', credibility: '2' })],
    });
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    const forensic = f.items.find((i) => i.itemId === id('evi', 'FOR'))!;
    assert.equal(forensic.reliability, 'F');
    assert.equal(forensic.qualifies, true);
    assert.equal(f.status, 'corroborated');
  });

  it('the finding’s grade is the best single item’s grade, never a letter from one item and a digit from another', () => {
    const s = base();
    const a = withItems(
      {
        testimonies: [
          testimony('T1', { sourceId: srcId('A'), witnessId: perId('W1'), credibility: '3' }),
          testimony('T2', { sourceId: srcId('C'), witnessId: perId('W2'), credibility: '2' }),
        ],
      },
      {
        sources: [
          ...s.sources,
          rec(SourceBody, 'src', 'A', { name: 'A', kind: 'person', reliability: 'A' }),
          rec(SourceBody, 'src', 'C', { name: 'C', kind: 'person', reliability: 'C' }),
        ],
      },
    );
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    assert.deepEqual(
      f.items.map((i) => i.grade),
      ['A3', 'C2'],
    );
    assert.equal(f.grade, 'A3'); // was "A2": no item has it
  });

  it('F and 6 ("cannot be judged") are unrated, not worse than E and 5', () => {
    const s = base();
    const a = withItems(
      {
        testimonies: [
          testimony('T1', { sourceId: srcId('E'), witnessId: perId('W1'), credibility: '5' }),
          testimony('T2', { witnessId: perId('W2') }),
        ],
      },
      {
        sources: [...s.sources, rec(SourceBody, 'src', 'E', { name: 'E', kind: 'person', reliability: 'E' })],
      },
    );
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    assert.equal(f.grade, 'F6');
  });

  it('credibility 1 typed by hand is read as 2: confirmation is counted from independent links, not typed', () => {
    const a = withItems({
      testimonies: [testimony('T1', { sourceId: srcId('NGO1'), witnessId: perId('W1'), credibility: '1' })],
    });
    const f = finding(a, 'CAH.7-1-f', 'A1', 'CAH.7-1-f.E1');
    assert.equal(f.grade, 'B2');
    assert.equal(f.items[0]!.statedCredibility, '1');
    assert.equal(f.status, 'single-source');
  });
});

describe('responsibility (Arts. 25, 28, 30)', () => {
  it('a superior held only under Art. 28 is not given the contextual knowledge or the crime’s mental elements (EoC Introduction to Art. 7 ¶2; Art. 28(b)(i))', () => {
    const a = analyseCase(base());
    const p1 = a.suspects.find((x) => x.personId === perId('P1'))!;
    assert.deepEqual(p1.modes, ['ICC.28-b']);
    const ids = p1.elements.map((e) => e.elementId);
    assert.ok(!ids.includes('CTX.knowledge'), ids.join());
    assert.ok(ids.includes('ICC.28-b.E2'));
    // The direct perpetrator (25(3)(a)) keeps them.
    const p2 = a.suspects.find((x) => x.personId === perId('P2'))!;
    assert.ok(p2.elements.some((e) => e.elementId === 'CTX.knowledge'));
  });

  it('an attempted killing is an attempted murder (Art. 25(3)(f); Ntaganda TJ 2019) marked as an attempt, with the attempt mode', () => {
    const s = base();
    const a = analyseCase({
      ...s,
      acts: [
        rec(ActBody, 'act', 'A1', {
          eventId: id('evt', 'E1'),
          victimId: perId('V1'),
          type: 'attempted_killing',
        }),
      ],
    });
    const murder = a.crimes.find((c) => c.crimeId === 'CAH.7-1-a')!;
    assert.equal(murder.incidents[0]!.attempt, true);
    const p2 = a.suspects.find((x) => x.personId === perId('P2'))!;
    assert.ok(p2.modes.includes('ICC.25-3-f'));
  });
});

describe('crimes (Art. 7(1)(h), 7(1)(i))', () => {
  it('every act, incl. torture and detention, is a persecution candidate (Art. 7(1)(h), 7(2)(g); OAS panel 2018)', () => {
    const a = analyseCase(base());
    const h = a.crimes.find((c) => c.crimeId === 'CAH.7-1-h');
    assert.ok(h, 'persecution assessed');
    assert.deepEqual(
      h.incidents.map((i) => i.actId),
      [actId('A1')],
    );
  });

  it('enforced disappearance shows the "prolonged period" element and the length of the deprivation per incident (EoC 7(1)(i) el. 6)', () => {
    const s = base();
    const a = analyseCase({
      ...s,
      acts: [
        rec(ActBody, 'act', 'A1', {
          eventId: id('evt', 'E1'),
          victimId: perId('V1'),
          type: 'enforced_disappearance',
        }),
      ],
      detentions: [
        rec(DetentionPeriodBody, 'det', 'D1', {
          personId: perId('V1'),
          status: 'disappeared',
          from: fd('2017-05-10'),
          to: fd('2017-06-09'),
          actId: actId('A1'),
        }),
      ],
    });
    const inc = a.crimes.find((c) => c.crimeId === 'CAH.7-1-i')!.incidents[0]!;
    assert.ok(inc.elements.some((e) => e.elementId === 'CAH.7-1-i.E6'));
    assert.deepEqual(inc.deprivation, { from: '2017-05-10', to: '2017-06-09', days: 30 });
  });
});

describe('jurisdiction and admissibility (Arts. 11, 12, 17, 20)', () => {
  it('an act without a date is "uncertain", not outside jurisdiction (Art. 11: a fact still open)', () => {
    const s = base();
    const a = analyseCase({
      ...s,
      events: [rec(EventBody, 'evt', 'E1', { title: 'Sin fecha', placeId: id('pla', 'L1') })],
    });
    assert.deepEqual(a.jurisdiction.acts, { inside: 0, outside: 0, uncertain: 1 });
    assert.equal(a.jurisdiction.uncertain[0]?.reason, 'no-date');
  });

  it('an act without a place is not placed in the case country (Art. 12(2)(a)): uncertain unless the accused’s nationality gives a basis', () => {
    const s = base();
    const noPlace = {
      ...s,
      events: [rec(EventBody, 'evt', 'E1', { title: 'Sin lugar', date: fd('2017-05-10') })],
    };
    // P2 has no nationality recorded: no basis at all.
    const a = analyseCase(noPlace);
    assert.equal(a.jurisdiction.uncertain[0]?.reason, 'no-place');
    // P1 (Argentine) merely present is not "the person accused" (Art. 12(2)(b)).
    const present = analyseCase({
      ...noPlace,
      involvements: [
        rec(InvolvementBody, 'inv', 'I3', {
          actId: actId('A1'),
          personId: perId('P1'),
          degree: 'confirmed_present',
        }),
      ],
    });
    assert.equal(present.jurisdiction.acts.uncertain, 1);
    // As a direct perpetrator, the nationality basis applies.
    const accused = analyseCase({
      ...noPlace,
      involvements: [
        rec(InvolvementBody, 'inv', 'I3', {
          actId: actId('A1'),
          personId: perId('P1'),
          degree: 'directly_carried_out',
        }),
      ],
    });
    assert.equal(accused.jurisdiction.acts.inside, 1);
  });

  it('complementarity per potential case: same person and substantially the same conduct (Kenya admissibility AC 2011), ne bis in idem (Art. 20(3))', () => {
    const s = base();
    const proceeding = (n: string, body: Record<string, unknown>) =>
      rec(ProceedingBody, 'prc', n, { country: 'VE', authority: 'Fiscalía', ...body });
    const a = analyseCase({
      ...s,
      proceedings: [
        // P2 prosecuted, but for another act: not the same conduct.
        proceeding('R1', { status: 'trial', personIds: [perId('P2')], actIds: [actId('A9')] }),
        // P1 acquitted for A1, in a trial flagged as shielding.
        proceeding('R2', {
          status: 'acquitted',
          personIds: [perId('P1')],
          actIds: [actId('A1')],
          indicators: ['shielding_purpose'],
        }),
      ],
    });
    const byPerson = new Map(a.admissibility.potentialCases.map((c) => [c.personId, c]));
    assert.equal(byPerson.get(perId('P2'))?.status, 'proceedings-other-conduct');
    assert.equal(byPerson.get(perId('P1'))?.status, 'tried');
    assert.equal(byPerson.get(perId('P1'))?.unwillingness, true);
  });
});

describe('wording that must not overstate (EoC General Introduction ¶3; OTP Reg. 29(2))', () => {
  it('"systematic" is not made out by a common method alone: beating across states and years does not count (Katanga TJ 2014; Ntaganda TJ 2019)', () => {
    const s = base();
    const a = analyseCase({
      ...s,
      places: [
        ...s.places,
        rec(PlaceBody, 'pla', 'L2', { name: 'Estado B', kind: 'state', stateCode: 'VE-B' }),
      ],
      events: [
        ...s.events,
        rec(EventBody, 'evt', 'E2', { title: 'Otro', date: fd('2019-01-01'), placeId: id('pla', 'L2') }),
      ],
      acts: [
        rec(ActBody, 'act', 'A1', {
          eventId: id('evt', 'E1'),
          victimId: perId('V1'),
          type: 'torture',
          methods: ['beating'],
        }),
        rec(ActBody, 'act', 'A2', {
          eventId: id('evt', 'E2'),
          victimId: perId('W1'),
          type: 'torture',
          methods: ['beating'],
        }),
      ],
      involvements: [],
    });
    const beating = a.indicators.systematic.features.find((f) => f.id === 'beating')!;
    assert.equal(beating.recurrent, true);
    assert.equal(a.indicators.systematic.recurrentShare, 0);
  });

  it('gravity counts crimes from incidents with evidence, and shows the act-type counts as "recorded" (OTP Reg. 29(2))', () => {
    const s = base();
    const a = analyseCase({
      ...s,
      acts: [rec(ActBody, 'act', 'A1', { eventId: id('evt', 'E1'), victimId: perId('V1'), type: 'killing' })],
    });
    assert.equal(a.gravity.nature.killings, 0);
    assert.equal(a.gravity.nature.killingsRecorded, 1);
    assert.deepEqual(a.gravity.nature.byCrime, []);
  });
});
