/**
 * Column roles, not column positions. Name columns are given a role — given names, first surname,
 * second surname — from their header ("nombres", "first_surname", "segundo_apellido", …) or, when
 * headers say nothing, from their order. Roles let the encoder (1) notice a list whose given-name
 * and surname columns are the wrong way round, from how often each value occurs as a given name
 * elsewhere in the data, and (2) split a whole name held in one column with Spanish name grammar:
 * "Apellidos, Nombres" when there is a comma, otherwise given names first or surnames first as
 * the tokens themselves say, one or two given names, one or two surnames.
 */
import type { FieldSpec, FieldType } from './types.js';

export type NameRole = 'given' | 'surname1' | 'surname2';

export interface NameRoles {
  given?: number;
  surname1?: number;
  surname2?: number;
}

const SURNAME = /apellido|surname|last.?name|family/i;
const SECOND = /2|segund|second|materno|mother/i;
const GIVEN = /nombre|given|first.?name|forename|^name/i;

/** Field index of each name role: by header, else by the order of the `name` fields. */
export function inferNameRoles(specs: readonly FieldSpec[]): NameRoles {
  const names = specs.map((s, i) => ({ s, i })).filter((x) => x.s.type === 'name');
  const roles: NameRoles = {};
  for (const { s, i } of names) {
    if (SURNAME.test(s.column)) {
      if (SECOND.test(s.column)) roles.surname2 ??= i;
      else roles.surname1 ??= i;
    } else if (GIVEN.test(s.column)) roles.given ??= i;
  }
  const known = roles.given !== undefined || roles.surname1 !== undefined;
  if (!known && names.length >= 2) {
    roles.given = names[0]!.i;
    roles.surname1 = names[1]!.i;
    if (names.length >= 3) roles.surname2 = names[2]!.i;
  } else if (roles.given !== undefined && roles.surname1 === undefined && roles.surname2 === undefined) {
    // Given names named by the header, surnames not ("nombre", "ap1", "ap2"): the other name
    // columns in order.
    const rest = names.filter((x) => x.i !== roles.given);
    if (rest.length >= 1) roles.surname1 = rest[0]!.i;
    if (rest.length >= 2) roles.surname2 = rest[1]!.i;
  }
  return roles;
}

/** "Pérez Gómez, José Luis" → "José Luis Pérez Gómez"; other text unchanged. */
export function givenFirst(raw: string): string {
  const k = raw.indexOf(',');
  if (k < 0) return raw;
  return `${raw.slice(k + 1).trim()} ${raw.slice(0, k).trim()}`.trim();
}

export interface SplitName {
  given: string;
  surname1: string;
  surname2: string;
}

/**
 * Splits folded name tokens (particles already removed, given names first) into given names and
 * up to two surnames. `givenness(t)` is the share of t's occurrences that are as a given name
 * (0.5 when unknown). Two tokens: one of each. More: the last one or two are surnames, whichever
 * assignment the givenness of the middle tokens makes most likely. `twoSurnames`: whether the
 * data show the Spanish two-surname custom (ties then go to two surnames, else to one: "Mary Ann
 * Smith" has a middle name, not a second surname).
 */
export function splitGivenFirst(
  tokens: readonly string[],
  givenness: (t: string) => number,
  twoSurnames = true,
): SplitName {
  const n = tokens.length;
  if (n === 0) return { given: '', surname1: '', surname2: '' };
  if (n === 1) return { given: tokens[0]!, surname1: '', surname2: '' };
  let best = n - 1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = Math.max(1, n - 2); k <= n - 1; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const g = Math.min(0.99, Math.max(0.01, givenness(tokens[i]!)));
      s += Math.log(i < k ? g : 1 - g);
    }
    // Two surnames are the norm in Spanish names: a slight preference, so ties go that way;
    // where the data show one surname per person, the preference is the other way.
    if (n - k === 2) s += twoSurnames ? 0.1 : -0.1;
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  return {
    given: tokens.slice(0, best).join(' '),
    surname1: tokens[best] ?? '',
    surname2: tokens.slice(best + 1).join(' '),
  };
}

/**
 * Whether tokens are written surnames first ("PEREZ GOMEZ JOSE LUIS"): the first token is far less
 * often a given name than the last one.
 */
export function looksSurnameFirst(tokens: readonly string[], givenness: (t: string) => number): number {
  if (tokens.length < 2) return 0;
  return givenness(tokens[tokens.length - 1]!) - givenness(tokens[0]!);
}

/** Fields the twin guard reads; -1 where the data have none. */
export interface IdentityRoles {
  given: number;
  surname1: number;
  birth: number;
  document: number;
  /** An exact-type sex column, or -1. */
  sex: number;
}

const BIRTH = /nac|birth|dob|born/i;
const SEX = /^(sex|sexo|gender|g[eé]nero)$/i;

/** Given name, first surname, birth date (a date column named so, or the only date) and document. */
export function inferIdentityRoles(specs: readonly FieldSpec[]): IdentityRoles {
  const names = inferNameRoles(specs);
  const dates = specs.map((s, i) => ({ s, i })).filter((x) => x.s.type === 'date');
  const birth = dates.find((x) => BIRTH.test(x.s.column)) ?? (dates.length === 1 ? dates[0] : undefined);
  return {
    given: names.given ?? -1,
    surname1: names.surname1 ?? -1,
    birth: birth?.i ?? -1,
    document: specs.findIndex((s) => s.type === 'id'),
    sex: specs.findIndex((s) => s.type === 'exact' && SEX.test(s.column.trim())),
  };
}

/** Other words for field types, as users name the roles of their columns (`--field calle:street`). */
export const FIELD_TYPE_ALIASES: Readonly<Record<string, FieldType>> = {
  street: 'address',
  zip: 'postcode',
  city: 'locality',
  town: 'locality',
  job: 'occupation',
  profession: 'occupation',
};

/**
 * Header patterns that name a column's role without doubt, in English and Spanish, tried in
 * order. A header that fits none (or is ambiguous, like "place" or "estado", which may or may not
 * be Venezuelan states) gets no type: the user must say.
 */
const HEADER_TYPES: readonly [RegExp, FieldType][] = [
  [/^(post_?code|postal_?code|zip|zip_?code|codigo_?postal|cod_?postal|cp)$/, 'postcode'],
  [/^(full_?name|nombre_?completo|nombre_?y_?apellidos?|apellidos_?y_?nombres?)$/, 'fullname'],
  [/^(address|street|street_?address|address_?line_?1|addr|direccion|domicilio|calle)$/, 'address'],
  [/^(city|town|locality|village|ciudad|localidad|poblacion)$/, 'locality'],
  [/^(occupation|job|job_?title|profession|ocupacion|oficio|profesion)$/, 'occupation'],
  [
    /^(first_?name|given_?names?|forenames?|middle_?names?|nombres?|last_?name|surname|family_?name|(primer|segundo)_?apellido|apellidos?)$/,
    'name',
  ],
  [/^(birth_?date|date_?of_?birth|dob|fecha_?(de_?)?nacimiento)$/, 'date'],
  [/^(sex|gender|sexo|genero)$/, 'exact'],
  [/^(cedula|document_?(id|number)?|passport(_?number)?|national_?id|dni)$/, 'id'],
];

/** A column's type from its header alone, when the header leaves no doubt (HEADER_TYPES); else undefined. */
export function detectFieldType(column: string): FieldType | undefined {
  const h = column
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return HEADER_TYPES.find(([re]) => re.test(h))?.[1];
}
