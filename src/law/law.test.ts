import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACT_TYPES, INVOLVEMENT_DEGREES } from '../domain/vocabularies.js';
import {
  ACT_TYPE_CRIMES,
  ATTEMPT_ACT_TYPES,
  allElementsOfCrime,
  CONTEXT_ELEMENTS,
  CRIMES,
  crimeById,
  crimesForActType,
  DEGREE_TO_MODES,
  elementById,
  entryIntoForce,
  isStatePartyOn,
  type LawElement,
  LIABILITY_MODES,
  oasStatesParties,
  PERSECUTION_CRIME,
  POLICY_DEGREES,
  STATES_PARTIES,
  SUCCESSIONS,
  stateParty,
} from './index.js';

const CONTEXT_IDS = [
  'CTX.attack',
  'CTX.civilian',
  'CTX.widespread-systematic',
  'CTX.policy',
  'CTX.nexus',
  'CTX.knowledge',
];

const allElements = (): LawElement[] => [
  ...CONTEXT_ELEMENTS,
  ...CRIMES.flatMap((c) => c.elements),
  ...LIABILITY_MODES.flatMap((m) => m.elements),
];

describe('law: elements', () => {
  it('has the six contextual elements with their scopes', () => {
    assert.deepEqual(
      CONTEXT_ELEMENTS.map((e) => e.id),
      CONTEXT_IDS,
    );
    const scope = Object.fromEntries(CONTEXT_ELEMENTS.map((e) => [e.id, e.scope]));
    assert.equal(scope['CTX.attack'], 'context');
    assert.equal(scope['CTX.policy'], 'context');
    assert.equal(scope['CTX.nexus'], 'incident');
    assert.equal(scope['CTX.knowledge'], 'suspect');
  });

  it('lists the sixteen Art. 7(1) crimes, each with elements numbered E1… and every context ref', () => {
    assert.equal(CRIMES.length, 16);
    for (const letter of ['a', 'b', 'c', 'd', 'e', 'f', 'h', 'i', 'j', 'k', 'g-1', 'g-6'])
      assert.ok(crimeById(`CAH.7-1-${letter}`), letter);
    for (const c of CRIMES) {
      assert.ok(c.elements.length >= 1, c.id);
      for (const [i, e] of c.elements.entries()) assert.equal(e.id, `${c.id}.E${i + 1}`);
      assert.deepEqual(c.contextRefs, CONTEXT_IDS, c.id);
    }
    assert.equal(crimeById('CAH.7-1-f')?.article, '7(1)(f)');
    assert.equal(crimeById('CAH.7-1-g-1')?.article, '7(1)(g)-1');
    assert.equal(crimeById('CAH.7-1-i')?.elements.length, 6);
    assert.equal(elementById('CAH.7-1-f.E2')?.ref, 'EoC 7(1)(f), el. 2');
  });

  it('scopes mental elements to the suspect and the rest of a crime to the incident', () => {
    for (const c of CRIMES)
      for (const e of c.elements) assert.equal(e.scope, e.kind === 'mental' ? 'suspect' : 'incident', e.id);
    assert.equal(elementById('CAH.7-1-i.E6')?.scope, 'suspect');
    assert.equal(elementById('CAH.7-1-f.E2')?.scope, 'incident');
  });

  it('has the modes of liability incl. attempt (Art. 25(3)(f)), all about the suspect, Art. 28(a) with four elements', () => {
    assert.deepEqual(
      LIABILITY_MODES.map((m) => m.id),
      ['ICC.25-3-a', 'ICC.25-3-b', 'ICC.25-3-c', 'ICC.25-3-d', 'ICC.25-3-f', 'ICC.28-a', 'ICC.28-b'],
    );
    assert.equal(LIABILITY_MODES.find((m) => m.id === 'ICC.28-a')?.elements.length, 4);
    for (const m of LIABILITY_MODES) {
      assert.ok(m.elements.length >= 1, m.id);
      m.elements.forEach((e, i) => {
        assert.equal(e.id, `${m.id}.E${i + 1}`);
        assert.equal(e.scope, 'suspect', e.id);
      });
    }
  });

  it('gives every element a unique id that elementById finds', () => {
    const ids = allElements().map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.equal(elementById(id)?.id, id);
    assert.equal(elementById('CAH.7-1-z.E1'), undefined);
    const crimeIds = CRIMES.map((c) => c.id);
    assert.equal(new Set(crimeIds).size, crimeIds.length);
  });

  it('has Spanish and English text, ref and means of proof for every element and label', () => {
    const all = allElements();
    let differing = 0;
    for (const e of all) {
      assert.ok(e.text.es.trim() && e.text.en.trim(), e.id);
      assert.ok(e.ref.trim(), e.id);
      assert.ok(e.meansOfProof.length >= 1, e.id);
      for (const p of e.meansOfProof) assert.match(p, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${e.id}: ${p}`);
      if (e.text.es !== e.text.en) differing++;
    }
    assert.ok(differing >= all.length * 0.9, `${differing}/${all.length} texts differ between es and en`);
    for (const x of [...CRIMES, ...LIABILITY_MODES]) assert.ok(x.label.es.trim() && x.label.en.trim(), x.id);
  });

  it('lists a crime’s own elements before its context elements', () => {
    const torture = crimeById('CAH.7-1-f')!;
    assert.deepEqual(
      allElementsOfCrime(torture).map((e) => e.id),
      ['CAH.7-1-f.E1', 'CAH.7-1-f.E2', 'CAH.7-1-f.E3', ...CONTEXT_IDS],
    );
  });
});

describe('law: act types → crimes', () => {
  it('maps every act type to at least one existing crime, and names only known act types', () => {
    for (const code of ACT_TYPES.codes) {
      const ids = ACT_TYPE_CRIMES[code];
      assert.ok(ids && ids.length >= 1, `act type ${code} has no crime`);
      for (const id of ids) assert.ok(crimeById(id), `${code} → unknown crime ${id}`);
      assert.equal(crimesForActType(code).length, ids.length);
    }
    for (const code of Object.keys(ACT_TYPE_CRIMES))
      assert.ok(ACT_TYPES.has(code), `unknown act type ${code}`);
  });

  it('maps the Venezuelan patterns as docs/LEGAL-MODEL.md §1 says', () => {
    const ids = (code: string) => crimesForActType(code).map((c) => c.id);
    assert.deepEqual(ids('extrajudicial_execution'), ['CAH.7-1-a']);
    assert.deepEqual(ids('massacre'), ['CAH.7-1-a', 'CAH.7-1-b']);
    assert.deepEqual(ids('torture'), ['CAH.7-1-f']);
    assert.ok(ids('enforced_disappearance').includes('CAH.7-1-i'));
    assert.ok(ids('enforced_disappearance').includes('CAH.7-1-e'));
    assert.deepEqual(ids('arbitrary_detention'), ['CAH.7-1-e']);
    assert.deepEqual(ids('violation_of_expression'), [PERSECUTION_CRIME]);
    assert.deepEqual(crimesForActType('no_such_act'), []);
    assert.ok(crimeById(PERSECUTION_CRIME));
  });
});

describe('law: degrees of involvement → modes', () => {
  it('covers every degree and names only existing modes', () => {
    const modes = new Set(LIABILITY_MODES.map((m) => m.id));
    for (const code of INVOLVEMENT_DEGREES.codes) {
      const targets = DEGREE_TO_MODES[code];
      assert.ok(targets, `degree ${code} missing`);
      for (const t of targets) assert.ok(modes.has(t), `${code} → unknown mode ${t}`);
    }
    for (const code of Object.keys(DEGREE_TO_MODES)) assert.ok(INVOLVEMENT_DEGREES.has(code), code);
    assert.deepEqual(DEGREE_TO_MODES.gave_orders, ['ICC.25-3-b']);
    assert.deepEqual(DEGREE_TO_MODES.failed_to_prevent, ['ICC.28-a', 'ICC.28-b']);
    assert.deepEqual(DEGREE_TO_MODES.suspected, []);
  });

  it('marks the policy degrees', () => {
    assert.deepEqual([...POLICY_DEGREES].sort(), [
      'authored_policy',
      'implemented_policy',
      'supported_policy',
    ]);
    for (const d of POLICY_DEGREES) assert.ok(INVOLVEMENT_DEGREES.has(d), d);
  });
});

/** Art. 126: 1 July 2002 for the first sixty; else the 1st of the month after the 60th day. */
function expectedEntryIntoForce(deposit: string): string {
  const d = new Date(`${deposit}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 60);
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return next < '2002-07-01' ? '2002-07-01' : next;
}

describe('law: States Parties', () => {
  it('has at least 120 rows with unique, well-formed ISO codes and dates', () => {
    assert.ok(STATES_PARTIES.length >= 120, `${STATES_PARTIES.length} rows`);
    const codes = STATES_PARTIES.map((s) => s.iso2);
    assert.equal(new Set(codes).size, codes.length);
    const day = /^\d{4}-\d{2}-\d{2}$/;
    for (const s of STATES_PARTIES) {
      assert.match(s.iso2, /^[A-Z]{2}$/);
      assert.match(s.deposit, day, s.iso2);
      assert.match(s.entryIntoForce, day, s.iso2);
      assert.ok(s.name.es.trim() && s.name.en.trim(), s.iso2);
    }
    // 125 parties now; Burundi and the Philippines kept with their withdrawal.
    assert.equal(STATES_PARTIES.filter((s) => !s.withdrawalEffective).length, 125);
  });

  it('has entry-into-force dates that follow Art. 126 from the deposit date', () => {
    for (const s of STATES_PARTIES) {
      if (SUCCESSIONS.has(s.iso2)) continue;
      assert.equal(s.entryIntoForce, expectedEntryIntoForce(s.deposit), `${s.iso2} deposited ${s.deposit}`);
    }
    // The rule itself, on known cases: the 60th instrument, Japan, Ukraine, Albania (60th day = 1 Apr).
    assert.equal(expectedEntryIntoForce('2002-04-11'), '2002-07-01');
    assert.equal(expectedEntryIntoForce('2007-07-17'), '2007-10-01');
    assert.equal(expectedEntryIntoForce('2024-10-25'), '2025-01-01');
    assert.equal(expectedEntryIntoForce('2003-01-31'), '2003-05-01');
    assert.equal(stateParty('ME')?.entryIntoForce, '2006-06-03');
  });

  it('has Venezuela: ratified 7 June 2000, in force 1 July 2002, OAS member', () => {
    const ve = stateParty('ve');
    assert.equal(ve?.deposit, '2000-06-07');
    assert.equal(ve?.instrument, 'ratification');
    assert.equal(ve?.entryIntoForce, '2002-07-01');
    assert.equal(ve?.oas, true);
    assert.equal(entryIntoForce('VE'), '2002-07-01');
    assert.equal(isStatePartyOn('VE', '2002-06-30'), false);
    assert.equal(isStatePartyOn('VE', '2002-07-01'), true);
    assert.equal(isStatePartyOn('VE', '2017-04-10T15:00:00Z'), true);
  });

  it('counts Burundi as a party only until its withdrawal took effect', () => {
    assert.equal(stateParty('BI')?.withdrawalEffective, '2017-10-27');
    assert.equal(isStatePartyOn('BI', '2004-11-30'), false);
    assert.equal(isStatePartyOn('BI', '2015-04-26'), true);
    assert.equal(isStatePartyOn('BI', '2017-10-26'), true);
    assert.equal(isStatePartyOn('BI', '2017-10-27'), false);
    assert.equal(isStatePartyOn('PH', '2019-03-17'), false);
    assert.equal(isStatePartyOn('PH', '2016-06-30'), true);
  });

  it('answers no for non-parties and rejects a malformed date', () => {
    assert.equal(stateParty('US'), undefined);
    assert.equal(entryIntoForce('US'), undefined);
    assert.equal(isStatePartyOn('US', '2020-01-01'), false);
    assert.equal(isStatePartyOn('UA', '2024-12-31'), false);
    assert.equal(isStatePartyOn('UA', '2025-01-01'), true);
    assert.throws(() => isStatePartyOn('VE', '2017'), /YYYY-MM-DD/);
  });

  it('flags the 29 OAS members that are parties', () => {
    const oas = oasStatesParties().map((s) => s.iso2);
    assert.equal(oas.length, 29);
    for (const iso of ['AR', 'BR', 'CA', 'CL', 'CO', 'CR', 'PE', 'PY', 'VE', 'GT', 'MX'])
      assert.ok(oas.includes(iso), iso);
    assert.ok(!oas.includes('ES'));
  });
});

/** Golden tests of the corrections of issue 22: each names the source it follows. */
describe('law: corrections against the Statute, the Elements and the case law', () => {
  const text = (id: string) => elementById(id)!.text;

  it('25(3)(b) mental element is Art. 30(2) "ordinary course of events", not the ICTY "substantial likelihood" (Lubanga AC 2014; Bemba PTC II 2009)', () => {
    const e = text('ICC.25-3-b.E4');
    assert.match(e.en, /ordinary course of events/);
    assert.match(e.es, /curso normal de los acontecimientos/);
    assert.doesNotMatch(e.en, /aware of the substantial likelihood/);
    assert.match(elementById('ICC.25-3-b.E4')!.ref, /Art\. 30\(2\)/);
  });

  it('authored or supported policy points to 25(3)(a) indirect co-perpetration, (b)/(c) and (d) (Katanga/Ngudjolo PTC 2008; Art. 25(3))', () => {
    assert.deepEqual(DEGREE_TO_MODES.authored_policy, ['ICC.25-3-a', 'ICC.25-3-b', 'ICC.25-3-d']);
    assert.deepEqual(DEGREE_TO_MODES.supported_policy, ['ICC.25-3-a', 'ICC.25-3-c', 'ICC.25-3-d']);
    assert.match(LIABILITY_MODES[0]!.label.en, /indirect co-perpetration/);
    assert.deepEqual(DEGREE_TO_MODES.political_responsibility, []);
  });

  it('attempt is modelled (Art. 25(3)(f); Ntaganda TJ 2019 attempted murder): attempted killing → murder, attempted rape → rape, marked as attempts', () => {
    assert.ok(ACT_TYPE_CRIMES.attempted_killing!.includes('CAH.7-1-a'));
    assert.ok(ACT_TYPE_CRIMES.attempted_rape!.includes('CAH.7-1-g-1'));
    assert.deepEqual([...ATTEMPT_ACT_TYPES].sort(), ['attempted_killing', 'attempted_rape']);
    const attempt = LIABILITY_MODES.find((m) => m.id === 'ICC.25-3-f')!;
    assert.match(attempt.elements[0]!.text.en, /substantial step/);
    assert.match(attempt.elements[1]!.text.en, /independent of the perpetrator/);
  });

  it('incommunicado detention is a 7(1)(i) candidate (EoC 7(1)(i) el. 1–2)', () => {
    assert.ok(ACT_TYPE_CRIMES.incommunicado_detention!.includes('CAH.7-1-i'));
  });

  it('threats are torture candidates as well as 7(1)(k) (EoC 7(1)(f) el. 1: severe mental suffering, no purpose required)', () => {
    for (const t of ['threats', 'death_threats']) {
      assert.ok(ACT_TYPE_CRIMES[t]!.includes('CAH.7-1-f'), t);
      assert.ok(ACT_TYPE_CRIMES[t]!.includes('CAH.7-1-k'), t);
    }
  });

  it('coercion covers threats "against such person or another person" (EoC 7(1)(g)-1 el. 2)', () => {
    for (const id of ['CAH.7-1-g-1.E2', 'CAH.7-1-g-3.E1', 'CAH.7-1-g-6.E1']) {
      assert.match(text(id).en, /against such person or another person/, id);
      assert.match(text(id).es, /contra esa u otra persona/, id);
    }
  });

  it('enslavement says forced labour only "in some circumstances" (EoC 7(1)(c) el. 1 and fn. 11)', () => {
    const e = text('CAH.7-1-c.E1');
    assert.match(e.en, /fn\. 11/);
    assert.match(e.en, /in some circumstances include exacting forced labour/);
    assert.doesNotMatch(e.en, /including trafficking and forced labour/);
  });

  it('25(3)(d) "significant" contribution is shown as contested (Mbarushimana PTC 2011 v. Katanga TJ 2014)', () => {
    const e = elementById('ICC.25-3-d.E2')!;
    assert.match(e.ref, /Katanga TJ 2014/);
    assert.match(e.text.en, /contested/);
    assert.doesNotMatch(e.text.en, /\(significantly\)/);
  });

  it('25(3)(c) includes the aider’s awareness of the principal’s crime and intent (Bemba et al. AC 2018)', () => {
    const c = LIABILITY_MODES.find((m) => m.id === 'ICC.25-3-c')!;
    assert.equal(c.elements.length, 4);
    assert.match(c.elements[3]!.text.en, /aware that the principal would commit/);
    assert.match(c.label.es, /encubridor/); // the footnote on the official Spanish text
  });

  it('impunity alone does not prove the policy (EoC Introduction to Art. 7, fn. 6)', () => {
    const p = elementById('CTX.policy')!;
    assert.match(
      p.text.en,
      /cannot be inferred solely from the absence of governmental or organizational action/,
    );
    assert.ok(!p.meansOfProof.includes('impunity'));
  });

  it('context definitions cite the case law they come from (Katanga TJ 2014; Ntaganda TJ 2019; Kenya PTC II 2010)', () => {
    assert.match(elementById('CTX.widespread-systematic')!.ref, /Katanga TJ 2014/);
    assert.match(elementById('CTX.civilian')!.ref, /Bemba/);
  });

  it('marks Venezuela’s OAS membership as contested (OAS Charter Art. 143 denunciation, 28 April 2017)', () => {
    assert.match(stateParty('VE')!.oasContested!.en, /28 April 2017/);
    assert.equal(stateParty('AR')!.oasContested, undefined);
  });
});
