/**
 * Word lists the fact extractor reads text with (Spanish and English): given names and surnames
 * (from compromise's lexicon plus Spanish ones, see names.ts), titles and role
 * cues, organizations of the Venezuelan security apparatus and of the human-rights field, months,
 * weekdays and number words. Everything is folded (lower case, no accents) before lookup.
 */

import { MONTH_NAMES } from '../../domain/dates.js';
import { foldCase } from '../../domain/fold.js';
import { GIVEN_NAME_STOCK, SURNAME_STOCK } from './names.js';

export const fold = foldCase;

/** A set of folded words from a list written with spaces ("camp prison jail"): how word lists are kept here. */
export const wordSet = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(fold));
const set = wordSet;

/** Given names (folded). Words that are also everyday words are left out ("Luz", "Paz", "Dolores"). */
export const GIVEN_NAMES: ReadonlySet<string> = (() => {
  const s = new Set(GIVEN_NAME_STOCK);
  for (const w of [
    'luz',
    'paz',
    'dolores',
    'victoria',
    'libertad',
    'concepcion',
    'angeles',
    'mercedes',
    'rosario',
    // everyday Spanish or English words the English lexicon lists as names
    'sin',
    'hay',
    'sol',
    'will',
    'hope',
    'grace',
    'joy',
    'faith',
    'guadalupe',
    'ayer',
  ])
    s.delete(w);
  return s;
})();

export const SURNAME_SET: ReadonlySet<string> = new Set(SURNAME_STOCK);

/** Name particles that may sit inside a name ("María de los Ángeles", "Pérez de la Cruz"). */
export const PARTICLES = set('de del la las los y da van von di');
/** The Spanish definite articles. */
export const SPANISH_ARTICLES = set('el la los las');

/** A person's name folded, word by word, without its particles ("de", "del", "la"). */
export const nameWords = (value: string): string[] =>
  fold(value)
    .split(/\s+/)
    .filter((w) => w && !PARTICLES.has(w));

/** Capitalized words that open sentences or phrases and are never part of a name. */
export const STOP_CAPS = set(`
  el la los las lo un una unos unas en de del por para con sin sobre según segun tras durante desde hasta entre
  al a y o pero que quien cuando donde como este esta estos estas ese esa su sus mi tu nuestro
  ayer hoy anoche anteayer mañana luego ademas además también tambien sin embargo otro otra otros
  the a an in on at of for from by with after before during since until according yesterday today
  last this that these those his her their its our we they he she it but and or also however
  mr mrs ms sr sra srta don doña
  mientras cuando aunque luego entonces ahora incluso solo sólo ademas asimismo segun dicen dice hay gracias
  while when although meanwhile then now even only both however yet so if as
`);

