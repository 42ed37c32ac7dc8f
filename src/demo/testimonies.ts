/**
 * Twelve testimonies (nine in Spanish, three in English) chosen to cover every protection level,
 * consent scope and credibility grade the model knows, and two hearings of a fictional panel that
 * heard some of them. Each testimony is told from the facts already in the case file (dates,
 * places, methods, release), so what it supports is consistent with the acts it links.
 */
import { addDays, day, longDate, monthName } from './calendar.js';
import type { DemoContext } from './context.js';
import type { DemoEvent, Story } from './events.js';
import type { Sources } from './sources.js';
import {
  cityOf,
  hearingTranscript,
  insiderStatement,
  type Lang,
  raidWitnessStatement,
  relativeStatement,
  toSite,
  victimStatement,
} from './texts.js';
import type { Units } from './units.js';

type Protection = 'public' | 'restricted' | 'protected';
type Consent = 'internal' | 'courts' | 'public';

export interface TestimonyInfo {
  id: string;
  title: string;
  story?: Story;
  date: string;
}

export interface TestimonyResult {
  testimonies: TestimonyInfo[];
  /** The victim story behind the first testimony (documents and photos refer to it). */
  detentionStory: Story;
  /** The tortured victim heard at the first hearing (the medical report is about them). */
  medicalStory: Story;
  expertId: string;
  expertName: string;
  hearing1: { id: string; title: string; transcript: string; date: string };
}

interface Plan {
  lang: Lang;
  source: keyof Sources;
  protection: Protection;
  consent: Consent;
  credibility: string;
  materialType: string;
  hearing?: 1 | 2;
  /** Told by the victim's mother rather than the victim. */
  relative?: true;
  /** Which victim story to tell; the first predicate that matches an unused victim wins. */
  want: ((s: Story) => boolean)[];
  label: Record<Lang, string>;
}

const released = (s: Story) =>
  s.role === 'detained' && !s.died && Boolean(s.release) && s.release!.date <= '2019-09-30';

