/**
 * Contextual indicators measured from the data: widespread (victims over places and time, and the
 * estimated total), systematic (recurrence of the same methods, units and detention sites across
 * states and periods), policy (linked evidence of orders, plans, resources, coordination) and
 * political prisoners over time (from detention periods).
 */
import { bounds, earliestDay } from '../domain/dates.js';
import { deprivedOfLibertyOn, monthlySeries } from '../domain/detention.js';
import { CONTEXT_ELEMENTS, POLICY_DEGREES } from '../law/index.js';
import { countBy, countByOrdered, type Facts } from './facts.js';
import { deriveElement, type ItemFacts } from './matrix.js';
import type {
  AnalysisOptions,
  CaseSnapshot,
  ElementFinding,
  Indicators,
  RecurrentFeature,
  Thresholds,
} from './types.js';

/** The last day the data speaks of: used as "today" so the same data always gives the same report. */
export function lastDataDay(s: CaseSnapshot, facts: Facts): string | undefined {
  let last: string | undefined;
  const see = (d: string | undefined) => {
    if (d && (!last || d > last)) last = d;
  };
  for (const a of facts.acts) see(a.dayRange?.[0]);
  for (const d of s.detentions) {
    see(bounds(d.body.from)?.[0]);
    see(bounds(d.body.to)?.[0]);
  }
  return last;
}

export function contextFindings(
  s: CaseSnapshot,
  items: ReadonlyMap<string, ItemFacts>,
  thresholds: Thresholds,
): ElementFinding[] {
  return CONTEXT_ELEMENTS.filter((e) => e.scope === 'context').map((e) =>
    deriveElement(
      e.id,
      s.elementLinks.filter(
        (l) => l.body.elementId === e.id && !l.body.actId && !l.body.eventId && !l.body.suspectId,
      ),
      items,
      thresholds,
      e.meansOfProof,
    ),
  );
}