/** Titles before a name, with the role they give (official unless said otherwise). */
export const TITLES: ReadonlyMap<string, 'official' | 'lawyer' | undefined> = new Map(
  Object.entries({
    general: 'official',
    gral: 'official',
    coronel: 'official',
    cnel: 'official',
    capitan: 'official',
    teniente: 'official',
    tte: 'official',
    sargento: 'official',
    comisario: 'official',
    inspector: 'official',
    mayor: 'official',
    fiscal: 'official',
    juez: 'official',
    jueza: 'official',
    ministro: 'official',
    ministra: 'official',
    director: 'official',
    directora: 'official',
    gobernador: 'official',
    gobernadora: 'official',
    alcalde: 'official',
    alcaldesa: 'official',
    presidente: 'official',
    presidenta: 'official',
    president: 'official',
    vicepresidente: 'official',
    vicepresidenta: 'official',
    secretary: 'official',
    secretario: 'official',
    secretaria: 'official',
    senator: 'official',
    senador: 'official',
    senadora: 'official',
    ambassador: 'official',
    embajador: 'official',
    embajadora: 'official',
    canciller: 'official',
    chancellor: 'official',
    commissioner: 'official',
    comisionado: 'official',
    comisionada: 'official',
    rapporteur: undefined,
    relator: undefined,
    relatora: undefined,
    spokesman: undefined,
    spokeswoman: undefined,
    spokesperson: undefined,
    portavoz: undefined,
    vocero: undefined,
    vocera: undefined,
    predecessor: undefined,
    successor: undefined,
    predecesor: undefined,
    predecesora: undefined,
    sucesor: undefined,
    sucesora: undefined,
    colonel: 'official',
    captain: 'official',
    lieutenant: 'official',
    sergeant: 'official',
    judge: 'official',
    prosecutor: 'official',
    minister: 'official',
    governor: 'official',
    commander: 'official',
    comandante: 'official',
    generales: 'official',
    coroneles: 'official',
    capitanes: 'official',
    tenientes: 'official',
    sargentos: 'official',
    comisarios: 'official',
    fiscales: 'official',
    jueces: 'official',
    officers: 'official',
    abogados: 'lawyer',
    abogadas: 'lawyer',
    defensores: 'lawyer',
    lawyers: 'lawyer',
    abogado: 'lawyer',
    abogada: 'lawyer',
    defensor: 'lawyer',
    defensora: 'lawyer',
    lawyer: 'lawyer',
    attorney: 'lawyer',
    profesor: undefined,
    profesora: undefined,
    docente: undefined,
    estudiante: undefined,
    enfermera: undefined,
    enfermero: undefined,
    medico: undefined,
    medica: undefined,
    teacher: undefined,
    student: undefined,
    reporter: undefined,
    nurse: undefined,
    organizer: undefined,
    leader: undefined,
    dr: undefined,
    dra: undefined,
    doctor: undefined,
    doctora: undefined,
    diputado: undefined,
    diputada: undefined,
    periodista: undefined,
    activista: undefined,
    sindicalista: undefined,
    dirigente: undefined,
    lider: undefined,
    activist: undefined,
    journalist: undefined,
    // Occupations a name follows or stands in apposition to ("the artist X", "its coordinator, X").
    artist: undefined,
    artista: undefined,
    banker: undefined,
    banquero: undefined,
    politician: undefined,
    politico: undefined,
    politica: undefined,
    writer: undefined,
    escritor: undefined,
    escritora: undefined,
    poet: undefined,
    poeta: undefined,
    singer: undefined,
    cantante: undefined,
    coordinator: undefined,
    coordinador: undefined,
    coordinadora: undefined,
    ombudsman: undefined,
    ombudsperson: undefined,
    magistrate: 'official',
    magistrates: 'official',
    magistrado: 'official',
    magistrada: 'official',
    magistrados: 'official',
    researcher: undefined,
    investigador: undefined,
    investigadora: undefined,
    economist: undefined,
    economista: undefined,
    founder: undefined,
    fundador: undefined,
    fundadora: undefined,
    chairman: undefined,
    chairwoman: undefined,
    chairperson: undefined,
    envoy: undefined,
    enviado: undefined,
    enviada: undefined,
    photographer: undefined,
    fotografo: undefined,
    fotografa: undefined,
    mr: undefined,
    mrs: undefined,
    ms: undefined,
    sr: undefined,
    sra: undefined,
    senor: undefined,
    senora: undefined,
  }),
);

export type Role = 'victim' | 'official' | 'witness' | 'lawyer' | 'relative';

/** Words near a name that say what the person is in the story. */
const ROLE_CUES: readonly [RegExp, Role][] = [
  [/^(abogad[oa]s?|defensor[a]?|defensa|lawyers?|attorneys?|counsel)$/, 'lawyer'],
  [
    /^(general|coronel|capitan|teniente|sargento|comisario|inspector|fiscal|juez[a]?|ministr[oa]|director[a]?|jefe|funcionari[oa]s?|gobernador[a]?|alcalde(sa)?|comandante|colonel|captain|lieutenant|sergeant|judge|prosecutor|minister|director|commander|officer|official|governor|chief)$/,
    'official',
  ],
  [/^(testigos?|vecin[oa]s?|presencio|presenciaron|witness(es)?|neighbou?rs?|saw|witnessed)$/, 'witness'],
  [
    /^(madre|padre|espos[oa]|herman[oa]|hij[oa]|mama|papa|mom|mum|dad|tia|tio|prima|primo|sobrin[oa]|abuel[oa]|niet[oa]|cunad[oa]|suegr[oa]|familiares?|mother|father|wife|husband|sister|brother|son|daughter|aunt|uncle|cousin|nephew|niece|grandmother|grandfather|grandson|granddaughter|relatives?)$/,
    'relative',
  ],
  [
    /^(detenid[oa]s?|arrestad[oa]s?|apresad[oa]s?|aprehendid[oa]s?|capturad[oa]s?|encarcelad[oa]s?|torturad[oa]s?|desaparecid[oa]s?|victimas?|pres[oa]s?|secuestrad[oa]s?|detained|arrested|jailed|imprisoned|tortured|disappeared|victims?|prisoners?|abducted|held)$/,
    'victim',
  ],
];

