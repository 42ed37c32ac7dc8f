/**
 * The requests of the mixed load (reads, writes, custody, uploads, analysis) and the records they
 * know about: the fixture's and those the load creates. Updatable records wait in a pool and are
 * taken out while their PUT is in flight, so two updates never race on one version.
 */
import { randomBytes } from 'node:crypto';
import { encodePng } from '../demo/png.js';
import type { Counted, LoadFixture, RequestClass, UpdatableRecord } from './load-driver.js';
import { COUNTED } from './load-driver.js';

const SURNAMES = ['Pérez', 'González', 'Rodríguez', 'Hernández', 'García', 'Martínez', 'López', 'Díaz'];
const GIVEN = ['María José', 'Luis Alberto', 'Ana Karina', 'José Gregorio', 'Carmen', 'Yusleidy', 'Jesús'];
const WORDS = ['detenido', 'tortura', 'protesta', 'Caracas', 'golpes', 'desaparición', 'allanamiento'];
const ACT_TYPES = [
  'arbitrary_detention',
  'torture',
  'judicial_harassment',
  'cruel_inhuman_treatment',
  'forced_exile',
];
const STATES = ['VE-A', 'VE-M', 'VE-G', 'VE-S', 'VE-B'];

export interface Op {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Called with the parsed response of a 2xx. */
  done?: (json: unknown) => void;
  /** Called when the request did not succeed (e.g. to give back a record it held). */
  failed?: () => void;
}

/**
 * `steady`: the case keeps its size — creates become updates of existing records and uploads become
 * custody entries (rows the server holds nothing of in memory), the rates of every class unchanged.
 * A memory check apart from the case's growth (bench/load --steady).
 */
