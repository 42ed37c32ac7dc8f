/**
 * Synthetic victims and the lists that document them, with known truth, for testing record linkage
 * and multiple systems estimation. A population of N people (names, sex, birth date, cédula,
 * residence, one act against them in 2014–2019, some of them siblings detained together) is drawn;
 * each list then records each person with a probability that depends on the list and on how
 * visible the person is (heterogeneous capture: a few on many lists, most on one or two, some on
 * none), each list with its own formats, gaps and error rates.
 */
import { MONTH_NAMES } from '../domain/dates.js';
import { VENEZUELA_STATES } from '../domain/gazetteer.js';
import { digitSwap, digitTypo, soundAlike, stripAccents, typo } from './corrupt.js';
import {
  COMPOUND_NICKNAMES,
  FEMALE_COMPOUND_FIRST,
  FEMALE_NAMES,
  MALE_COMPOUND_FIRST,
  MALE_NAMES,
  MARIA_SECOND,
  NICKNAMES_OF,
  SURNAMES,
} from './names.js';
import { SynthRandom, Weighted, zipf } from './random.js';

export const LIST_COLUMNS = [
  'record_id',
  'given_names',
  'first_surname',
  'second_surname',
  'sex',
  'birth_date',
  'document_id',
  'state',
  'municipality',
  'event_date',
  'act_type',
] as const;

export const ACT_TYPES = [
  'arbitrary_detention',
  'torture',
  'persecution',
  'forced_exile',
  'killing',
  'enforced_disappearance',
  'sexual_violence',
] as const;
const ACT_WEIGHTS = [0.5, 0.14, 0.1, 0.1, 0.06, 0.06, 0.04];
/** How much more (or less) visible a victim of each act is to documenters (added on the logit scale). */
const ACT_VISIBILITY = [0, 0.2, -0.2, -0.3, 1.0, 0.5, -0.5];

export interface SynthOptions {
  people: number;
  lists: number;
  seed: number;
  /** Share of a list's records that are repeated within the same list (default 0.01). */
  duplicates?: number;
}

export interface SynthRow {
  /** 0-based list index (list1.csv is 0). */
  list: number;
  cells: string[];
  personId: string;
}

interface Person {
  id: string;
  sex: 'M' | 'F';
  given: string;
  s1: string;
  s2: string;
  birth: [number, number, number];
  doc: number;
  foreign: boolean;
  state: number;
  municipality: string;
  event: [number, number, number];
  act: number;
  visibility: number;
}

type DateFormat = (y: number, m: number, d: number) => string;
const p2 = (n: number) => String(n).padStart(2, '0');

const DATE_FORMATS: Record<string, DateFormat> = {
  iso: (y, m, d) => `${y}-${p2(m)}-${p2(d)}`,
  dmy: (y, m, d) => `${p2(d)}/${p2(m)}/${y}`,
  compact: (y, m, d) => `${y}${p2(m)}${p2(d)}`,
  loose: (y, m, d) => `${d}/${m}/${y}`,
  words: (y, m, d) => `${d} de ${MONTH_NAMES.es[m - 1]} de ${y}`,
};

function partialDate(style: string, y: number, m: number, r: SynthRandom): string {
  if (r.chance(0.6)) return String(y);
  return style === 'iso' || style === 'compact'
    ? `${y}-${p2(m)}`
    : style === 'words'
      ? `${MONTH_NAMES.es[m - 1]} de ${y}`
      : `${p2(m)}/${y}`;
}

type DocFormat = (n: number, foreign: boolean) => string;
const dotted = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const DOC_FORMATS: Record<string, DocFormat> = {
  dotted: (n, f) => `${f ? 'E' : 'V'}-${dotted(n)}`,
  plain: (n) => String(n),
  prefixed: (n, f) => `${f ? 'E' : 'V'}${n}`,
  dashed: (n, f) => `${f ? 'E' : 'V'}-${n}`,
};

/** How one documenting organisation writes its list. */
interface Profile {
  caseStyle: 'title' | 'upper' | 'lower';
  /** Probability that a value keeps its accents. */
  accents: number;
  date: string;
  doc: string;
  missing: {
    doc: number;
    birth: number;
    second: number;
    municipality: number;
    state: number;
    sex: number;
    event: number;
  };
  /** Multiplier of the error rates. */
  errors: number;
  recordId: (i: number) => string;
  stateStyle: 'plain' | 'prefixed' | 'mixed';
}

