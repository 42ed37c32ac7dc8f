/**
 * Victims and harm, sexual and gender-based crimes, and children, as aggregate counts safe to
 * publish: who was affected (sex, age group at the act, acts suffered), how long people were
 * deprived of liberty (from the detention timelines), and the sexual and gender-based crimes and
 * the acts against children with no list of cases, no place, no date and no unit — nothing that
 * could single a survivor out. Every count between 1 and `threshold − 1` is suppressed (shown as
 * "fewer than k"), and when a group has exactly one suppressed cell the next smallest is
 * suppressed too, so it cannot be recovered from the total. Language-independent; no I/O.
 */
import type { CaseSnapshot } from '../analysis/types.js';
import { bounds } from '../domain/dates.js';
import { ACT_TYPES, DEPRIVED_OF_LIBERTY, VIOLENCE_METHODS } from '../domain/vocabularies.js';

/** Cells below this are suppressed in every edition (the count printed is "< threshold"). */
export const DEFAULT_SMALL_CELL = 5;

/** A published count: a number, or null when suppressed (between 1 and threshold − 1). */
export type Cell = number | null;

export interface CountRow {
  readonly key: string;
  readonly cells: readonly Cell[];
}

export const SEX_COLUMNS = ['female', 'male', 'other-unknown'] as const;
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const DURATION_BANDS = ['d0-2', 'd3-30', 'd31-180', 'd181-365', 'y1+', 'ongoing'] as const;

export interface VictimsContent {
  readonly threshold: number;
  readonly victims: Cell;
  /** One row: victims by sex (columns SEX_COLUMNS). */
  readonly bySex: readonly Cell[];
  /** One row: victims by age group at their first act (columns AGE_GROUPS). */
  readonly byAge: readonly Cell[];
  /** Victims per act type suffered, by sex, then children (columns SEX_COLUMNS + child). */
  readonly byActType: readonly CountRow[];
  /** Persons deprived of liberty by the total length recorded (columns DURATION_BANDS). */
  readonly detention: {
    readonly persons: Cell;
    readonly bands: readonly Cell[];
    readonly medianDays?: number;
  };
  readonly sgbc: {
    readonly victims: Cell;
    readonly bySex: readonly Cell[];
    readonly children: Cell;
    /** Victims per form: an act type under sexual violence or a method under sexual torture (codes). */
    readonly byForm: readonly CountRow[];
  };
  readonly children: {
    readonly victims: Cell;
    readonly bySex: readonly Cell[];
    /** Child victims per act type. */
    readonly byActType: readonly CountRow[];
  };
}

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** Age group at a date: a child only if under 18 on every day both fuzzy dates allow. */
function ageGroup(
  birth: Parameters<typeof bounds>[0],
  at: Parameters<typeof bounds>[0],
): (typeof AGE_GROUPS)[number] {
  const b = bounds(birth);
  const d = bounds(at);
  if (!b || !d) return 'unknown';
  const turns18 = (day: string) => `${String(Number(day.slice(0, 4)) + 18).padStart(4, '0')}${day.slice(4)}`;
  if (d[1] < turns18(b[0])) return 'child';
  if (d[0] >= turns18(b[1])) return 'adult';
  return 'unknown';
}

/** Suppresses small cells of one group (primary), then one more if only one was (secondary). */
export function suppress(counts: readonly number[], k: number): Cell[] {
  const out: Cell[] = counts.map((n) => (n > 0 && n < k ? null : n));
  if (out.filter((c) => c === null).length === 1) {
    let j = -1;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (c !== null && c !== undefined && c > 0 && (j < 0 || c < (out[j] as number))) j = i;
    }
    if (j >= 0) out[j] = null;
  }
  return out;
}

const one = (n: number, k: number): Cell => (n > 0 && n < k ? null : n);

