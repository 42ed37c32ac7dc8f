/**
 * Imports a CSV or XLSX file into a case file through a column mapping: persons, acts (with their
 * victims, events and places), detention periods, or an organization's raw list (source records).
 * Every row is converted and validated first; if any row is wrong, the import stops with every
 * problem named (file, row, column, why) and nothing is written. Otherwise everything is written
 * in one transaction, so a crash mid-import leaves no partial import either.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { bounds, formatFuzzyDate } from '../domain/dates.js';
import { type FieldIssue, InputError } from '../domain/errors.js';
import { findMunicipality, findState, KNOWN_DETENTION_SITES } from '../domain/gazetteer.js';
import { KINDS, type Kind } from '../domain/kinds.js';
import {
  ACT_TYPES,
  DETENTION_STATUSES,
  DOCUMENT_TYPES,
  PROTECTION_LEVELS,
  VIOLENCE_METHODS,
} from '../domain/vocabularies.js';
import type { CaseStore, SourceRow } from '../store/case-store.js';
import {
  type Converted,
  dateValue,
  documentValue,
  fold,
  listValue,
  sexValue,
  vocabList,
  vocabValue,
} from './convert.js';
import { cell, type MappingSpec, type ResolvedMapping, resolveMapping } from './mapping.js';
import { openTabular, rowValues, type TabularRow } from './tabular.js';

export interface ImportReport {
  file: string;
  kind: MappingSpec['kind'];
  rows: number;
  dryRun: boolean;
  created: Partial<Record<Kind | 'sourceRecord', number>>;
  reused: Partial<Record<Kind, number>>;
  listId?: string;
  rowsSha256?: string;
}

export interface ImportOptions {
  dryRun?: boolean;
  sheet?: string;
  onProgress?: (rows: number) => void;
  /** Stop collecting after this many problems (the report says how many more). */
  maxIssues?: number;
}

interface PlaceRef {
  state?: string;
  municipality?: string;
  site?: string;
}
interface RowPlan {
  row: number;
  personKey?: string;
  person?: Record<string, unknown>;
  place?: PlaceRef;
  eventKey?: string;
  event?: Record<string, unknown>;
  act?: Record<string, unknown>;
  detention?: Record<string, unknown>;
}

class IssueList {
  readonly items: FieldIssue[] = [];
  total = 0;
  constructor(private readonly max: number) {}
  add(issue: FieldIssue) {
    this.total++;
    if (this.items.length < this.max) this.items.push(issue);
  }
}

export async function importTabular(
  store: CaseStore,
  caseId: string,
  path: string,
  spec: MappingSpec,
  actor: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const table = await openTabular(path, { sheet: opts.sheet });
  const mapping = resolveMapping(spec, table.file, table.columns);
  if (spec.kind === 'source-records')
    return importSourceRecords(
      store,
      caseId,
      path,
      table.file,
      table.columns,
      table.batches,
      mapping,
      actor,
      opts,
    );

  const issues = new IssueList(opts.maxIssues ?? 200);
  const plans: RowPlan[] = [];
  for await (const r of table.rows) {
    const plan = planRow(mapping, table.file, r.row, rowValues(table.columns, r.cells), issues);
    if (plan) plans.push(plan);
    opts.onProgress?.(plans.length);
  }
  if (issues.total > 0) {
    const more = issues.total - issues.items.length;
    throw new InputError(
      `${table.file}: ${issues.total} problem${issues.total === 1 ? '' : 's'} found; nothing was imported${more > 0 ? ` (first ${issues.items.length} shown)` : ''}`,
      issues.items,
    );
  }
  const report: ImportReport = {
    file: table.file,
    kind: spec.kind,
    rows: plans.length,
    dryRun: Boolean(opts.dryRun),
    created: {},
    reused: {},
  };
  const bump = (m: Partial<Record<string, number>>, k: string) => {
    m[k] = (m[k] ?? 0) + 1;
  };

  const write = async (s: CaseStore) => {
    const personIds = await existingPersonsByDocument(s, caseId);
    const placeCache = await existingPlaces(s, caseId);
    const eventIds = new Map<string, string>();
    const seenPersons = new Map<string, string>();
    for (const p of plans) {
      let personId: string | undefined;
      if (p.person && p.personKey) {
        personId = seenPersons.get(p.personKey) ?? personIds.get(p.personKey);
        if (personId) bump(report.reused, 'person');
        else {
          personId = opts.dryRun
            ? `dry:${p.personKey}`
            : (await s.create('person', caseId, p.person, actor)).id;
          bump(report.created, 'person');
        }
        seenPersons.set(p.personKey, personId);
      }
      const placeId = p.place
        ? await resolvePlace(s, caseId, p.place, placeCache, actor, Boolean(opts.dryRun), report)
        : undefined;
      if (p.act) {
        const key = p.eventKey ?? `row:${p.row}`;
        let eventId = eventIds.get(key);
        if (!eventId) {
          eventId = opts.dryRun
            ? `dry:${key}`
            : (await s.create('event', caseId, { ...p.event, placeId }, actor)).id;
          eventIds.set(key, eventId);
          bump(report.created, 'event');
        }
        if (!opts.dryRun)
          await s.create('act', caseId, { ...p.act, eventId, victimId: personId, placeId }, actor);
        bump(report.created, 'act');
      }
      if (p.detention) {
        if (!opts.dryRun) await s.create('detention', caseId, { ...p.detention, personId, placeId }, actor);
        bump(report.created, 'detention');
      }
    }
  };
  if (opts.dryRun) await write(store);
  else {
    await store.transaction(async (s) => {
      await write(s);
      await s.audit({
        actor,
        action: 'import',
        entity: 'files',
        caseId,
        after: { file: table.file, kind: spec.kind, rows: plans.length, created: report.created },
      });
    });
  }
  return report;
}

