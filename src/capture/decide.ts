/**
 * A documenter's decision on a suggestion, through CaseStore (validated, audited, one
 * transaction): accepting creates the record it proposes — or links an existing one (a person
 * the linkage comparators proposed, a place or unit already in the case file) — and ties the
 * information item to it as support; rejecting records who rejected it and why. A decided
 * suggestion is not decided again.
 */
import { ConflictError, InputError, NotFoundError } from '../domain/errors.js';
import type { SuggestionBody } from '../domain/schema-capture.js';
import { ACT_TYPES } from '../domain/vocabularies.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import { fold, GIVEN_NAMES, PARTICLES } from './facts/lexicon.js';

export interface AcceptOptions {
  /** Link to this existing person instead of creating one (person suggestions). */
  personId?: string;
  /** Fields that replace the proposed record's (e.g. a corrected name, a protection level). */
  fields?: Record<string, unknown>;
  note?: string;
}

/** Spanish naming: given names first, then the first and second surnames ("María Fernanda Ortega Suárez"). */
export function splitName(full: string): {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
} {
  // Particles join the word after them ("de la Cruz", "del Valle").
  const words: string[] = [];
  let pending = '';
  for (const w of full.trim().split(/\s+/)) {
    if (PARTICLES.has(fold(w))) pending += `${w} `;
    else {
      words.push(pending + w);
      pending = '';
    }
  }
  if (words.length === 0) return {};
  if (words.length === 1) return { firstSurname: words[0] };
  if (words.length === 2) return { givenNames: words[0], firstSurname: words[1] };
  // How many leading words are given names: known ones, at least one, leaving one surname.
  let g = 1;
  while (g < words.length - 1 && g < 3 && GIVEN_NAMES.has(fold(words[g]!.split(' ').pop()!))) g++;
  if (words.length === 3 && g === 1)
    return { givenNames: words[0], firstSurname: words[1], secondSurname: words[2] };
  const surnames = words.slice(g);
  return {
    givenNames: words.slice(0, g).join(' '),
    firstSurname: surnames[0],
    secondSurname: surnames.slice(1).join(' ') || undefined,
  };
}

const PLACE_KIND: Record<string, string> = {
  state: 'state',
  city: 'city',
  municipality: 'municipality',
  detention_site: 'detention_site',
};

async function requirePending(s: CaseStore, caseId: string, id: string): Promise<StoredRecord<'suggestion'>> {
  const sg = await s.get('suggestion', id);
  if (!sg || sg.caseId !== caseId) throw new NotFoundError(`no suggestion ${id} in this case file`);
  if (sg.body.status !== 'pending')
    throw new ConflictError(
      `suggestion ${id} was already ${sg.body.status} by ${sg.body.decidedBy ?? 'someone'}`,
    );
  return sg;
}

/** Adds a record to the item's supports (persons, events), keeping the item's other fields. */
async function support(
  s: CaseStore,
  itemId: string,
  field: 'personIds' | 'eventIds',
  id: string,
  actor: string,
) {
  const item = await s.require('informationItem', itemId);
  const sup = item.body.supports;
  if (sup[field].includes(id)) return;
  await s.update(
    'informationItem',
    itemId,
    { ...item.body, supports: { ...sup, [field]: [...sup[field], id] } },
    actor,
  );
}

async function createFor(
  s: CaseStore,
  caseId: string,
  sg: StoredRecord<'suggestion'>,
  opts: AcceptOptions,
  actor: string,
): Promise<string | undefined> {
  const b = sg.body;
  const f = opts.fields ?? {};
  switch (b.kind) {
    case 'person': {
      if (opts.personId) {
        const p = await s.get('person', opts.personId);
        if (!p || p.caseId !== caseId) throw new InputError(`no person ${opts.personId} in this case file`);
        await support(s, b.itemId, 'personIds', p.id, actor);
        return p.id;
      }
      const p = await s.create(
        'person',
        caseId,
        { ...splitName(b.value), protection: 'restricted', notes: `From ${b.itemId}: “${b.text}”`, ...f },
        actor,
      );
      await support(s, b.itemId, 'personIds', p.id, actor);
      return p.id;
    }
    case 'organization': {
      const existing = (await s.list('unit', caseId, { limit: 100_000 })).find(
        (u) => fold(u.body.name) === fold(b.value),
      );
      if (existing && !opts.fields) return existing.id;
      const acronym = /\(([A-ZÁÉÍÓÚÑ]{2,10})\)\s*$/.exec(b.value)?.[1];
      const u = await s.create(
        'unit',
        caseId,
        { name: b.value, acronym, kind: b.unitKind ?? 'other', ...f },
        actor,
      );
      return u.id;
    }
    case 'place': {
      const existing = (await s.list('place', caseId, { limit: 100_000 })).find(
        (p) => fold(p.body.name) === fold(b.value) && (p.body.stateCode ?? '') === (b.placeCode ?? ''),
      );
      if (existing && !opts.fields) return existing.id;
      const p = await s.create(
        'place',
        caseId,
        { name: b.value, kind: PLACE_KIND[b.placeKind ?? ''] ?? 'other', stateCode: b.placeCode, ...f },
        actor,
      );
      return p.id;
    }
    case 'event': {
      const label = ACT_TYPES.get(b.actType ?? '')?.es;
      const places = await s.list('place', caseId, { limit: 100_000 });
      const place = places.find((p) => b.places.some((v) => fold(v) === fold(p.body.name)));
      const e = await s.create(
        'event',
        caseId,
        {
          title: `${label ?? b.value}${b.persons.length ? `: ${b.persons.join(', ')}` : ''}`.slice(0, 500),
          description: b.text,
          date: b.date,
          placeId: place?.id,
          tags: [b.value, ...b.methods, `from:${b.itemId}`],
          ...f,
        },
        actor,
      );
      await support(s, b.itemId, 'eventIds', e.id, actor);
      return e.id;
    }
    case 'date':
      return undefined; // a date informs events; on its own it creates nothing
  }
}

export async function acceptSuggestion(
  store: CaseStore,
  caseId: string,
  id: string,
  actor: string,
  opts: AcceptOptions = {},
): Promise<StoredRecord<'suggestion'>> {
  return store.transaction(async (s) => {
    const sg = await requirePending(s, caseId, id);
    const createdRecordId = await createFor(s, caseId, sg, opts, actor);
    const body: SuggestionBody = {
      ...sg.body,
      status: 'accepted',
      decidedBy: actor,
      decidedAt: new Date().toISOString(),
      ...(createdRecordId ? { createdRecordId } : {}),
      ...(opts.note ? { note: opts.note } : {}),
    };
    return s.update('suggestion', id, body, actor, { expectedVersion: sg.version });
  });
}

export async function rejectSuggestion(
  store: CaseStore,
  caseId: string,
  id: string,
  actor: string,
  note?: string,
): Promise<StoredRecord<'suggestion'>> {
  return store.transaction(async (s) => {
    const sg = await requirePending(s, caseId, id);
    return s.update(
      'suggestion',
      id,
      {
        ...sg.body,
        status: 'rejected',
        decidedBy: actor,
        decidedAt: new Date().toISOString(),
        ...(note ? { note } : {}),
      },
      actor,
      { expectedVersion: sg.version },
    );
  });
}