const PLANS: Plan[] = [
  {
    lang: 'es',
    source: 'foro',
    protection: 'protected',
    consent: 'courts',
    credibility: '2',
    materialType: 'interview',
    want: [
      (s) =>
        released(s) &&
        s.event.wave === 'protestas-2014' &&
        s.tortureMethods.length >= 2 &&
        s.event.kind === 'protest',
      (s) => released(s) && s.tortureMethods.length > 0,
    ],
    label: { es: '{role} detenid{o}', en: 'detained {role}' },
  },
  {
    lang: 'es',
    source: 'red',
    protection: 'restricted',
    consent: 'courts',
    credibility: '3',
    materialType: 'testimony',
    want: [
      (s) => released(s) && s.event.kind === 'raid' && s.event.wave === 'protestas-2014',
      (s) => released(s) && s.event.kind === 'raid',
    ],
    label: { es: 'vecin{o} detenid{o} en un allanamiento', en: 'resident detained in a raid' },
  },
  {
    lang: 'es',
    source: 'observatorio',
    protection: 'public',
    consent: 'public',
    credibility: '2',
    materialType: 'testimony',
    want: [
      (s) => released(s) && s.victim.protection === 'public' && s.event.wave === 'protestas-2014',
      (s) => released(s) && s.victim.protection === 'public',
    ],
    label: { es: '{role} detenid{o}', en: 'detained {role}' },
  },
  {
    lang: 'en',
    source: 'foro',
    protection: 'restricted',
    consent: 'courts',
    credibility: '2',
    materialType: 'interview',
    want: [(s) => released(s) && Boolean(s.exile), (s) => released(s) && s.event.wave === 'protestas-2014'],
    label: { es: 'persona detenida, hoy en el exilio', en: 'former detainee now in exile' },
  },
  {
    lang: 'es',
    source: 'foro',
    protection: 'protected',
    consent: 'courts',
    credibility: '2',
    materialType: 'testimony',
    hearing: 1,
    want: [
      (s) => released(s) && s.victim.profile === 'military' && s.tortureMethods.length >= 2,
      (s) => released(s) && s.event.kind === 'military',
      (s) => released(s) && s.tortureMethods.length > 0,
    ],
    label: { es: '{role} detenid{o} por contrainteligencia', en: '{role} detained by counter-intelligence' },
  },
  {
    lang: 'es',
    source: 'observatorio',
    protection: 'public',
    consent: 'public',
    credibility: '1',
    materialType: 'interview',
    want: [
      (s) => released(s) && s.victim.profile === 'journalist' && s.victim.protection === 'public',
      (s) => released(s) && s.victim.protection === 'public',
    ],
    label: { es: '{role} detenid{o}', en: 'detained {role}' },
  },
  // 7: the mother of a victim who died in custody (or was disappeared): handled separately.
  {
    lang: 'es',
    source: 'observatorio',
    protection: 'restricted',
    consent: 'internal',
    credibility: '3',
    materialType: 'testimony',
    relative: true,
    want: [(s) => Boolean(s.died), (s) => Boolean(s.disappearedDays)],
    label: { es: 'madre de una víctima', en: "victim's mother" },
  },
  {
    lang: 'es',
    source: 'foro',
    protection: 'protected',
    consent: 'internal',
    credibility: '2',
    materialType: 'interview',
    want: [
      (s) => released(s) && Boolean(s.sexualType) && s.event.wave === 'protestas-2017',
      (s) => released(s) && Boolean(s.sexualType),
    ],
    label: {
      es: 'sobreviviente de violencia sexual en detención',
      en: 'survivor of sexual violence in detention',
    },
  },
  {
    lang: 'es',
    source: 'red',
    protection: 'restricted',
    consent: 'courts',
    credibility: '3',
    materialType: 'testimony',
    hearing: 1,
    want: [
      (s) => released(s) && s.court === 'military' && s.victim.profile !== 'military',
      (s) => released(s) && s.event.wave === 'protestas-2017',
    ],
    label: { es: 'civil procesad{o} por la justicia militar', en: 'civilian tried by a military court' },
  },
  {
    lang: 'en',
    source: 'foro',
    protection: 'protected',
    consent: 'courts',
    credibility: '2',
    materialType: 'interview',
    hearing: 2,
    want: [
      (s) => released(s) && s.event.wave === 'represion-2018' && s.event.kind === 'targeted',
      (s) => released(s) && s.event.wave === 'represion-2018',
      (s) => released(s) && s.event.date >= '2017-01-01',
    ],
    label: { es: '{role} detenid{o} en 2018', en: '{role} detained in 2018' },
  },
  // 11 (insider) and 12 (anonymous online witness) are built separately below.
];

