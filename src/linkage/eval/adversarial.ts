/**
 * An adversarial generator for record linkage, written apart from `synth` and its assumptions: a
 * population of Venezuelan-style people, four lists that each capture a share of them with light
 * noise, and one named perturbation applied on top — the ways real lists differ from the ones a
 * model was built on (swapped name columns, a whole name in one column, "Apellidos, Nombres",
 * very common names, twins, consecutive cédulas, dropped accents, cut compound names, nicknames,
 * day/month swaps, missing fields, within-list duplicates, upper case, initials). Pure: the same
 * seed gives the same lists. Truth is the person id of every record; `affected` marks the records
 * (or people) the perturbation touched, so the harness can score them apart.
 */

import { stripAccents } from '../../domain/fold.js';
import { Rng } from '../random.js';
import type { FieldSpec, LinkRecord } from '../types.js';

const MALE = [
  'José',
  'Luis',
  'Carlos',
  'Juan',
  'Jesús',
  'Miguel',
  'Pedro',
  'Antonio',
  'Francisco',
  'Manuel',
  'Rafael',
  'Alejandro',
  'Ángel',
  'Andrés',
  'Ricardo',
  'Eduardo',
  'Fernando',
  'Jorge',
  'Víctor',
  'Daniel',
  'Gabriel',
  'Héctor',
  'Óscar',
  'Ramón',
  'Julio',
  'Alberto',
  'Roberto',
  'Enrique',
  'Wilmer',
  'Yonathan',
  'Jhonny',
  'Deivis',
  'Freddy',
  'Nelson',
  'Omar',
  'Rubén',
  'Simón',
  'Tomás',
  'Ignacio',
  'Guillermo',
  'Gustavo',
  'Orlando',
  'Edgar',
  'Douglas',
  'Leonardo',
  'Richard',
  'Armando',
  'Efraín',
  'Germán',
  'Iván',
  'Joel',
  'Kevin',
  'Moisés',
  'Nicolás',
  'Samuel',
  'Wilfredo',
  'Yorman',
];
const FEMALE = [
  'María',
  'Ana',
  'Carmen',
  'Rosa',
  'Luisa',
  'Carolina',
  'Andrea',
  'Gabriela',
  'Daniela',
  'Alejandra',
  'Isabel',
  'Patricia',
  'Yolanda',
  'Yusmary',
  'Mariela',
  'Milagros',
  'Josefina',
  'Beatriz',
  'Elena',
  'Fernanda',
  'Gloria',
  'Inés',
  'Juana',
  'Karina',
  'Lourdes',
  'Marisol',
  'Nancy',
  'Omaira',
  'Paola',
  'Raquel',
  'Sofía',
  'Teresa',
  'Verónica',
  'Xiomara',
  'Yajaira',
  'Zulay',
  'Mónica',
  'Natalia',
  'Ángela',
  'Belkis',
  'Coromoto',
  'Dayana',
  'Emilia',
  'Francis',
  'Graciela',
  'Hilda',
  'Ivonne',
  'Jennifer',
  'Lisbeth',
  'Maite',
  'Norma',
  'Olga',
  'Rebeca',
  'Silvia',
  'Yelitza',
  'Zoraida',
  'Guadalupe',
];
const SURNAMES = [
  'González',
  'Rodríguez',
  'Pérez',
  'Hernández',
  'García',
  'Martínez',
  'López',
  'Díaz',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Rojas',
  'Flores',
  'Gómez',
  'Morales',
  'Castillo',
  'Vásquez',
  'Romero',
  'Herrera',
  'Medina',
  'Suárez',
  'Rivas',
  'Mendoza',
  'Contreras',
  'Silva',
  'Marcano',
  'Blanco',
  'Guerrero',
  'Álvarez',
  'Jiménez',
  'Moreno',
  'Ruiz',
  'Castro',
  'Chacón',
  'Briceño',
  'Zambrano',
  'Quintero',
  'Paredes',
  'Salazar',
  'Ortega',
  'Villegas',
  'Acosta',
  'Aguilar',
  'Bravo',
  'Cabrera',
  'Colmenares',
  'Delgado',
  'Escalona',
  'Fuentes',
  'Gil',
  'Gutiérrez',
  'Ibarra',
  'Lara',
  'Linares',
  'Machado',
  'Marín',
  'Mora',
  'Navarro',
  'Núñez',
  'Ochoa',
  'Parra',
  'Peña',
  'Quiroz',
  'Ramos',
  'Reyes',
  'Rincón',
  'Sosa',
  'Tovar',
  'Urdaneta',
  'Valero',
  'Vargas',
  'Yánez',
  'Zerpa',
  'Arteaga',
  'Bello',
  'Carrasco',
  'De La Cruz',
  'Del Valle',
  'Duarte',
  'Echeverría',
  'Farías',
  'Gallardo',
  'Hurtado',
  'Infante',
  'Leal',
  'Luna',
  'Meléndez',
  'Montilla',
  'Nieves',
  'Olivares',
  'Pacheco',
  'Piñero',
  'Rangel',
  'Sequera',
  'Toro',
  'Uzcátegui',
  'Velásquez',
  'Zapata',
  'Bolívar',
  'Camacho',
];
const STATES = [
  'Zulia',
  'Miranda',
  'Carabobo',
  'Lara',
  'Distrito Capital',
  'Aragua',
  'Anzoátegui',
  'Bolívar',
  'Táchira',
  'Sucre',
  'Mérida',
  'Falcón',
  'Portuguesa',
  'Monagas',
  'Barinas',
  'Trujillo',
];
/** Nicknames a list may write instead of the given name (some the linker knows, some it may not). */
const NICKS: Record<string, string> = {
  José: 'Pepe',
  Jesús: 'Chucho',
  Francisco: 'Pancho',
  Ignacio: 'Nacho',
  Guillermo: 'Memo',
  Antonio: 'Toño',
  Enrique: 'Quique',
  Eduardo: 'Lalo',
  Alejandro: 'Alex',
  Roberto: 'Robert',
  Rafael: 'Rafa',
  Manuel: 'Manolo',
  Guadalupe: 'Lupe',
  Josefina: 'Chepina',
  Teresa: 'Tere',
  Daniela: 'Dani',
  Gabriela: 'Gaby',
  Patricia: 'Paty',
  Isabel: 'Chabela',
  Rosa: 'Rosita',
};