export function roleOfWord(word: string): Role | undefined {
  const w = fold(word);
  for (const [re, role] of ROLE_CUES) if (re.test(w)) return role;
  return undefined;
}

/** Known organizations (folded name or acronym → canonical name, unit kind). */
export interface OrgEntry {
  name: string;
  unitKind: string;
  /**
   * Also the last words of longer names of other bodies ("Instituto de Medicina Legal", "Presidency of
   * State Security"): never cut off such a name as its owner (orgs.ts splitNames).
   */
  inner?: true;
}
const ORGS: [string[], OrgEntry][] = [
  [
    ['SEBIN', 'Servicio Bolivariano de Inteligencia Nacional', 'Sebin'],
    { name: 'Servicio Bolivariano de Inteligencia Nacional (SEBIN)', unitKind: 'intelligence_service' },
  ],
  [
    ['DGCIM', 'Dirección General de Contrainteligencia Militar', 'Dgcim'],
    { name: 'Dirección General de Contrainteligencia Militar (DGCIM)', unitKind: 'military_intelligence' },
  ],
  [
    ['GNB', 'Guardia Nacional Bolivariana', 'Guardia Nacional'],
    { name: 'Guardia Nacional Bolivariana (GNB)', unitKind: 'national_guard' },
  ],
  [
    ['PNB', 'Policía Nacional Bolivariana'],
    { name: 'Policía Nacional Bolivariana (PNB)', unitKind: 'police' },
  ],
  [
    ['FAES', 'Fuerzas de Acciones Especiales'],
    { name: 'Fuerzas de Acciones Especiales (FAES)', unitKind: 'special_forces' },
  ],
  [
    ['CICPC', 'Cuerpo de Investigaciones Científicas, Penales y Criminalísticas'],
    { name: 'Cuerpo de Investigaciones Científicas, Penales y Criminalísticas (CICPC)', unitKind: 'police' },
  ],
  [
    ['FANB', 'Fuerza Armada Nacional Bolivariana'],
    { name: 'Fuerza Armada Nacional Bolivariana (FANB)', unitKind: 'military' },
  ],
  [['DAET'], { name: 'Dirección de Acciones Estratégicas y Tácticas (DAET)', unitKind: 'special_forces' }],
  [['Ministerio Público', 'Fiscalía General'], { name: 'Ministerio Público', unitKind: 'prosecution' }],
  [
    ['TSJ', 'Tribunal Supremo de Justicia'],
    { name: 'Tribunal Supremo de Justicia (TSJ)', unitKind: 'judiciary' },
  ],
  [['Foro Penal'], { name: 'Foro Penal', unitKind: 'other' }],
  [['Provea'], { name: 'Provea', unitKind: 'other' }],
  [['ONU', 'UN', 'Naciones Unidas', 'United Nations'], { name: 'Naciones Unidas (ONU)', unitKind: 'other' }],
  [['OEA', 'OAS'], { name: 'Organización de los Estados Americanos (OEA)', unitKind: 'other' }],
  [
    ['CPI', 'ICC', 'Corte Penal Internacional', 'International Criminal Court'],
    { name: 'Corte Penal Internacional (CPI)', unitKind: 'judiciary' },
  ],
  [['CIDH', 'IACHR'], { name: 'Comisión Interamericana de Derechos Humanos (CIDH)', unitKind: 'other' }],
  [['ACNUR', 'UNHCR'], { name: 'ACNUR', unitKind: 'other' }],
  [['Human Rights Watch', 'HRW'], { name: 'Human Rights Watch', unitKind: 'other' }],
  // News agencies, quoted in nearly every report ("told Reuters", "según Efe").
  [['Reuters'], { name: 'Reuters', unitKind: 'other' }],
  [['EFE', 'Agencia EFE', 'Efe'], { name: 'EFE', unitKind: 'other' }],
  [['AFP', 'Agence France-Presse', 'Agence France Presse'], { name: 'AFP', unitKind: 'other' }],
  [['Associated Press', 'AP'], { name: 'Associated Press', unitKind: 'other' }],
  // Bodies, outlets and armed groups named the world over by one short name (no organization word
  // to tell them by): international bodies, wire services and broadcasters, rights groups, and
  // armed groups on the sanctions lists. Each as written: the acronym rules pair a name and its
  // initials. (UN agencies' acronyms are left out: they close longer names, "Oficina de Seúl del ACNUDH".)
  ...(
    [
      ['Interpol'],
      ['Europol'],
      ['Unicef', 'UNICEF'],
      ['UNESCO'],
      ['OSCE', 'Organization for Security and Co-operation in Europe'],
      ['ASEAN', 'Association of Southeast Asian Nations'],
      ['NATO', 'OTAN'],
      ['European Union', 'Unión Europea'],
      ['African Union', 'Unión Africana'],
      ['ECOWAS', 'CEDEAO', 'Economic Community of West African States'],
      ['Mercosur'],
      ['ICRC', 'CICR', 'International Committee of the Red Cross', 'Comité Internacional de la Cruz Roja'],
      ['Médecins Sans Frontières', 'Médicos Sin Fronteras', 'Doctors Without Borders', 'MSF'],
      ['World Health Organization', 'Organización Mundial de la Salud', 'OMS'],
      ['World Food Programme', 'Programa Mundial de Alimentos'],
      ['Reporters Without Borders', 'Reporteros Sin Fronteras', 'RSF'],
      ['Committee to Protect Journalists', 'CPJ'],
      ['Front Line Defenders'],
      ['Freedom House'],
      ['BBC'],
      ['CNN'],
      ['Al Jazeera', 'Al Yazira'],
      ['France 24'],
      ['RFI', 'Radio France Internationale'],
      ['Deutsche Welle', 'DW'],
      ['Xinhua'],
      ['TASS'],
      ['ANSA'],
      ['Europa Press'],
      ['Bloomberg'],
      ['Infobae'],
      ['Hezbollah', 'Hezbolá', 'Hizbulá'],
      ['Hamas', 'Hamás'],
      ['Al Qaida', 'al-Qaida', 'Al Qaeda', 'al-Qaeda'],
      ['Boko Haram'],
      ['al-Shabaab', 'Al Shabaab', 'al-Shabab'],
      ['Taliban', 'talibanes'],
      ['FARC', 'FARC-EP'],
      ['ELN', 'Ejército de Liberación Nacional'],
      ['Sendero Luminoso', 'Shining Path'],
      ['Tren de Aragua'],
      ['Mara Salvatrucha', 'MS-13'],
      ['Clan del Golfo'],
      ['Interahamwe'],
    ] as string[][]
  ).flatMap((keys) => keys.map((k): [string[], OrgEntry] => [[k], { name: k, unitKind: 'other' }])),
  // Security forces, armed groups, parties, rights groups and outlets of many countries, each known
  // by a name that carries no organization word (stop 34); the names of one body are one entity,
  // named by the first.
  ...(
    [
      ['FSB'],
      ['KGB'],
      ['GRU'],
      ['Rosgvardia', 'Rosguardia'],
      ['Wagner Group', 'Grupo Wagner', 'Wagner'],
      ['Basij'],
      ['IRGC', 'Islamic Revolutionary Guard Corps', 'Guardia Revolucionaria', 'Revolutionary Guards'],
      ['Mossad'],
      ['Shin Bet'],
      ['SBU'],
      ['Stasi'],
      ['Gestapo'],
      ['SAVAK'],
      ['Tatmadaw'],
      ['Janjaweed', 'Yanyawid'],
      ['Rapid Support Forces', 'Fuerzas de Apoyo Rápido'],
      ['Séléka'],
      ['M23'],
      ["Lord's Resistance Army", 'Ejército de Resistencia del Señor'],
      ['Houthis', 'Ansar Allah', 'hutíes'],
      ['PKK'],
      ['YPG'],
      ['Hayat Tahrir al-Sham', 'HTS'],
      ['Hizb ut-Tahrir'],
      ['Muslim Brotherhood', 'Hermanos Musulmanes'],
      ['Khmer Rouge', 'Jemeres Rojos'],
      ['Montoneros'],
      ['Tupamaros'],
      ['M-19'],
      ['AUC', 'Autodefensas Unidas de Colombia'],
      ['Los Zetas', 'Zetas'],
      ['CJNG', 'Cártel Jalisco Nueva Generación', 'Cártel de Jalisco Nueva Generación'],
      ['Derg'],
      ['Fatah'],
      ['Frelimo'],
      ['Renamo'],
      ['ZANU-PF'],
      ['Ennahdha', 'Ennahda'],
      ['Memorial'],
      ['Greenpeace'],
      ['Oxfam'],
      ['Save the Children'],
      ['Cáritas', 'Caritas'],
      ['Red Crescent', 'Media Luna Roja'],
      ["Jehovah's Witnesses", 'Testigos de Jehová'],
      ['Frontex'],
      ['Eurojust'],
      ['Bellingcat'],
      ['ProPublica'],
      ['OCCRP'],
      ['Meduza'],
      ['Mediazona'],
      ['Novaya Gazeta'],
      ['Radio Free Europe', 'RFE/RL', 'Radio Liberty'],
      ['Voice of America', 'VOA'],
      ['Al Arabiya'],
      ['Telesur', 'teleSUR'],
      ['Rappler'],
      ['ABS-CBN'],
    ] as string[][]
  ).map((keys): [string[], OrgEntry] => [keys, { name: keys[0]!, unitKind: 'other' }]),
  // Rights groups, outlets and forces named by one short name, each missed by the rules in three or more
  // development rounds (stop 40 third wave; rounds: Cristosal 2, 3, 7, 12, 24, 30, 42, 53, 58; Viasna 5,
  // 20, 23, 53; Brimob 19, 25, 34, 44; Imbonerakure 7, 12, 24). Not "Komnas HAM"
  // (an entry keeps it from pairing with "National Commission on Human Rights": 7 splits) nor "Granma"
  // (a Cuban province as often as the newspaper).
  ...([['Cristosal'], ['Viasna'], ['Brimob', 'Mobile Brigade'], ['Imbonerakure']] as string[][]).map(
    (keys): [string[], OrgEntry] => [keys, { name: keys[0]!, unitKind: 'other' }],
  ),
  // One armed group under names that share no initials.
  [['Islamic State', 'Estado Islámico', 'Daesh', 'ISIL'], { name: 'Islamic State', unitKind: 'other' }],
  [
    ['Amnistía Internacional', 'Amnesty International'],
    { name: 'Amnistía Internacional', unitKind: 'other' },
  ],
  // State organs many countries name with no organization's word (Cuba's, Lebanon's, Egypt's state
  // security; the forensic institutes of Colombia, Peru, Honduras): written alone, the body.
  [
    ['Seguridad del Estado', 'State Security'],
    { name: 'Seguridad del Estado', unitKind: 'intelligence_service', inner: true },
  ],
  // The Red Cross society of a country, named alone ("la Cruz Roja", "the Red Cross"; annotated so in
  // 10 texts of rounds 2–19): inner, so "… Committee of the Red Cross" keeps its name.
  [['Cruz Roja', 'Red Cross'], { name: 'Cruz Roja', unitKind: 'other', inner: true }],
  [['Medicina Legal'], { name: 'Medicina Legal', unitKind: 'other', inner: true }],
  [['Medicina Forense'], { name: 'Medicina Forense', unitKind: 'other', inner: true }],
  // Children of the disappeared (Argentina, Guatemala, Mexico), named in four of ten annotated rounds;
  // the tokens drop an acronym's last period, so the name is written here with it.
  [['H.I.J.O.S.'], { name: 'H.I.J.O.S.', unitKind: 'other' }],
  // The national archive of Mexico, Colombia, Peru, Argentina, the Dominican Republic… (so named in
  // each): the archive that opens or answers is an organization (GUIDE.md); "archivo" alone is no
  // head word (recording projects and collections are not: "Archivo Oral …", "Archivo del Terror").
  [['Archivo General de la Nación'], { name: 'Archivo General de la Nación', unitKind: 'other' }],
];
export const KNOWN_ORGS: ReadonlyMap<string, OrgEntry> = new Map(
  ORGS.flatMap(([keys, e]) =>
    keys.map(
      (k) =>
        [
          fold(k)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim(),
          e,
        ] as const,
    ),
  ),
);

