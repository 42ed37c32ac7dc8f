/**
 * The fictional demo case file: Venezuela 2014–2019, real geography, invented people and units.
 * Deterministic for a seed (no clock, no Math.random), produced in the case-file export format so
 * it loads through the same import path as any real case file. It exercises the whole model:
 * chains of command that change over time, detention timelines, every protection level and
 * consent scope, evidence with custody and a redacted derivative, hearings, and three NGO lists
 * that overlap on victims with the spelling variants real lists have.
 */
import type { CaseJson } from '../domain/case-file.js';
import { DEMO_ACTOR, DEMO_CASE_ID, DEMO_TIMESTAMP, DemoContext } from './context.js';
import { buildEvents, SCOPE_END } from './events.js';
import { buildEvidence } from './evidence.js';
import { buildLegal } from './legal.js';
import { buildLists, type ListTruth } from './lists.js';
import { Places } from './places.js';
import { buildSources } from './sources.js';
import { buildTestimonies } from './testimonies.js';
import { Units } from './units.js';

/** The default seed (the day the 2014 protests began). */
export const DEMO_SEED = 20140212;
export { DEMO_CASE_ID } from './context.js';
export type { ListTruth } from './lists.js';

export function generateDemoCase(opts: { seed?: number } = {}): CaseJson {
  return generateDemoCaseWithTruth(opts).doc;
}

/**
 * The demo case and, for tests of record linkage and estimation, the person behind every list row
 * (which the case file itself leaves unlinked, as it would be on arrival).
 */
export function generateDemoCaseWithTruth(opts: { seed?: number } = {}): {
  doc: CaseJson;
  listTruth: ListTruth[];
} {
  const ctx = new DemoContext(opts.seed ?? DEMO_SEED);
  // Places refer to a unit (the fictional regional site's operator) only once units exist.
  let units: Units | undefined;
  const places = new Places(ctx, () => units!.get('sfinDt').id);
  units = new Units(ctx);
  const sources = buildSources(ctx);
  const { events, victims } = buildEvents(ctx, places, units);
  const lists = buildLists(ctx, victims, sources);
  const transcriptEvidenceId = ctx.id('evi');
  const testimonies = buildTestimonies(ctx, units, events, sources, transcriptEvidenceId);
  buildEvidence(ctx, units, events, sources, testimonies, lists.files, transcriptEvidenceId);
  buildLegal(ctx, lists.truth);

  const doc: CaseJson = {
    format: 'testigo-case-file',
    version: 1,
    exportedAt: DEMO_TIMESTAMP,
    case: {
      id: DEMO_CASE_ID,
      createdAt: DEMO_TIMESTAMP,
      createdBy: DEMO_ACTOR,
      updatedAt: DEMO_TIMESTAMP,
      updatedBy: DEMO_ACTOR,
      version: 1,
      deletedAt: null,
      body: {
        title: 'Caso demostrativo (ficticio) — Venezuela 2014–2019',
        country: 'VE',
        description: [
          'Caso enteramente ficticio para demostrar Testigo. Las personas, las unidades, los documentos y los testimonios son inventados; la geografía (estados, municipios y centros de detención conocidos públicamente) y el contexto general son reales.',
          'El expediente reúne detenciones arbitrarias, torturas, desapariciones forzadas de corta duración, violencia sexual, muertes en manifestaciones y bajo custodia, persecución y exilio forzado entre 2014 y 2019, con las cadenas de mando de las unidades ficticias responsables y las listas de víctimas de tres organizaciones.',
          'Entirely fictional case file to demonstrate Testigo: people, units, documents and testimonies are invented; geography and general context are real. Never put real data in a demo store.',
        ].join('\n\n'),
        temporalScope: { from: '2014-02-12', to: SCOPE_END },
        publicIntake: { enabled: true, title: 'Cuéntenos lo que pasó — caso ficticio de demostración' },
        jurisdiction: {
          ratificationDate: '2000-06-07',
          entryIntoForce: '2002-07-01',
          notes:
            'Venezuela depositó su instrumento de ratificación del Estatuto de Roma el 7 de junio de 2000; el Estatuto entró en vigor para Venezuela el 1 de julio de 2002 (art. 126). La Fiscalía de la CPI abrió un examen preliminar sobre Venezuela el 8 de febrero de 2018, y seis Estados Partes remitieron la situación el 27 de septiembre de 2018 (art. 14). Los hechos del caso demostrativo son ficticios.',
        },
      },
    },
    records: { ...ctx.records },
    custody: ctx.custody,
    sourceRecords: ctx.sourceRecords,
    files: ctx.files,
  };
  return { doc, listTruth: lists.truth };
}