export const PERTURBATIONS = [
  'none',
  'swapped_given_surname',
  'fullname_one_column',
  'apellidos_nombres',
  'common_name',
  'twins',
  'twins_consecutive_id',
  'twins_compound_halves',
  'twins_compound_halves_consecutive_id',
  'accents_dropped',
  'compound_given_cut',
  'nicknames',
  'day_month_swap',
  'missing_fields',
  'missing_fields_severe',
  'within_list_duplicates',
  'upper_case',
  'initials',
] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

export interface Person {
  id: number;
  sex: 'M' | 'F';
  given: string[];
  surname1: string;
  surname2: string;
  birth: { y: number; m: number; d: number };
  doc: number;
  state: string;
}

export interface AdversarialSet {
  perturbation: Perturbation;
  people: number;
  records: LinkRecord[];
  /** Person id of each record (aligned with records). */
  person: number[];
  /** Per record: whether the perturbation changed it (or its person, for people-level perturbations). */
  affected: boolean[];
  /** Column holding the whole name in perturbed lists, when the perturbation uses one. */
  fullNameColumn?: string;
}

export interface AdversarialOptions {
  people?: number;
  lists?: number;
  /** Chance that a person appears in a list. */
  capture?: number;
  /** People a people-level perturbation touches (renamed, twinned). */
  touched?: number;
  seed?: number;
}

/** The columns every list has; `nombre_completo` only where a perturbation uses it. */
export const COLUMNS = {
  given: 'nombres',
  surname1: 'primer_apellido',
  surname2: 'segundo_apellido',
  sex: 'sexo',
  birth: 'fecha_nacimiento',
  doc: 'cedula',
  state: 'estado',
  full: 'nombre_completo',
} as const;

