/**
 * Preconditions and admissibility: every act checked against the Statute's entry into force for
 * the State concerned (Art. 11, 126) and territory or nationality (Art. 12(2)); national
 * proceedings summarised for complementarity (Art. 17); gravity by its four factors (OTP Reg. 29(2)).
 */
import { bounds, earliestDay, latestDay } from '../domain/dates.js';
import { PERPETRATOR_TYPES } from '../domain/vocabularies.js';
import { ACT_TYPE_CRIMES, entryIntoForce, stateParty } from '../law/index.js';
import { countBy, type Facts } from './facts.js';
import type {
  AdmissibilityFindings,
  CaseSnapshot,
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
    if (!range) {
      outside.push({ actId: id, reason: 'no-date' });
      continue;
    }
    const [lo, hi] = range;
    const date = lo;
    // Bases (Art. 12(2)): the territory of the act, or the nationality of a person involved; each
    // is open from the Statute's entry into force for that State until any withdrawal.
    const actCountry = a.country ?? country;
    const windows: [string, string][] = [];
    const addBasis = (iso: string) => {
      const sp = stateParty(iso);
      const from = iso === country ? eif : sp?.entryIntoForce;
      if (from) windows.push([from, sp?.withdrawalEffective ?? '9999-12-31']);
    };
    addBasis(actCountry);
    for (const i of a.involvements)
      for (const n of i.body.personId ? (nationalities.get(i.body.personId) ?? []) : []) addBasis(n);
    if (windows.length === 0) {
      outside.push({ actId: id, reason: 'not-state-party-territory', date });
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

export function gravityFindings(s: CaseSnapshot, facts: Facts, ind: Indicators): GravityFindings {
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
      byCrime: countBy(
        facts.acts.flatMap((a) => crimesOf(a.act.body.type)),
        (c) => c,
      ),
      childVictims: child,
      sexualViolence: facts.acts.filter((a) => crimesOf(a.act.body.type).some((c) => SEXUAL.has(c))).length,
      killings: facts.acts.filter((a) => crimesOf(a.act.body.type).some((c) => KILLINGS.has(c))).length,
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