/**
 * The same heads in the other languages NGOs, parties and bodies are named in, folded ("Fundacja X",
 * "Grupa X", "Sienos Grupė", "Comissão de X", "Associació de X", "Ligue X", "Stiftung X", "Yayasan
 * X"): an English or Spanish text quotes such names untranslated, and a word of this list opening or
 * closing them says organization (never a person's name, never a place's).
 */
const FOREIGN_ORG_HEADS = set(`
  fundacao comissao associacao conselho uniao nucleo procuradoria ordem
  associacio fundacio comissio ajuntament
  fondation association ligue conseil cour syndicat parti ministere observatoire collectif mouvement assemblee
  gendarmerie
  fondazione associazione commissione comitato partito consiglio movimento
  stiftung verein verband gesellschaft kommission ministerium gericht partei
  stichting vereniging
  fundacja stowarzyszenie grupa komitet partia ministerstwo
  partiya obshchestvo tsentr
  yayasan lembaga komisi partai
  hizb harakat jamaat majlis
`);

/** First words of organization names. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  ...FOREIGN_ORG_HEADS,
  ...set(`
  ministerio tribunal tribunales juzgado fiscalia policia guardia comando direccion servicio cuerpo fuerza fuerzas
  brigada batallon ejercito armada consejo observatorio foro comite comision asociacion partido movimiento
  sindicato federacion colegio universidad embajada defensoria corte organizacion mision oficina alto instituto
  frente coalicion red fundacion gobernacion alcaldia sede circuito
  ministry court office committee commission police guard council mission embassy union university party
  army navy foundation institute coalition network tribunal
  relatoria procuraduria veeduria personeria registraduria tesoreria consejeria presidencia vicepresidencia
  superintendencia ayuntamiento presidency
  vicaria arzobispado obispado arquidiocesis archidiocesis archdiocese pastoral bloque juventud juventudes
  bufete bufetes agrupacion cooperativa municipalidad
`),
]);

/**
 * Bodies of the state named by one capitalized word ("el Congreso", "Parliament", "el Ejército", "los
 * Carabineros"): written so, they are the institution; in lower case, a common noun.
 */