/** The identity fields of the adversarial lists, each with its comparator type. */
export const ADVERSARIAL_FIELDS: readonly FieldSpec[] = [
  { column: COLUMNS.given, type: 'name' },
  { column: COLUMNS.surname1, type: 'name' },
  { column: COLUMNS.surname2, type: 'name' },
  { column: COLUMNS.sex, type: 'exact' },
  { column: COLUMNS.birth, type: 'date' },
  { column: COLUMNS.doc, type: 'id' },
  { column: COLUMNS.state, type: 'place' },
];

/** Zipf-like pick: early entries of a list are more common, as real name frequencies are. */
const zipf = (rng: Rng, list: readonly string[]) => list[Math.floor(list.length * rng.float() ** 2.2)]!;
const pad = (x: number) => String(x).padStart(2, '0');

function person(rng: Rng, id: number, docs: Set<number>): Person {
  const sex = rng.float() < 0.5 ? 'M' : 'F';
  const pool = sex === 'M' ? MALE : FEMALE;
  const given = [zipf(rng, pool)];
  if (rng.float() < 0.55) {
    let second = zipf(rng, pool);
    while (second === given[0]) second = zipf(rng, pool);
    given.push(second);
  }
  let doc = 4_000_000 + rng.int(26_000_000);
  while (docs.has(doc)) doc = 4_000_000 + rng.int(26_000_000);
  docs.add(doc);
  return {
    id,
    sex,
    given,
    surname1: zipf(rng, SURNAMES),
    surname2: zipf(rng, SURNAMES),
    birth: { y: 1940 + rng.int(65), m: 1 + rng.int(12), d: 1 + rng.int(28) },
    doc,
    state: zipf(rng, STATES),
  };
}

/** One light typo: a letter dropped, doubled or replaced by a neighbour (rate ~ what clerks make). */
export function typo(rng: Rng, s: string): string {
  if (s.length < 4) return s;
  const i = 1 + rng.int(s.length - 2);
  switch (rng.int(3)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s[i] + s.slice(i);
    default:
      return s.slice(0, i) + 'aeiourlnst'[rng.int(10)] + s.slice(i + 1);
  }
}

interface Row {
  person: number;
  list: number;
  given: string;
  surname1: string;
  surname2: string;
  sex: string;
  birth: string;
  doc: string;
  state: string;
  full?: string;
  affected: boolean;
}

/** A list's version of a person: the base noise every list has. */
function baseRow(rng: Rng, p: Person, list: number): Row {
  const maybeTypo = (s: string) => (rng.float() < 0.04 ? typo(rng, s) : s);
  const accents = rng.float() < 0.5 ? (s: string) => s : stripAccents;
  const b = p.birth;
  const birth = rng.float() < 0.08 ? '' : `${pad(b.d)}/${pad(b.m)}/${b.y}`;
  let doc = '';
  if (rng.float() < 0.75) {
    let d = String(p.doc);
    if (rng.float() < 0.03) d = typo(rng, d).replace(/[^0-9]/g, '7');
    doc = rng.float() < 0.4 ? `V-${d.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}` : d;
  }
  return {
    person: p.id,
    list,
    given: accents(maybeTypo(p.given.join(' '))),
    surname1: accents(maybeTypo(p.surname1)),
    surname2: rng.float() < 0.1 ? '' : accents(maybeTypo(p.surname2)),
    sex: rng.float() < 0.05 ? '' : p.sex,
    birth,
    doc,
    state: rng.float() < 0.15 ? '' : p.state,
    affected: false,
  };
}

/** The list a list-level perturbation is applied to. */
const PERTURBED_LIST = 1;

/**
 * Builds the population and the lists and applies `perturbation`. List-level perturbations
 * (swapped columns, a whole name in one column, "Apellidos, Nombres", upper case) change every
 * record of list 2; record-level ones change 30% of records; people-level ones (common names,
 * twins) touch `touched` people.
 */
