/**
 * Evidence files of the demo case with their chain of custody: a fictional detention record and its
 * redacted derivative, a forensic medical report, a fictional operations order from the insider, a
 * press web capture, a photograph (PNG), the first hearing's transcript and the three organisations'
 * original list files. Bytes are generated here; their SHA-256 ties record, custody and file.
 */

import { escapeHtml } from '../domain/escape.js';
import { addDays, caracasTime, longDate } from './calendar.js';
import type { DemoContext } from './context.js';
import type { DemoEvent } from './events.js';
import type { ListFile } from './lists.js';
import { bruisePhoto } from './png.js';
import type { Sources } from './sources.js';
import type { TestimonyResult } from './testimonies.js';
import { cityOf } from './texts.js';
import { ofAcronym, type Units } from './units.js';

const WATERMARK = '*** DOCUMENTO FICTICIO — CASO DEMOSTRATIVO DE TESTIGO ***';

interface EvidenceSpec {
  id?: string;
  title: string;
  kind: string;
  mediaType: string;
  fileName: string;
  bytes: Buffer;
  acquisition: { by: string; at: string; method: string; from?: string; tool?: string };
  sourceId?: string;
  derivedFrom?: string;
  derivation?: string;
  verification?: string;
  consent: 'internal' | 'courts' | 'public';
  protection: 'public' | 'restricted' | 'protected';
  graphic?: boolean;
  supports: { eventIds?: string[]; actIds?: string[]; personIds?: string[] };
  /** First custody action: collected in the field, or received from a source. */
  firstAction: 'collected' | 'received' | 'derived';
}

