/**
 * Column mappings: which spreadsheet column feeds which field of the case file. Given as a JSON
 * file (`--mapping`) or as `--map COLUMN=FIELD` flags; unmapped columns whose name already is a
 * field name map to themselves, so a file with Testigo's own headers needs no mapping.
 */
import { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { RecordId } from '../domain/schema.js';

export const IMPORT_KINDS = ['persons', 'acts', 'detentions', 'source-records'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const PERSON_FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'sex',
  'birthDate',
  'document',
  'documentType',
  'nationality',
  'occupation',
  'affiliations',
  'contact',
  'protection',
  'personNotes',
] as const;
const PLACE_FIELDS = ['state', 'municipality', 'site'] as const;

export const TARGET_FIELDS: Record<ImportKind, readonly string[]> = {
  persons: PERSON_FIELDS,
  acts: [
    ...PERSON_FIELDS,
    ...PLACE_FIELDS,
    'actType',
    'actDate',
    'methods',
    'eventKey',
    'eventTitle',
    'eventDescription',
    'outcome',
    'actNotes',
  ],
  detentions: [...PERSON_FIELDS, ...PLACE_FIELDS, 'status', 'from', 'to', 'detentionNotes'],
  'source-records': ['recordId'],
};

export const MappingSpec = z.object({
  kind: z.enum(IMPORT_KINDS),
  /** source column → target field */
  columns: z.record(z.string(), z.string()).default({}),
  /** target field → value used when the column is absent or the cell is empty */
  defaults: z.record(z.string(), z.string()).default({}),
  /** For source-records: the list's name and the organization (source) it comes from. */
  list: z
    .object({ name: z.string().min(1), sourceId: RecordId.optional(), notes: z.string().optional() })
    .optional(),
});
export type MappingSpec = z.infer<typeof MappingSpec>;

export interface ResolvedMapping {
  kind: ImportKind;
  /** target field → source column */
  fieldToColumn: Map<string, string>;
  defaults: Record<string, string>;
  list?: MappingSpec['list'];
}

/** Checks a mapping against a file's header: every mapped column must exist, every field be known. */
export function resolveMapping(spec: MappingSpec, file: string, columns: readonly string[]): ResolvedMapping {
  const known = TARGET_FIELDS[spec.kind];
  const fieldToColumn = new Map<string, string>();
  const issues: { file: string; row?: number; field?: string; message: string }[] = [];
  for (const [column, field] of Object.entries(spec.columns)) {
    if (!columns.includes(column))
      issues.push({
        file,
        row: 1,
        field: column,
        message: `mapped column "${column}" is not in the file (columns: ${columns.join(', ')})`,
      });
    if (!known.includes(field))
      issues.push({
        file,
        field: column,
        message: `"${field}" is not a field of ${spec.kind} imports (fields: ${known.join(', ')})`,
      });
    fieldToColumn.set(field, column);
  }
  for (const c of columns) if (known.includes(c) && !fieldToColumn.has(c)) fieldToColumn.set(c, c);
  for (const f of Object.keys(spec.defaults)) {
    if (!known.includes(f)) issues.push({ file, field: f, message: `default for unknown field "${f}"` });
  }
  if (issues.length) {
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new InputError(`the column mapping does not fit ${file}: ${issues[0]!.message}${more}`, issues);
  }
  if (spec.kind !== 'source-records' && fieldToColumn.size === 0) {
    throw new InputError(`no column of ${file} maps to a field of ${spec.kind}`, [
      {
        file,
        row: 1,
        message: `map columns with --map COLUMN=FIELD or --mapping FILE (fields: ${known.join(', ')})`,
      },
    ]);
  }
  return { kind: spec.kind, fieldToColumn, defaults: spec.defaults, list: spec.list };
}

/** The value of a target field in a row: the mapped cell, else the default, else ''. */
export function cell(m: ResolvedMapping, values: Record<string, string>, field: string): string {
  const col = m.fieldToColumn.get(field);
  const v = col !== undefined ? (values[col] ?? '') : '';
  return v !== '' ? v : (m.defaults[field] ?? '');
}