const PROFILES: Profile[] = [
  {
    caseStyle: 'title',
    accents: 0.95,
    date: 'iso',
    doc: 'dotted',
    missing: { doc: 0.1, birth: 0.08, second: 0.06, municipality: 0.05, state: 0.01, sex: 0.01, event: 0.01 },
    errors: 0.6,
    recordId: (i) => `R${String(i).padStart(6, '0')}`,
    stateStyle: 'plain',
  },
  {
    caseStyle: 'upper',
    accents: 0,
    date: 'dmy',
    doc: 'plain',
    missing: { doc: 0.3, birth: 0.2, second: 0.12, municipality: 0.15, state: 0.03, sex: 0.03, event: 0.02 },
    errors: 1,
    recordId: (i) => String(i),
    stateStyle: 'prefixed',
  },
  {
    caseStyle: 'title',
    accents: 0.6,
    date: 'words',
    doc: 'prefixed',
    missing: { doc: 0.6, birth: 0.5, second: 0.25, municipality: 0.25, state: 0.05, sex: 0.1, event: 0.02 },
    errors: 1.3,
    recordId: (i) => `MM-${String(i).padStart(5, '0')}`,
    stateStyle: 'mixed',
  },
  {
    caseStyle: 'lower',
    accents: 0.3,
    date: 'compact',
    doc: 'dashed',
    missing: { doc: 0.4, birth: 0.3, second: 0.2, municipality: 0.3, state: 0.04, sex: 0.05, event: 0.03 },
    errors: 1.5,
    recordId: (i) => `h${(i * 7919 + 104729).toString(36)}`,
    stateStyle: 'plain',
  },
  {
    caseStyle: 'upper',
    accents: 0.8,
    date: 'loose',
    doc: 'dotted',
    missing: { doc: 0.15, birth: 0.15, second: 0.08, municipality: 0.1, state: 0.02, sex: 0.02, event: 0.01 },
    errors: 0.8,
    recordId: (i) => `CASO-${String(i).padStart(6, '0')}`,
    stateStyle: 'mixed',
  },
];

/** Approximate state populations (2011 census, millions): where victims lived. */
const STATE_POPULATION: Record<string, number> = {
  'VE-A': 1.94,
  'VE-B': 1.47,
  'VE-C': 0.46,
  'VE-D': 1.63,
  'VE-E': 0.82,
  'VE-F': 1.41,
  'VE-G': 2.25,
  'VE-H': 0.32,
  'VE-I': 0.9,
  'VE-J': 0.75,
  'VE-K': 1.77,
  'VE-L': 0.83,
  'VE-M': 2.68,
  'VE-N': 0.91,
  'VE-O': 0.49,
  'VE-P': 0.88,
  'VE-R': 0.9,
  'VE-S': 1.17,
  'VE-T': 0.69,
  'VE-X': 0.35,
  'VE-U': 0.6,
  'VE-V': 3.7,
  'VE-Y': 0.17,
  'VE-Z': 0.15,
};

const STATES = VENEZUELA_STATES.filter((s) => STATE_POPULATION[s.code] !== undefined);
const STATE_ALIASES: Record<string, string[]> = {
  'VE-A': ['Caracas', 'Dtto. Capital', 'DC'],
  'VE-X': ['Vargas', 'Edo. Vargas'],
};