export function buildEvidence(
  ctx: DemoContext,
  units: Units,
  events: DemoEvent[],
  sources: Sources,
  t: TestimonyResult,
  lists: readonly ListFile[],
  transcriptEvidenceId: string,
): void {
  const { rng } = ctx;
  const add = (e: EvidenceSpec): string => {
    const { sha256, size } = ctx.addFile(e.bytes);
    const id = e.id ?? ctx.id('evi');
    ctx.add('evidence', id, {
      title: e.title,
      kind: e.kind,
      sha256,
      size,
      mediaType: e.mediaType,
      fileName: e.fileName,
      acquisition: e.acquisition,
      sourceId: e.sourceId,
      derivedFrom: e.derivedFrom,
      derivation: e.derivation,
      verification: e.verification,
      consent: e.consent,
      protection: e.protection,
      graphic: e.graphic ?? false,
      supports: {
        eventIds: e.supports.eventIds ?? [],
        actIds: e.supports.actIds ?? [],
        personIds: e.supports.personIds ?? [],
      },
    });
    // Custody: first contact, a working copy into the encrypted store, then a hash check.
    const at = e.acquisition.at;
    const dayOf = at.slice(0, 10);
    ctx.addCustody({
      evidenceId: id,
      action: e.firstAction,
      at,
      actor: e.acquisition.by,
      note: e.firstAction === 'derived' ? e.derivation : e.acquisition.method,
      sha256,
    });
    ctx.addCustody({
      evidenceId: id,
      action: 'copied',
      at: caracasTime(addDays(dayOf, 1), 9, 15),
      actor: 'Custodio de evidencias del equipo (ficticio)',
      note: 'Copia de trabajo al repositorio cifrado; el original queda sellado.',
      sha256,
    });
    ctx.addCustody({
      evidenceId: id,
      action: 'verified',
      at: caracasTime(addDays(dayOf, 3), 16, 40),
      actor: 'Analista de verificación (ficticio)',
      note: 'SHA-256 recalculado y coincidente con el registrado en la recolección.',
      sha256,
    });
    return id;
  };

  // 1–2. A detention record (fictional form) and its redacted copy for publication.
  const ds = t.detentionStory;
  const dv = ds.victim;
  const dEv = ds.event;
  const officer = units.membersAt(dEv.unit, dEv.date)[0];
  const officerName = officer ? units.official(officer) : undefined;
  const acquiredAt = caracasTime(addDays(ds.release?.date ?? dEv.date, rng.int(5, 20)), 10, 30);
  const actaNo = `${units.get(dEv.unit).acronym}-${dEv.date.slice(0, 4)}-${String(rng.int(100, 999))}`;
  const record = (redact: boolean) => {
    const r = (s: string) => (redact ? '[TESTADO]' : s);
    return Buffer.from(
      [
        WATERMARK,
        'MINISTERIO FICTICIO DEL INTERIOR Y ORDEN PÚBLICO',
        units.get(dEv.unit).name.toUpperCase(),
        '',
        `ACTA POLICIAL N.º ${actaNo}`,
        '',
        `Fecha: ${longDate(dEv.date, 'es')}    Hora: 13:40`,
        `Lugar: ${cityOf(dEv.muni)}, vía pública`,
        `Funcionario actuante: ${officerName ? `${officerName.rank} ${r(officerName.name)}` : r('(ilegible)')}`,
        '',
        'CIUDADANO APREHENDIDO',
        `Nombres y apellidos: ${r(`${dv.given} ${dv.s1} ${dv.s2}`)}`,
        `Cédula de identidad: ${r(dv.cedula ? `V-${dv.cedula.number}` : 'no porta')}`,
        `Fecha de nacimiento: ${r(dv.birth ? longDate(dv.birth, 'es') : 'no indica')}`,
        `Dirección: ${r(`sector centro, ${cityOf(dEv.muni)}`)}`,
        '',
        'MOTIVO: alteración del orden público, instigación pública y obstrucción de la vía pública.',
        'OBJETOS INCAUTADOS: un (1) teléfono celular, un (1) morral de color negro.',
        `SITIO DE RECLUSIÓN: ${ds.holdingSite?.name ?? 'comando de la zona'}`,
        '',
        'Se deja constancia de que el ciudadano fue impuesto de sus derechos.',
        '(Nota de la organización: el testimonio de la víctima contradice esta constancia.)',
        '',
        WATERMARK,
        '',
      ].join('\n'),
      'utf8',
    );
  };
  const supportsDetention = {
    eventIds: [dEv.id],
    actIds: ds.detentionActId ? [ds.detentionActId] : [],
    personIds: [dv.id, ...(officer ? [officer] : [])],
  };
  const original = add({
    title: 'Acta policial de aprehensión (ficticia)',
    kind: 'official_record',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'acta-policial-aprehension.txt',
    bytes: record(false),
    acquisition: {
      by: 'Abogada defensora del Foro Ficticio',
      at: acquiredAt,
      method: 'Copia del acta obtenida del expediente judicial por la defensa y transcrita fielmente.',
      from: 'Expediente del tribunal de control',
      tool: 'Escáner de la organización',
    },
    sourceId: sources.foro,
    verification: 'Cotejada con el expediente por una segunda abogada.',
    consent: 'courts',
    protection: 'protected',
    supports: supportsDetention,
    firstAction: 'received',
  });
  const derivedAt = caracasTime(addDays(acquiredAt.slice(0, 10), 30), 11, 0);
  ctx.addCustody({
    evidenceId: original,
    action: 'accessed',
    at: derivedAt,
    actor: 'Analista de datos del equipo (ficticio)',
    note: 'Consultada para producir la copia testada.',
  });
  add({
    title: 'Acta policial de aprehensión (copia testada para publicación)',
    kind: 'official_record',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'acta-policial-aprehension-testada.txt',
    bytes: record(true),
    acquisition: {
      by: 'Analista de datos del equipo (ficticio)',
      at: derivedAt,
      method: 'Derivada de la evidencia original; la original no se modifica.',
      tool: 'Herramienta de testado (demo)',
    },
    derivedFrom: original,
    derivation: 'Copia testada: nombres, cédula, fecha de nacimiento y dirección sustituidos por [TESTADO].',
    consent: 'public',
    protection: 'public',
    supports: { eventIds: supportsDetention.eventIds, actIds: supportsDetention.actIds },
    firstAction: 'derived',
  });

  // 3. A forensic medical report on the tortured victim heard at the first hearing.
  const ms = t.medicalStory;
  const examined = addDays(ms.release?.date ?? ms.event.date, rng.int(7, 21));
  const findings = ms.tortureMethods.length
    ? ms.tortureMethods
        .map((m) => FINDINGS[m])
        .filter(Boolean)
        .map((f) => `- ${f}`)
    : ['- Cicatrices lineales en ambas muñecas compatibles con esposas muy apretadas.'];
  add({
    title: 'Informe médico-legal independiente (ficticio)',
    kind: 'medical_report',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'informe-medico-legal.txt',
    bytes: Buffer.from(
      [
        WATERMARK,
        'INFORME MÉDICO-LEGAL INDEPENDIENTE',
        `Perita: ${t.expertName}, médica forense`,
        `Fecha del examen: ${longDate(examined, 'es')}`,
        `Persona examinada: ${ms.victim.given} ${ms.victim.s1} ${ms.victim.s2}`,
        '',
        `Relato: refiere haber sido detenid${ms.victim.sex === 'female' ? 'a' : 'o'} el ${longDate(ms.event.date, 'es')} y sometid${ms.victim.sex === 'female' ? 'a' : 'o'} a malos tratos durante los interrogatorios.`,
        '',
        'Hallazgos:',
        ...findings,
        '',
        'Conclusión: los hallazgos físicos y psicológicos son compatibles con el relato, conforme al Protocolo de Estambul (grado: «típico de»).',
        '',
        WATERMARK,
        '',
      ].join('\n'),
      'utf8',
    ),
    acquisition: {
      by: t.expertName,
      at: caracasTime(examined, 15, 0),
      method: 'Examen clínico presencial con consentimiento informado; informe firmado por la perita.',
    },
    consent: 'courts',
    protection: 'restricted',
    supports: {
      eventIds: [ms.event.id],
      actIds: ms.tortureActId ? [ms.tortureActId] : ms.actIds.slice(0, 1),
      personIds: [ms.victim.id, t.expertId],
    },
    firstAction: 'collected',
  });

  // 4. The fictional operations order the insider handed over.
  const orderDate = '2017-04-03';
  const signer = units.commanderAt('sfin', orderDate);
  const chief7 = units.commanderAt('dcrf7', orderDate);
  const chief43 = units.commanderAt('czf43', orderDate);
  const escudo = events.filter((e) => e.wave === 'protestas-2017' && e.kind !== 'journalists').slice(0, 4);
  add({
    title: 'Orden de Operaciones N.º 17, plan «Escudo» (ficticia)',
    kind: 'document',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'orden-operaciones-17-escudo.txt',
    bytes: Buffer.from(
      [
        WATERMARK,
        'SERVICIO FICTICIO DE INTELIGENCIA NACIONAL — DIRECCIÓN GENERAL',
        'CLASIFICACIÓN: SECRETO',
        `ORDEN DE OPERACIONES N.º 17 — PLAN «ESCUDO»    Caracas, ${longDate(orderDate, 'es')}`,
        '',
        'DESTINATARIOS: DCRF-7, SFIN-DOEC, SFIN-DT; copia: CZF-43 (coordinación).',
        '',
        '1. SITUACIÓN: convocatorias de protesta en Distrito Capital, Miranda, Carabobo, Lara, Mérida, Táchira y Zulia.',
        '2. MISIÓN: neutralizar a los promotores y «financistas» de las protestas en los municipios señalados.',
        '3. EJECUCIÓN: detención de los objetivos de las listas anexas; traslado a sede propia; interrogatorio',
        '   para obtener nombres y pruebas de financiamiento; presentación ante la jurisdicción que se indique.',
        '   La DCRF-7 queda adscrita operacionalmente a esta Dirección General desde el 1 de abril de 2017.',
        '4. COORDINACIÓN: con el CZF-43 para las detenciones masivas; los «grupos de apoyo» se coordinan por el enlace.',
        '5. NOVEDADES: parte diario a esta Dirección General.',
        '',
        `Firma: Director General (${signer ? units.official(signer).name : 'ilegible'})`,
        '',
        WATERMARK,
        '',
      ].join('\n'),
      'utf8',
    ),
    acquisition: {
      by: 'Abogada coordinadora del Foro Ficticio',
      at: caracasTime('2018-11-02', 18, 20),
      method:
        'Entregada en persona por la fuente interna en una memoria USB; copiada con bloqueador de escritura.',
      from: 'Fuente interna «Halcón»',
      tool: 'Bloqueador de escritura USB',
    },
    sourceId: sources.insider,
    verification:
      'Formato, numeración y firmas coherentes con otras órdenes conocidas del mismo período; no se ha podido obtener el original.',
    consent: 'courts',
    protection: 'restricted',
    supports: {
      eventIds: escudo.map((e) => e.id),
      personIds: [signer, chief7, chief43].filter((x): x is string => Boolean(x)),
    },
    firstAction: 'received',
  });

  // 5. A press web capture about a 2017 killing (the newspaper relays the Red's bulletin).
  const killingEvent =
    events.find((e) => e.kind === 'protest_killing' && e.wave === 'protestas-2017') ?? events[0]!;
  const dead = killingEvent.stories.find((s) => s.role === 'killed');
  add({
    title: `Captura web: nota del Diario Ficticio del Centro sobre ${killingEvent.title}`,
    kind: 'web_capture',
    mediaType: 'text/html; charset=utf-8',
    fileName: 'diario-ficticio-nota.html',
    bytes: Buffer.from(
      [
        '<!doctype html>',
        '<html lang="es"><head><meta charset="utf-8">',
        `<title>Diario Ficticio del Centro — ${escapeHtml(killingEvent.title)}</title></head>`,
        '<body><article>',
        `<h1>${escapeHtml(dead ? `Muere ${dead.victim.given} ${dead.victim.s1} durante protesta en ${cityOf(killingEvent.muni)}` : killingEvent.title)}</h1>`,
        `<p class="byline">Redacción · ${longDate(killingEvent.date, 'es')} · Fuente: boletín de la Red Ficticia de Defensores Andinos</p>`,
        `<p>${escapeHtml(`Según el boletín de la Red Ficticia, efectivos ${ofAcronym(units.get(killingEvent.unit))} dispararon contra los manifestantes en ${cityOf(killingEvent.muni)}. Decenas de personas fueron detenidas.`)}</p>`,
        '<p>El Ministerio Ficticio atribuyó la muerte a «grupos violentos».</p>',
        `<footer>${WATERMARK}</footer>`,
        '</article></body></html>',
        '',
      ].join('\n'),
      'utf8',
    ),
    acquisition: {
      by: 'Documentador/a 2 del Observatorio Ficticio',
      at: caracasTime(addDays(killingEvent.date, 1), 8, 5),
      method: 'Captura de la página publicada (HTML completo) con fecha y hash registrados.',
      from: 'https://diario-ficticio.example/nota',
      tool: 'Captura web (demo)',
    },
    sourceId: sources.diario,
    consent: 'public',
    protection: 'public',
    supports: {
      eventIds: [killingEvent.id],
      actIds: dead ? dead.actIds : [],
      personIds: dead ? [dead.victim.id] : [],
    },
    firstAction: 'collected',
  });

  // 6. A photograph of injuries (PNG), linked to the victim's record as an identifying photo.
  const photo = add({
    title: 'Fotografía de hematomas en la espalda (ficticia)',
    kind: 'photo',
    mediaType: 'image/png',
    fileName: 'foto-hematomas.png',
    bytes: bruisePhoto(() => rng.next()),
    acquisition: {
      by: 'Documentador/a 1 del Foro Ficticio',
      at: caracasTime(addDays(ds.release?.date ?? dEv.date, 1), 17, 45),
      method: 'Fotografía tomada con el consentimiento de la víctima el día siguiente a su liberación.',
      tool: 'Teléfono de la organización',
    },
    sourceId: sources.foro,
    consent: 'internal',
    protection: 'protected',
    graphic: true,
    supports: {
      eventIds: [dEv.id],
      actIds: ds.tortureActId ? [ds.tortureActId] : supportsDetention.actIds,
      personIds: [dv.id],
    },
    firstAction: 'collected',
  });
  const person = ctx.records.persons.find((p) => p.id === dv.id)!;
  (person.body as { photoEvidenceIds: string[] }).photoEvidenceIds = [photo];

  // 7. The transcript of the first hearing.
  add({
    id: transcriptEvidenceId,
    title: `Transcripción: ${t.hearing1.title}`,
    kind: 'testimony_transcript',
    mediaType: 'text/plain; charset=utf-8',
    fileName: 'transcripcion-audiencia-1.txt',
    bytes: Buffer.from(`${t.hearing1.transcript}\n`, 'utf8'),
    acquisition: {
      by: 'Secretaría del panel (ficticia)',
      at: caracasTime(addDays(t.hearing1.date, 2), 12, 0),
      method: 'Transcripción de la grabación de audio de la audiencia, revisada por el panel.',
    },
    consent: 'courts',
    protection: 'restricted',
    supports: {},
    firstAction: 'collected',
  });

  // 8–10. The organisations' original list files, as received.
  for (const l of lists) {
    add({
      title: `Archivo original: ${l.name}`,
      kind: 'dataset',
      mediaType: 'text/csv; charset=utf-8',
      fileName: l.fileName,
      bytes: l.bytes,
      acquisition: {
        by: 'Analista de datos del equipo (ficticio)',
        at: caracasTime('2019-12-02', 10, 0),
        method: 'Archivo CSV entregado por la organización por canal cifrado.',
        from: l.name,
      },
      sourceId: l.sourceId,
      consent: 'courts',
      protection: 'restricted',
      supports: {},
      firstAction: 'received',
    });
  }
}

