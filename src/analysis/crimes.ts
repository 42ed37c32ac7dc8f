/** Findings per crime: each candidate incident (act) × the crime's incident-scope elements. */

import type { ElementLinkBody } from '../domain/schema-law.js';
import { ACT_TYPE_CRIMES, CONTEXT_ELEMENTS, CRIMES } from '../law/index.js';
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
    const elements = [...crime.elements.filter((e) => e.scope === 'incident'), ...(NEXUS ? [NEXUS] : [])];
    const prefix = `${crime.id}.`;
    const candidate = new Set<string>();
    for (const a of facts.acts)
      if ((ACT_TYPE_CRIMES[a.act.body.type] ?? []).includes(crime.id)) candidate.add(a.act.id);
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
