import { stripAccents } from '../domain/fold.js';
import { sha256Hex } from '../domain/hashing.js';
import { LIST_COLUMNS } from '../synth/synth.js';
import { addDays, compact, dmy, dmyShort } from './calendar.js';
import type { DemoContext } from './context.js';
import type { Story, Victim } from './events.js';
import type { DemoRng } from './random.js';
import type { Sources } from './sources.js';

/** The columns of the synthetic lists (`testigo synth`): the demo's lists use the same layout. */
export { LIST_COLUMNS };

export interface ListTruth {
  listId: string;
  rowNo: number;
  recordId: string;
  personId: string;
}

interface ListStyle {
  name: string;
  sourceKey: keyof Sources;
  fileName: string;
  notes: string;
  /** Capture probability of a story, before the victim's visibility. */
  capture: (s: Story) => number;
  recordId: (n: number, s: Story) => string;
  accentsDropped: number;
  upper: boolean;
  spelling: number;
  typo: number;
  swap: number;
  noSecond: number;
  shortGiven: number;
  noDoc: number;
  noBirth: number;
  doc: (n: string, foreign: boolean) => string;
  birth: (iso: string) => string;
  eventDate: (iso: string) => string;
  state: (name: string, code: string) => string;
  muni: number;
  noSex: number;
}

const ANDES = new Set(['VE-S', 'VE-L']);
const dots = (n: string) => n.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const STYLES: ListStyle[] = [
  {
    name: 'Registro de detenciones del Foro Ficticio de Defensa Legal (2014–2019)',
    sourceKey: 'foro',
    fileName: 'foro-ficticio-detenciones-2014-2019.csv',
    notes:
      'Casos asistidos por los abogados del Foro (ficticio); cédula verificada en el expediente cuando existe.',
    capture: (s) => (s.event.wave === 'protestas-2014' ? 0.47 : 0.52),
    recordId: (n, s) => `FFDL-${s.event.date.slice(0, 4)}-${String(n).padStart(4, '0')}`,
    accentsDropped: 0.05,
    upper: false,
    spelling: 0.03,
    typo: 0.01,
    swap: 0.01,
    noSecond: 0.05,
    shortGiven: 0.02,
    noDoc: 0.08,
    noBirth: 0.15,
    doc: (n, foreign) => `${foreign ? 'E' : 'V'}-${dots(n)}`,
    birth: (iso) => iso,
    eventDate: (iso) => iso,
    state: (name) => name,
    muni: 0.95,
    noSex: 0.01,
  },
  {
    name: 'Base de datos del Observatorio Ficticio de Derechos Humanos',
    sourceKey: 'observatorio',
    fileName: 'observatorio-ficticio-base.csv',
    notes:
      'Entrevistas y denuncias recibidas por el Observatorio (ficticio); cobertura sistemática desde 2017.',
    capture: (s) => (s.event.date >= '2017-01-01' ? 0.56 : 0.28),
    recordId: (n) => `OFDH${String(n).padStart(5, '0')}`,
    accentsDropped: 0.4,
    upper: false,
    spelling: 0.08,
    typo: 0.03,
    swap: 0.05,
    noSecond: 0.15,
    shortGiven: 0.1,
    noDoc: 0.25,
    noBirth: 0.35,
    doc: (n) => n,
    birth: dmy,
    eventDate: dmy,
    state: (name, code) => (code === 'VE-A' ? 'Caracas' : `Edo. ${name}`),
    muni: 0.6,
    noSex: 0.05,
  },
  {
    name: 'Lista de la Red Ficticia de Defensores Andinos',
    sourceKey: 'red',
    fileName: 'red-andina-ficticia-lista.csv',
    notes:
      'Lista de voluntarios (ficticia), más completa en Táchira y Mérida; nombres transcritos sin acentos.',
    capture: (s) => (ANDES.has(s.event.muni.stateCode) ? 0.85 : 0.3),
    recordId: (n) => String(1000 + n),
    accentsDropped: 1,
    upper: true,
    spelling: 0.1,
    typo: 0.05,
    swap: 0.07,
    noSecond: 0.2,
    shortGiven: 0.15,
    noDoc: 0.4,
    noBirth: 0.5,
    doc: (n) => `V${n}`,
    birth: compact,
    eventDate: dmyShort,
    state: (name) => stripAccents(name).toUpperCase(),
    muni: 0.7,
    noSex: 0.1,
  },
];

/** Spelling variants documenters actually produce; one applicable rule is applied. */
const SPELLING: [RegExp, string][] = [
  [/^Y/, 'J'],
  [/^Jh/, 'J'],
  [/y/, 'i'],
  [/v/, 'b'],
  [/^V/, 'B'],
  [/b/, 'v'],
  [/^B/, 'V'],
  [/z$/, 's'],
  [/squez$/, 'zquez'],
  [/ll/, 'y'],
  [/nn/, 'n'],
  [/th/, 't'],
];

function spellingVariant(s: string, rng: DemoRng): string {
  const rules = SPELLING.filter(([re]) => re.test(s));
  if (!rules.length) return s;
  const [re, to] = rng.pick(rules);
  return s.replace(re, to);
}

