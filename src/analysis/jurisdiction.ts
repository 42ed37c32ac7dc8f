/**
 * Preconditions and admissibility: every act checked against the Statute's entry into force for
 * the State concerned (Art. 11, 126) and territory or nationality (Art. 12(2)); national
 * proceedings summarised for complementarity (Art. 17); gravity by its four factors (OTP Reg. 29(2)).
 */
import { bounds, earliestDay, latestDay } from '../domain/dates.js';
import { PERPETRATOR_TYPES } from '../domain/vocabularies.js';
import { ACT_TYPE_CRIMES, DEGREE_TO_MODES, entryIntoForce, stateParty } from '../law/index.js';
import { countBy, type Facts } from './facts.js';
import type {
  AdmissibilityFindings,
  CaseSnapshot,
  CrimeFindings,
  GravityFindings,
  Indicators,
  JurisdictionFindings,
  SuspectFindings,
} from './types.js';

export function jurisdictionFindings(s: CaseSnapshot, facts: Facts): JurisdictionFindings {
  const country = s.caseFile.country;
  const tableEntry = entryIntoForce(country);
  const eif = s.caseFile.jurisdiction?.entryIntoForce ?? tableEntry;
  const scopeFrom = s.caseFile.temporalScope?.from;
  const scopeTo = s.caseFile.temporalScope?.to;
  const nationalities = new Map(s.persons.map((p) => [p.id, p.body.nationalities]));
  const outside: JurisdictionFindings['outside'][number][] = [];
  const uncertain: JurisdictionFindings['uncertain'][number][] = [];
  let inside = 0;
  for (const a of facts.acts) {
    const id = a.act.id;
    const range = a.dayRange;
    // An act with no date cannot be placed before or after the entry into force: its status is
    // unknown, not "outside" (Art. 11 is a question of fact still open).
    if (!range) {
      uncertain.push({ actId: id, reason: 'no-date' });
      continue;
    }
    const [lo, hi] = range;
    const date = lo;
    // Bases (Art. 12(2)): (a) the territory where the act occurred, (b) the nationality of the
    // person accused — a perpetrator whose involvement points to a mode of liability, not anyone
    // merely present or suspected. Each is open from the entry into force for that State until any
    // withdrawal. An act with no known place has no territorial basis: the case country is not
    // assumed.
    const windows: [string, string][] = [];
    const addBasis = (iso: string) => {
      const sp = stateParty(iso);
      const from = iso === country ? eif : sp?.entryIntoForce;
      if (from) windows.push([from, sp?.withdrawalEffective ?? '9999-12-31']);
    };
    if (a.country) addBasis(a.country);
    for (const i of a.involvements)
      if (i.body.personId && (DEGREE_TO_MODES[i.body.degree] ?? []).length > 0)
        for (const n of nationalities.get(i.body.personId) ?? []) addBasis(n);
    if (windows.length === 0) {
      if (!a.country) uncertain.push({ actId: id, reason: 'no-place', date });
      else outside.push({ actId: id, reason: 'not-state-party-territory', date });
      continue;
    }
    if ((scopeFrom && hi < earliestDay(scopeFrom)) || (scopeTo && lo > latestDay(scopeTo))) {
      outside.push({ actId: id, reason: 'outside-temporal-scope', date });
      continue;
    }
    const surely = windows.some(([f, w]) => f <= lo && hi < w);
    const possibly = windows.some(([f, w]) => f <= hi && lo < w);
    if (!possibly) {
      outside.push({ actId: id, reason: 'before-entry-into-force', date });
      continue;
    }
    if (!surely) {
      uncertain.push({ actId: id, reason: 'date-straddles-entry-into-force', date });
      continue;
    }
    inside++;
  }
  return {
    country,
    ...(eif ? { entryIntoForce: eif } : {}),
    statePartyTable: tableEntry !== undefined,
    acts: { inside, outside: outside.length, uncertain: uncertain.length },
    outside,
    uncertain,
  };
}

