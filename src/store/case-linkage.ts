/**
 * Record linkage inside a case file: the organizations' list records (source_record rows) are
 * linked to each other and to the case's documented persons with the linkage engine, then tied to
 * persons in one transaction. Provenance is never lost: a record keeps its list and row; linking
 * only sets its person. Recorded review decisions (must-link / cannot-link) are honoured, and a
 * run after a new list is imported scores only pairs that touch records not yet linked, keeping
 * earlier entities as they are.
 */
import { createHash } from 'node:crypto';
import type { FuzzyDate } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import { documentDigits, foldName } from '../domain/name-forms.js';
import { maxProtection } from '../domain/protection.js';
import type { PersonBody } from '../domain/schema.js';
import type { Encoded } from '../linkage/encode.js';
import type { PairExecutor } from '../linkage/link.js';
import { type LinkRecordsResult, linkRecords, recordKey } from '../linkage/link.js';
import type { FieldSpec, LinkRecord, RecordRef } from '../linkage/types.js';
import type { CaseStore } from './case-store.js';

/** List columns of the synth/import contract and how they compare (used when none are given). */
export const STANDARD_FIELDS: readonly FieldSpec[] = [
  { column: 'given_names', type: 'name' },
  { column: 'first_surname', type: 'name' },
  { column: 'second_surname', type: 'name' },
  { column: 'sex', type: 'exact' },
  { column: 'birth_date', type: 'date' },
  { column: 'document_id', type: 'id' },
  { column: 'state', type: 'place' },
  { column: 'municipality', type: 'place' },
  { column: 'event_date', type: 'date' },
  { column: 'act_type', type: 'exact' },
];

/** The source name under which the case's own persons take part in linkage. */
export const PERSONS_SOURCE = '(case persons)';

const SEX_LETTER: Record<string, string> = { male: 'M', female: 'F' };

const fuzzyText = (d: FuzzyDate | undefined) =>
  !d ? '' : 'value' in d && typeof d.value === 'string' ? d.value : '';

/** A documented person as a linkage record, in the standard columns. */
function personRecord(id: string, p: PersonBody): LinkRecord {
  return {
    source: PERSONS_SOURCE,
    id,
    values: {
      given_names: p.givenNames ?? '',
      first_surname: p.firstSurname ?? '',
      second_surname: p.secondSurname ?? '',
      sex: p.sex ? (SEX_LETTER[p.sex] ?? '') : '',
      birth_date: fuzzyText(p.birthDate),
      document_id: p.documents[0]?.number ?? '',
    },
  };
}

/** A new person from the fullest record of an entity (names, sex, birth date, document). */
/**
 * The note on a person that linkage created. Record text is shown as stored in either interface
 * language, so it says it in both (the case's documenters write Spanish; the panel may read English).
 */
export const LINKAGE_NOTE_START = 'Creada por vinculación de registros';
const linkageNote = (list: string, row: string | number) =>
  `${LINKAGE_NOTE_START}: lista «${list}», fila ${row}. / Created by record linkage: list “${list}”, row ${row}.`;

function personFrom(
  values: Readonly<Record<string, string | undefined>>,
  origin: { list: string; row: string | number },
): PersonBody {
  const v = (k: string) => (values[k] ?? '').trim() || undefined;
  const sex = (v('sex') ?? '').toUpperCase();
  const birth = v('birth_date');
  const iso = birth && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth) ? birth : undefined;
  return {
    givenNames: v('given_names'),
    firstSurname: v('first_surname'),
    secondSurname: v('second_surname'),
    aliases: [],
    sex: sex === 'M' ? 'male' : sex === 'F' ? 'female' : undefined,
    birthDate: iso
      ? ({
          precision: iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year',
          value: iso,
        } as FuzzyDate)
      : undefined,
    nationalities: [],
    documents: v('document_id') ? [{ type: documentType(v('document_id')!), number: v('document_id')! }] : [],
    affiliations: [],
    photoEvidenceIds: [],
    protection: 'restricted',
    notes: linkageNote(origin.list, origin.row),
  } as PersonBody;
}

export interface CaseLinkOptions {
  fields?: readonly FieldSpec[];
  threshold?: number;
  reviewMin?: number;
  seed?: number;
  /** Re-link every record from scratch instead of only what is new. */
  full?: boolean;
  executor?: (enc: Encoded) => PairExecutor;
}

export interface CaseLinkSummary {
  records: number;
  newRecords: number;
  entities: number;
  linkedToExistingPersons: number;
  personsCreated: number;
  assignments: number;
  reviewPairs: number;
  conflicts: number;
  decisionsHonoured: number;
  analysisId: string;
}

interface ListRow {
  listId: string;
  rowNo: number;
  personId: string | null;
}