export const INSTITUTIONS_ALONE = set(`congress congreso parliament parlamento senate senado bundestag army
  ejercito armada navy gendarmeria gendarmerie carabineros procuraduria cancilleria contraloria legislatura legislature
  sejm knesset duma storting riksdag`);

/** Words that end a run as an organization when they follow it ("Human Rights Watch"). */
export const ORG_TAILS = set(
  // Turkish and Lithuanian names end with their head ("İnsan Hakları Derneği", "Sienos Grupė").
  'watch international internacional borders fronteras dernegi vakfi partisi grupe',
);

/**
 * Lower-case nouns of a site a name opens ("Evin prison", "Tugu monument", "Kariakoo market", "Chamran
 * highway"), as regular-expression alternatives (guide §5, D18). Read by site-towns.ts after a town's
 * mention ("Kakuma camp": the town is one more form of the site) and by named-sites.ts after a word of
 * place ("at the Tugu monument": a place no rule read). Until stop 43 each kept its own copy, which had
 * drifted apart (a "gaol", a "river", a "school" only after a town; a "centre", a "sandbank" only after
 * a word of place); one list since, which changed no development or guard row.
 */
export const SITE_NOUNS = [
  'airport|airfield|prison|jail|penitentiary|police\\s+station|checkpoint|camp|detention\\s+(?:centre|center|site)',
  'holding\\s+centre|barracks|pass|valley|forest|beach|lake|dam',
  'hall|shops|complex|compound|road|highway|expressway|street|avenue|bridge|roundabout|junction|toll\\s+gate',
  'memorial|monument|bazaar|market|field|stadium|square|park|gardens|mosque|church|temple|cathedral|chapel',
  'cemetery|graveyard|crematorium|hospital|clinic|station|harbour|dockyard|landfill|mine|factory',
  'building|tower|castle|palace|embankment|theatre|cinema|hotel|museum|quarter',
  'air\\s+base|gaol|police\\s+(?:post|HQ|headquarters)|border\\s+post|colony|detention\\s+facility',
  'river|house|crossing|ground|grounds|school|college|campus|port|mill|line',
  'processing\\s+(?:centre|center)|sandbank|waste\\s+site|centre|center',
].join('|');

