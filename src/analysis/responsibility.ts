/**
 * Responsibility per alleged perpetrator: the acts attributed directly (their own involvement,
 * with the Art. 25(3) mode its degree suggests) and through the chain of command (a unit involved
 * in the act, or a unit above it at the act's date, that the person commanded at that date —
 * Art. 28). Candidate modes only: whether a mode is made out is for the experts, element by
 * element, on the evidence linked to each.
 */
import { bounds, type FuzzyDate } from '../domain/dates.js';
import type { MembershipBody, UnitBody } from '../domain/schema.js';
import {
  ATTEMPT_ACT_TYPES,
  CONTEXT_ELEMENTS,
  CRIMES,
  crimesForActType,
  DEGREE_TO_MODES,
  LIABILITY_MODES,
} from '../law/index.js';
import type { Facts } from './facts.js';
import { deriveElement, type ItemFacts } from './matrix.js';
import type { ActAttribution, CaseSnapshot, Rec, SuspectFindings, Thresholds } from './types.js';

const ATTEMPT = 'ICC.25-3-f';

/** Units whose commanders are military commanders (or act as such) for Art. 28(a). */
const MILITARY_KINDS = new Set([
  'military',
  'military_intelligence',
  'special_forces',
  'national_guard',
  'paramilitary',
]);

/** Does a fuzzy period possibly cover the day? Open ends are open. */
export function periodCovers(
  from: FuzzyDate | undefined,
  to: FuzzyDate | undefined,
  day: string | undefined,
): boolean {
  if (!day) return from === undefined && to === undefined;
  const f = bounds(from);
  const t = bounds(to);
  return (!f || f[0] <= day) && (!t || t[1] >= day);
}

/** The chain from a unit upwards at a date: [unit, parent, grandparent, …] (cycles cut). */
export function chainAt(
  units: ReadonlyMap<string, UnitBody>,
  unitId: string,
  day: string | undefined,
): string[] {
  const chain = [unitId];
  let cur = units.get(unitId);
  while (cur && chain.length < 30) {
    const parent = cur.parents.find((p) => periodCovers(p.from, p.to, day));
    if (!parent || chain.includes(parent.unitId)) break;
    chain.push(parent.unitId);
    cur = units.get(parent.unitId);
  }
  return chain;
}