/** Protest waves: event months weighted by year (2014, 2017 and early 2019 peaks). */
const EVENT_MONTHS: Record<number, number[]> = {
  2014: [2, 8, 10, 8, 6, 3, 2, 1, 1, 1, 1, 1],
  2015: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2],
  2016: [1, 1, 1, 1, 2, 2, 1, 1, 2, 2, 1, 1],
  2017: [1, 1, 2, 10, 12, 10, 10, 4, 1, 1, 1, 1],
  2018: [2, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1],
  2019: [6, 4, 3, 6, 4, 2, 2, 1, 1, 1, 1, 1],
};
const EVENT_YEARS = [2014, 2015, 2016, 2017, 2018, 2019];
const EVENT_YEAR_WEIGHTS = [0.22, 0.07, 0.1, 0.3, 0.12, 0.19];

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Baseline capture probability of list k (before each person's visibility). */
export function listBaseRate(k: number): number {
  const rates = [0.42, 0.33, 0.26, 0.2, 0.16];
  return k < rates.length ? rates[k]! : 0.16 * 0.8 ** (k - rates.length + 1);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

class PopulationDrawer {
  private readonly male = zipf([...MALE_NAMES], 0.9);
  private readonly female = zipf([...FEMALE_NAMES], 0.9);
  private readonly maleFirst = zipf(MALE_COMPOUND_FIRST, 1.2);
  private readonly femaleFirst = zipf(FEMALE_COMPOUND_FIRST, 1.5);
  private readonly maria = zipf(MARIA_SECOND, 0.8);
  private readonly surnames = zipf(SURNAMES, 0.85);
  private readonly states = new Weighted(
    STATES.map((_, i) => i),
    STATES.map((s) => STATE_POPULATION[s.code]!),
  );
  private readonly years = new Weighted(EVENT_YEARS, EVENT_YEAR_WEIGHTS);
  private readonly acts = new Weighted(
    ACT_TYPES.map((_, i) => i),
    ACT_WEIGHTS,
  );
  private readonly docs = new Set<number>();
  private counter = 0;

  constructor(private readonly r: SynthRandom) {}

  private givenNames(sex: 'M' | 'F'): string {
    const r = this.r;
    const single = sex === 'M' ? this.male : this.female;
    if (!r.chance(sex === 'M' ? 0.5 : 0.6)) return single.draw(r);
    const first = (sex === 'M' ? this.maleFirst : this.femaleFirst).draw(r);
    if (first === 'María' && r.chance(0.7)) return `María ${this.maria.draw(r)}`;
    let second = single.draw(r);
    for (let k = 0; second === first && k < 5; k++) second = single.draw(r);
    return second === first ? first : `${first} ${second}`;
  }

  private docNumber(birthYear: number, foreign: boolean): number {
    const r = this.r;
    for (;;) {
      const n = foreign
        ? 80_000_000 + r.int(9_000_000)
        : Math.round(
            Math.min(34_000_000, Math.max(1_000_000, (birthYear - 1932) * 470_000)) + r.normal() * 900_000,
          );
      // The cohort's centre is kept inside the issued range and numbers outside it are drawn again:
      // clamping the number itself would pile a whole cohort onto one number and, once it is
      // taken, never end (a chain of ever-older siblings did exactly that).
      if (!foreign && (n < 400_000 || n > 36_000_000)) continue;
      if (!this.docs.has(n)) {
        this.docs.add(n);
        return n;
      }
    }
  }

  private eventDate(): [number, number, number] {
    const r = this.r;
    const y = this.years.draw(r);
    const weights = EVENT_MONTHS[y]!;
    const m = new Weighted(
      weights.map((_, i) => i + 1),
      weights,
    ).draw(r);
    return [y, m, 1 + r.int(daysIn(y, m))];
  }

  person(sibling?: Person): Person {
    const r = this.r;
    const sex: 'M' | 'F' = r.chance(0.5) ? 'M' : 'F';
    const event = sibling && r.chance(0.4) ? sibling.event : this.eventDate();
    const age = sibling
      ? Math.min(
          90,
          Math.max(14, sibling.event[0] - sibling.birth[0] + (r.chance(0.5) ? 1 : -1) * r.between(1, 12)),
        )
      : 15 + Math.floor(r.float() ** 1.7 * 60);
    const by = event[0] - age;
    const bm = 1 + r.int(12);
    const birth: [number, number, number] = [by, bm, 1 + r.int(daysIn(by, bm))];
    const foreign = r.chance(0.02);
    const stateIdx = sibling ? sibling.state : this.states.draw(r);
    const munis = STATES[stateIdx]!.municipalities;
    // The capital municipality (listed first) is home to more people.
    const municipality = sibling ? sibling.municipality : r.chance(0.3) ? munis[0]! : r.pick(munis);
    let given = this.givenNames(sex);
    if (sibling) for (let k = 0; given === sibling.given && k < 5; k++) given = this.givenNames(sex);
    const s1 = sibling ? sibling.s1 : this.surnames.draw(r);
    let s2 = sibling ? sibling.s2 : this.surnames.draw(r);
    for (let k = 0; !sibling && s2 === s1 && k < 3; k++) s2 = this.surnames.draw(r);
    const act = sibling && event === sibling.event ? sibling.act : this.acts.draw(r);
    this.counter++;
    return {
      id: `P${String(this.counter).padStart(7, '0')}`,
      sex,
      given,
      s1,
      s2,
      birth,
      doc: this.docNumber(by, foreign),
      foreign,
      state: stateIdx,
      municipality,
      event,
      act,
      visibility: sibling ? 0.7 * sibling.visibility + 0.3 * r.normal() : r.normal(),
    };
  }
}

function applyCase(s: string, style: Profile['caseStyle']): string {
  return style === 'upper' ? s.toUpperCase() : style === 'lower' ? s.toLowerCase() : s;
}

/** A name part as one list writes it, with its errors. */
function writeName(s: string, p: Profile, r: SynthRandom): string {
  let out = s;
  if (r.chance(0.04 * p.errors)) out = soundAlike(out, r);
  if (r.chance(0.03 * p.errors)) out = typo(out, r);
  if (!r.chance(p.accents)) out = stripAccents(out);
  return applyCase(out, p.caseStyle);
}

function nickname(given: string, r: SynthRandom): string | undefined {
  if (COMPOUND_NICKNAMES[given]) return COMPOUND_NICKNAMES[given];
  const [first, ...rest] = given.split(' ');
  const nicks = NICKNAMES_OF[first!];
  if (!nicks) return undefined;
  return [r.pick(nicks), ...rest].join(' ');
}

function writeDate(
  date: [number, number, number],
  p: Profile,
  r: SynthRandom,
  kind: 'birth' | 'event',
): string {
  let [y, m, d] = date;
  if (kind === 'event') {
    if (r.chance(0.08)) {
      const shifted = new Date(Date.UTC(y, m - 1, d + (r.chance(0.5) ? 1 : -1) * r.between(1, 3)));
      [y, m, d] = [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
    }
    if (r.chance(0.02)) return partialDate(p.date, y, m, r);
  } else {
    if (r.chance(0.04)) return partialDate(p.date, y, m, r);
    if (d <= 12 && d !== m && r.chance(0.02)) [m, d] = [d, m];
    else if (r.chance(0.015 * p.errors)) {
      const digits = digitTypo(`${y}${p2(m)}${p2(d)}`, r);
      const ny = Number(digits.slice(0, 4));
      const nm = Number(digits.slice(4, 6));
      const nd = Number(digits.slice(6, 8));
      if (nm >= 1 && nm <= 12 && nd >= 1 && nd <= daysIn(ny, nm)) [y, m, d] = [ny, nm, nd];
    } else if (r.chance(0.01 * p.errors)) y += r.chance(0.5) ? 1 : -1;
  }
  return DATE_FORMATS[p.date]!(y, m, d);
}

const MISSING_DOC = ['', '', '', '', '', '', 'S/N', 'N/A', '0', 'sin dato'];

function writeDoc(person: Person, p: Profile, r: SynthRandom): string {
  if (r.chance(p.missing.doc)) return r.pick(MISSING_DOC);
  let digits = String(person.doc);
  if (r.chance(0.02 * p.errors)) digits = digitTypo(digits, r);
  else if (r.chance(0.01 * p.errors)) digits = digitSwap(digits, r);
  else if (r.chance(0.004 * p.errors)) digits = digits.slice(0, -1);
  return DOC_FORMATS[p.doc]!(Number(digits), person.foreign);
}

function writeState(stateIdx: number, p: Profile, r: SynthRandom): string {
  const s = STATES[stateIdx]!;
  const aliases = STATE_ALIASES[s.code];
  let name = aliases && r.chance(0.3) ? r.pick(aliases) : s.name;
  const prefixed = p.stateStyle === 'prefixed' || (p.stateStyle === 'mixed' && r.chance(0.3));
  if (prefixed && !/^(Caracas|DC|Dtto)/.test(name)) name = `${r.chance(0.5) ? 'Edo.' : 'Estado'} ${name}`;
  if (!r.chance(p.accents)) name = stripAccents(name);
  return applyCase(name, p.caseStyle);
}

/** One record of a person in a list. */
function record(person: Person, p: Profile, recordId: string, r: SynthRandom): string[] {
  // Given names: compound names are often cut to their first element, sometimes a nickname is used.
  let given = person.given;
  const parts = given.split(' ');
  if (parts.length > 1 && r.chance(0.18)) given = parts[0]!;
  else if (parts.length > 1 && !given.includes(' de') && r.chance(0.03)) given = parts[parts.length - 1]!;
  else if (r.chance(0.025)) given = nickname(given, r) ?? given;
  let s1 = person.s1;
  let s2 = person.s2;
  // Particle surnames lose the particle now and then ("Freitas" for "De Freitas").
  if (/^(De|Del|Da) /.test(s1) && r.chance(0.2)) s1 = s1.replace(/^(De La|De Los|De|Del|Da) /, '');
  if (r.chance(0.03)) [s1, s2] = [s2, s1];
  if (r.chance(0.015)) {
    s1 = `${s1} ${s2}`;
    s2 = '';
  } else if (r.chance(p.missing.second)) s2 = '';
  const sex = r.chance(p.missing.sex) ? '' : r.chance(0.005) ? (person.sex === 'M' ? 'F' : 'M') : person.sex;
  const birth = r.chance(p.missing.birth) ? '' : writeDate(person.birth, p, r, 'birth');
  const state = r.chance(p.missing.state) ? '' : writeState(person.state, p, r);
  let municipality = '';
  if (!r.chance(p.missing.municipality)) {
    municipality = person.municipality;
    if (r.chance(0.01 * p.errors)) municipality = typo(municipality, r);
    if (!r.chance(p.accents)) municipality = stripAccents(municipality);
    municipality = applyCase(municipality, p.caseStyle);
  }
  const event = r.chance(p.missing.event) ? '' : writeDate(person.event, p, r, 'event');
  const act = r.chance(0.9) ? ACT_TYPES[person.act]! : r.pick(ACT_TYPES);
  return [
    recordId,
    writeName(given, p, r),
    writeName(s1, p, r),
    s2 === '' ? '' : writeName(s2, p, r),
    p.caseStyle === 'lower' ? sex.toLowerCase() : sex,
    birth,
    writeDoc(person, p, r),
    state,
    municipality,
    event,
    act,
  ];
}

export interface SynthSummary {
  people: number;
  /** People on no list (the undocumented). */
  unlisted: number;
  records: number[];
  siblings: number;
}

/**
 * Draws the population and yields list records one at a time (memory stays bounded by the set
 * of cédula numbers). `summary` is filled in as the generator runs.
 */
export function* synthesize(opts: SynthOptions, summary?: SynthSummary): Generator<SynthRow> {
  const r = new SynthRandom(opts.seed);
  const drawer = new PopulationDrawer(r);
  const dupRate = opts.duplicates ?? 0.01;
  const profiles = Array.from({ length: opts.lists }, (_, k) => PROFILES[k % PROFILES.length]!);
  const alpha = Array.from({ length: opts.lists }, (_, k) => logit(listBaseRate(k)));
  const counters = new Array<number>(opts.lists).fill(0);
  const s = summary ?? { people: 0, unlisted: 0, records: [], siblings: 0 };
  s.people = 0;
  s.unlisted = 0;
  s.records = new Array<number>(opts.lists).fill(0);
  s.siblings = 0;
  let previous: Person | undefined;
  for (let i = 0; i < opts.people; i++) {
    const isSibling = previous !== undefined && r.chance(0.06);
    const person = drawer.person(isSibling ? previous : undefined);
    if (isSibling) s.siblings++;
    previous = person;
    s.people++;
    let listed = false;
    for (let k = 0; k < opts.lists; k++) {
      const p = logistic(alpha[k]! + 1.2 * person.visibility + ACT_VISIBILITY[person.act]!);
      if (!r.chance(p)) continue;
      listed = true;
      const copies = r.chance(dupRate) ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        counters[k]!++;
        s.records[k]!++;
        yield {
          list: k,
          cells: record(person, profiles[k]!, profiles[k]!.recordId(counters[k]!), r),
          personId: person.id,
        };
      }
    }
    if (!listed) s.unlisted++;
  }
}