export function victimsContent(s: CaseSnapshot, threshold = DEFAULT_SMALL_CELL): VictimsContent {
  const k = threshold;
  const persons = new Map(s.persons.map((p) => [p.id, p.body]));
  const sexOf = (id: string): (typeof SEX_COLUMNS)[number] => {
    const x = persons.get(id)?.sex;
    return x === 'female' || x === 'male' ? x : 'other-unknown';
  };
  const sexIndex = (id: string) => SEX_COLUMNS.indexOf(sexOf(id));

  // Acts per victim, in date order: the age group is the one at the first act.
  const actsOf = new Map<string, (typeof s.acts)[number][]>();
  for (const a of s.acts) actsOf.set(a.body.victimId, [...(actsOf.get(a.body.victimId) ?? []), a]);
  const isChildAt = (victimId: string, at: (typeof s.acts)[number]['body']['date']) =>
    ageGroup(persons.get(victimId)?.birthDate, at) === 'child';
  const firstAge = (victimId: string) => {
    const acts = [...(actsOf.get(victimId) ?? [])].sort((x, y) =>
      (bounds(x.body.date)?.[0] ?? '9999') < (bounds(y.body.date)?.[0] ?? '9999') ? -1 : 1,
    );
    return ageGroup(persons.get(victimId)?.birthDate, acts[0]?.body.date);
  };
  const victims = [...actsOf.keys()].sort();
  const childVictims = victims.filter((v) => (actsOf.get(v) ?? []).some((a) => isChildAt(v, a.body.date)));
  const childSet = new Set(childVictims);

  const bySexOf = (ids: readonly string[]) => {
    const c = [0, 0, 0];
    for (const id of ids) c[sexIndex(id)]! += 1;
    return c;
  };
  const ageCounts = [0, 0, 0];
  for (const v of victims) ageCounts[AGE_GROUPS.indexOf(firstAge(v))]! += 1;

  // Victims per act type: by sex, and how many were children at that act.
  const typeRows = new Map<string, { sex: number[]; child: Set<string>; seen: Set<string> }>();
  for (const a of s.acts) {
    const r = typeRows.get(a.body.type) ?? { sex: [0, 0, 0], child: new Set(), seen: new Set() };
    typeRows.set(a.body.type, r);
    if (!r.seen.has(a.body.victimId)) {
      r.seen.add(a.body.victimId);
      r.sex[sexIndex(a.body.victimId)]! += 1;
    }
    if (isChildAt(a.body.victimId, a.body.date)) r.child.add(a.body.victimId);
  }
  const byActType = [...typeRows]
    .sort((x, y) => y[1].seen.size - x[1].seen.size || (x[0] < y[0] ? -1 : 1))
    .map(([key, r]) => ({ key, cells: [...suppress(r.sex, k), one(r.child.size, k)] }));

  // Deprivation of liberty: the total recorded length per person; a period still open is "ongoing".
  const spans = new Map<string, { days: number; ongoing: boolean }>();
  for (const d of s.detentions) {
    if (!DEPRIVED_OF_LIBERTY.has(d.body.status)) continue;
    const from = bounds(d.body.from)?.[0];
    if (!from) continue;
    const cur = spans.get(d.body.personId) ?? { days: 0, ongoing: false };
    const to = bounds(d.body.to)?.[1];
    if (to) cur.days += Math.max(0, days(from, to));
    else cur.ongoing = true;
    spans.set(d.body.personId, cur);
  }
  const bands = [0, 0, 0, 0, 0, 0];
  const closed: number[] = [];
  for (const x of spans.values()) {
    if (x.ongoing) bands[5]! += 1;
    else {
      closed.push(x.days);
      bands[x.days <= 2 ? 0 : x.days <= 30 ? 1 : x.days <= 180 ? 2 : x.days <= 365 ? 3 : 4]! += 1;
    }
  }
  closed.sort((a, b) => a - b);
  const medianDays =
    closed.length >= k
      ? closed.length % 2
        ? closed[(closed.length - 1) / 2]!
        : Math.round((closed[closed.length / 2 - 1]! + closed[closed.length / 2]!) / 2)
      : undefined;

  // Sexual and gender-based crimes: act types under "sexual violence", methods under "sexual torture".
  const sgbcTypes = new Set(ACT_TYPES.subtree('sexual_violence'));
  const sgbcMethods = new Set(VIOLENCE_METHODS.subtree('sexual_torture'));
  const forms = new Map<string, Set<string>>();
  const sgbcVictims = new Set<string>();
  for (const a of s.acts) {
    // One row per form: rape recorded as the act or as a method of torture is one form.
    const keys = new Set([
      ...(sgbcTypes.has(a.body.type) ? [a.body.type] : []),
      ...a.body.methods.filter((m) => sgbcMethods.has(m)),
    ]);
    for (const key of keys) {
      forms.set(key, (forms.get(key) ?? new Set()).add(a.body.victimId));
      sgbcVictims.add(a.body.victimId);
    }
  }
  const sgbcIds = [...sgbcVictims];
  const byForm = [...forms]
    .sort((x, y) => y[1].size - x[1].size || (x[0] < y[0] ? -1 : 1))
    .map(([key, v]) => ({ key, cells: suppress(bySexOf([...v]), k) }));

  const childTypes = new Map<string, Set<string>>();
  for (const a of s.acts)
    if (isChildAt(a.body.victimId, a.body.date))
      childTypes.set(a.body.type, (childTypes.get(a.body.type) ?? new Set()).add(a.body.victimId));

  return {
    threshold: k,
    victims: one(victims.length, k),
    bySex: suppress(bySexOf(victims), k),
    byAge: suppress(ageCounts, k),
    byActType,
    detention: {
      persons: one(spans.size, k),
      bands: suppress(bands, k),
      ...(medianDays !== undefined ? { medianDays } : {}),
    },
    sgbc: {
      victims: one(sgbcIds.length, k),
      bySex: suppress(bySexOf(sgbcIds), k),
      children: one(sgbcIds.filter((v) => childSet.has(v)).length, k),
      byForm,
    },
    children: {
      victims: one(childVictims.length, k),
      bySex: suppress(bySexOf(childVictims), k),
      byActType: [...childTypes]
        .sort((x, y) => y[1].size - x[1].size || (x[0] < y[0] ? -1 : 1))
        .map(([key, v]) => ({ key, cells: [one(v.size, k)] })),
    },
  };
}