function typo(s: string, rng: DemoRng): string {
  if (s.length < 4) return s;
  const i = rng.int(1, s.length - 2);
  return rng.chance(0.5) ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i) + s.slice(i + 1);
}

function actTypeOf(s: Story): string {
  if (s.role === 'killed')
    return s.event.kind === 'raid_execution' ? 'extrajudicial_execution' : 'killing_in_demonstration';
  if (s.role === 'wounded') return 'wounding';
  return 'arbitrary_detention';
}

/** Visibility: how likely documenters are to hear about a victim at all. */
function visibility(v: Victim, s: Story): number {
  let f = 1;
  if (s.role === 'killed') f *= 1.7;
  if (v.protection === 'public') f *= 1.35;
  if (v.protection === 'protected') f *= 0.7;
  if (v.profile === 'activist' || v.profile === 'journalist') f *= 1.2;
  if (s.release && s.release.date === s.event.date) f *= 0.85;
  if (s.prisonSite) f *= 1.15;
  return f;
}

export interface ListFile {
  listId: string;
  name: string;
  fileName: string;
  sourceId: string;
  bytes: Buffer;
}

export function buildLists(
  ctx: DemoContext,
  victims: Victim[],
  sources: Sources,
): { truth: ListTruth[]; files: ListFile[] } {
  const { rng } = ctx;
  const truth: ListTruth[] = [];
  const files: ListFile[] = [];
  const stories = victims
    .flatMap((v) => v.stories)
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
  for (const style of STYLES) {
    const listId = ctx.id('lst');
    const rows: Record<string, string>[] = [];
    const rowPersons: string[] = [];
    const pushRow = (s: Story) => {
      const data = row(style, s, rows.length + 1, rng);
      rows.push(data);
      rowPersons.push(s.victim.id);
    };
    for (const s of stories) {
      if (!rng.chance(Math.min(0.97, style.capture(s) * visibility(s.victim, s)))) continue;
      pushRow(s);
      // The same case reported twice (by two relatives, or in two campaigns).
      if (rng.chance(0.02)) pushRow(s);
    }
    const csv = toCsv(rows);
    const sha256 = sha256Hex(csv);
    ctx.add('source-lists', listId, {
      name: style.name,
      sourceId: sources[style.sourceKey],
      fileName: style.fileName,
      sha256,
      columns: [...LIST_COLUMNS],
      rowCount: rows.length,
      notes: `${style.notes} Lista ficticia del caso demostrativo.`,
    });
    rows.forEach((data, i) => {
      // Spreadsheet numbering: the header is row 1, the first record row 2.
      const rowNo = i + 2;
      ctx.sourceRecords.push({ listId, rowNo, recordId: data.record_id!, data, personId: null });
      truth.push({ listId, rowNo, recordId: data.record_id!, personId: rowPersons[i]! });
    });
    files.push({
      listId,
      name: style.name,
      fileName: style.fileName,
      sourceId: sources[style.sourceKey],
      bytes: csv,
    });
  }
  return { truth, files };
}

function row(style: ListStyle, s: Story, n: number, rng: DemoRng): Record<string, string> {
  const v = s.victim;
  const name = (x: string) => {
    let out = x;
    if (rng.chance(style.spelling)) out = spellingVariant(out, rng);
    if (rng.chance(style.typo)) out = typo(out, rng);
    if (rng.chance(style.accentsDropped)) out = stripAccents(out);
    return style.upper ? out.toUpperCase() : out;
  };
  let given = v.given;
  if (given.includes(' ') && rng.chance(style.shortGiven)) given = given.split(' ')[0]!;
  const swap = rng.chance(style.swap);
  const first = swap ? v.s2 : v.s1;
  const second = swap ? v.s1 : v.s2;
  let doc = '';
  if (v.cedula && !rng.chance(style.noDoc)) {
    let num = v.cedula.number;
    if (rng.chance(0.02)) {
      const i = rng.int(0, num.length - 1);
      num = num.slice(0, i) + String((Number(num[i]) + rng.int(1, 8)) % 10) + num.slice(i + 1);
    }
    doc = style.doc(num, v.cedula.type === 'cedula_extranjero');
  }
  const eventDay = rng.chance(0.05) ? addDays(s.event.date, rng.chance(0.5) ? 1 : -1) : s.event.date;
  return {
    record_id: style.recordId(n, s),
    given_names: name(given),
    first_surname: name(first),
    second_surname: rng.chance(style.noSecond) ? '' : name(second),
    sex: rng.chance(style.noSex) ? '' : v.sex === 'female' ? 'F' : 'M',
    birth_date: v.birth && !rng.chance(style.noBirth) ? style.birth(v.birth) : '',
    document_id: doc,
    state: style.state(s.event.muni.stateName, s.event.muni.stateCode),
    municipality: rng.chance(style.muni)
      ? style.upper
        ? stripAccents(s.event.muni.name).toUpperCase()
        : s.event.muni.name
      : '',
    event_date: style.eventDate(eventDay),
    act_type: actTypeOf(s),
  };
}

function toCsv(rows: Record<string, string>[]): Buffer {
  const cell = (x: string) => (/[",\n\r]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const lines = [
    LIST_COLUMNS.join(','),
    ...rows.map((r) => LIST_COLUMNS.map((c) => cell(r[c] ?? '')).join(',')),
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