export function buildTestimonies(
  ctx: DemoContext,
  units: Units,
  events: DemoEvent[],
  sources: Sources,
  transcriptEvidenceId: string,
): TestimonyResult {
  const { rng } = ctx;
  const used = new Set<string>();
  const stories = events.flatMap((e) => e.stories);
  const choose = (want: Plan['want']): Story => {
    for (const pred of want) {
      const hits = stories.filter((s) => !used.has(s.victim.id) && pred(s));
      if (hits.length) {
        const s = rng.pick(hits);
        used.add(s.victim.id);
        return s;
      }
    }
    const any = stories.filter((s) => !used.has(s.victim.id) && released(s));
    const s = rng.pick(any);
    used.add(s.victim.id);
    return s;
  };

  // Persons who are not victims: the victim's mother and the forensic expert.
  const expertName = 'Dra. Elena Ficticia Arismendi';
  const expertId = ctx.add('persons', ctx.id('per'), {
    givenNames: 'Elena',
    firstSurname: 'Ficticia',
    secondSurname: 'Arismendi',
    sex: 'female',
    nationalities: ['VE'],
    occupation: 'médica forense (perita independiente)',
    protection: 'public',
    notes: 'Persona ficticia del caso demostrativo.',
  });

  const hearingIds = [ctx.id('hea'), ctx.id('hea')] as const;
  const testimonies: TestimonyInfo[] = [];
  const chosen: { plan: Plan; story: Story; id: string; title: string }[] = [];

  const add = (body: Record<string, unknown>, story?: Story) => {
    const id = ctx.id('tes');
    ctx.add('testimonies', id, body);
    testimonies.push({
      id,
      title: body.title as string,
      story,
      date: (body.date as { value: string }).value,
    });
    return id;
  };
  const dateAfter = (s: Story, min: number, max: number) => {
    const base = s.exile ?? s.release?.date ?? s.died ?? s.event.date;
    const d = addDays(base, rng.int(min, max));
    return d > '2019-12-15' ? '2019-12-15' : d;
  };
  const gendered = (text: string, s: Story) => text.replace(/\{o\}/g, s.victim.sex === 'female' ? 'a' : 'o');

  for (const plan of PLANS) {
    const story = choose(plan.want);
    const ev = story.event;
    const unit = units.get(ev.unit);
    const on = dateAfter(story, 20, 120);
    const named = story.perpetratorIds.map((id) => units.official(id));
    const alias = named.find((o) => o.alias)?.alias;
    const label = gendered(plan.label[plan.lang].replace('{role}', roleNoun(story, plan.lang)), story);
    const title =
      plan.lang === 'es'
        ? `Testimonio de ${label} — ${cityOf(ev.muni)}, ${monthName(ev.date, 'es')}`
        : `Statement of ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} — ${cityOf(ev.muni)}, ${monthName(ev.date, 'en')}`;
    let witnessId = story.victim.id;
    let statement: string;
    if (plan.relative) {
      const mother = ctx.add('persons', ctx.id('per'), {
        givenNames: rng.pick(['Carmen', 'Rosa', 'Luisa', 'Yajaira', 'Josefina']),
        firstSurname: story.victim.s2,
        secondSurname: rng.pick(['Rivas', 'Colmenares', 'Peña', 'Zerpa']),
        sex: 'female',
        nationalities: ['VE'],
        occupation: 'ama de casa',
        protection: 'restricted',
        notes: `Madre de una víctima del caso (${story.victim.id}). Persona ficticia.`,
      });
      witnessId = mother;
      statement = relativeStatement(story, unit, plan.consent);
    } else {
      statement = victimStatement(story, { lang: plan.lang, unit, alias, consent: plan.consent, on });
    }
    const id = add(
      {
        title,
        sourceId: sources[plan.source],
        witnessId,
        statement,
        language: plan.lang,
        date: day(on),
        interviewer: interviewerFor(plan.source, rng.int(1, 3)),
        materialType: plan.materialType,
        consent: plan.consent,
        credibility: plan.credibility,
        protection: plan.protection,
        supports: {
          eventIds: [ev.id],
          actIds: [...story.actIds, ...otherDetentions(ev, story, 2)],
          personIds: [story.victim.id, ...named.filter((o) => o.alias).map((o) => o.id)].filter(
            (x, i, a) => a.indexOf(x) === i,
          ),
        },
        hearingId: plan.hearing ? hearingIds[plan.hearing - 1] : undefined,
        notes:
          plan.lang === 'en'
            ? 'Entrevista realizada en inglés por una documentadora internacional (ficticia).'
            : plan.protection === 'protected'
              ? 'Se usan iniciales en las comunicaciones; no divulgar datos de contacto.'
              : undefined,
      },
      story,
    );
    chosen.push({ plan, story, id, title });
  }

  // The insider's account of orders and the chain of command.
  const reorg = '2017-04-15';
  const official = (id: string | undefined) => (id ? units.official(id) : undefined);
  const director = official(units.commanderAt('dgcf', '2016-06-01'));
  const chief7 = official(units.commanderAt('dcrf7', reorg));
  const alias7 = units.aliasAt('dcrf7', reorg);
  const sfinDirector = official(units.commanderAt('sfin', '2017-08-01'));
  const escudo = events.filter((e) => e.wave === 'protestas-2017' && e.kind !== 'journalists').slice(0, 4);
  add({
    title: 'Declaración de la fuente interna «Halcón» sobre órdenes y cadena de mando',
    sourceId: sources.insider,
    statement: insiderStatement({
      director: director ? `${director.rank} ${director.name}` : 'el director general',
      chief7: chief7 ? `${chief7.rank} ${chief7.name}` : 'el coronel jefe',
      alias7: alias7?.alias,
    }),
    language: 'es',
    date: day('2018-11-02'),
    interviewer: 'Abogada coordinadora del Foro Ficticio',
    materialType: 'interview',
    consent: 'courts',
    credibility: '3',
    protection: 'protected',
    supports: {
      eventIds: escudo.map((e) => e.id),
      actIds: [],
      personIds: [director?.id, chief7?.id, alias7?.id, sfinDirector?.id].filter((x): x is string =>
        Boolean(x),
      ),
    },
    notes: 'La fuente entregó además una copia de la Orden de Operaciones N.º 17 (ver evidencias).',
  });

  // An anonymous neighbour's account of a killing in a 2019 police raid, received online.
  const execution = stories.find((s) => s.role === 'killed' && s.event.kind === 'raid_execution');
  const killing = execution ?? stories.find((s) => s.role === 'killed')!;
  add(
    {
      title: `Anonymous account of a killing during a police raid — ${cityOf(killing.event.muni)}, ${monthName(killing.event.date, 'en')}`,
      sourceId: sources.online,
      statement: raidWitnessStatement(killing, units.get(killing.event.unit)),
      language: 'en',
      date: day(addDays(killing.event.date, 3)),
      materialType: 'social_media_post',
      consent: 'internal',
      credibility: '6',
      protection: 'restricted',
      supports: { eventIds: [killing.event.id], actIds: killing.actIds, personIds: [killing.victim.id] },
      notes:
        'Relato recibido por mensajería desde una cuenta anónima; sin verificar. Se busca corroboración.',
    },
    killing,
  );

  // Two hearings of the fictional panel.
  const atHearing = (h: 1 | 2) => chosen.filter((c) => c.plan.hearing === h);
  const panel = [
    'Dra. Inés Ficticia Montero (presidenta del panel)',
    'Dr. Tomás Ficticio Arreaza',
    'Dra. Helena Ficticia Borges',
  ];
  const medical = atHearing(1)[0]!;
  const h1Title = 'Primera audiencia pública del panel independiente de expertos (ficticia)';
  const h1Date = '2018-11-20';
  const witnessTurns = (list: typeof chosen, start: number) =>
    list.map((c, i) => {
      const who = `TESTIGO ${String.fromCharCode(65 + start + i)}`;
      const s = c.story;
      const lines = [
        `Me detuvieron el ${longDate(s.event.date, 'es')} en ${cityOf(s.event.muni)}. Me llevaron ${s.holdingSite ? toSite(s.holdingSite.name) : 'a un comando de la zona'}.`,
        s.tortureMethods.length
          ? 'Me golpearon y me torturaron durante los interrogatorios; lo describí en mi testimonio escrito.'
          : 'No me dejaron ver a un abogado ni avisar a mi familia.',
        s.court === 'military'
          ? 'Me juzgó un tribunal militar.'
          : 'Me presentaron ante un tribunal de control de madrugada.',
      ];
      return { speaker: who, testimonyRef: `el testimonio ${c.id} («${c.title}»)`, lines };
    });
  const h1Transcript = hearingTranscript({
    title: h1Title,
    date: h1Date,
    panel,
    turns: [
      {
        speaker: 'PRESIDENTA',
        lines: [
          'Se abre la sesión. Los testigos protegidos declaran con la voz distorsionada y se les identifica con una letra.',
        ],
      },
      ...witnessTurns(atHearing(1), 0),
      {
        speaker: 'PERITA',
        lines: [
          `Soy la ${expertName}, médica forense. Examiné al testigo A después de su liberación.`,
          'Las cicatrices que observé son compatibles con lo que relata, según los criterios del Protocolo de Estambul.',
        ],
      },
      { speaker: 'PRESIDENTA', lines: ['Se levanta la sesión.'] },
    ],
  });
  ctx.add('hearings', hearingIds[0], {
    title: h1Title,
    date: day(h1Date),
    placeId: ctx.add('places', ctx.id('pla'), {
      name: 'Washington, D. C. (Estados Unidos)',
      kind: 'city',
      coordinates: { lat: 38.8951, lon: -77.0364 },
      notes: 'Sede de la audiencia, fuera de Venezuela por la seguridad de los testigos.',
    }),
    panel,
    participants: [
      ...atHearing(1).map((c, i) => ({ personId: c.story.victim.id, role: i === 0 ? 'victim' : 'witness' })),
      { personId: expertId, role: 'expert' },
    ],
    transcript: h1Transcript,
    transcriptEvidenceId,
    notes: 'Audiencia ficticia del caso demostrativo.',
  });
  const h2Title = 'Segunda audiencia del panel independiente de expertos (ficticia, sesión reservada)';
  const h2Date = '2019-10-08';
  ctx.add('hearings', hearingIds[1], {
    title: h2Title,
    date: day(h2Date),
    placeId: ctx.add('places', ctx.id('pla'), {
      name: 'Bogotá (Colombia)',
      kind: 'city',
      coordinates: { lat: 4.711, lon: -74.0721 },
    }),
    panel,
    participants: [
      ...atHearing(2).map((c) => ({ personId: c.story.victim.id, role: 'victim' })),
      { personId: expertId, role: 'expert' },
    ],
    transcript: hearingTranscript({
      title: h2Title,
      date: h2Date,
      panel,
      turns: [
        { speaker: 'PRESIDENTA', lines: ['Sesión reservada: no se transmite ni se publica.'] },
        ...witnessTurns(atHearing(2), 0),
        { speaker: 'PRESIDENTA', lines: ['Se levanta la sesión.'] },
      ],
    }),
    notes: 'Sesión reservada (ficticia); la transcripción solo está disponible para miembros habilitados.',
  });

  return {
    testimonies,
    detentionStory: chosen[0]!.story,
    medicalStory: medical.story,
    expertId,
    expertName,
    hearing1: { id: hearingIds[0], title: h1Title, transcript: h1Transcript, date: h1Date },
  };
}