/** Links the case file's list records; writes persons and assignments in one transaction. */
export async function linkCaseFile(
  store: CaseStore,
  caseId: string,
  actor: string,
  opts: CaseLinkOptions = {},
): Promise<CaseLinkSummary> {
  const lists = await store.list('sourceList', caseId, { limit: 1000 });
  if (lists.length === 0) throw new UsageError('this case file has no source lists to link');
  const listName = (id: string) => lists.find((l) => l.id === id)?.body.name ?? id;
  const fields =
    opts.fields ?? STANDARD_FIELDS.filter((f) => lists.some((l) => l.body.columns.includes(f.column)));
  if (fields.length === 0)
    throw new UsageError(
      `no list has a standard column (${STANDARD_FIELDS.map((f) => f.column).join(', ')}); name the columns with --field COLUMN:TYPE`,
    );

  // Records: the case's persons (anchors), then every list row.
  const records: LinkRecord[] = [];
  const rows = new Map<string, ListRow>();
  // Identifying keys of documented persons (deleted ones too) → their protection: a person created
  // from a cluster that touches a protected person's document or name is protected as well.
  const protectionByKey = new Map<string, string>();
  const keep = (key: string | undefined, level: string) => {
    if (key) protectionByKey.set(key, maxProtection(protectionByKey.get(key), level));
  };
  for await (const p of store.iterate('person', caseId, { includeDeleted: true })) {
    const b = p.body as PersonBody;
    for (const k of identityKeys(b)) keep(k, b.protection);
    keep(`id:${p.id}`, b.protection);
    if (!p.deletedAt) records.push(personRecord(p.id, b));
  }
  const personIds = new Set(records.map((r) => r.id));
  const digest = createHash('sha256');
  for (const l of lists) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      for (const r of page) {
        const ref = { source: l.id, id: String(r.rowNo) };
        records.push({ ...ref, values: r.data });
        rows.set(recordKey(ref), { listId: l.id, rowNo: r.rowNo, personId: r.personId });
        digest.update(`${l.id}\t${r.rowNo}\t${JSON.stringify(r.data)}\n`);
      }
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  if (rows.size === 0) throw new UsageError('the lists of this case file hold no records');

  // Earlier links: entities to keep; records without a person are the new ones.
  const byPerson = new Map<string, RecordRef[]>();
  const fresh: RecordRef[] = [];
  for (const row of rows.values()) {
    const ref = { source: row.listId, id: String(row.rowNo) };
    if (row.personId && !opts.full) {
      const g = byPerson.get(row.personId) ?? [];
      if (g.length === 0 && personIds.has(row.personId)) g.push({ source: PERSONS_SOURCE, id: row.personId });
      g.push(ref);
      byPerson.set(row.personId, g);
    } else fresh.push(ref);
  }
  const incremental = !opts.full && byPerson.size > 0;
  const decisions = (await store.linkDecisions(caseId))
    .filter((d) => d.decision !== 'unsure')
    .map((d) => ({
      a: { source: d.a.listId, id: String(d.a.rowNo) },
      b: { source: d.b.listId, id: String(d.b.rowNo) },
      same: d.decision === 'must-link',
    }))
    .filter((d) => rows.has(recordKey(d.a)) && rows.has(recordKey(d.b)));

  const result: LinkRecordsResult = await linkRecords(
    records,
    { fields: [...fields], threshold: opts.threshold, reviewMin: opts.reviewMin, seed: opts.seed },
    {
      decisions,
      existingClusters: incremental ? [...byPerson.values()] : undefined,
      onlyPairsTouching: incremental ? fresh : undefined,
      executor: opts.executor,
    },
  );

  // Entities → persons. A cluster holding one person links its records to that person; one with
  // none creates a person from its fullest record; one spanning several persons never merges them
  // (that is a reviewer's call): its unlinked records go to the person of their strongest pair.
  const strongest = new Map<string, { person: string; w: number }>();
  // A full run re-derives every link from the persons (anchors) and the records alone.
  const personOfRef = (r: RecordRef) =>
    r.source === PERSONS_SOURCE ? r.id : opts.full ? null : (rows.get(recordKey(r))?.personId ?? null);
  for (const p of result.pairs) {
    for (const [x, y] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      const person = personOfRef(y);
      if (!person || x.source === PERSONS_SOURCE) continue;
      const k = recordKey(x);
      if ((strongest.get(k)?.w ?? Number.NEGATIVE_INFINITY) < p.weight)
        strongest.set(k, { person, w: p.weight });
    }
  }
  const recordOf = new Map(records.map((r) => [recordKey(r), r]));
  const newPersons: { key: string; body: PersonBody }[] = [];
  const assign: { listId: string; rowNo: number; person: string }[] = [];
  let conflicts = 0;
  let toExisting = 0;
  // Persons a record was compared with closely (review pairs): the new person inherits their level.
  const nearPersons = new Map<string, string[]>();
  for (const r of result.review)
    for (const [x, y] of [
      [r.a, r.b],
      [r.b, r.a],
    ] as const) {
      const person = personOfRef(y);
      if (person) nearPersons.set(recordKey(x), [...(nearPersons.get(recordKey(x)) ?? []), person]);
    }
  const protectionFor = (refs: readonly { source: string; id: string }[]) =>
    maxProtection(
      'restricted',
      ...refs.flatMap((r) => {
        const rec = recordOf.get(recordKey(r));
        const keys = rec ? identityKeys(personFrom(rec.values, { list: '', row: '' })) : [];
        return [
          ...keys.map((k) => protectionByKey.get(k)),
          ...(nearPersons.get(recordKey(r)) ?? []).map((id) => protectionByKey.get(`id:${id}`)),
        ];
      }),
    );
  for (const c of result.clusters) {
    const persons = new Set<string>();
    for (const r of c.records) {
      const p = personOfRef(r);
      if (p) persons.add(p);
    }
    const listRefs = c.records.filter((r) => r.source !== PERSONS_SOURCE);
    if (listRefs.length === 0) continue;
    let target: string | undefined;
    if (persons.size === 1) target = [...persons][0]!;
    else if (persons.size === 0) {
      const fullest = listRefs
        .map((r) => recordOf.get(recordKey(r))!)
        .sort((a, b) => filled(b) - filled(a))[0]!;
      target = `new:${newPersons.length}`;
      newPersons.push({
        key: target,
        body: {
          ...personFrom(fullest.values, { list: listName(fullest.source), row: fullest.id }),
          protection: protectionFor(listRefs),
        } as PersonBody,
      });
    } else conflicts++;
    for (const r of listRefs) {
      const row = rows.get(recordKey(r))!;
      const to = target ?? row.personId ?? strongest.get(recordKey(r))?.person;
      if (!to || to === row.personId) continue;
      if (!to.startsWith('new:')) toExisting++;
      assign.push({ listId: row.listId, rowNo: row.rowNo, person: to });
    }
  }
  // Records left without a person (only in a conflict cluster with no pair to any person) get their own.
  const assigned = new Set(assign.map((a) => `${a.listId}\u0000${a.rowNo}`));
  for (const a of rows.values()) {
    if (a.personId || assigned.has(`${a.listId}\u0000${a.rowNo}`)) continue;
    const rec = recordOf.get(`${a.listId}\u0000${a.rowNo}`)!;
    const key = `new:${newPersons.length}`;
    newPersons.push({
      key,
      body: {
        ...personFrom(rec.values, { list: listName(a.listId), row: a.rowNo }),
        protection: protectionFor([{ source: a.listId, id: String(a.rowNo) }]),
      } as PersonBody,
    });
    assign.push({ listId: a.listId, rowNo: a.rowNo, person: key });
  }

  const review = result.review.map((r) => ({
    a: r.a,
    b: r.b,
    probability: Math.round(r.probability * 10_000) / 10_000,
    status: r.status,
  }));
  const settings = {
    fields,
    threshold: result.outcome.config.threshold,
    reviewMin: result.outcome.config.reviewMin,
    seed: result.outcome.config.seed,
    incremental,
  };
  return store.transaction(async (s) => {
    const ids = new Map<string, string>();
    for (const p of newPersons) ids.set(p.key, (await s.create('person', caseId, p.body, actor)).id);
    const assignments = assign.map((a) => ({
      listId: a.listId,
      rowNo: a.rowNo,
      personId: ids.get(a.person) ?? a.person,
    }));
    if (assignments.length > 0)
      await s.assignSourceRecords(caseId, assignments, actor, {
        method: 'record linkage',
        personsCreated: newPersons.length,
        incremental,
      });
    const analysisId = await s.saveAnalysis(
      caseId,
      'linkage',
      digest.digest('hex'),
      settings,
      {
        records: rows.size,
        entities: result.clusters.filter((c) => c.records.some((r) => r.source !== PERSONS_SOURCE)).length,
        review,
        model: {
          prior: result.model.prior,
          fields: result.model.fields.map((f) => ({ column: f.column, m: f.m, u: f.u })),
          notes: result.model.notes,
        },
      },
      actor,
    );
    return {
      records: rows.size,
      newRecords: fresh.length,
      entities: result.clusters.filter((c) => c.records.some((r) => r.source !== PERSONS_SOURCE)).length,
      linkedToExistingPersons: toExisting,
      personsCreated: newPersons.length,
      assignments: assignments.length,
      reviewPairs: review.length,
      conflicts,
      decisionsHonoured: decisions.length,
      analysisId,
    };
  });
}

/** Cédula letter V or E, else a number of unknown type. */
const documentType = (n: string) =>
  /^\s*E\b|^\s*E-?\d/i.test(n)
    ? 'cedula_extranjero'
    : /^\s*(V\b|V-?\d|\d)/i.test(n)
      ? 'cedula_venezolana'
      : 'other';

const filled = (r: LinkRecord) => Object.values(r.values).filter((v) => v && v.trim() !== '').length;

/** Keys that identify a person across records: document digits, and the full name with birth date. */
function identityKeys(b: PersonBody): string[] {
  const keys: string[] = [];
  for (const d of b.documents ?? []) {
    const digits = documentDigits(d.number);
    if (digits) keys.push(`doc:${digits}`);
  }
  const name = foldName([b.givenNames, b.firstSurname, b.secondSurname].filter(Boolean).join(' '));
  if (name && b.firstSurname) keys.push(`name:${name}`);
  return keys;
}