const FINDINGS: Record<string, string> = {
  beating:
    'Hematomas en resolución en región costal y dorsal; fractura consolidada del 9.º arco costal izquierdo.',
  falanga: 'Dolor y engrosamiento de la fascia plantar bilateral.',
  electric_shock:
    'Lesiones puntiformes pigmentadas en flancos, compatibles con la aplicación de corriente eléctrica.',
  asphyxiation_dry:
    'Petequias conjuntivales referidas; secuelas psicológicas (reexperimentación, evitación).',
  asphyxiation_wet: 'Secuelas psicológicas compatibles con asfixia húmeda reiterada.',
  suspension: 'Lesión del plexo braquial derecho con pérdida parcial de fuerza.',
  forced_postures: 'Dolor crónico en rodillas y hombros.',
  forced_standing: 'Edema residual en miembros inferiores.',
  burns: 'Cicatrices circulares de 7–8 mm en antebrazos, compatibles con quemaduras de cigarrillo.',
  threats_against_family: 'Trastorno de estrés postraumático (criterios DSM-5 cumplidos).',
  death_threats: 'Síntomas de ansiedad intensa y alteraciones del sueño.',
  sleep_deprivation: 'Alteraciones del sueño persistentes.',
  isolation: 'Síntomas depresivos tras el aislamiento prolongado.',
  blindfolding: 'Desorientación y sobresalto referidos al recordar los interrogatorios.',
  tear_gas: 'Irritación bronquial persistente.',
  pellet_shooting: 'Perdigones alojados en tejido blando de ambos muslos (radiografía).',
  degradation_nakedness: 'Vergüenza intensa y evitación al relatar la requisa.',
  noise_light: 'Hipervigilancia y alteraciones del sueño.',
  extreme_temperature: 'Infección respiratoria durante la detención, no tratada.',
  food_water_deprivation: 'Pérdida de peso de 9 kg durante la detención.',
};