export function admissibilityFindings(
  s: CaseSnapshot,
  jurisdiction: JurisdictionFindings,
  facts: Facts,
  suspects: readonly SuspectFindings[],
): AdmissibilityFindings {
  const excluded = new Set(jurisdiction.outside.map((o) => o.actId));
  const coveredActs = new Set(s.proceedings.flatMap((p) => p.body.actIds));
  const coveredPersons = new Set(s.proceedings.flatMap((p) => p.body.personIds));
  return {
    potentialCases: potentialCases(s, excluded, suspects),
    proceedings: s.proceedings.map((p) => ({
      id: p.id,
      country: p.body.country,
      authority: p.body.authority,
      status: p.body.status,
      acts: p.body.actIds.length,
      persons: p.body.personIds.length,
      indicators: p.body.indicators,
    })),
    actsWithoutProceedings: facts.acts.filter((a) => !excluded.has(a.act.id) && !coveredActs.has(a.act.id))
      .length,
    suspectsWithoutProceedings: suspects.filter((x) => !coveredPersons.has(x.personId)).length,
    indicators: countBy(
      s.proceedings.flatMap((p) => p.body.indicators),
      (x) => x,
    ),
  };
}

/** Indicators that the national proceedings were not genuine (Art. 17(2), 20(3)(a)–(b)). */
const UNWILLING: ReadonlySet<string> = new Set([
  'shielding_purpose',
  'unjustified_delay',
  'lack_of_independence',
  'inconsistent_with_intent_to_bring_to_justice',
]);
const UNABLE: ReadonlySet<string> = new Set([
  'judicial_system_collapse',
  'unable_to_obtain_accused_or_evidence',
]);
const ACTIVE = new Set(['preliminary_inquiry', 'investigation', 'charges', 'trial']);

/**
 * Complementarity per potential case (a suspect and the acts attributed to them within
 * jurisdiction). The test is the same person and substantially the same conduct (Kenya
 * admissibility appeals, AC 30 August 2011; Gaddafi AC 2014): first whether a State is acting at
 * all (Katanga AC 2009: inactivity makes the case admissible), then, only if it is, whether it is
 * unwilling (Art. 17(2)) or unable (17(3)). A person tried for the same conduct is protected by ne
 * bis in idem (Art. 17(1)(c), 20(3)) unless the trial was to shield them or not independent.
 * The tool sorts the record; the panel decides.
 */
function potentialCases(
  s: CaseSnapshot,
  excluded: ReadonlySet<string>,
  suspects: readonly SuspectFindings[],
): AdmissibilityFindings['potentialCases'] {
  const out: AdmissibilityFindings['potentialCases'][number][] = [];
  for (const x of suspects) {
    const acts = [...new Set(x.acts.map((a) => a.actId))].filter((a) => !excluded.has(a)).sort();
    if (acts.length === 0) continue;
    const mine = s.proceedings.filter(
      (p) => p.body.personIds.includes(x.personId) && p.body.status !== 'none',
    );
    const same = mine.filter((p) => p.body.actIds.some((a) => acts.includes(a)));
    const indicators = [...new Set(same.flatMap((p) => p.body.indicators))].sort();
    const coveredActs = new Set(same.flatMap((p) => p.body.actIds).filter((a) => acts.includes(a)));
    let status: AdmissibilityFindings['potentialCases'][number]['status'];
    if (mine.length === 0) status = 'no-national-proceedings';
    else if (same.length === 0) status = 'proceedings-other-conduct';
    else if (same.some((p) => p.body.status === 'convicted' || p.body.status === 'acquitted'))
      status = 'tried';
    else if (same.some((p) => ACTIVE.has(p.body.status))) status = 'proceedings-same-conduct';
    else status = 'decided-not-to-prosecute';
    out.push({
      personId: x.personId,
      acts: acts.length,
      actsInNationalProceedings: coveredActs.size,
      proceedings: same.map((p) => p.id).sort(),
      status,
      indicators,
      unwillingness: indicators.some((i) => UNWILLING.has(i)),
      inability: indicators.some((i) => UNABLE.has(i)),
    });
  }
  return out;
}

const KILLINGS = new Set(['CAH.7-1-a', 'CAH.7-1-b']);
const SEXUAL = new Set([
  'CAH.7-1-g-1',
  'CAH.7-1-g-2',
  'CAH.7-1-g-3',
  'CAH.7-1-g-4',
  'CAH.7-1-g-5',
  'CAH.7-1-g-6',
]);
/** Perpetrator types under "State agent" in the vocabulary. */
const GOVERNMENTAL: ReadonlySet<string> = new Set(
  PERPETRATOR_TYPES.terms.filter((t) => t.code === 'state' || t.parent === 'state').map((t) => t.code),
);
const NON_STATE_UNITS = new Set(['paramilitary', 'other']);

