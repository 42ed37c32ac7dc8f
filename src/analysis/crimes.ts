/** Findings per crime: each candidate incident (act) × the crime's incident-scope elements. */

import { bounds } from '../domain/dates.js';
import type { ElementLinkBody } from '../domain/schema-law.js';
import {
  ACT_TYPE_CRIMES,
  ATTEMPT_ACT_TYPES,
  CONTEXT_ELEMENTS,
  CRIMES,
  elementById,
  PERSECUTION_CRIME,
} from '../law/index.js';
import type { Facts } from './facts.js';
import { bestOf, deriveElement, type ItemFacts, itemIdOf } from './matrix.js';
import type {
  CaseSnapshot,
  CrimeFindings,
  ElementStatus,
  ElementSummary,
  IncidentFindings,
  Rec,
  Thresholds,
} from './types.js';

const NEXUS = CONTEXT_ELEMENTS.find((e) => e.id === 'CTX.nexus');

/**
 * Mental elements also shown per incident, because the facts of the incident are how they are
 * proved: the intent to remove the person from the protection of the law "for a prolonged period"
 * (EoC 7(1)(i) el. 6) is read from how long the whereabouts stayed unknown.
 */
const INCIDENT_MENTAL: Readonly<Record<string, readonly string[]>> = {
  'CAH.7-1-i': ['CAH.7-1-i.E6'],
};

/** Days between two ISO days. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The deprivation of liberty recorded for an act (its detention periods): from, to, length. */
function deprivationByAct(s: CaseSnapshot): Map<string, { from: string; to?: string; days?: number }> {
  const out = new Map<string, { from: string; to?: string; days?: number }>();
  for (const d of s.detentions) {
    if (!d.body.actId) continue;
    const from = bounds(d.body.from)?.[0];
    if (!from) continue;
    const to = d.body.to ? bounds(d.body.to)?.[1] : undefined;
    const prev = out.get(d.body.actId);
    const lo = prev && prev.from < from ? prev.from : from;
    const hi = prev && (prev.to === undefined || (to !== undefined && prev.to > to)) ? prev.to : to;
    out.set(d.body.actId, { from: lo, ...(hi ? { to: hi, days: daysBetween(lo, hi) } : {}) });
  }
  return out;
}

/** Links indexed by element and incident: an event-level link applies to every act of the event. */
export function indexIncidentLinks(links: readonly Rec<ElementLinkBody>[]) {
  const byAct = new Map<string, Rec<ElementLinkBody>[]>();
  const byEvent = new Map<string, Rec<ElementLinkBody>[]>();
  const push = (m: Map<string, Rec<ElementLinkBody>[]>, k: string, l: Rec<ElementLinkBody>) => {
    const list = m.get(k);
    if (list) list.push(l);
    else m.set(k, [l]);
  };
  for (const l of links) {
    if (l.body.actId) push(byAct, `${l.body.elementId}|${l.body.actId}`, l);
    else if (l.body.eventId) push(byEvent, `${l.body.elementId}|${l.body.eventId}`, l);
  }
  return (elementId: string, actId: string, eventId: string) => [
    ...(byAct.get(`${elementId}|${actId}`) ?? []),
    ...(byEvent.get(`${elementId}|${eventId}`) ?? []),
  ];
}

/** Item ids that say they support an act or its event (testimonies, evidence, captured items). */
function supportersByAct(s: CaseSnapshot, facts: Facts): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (actId: string, itemId: string) => {
    const set = out.get(actId) ?? new Set<string>();
    set.add(itemId);
    out.set(actId, set);
  };
  const items = [...s.testimonies, ...s.evidence, ...s.informationItems] as readonly Rec<{
    supports?: { actIds: readonly string[]; eventIds: readonly string[] };
  }>[];
  for (const it of items) {
    for (const a of it.body.supports?.actIds ?? []) add(a, it.id);
    for (const e of it.body.supports?.eventIds ?? [])
      for (const a of facts.actsByEvent.get(e) ?? []) add(a.act.id, it.id);
  }
  return out;
}

