/**
 * Political-prisoner counts fall out of detention timelines: on a given day, a person counts if one
 * of their periods with a status that deprives of liberty covers that day. Because dates are often
 * imprecise, each count comes as a range: `certain` (the period surely covers the day) and
 * `possible` (it may, given the imprecision). Reports quote both rather than a false precision.
 */
import { bounds, type FuzzyDate } from './dates.js';
import { DEPRIVED_OF_LIBERTY } from './vocabularies.js';

/** Statuses that deprive a person of liberty (house arrest included, as NGO counts do). */
export const DEPRIVING_STATUSES: ReadonlySet<string> = DEPRIVED_OF_LIBERTY;

export interface PeriodLike {
  personId: string;
  status: string;
  from: FuzzyDate;
  to?: FuzzyDate;
}

export interface DayCount {
  day: string;
  certain: number;
  possible: number;
}

function covers(p: PeriodLike, day: string): 'certain' | 'possible' | undefined {
  const from = bounds(p.from);
  if (!from) return undefined;
  const to = bounds(p.to);
  const startedSurely = from[1] <= day;
  const startedMaybe = from[0] <= day;
  const endedSurely = to ? to[1] < day : false;
  const endedMaybe = to ? to[0] < day : false;
  if (startedSurely && !endedMaybe) return 'certain';
  if (startedMaybe && !endedSurely) return 'possible';
  return undefined;
}

/** Persons deprived of liberty on `day` (YYYY-MM-DD), counted once each. */
export function deprivedOfLibertyOn(periods: readonly PeriodLike[], day: string): DayCount {
  const certain = new Set<string>();
  const possible = new Set<string>();
  for (const p of periods) {
    if (!DEPRIVING_STATUSES.has(p.status)) continue;
    const c = covers(p, day);
    if (c === 'certain') certain.add(p.personId);
    if (c) possible.add(p.personId);
  }
  return { day, certain: certain.size, possible: possible.size };
}

/** The count on the first day of each month from `fromMonth` to `toMonth` (YYYY-MM), inclusive. */
export function monthlySeries(
  periods: readonly PeriodLike[],
  fromMonth: string,
  toMonth: string,
): DayCount[] {
  const relevant = periods.filter((p) => DEPRIVING_STATUSES.has(p.status));
  const out: DayCount[] = [];
  let [y, m] = fromMonth.split('-').map(Number) as [number, number];
  const [ey, em] = toMonth.split('-').map(Number) as [number, number];
  while (y < ey || (y === ey && m <= em)) {
    out.push(deprivedOfLibertyOn(relevant, `${y}-${String(m).padStart(2, '0')}-01`));
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