export function loadRequests(f: LoadFixture, rnd: () => number, opts: { steady?: boolean } = {}) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const c = f.caseId;
  const t = f.tokens;
  const readers = [t.viewer, t.analyst, t.documenter];
  // Records the load knows about (the demo's and those it creates); updatable ones wait in a pool
  // and are taken out while their PUT is in flight, so two updates never race on one version.
  const persons = [...f.ids.persons];
  const events = [...f.ids.events];
  const acts = [...f.ids.acts];
  const evidence = [...f.ids.evidence];
  const pool: UpdatableRecord[] = f.updatable.map((u) => ({ ...u }));
  const created = Object.fromEntries(COUNTED.map((k) => [k, 0])) as Record<Counted, number>;
  let updates = 0;
  const today = new Date().toISOString().slice(0, 10);

  const personBody = () => ({
    givenNames: pick(GIVEN),
    firstSurname: pick(SURNAMES),
    secondSurname: pick(SURNAMES),
    sex: pick(['female', 'male', 'unknown']),
    birthDate: { precision: 'year', value: String(1960 + Math.floor(rnd() * 45)) },
    protection: pick(['public', 'restricted', 'restricted', 'protected']),
    notes: `Registrado durante la prueba de carga; ${pick(WORDS)}.`,
  });
  const eventBody = () => ({
    title: `Evento de carga: ${pick(WORDS)} en ${pick(['Caracas', 'Valencia', 'Maracaibo', 'Mérida'])}`,
    description: `Descripción del evento (${pick(WORDS)}, ${pick(WORDS)}).`,
    date: {
      precision: 'day',
      value: `20${14 + Math.floor(rnd() * 6)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`,
    },
    tags: ['carga'],
  });

  const build = (k: RequestClass): Op => {
    if (opts.steady && k.startsWith('write:create-')) return build('write:update-if-match');
    if (opts.steady && k === 'custody:upload-evidence') return build('custody:add-entry');
    switch (k) {
      case 'read:case-summary':
        return { method: 'GET', path: `/api/cases/${c}`, token: pick(readers) };
      case 'read:list-persons':
        return {
          method: 'GET',
          path: `/api/cases/${c}/records/persons?limit=20&offset=${Math.floor(rnd() * persons.length)}`,
          token: pick(readers),
        };
      case 'read:list-events':
        return {
          method: 'GET',
          path: `/api/cases/${c}/records/events?limit=20&offset=${Math.floor(rnd() * events.length)}&sort=updated&order=desc`,
          token: pick(readers),
        };
      case 'read:list-acts':
        return {
          method: 'GET',
          path: `/api/cases/${c}/records/acts?limit=20&type=${pick(ACT_TYPES)}&offset=${Math.floor(rnd() * 40)}`,
          token: pick(readers),
        };
      case 'read:get-record': {
        const [kind, ids] = pick([
          ['persons', persons],
          ['events', events],
          ['acts', acts],
        ] as const);
        return { method: 'GET', path: `/api/cases/${c}/records/${kind}/${pick(ids)}`, token: pick(readers) };
      }
      case 'read:search-facet': {
        const facet = pick([
          `&actType=${pick(ACT_TYPES)}`,
          `&state=${pick(STATES)}`,
          `&kind=acts&yearFrom=2014&yearTo=2019`,
          '',
        ]);
        return {
          method: 'GET',
          path: `/api/cases/${c}/search?q=${encodeURIComponent(pick(WORDS))}${facet}`,
          token: pick(readers),
        };
      }
      case 'write:create-person': {
        const body = personBody();
        return {
          method: 'POST',
          path: `/api/cases/${c}/records/persons`,
          token: t.documenter,
          body,
          done: (j) => {
            const r = j as { id: string; version: number };
            created.person++;
            persons.push(r.id);
            pool.push({ kind: 'person', id: r.id, version: r.version, body });
          },
        };
      }
      case 'write:create-event': {
        const body = eventBody();
        return {
          method: 'POST',
          path: `/api/cases/${c}/records/events`,
          token: t.documenter,
          body,
          done: (j) => {
            const r = j as { id: string; version: number };
            created.event++;
            events.push(r.id);
            pool.push({ kind: 'event', id: r.id, version: r.version, body });
          },
        };
      }
      case 'write:create-act':
        return {
          method: 'POST',
          path: `/api/cases/${c}/records/acts`,
          token: t.documenter,
          body: {
            eventId: pick(events),
            victimId: pick(persons),
            type: pick(ACT_TYPES),
            outcome: `Resultado registrado en la prueba de carga (${pick(WORDS)}).`,
          },
          done: (j) => {
            created.act++;
            acts.push((j as { id: string }).id);
          },
        };
      case 'write:create-testimony':
        return {
          method: 'POST',
          path: `/api/cases/${c}/records/testimonies`,
          token: t.documenter,
          body: {
            title: `Testimonio de carga ${Math.floor(rnd() * 1e6)}`,
            witnessId: pick(persons),
            statement:
              `Me detuvieron en ${pick(['Caracas', 'Valencia'])}. ${pick(WORDS)} ${pick(WORDS)}. `.repeat(
                1 + Math.floor(rnd() * 8),
              ),
            language: 'es',
            consent: pick(['internal', 'courts']),
            date: { precision: 'day', value: today },
            supports: { eventIds: [pick(events)], actIds: [], personIds: [] },
          },
          done: () => {
            created.testimony++;
          },
        };
      case 'write:update-if-match': {
        const i = Math.floor(rnd() * pool.length);
        const rec = pool.splice(i, 1)[0];
        if (!rec) return build(opts.steady ? 'custody:add-entry' : 'write:create-event');
        const body =
          rec.kind === 'person'
            ? { ...rec.body, notes: `Actualizado en la prueba de carga (${pick(WORDS)}).` }
            : { ...rec.body, description: `Descripción actualizada (${pick(WORDS)}).` };
        return {
          method: 'PUT',
          path: `/api/cases/${c}/records/${rec.kind === 'person' ? 'persons' : 'events'}/${rec.id}`,
          token: t.documenter,
          body,
          headers: { 'If-Match': `"${rec.version}"` },
          done: (j) => {
            updates++;
            pool.push({ ...rec, version: (j as { version: number }).version, body });
          },
          failed: () => pool.push(rec),
        };
      }
      case 'custody:add-entry':
        return {
          method: 'POST',
          path: `/api/cases/${c}/evidence/${pick(evidence)}/custody`,
          token: t.documenter,
          body: {
            action: pick(['accessed', 'copied', 'verified', 'transferred']),
            note: `Entrada de custodia de la prueba de carga (${pick(WORDS)}).`,
          },
          done: () => {
            created.custody++;
          },
        };
      case 'custody:upload-evidence': {
        // A small real PNG (24×24 to 48×48) with random pixels, so every file is new to the blob store.
        const w = 24 + Math.floor(rnd() * 25);
        const noise = randomBytes(w * w * 3);
        const png = encodePng(w, w, (x, y) => {
          const i = (y * w + x) * 3;
          return [noise[i]!, noise[i + 1]!, noise[i + 2]!];
        });
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `carga-${w}.png`);
        form.append(
          'meta',
          JSON.stringify({
            title: `Foto de la prueba de carga (${w}×${w})`,
            kind: 'photo',
            mediaType: 'image/png',
            protection: pick(['restricted', 'protected']),
            supports: { eventIds: [pick(events)], actIds: [], personIds: [] },
          }),
        );
        return {
          method: 'POST',
          path: `/api/cases/${c}/evidence`,
          token: t.documenter,
          form,
          done: (j) => {
            created.evidence++;
            created.custody++; // the "collected" entry written with the upload
            evidence.push((j as { id: string }).id);
          },
        };
      }
      case 'analysis:summary':
        return { method: 'GET', path: `/api/cases/${c}/analysis?summary=1`, token: t.analyst };
    }
  };
  return {
    build,
    persons,
    events,
    acts,
    evidence,
    pool,
    created,
    updates: () => updates,
  };
}
