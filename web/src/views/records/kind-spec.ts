/**
 * The record screens of every kind are one list, one detail page and one form, driven by these
 * field specs (a field's name is its name in the kind's schema on the server, src/domain/schema.ts;
 * references mirror the kind registry, src/domain/kinds.ts). A new kind gets its screens from one
 * entry here and its labels in locales/records.*.ts.
 */
export type FieldType =
  | { t: 'text'; required?: boolean; max?: number }
  | { t: 'textarea'; required?: boolean }
  | { t: 'vocab'; vocab: string; required?: boolean }
  | { t: 'vocabs'; vocab: string }
  | { t: 'date'; required?: boolean }
  | { t: 'ref'; kind: string; required?: boolean }
  | { t: 'refs'; kind: string }
  | { t: 'bool' };

export interface FieldSpec {
  /** Path in the body; "supports.actIds" for nested ones. */
  name: string;
  type: FieldType;
  /** May be used as an equality filter in the list (an indexed column on the server). */
  filter?: boolean;
  /** Shown as a column of the list. */
  column?: boolean;
}

export interface KindScreens {
  /** API name (plural, kebab-case). */
  name: string;
  fields: FieldSpec[];
  /** Created through the generic form (evidence and lists come by upload). */
  creatable: boolean;
  /** Relations the other way: records of `kind` whose `field` points at this one (server-filterable). */
  inbound: { kind: string; field: string }[];
}

const f = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  ...extra,
});

