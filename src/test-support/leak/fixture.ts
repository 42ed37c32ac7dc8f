/**
 * A small case file built as its users would build it: accounts through Accounts (there is no
 * account API for case membership bootstrapping), everything else through the HTTP API with a
 * cleared administrator's token. It holds public, restricted and protected persons (aliases,
 * cédulas with and without dots and V-/E- prefixes, compound given names, two surnames), protected
 * and restricted testimonies, evidence (including an organization's list file), a reserved hearing,
 * a deleted protected person, free text naming protected persons in the usual Spanish forms, public
 * submissions, a capture and a linkage run. The ground truth (TruthPerson / TruthText) is what the
 * identity forms are generated from.
 */
import { solvePow } from '../../intake/pow.js';
import type { Role } from '../../security/policy.js';
import { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import type { TruthPerson, TruthText } from './identity-forms.js';

const PW = 'una contraseña larga de prueba';
const POW_BITS = 4;

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** The attacking principals (and the cleared administrator who builds the case). */
export const ATTACKERS = [
  { name: 'viewer', role: 'viewer', cleared: false, scope: 'write' },
  { name: 'viewer-ro', role: 'viewer', cleared: false, scope: 'read' },
  { name: 'analyst', role: 'analyst', cleared: false, scope: 'write' },
  { name: 'panelist', role: 'panelist', cleared: false, scope: 'write' },
  { name: 'documenter', role: 'documenter', cleared: false, scope: 'write' },
  { name: 'admin-uncleared', role: 'administrator', cleared: false, scope: 'write' },
] as const;
export type AttackerName = (typeof ATTACKERS)[number]['name'];

export interface LeakFixture {
  caseId: string;
  tokens: Record<string, string>;
  userIds: Record<string, string>;
  /** Record ids by fixture key (P1, E1, T1, Ev1, H2, list ids, …). */
  ids: Record<string, string>;
  persons: TruthPerson[];
  texts: TruthText[];
  /** Text every member may read (used to tell distinctive words from ordinary ones). */
  publicText: string;
  /** Ids of records by API kind name, for the route walker. */
  byKind: Record<string, string[]>;
}

export const PERSONS: (TruthPerson & { extra?: Record<string, unknown> })[] = [
  {
    key: 'P1',
    givenNames: 'María José',
    firstSurname: 'Arismendi',
    secondSurname: 'Quintero',
    aliases: ['La Flaca'],
    documents: ['V-14.567.890'],
    birthDate: '1985-03-12',
    contact: '0414-5550001',
    protection: 'protected',
    extra: { sex: 'female', occupation: 'enfermera' },
  },
  {
    key: 'P2',
    givenNames: 'Yusleidy',
    firstSurname: 'Carrasquel',
    secondSurname: 'Urdaneta',
    aliases: ['Yusi', 'Chu'],
    documents: ['18765432'],
    birthDate: '1990-07-21',
    contact: '0412-5550002',
    protection: 'protected',
    extra: { sex: 'female' },
  },
  {
    key: 'P3',
    givenNames: 'Wuilmer Antonio',
    firstSurname: 'Perdomo',
    secondSurname: 'Landaeta',
    aliases: [],
    documents: ['E-82.345.678'],
    birthDate: '1979-11-05',
    protection: 'protected',
    deleted: true,
    extra: { sex: 'male' },
  },
  {
    key: 'R1',
    givenNames: 'Carlos Eduardo',
    firstSurname: 'Villasmil',
    secondSurname: 'Ochoa',
    aliases: [],
    documents: ['9.876.543'],
    birthDate: '1970-02-14',
    protection: 'restricted',
    extra: {
      sex: 'male',
      // A restricted person's free text naming protected persons (finding 7).
      occupation: 'Chofer de M. J. Arismendi',
      notes:
        'Compartió celda con María José Arismendi; dice que Carrasquel, Yusleidy seguía en El Helicoide.',
    },
  },
  {
    key: 'U1',
    givenNames: 'Leopoldo',
    firstSurname: 'González',
    secondSurname: 'Ferrer',
    aliases: [],
    documents: [],
    protection: 'public',
    extra: { sex: 'male', occupation: 'dirigente vecinal' },
  },
];
/** Protected sources: their names are identities too (sort position, titles). */
const SOURCES: (TruthPerson & { contactNote?: string })[] = [
  {
    key: 'S1',
    givenNames: 'Zuleima',
    firstSurname: 'Zambrano',
    aliases: [],
    documents: [],
    protection: 'protected',
  },
  {
    key: 'S2',
    givenNames: 'Elsa',
    firstSurname: 'Aponte',
    aliases: [],
    documents: [],
    contact: '0416-5550003',
    protection: 'protected',
  },
  {
    key: 'S3',
    givenNames: 'Ana',
    firstSurname: 'Moreno',
    aliases: [],
    documents: [],
    protection: 'protected',
  },
];
/** Persons only an organization's list names. */
const LIST_ONLY: TruthPerson[] = [
  {
    key: 'L1',
    givenNames: 'Rosa Elena',
    firstSurname: 'Marcano',
    secondSurname: 'Tovar',
    aliases: [],
    documents: ['11.222.333'],
    birthDate: '1975-06-30',
    protection: 'restricted',
    listOnly: true,
  },
  {
    key: 'L2',
    givenNames: 'Jhonny',
    firstSurname: 'Salazar',
    secondSurname: 'Mijares',
    aliases: [],
    documents: ['20.111.444'],
    birthDate: '1995-01-09',
    protection: 'restricted',
    listOnly: true,
  },
];
/** The sender of a public submission who gave a name (protected like any witness). */
const SENDER: TruthPerson = {
  key: 'sender',
  givenNames: 'Nelly',
  firstSurname: 'Guaramato',
  aliases: [],
  documents: [],
  contact: '0424-5550009',
  protection: 'protected',
};

const LIST_A = [
  'id,given_names,first_surname,second_surname,sex,birth_date,document_id,state',
  'A1,María José,Arismendi,Quintero,F,1985-03-12,14567890,Miranda',
  'A2,Yusleidy,Carrasquel,Urdaneta,F,1990-07-21,18765432,Miranda',
  'A3,Carlos Eduardo,Villasmil,Ochoa,M,1970-02-14,9876543,Miranda',
  'A4,Rosa Elena,Marcano,Tovar,F,1975-06-30,11222333,Miranda',
  'A5,Wuilmer Antonio,Perdomo,Landaeta,M,1979-11-05,82345678,Miranda',
].join('\n');
const LIST_B = [
  'id,given_names,first_surname,second_surname,sex,birth_date,document_id,state',
  'B1,Maria Jose,Arismendi,,F,1985-03-12,V-14.567.890,Miranda',
  'B2,Yusleidi,Carrasquell,Urdaneta,F,,18.765.432,Miranda',
  'B3,Jhonny,Salazar,Mijares,M,1995-01-09,20111444,Miranda',
  'B4,Wilmer,Perdomo,Landaeta,M,1979-11-05,E-82345678,Miranda',
].join('\n');

const T1 = {
  title: 'Lo que vi en el sótano del Helicoide',
  statement:
    'Me llevaron encapuchada al sótano y me dejaron sin agua dos días. Allí escuché a otra detenida gritar durante horas mientras un funcionario apodado el Gato daba órdenes. Yo soy María José Arismendi y lo repetiré ante cualquier tribunal que me escuche.',
};
const T2 = {
  title: 'Declaración del vecino de la calle Bermúdez',
  statement:
    'Vi cuando se llevaron a Yusleidy Carrasquel; la habían golpeado en la cara. El camión blanco tenía placas oficiales y salió rumbo a Caracas antes del amanecer del jueves.',
};
const T3 = {
  title: 'Comunicado de la familia González',
  statement:
    'Exigimos la liberación de Leopoldo González y de todos los presos políticos del estado Miranda.',
};
const T4 = {
  title: 'Carta escondida en la celda cuatro',
  statement:
    'Escribí esta carta desde la celda número cuatro con un lápiz prestado por una custodia compasiva; firmo como Yusi para que mi madre sepa que sigo viva.',
};
const H2_TRANSCRIPT =
  'SESIÓN RESERVADA. La testigo María José Arismendi leyó su testimonio «Lo que vi en el sótano del Helicoide». Yusleidy Carrasquel Urdaneta confirmó que un funcionario apodado el Gato daba órdenes en el sótano, y describió la celda húmeda donde pasó once noches sin luz.';
const SUB1 =
  'Mi prima Yusleidy Carrasquel estuvo presa en el sótano; un guardia la llamaba Chu. La soltaron en marzo sin cargos ni explicación alguna, y desde entonces no duerme tranquila por las noches.';
const SUB2 = 'Vi un operativo grande en Charallave el domingo por la noche, con muchos funcionarios armados.';
const EV1_BYTES =
  '%PDF-1.4\nInforme médico forense de María José Arismendi Quintero, C.I. V-14.567.890, nacida el 12/03/1985. Hematomas en región costal.\n%%EOF\n';
const EV3_BYTES =
  '%PDF-1.4\nFotografía de Yusleidy Carrasquel Urdaneta tras su liberación, tomada por su prima.\n%%EOF\n';

export const INTAKE = { powBits: POW_BITS, perAddress: 100, perCase: 1000 };

export async function buildLeakFixture(store: CaseStore, app: App): Promise<LeakFixture> {
  const caseId = (
    await store.createCase(
      { title: 'Caso de prueba de fugas', publicIntake: { enabled: true, title: 'Cuéntenos' } },
      'user:fixture',
    )
  ).id;
  const accounts = new Accounts(store);
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const users: { name: string; role: Role; cleared: boolean; scope: 'read' | 'write' }[] = [
    { name: 'admin', role: 'administrator', cleared: true, scope: 'write' },
    ...ATTACKERS.map((a) => ({ ...a, role: a.role as Role })),
    // A second uncleared administrator, only for the self-clearance probe.
    { name: 'admin-self', role: 'administrator', cleared: false, scope: 'write' },
  ];
  for (const u of users) {
    const id = (await accounts.createUser({ username: u.name, password: PW }, 'user:fixture')).id;
    userIds[u.name] = id;
    await accounts.setMember(caseId, id, u.role, 'user:fixture');
    if (u.cleared) await accounts.setClearance(caseId, id, true, 'user:fixture');
    tokens[u.name] = (await accounts.createToken(id, u.name, u.scope, 'user:fixture')).token;
  }

  const call = async (method: string, path: string, body?: unknown, who = 'admin') => {
    const isForm = body instanceof FormData;
    const res = await app.request(path, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      },
      body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300)
      throw new Error(`leak fixture: ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown> & { id: string };
  };
  const base = `/api/cases/${caseId}`;
  const rec = async (kind: string, body: object, who = 'admin') =>
    (await call('POST', `${base}/records/${kind}`, body, who)).id;
  const upload = async (path: string, file: File, fields: Record<string, string>) => {
    const form = new FormData();
    form.set('file', file);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return call('POST', `${base}${path}`, form);
  };
  const day = (value: string) => ({ precision: 'day', value });
  const ids: Record<string, string> = {};

  for (const p of PERSONS)
    ids[p.key] = await rec('persons', {
      givenNames: p.givenNames,
      firstSurname: p.firstSurname,
      secondSurname: p.secondSurname,
      aliases: p.aliases,
      documents: p.documents.map((n) => ({
        type: n.startsWith('E-') ? 'cedula_extranjero' : 'cedula_venezolana',
        number: n,
      })),
      birthDate: p.birthDate ? day(p.birthDate) : undefined,
      contact: p.contact,
      protection: p.protection,
      ...p.extra,
    });
  // Created in the order Zambrano, Aponte, Moreno: a list sorted by hidden names would reorder them.
  for (const s of SOURCES)
    ids[s.key] = await rec('sources', {
      name: `${s.givenNames} ${s.firstSurname}`,
      kind: 'person',
      protection: 'protected',
      contact: s.contact,
      notes: `Fuente protegida ${s.firstSurname}.`,
    });
  ids.S4 = await rec('sources', { name: 'Foro de Derechos (ficticio)', kind: 'ngo', protection: 'public' });
  ids.place = await rec('places', { name: 'Miranda', kind: 'state', stateCode: 'VE-M' });
  // A throwaway record for the walker's DELETE.
  ids.junkPlace = await rec('places', { name: 'Lugar de prueba', kind: 'site' });
  ids.E1 = await rec('events', {
    title: 'Allanamiento en Los Teques',
    date: day('2019-05-03'),
    placeId: ids.place,
    description:
      'Funcionarios detuvieron a María José Arismendi Quintero y a Yusleidy Carrasquel en su vivienda. Según vecinos, Arismendi fue golpeada; a la Yusi la trasladaron aparte. Testigos citan a M. J. Arismendi y a «Chu».',
  });
  ids.E2 = await rec('events', {
    title: 'Detención en Guarenas',
    date: day('2019-06-10'),
    placeId: ids.place,
    description: 'Wuilmer Perdomo (cédula E-82.345.678) fue visto por última vez en Guarenas.',
  });
  ids.A1 = await rec('acts', {
    eventId: ids.E1,
    victimId: ids.P1,
    type: 'arbitrary_detention',
    date: day('2019-05-03'),
    placeId: ids.place,
  });
  ids.A2 = await rec('acts', {
    eventId: ids.E1,
    victimId: ids.P2,
    type: 'torture',
    methods: ['electric_shock'],
    date: day('2019-05-03'),
    placeId: ids.place,
    outcome: 'Liberada; Carrasquel Urdaneta presenta secuelas.',
  });
  ids.A3 = await rec('acts', {
    eventId: ids.E2,
    victimId: ids.U1,
    type: 'arbitrary_detention',
    date: day('2019-06-10'),
    placeId: ids.place,
  });
  ids.H1 = await rec('hearings', {
    title: 'Audiencia pública en Caracas',
    date: day('2020-02-01'),
    participants: [{ personId: ids.U1, role: 'witness' }],
    transcript: 'El panel escuchó a Leopoldo González sobre la detención de sus vecinos.',
  });
  ids.H2 = await rec('hearings', {
    title: 'Audiencia 2 (sesión reservada)',
    date: day('2020-02-02'),
    participants: [
      { personId: ids.P1, role: 'victim' },
      { personId: ids.P2, role: 'witness' },
    ],
    transcript: H2_TRANSCRIPT,
    notes: 'Sesión reservada: sólo miembros habilitados.',
  });
  ids.T1 = await rec('testimonies', {
    ...T1,
    language: 'es',
    consent: 'courts',
    protection: 'protected',
    witnessId: ids.P1,
    sourceId: ids.S1,
    hearingId: ids.H2,
  });
  ids.T2 = await rec('testimonies', {
    ...T2,
    language: 'es',
    consent: 'courts',
    protection: 'restricted',
    witnessId: ids.R1,
  });
  ids.T3 = await rec('testimonies', {
    ...T3,
    language: 'es',
    consent: 'public',
    protection: 'public',
    witnessId: ids.U1,
  });
  ids.T4 = await rec('testimonies', {
    ...T4,
    language: 'es',
    consent: 'courts',
    protection: 'protected',
    witnessId: ids.P2,
  });
  const meta = (o: object) => JSON.stringify({ consent: 'courts', ...o });
  ids.Ev1 = (
    await upload(
      '/evidence',
      new File([EV1_BYTES], 'informe-forense-arismendi.pdf', { type: 'application/pdf' }),
      {
        meta: meta({
          title: 'Informe forense de Arismendi',
          kind: 'medical_report',
          protection: 'protected',
        }),
      },
    )
  ).id;
  ids.Ev3 = (
    await upload('/evidence', new File([EV3_BYTES], 'liberacion.pdf', { type: 'application/pdf' }), {
      meta: meta({ title: 'Foto de la liberación de Carrasquel', kind: 'photo', protection: 'protected' }),
    })
  ).id;
  // The organization's list, as received: the original file kept as evidence (as the demo does),
  // and its rows taken by the lists route.
  ids.Ev2 = (
    await upload('/evidence', new File([LIST_A], 'lista-foro.csv', { type: 'text/csv' }), {
      meta: meta({ title: 'Archivo original: Lista del Foro', kind: 'dataset', protection: 'restricted' }),
    })
  ).id;
  ids.listA = String(
    (
      await upload('/source-lists', new File([LIST_A], 'lista-foro.csv', { type: 'text/csv' }), {
        name: 'Lista del Foro',
        idColumn: 'id',
      })
    ).listId,
  );
  ids.listB = String(
    (
      await upload('/source-lists', new File([LIST_B], 'lista-red.csv', { type: 'text/csv' }), {
        name: 'Lista de la Red',
        idColumn: 'id',
      })
    ).listId,
  );
  ids.proceeding = await rec('proceedings', {
    country: 'VE',
    authority: 'Fiscalía 21 del Área Metropolitana',
    status: 'investigation',
    personIds: [ids.P2],
    notes: 'La fiscalía citó a Carrasquel, Yusleidy y a la señora Arismendi; expediente abierto.',
  });
  await call('PUT', `${base}/panel`, {
    name: 'Panel de expertos',
    members: [
      { username: 'panelist', name: 'Dra. Experta Independiente' },
      { username: 'admin', name: 'Coordinación' },
    ],
  });
  ids.comment = (
    await call('POST', `${base}/panel/comments`, {
      target: 'section:victims',
      text: 'El relato de Yusi (Carrasquel) coincide con el de la señora Arismendi Quintero.',
    })
  ).id;
  // The report's authored text: the public edition cites the protected testimony and names a
  // protected person in passing; the confidential edition names her (cleared readers only).
  await call('PUT', `${base}/narratives`, {
    section: 'background',
    edition: 'public',
    lang: 'es',
    text: `La señora Arismendi Quintero declaró [@${ids.T1}] que Yusleidy Carrasquel fue detenida.`,
  });
  await call('PUT', `${base}/narratives`, {
    section: 'attack',
    edition: 'confidential',
    lang: 'es',
    text: `Relato reservado: Yusleidy Carrasquel y la señora Arismendi Quintero [@${ids.T1}].`,
  });
  // A saved page captured by the administrator (restricted): quotes protected names.
  const cap = await upload(
    '/captures',
    new File(
      [
        'Según un vecino, la señora Arismendi y su amiga Yusleidi Carrasquell fueron vistas en el Helicoide.\n\nEl dirigente Leopoldo González pidió su liberación en una rueda de prensa en Caracas.\n',
      ],
      'nota-vecinos.txt',
      { type: 'text/plain' },
    ),
    { meta: JSON.stringify({ protection: 'restricted', collector: 'Equipo' }) },
  );
  ids.captureEvidence = String(cap.evidenceId ?? '');
  // Public submissions: one with a named sender, accepted (becomes a protected testimony); one quarantined.
  const submit = async (body: object) => {
    const ch = (await call('POST', '/api/public/challenge', { caseId }, '')) as unknown as {
      challenge: string;
    };
    return call(
      'POST',
      `/api/public/cases/${caseId}/submissions`,
      {
        challenge: ch.challenge,
        nonce: solvePow(ch.challenge, POW_BITS),
        website: '',
        kind: 'testimony',
        language: 'es',
        consent: 'courts',
        ...body,
      },
      '',
    );
  };
  ids.sub1 = (
    await submit({
      text: SUB1,
      anonymous: false,
      name: `${SENDER.givenNames} ${SENDER.firstSurname}`,
      contact: SENDER.contact,
      when: 'marzo de 2019',
      where: 'frente a la casa de la familia Carrasquel en Guarenas',
    })
  ).id;
  ids.sub2 = (await submit({ text: SUB2, anonymous: true })).id;
  ids.subTestimony = String(
    (await call('POST', `${base}/submissions/${ids.sub1}/decision`, { decision: 'accept' })).testimonyId,
  );
  // The protected person is deleted (an administrator's decision); the texts about them remain.
  await call('DELETE', `${base}/records/persons/${ids.P3}?reason=duplicado`);
  // Linkage by the analyst, over both lists and the case's persons.
  await call('POST', `${base}/linkage/runs`, {}, 'analyst');

  const byKind: Record<string, string[]> = {};
  for (const kind of [
    'persons',
    'sources',
    'places',
    'events',
    'acts',
    'hearings',
    'testimonies',
    'evidence',
    'source-lists',
    'information-items',
    'suggestions',
    'proceedings',
    'panels',
    'review-comments',
    'narratives',
  ]) {
    const page = (await call('GET', `${base}/records/${kind}?limit=500`)) as unknown as {
      items: { id: string }[];
    };
    byKind[kind] = page.items.map((i) => i.id);
  }
  const texts: TruthText[] = [
    { key: 'T1', kind: 'title', text: T1.title, protection: 'protected' },
    { key: 'T1', kind: 'text', text: T1.statement, protection: 'protected' },
    { key: 'T2', kind: 'title', text: T2.title, protection: 'restricted' },
    { key: 'T2', kind: 'text', text: T2.statement, protection: 'restricted' },
    { key: 'T4', kind: 'title', text: T4.title, protection: 'protected' },
    { key: 'T4', kind: 'text', text: T4.statement, protection: 'protected' },
    { key: 'H2', kind: 'text', text: H2_TRANSCRIPT, protection: 'protected' },
    { key: 'Ev1', kind: 'title', text: 'Informe forense de Arismendi', protection: 'protected' },
    { key: 'Ev3', kind: 'title', text: 'Foto de la liberación de Carrasquel', protection: 'protected' },
    { key: 'sub1', kind: 'text', text: SUB1, protection: 'protected' },
  ];
  return {
    caseId,
    tokens,
    userIds,
    ids,
    persons: [...PERSONS, ...SOURCES, ...LIST_ONLY, SENDER],
    texts,
    publicText: [
      T3.title,
      T3.statement,
      SUB2,
      'Allanamiento en Los Teques Detención en Guarenas Audiencia pública en Caracas Miranda Helicoide',
      'Audiencia 2 sesión reservada Lista del Foro Lista de la Red Panel de expertos',
    ].join('\n'),
    byKind,
  };
}