export function adversarialSet(perturbation: Perturbation, opts: AdversarialOptions = {}): AdversarialSet {
  const nPeople = opts.people ?? 5000;
  const lists = opts.lists ?? 4;
  const capture = opts.capture ?? 0.55;
  const touched = Math.min(opts.touched ?? 300, Math.floor(nPeople / 4));
  const rng = new Rng(opts.seed ?? 7);
  const docs = new Set<number>();
  const people: Person[] = [];
  const touchedPeople = new Set<number>();
  for (let i = 0; i < nPeople; i++) people.push(person(rng, i, docs));

  if (perturbation === 'common_name') {
    for (let k = 0; k < touched; k++) {
      const p = people[k * 3]!;
      p.given = [p.sex === 'M' ? 'José' : 'María'];
      p.surname1 = 'Rodríguez';
      touchedPeople.add(p.id);
    }
  }
  const halves =
    perturbation === 'twins_compound_halves' || perturbation === 'twins_compound_halves_consecutive_id';
  // Compound given names other people hold, by sex: the halves twins are named from.
  const compounds = (sex: 'M' | 'F') =>
    people.filter((p, i) => p.sex === sex && p.given.length === 2 && (i % 3 !== 0 || i >= 3 * touched));
  const donors = halves ? { M: compounds('M'), F: compounds('F') } : null;
  if (perturbation === 'twins' || perturbation === 'twins_consecutive_id' || halves) {
    // Each twin is a new person sharing surnames, birth date, place and sex-independent details
    // with an existing one; other given name, other cédula (the next number when consecutive).
    // Halves twins: same sex, and the two are named with the two words of a compound given name
    // somebody else in the population has ("María" and "Carmen" where "María Carmen" occurs), so
    // that the names alone look like one person whose lists kept different halves of one name.
    for (let k = 0; k < touched; k++) {
      const a = people[k * 3]!;
      const b = person(rng, people.length, docs);
      b.surname1 = a.surname1;
      b.surname2 = a.surname2;
      b.birth = { ...a.birth };
      b.state = a.state;
      const pool = b.sex === 'M' ? MALE : FEMALE;
      // Another given name: no word in common with the twin's ("Luis" and "José Luis" could be one
      // person whose compound name was cut, which is another perturbation).
      while (b.given.some((g) => a.given.includes(g))) b.given = b.given.map(() => zipf(rng, pool));
      if (donors) {
        const from = donors[a.sex];
        const [x, y] = from[rng.int(from.length)]!.given as [string, string];
        const flip = rng.float() < 0.5;
        a.given = [flip ? y : x];
        b.given = [flip ? x : y];
        b.sex = a.sex;
      }
      if (
        perturbation === 'twins_consecutive_id' ||
        perturbation === 'twins_compound_halves_consecutive_id'
      ) {
        docs.delete(b.doc);
        b.doc = a.doc + 1;
        docs.add(b.doc);
      }
      people.push(b);
      touchedPeople.add(a.id).add(b.id);
    }
  }

  const rows: Row[] = [];
  for (const p of people) {
    let any = false;
    for (let l = 0; l < lists; l++) {
      // Twins are captured together more often than chance: they are reported together.
      if (rng.float() >= capture && !(l === lists - 1 && !any)) continue;
      any = true;
      const r = baseRow(rng, p, l);
      r.affected = touchedPeople.has(p.id);
      rows.push(r);
    }
  }

  const perRecord = (f: (r: Row) => boolean) => {
    for (const r of rows) if (rng.float() < 0.3 && f(r)) r.affected = true;
  };
  const inList = rows.filter((r) => r.list === PERTURBED_LIST);
  let fullNameColumn: string | undefined;
  switch (perturbation) {
    case 'swapped_given_surname':
      for (const r of inList) {
        [r.given, r.surname1] = [r.surname1, r.given];
        r.affected = true;
      }
      break;
    case 'fullname_one_column':
    case 'apellidos_nombres':
      fullNameColumn = COLUMNS.full;
      for (const r of inList) {
        const surnames = [r.surname1, r.surname2].filter(Boolean).join(' ');
        r.full =
          perturbation === 'fullname_one_column'
            ? `${r.given} ${surnames}`
            : `${surnames}, ${r.given}`.toUpperCase();
        r.given = '';
        r.surname1 = '';
        r.surname2 = '';
        r.affected = true;
      }
      break;
    case 'accents_dropped':
      perRecord((r) => {
        const before = r.given + r.surname1 + r.surname2;
        r.given = stripAccents(r.given).replace(/ñ/g, 'n').replace(/Ñ/g, 'N');
        r.surname1 = stripAccents(r.surname1).replace(/ñ/g, 'n');
        r.surname2 = stripAccents(r.surname2).replace(/ñ/g, 'n');
        return before !== r.given + r.surname1 + r.surname2;
      });
      break;
    case 'compound_given_cut':
      perRecord((r) => {
        const parts = r.given.split(' ');
        if (parts.length < 2) return false;
        r.given = rng.float() < 0.7 ? parts[0]! : parts[1]!;
        return true;
      });
      break;
    case 'nicknames':
      perRecord((r) => {
        const parts = r.given.split(' ');
        const nick = NICKS[parts[0]!] ?? NICKS[stripAccents(parts[0]!)];
        if (!nick) return false;
        r.given = nick;
        return true;
      });
      break;
    case 'day_month_swap':
      perRecord((r) => {
        const m = r.birth.match(/^(\d\d)\/(\d\d)\/(\d{4})$/);
        if (!m || m[1] === m[2] || Number(m[1]) > 12) return false;
        r.birth = `${m[2]}/${m[1]}/${m[3]}`;
        return true;
      });
      break;
    case 'missing_fields':
      perRecord((r) => {
        // One of the two strong fields gone, and the place.
        if (rng.float() < 0.5) r.doc = '';
        else r.birth = '';
        r.state = '';
        return true;
      });
      break;
    case 'missing_fields_severe':
      perRecord((r) => {
        // Two of the strong fields gone at once: many pairs keep only names and sex, which in
        // this population is not enough to tell people apart (the limit of any linker).
        const drop = rng.int(3);
        if (drop !== 0) r.doc = '';
        if (drop !== 1) r.birth = '';
        if (drop !== 2) r.surname2 = '';
        r.state = '';
        return true;
      });
      break;
    case 'within_list_duplicates': {
      const extra: Row[] = [];
      for (const r of rows)
        if (rng.float() < 0.15) {
          const p = people[r.person]!;
          const dup = baseRow(rng, p, r.list);
          dup.affected = true;
          r.affected = true;
          extra.push(dup);
        }
      rows.push(...extra);
      break;
    }
    case 'upper_case':
      for (const r of inList) {
        r.given = r.given.toUpperCase();
        r.surname1 = r.surname1.toUpperCase();
        r.surname2 = r.surname2.toUpperCase();
        r.affected = true;
      }
      break;
    case 'initials':
      perRecord((r) => {
        const parts = r.given.split(' ');
        if (parts.length === 1) r.given = `${parts[0]![0]}.`;
        else r.given = `${parts[0]} ${parts[1]![0]}.`;
        return true;
      });
      break;
    default:
      break;
  }

  // Lists are not sorted by person: shuffle within each list (Fisher–Yates), then number.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  rows.sort((x, y) => x.list - y.list);
  const counter = new Array<number>(lists).fill(0);
  const records: LinkRecord[] = rows.map((r) => {
    const values: Record<string, string> = {
      [COLUMNS.given]: r.given,
      [COLUMNS.surname1]: r.surname1,
      [COLUMNS.surname2]: r.surname2,
      [COLUMNS.sex]: r.sex,
      [COLUMNS.birth]: r.birth,
      [COLUMNS.doc]: r.doc,
      [COLUMNS.state]: r.state,
    };
    if (r.full !== undefined) values[COLUMNS.full] = r.full;
    return { source: `lista${r.list + 1}`, id: String(++counter[r.list]!), values };
  });
  return {
    perturbation,
    people: people.length,
    records,
    person: rows.map((r) => r.person),
    affected: rows.map((r) => r.affected),
    fullNameColumn,
  };
}