/** Spanish month names (also read apart: "Pérez de Abril" is no married surname, "Pérez de March" may be). */
export const SPANISH_MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    enero: 1,
    febrero: 2,
    marzo: 3,
    abril: 4,
    mayo: 5,
    junio: 6,
    julio: 7,
    agosto: 8,
    septiembre: 9,
    setiembre: 9,
    octubre: 10,
    noviembre: 11,
    diciembre: 12,
  }),
);

/** An English month's name, capitalized, alone ("May", not "may" nor "MAY"): no word of a place's name. */
export const isEnglishMonthName = (word: string): boolean =>
  (MONTH_NAMES.en as readonly string[]).includes(word);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...SPANISH_MONTHS,
  ...MONTH_NAMES.en.map((name, i): [string, number] => [fold(name), i + 1]),
  ...Object.entries({
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    sept: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  }),
]);

/** Every month key for patterns, longest first (so "sept" is tried before "sep"). */
export const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
/**
 * A lookahead for the first letters of the months' words, to stand before a pattern opening with `MONTH_ALT`: the
 * same matches, but a position whose letter opens no month fails at once (a case-insensitive alternation of many
 * words, tried at each of 300 KB's positions, was one of the dearest patterns of the extraction, stop 47).
 */
export const MONTH_AHEAD = `(?=[${[...new Set([...MONTHS.keys()].map((m) => m[0]))].join('')}])`;
/** A month's word anywhere in a mention (a day or month written with it, not in figures). */
export const MONTH_WORD = new RegExp(`(?<![\\p{L}])(?:${MONTH_ALT})(?![\\p{L}])`, 'iu');