/** What the victim was, as a title would say it ("estudiante", "periodista", "vecina"). */
function roleNoun(s: Story, lang: Lang): string {
  const o = s.victim.occupation;
  const es = lang === 'es';
  if (o.startsWith('militar')) return es ? 'militar' : 'army officer';
  if (o.includes('estudiante') || o === 'dirigente estudiantil') return es ? 'estudiante' : 'student';
  if (s.victim.profile === 'journalist') return es ? 'periodista' : 'journalist';
  if (s.victim.profile === 'activist') return es ? 'dirigente' : 'activist';
  if (s.event.kind === 'raid' || s.event.kind === 'raid_execution') return es ? 'vecin{o}' : 'resident';
  return es ? 'manifestante' : 'protester';
}

function interviewerFor(source: keyof Sources, n: number): string {
  const org =
    source === 'foro'
      ? 'Foro Ficticio'
      : source === 'observatorio'
        ? 'Observatorio Ficticio'
        : 'Red Ficticia';
  return `Documentador/a ${n} del ${org}`;
}

/** Other detainees of the same event the witness saw (their detentions are corroborated too). */
function otherDetentions(ev: DemoEvent, story: Story, k: number): string[] {
  return ev.stories
    .filter((s) => s !== story && s.detentionActId)
    .slice(0, k)
    .map((s) => s.detentionActId!);
}