/** Converts one row into what it will create, reporting every bad cell. */
function planRow(
  m: ResolvedMapping,
  file: string,
  rowNo: number,
  values: Record<string, string>,
  issues: IssueList,
): RowPlan | undefined {
  const r = { row: rowNo };
  const get = (f: string) => cell(m, values, f);
  const col = (f: string) => m.fieldToColumn.get(f) ?? f;
  const fail = (f: string, message: string) => issues.add({ file, row: r.row, field: col(f), message });
  const before = issues.total;
  const plan: RowPlan = { row: r.row };
  /** Converts one cell into `target[key]`, or reports why it cannot (or that it is missing). */
  const put = <T>(
    target: Record<string, unknown>,
    key: string,
    field: string,
    conv: (s: string) => Converted<T>,
    required?: string,
  ) => {
    const raw = get(field);
    if (!raw) {
      if (required) fail(field, required);
      return;
    }
    const v = conv(raw);
    if (v.ok) target[key] = v.value;
    else fail(field, v.message);
  };

  // The person (the record itself for persons imports, the victim or detainee otherwise).
  const person: Record<string, unknown> = {};
  const setText = (f: string, target = f) => {
    const v = get(f);
    if (v) person[target] = v;
  };
  setText('givenNames');
  setText('firstSurname');
  setText('secondSurname');
  setText('occupation');
  setText('contact');
  setText('personNotes', 'notes');
  if (get('aliases')) person.aliases = listValue(get('aliases'));
  if (get('affiliations')) person.affiliations = listValue(get('affiliations'));
  if (get('nationality')) person.nationalities = listValue(get('nationality')).map((n) => n.toUpperCase());
  put(person, 'sex', 'sex', sexValue);
  put(person, 'birthDate', 'birthDate', dateValue);
  put(person, 'protection', 'protection', (v) => vocabValue(PROTECTION_LEVELS, v));
  let docKey: string | undefined;
  if (get('document')) {
    let hint: string | undefined;
    if (get('documentType')) {
      const t = vocabValue(DOCUMENT_TYPES, get('documentType'));
      if (t.ok) hint = t.value;
      else fail('documentType', t.message);
    }
    const d = documentValue(get('document'), hint);
    if (d.ok) {
      person.documents = [d.value];
      docKey = `doc:${d.value.type}:${d.value.number}`;
    } else fail('document', d.message);
  }
  const hasName = Boolean(person.givenNames || person.firstSurname);
  if (hasName || docKey) {
    const res = KINDS.person.schema.safeParse(person);
    if (!res.success) for (const i of res.error.issues) fail(String(i.path[0] ?? 'person'), i.message);
    plan.person = person;
    plan.personKey =
      docKey ??
      `name:${fold(String(person.givenNames ?? ''))}|${fold(String(person.firstSurname ?? ''))}|${fold(String(person.secondSurname ?? ''))}|${formatFuzzyDate(person.birthDate as never)}`;
    if (m.kind === 'persons') plan.personKey = `${plan.personKey}#row${r.row}`;
  } else {
    issues.add({
      file,
      row: r.row,
      message: 'the row names no person: give at least a name or a document number',
    });
  }

  // Place, when the file has one.
  const state = get('state');
  const municipality = get('municipality');
  const site = get('site');
  if (state || municipality || site) {
    if (state && !findState(state)) fail('state', `"${state}" is not a Venezuelan state`);
    else if (municipality && !findMunicipality(municipality, state || undefined)) {
      fail(
        'municipality',
        `"${municipality}" is not a municipality${state ? ` of ${state}` : ' (give the state too)'}`,
      );
    }
    plan.place = {
      state: state || undefined,
      municipality: municipality || undefined,
      site: site || undefined,
    };
  }

  if (m.kind === 'acts') {
    const act: Record<string, unknown> = {};
    put(act, 'type', 'actType', (v) => vocabValue(ACT_TYPES, v), 'the act type is required');
    put(act, 'methods', 'methods', (v) => vocabList(VIOLENCE_METHODS, v));
    put(act, 'date', 'actDate', dateValue);
    if (get('outcome')) act.outcome = get('outcome');
    if (get('actNotes')) act.notes = get('actNotes');
    plan.act = act;
    plan.eventKey = get('eventKey') || undefined;
    // Event titles never carry the victim's name: events are not protected records.
    const typeLabel = typeof act.type === 'string' ? (ACT_TYPES.get(act.type)?.es ?? act.type) : 'Hecho';
    const where = site || municipality || state;
    plan.event = {
      title:
        get('eventTitle') ||
        [typeLabel, where, formatFuzzyDate(act.date as never)].filter(Boolean).join(' — '),
      description: get('eventDescription') || undefined,
      date: act.date,
    };
  }
  if (m.kind === 'detentions') {
    const det: Record<string, unknown> = {};
    put(
      det,
      'status',
      'status',
      (v) => vocabValue(DETENTION_STATUSES, v),
      'the detention status is required',
    );
    put(det, 'from', 'from', dateValue, 'the start date is required');
    put(det, 'to', 'to', dateValue);
    const b0 = bounds(det.from as never);
    const b1 = bounds(det.to as never);
    if (b0 && b1 && b1[1] < b0[0]) fail('to', 'the period ends before it starts');
    if (get('detentionNotes')) det.notes = get('detentionNotes');
    plan.detention = det;
  }
  return issues.total === before ? plan : undefined;
}