export function crimeFindings(
  s: CaseSnapshot,
  facts: Facts,
  items: ReadonlyMap<string, ItemFacts>,
  thresholds: Thresholds,
): CrimeFindings[] {
  const linksFor = indexIncidentLinks(s.elementLinks);
  const supporters = supportersByAct(s, facts);
  const deprivation = deprivationByAct(s);
  const linkedByAct = new Map<string, Set<string>>();
  for (const l of s.elementLinks) {
    const acts = l.body.actId
      ? [l.body.actId]
      : l.body.eventId
        ? (facts.actsByEvent.get(l.body.eventId) ?? []).map((a) => a.act.id)
        : [];
    for (const a of acts) {
      const set = linkedByAct.get(a) ?? new Set<string>();
      set.add(itemIdOf(l.body));
      linkedByAct.set(a, set);
    }
  }
  const out: CrimeFindings[] = [];
  for (const crime of CRIMES) {
    const elements = [
      ...crime.elements.filter((e) => e.scope === 'incident'),
      ...(INCIDENT_MENTAL[crime.id] ?? []).map((id) => elementById(id)!),
      ...(NEXUS ? [NEXUS] : []),
    ];
    const prefix = `${crime.id}.`;
    const candidate = new Set<string>();
    for (const a of facts.acts)
      if (crime.id === PERSECUTION_CRIME || (ACT_TYPE_CRIMES[a.act.body.type] ?? []).includes(crime.id))
        candidate.add(a.act.id);
    for (const l of s.elementLinks) {
      if (!l.body.elementId.startsWith(prefix)) continue;
      if (l.body.actId) candidate.add(l.body.actId);
      else if (l.body.eventId)
        for (const a of facts.actsByEvent.get(l.body.eventId) ?? []) candidate.add(a.act.id);
    }
    if (candidate.size === 0) continue;
    const incidents: IncidentFindings[] = [];
    for (const a of facts.acts) {
      if (!candidate.has(a.act.id)) continue;
      const findings = elements.map((e) =>
        deriveElement(e.id, linksFor(e.id, a.act.id, a.act.body.eventId), items, thresholds, e.meansOfProof),
      );
      const linked = linkedByAct.get(a.act.id) ?? new Set<string>();
      incidents.push({
        actId: a.act.id,
        eventId: a.act.body.eventId,
        victimId: a.act.body.victimId,
        actType: a.act.body.type,
        ...(a.day ? { date: a.day } : {}),
        ...(a.stateCode ? { stateCode: a.stateCode } : {}),
        ...(ATTEMPT_ACT_TYPES.has(a.act.body.type) ? { attempt: true } : {}),
        ...(deprivation.get(a.act.id) ? { deprivation: deprivation.get(a.act.id)! } : {}),
        elements: findings,
        allCorroborated: findings.every((f) => f.status === 'corroborated'),
        unlinkedItems: [...(supporters.get(a.act.id) ?? [])].filter((i) => !linked.has(i)).sort(),
      });
    }
    const elementSummary: ElementSummary[] = elements.map((e, i) => {
      const counts: Record<ElementStatus, number> = {
        'no-evidence': 0,
        'single-source': 0,
        corroborated: 0,
        contested: 0,
      };
      const grades: string[] = [];
      const itemIds = new Set<string>();
      for (const inc of incidents) {
        const f = inc.elements[i]!;
        counts[f.status]++;
        grades.push(f.grade);
        for (const it of f.items) itemIds.add(it.itemId);
      }
      return { elementId: e.id, incidents: counts, bestGrade: bestOf(grades), itemIds: [...itemIds].sort() };
    });
    out.push({
      crimeId: crime.id,
      incidents,
      elementSummary,
      incidentsAllCorroborated: incidents.filter((i) => i.allCorroborated).length,
      victims: new Set(incidents.map((i) => i.victimId)).size,
    });
  }
  return out;
}