function recurrence(
  s: CaseSnapshot,
  facts: Facts,
  minStates: number,
  minPeriods: number,
): { features: RecurrentFeature[]; recurrentShare: number } {
  const places = new Map(s.places.map((p) => [p.id, p.body]));
  type Acc = { acts: Set<string>; states: Set<string>; periods: Set<string> };
  const acc = new Map<string, Acc>();
  const featuresOfAct = new Map<string, string[]>();
  const note = (key: string, actId: string, state?: string, period?: string) => {
    const a = acc.get(key) ?? { acts: new Set(), states: new Set(), periods: new Set() };
    a.acts.add(actId);
    if (state) a.states.add(state);
    if (period) a.periods.add(period);
    acc.set(key, a);
    const list = featuresOfAct.get(actId) ?? [];
    list.push(key);
    featuresOfAct.set(actId, list);
  };
  const sitesByAct = new Map<string, Set<string>>();
  for (const d of s.detentions) {
    if (!d.body.actId || !d.body.placeId) continue;
    if (places.get(d.body.placeId)?.kind !== 'detention_site') continue;
    const set = sitesByAct.get(d.body.actId) ?? new Set();
    set.add(d.body.placeId);
    sitesByAct.set(d.body.actId, set);
  }
  for (const a of facts.acts) {
    const id = a.act.id;
    const period = a.day?.slice(0, 4);
    for (const m of new Set(a.act.body.methods)) note(`method|${m}`, id, a.stateCode, period);
    for (const u of new Set(a.involvements.map((i) => i.body.unitId).filter(Boolean) as string[]))
      note(`unit|${u}`, id, a.stateCode, period);
    const sites = new Set(sitesByAct.get(id) ?? []);
    if (a.act.body.placeId && places.get(a.act.body.placeId)?.kind === 'detention_site')
      sites.add(a.act.body.placeId);
    for (const site of sites) note(`site|${site}`, id, a.stateCode, period);
  }
  const features: RecurrentFeature[] = [...acc]
    .map(([key, a]) => {
      const [feature, fid] = key.split('|') as [RecurrentFeature['feature'], string];
      return {
        feature,
        id: fid,
        acts: a.acts.size,
        states: a.states.size,
        periods: a.periods.size,
        recurrent: a.states.size >= minStates && a.periods.size >= minPeriods,
      };
    })
    .sort((x, y) => y.acts - x.acts || (x.feature + x.id < y.feature + y.id ? -1 : 1));
  // Only a unit or a detention site recurring across states and years speaks to an organised
  // pattern (the "systematic" test: organised nature, improbability of random occurrence — Katanga
  // TJ 2014; Ntaganda TJ 2019). A method such as beating recurs in any set of abuses, so methods are
  // listed but do not make an act count.
  const recurrentKeys = new Set(
    features.filter((f) => f.recurrent && f.feature !== 'method').map((f) => `${f.feature}|${f.id}`),
  );
  const withRecurrent = facts.acts.filter((a) =>
    (featuresOfAct.get(a.act.id) ?? []).some((k) => recurrentKeys.has(k)),
  );
  return {
    features,
    recurrentShare: facts.acts.length ? round(withRecurrent.length / facts.acts.length) : 0,
  };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function indicators(
  s: CaseSnapshot,
  facts: Facts,
  items: ReadonlyMap<string, ItemFacts>,
  thresholds: Thresholds,
  opts: AnalysisOptions,
): Indicators {
  const dated = facts.acts.filter((a) => a.day);
  const days = dated.map((a) => a.day!).sort();
  const months = new Set(days.map((d) => d.slice(0, 7)));
  const byState = countBy(facts.acts, (a) => a.stateCode);
  const minStates = opts.recurrenceMinStates ?? 2;
  const minPeriods = opts.recurrenceMinPeriods ?? 2;
  const context = contextFindings(s, items, thresholds);
  const policyFinding = context.find((f) => f.elementId === 'CTX.policy')!;
  const policyInvolvements = facts.acts
    .flatMap((a) => a.involvements)
    .filter((i) => POLICY_DEGREES.has(i.body.degree))
    .map((i) => ({
      ...(i.body.personId ? { personId: i.body.personId } : {}),
      ...(i.body.unitId ? { unitId: i.body.unitId } : {}),
      degree: i.body.degree,
      actId: i.body.actId,
    }))
    .sort((a, b) => (a.actId < b.actId ? -1 : 1));

  const periods = s.detentions.map((d) => ({
    personId: d.body.personId,
    status: d.body.status,
    from: d.body.from,
    ...(d.body.to ? { to: d.body.to } : {}),
  }));
  const asOfDay = opts.asOf ?? lastDataDay(s, facts) ?? '1970-01-01';
  const firstDetention = periods
    .map((p) => bounds(p.from)?.[0])
    .filter(Boolean)
    .sort()[0];
  const scopeFrom = s.caseFile.temporalScope?.from;
  const fromMonth = (scopeFrom ? earliestDay(scopeFrom) : (firstDetention ?? asOfDay)).slice(0, 7);
  const series =
    fromMonth <= asOfDay.slice(0, 7) ? monthlySeries(periods, fromMonth, asOfDay.slice(0, 7)) : [];
  let peak: (typeof series)[number] | undefined;
  for (const p of series) if (!peak || p.certain > peak.certain) peak = p;

  return {
    widespread: {
      documentedVictims: new Set(facts.acts.map((a) => a.act.body.victimId)).size,
      acts: facts.acts.length,
      states: byState.length,
      months: months.size,
      ...(days.length ? { firstDate: days[0], lastDate: days[days.length - 1] } : {}),
      byState,
      byMonth: countByOrdered(dated, (a) => a.day!.slice(0, 7)),
      byYear: countByOrdered(dated, (a) => a.day!.slice(0, 4)),
      byActType: countBy(facts.acts, (a) => a.act.body.type),
      ...(s.estimate ? { estimate: s.estimate } : {}),
    },
    systematic: { ...recurrence(s, facts, minStates, minPeriods), minStates, minPeriods },
    policy: { finding: policyFinding, policyInvolvements },
    context,
    politicalPrisoners: {
      series,
      asOf: deprivedOfLibertyOn(periods, asOfDay),
      ...(peak ? { peak } : {}),
    },
  };
}