/** Weekday names as written, accents optional, for patterns: Spanish, and English with them (`WEEKDAYS` has the folded keys). */
/** English number words: the units and the tens, which counts ("sixty-nine years ago") and years said in words share. */
export const EN_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const ES_WEEKDAY_ALT = 'lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo';
export const WEEKDAY_ALT = `${ES_WEEKDAY_ALT}|monday|tuesday|wednesday|thursday|friday|saturday|sunday`;
/** Weekdays, 0 = Sunday (as Date.getUTCDay). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    domingo: 0,
    lunes: 1,
    martes: 2,
    miercoles: 3,
    jueves: 4,
    viernes: 5,
    sabado: 6,
    sunday: 0,
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6,
  }),
);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    un: 1,
    una: 1,
    uno: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
    quince: 15,
    veinte: 20,
    treinta: 30,
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    fifteen: 15,
    twenty: 20,
    thirty: 30,
  }),
);

/**
 * Words in capitals that abbreviate no organization: time zones ("06:00 GMT"), hours, compass points,
 * currencies, units, identity documents and technical terms ("ADN": Spanish DNA), an e-mail's reply
 * and forward marks ("RE:", "FW:"), and the section words of rulings and lists written in capitals
 * ("THE FACTS", "FOR THESE REASONS", "NOTES", "VISTOS", "PRIMERO.", "ÚNICO."). Roman numerals are
 * told by shape (entities.ts).
 */
export const NOT_ORG_ACRONYMS =
  set(`gmt utc cet cest eet eest wet west bst est edt cst cdt mst mdt pst pdt ist
  eat wat sast jst kst hkt aest msk pkt wib et am pm
  nw ne sw se nne ene ese sse ssw wsw wnw nnw
  eur usd gbp chf jpy cny rmb rub uah kes ngn mxn cop ves bs ars brl inr try egp zar ghs xof cfa
  kv kw kwh km kg mb gb mhz ghz mm cm fm
  usb ip sim gps sms pdf dna hiv vih sida aids id dni dui curp rut pin url wifi tv lcd led
  ok ps nb aka fyi asap rip covid dm rt adn re fw fwd
  ends end ngo ngos ong ongs ceo lgbt lgbti lgtbi lgbtq lgbtiq cctv hq icu uci vhf uhf
  notes facts law reasons summary background annex vistos resultando considerando resuelve hechos
  primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo unico`);

/** Capitalized words that are never names: months, weekdays, countries and demonyms often capitalized. */
export const NOT_NAME = new Set([
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...set(`venezuela colombia argentina espana españa chile peru brasil mexico ecuador panama estados unidos
    eeuu usa spain brazil united states america venezuelan venezolano venezolana venezolanos cucuta bogota madrid
    miami lima dios navidad semana santa`),
]);
