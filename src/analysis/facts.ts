/** Shared lookups over a snapshot: where and when each act happened, who was involved. */
import { bounds, type FuzzyDate } from '../domain/dates.js';
import type { ActBody, EventBody, InvolvementBody } from '../domain/schema.js';
import type { CaseSnapshot, CountBy, Rec } from './types.js';

export interface ActFacts {
  readonly act: Rec<ActBody>;
  readonly event?: Rec<EventBody>;
  /** Earliest and latest possible day (YYYY-MM-DD), when a date is known. */
  readonly dayRange?: [string, string];
  /** A single representative day for series (the earliest possible). */
  readonly day?: string;
  readonly stateCode?: string;
  /** ISO 3166-1 alpha-2 of the place, from its state code (VE-A → VE). */
  readonly country?: string;
  readonly involvements: readonly Rec<InvolvementBody>[];
}

export interface Facts {
  readonly acts: readonly ActFacts[];
  readonly actById: ReadonlyMap<string, ActFacts>;
  readonly actsByEvent: ReadonlyMap<string, readonly ActFacts[]>;
  readonly placeState: (placeId: string | undefined) => string | undefined;
}

export function dayRange(d: FuzzyDate | undefined): [string, string] | undefined {
  return bounds(d);
}

export function buildFacts(s: CaseSnapshot): Facts {
  const places = new Map(s.places.map((p) => [p.id, p.body]));
  const stateCache = new Map<string, string | undefined>();
  const placeState = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    if (stateCache.has(id)) return stateCache.get(id);
    let cur = places.get(id);
    let code: string | undefined;
    for (let hops = 0; cur && hops < 20; hops++) {
      if (cur.stateCode) {
        code = cur.stateCode;
        break;
      }
      cur = cur.parentId ? places.get(cur.parentId) : undefined;
    }
    stateCache.set(id, code);
    return code;
  };
  const events = new Map(s.events.map((e) => [e.id, e]));
  const invByAct = new Map<string, Rec<InvolvementBody>[]>();
  for (const i of s.involvements) {
    const list = invByAct.get(i.body.actId) ?? [];
    list.push(i);
    invByAct.set(i.body.actId, list);
  }
  const acts: ActFacts[] = s.acts.map((act) => {
    const event = events.get(act.body.eventId);
    const range = dayRange(act.body.date ?? event?.body.date);
    const stateCode = placeState(act.body.placeId ?? event?.body.placeId);
    return {
      act,
      event,
      dayRange: range,
      day: range?.[0],
      stateCode,
      country: stateCode?.slice(0, 2),
      involvements: invByAct.get(act.id) ?? [],
    };
  });
  const actsByEvent = new Map<string, ActFacts[]>();
  for (const a of acts) {
    const list = actsByEvent.get(a.act.body.eventId) ?? [];
    list.push(a);
    actsByEvent.set(a.act.body.eventId, list);
  }
  return { acts, actById: new Map(acts.map((a) => [a.act.id, a])), actsByEvent, placeState };
}

/** Counts by key, largest first then by key (stable output for hashing). */
export function countBy<T>(xs: Iterable<T>, key: (x: T) => string | undefined): CountBy[] {
  const m = new Map<string, number>();
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Counts by key in key order (time series). */
export function countByOrdered<T>(xs: Iterable<T>, key: (x: T) => string | undefined): CountBy[] {
  return countBy(xs, key).sort((a, b) => (a.key < b.key ? -1 : 1));
}