/** Acts per crime whose conduct element (E1) has at least one supporting item linked. */
function evidencedActs(crimes: readonly CrimeFindings[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of crimes) {
    const e1 = `${c.crimeId}.E1`;
    const set = new Set<string>();
    for (const i of c.incidents) {
      const f = i.elements.find((e) => e.elementId === e1);
      if (f && f.supportingGroups > 0) set.add(i.actId);
    }
    out.set(c.crimeId, set);
  }
  return out;
}

export function gravityFindings(
  s: CaseSnapshot,
  facts: Facts,
  ind: Indicators,
  crimes: readonly CrimeFindings[],
): GravityFindings {
  const evidenced = evidencedActs(crimes);
  const actsWithEvidenceOf = (ids: ReadonlySet<string>) => {
    const acts = new Set<string>();
    for (const id of ids) for (const a of evidenced.get(id) ?? []) acts.add(a);
    return acts.size;
  };
  const persons = new Map(s.persons.map((p) => [p.id, p.body]));
  const units = new Map(s.units.map((u) => [u.id, u.body]));
  const crimesOf = (type: string) => ACT_TYPE_CRIMES[type] ?? [];
  let child = 0;
  const childVictims = new Set<string>();
  for (const a of facts.acts) {
    const birth = bounds(persons.get(a.act.body.victimId)?.birthDate)?.[1];
    if (!birth || !a.day) continue;
    // Under 18 on the day of the act, whatever the imprecision of the birth date.
    const eighteen = `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`;
    if (a.day < eighteen) childVictims.add(a.act.body.victimId);
  }
  child = childVictims.size;
  const stateAgent = facts.acts.filter((a) =>
    a.involvements.some((i) => {
      const t =
        i.body.perpetratorType ?? (i.body.unitId ? units.get(i.body.unitId)?.perpetratorType : undefined);
      if (t !== undefined) return GOVERNMENTAL.has(t);
      const kind = i.body.unitId ? units.get(i.body.unitId)?.kind : undefined;
      return kind !== undefined && !NON_STATE_UNITS.has(kind);
    }),
  ).length;
  const statusPersons = (st: string) =>
    new Set(s.detentions.filter((d) => d.body.status === st).map((d) => d.body.personId)).size;
  return {
    scale: {
      victims: ind.widespread.documentedVictims,
      acts: ind.widespread.acts,
      ...(s.estimate ? { estimate: s.estimate } : {}),
      states: ind.widespread.states,
      months: ind.widespread.months,
    },
    nature: {
      byCrime: [...evidenced]
        .map(([key, acts]) => ({ key, count: acts.size }))
        .filter((x) => x.count > 0)
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
      byCrimeRecorded: countBy(
        facts.acts.flatMap((a) => crimesOf(a.act.body.type)),
        (c) => c,
      ),
      childVictims: child,
      sexualViolence: actsWithEvidenceOf(SEXUAL),
      sexualViolenceRecorded: facts.acts.filter((a) => crimesOf(a.act.body.type).some((c) => SEXUAL.has(c)))
        .length,
      killings: actsWithEvidenceOf(KILLINGS),
      killingsRecorded: facts.acts.filter((a) => crimesOf(a.act.body.type).some((c) => KILLINGS.has(c)))
        .length,
    },
    manner: {
      byMethod: countBy(
        facts.acts.flatMap((a) => a.act.body.methods),
        (m) => m,
      ),
      stateAgentShare: facts.acts.length ? Math.round((stateAgent / facts.acts.length) * 10_000) / 10_000 : 0,
      policyItems: ind.policy.finding.items.length + ind.policy.policyInvolvements.length,
      recurrentShare: ind.systematic.recurrentShare,
    },
    impact: {
      ...(ind.politicalPrisoners.peak ? { peakPoliticalPrisoners: ind.politicalPrisoners.peak.certain } : {}),
      exiled: statusPersons('exiled'),
      disappeared: new Set(
        facts.acts
          .filter((a) => crimesOf(a.act.body.type).includes('CAH.7-1-i'))
          .map((a) => a.act.body.victimId),
      ).size,
      detainedPersons: new Set(s.detentions.map((d) => d.body.personId)).size,
    },
  };
}