export const KIND_SCREENS: KindScreens[] = [
  {
    name: 'persons',
    creatable: true,
    fields: [
      f('givenNames', { t: 'text' }),
      f('firstSurname', { t: 'text' }),
      f('secondSurname', { t: 'text' }),
      f('sex', { t: 'vocab', vocab: 'sex' }, { column: true }),
      f('birthDate', { t: 'date' }),
      f('occupation', { t: 'text' }, { column: true }),
      f('contact', { t: 'textarea' }),
      f('protection', { t: 'vocab', vocab: 'protection_level', required: true }, { column: true }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [
      { kind: 'acts', field: 'victimId' },
      { kind: 'detention-periods', field: 'personId' },
      { kind: 'memberships', field: 'personId' },
      { kind: 'involvements', field: 'personId' },
    ],
  },
  {
    name: 'events',
    creatable: true,
    fields: [
      f('title', { t: 'text', required: true }),
      f('date', { t: 'date' }, { column: true }),
      f('placeId', { t: 'ref', kind: 'places' }, { filter: true, column: true }),
      f('violationStatus', { t: 'vocab', vocab: 'violation_status' }),
      f('attribution', { t: 'vocab', vocab: 'attribution' }),
      f('description', { t: 'textarea' }),
    ],
    inbound: [{ kind: 'acts', field: 'eventId' }],
  },
  {
    name: 'acts',
    creatable: true,
    fields: [
      f('eventId', { t: 'ref', kind: 'events', required: true }, { filter: true, column: true }),
      f('victimId', { t: 'ref', kind: 'persons', required: true }, { filter: true, column: true }),
      f('type', { t: 'vocab', vocab: 'act_type', required: true }, { filter: true, column: true }),
      f('methods', { t: 'vocabs', vocab: 'violence_method' }),
      f('date', { t: 'date' }, { column: true }),
      f('placeId', { t: 'ref', kind: 'places' }, { column: true }),
      f('outcome', { t: 'textarea' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [
      { kind: 'involvements', field: 'actId' },
      { kind: 'detention-periods', field: 'actId' },
    ],
  },
  {
    name: 'involvements',
    creatable: true,
    fields: [
      f('actId', { t: 'ref', kind: 'acts', required: true }, { filter: true, column: true }),
      f('personId', { t: 'ref', kind: 'persons' }, { filter: true, column: true }),
      f('unitId', { t: 'ref', kind: 'units' }, { filter: true, column: true }),
      f('degree', { t: 'vocab', vocab: 'involvement_degree', required: true }, { column: true }),
      f('perpetratorType', { t: 'vocab', vocab: 'perpetrator_type' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [],
  },
  {
    name: 'units',
    creatable: true,
    fields: [
      f('name', { t: 'text', required: true }),
      f('acronym', { t: 'text' }, { column: true }),
      f('kind', { t: 'vocab', vocab: 'unit_kind', required: true }, { filter: true, column: true }),
      f('perpetratorType', { t: 'vocab', vocab: 'perpetrator_type' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [
      { kind: 'memberships', field: 'unitId' },
      { kind: 'involvements', field: 'unitId' },
    ],
  },
  {
    name: 'memberships',
    creatable: true,
    fields: [
      f('personId', { t: 'ref', kind: 'persons', required: true }, { filter: true, column: true }),
      f('unitId', { t: 'ref', kind: 'units', required: true }, { filter: true, column: true }),
      f('rank', { t: 'text' }, { column: true }),
      f('position', { t: 'text' }),
      f('commander', { t: 'bool' }),
      f('from', { t: 'date' }),
      f('to', { t: 'date' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [],
  },
  {
    name: 'places',
    creatable: true,
    fields: [
      f('name', { t: 'text', required: true }),
      f('kind', { t: 'vocab', vocab: 'place_kind', required: true }, { filter: true, column: true }),
      f('stateCode', { t: 'text' }, { filter: true, column: true }),
      f('municipality', { t: 'text' }),
      f('parentId', { t: 'ref', kind: 'places' }),
      f('operatorUnitId', { t: 'ref', kind: 'units' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [],
  },
  {
    name: 'detention-periods',
    creatable: true,
    fields: [
      f('personId', { t: 'ref', kind: 'persons', required: true }, { filter: true, column: true }),
      f('status', { t: 'vocab', vocab: 'detention_status', required: true }, { filter: true, column: true }),
      f('from', { t: 'date', required: true }, { column: true }),
      f('to', { t: 'date' }),
      f('placeId', { t: 'ref', kind: 'places' }, { column: true }),
      f('actId', { t: 'ref', kind: 'acts' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [],
  },
  {
    name: 'testimonies',
    creatable: true,
    fields: [
      f('title', { t: 'text', required: true }),
      f('witnessId', { t: 'ref', kind: 'persons' }, { column: true }),
      f('witnessRelation', { t: 'vocab', vocab: 'source_connection' }),
      f('sourceId', { t: 'ref', kind: 'sources' }, { filter: true }),
      f('date', { t: 'date' }, { column: true }),
      f('language', { t: 'text', required: true, max: 3 }),
      f('interviewer', { t: 'text' }),
      f('materialType', { t: 'vocab', vocab: 'source_material' }),
      f('consent', { t: 'vocab', vocab: 'consent_scope', required: true }, { column: true }),
      f('credibility', { t: 'vocab', vocab: 'information_credibility' }),
      f('protection', { t: 'vocab', vocab: 'protection_level', required: true }),
      f('supports.eventIds', { t: 'refs', kind: 'events' }),
      f('supports.actIds', { t: 'refs', kind: 'acts' }),
      f('supports.personIds', { t: 'refs', kind: 'persons' }),
      f('evidenceIds', { t: 'refs', kind: 'evidence' }),
      f('statement', { t: 'textarea', required: true }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [],
  },
  {
    name: 'sources',
    creatable: true,
    fields: [
      f('name', { t: 'text', required: true }),
      f('kind', { t: 'vocab', vocab: 'source_kind', required: true }, { filter: true, column: true }),
      f('connection', { t: 'vocab', vocab: 'source_connection' }),
      f('reliability', { t: 'vocab', vocab: 'source_reliability' }, { column: true }),
      f('personId', { t: 'ref', kind: 'persons' }),
      f('protection', { t: 'vocab', vocab: 'protection_level' }),
      f('contact', { t: 'textarea' }),
      f('notes', { t: 'textarea' }),
    ],
    inbound: [{ kind: 'testimonies', field: 'sourceId' }],
  },
];

export function screensOf(name: string | undefined): KindScreens | undefined {
  return KIND_SCREENS.find((k) => k.name === name);
}

/** The i18n key of a field's label ("supports.actIds" → records.field.supportsActIds). */
export function fieldKey(name: string): string {
  return `records.field.${name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

export function getPath(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], body);
}

export function setPath(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    const out = { ...body };
    if (
      value === undefined ||
      value === '' ||
      (Array.isArray(value) && value.length === 0 && !(head in body))
    )
      delete out[head];
    else out[head] = value;
    return out;
  }
  return { ...body, [head]: setPath((body[head] as Record<string, unknown>) ?? {}, rest.join('.'), value) };
}

/** Fields the server adds when presenting a record: never sent back. */
export const PRESENTED_ONLY = [
  'id',
  'caseId',
  'kind',
  'version',
  'createdAt',
  'updatedAt',
  'displayName',
  'pseudonymised',
  'withheld',
  'effectiveProtection',
];

/** The body to send: the record as read (fields the form does not show are kept), minus presentation. */
export function bodyOf(record: Record<string, unknown>, spec?: KindScreens): Record<string, unknown> {
  const out = { ...record };
  // A body field may share a name with presentation (a place's or unit's own `kind`): kept.
  const own = new Set(spec?.fields.map((f) => f.name));
  for (const k of PRESENTED_ONLY) if (!own.has(k)) delete out[k];
  return out;
}

/** The route of a record's page (testimonies and evidence have their own pages). */
export function recordPath(caseId: string, kind: string, id: string): string {
  if (kind === 'testimonies') return `/c/${caseId}/testimonies/${id}`;
  // Evidence keeps its own viewer (files, custody), outside the generic record screens.
  if (kind === 'evidence') return `/c/${caseId}/evidence/${id}`;
  return `/c/${caseId}/r/${kind}/${id}`;
}