async function existingPersonsByDocument(s: CaseStore, caseId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const p of s.iterate('person', caseId)) {
    for (const d of p.body.documents ?? []) out.set(`doc:${d.type}:${d.number}`, p.id);
  }
  return out;
}

type PlaceCache = Map<string, string>;

async function existingPlaces(s: CaseStore, caseId: string): Promise<PlaceCache> {
  const cache: PlaceCache = new Map();
  for await (const p of s.iterate('place', caseId)) {
    if (p.body.kind === 'state' && p.body.stateCode) cache.set(`state:${p.body.stateCode}`, p.id);
    else if (p.body.kind === 'municipality' && p.body.stateCode)
      cache.set(`mun:${p.body.stateCode}:${fold(p.body.name)}`, p.id);
    else cache.set(`site:${fold(p.body.name)}`, p.id);
  }
  return cache;
}

/** Finds or creates the state › municipality › site places a row names; returns the most precise. */
async function resolvePlace(
  s: CaseStore,
  caseId: string,
  ref: PlaceRef,
  cache: PlaceCache,
  actor: string,
  dryRun: boolean,
  report: ImportReport,
): Promise<string | undefined> {
  const make = async (key: string, body: Record<string, unknown>) => {
    let id = cache.get(key);
    if (!id) {
      id = dryRun ? `dry:${key}` : (await s.create('place', caseId, body, actor)).id;
      cache.set(key, id);
      report.created.place = (report.created.place ?? 0) + 1;
    }
    return id;
  };
  let stateEntry = ref.state ? findState(ref.state) : undefined;
  let munName: string | undefined;
  if (ref.municipality) {
    const m = findMunicipality(ref.municipality, ref.state);
    if (m) {
      stateEntry = m.state;
      munName = m.municipality;
    }
  }
  const known = ref.site ? KNOWN_DETENTION_SITES.find((d) => fold(d.name) === fold(ref.site!)) : undefined;
  if (known && !stateEntry) {
    stateEntry = findState(known.stateCode);
    munName = known.municipality;
  }
  let id: string | undefined;
  if (stateEntry) {
    id = await make(`state:${stateEntry.code}`, {
      name: stateEntry.name,
      kind: 'state',
      stateCode: stateEntry.code,
      coordinates: { lat: stateEntry.centroid[0], lon: stateEntry.centroid[1] },
    });
  }
  if (munName && stateEntry) {
    id = await make(`mun:${stateEntry.code}:${fold(munName)}`, {
      name: munName,
      kind: 'municipality',
      parentId: dryRun ? undefined : id,
      stateCode: stateEntry.code,
    });
  }
  if (ref.site) {
    id = await make(`site:${fold(ref.site)}`, {
      name: known?.name ?? ref.site,
      kind: known ? 'detention_site' : 'site',
      parentId: dryRun ? undefined : id,
      stateCode: stateEntry?.code,
      municipality: munName,
      coordinates: known?.centroid ? { lat: known.centroid[0], lon: known.centroid[1] } : undefined,
    });
  }
  return id;
}