export function suspectFindings(
  s: CaseSnapshot,
  facts: Facts,
  items: ReadonlyMap<string, ItemFacts>,
  thresholds: Thresholds,
): SuspectFindings[] {
  const units = new Map(s.units.map((u) => [u.id, u.body]));
  const commandersByUnit = new Map<string, Rec<MembershipBody>[]>();
  const membershipsByPerson = new Map<string, Rec<MembershipBody>[]>();
  for (const m of s.memberships) {
    if (m.body.commander) {
      const list = commandersByUnit.get(m.body.unitId) ?? [];
      list.push(m);
      commandersByUnit.set(m.body.unitId, list);
    }
    const list = membershipsByPerson.get(m.body.personId) ?? [];
    list.push(m);
    membershipsByPerson.set(m.body.personId, list);
  }
  const attributions = new Map<string, ActAttribution[]>();
  const attribute = (personId: string, a: ActAttribution) => {
    const list = attributions.get(personId) ?? [];
    // One attribution per act and route: the most direct wins.
    if (!list.some((x) => x.actId === a.actId && x.via === a.via && x.degree === a.degree)) list.push(a);
    attributions.set(personId, list);
  };
  for (const a of facts.acts) {
    for (const inv of a.involvements) {
      if (inv.body.personId) {
        const modes = DEGREE_TO_MODES[inv.body.degree] ?? [];
        attribute(inv.body.personId, {
          actId: a.act.id,
          actType: a.act.body.type,
          ...(a.day ? { date: a.day } : {}),
          via: 'direct',
          degree: inv.body.degree,
          // An attempt is punishable through any mode of participation (Art. 25(3)(f)).
          modes: modes.length && ATTEMPT_ACT_TYPES.has(a.act.body.type) ? [...modes, ATTEMPT] : modes,
        });
      } else if (inv.body.unitId) {
        const chain = chainAt(units, inv.body.unitId, a.day);
        for (let i = 0; i < chain.length; i++) {
          for (const m of commandersByUnit.get(chain[i]!) ?? []) {
            if (!periodCovers(m.body.from, m.body.to, a.day)) continue;
            const military = MILITARY_KINDS.has(units.get(chain[i]!)?.kind ?? '');
            attribute(m.body.personId, {
              actId: a.act.id,
              actType: a.act.body.type,
              ...(a.day ? { date: a.day } : {}),
              via: 'command',
              unitChain: chain.slice(0, i + 1),
              modes: [military ? 'ICC.28-a' : 'ICC.28-b'],
            });
          }
        }
      }
    }
  }
  // Persons named in suspect-scope links are suspects too, even with no attributed act yet.
  for (const l of s.elementLinks)
    if (l.body.suspectId && !attributions.has(l.body.suspectId)) attributions.set(l.body.suspectId, []);

  const out: SuspectFindings[] = [];
  for (const [personId, acts] of [...attributions].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    acts.sort((x, y) => (x.actId < y.actId ? -1 : x.actId > y.actId ? 1 : x.via < y.via ? -1 : 1));
    const links = s.elementLinks.filter((l) => l.body.suspectId === personId);
    const modes = new Set(acts.flatMap((a) => a.modes));
    for (const l of links)
      if (l.body.elementId.startsWith('ICC.')) modes.add(l.body.elementId.split('.').slice(0, 2).join('.'));
    const elementIds: { id: string; meansOfProof: readonly string[] }[] = [];
    for (const mode of LIABILITY_MODES)
      if (modes.has(mode.id)) for (const e of mode.elements) elementIds.push(e);
    // The knowledge of the attack and the crime's own mental elements are the perpetrator's
    // (EoC General Introduction ¶2, Introduction to Art. 7 ¶2): they are proved about a suspect held
    // as a perpetrator under Art. 25(3)(a). Under Art. 28 they belong to the subordinates, and the
    // superior's own mental element is 28(a)(i)/(b)(i); under 25(3)(b)–(d) the accessory's mental
    // element is the mode's own. Links the analysts made to them anyway are still shown.
    const linkedIds = new Set(links.map((l) => l.body.elementId));
    const perpetrator = modes.has('ICC.25-3-a');
    const knowledge = CONTEXT_ELEMENTS.find((e) => e.id === 'CTX.knowledge');
    if (knowledge && (perpetrator || linkedIds.has(knowledge.id))) elementIds.push(knowledge);
    const crimeIds = new Set(acts.flatMap((a) => crimesForActType(a.actType).map((c) => c.id)));
    for (const c of CRIMES)
      for (const e of c.elements)
        if (e.scope === 'suspect' && (linkedIds.has(e.id) || (perpetrator && crimeIds.has(c.id))))
          elementIds.push(e);
    const elements = elementIds.map((e) =>
      deriveElement(
        e.id,
        links.filter((l) => l.body.elementId === e.id),
        items,
        thresholds,
        e.meansOfProof,
      ),
    );
    const actDays = acts.map((a) => a.date);
    const positions = (membershipsByPerson.get(personId) ?? [])
      .filter((m) => actDays.length === 0 || actDays.some((d) => periodCovers(m.body.from, m.body.to, d)))
      .map((m) => ({
        unitId: m.body.unitId,
        ...(m.body.rank ? { rank: m.body.rank } : {}),
        ...(m.body.position ? { position: m.body.position } : {}),
        commander: m.body.commander,
        ...(bounds(m.body.from) ? { from: bounds(m.body.from)![0] } : {}),
        ...(bounds(m.body.to) ? { to: bounds(m.body.to)![1] } : {}),
      }))
      .sort((x, y) => ((x.from ?? '') < (y.from ?? '') ? -1 : 1));
    out.push({ personId, acts, modes: [...modes].sort(), elements, positions });
  }
  return out;
}
