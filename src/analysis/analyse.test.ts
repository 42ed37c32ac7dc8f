/**
 * Golden tests of the Case Matrix derivation on a small hand-written case: statuses, counts,
 * grades and gaps, circular reporting, contradictions, chain of command at the act date,
 * jurisdiction before and after entry into force.
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
import type { CaseSnapshot, ElementFinding } from './types.js';

const id = fixedId;
const rec = snapshotRecord;
const SHA = 'a'.repeat(64);
const evidence = (n: string, sourceId: string | undefined, credibility?: string) =>
  rec(EvidenceBody, 'evi', n, {
    title: `Item ${n}`,
    kind: 'document',
    sha256: SHA,
    size: 1,
    mediaType: 'application/pdf',
    acquisition: { by: 'doc', at: '2018-01-01T00:00:00Z', method: 'received' },
    ...(sourceId ? { sourceId } : {}),
    ...(credibility ? { credibility } : {}),
  });
const srcId = (n: string) => id('src', n);
const perId = (n: string) => id('per', n);
const actId = (n: string) => id('act', n);
const link = (n: string, body: Record<string, unknown>) => rec(ElementLinkBody, 'elk', n, body);

function goldenCase(): CaseSnapshot {
  return {
    caseId: 'cas_0000000001',
    caseFile: CaseFileBody.parse({ title: 'Golden', country: 'VE', temporalScope: { from: '1999' } }),
    persons: [
      rec(PersonBody, 'per', 'V1', { givenNames: 'Ana', firstSurname: 'Uno', protection: 'protected' }),
      rec(PersonBody, 'per', 'V2', { givenNames: 'Beto', firstSurname: 'Dos', birthDate: fd('2000-03-01') }),
      rec(PersonBody, 'per', 'P1', { givenNames: 'Carlos', firstSurname: 'Jefe', protection: 'public' }),
      rec(PersonBody, 'per', 'P2', { givenNames: 'Dario', firstSurname: 'Agente', protection: 'public' }),
    ],
    units: [
      rec(UnitBody, 'uni', 'U0', { name: 'Ministerio', kind: 'ministry' }),
      rec(UnitBody, 'uni', 'U1', {
        name: 'Servicio',
        kind: 'intelligence_service',
        parents: [{ unitId: id('uni', 'U0'), from: fd('2014') }],
      }),
    ],
    memberships: [
      rec(MembershipBody, 'mem', 'M1', {
        personId: perId('P1'),
        unitId: id('uni', 'U0'),
        commander: true,
        position: 'Ministro',
        from: fd('2015-01'),
        to: fd('2019-12'),
      }),
      rec(MembershipBody, 'mem', 'M2', { personId: perId('P2'), unitId: id('uni', 'U1'), rank: 'Inspector' }),
    ],
    places: [
      rec(PlaceBody, 'pla', 'L1', { name: 'Estado A', kind: 'state', stateCode: 'VE-A' }),
      rec(PlaceBody, 'pla', 'L2', { name: 'Sede', kind: 'detention_site', parentId: id('pla', 'L1') }),
      rec(PlaceBody, 'pla', 'L3', { name: 'Estado B', kind: 'state', stateCode: 'VE-B' }),
    ],
    events: [
      rec(EventBody, 'evt', 'E1', { title: 'Arresto', date: fd('2017-05-10'), placeId: id('pla', 'L2') }),
      rec(EventBody, 'evt', 'E2', { title: 'Antes', date: fd('2001-06-01'), placeId: id('pla', 'L3') }),
    ],
    acts: [
      rec(ActBody, 'act', 'A1', {
        eventId: id('evt', 'E1'),
        victimId: perId('V1'),
        type: 'torture',
        methods: ['beating', 'electric_shock'],
      }),
      rec(ActBody, 'act', 'A2', {
        eventId: id('evt', 'E1'),
        victimId: perId('V1'),
        type: 'arbitrary_detention',
      }),
      rec(ActBody, 'act', 'A3', {
        eventId: id('evt', 'E2'),
        victimId: perId('V2'),
        type: 'torture',
        methods: ['beating'],
      }),
    ],
    involvements: [
      rec(InvolvementBody, 'inv', 'I1', {
        actId: actId('A1'),
        personId: perId('P2'),
        degree: 'directly_carried_out',
      }),
      rec(InvolvementBody, 'inv', 'I2', {
        actId: actId('A1'),
        unitId: id('uni', 'U1'),
        degree: 'directly_carried_out',
      }),
      rec(InvolvementBody, 'inv', 'I3', {
        actId: actId('A2'),
        unitId: id('uni', 'U1'),
        degree: 'directly_carried_out',
      }),
    ],
    detentions: [
      rec(DetentionPeriodBody, 'det', 'D1', {
        personId: perId('V1'),
        status: 'detained',
        from: fd('2017-05-10'),
        to: fd('2017-09-01'),
        placeId: id('pla', 'L2'),
        actId: actId('A2'),
      }),
    ],
    sources: [
      rec(SourceBody, 'src', 'S1', { name: 'Víctima', kind: 'person', reliability: 'B' }),
      rec(SourceBody, 'src', 'S2', { name: 'Testigo', kind: 'person', reliability: 'C' }),
      rec(SourceBody, 'src', 'S3', {
        name: 'Diario',
        kind: 'media',
        reliability: 'B',
        independenceGroup: 'boletin-ong',
      }),
      rec(SourceBody, 'src', 'S4', {
        name: 'Radio',
        kind: 'media',
        reliability: 'A',
        independenceGroup: 'boletin-ong',
      }),
      rec(SourceBody, 'src', 'S5', { name: 'Registro oficial', kind: 'official', reliability: 'D' }),
      rec(SourceBody, 'src', 'S6', { name: 'ONG', kind: 'ngo', reliability: 'B' }),
    ],
    testimonies: [
      rec(TestimonyBody, 'tes', 'T1', {
        title: 'T1',
        sourceId: srcId('S1'),
        witnessId: perId('V1'),
        statement: 'x',
        language: 'es',
        consent: 'courts',
        credibility: '2',
        supports: { actIds: [actId('A1'), actId('A2')] },
      }),
      rec(TestimonyBody, 'tes', 'T2', {
        title: 'T2',
        sourceId: srcId('S2'),
        statement: 'y',
        language: 'es',
        consent: 'public',
        credibility: '3',
        supports: { eventIds: [id('evt', 'E1')] },
      }),
    ],
    evidence: [
      evidence('EV1', srcId('S3'), '2'),
      evidence('EV2', srcId('S4'), '2'),
      evidence('EV3', srcId('S5'), '4'),
      evidence('EV4', srcId('S6'), '5'),
      evidence('EV5', srcId('S6'), '2'),
    ],
    informationItems: [],
    hearings: [],
    elementLinks: [
      // Torture E1 on A1: two independent qualifying groups (B2 victim, C3 witness) → corroborated B2.
      link('L01', { elementId: 'CAH.7-1-f.E1', actId: actId('A1'), testimonyId: id('tes', 'T1') }),
      link('L02', { elementId: 'CAH.7-1-f.E1', actId: actId('A1'), testimonyId: id('tes', 'T2') }),
      // Torture E2 on A1: two outlets relaying one NGO bulletin → one group (circular reporting).
      link('L03', { elementId: 'CAH.7-1-f.E2', actId: actId('A1'), evidenceId: id('evi', 'EV1') }),
      link('L04', { elementId: 'CAH.7-1-f.E2', actId: actId('A1'), evidenceId: id('evi', 'EV2') }),
      // Imprisonment E1 on A2: supported by the victim, contradicted by the official record → contested.
      link('L05', { elementId: 'CAH.7-1-e.E1', actId: actId('A2'), testimonyId: id('tes', 'T1') }),
      link('L06', {
        elementId: 'CAH.7-1-e.E1',
        actId: actId('A2'),
        evidenceId: id('evi', 'EV3'),
        stance: 'contradicts',
      }),
      // Imprisonment E2 on A2 (event-level link applies to both acts): one qualifying + one below threshold.
      link('L07', { elementId: 'CAH.7-1-e.E2', actId: actId('A2'), testimonyId: id('tes', 'T1') }),
      link('L08', { elementId: 'CAH.7-1-e.E2', eventId: id('evt', 'E1'), evidenceId: id('evi', 'EV4') }),
      // Nexus on A1, via an explicit origin: two items from different sources said to share one origin.
      link('L09', {
        elementId: 'CTX.nexus',
        actId: actId('A1'),
        evidenceId: id('evi', 'EV5'),
        origin: 'Informe X',
      }),
      link('L10', {
        elementId: 'CTX.nexus',
        actId: actId('A1'),
        testimonyId: id('tes', 'T2'),
        origin: 'informe x',
      }),
      // Context: policy.
      link('L11', { elementId: 'CTX.policy', evidenceId: id('evi', 'EV5') }),
      // Superior responsibility of P1: effective control, one witness.
      link('L12', { elementId: 'ICC.28-b.E1', suspectId: perId('P1'), testimonyId: id('tes', 'T2') }),
    ],
    proceedings: [
      rec(ProceedingBody, 'prc', 'R1', {
        country: 'VE',
        authority: 'Fiscalía',
        status: 'investigation',
        actIds: [actId('A1')],
        indicators: ['unjustified_delay'],
      }),
    ],
  };
}

const pick = (fs: readonly ElementFinding[], elementId: string) => {
  const f = fs.find((x) => x.elementId === elementId);
  assert.ok(f, `finding for ${elementId}`);
  return f;
};

describe('case matrix (golden)', () => {
  const a = analyseCase(goldenCase());
  const torture = a.crimes.find((c) => c.crimeId === 'CAH.7-1-f')!;
  const prison = a.crimes.find((c) => c.crimeId === 'CAH.7-1-e')!;
  const a1 = torture.incidents.find((i) => i.actId === id('act', 'A1'))!;
  const a2 = prison.incidents.find((i) => i.actId === id('act', 'A2'))!;

  it('lists the crimes the acts may constitute, with their incidents', () => {
    assert.deepEqual(
      a.crimes.map((c) => c.crimeId),
      // Every act is also a persecution candidate (Art. 7(1)(h); OAS panel 2018).
      ['CAH.7-1-e', 'CAH.7-1-f', 'CAH.7-1-h'],
    );
    assert.deepEqual(
      torture.incidents.map((i) => i.actId),
      [id('act', 'A1'), id('act', 'A3')],
    );
    assert.equal(torture.victims, 2);
  });

  it('two independent qualifying sources corroborate; the grade is the best of each scale', () => {
    const e1 = pick(a1.elements, 'CAH.7-1-f.E1');
    assert.equal(e1.status, 'corroborated');
    assert.equal(e1.corroboration, 2);
    assert.equal(e1.grade, 'B2');
    assert.deepEqual(e1.gaps, []);
  });

  it('two items relayed from one origin count once (circular reporting)', () => {
    const e2 = pick(a1.elements, 'CAH.7-1-f.E2');
    assert.equal(e2.items.length, 2);
    assert.equal(e2.supportingGroups, 1);
    assert.equal(e2.corroboration, 1);
    assert.equal(e2.status, 'single-source');
    assert.equal(e2.grade, 'A2');
    assert.deepEqual(e2.gaps, [{ code: 'needs-corroboration', have: 1, need: 2 }]);
    // An explicit origin on the links merges otherwise independent sources too (case-insensitive).
    const nexus = pick(a1.elements, 'CTX.nexus');
    assert.equal(nexus.supportingGroups, 1);
    assert.equal(nexus.status, 'single-source');
  });

  it('an element with no link is a gap naming the means of proof', () => {
    const e3 = pick(a1.elements, 'CAH.7-1-f.E3');
    assert.equal(e3.status, 'no-evidence');
    assert.equal(e3.grade, '');
    assert.equal(e3.gaps[0]?.code, 'no-evidence');
    assert.equal(a1.allCorroborated, false);
  });

  it('a contradiction makes the element contested and is counted, not netted out', () => {
    const e1 = pick(a2.elements, 'CAH.7-1-e.E1');
    assert.equal(e1.status, 'contested');
    assert.equal(e1.contradictions, 1);
    assert.equal(e1.corroboration, 1);
    assert.ok(e1.gaps.some((g) => g.code === 'contradicted'));
    assert.deepEqual(
      e1.items.map((i) => [i.itemId, i.stance, i.grade, i.qualifies]),
      [
        [id('evi', 'EV3'), 'contradicts', 'D4', false],
        [id('tes', 'T1'), 'supports', 'B2', true],
      ],
    );
  });

  it('items below the thresholds are shown but do not corroborate; event-level links reach the act', () => {
    const e2 = pick(a2.elements, 'CAH.7-1-e.E2');
    assert.equal(e2.supportingGroups, 2);
    assert.equal(e2.corroboration, 1);
    assert.equal(e2.status, 'single-source');
    assert.equal(e2.grade, 'B2');
  });

  it('summarises each element over incidents and lists items linked to no element', () => {
    const s = torture.elementSummary.find((x) => x.elementId === 'CAH.7-1-f.E1')!;
    assert.deepEqual(s.incidents, { 'no-evidence': 1, 'single-source': 0, corroborated: 1, contested: 0 });
    assert.equal(s.bestGrade, 'B2');
    assert.deepEqual(s.itemIds, [id('tes', 'T1'), id('tes', 'T2')]);
    assert.equal(torture.incidentsAllCorroborated, 0);
    // T1 and T2 support A1 and are linked; nothing left over there. A3 has no supporters at all.
    assert.deepEqual(a1.unlinkedItems, []);
  });

  it('derives the context elements from context-scope links only', () => {
    assert.equal(pick(a.indicators.context, 'CTX.policy').status, 'single-source');
    assert.equal(pick(a.indicators.context, 'CTX.attack').status, 'no-evidence');
  });

  it('attributes acts directly and through the chain of command at the act date', () => {
    const p1 = a.suspects.find((s) => s.personId === id('per', 'P1'))!;
    const p2 = a.suspects.find((s) => s.personId === id('per', 'P2'))!;
    assert.deepEqual(p2.modes, ['ICC.25-3-a']);
    assert.deepEqual(
      p2.acts.map((x) => [x.actId, x.via]),
      [[id('act', 'A1'), 'direct']],
    );
    assert.deepEqual(
      p1.acts.map((x) => [x.actId, x.via, x.unitChain]),
      [
        [id('act', 'A1'), 'command', [id('uni', 'U1'), id('uni', 'U0')]],
        [id('act', 'A2'), 'command', [id('uni', 'U1'), id('uni', 'U0')]],
      ],
    );
    assert.deepEqual(p1.modes, ['ICC.28-b']);
    assert.equal(pick(p1.elements, 'ICC.28-b.E1').status, 'single-source');
    assert.equal(p1.positions[0]?.position, 'Ministro');
  });

  it('no command attribution outside the commander’s period', () => {
    const s = goldenCase();
    const moved = {
      ...s,
      memberships: s.memberships.map((m) =>
        m.id === id('mem', 'M1') ? { ...m, body: { ...m.body, to: fd('2016-12') } } : m,
      ),
    } as CaseSnapshot;
    const p1 = analyseCase(moved).suspects.find((x) => x.personId === id('per', 'P1'));
    assert.equal(p1?.acts.length ?? 0, 0);
  });

  it('acts before the entry into force are outside jurisdiction and listed', () => {
    assert.equal(a.jurisdiction.entryIntoForce, '2002-07-01');
    assert.deepEqual(a.jurisdiction.acts, { inside: 2, outside: 1, uncertain: 0 });
    assert.deepEqual(a.jurisdiction.outside, [
      { actId: id('act', 'A3'), reason: 'before-entry-into-force', date: '2001-06-01' },
    ]);
  });

  it('summarises admissibility and gravity from the data', () => {
    assert.equal(a.admissibility.proceedings.length, 1);
    assert.equal(a.admissibility.actsWithoutProceedings, 1); // A2 (A3 is outside jurisdiction)
    assert.deepEqual(a.admissibility.indicators, [{ key: 'unjustified_delay', count: 1 }]);
    assert.equal(a.gravity.scale.victims, 2);
    assert.equal(a.gravity.nature.childVictims, 1); // V2, born 2000, tortured 2001
    assert.deepEqual(a.gravity.manner.byMethod[0], { key: 'beating', count: 2 });
    assert.equal(a.gravity.impact.detainedPersons, 1);
  });

  it('measures recurrence and counts political prisoners from detention periods', () => {
    const beating = a.indicators.systematic.features.find(
      (f) => f.feature === 'method' && f.id === 'beating',
    )!;
    assert.deepEqual([beating.acts, beating.states, beating.periods, beating.recurrent], [2, 2, 2, true]);
    // A recurring method alone does not count towards "systematic" (Katanga TJ 2014).
    assert.equal(a.indicators.systematic.recurrentShare, 0);
    const june = a.indicators.politicalPrisoners.series.find((p) => p.day === '2017-06-01')!;
    assert.equal(june.certain, 1);
    assert.equal(a.indicators.politicalPrisoners.peak?.certain, 1);
    assert.equal(a.indicators.widespread.documentedVictims, 2);
    assert.equal(a.indicators.widespread.states, 2);
  });

  it('is deterministic: same snapshot, same analysis and inputs hash', () => {
    assert.deepEqual(analyseCase(goldenCase()), a);
  });
});

describe('thresholds', () => {
  it('come from the case file when set, and change the derived status', () => {
    const s = goldenCase();
    const strict = analyseCase({
      ...s,
      caseFile: {
        ...s.caseFile,
        thresholds: { minIndependentSources: 3, minReliability: 'B', maxCredibility: 2 },
      },
    });
    const a1 = strict.crimes.find((c) => c.crimeId === 'CAH.7-1-f')!.incidents[0]!;
    const e1 = pick(a1.elements, 'CAH.7-1-f.E1');
    // The witness (C3) no longer counts; one qualifying group of three needed.
    assert.equal(e1.corroboration, 1);
    assert.equal(e1.status, 'single-source');
    assert.equal(strict.thresholds.minIndependentSources, 3);
  });
});