async function importSourceRecords(
  store: CaseStore,
  caseId: string,
  path: string,
  file: string,
  columns: string[],
  batches: AsyncIterable<TabularRow[]>,
  m: ResolvedMapping,
  actor: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  const idColumn = m.fieldToColumn.get('recordId');
  const idIndex = idColumn === undefined ? -1 : columns.indexOf(idColumn);
  const seen = new Map<string, number>();
  // Batches in, batches out: a million-row list costs one await per batch, not per row.
  async function* checked(): AsyncGenerator<SourceRow[]> {
    for await (const batch of batches) {
      const out: SourceRow[] = new Array(batch.length);
      for (let k = 0; k < batch.length; k++) {
        const r = batch[k]!;
        const recordId = idIndex >= 0 ? (r.cells[idIndex] ?? '') : String(r.row - 1);
        if (recordId === '') {
          throw new InputError(`${file} row ${r.row}: the record id is empty`, [
            { file, row: r.row, field: idColumn, message: 'empty record id' },
          ]);
        }
        const prev = seen.get(recordId);
        if (prev !== undefined) {
          throw new InputError(
            `${file} row ${r.row}: record id "${recordId}" was already used on row ${prev}`,
            [{ file, row: r.row, field: idColumn, message: `duplicate record id (first on row ${prev})` }],
          );
        }
        seen.set(recordId, r.row);
        out[k] = { rowNo: r.row, recordId, values: r.cells };
      }
      yield out;
    }
  }
  const sha256 = await sha256File(path);
  const list = {
    name: m.list?.name ?? basename(path),
    sourceId: m.list?.sourceId,
    fileName: file,
    sha256,
    columns,
    rowCount: 0,
    notes: m.list?.notes,
  };
  if (opts.dryRun) {
    let n = 0;
    for await (const b of checked()) {
      n += b.length;
      opts.onProgress?.(n);
    }
    return {
      file,
      kind: 'source-records',
      rows: n,
      dryRun: true,
      created: { sourceList: 1, sourceRecord: n },
      reused: {},
    };
  }
  const res = await store.importSourceList(caseId, list, checked(), actor, { onProgress: opts.onProgress });
  return {
    file,
    kind: 'source-records',
    rows: res.rows,
    dryRun: false,
    created: { sourceList: 1, sourceRecord: res.rows },
    reused: {},
    listId: res.list.id,
    rowsSha256: res.rowsSha256,
  };
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
