/**
 * The fictional demo case file: Venezuela 2014–2019, real geography, invented people and units.
 * Deterministic for a seed (no clock, no Math.random), produced in the case-file export format so
 * it loads through the same import path as any real case file. It exercises the whole model:
 * chains of command that change over time, detention timelines, every protection level and
 * consent scope, evidence with custody and a redacted derivative, a hearing, and three NGO lists
 * that overlap on victims with the spelling variants real lists have.
 */
import { createHash } from 'node:crypto';
import type { FuzzyDate } from '../domain/dates.js';
import { KNOWN_DETENTION_SITES, VENEZUELA_STATES } from '../domain/gazetteer.js';
import type { CaseJson } from '../ingest/case-json.js';
import { FEMALE_GIVEN, MALE_GIVEN, OCCUPATIONS, SURNAMES } from './names.js';
import { Rng } from './random.js';

export const DEMO_SEED = 20140212;
const AT = '2020-01-15T12:00:00.000Z';
const BY = 'system:demo';
const day = (value: string): FuzzyDate => ({ precision: 'day', value });
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type Rec = CaseJson['records'][string][number];

export function generateDemoCase(opts: { seed?: number } = {}): CaseJson {
  const rng = new Rng(opts.seed ?? DEMO_SEED);
  const counters = new Map<string, number>();
  const id = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_DEMO${pad(n, 10)}`;
  };
  const records: Record<string, Rec[]> = {};
  const add = (kind: string, body: Record<string, unknown>, rid: string) => {
    const list = records[kind] ?? [];
    records[kind] = list;
    list.push({
      id: rid,
      createdAt: AT,
      createdBy: BY,
      updatedAt: AT,
      updatedBy: BY,
      version: 1,
      deletedAt: null,
      body,
    });
    return rid;
  };
  const dateIn = (y0: number, y1: number) =>
    `${rng.int(y0, y1)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const addDays = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  // ── Places: states, municipalities and detention sites actually used ────────────────────
  const stateCodes = ['VE-A', 'VE-M', 'VE-G', 'VE-K', 'VE-S', 'VE-L', 'VE-V', 'VE-B', 'VE-D', 'VE-R'];
  const statePlace = new Map<string, string>();
  const muniPlaces: { id: string; stateCode: string; name: string }[] = [];
  for (const code of stateCodes) {
    const s = VENEZUELA_STATES.find((x) => x.code === code)!;
    const sid = add(
      'places',
      {
        name: s.name,
        kind: 'state',
        stateCode: s.code,
        coordinates: { lat: s.centroid[0], lon: s.centroid[1] },
      },
      id('pla'),
    );
    statePlace.set(code, sid);
    for (const m of s.municipalities.slice(0, Math.min(3, s.municipalities.length))) {
      muniPlaces.push({
        id: add('places', { name: m, kind: 'municipality', parentId: sid, stateCode: s.code }, id('pla')),
        stateCode: s.code,
        name: m,
      });
    }
  }
  const sites = KNOWN_DETENTION_SITES.slice(0, 8).map((d) => {
    const parent =
      statePlace.get(d.stateCode) ??
      add('places', { name: d.stateCode, kind: 'state', stateCode: d.stateCode }, id('pla'));
    return {
      id: add(
        'places',
        {
          name: d.name,
          kind: 'detention_site',
          parentId: parent,
          stateCode: d.stateCode,
          municipality: d.municipality,
          coordinates: d.centroid ? { lat: d.centroid[0], lon: d.centroid[1] } : undefined,
        },
        id('pla'),
      ),
      stateCode: d.stateCode,
    };
  });

  // ── Units (fictional) and their chain of command, reorganised in 2017 ───────────────────
  const unit = (
    name: string,
    acronym: string,
    kind: string,
    perpetratorType: string,
    parents: { unitId: string; from?: FuzzyDate; to?: FuzzyDate }[] = [],
  ) => add('units', { name, acronym, kind, perpetratorType, parents }, id('uni'));
  const ministry = unit('Ministerio Ficticio de Interior y Orden', 'MFIO', 'ministry', 'officials');
  const sif = unit(
    'Servicio de Inteligencia Ficticio',
    'SIF',
    'intelligence_service',
    'intelligence_service',
    [{ unitId: ministry }],
  );
  const dcf = unit(
    'Dirección de Contrainteligencia Ficticia',
    'DCF',
    'military_intelligence',
    'military_intelligence',
  );
  const sifCapital = unit(
    'SIF — Dirección Regional Capital (ficticia)',
    'SIF-DRC',
    'intelligence_service',
    'intelligence_service',
    [{ unitId: sif }],
  );
  const dcf7 = unit(
    'Dirección de Contrainteligencia Regional Ficticia 7',
    'DCRF-7',
    'military_intelligence',
    'military_intelligence',
    [
      { unitId: dcf, to: day('2017-03-31') },
      { unitId: sif, from: day('2017-04-01') },
    ],
  );
  const brigada = unit(
    'Brigada de Orden Público Ficticia 12',
    'BOPF-12',
    'national_guard',
    'national_guard',
    [{ unitId: ministry }],
  );
  const policia = unit('Policía Especial Ficticia de Operaciones', 'PEFO', 'special_forces', 'police', [
    { unitId: ministry },
  ]);
  const comando = unit('Comando de Zona Ficticio 43', 'CZF-43', 'national_guard', 'national_guard', [
    { unitId: brigada, to: day('2016-12-31') },
    { unitId: policia, from: day('2017-01-01') },
  ]);
  const colectivo = unit('Colectivo «Los Ficticios»', 'CLF', 'paramilitary', 'pro_government_paramilitary');
  const fiscalia = unit('Fiscalía Ficticia 21 de Control', 'FF21', 'prosecution', 'prosecution');
  const perpetratorUnits = [sifCapital, dcf7, brigada, policia, comando, colectivo];

  // ── Persons ─────────────────────────────────────────────────────────────────────────────
  interface Person {
    id: string;
    given: string;
    s1: string;
    s2: string;
    sex: 'female' | 'male';
    birth?: string;
    cedula?: string;
  }
  const perpetrators: string[] = [];
  const ranks = [
    'Comisario',
    'Comisario Jefe',
    'Inspector',
    'Coronel',
    'Teniente Coronel',
    'Capitán',
    'Primer Teniente',
    'Sargento',
  ];
  for (let i = 0; i < 25; i++) {
    const sex = rng.chance(0.2) ? 'female' : 'male';
    const pid = add(
      'persons',
      {
        givenNames: rng.pick(sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN),
        firstSurname: `${rng.pick(SURNAMES)}-Ficticio`,
        secondSurname: rng.pick(SURNAMES),
        sex,
        occupation: 'funcionario (ficticio)',
        protection: 'restricted',
        aliases: rng.chance(0.3) ? [`«El ${rng.pick(['Gato', 'Chino', 'Flaco', 'Catire', 'Negro'])}»`] : [],
      },
      id('per'),
    );
    perpetrators.push(pid);
    const u = perpetratorUnits[i % perpetratorUnits.length]!;
    const commander = i < perpetratorUnits.length;
    add(
      'memberships',
      {
        personId: pid,
        unitId: u,
        rank: rng.pick(ranks),
        position: commander ? 'Jefe de la unidad' : 'Funcionario',
        commander,
        from: day(`${rng.int(2010, 2014)}-01-01`),
        to: commander && i % 2 ? day('2017-06-30') : undefined,
      },
      id('mem'),
    );
    if (commander && i % 2) {
      add(
        'memberships',
        {
          personId: pid,
          unitId: sif,
          rank: 'Director General (ficticio)',
          position: 'Director',
          commander: true,
          from: day('2017-07-01'),
        },
        id('mem'),
      );
    }
  }

  const victims: Person[] = [];
  for (let i = 0; i < 400; i++) {
    const sex = rng.chance(0.42) ? 'female' : 'male';
    const p: Person = {
      id: id('per'),
      given: rng.zipf(sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN, 0.8),
      s1: rng.zipf(SURNAMES, 0.9),
      s2: rng.zipf(SURNAMES, 0.9),
      sex,
      birth: rng.chance(0.85) ? dateIn(1955, 2001) : undefined,
      cedula: rng.chance(0.8) ? String(rng.int(4_000_000, 28_000_000)) : undefined,
    };
    victims.push(p);
    const protection = i % 10 === 0 ? 'public' : i % 7 === 0 ? 'protected' : 'restricted';
    const birthDate: FuzzyDate | undefined = p.birth
      ? i % 9 === 0
        ? { precision: 'year', value: p.birth.slice(0, 4) }
        : i % 11 === 0
          ? { precision: 'month', value: p.birth.slice(0, 7) }
          : day(p.birth)
      : undefined;
    add(
      'persons',
      {
        givenNames: p.given,
        firstSurname: p.s1,
        secondSurname: p.s2,
        sex,
        birthDate,
        nationalities: ['VE'],
        documents: p.cedula ? [{ type: 'cedula_venezolana', number: p.cedula }] : [],
        occupation: rng.pick(OCCUPATIONS),
        protection,
        contact:
          protection === 'protected'
            ? `+58 41${rng.int(2, 6)}-${rng.int(1000000, 9999999)} (ficticio)`
            : undefined,
      },
      p.id,
    );
  }

  // ── Events, acts, involvements, detention timelines ─────────────────────────────────────
  const waves: [number, number][] = [
    [2014, 2014],
    [2015, 2016],
    [2017, 2017],
    [2018, 2019],
  ];
  const titles = [
    'Represión de manifestación',
    'Allanamiento nocturno',
    'Detenciones tras protesta',
    'Operativo de seguridad',
    'Detención de militares disidentes',
    'Detención de periodistas',
  ];
  let v = 0;
  const actsOf = new Map<string, string[]>();
  const events: { id: string; date: string; acts: string[] }[] = [];
  const methods = [
    'beating',
    'electric_shock',
    'asphyxiation_dry',
    'forced_postures',
    'sleep_deprivation',
    'death_threats',
    'threats_against_family',
    'blindfolding',
    'degradation_nakedness',
    'isolation',
  ];
  for (let e = 0; e < 60; e++) {
    const [y0, y1] = waves[e % 4]!;
    const date = dateIn(y0, y1);
    const muni = rng.pick(muniPlaces);
    const evId = add(
      'events',
      {
        title: `${rng.pick(titles)} (${muni.name}, ${date.slice(0, 7)})`,
        description: 'Hechos ficticios del caso demostrativo.',
        date: day(date),
        placeId: muni.id,
        violationStatus: rng.pick(['confirmed', 'likely', 'possible']),
        attribution: rng.pick(['denied', 'no_response', 'alternative_explanation']),
      },
      id('evt'),
    );
    const ev = { id: evId, date, acts: [] as string[] };
    events.push(ev);
    const n = rng.int(5, 9);
    for (let k = 0; k < n; k++) {
      const victim = victims[v % victims.length]!;
      v += rng.chance(0.85) ? 1 : 0; // some victims suffer several acts in one event
      const site = rng.pick(sites);
      const detention = add(
        'acts',
        {
          eventId: evId,
          victimId: victim.id,
          type: 'arbitrary_detention',
          date: day(date),
          placeId: muni.id,
        },
        id('act'),
      );
      ev.acts.push(detention);
      actsOf.set(victim.id, [...(actsOf.get(victim.id) ?? []), detention]);
      const u = rng.pick(perpetratorUnits);
      add(
        'involvements',
        { actId: detention, unitId: u, degree: 'directly_carried_out', perpetratorType: 'state' },
        id('inv'),
      );
      if (rng.chance(0.35)) {
        const tort = add(
          'acts',
          {
            eventId: evId,
            victimId: victim.id,
            type: 'torture',
            methods: [rng.pick(methods), rng.pick(methods)].filter((x, i, a) => a.indexOf(x) === i),
            date: day(addDays(date, rng.int(0, 3))),
            placeId: site.id,
          },
          id('act'),
        );
        ev.acts.push(tort);
        add(
          'involvements',
          {
            actId: tort,
            personId: rng.pick(perpetrators),
            degree: rng.pick(['directly_carried_out', 'gave_orders', 'confirmed_present']),
            perpetratorType: 'intelligence_service',
          },
          id('inv'),
        );
      }
      if (rng.chance(0.08))
        ev.acts.push(
          add(
            'acts',
            {
              eventId: evId,
              victimId: victim.id,
              type: 'sexual_violence',
              date: day(addDays(date, 1)),
              placeId: site.id,
            },
            id('act'),
          ),
        );
      if (rng.chance(0.1))
        ev.acts.push(
          add(
            'acts',
            {
              eventId: evId,
              victimId: victim.id,
              type: 'short_term_disappearance',
              date: day(date),
              placeId: site.id,
            },
            id('act'),
          ),
        );
      if (rng.chance(0.15))
        ev.acts.push(
          add(
            'acts',
            { eventId: evId, victimId: victim.id, type: 'persecution', date: day(date) },
            id('act'),
          ),
        );
      // Detention timeline.
      const d1 = addDays(date, rng.int(2, 12));
      add(
        'detention-periods',
        {
          personId: victim.id,
          placeId: site.id,
          status: 'incommunicado',
          from: day(date),
          to: day(d1),
          actId: detention,
        },
        id('det'),
      );
      const d2 = addDays(d1, rng.int(20, 400));
      add(
        'detention-periods',
        {
          personId: victim.id,
          placeId: site.id,
          status: 'detained',
          from: day(d1),
          to: day(d2),
          actId: detention,
        },
        id('det'),
      );
      const next = rng.pick(['released_with_conditions', 'house_arrest', 'released']);
      add(
        'detention-periods',
        {
          personId: victim.id,
          status: next,
          from: day(d2),
          to: next === 'house_arrest' ? day(addDays(d2, rng.int(60, 500))) : undefined,
        },
        id('det'),
      );
      if (next === 'house_arrest' && rng.chance(0.4))
        add(
          'detention-periods',
          {
            personId: victim.id,
            status: rng.pick(['escaped', 'exiled']),
            from: { precision: 'month', value: addDays(d2, 520).slice(0, 7) },
          },
          id('det'),
        );
    }
    if (e % 15 === 3) {
      const victim = victims[(v + 7) % victims.length]!;
      const killing = add(
        'acts',
        {
          eventId: evId,
          victimId: victim.id,
          type: 'killing_in_demonstration',
          methods: ['shooting'],
          date: day(date),
          placeId: muni.id,
        },
        id('act'),
      );
      ev.acts.push(killing);
      add(
        'involvements',
        {
          actId: killing,
          unitId: comando,
          degree: 'directly_carried_out',
          perpetratorType: 'national_guard',
        },
        id('inv'),
      );
      add(
        'involvements',
        {
          actId: killing,
          personId: perpetrators[4]!,
          degree: 'gave_orders',
          perpetratorType: 'national_guard',
        },
        id('inv'),
      );
    }
  }
  add(
    'involvements',
    {
      actId: events[0]!.acts[0]!,
      unitId: fiscalia,
      degree: 'passive_accomplice',
      perpetratorType: 'prosecution',
    },
    id('inv'),
  );

  // ── Sources, testimonies ────────────────────────────────────────────────────────────────
  const src = (body: Record<string, unknown>) => add('sources', body, id('src'));
  const ngoA = src({
    name: 'Observatorio Ficticio de Derechos Humanos',
    kind: 'ngo',
    connection: 'ngo',
    reliability: 'B',
    independenceGroup: 'ofdh',
    protection: 'public',
  });
  const ngoB = src({
    name: 'Red Ficticia de Defensores',
    kind: 'ngo',
    connection: 'ngo',
    reliability: 'C',
    independenceGroup: 'rfd',
    protection: 'public',
  });
  const media = src({
    name: 'Diario Ficticio del Centro',
    kind: 'media',
    connection: 'journalist',
    reliability: 'C',
    independenceGroup: 'rfd',
    protection: 'public',
    notes: 'Reproduce los boletines de la Red Ficticia: mismo origen.',
  });
  const insider = src({
    name: 'Fuente interna «Halcón»',
    kind: 'insider',
    connection: 'insider',
    reliability: 'B',
    independenceGroup: 'halcon',
    protection: 'protected',
  });
  const online = src({
    name: 'Cuenta anónima en redes',
    kind: 'online',
    reliability: 'F',
    independenceGroup: 'anon-1',
    protection: 'restricted',
  });
  const testimonyText = (v: Person, ev: { date: string }) =>
    `El ${ev.date} fui detenido junto con otras personas. Nos llevaron encapuchados a una sede que luego reconocí. ` +
    'Durante tres días no pude comunicarme con mi familia ni con un abogado. Me golpearon y me amenazaron con hacerle daño a mi madre si no grababa un video. ' +
    `Reconocí a uno de los funcionarios por su apodo. (Testimonio ficticio de ${v.given} ${v.s1}.)`;
  const protections = ['protected', 'restricted', 'public', 'protected', 'restricted', 'protected'];
  const consents = ['courts', 'internal', 'public', 'courts', 'courts', 'internal'];
  const testimonies: string[] = [];
  for (let i = 0; i < 12; i++) {
    const ev = events[i * 4]!;
    const firstAct = records.acts!.find((a) => a.id === ev.acts[0])!;
    const victimId = (firstAct.body as { victimId: string }).victimId;
    const vv = victims.find((x) => x.id === victimId)!;
    const english = i % 5 === 4;
    testimonies.push(
      add(
        'testimonies',
        {
          title: english ? `Statement ${i + 1}` : `Testimonio ${i + 1}`,
          sourceId: i % 3 === 0 ? ngoA : i % 3 === 1 ? ngoB : insider,
          witnessId: victimId,
          statement: english
            ? `On ${ev.date} I was arrested with others and taken hooded to a detention site. For three days I could not call my family or a lawyer. They beat me and threatened my mother. (Fictional statement.)`
            : testimonyText(vv, ev),
          language: english ? 'en' : 'es',
          date: day(addDays(ev.date, rng.int(30, 400))),
          interviewer: `Documentador/a ${1 + (i % 3)} (ficticio)`,
          materialType: i % 4 === 0 ? 'interview' : 'testimony',
          consent: consents[i % consents.length],
          credibility: String(1 + (i % 4)),
          protection: protections[i % protections.length],
          supports: { eventIds: [ev.id], actIds: ev.acts.slice(0, 2), personIds: [victimId] },
        },
        id('tes'),
      ),
    );
  }

  // ── Evidence files with custody, one redacted derivative ────────────────────────────────
  const files: CaseJson['files'] = [];
  const custody: CaseJson['custody'] = [];
  const evidence = (
    title: string,
    kind: string,
    mediaType: string,
    bytes: Buffer,
    extra: Record<string, unknown>,
  ) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!files.some((f) => f.sha256 === sha256)) files.push({ sha256, base64: bytes.toString('base64') });
    const eid = add(
      'evidence',
      {
        title,
        kind,
        mediaType,
        sha256,
        size: bytes.length,
        fileName: `${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.${mediaType === 'image/png' ? 'png' : 'txt'}`,
        acquisition: {
          by: 'Documentador/a 1 (ficticio)',
          at: '2019-06-01T15:00:00Z',
          method: 'entregado en persona',
          tool: 'demo',
        },
        graphic: false,
        supports: { eventIds: [], actIds: [], personIds: [] },
        ...extra,
      },
      id('evi'),
    );
    custody.push({
      evidenceId: eid,
      createdAt: AT,
      createdBy: BY,
      action: 'collected',
      at: '2019-06-01T15:00:00Z',
      actor: 'Documentador/a 1 (ficticio)',
      sha256,
    });
    custody.push({
      evidenceId: eid,
      createdAt: AT,
      createdBy: BY,
      action: 'verified',
      at: '2019-06-03T10:00:00Z',
      actor: 'Analista 2 (ficticio)',
      note: 'hash verificado',
      sha256,
    });
    return eid;
  };
  const v0 = victims[0]!;
  const record = evidence(
    'Boleta de detención (ficticia)',
    'official_record',
    'text/plain',
    Buffer.from(
      `REPÚBLICA FICTICIA — BOLETA DE DETENCIÓN\nCiudadano: ${v0.given} ${v0.s1} ${v0.s2}, C.I. V-${v0.cedula ?? 'sin cédula'}\nUnidad: SIF-DRC\nFecha: ${events[0]!.date}\nDocumento ficticio del caso demostrativo.\n`,
    ),
    {
      consent: 'courts',
      protection: 'protected',
      supports: { eventIds: [events[0]!.id], actIds: [events[0]!.acts[0]!], personIds: [v0.id] },
    },
  );
  evidence(
    'Boleta de detención (ficticia, testada)',
    'official_record',
    'text/plain',
    Buffer.from(
      `REPÚBLICA FICTICIA — BOLETA DE DETENCIÓN\nCiudadano: [TESTADO]\nUnidad: SIF-DRC\nFecha: ${events[0]!.date}\nDocumento ficticio del caso demostrativo.\n`,
    ),
    {
      derivedFrom: record,
      derivation: 'redacted: identidad testada',
      consent: 'public',
      protection: 'public',
    },
  );
  evidence(
    'Informe médico forense (ficticio)',
    'medical_report',
    'text/plain',
    Buffer.from(
      'Informe médico ficticio: contusiones múltiples compatibles con golpes; quemaduras lineales en antebrazos.\n',
    ),
    { consent: 'courts', protection: 'restricted' },
  );
  evidence(
    'Orden de operaciones N.º 17 (ficticia)',
    'document',
    'text/plain',
    Buffer.from(
      'ORDEN DE OPERACIONES N.º 17 (FICTICIA): «neutralizar focos de protesta» en los municipios señalados; coordinación SIF-DRC / BOPF-12.\n',
    ),
    { consent: 'courts', protection: 'restricted', sourceId: insider },
  );
  evidence(
    'Boletín de prensa (ficticio)',
    'web_capture',
    'text/plain',
    Buffer.from('Diario Ficticio del Centro: «Al menos 40 detenidos tras la protesta» (texto ficticio).\n'),
    { consent: 'public', protection: 'public', sourceId: media },
  );
  evidence('Fotografía de lesiones (ficticia)', 'photo', 'image/png', TINY_PNG, {
    consent: 'internal',
    protection: 'protected',
    graphic: true,
  });

  // ── A hearing ───────────────────────────────────────────────────────────────────────────
  add(
    'hearings',
    {
      title: 'Audiencia pública del panel (ficticia)',
      date: day('2019-09-12'),
      placeId: statePlace.get('VE-A'),
      panel: ['Experta 1 (ficticia)', 'Experto 2 (ficticio)', 'Experta 3 (ficticia)'],
      participants: [
        { personId: victims[10]!.id, role: 'witness' },
        { personId: victims[20]!.id, role: 'victim' },
      ],
      transcript:
        'PANEL: ¿Puede describir el lugar donde estuvo detenido?\nTESTIGO: Era un sótano sin ventanas… (transcripción ficticia)',
    },
    id('hea'),
  );

  // ── Three NGO lists overlapping on victims, with spelling variants ──────────────────────
  const columns = [
    'record_id',
    'given_names',
    'first_surname',
    'second_surname',
    'sex',
    'birth_date',
    'document_id',
    'state',
    'municipality',
    'event_date',
    'act_type',
  ];
  const sourceRecords: CaseJson['sourceRecords'] = [];
  const lists = [
    { name: 'Lista del Observatorio Ficticio (2019)', sourceId: ngoA, p: 0.6 },
    { name: 'Registro de la Red Ficticia', sourceId: ngoB, p: 0.45 },
    { name: 'Base de datos de la fuente en línea', sourceId: online, p: 0.3 },
  ];
  const variants = (s: string): string => {
    let out = s;
    if (rng.chance(0.25)) out = out.normalize('NFD').replace(/\p{M}/gu, '');
    if (rng.chance(0.08)) out = out.replace(/y/g, 'i').replace(/v/g, 'b');
    if (rng.chance(0.05)) out = out.replace(/z/g, 's');
    return rng.chance(0.15) ? out.toUpperCase() : out;
  };
  const victimEvent = new Map<string, string>();
  for (const ev of events) {
    for (const aid of ev.acts) {
      const a = records.acts!.find((x) => x.id === aid)!.body as { victimId: string };
      if (!victimEvent.has(a.victimId)) victimEvent.set(a.victimId, ev.date);
    }
  }
  const stateOfVictim = (i: number) =>
    VENEZUELA_STATES.find((s) => s.code === stateCodes[i % stateCodes.length])!;
  lists.forEach((l, li) => {
    const listId = id('lst');
    let row = 1;
    for (let i = 0; i < victims.length; i++) {
      const vv = victims[i]!;
      const heterogeneity = i % 5 === 0 ? 1.5 : 1; // some victims are much better known
      if (!rng.chance(Math.min(0.95, l.p * heterogeneity))) continue;
      row++;
      const swap = rng.chance(0.07);
      const birth =
        vv.birth && rng.chance(0.85)
          ? li === 1
            ? `${vv.birth.slice(8, 10)}/${vv.birth.slice(5, 7)}/${vv.birth.slice(0, 4)}`
            : li === 2
              ? vv.birth.replace(/-/g, '')
              : vv.birth
          : '';
      const doc =
        vv.cedula && rng.chance(0.8)
          ? li === 0
            ? `V-${Number(vv.cedula).toLocaleString('de-DE')}`
            : li === 1
              ? vv.cedula
              : `V${vv.cedula}`
          : '';
      const st = stateOfVictim(i);
      sourceRecords.push({
        listId,
        rowNo: row,
        recordId: `${['OFDH', 'RFD', 'WEB'][li]}-${pad(row - 1, 4)}`,
        data: {
          record_id: `${['OFDH', 'RFD', 'WEB'][li]}-${pad(row - 1, 4)}`,
          given_names: variants(vv.given),
          first_surname: variants(swap ? vv.s2 : vv.s1),
          second_surname: rng.chance(0.12) ? '' : variants(swap ? vv.s1 : vv.s2),
          sex: rng.chance(0.9) ? (vv.sex === 'female' ? 'F' : 'M') : '',
          birth_date: birth,
          document_id: doc,
          state: rng.chance(0.9) ? st.name : '',
          municipality: rng.chance(0.6) ? st.municipalities[0]! : '',
          event_date: victimEvent.get(vv.id) ?? '',
          act_type: 'arbitrary_detention',
        },
        personId: null,
      });
    }
    add(
      'source-lists',
      {
        name: l.name,
        sourceId: l.sourceId,
        fileName: `lista-${li + 1}.csv`,
        columns,
        rowCount: row - 1,
        notes: 'Lista ficticia del caso demostrativo.',
      },
      listId,
    );
  });

  return {
    format: 'testigo-case-file',
    version: 1,
    exportedAt: AT,
    case: {
      id: 'cas_DEMO0000000001',
      createdAt: AT,
      createdBy: BY,
      updatedAt: AT,
      updatedBy: BY,
      version: 1,
      deletedAt: null,
      body: {
        title: 'Caso demostrativo (ficticio) — Venezuela 2014–2019',
        country: 'VE',
        description:
          'Caso enteramente ficticio para demostrar Testigo: personas y unidades inventadas sobre la geografía real de Venezuela. No contiene datos reales. / Entirely fictional case to demonstrate Testigo.',
        temporalScope: { from: '2014-02-12', to: '2019-12-31' },
        jurisdiction: {
          ratificationDate: '2000-06-07',
          entryIntoForce: '2002-07-01',
          notes: 'Venezuela ratificó el Estatuto de Roma el 7 de junio de 2000.',
        },
      },
    },
    records,
    custody,
    sourceRecords,
    files,
  };
}

/** A 2×2 grey PNG, standing in for a photograph. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAAEklEQVR4nGNgYGD4z8DAwMDAAAAMAAGp7ZB8AAAAAElFTkSuQmCC',
  'base64',
);
