/**
 * Prose of the demo case: event titles and descriptions, and the paragraphs testimonies are built
 * from, in Spanish and English. Written the way Venezuelan NGOs record first-hand accounts; every
 * person, unit and quote is invented.
 */
import { longDate, monthName } from './calendar.js';
import type { DemoEvent, Story, WaveTag } from './events.js';
import type { Muni } from './places.js';
import type { DemoRng } from './random.js';
import { ofAcronym, ofUnit, theUnit, type UnitInfo } from './units.js';

export type Lang = 'es' | 'en';

const CITY: Record<string, string> = {
  'VE-A/Libertador': 'Caracas',
  'VE-M/Chacao': 'Chacao (Caracas)',
  'VE-M/Baruta': 'Baruta (Caracas)',
  'VE-M/Sucre': 'Petare (Caracas)',
  'VE-M/El Hatillo': 'El Hatillo (Caracas)',
  'VE-M/Los Salias': 'San Antonio de los Altos',
  'VE-M/Guaicaipuro': 'Los Teques',
  'VE-M/Zamora': 'Guatire',
  'VE-S/San Cristóbal': 'San Cristóbal',
  'VE-S/Cárdenas': 'Táriba',
  'VE-S/Pedro María Ureña': 'Ureña',
  'VE-L/Libertador': 'Mérida',
  'VE-L/Campo Elías': 'Ejido',
  'VE-G/Valencia': 'Valencia',
  'VE-G/Naguanagua': 'Naguanagua',
  'VE-G/San Diego': 'San Diego (Carabobo)',
  'VE-G/Libertador': 'Tocuyito',
  'VE-K/Iribarren': 'Barquisimeto',
  'VE-K/Palavecino': 'Cabudare',
  'VE-V/Maracaibo': 'Maracaibo',
  'VE-V/San Francisco': 'San Francisco (Zulia)',
  'VE-D/Girardot': 'Maracay',
  'VE-B/Diego Bautista Urbaneja': 'Lechería',
  'VE-B/Simón Bolívar': 'Barcelona',
  'VE-F/Caroní': 'Puerto Ordaz',
  'VE-N/Maturín': 'Maturín',
};

/** The town people would name for a municipality ("Barquisimeto", not "Iribarren"). */
export function cityOf(m: Muni): string {
  return CITY[`${m.stateCode}/${m.name}`] ?? `${m.name} (${m.stateName})`;
}

const CONTEXT: Record<WaveTag, Record<Lang, string>> = {
  'protestas-2014': {
    es: 'en el marco de las protestas iniciadas el 12 de febrero de 2014',
    en: 'during the protests that began on 12 February 2014',
  },
  'persecucion-2015-2016': {
    es: 'en el contexto de la persecución de dirigentes, periodistas y militares críticos de 2015 y 2016',
    en: 'amid the persecution of critical leaders, journalists and officers in 2015 and 2016',
  },
  'protestas-2017': {
    es: 'durante la ola de protestas de abril a julio de 2017',
    en: 'during the wave of protests of April to July 2017',
  },
  'represion-2018': {
    es: 'en el contexto de la represión de 2018, que se intensificó tras el incidente del 4 de agosto de 2018 en Caracas',
    en: 'amid the repression of 2018, which intensified after the incident of 4 August 2018 in Caracas',
  },
  'represion-2019': {
    es: 'en el contexto de las protestas y operativos de 2019',
    en: 'amid the protests and security operations of 2019',
  },
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Spanish "in <site>": "en El Helicoide", "en la sede de la DGCIM…", "en el Internado Judicial…". */
export function inSite(name: string): string {
  if (/^(Sede|Zona) /.test(name)) return `en la ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  if (/^(Centro|Internado|Fuerte) /.test(name)) return `en el ${name}`;
  return `en ${name}`;
}

/** English "the Sede de la DGCIM…", "El Helicoide". */
function enSite(name: string): string {
  return /^(Sede|Zona|Centro|Internado) /.test(name) ? `the ${name}` : name;
}

/** Who did it, as a witness says it: officers of a unit, or the armed civilians of a colectivo. */
function agents(u: UnitInfo, lang: Lang): string {
  if (u.key === 'colectivo')
    return lang === 'es'
      ? 'civiles armados del colectivo «Los Ficticios»'
      : 'armed civilians of the «Los Ficticios» colectivo';
  return lang === 'es' ? `funcionarios ${ofAcronym(u)}` : `${u.acronym} officers`;
}

/** Spanish "to <site>": "al Helicoide", "a la sede de la DGCIM…", "al Internado Judicial…". */
export function toSite(name: string, prep: 'a' | 'frente a' = 'a'): string {
  const al = prep === 'a' ? 'al' : 'frente al';
  if (name.startsWith('El ')) return `${al} ${name.slice(3)}`;
  if (/^(Sede|Zona) /.test(name)) return `${prep} la ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  if (/^(Centro|Internado|Fuerte) /.test(name)) return `${al} ${name}`;
  return `${prep} ${name}`;
}

export function eventTitle(ev: DemoEvent, rng: DemoRng): string {
  const c = cityOf(ev.muni);
  const killed = ev.stories.filter((s) => s.role === 'killed').length;
  let t: string;
  switch (ev.kind) {
    case 'protest':
      t = rng.pick([
        `Represión de manifestación en ${c}`,
        `Detenciones masivas durante protesta en ${c}`,
        `Dispersión violenta de concentración en ${c}`,
        `Represión de marcha estudiantil en ${c}`,
      ]);
      break;
    case 'protest_killing':
      t =
        killed > 1
          ? `Manifestantes muertos durante protesta en ${c}`
          : `Manifestante muerto durante protesta en ${c}`;
      break;
    case 'raid':
      t = rng.pick([`Allanamientos en urbanizaciones de ${c}`, `Allanamientos casa por casa en ${c}`]);
      break;
    case 'targeted':
      t =
        ev.wave === 'represion-2018' && ev.date >= '2018-08-05'
          ? `Detenciones tras los hechos del 4 de agosto en ${c}`
          : rng.pick([`Detención de dirigentes en ${c}`, `Detención de activistas en ${c}`]);
      break;
    case 'journalists':
      t = rng.pick([`Detención de periodistas en ${c}`, `Detención de equipo de prensa en ${c}`]);
      break;
    case 'military':
      t = `Detención de militares por presunta conspiración en ${c}`;
      break;
    case 'raid_execution':
      t = `Operativo policial con muertos en ${c}`;
      break;
  }
  return `${t}, ${longDate(ev.date, 'es')}`;
}

export function eventDescription(
  ev: DemoEvent,
  unit: UnitInfo,
  n: { detained: number; killed: number; wounded: number; site?: string },
): string {
  const c = cityOf(ev.muni);
  const ctx = cap(CONTEXT[ev.wave].es);
  const by = `${unit.key === 'colectivo' ? 'civiles armados' : 'efectivos'} ${ofUnit(unit)} (${unit.acronym})`;
  const people = (k: number, one: string, many: string) => (k === 1 ? `1 ${one}` : `${k} ${many}`);
  const taken = n.site ? ` y trasladadas ${toSite(n.site)}` : ' y llevadas a un comando local';
  const parts: string[] = [];
  switch (ev.kind) {
    case 'protest':
    case 'protest_killing':
      parts.push(
        `${ctx}, cientos de personas se concentraron en ${c} para protestar contra el Gobierno. Hacia el mediodía, ${by} dispersaron la concentración con gases lacrimógenos y perdigones.`,
      );
      if (n.killed)
        parts.push(
          `${n.killed === 1 ? 'Un manifestante murió' : `${n.killed} manifestantes murieron`} por disparos de arma de fuego. La versión oficial atribuyó ${n.killed === 1 ? 'la muerte' : 'las muertes'} a «grupos violentos de la propia manifestación».`,
        );
      parts.push(
        `${cap(people(n.detained, 'persona fue detenida', 'personas fueron detenidas'))}${taken}${n.wounded ? `; ${people(n.wounded, 'persona resultó herida', 'personas resultaron heridas')}` : ''}.`,
      );
      break;
    case 'raid':
      parts.push(
        `${ctx}, en horas de la noche y la madrugada ${by} ingresaron sin orden judicial en edificios residenciales de ${c} desde donde, según la versión oficial, se habían lanzado objetos contra los funcionarios.`,
        `Derribaron puertas, sustrajeron teléfonos y dinero y detuvieron a ${people(n.detained, 'persona', 'personas')}, entre ellas vecinos que no habían participado en las protestas.`,
      );
      break;
    case 'targeted':
      parts.push(
        `${ctx}, funcionarios ${ofUnit(unit)} (${unit.acronym}), vestidos de civil y sin orden judicial, detuvieron en ${c} a ${people(n.detained, 'persona vinculada', 'personas vinculadas')} a organizaciones políticas y sociales.`,
        `Durante días las autoridades no informaron a las familias del lugar de reclusión${n.site ? `, que resultó ser ${n.site}` : ''}.`,
      );
      break;
    case 'journalists':
      parts.push(
        `${ctx}, ${people(n.detained, 'trabajador de la prensa fue detenido', 'trabajadores de la prensa fueron detenidos')} por funcionarios ${ofAcronym(unit)} mientras cubrían hechos de calle en ${c}.`,
        'Les decomisaron cámaras y teléfonos y borraron el material grabado; fueron acusados de «instigación al odio».',
      );
      break;
    case 'military':
      parts.push(
        `${ctx}, ${theUnit(unit)} (${unit.acronym}) detuvo en ${c} a ${people(n.detained, 'persona', 'personas')}, en su mayoría militares activos, acusados de participar en una supuesta conspiración.`,
        `Fueron llevados ${n.site ? toSite(n.site) : 'a una sede de contrainteligencia'} y presentados ante la jurisdicción militar sin acceso a abogados de confianza.`,
      );
      break;
    case 'raid_execution':
      parts.push(
        `${ctx}, un grupo táctico ${ofUnit(unit)} (${unit.acronym}) realizó un operativo en barrios populares de ${c} días después de las protestas.`,
        `${n.killed === 1 ? 'Un hombre murió' : `${n.killed} hombres murieron`} por disparos dentro de sus viviendas; la versión oficial habló de «enfrentamientos». ${cap(people(n.detained, 'persona fue detenida', 'personas fueron detenidas'))}.`,
      );
      break;
  }
  parts.push('(Hechos ficticios del caso demostrativo.)');
  return parts.join(' ');
}

// ── Testimonies ─────────────────────────────────────────────────────────────────────────────

const METHOD_TEXT: Record<string, Record<Lang, string>> = {
  beating: {
    es: 'Me golpearon con los puños, con los cascos y con la culata de los fusiles, sobre todo en las costillas y en la cabeza.',
    en: 'They beat me with their fists, their helmets and the butts of their rifles, mostly on my ribs and head.',
  },
  falanga: {
    es: 'Me golpearon con un tubo en las plantas de los pies hasta que no pude caminar.',
    en: 'They hit the soles of my feet with a pipe until I could not walk.',
  },
  electric_shock: {
    es: 'Me aplicaron descargas eléctricas en los costados y en los genitales con un aparato que hacía un ruido seco.',
    en: 'They gave me electric shocks on my sides and genitals with a device that made a dry clicking sound.',
  },
  asphyxiation_dry: {
    es: 'Me pusieron una bolsa plástica en la cabeza hasta que perdía el conocimiento; cuando despertaba volvían a preguntarme lo mismo.',
    en: 'They put a plastic bag over my head until I passed out; when I came round they asked me the same questions again.',
  },
  asphyxiation_wet: {
    es: 'Me metieron la cabeza en un tobo con agua varias veces seguidas.',
    en: 'They pushed my head into a bucket of water again and again.',
  },
  forced_postures: {
    es: 'Me obligaron a pasar horas de rodillas con las manos esposadas a la espalda.',
    en: 'They made me kneel for hours with my hands cuffed behind my back.',
  },
  suspension: {
    es: 'Me esposaron a una reja con los brazos por encima de la cabeza y me dejaron colgad{o} casi toda la noche.',
    en: 'They cuffed me to a grille with my arms above my head and left me hanging most of the night.',
  },
  forced_standing: {
    es: 'Nos tuvieron de pie contra la pared durante toda la noche; al que se movía lo golpeaban.',
    en: 'They kept us standing against the wall all night; anyone who moved was beaten.',
  },
  sleep_deprivation: {
    es: 'No me dejaban dormir: cada vez que cerraba los ojos golpeaban la puerta o me echaban agua fría.',
    en: 'They did not let me sleep: every time I closed my eyes they banged on the door or threw cold water on me.',
  },
  death_threats: {
    es: 'Me dijeron que nadie sabía que yo estaba allí y que podían desaparecerme cuando quisieran.',
    en: 'They told me nobody knew I was there and that they could make me disappear whenever they wanted.',
  },
  threats_against_family: {
    es: 'Me mostraron fotos de mi mamá y de mi hermana saliendo de la casa y me dijeron que les podía pasar algo si no colaboraba.',
    en: 'They showed me photos of my mother and sister leaving the house and said something could happen to them if I did not cooperate.',
  },
  blindfolding: {
    es: 'Pasé los interrogatorios con una capucha puesta; solo veía el piso.',
    en: 'I spent the interrogations hooded; all I could see was the floor.',
  },
  isolation: {
    es: 'Estuve sol{o} en una celda sin ventanas, sin saber si era de día o de noche.',
    en: 'I was alone in a windowless cell, without knowing whether it was day or night.',
  },
  noise_light: {
    es: 'La luz de la celda estaba encendida las veinticuatro horas y ponían música a todo volumen.',
    en: 'The light in the cell was on twenty-four hours a day and they played music at full volume.',
  },
  extreme_temperature: {
    es: 'Me encerraron en un cuarto con el aire acondicionado al máximo, en ropa interior, durante días.',
    en: 'They locked me in a room with the air conditioning at full blast, in my underwear, for days.',
  },
  food_water_deprivation: {
    es: 'Pasé dos días sin comida y casi sin agua.',
    en: 'I went two days without food and almost without water.',
  },
  tear_gas: {
    es: 'Lanzaron una bomba lacrimógena dentro de la jaula de la tanqueta donde estábamos encerrados.',
    en: 'They threw a tear-gas canister into the locked cage of the armoured vehicle where we were held.',
  },
  degradation_nakedness: {
    es: 'Nos obligaron a desnudarnos y a permanecer en cuclillas frente a los funcionarios, que se burlaban.',
    en: 'They made us strip and squat in front of the officers, who mocked us.',
  },
  burns: {
    es: 'Uno de ellos me quemó los brazos con un cigarrillo.',
    en: 'One of them burned my arms with a cigarette.',
  },
  pellet_shooting: {
    es: 'Ya detenid{o}, un funcionario me disparó perdigones a corta distancia en las piernas.',
    en: 'After I had been detained, an officer shot pellets into my legs at close range.',
  },
};

/** What interrogators wanted, by the kind of detainee. */
const INTERROGATION: Record<'protest' | 'military' | 'press', Record<Lang, string>> = {
  protest: {
    es: 'Me interrogaron varias veces para que dijera quién «financiaba» las protestas y para que grabara un video acusando a dirigentes.',
    en: 'They interrogated me several times to make me say who was "financing" the protests and to record a video accusing opposition leaders.',
  },
  military: {
    es: 'Me interrogaron durante días para que firmara una declaración contra otros oficiales y admitiera una conspiración que no existía.',
    en: 'They interrogated me for days to make me sign a statement against other officers and admit to a conspiracy that did not exist.',
  },
  press: {
    es: 'Me interrogaron para que revelara mis fuentes y quién pagaba mis notas.',
    en: 'They interrogated me to make me reveal my sources and who was paying for my reporting.',
  },
};

export interface StatementOptions {
  lang: Lang;
  unit: UnitInfo;
  alias?: string;
  consent: 'internal' | 'courts' | 'public';
  /** For the statement's date: events after it are not told. */
  on: string;
}

/** A first-person statement of a detained victim, from arrest to the day of the interview. */
export function victimStatement(story: Story, o: StatementOptions): string {
  const { lang } = o;
  const es = lang === 'es';
  const ev = story.event;
  const c = cityOf(ev.muni);
  const d = longDate(ev.date, lang);
  const acr = o.unit.acronym;
  const ofAcr = ofAcronym(o.unit);
  const reporter = story.victim.profile === 'journalist';
  const retired = story.victim.occupation.startsWith('militar retirado');
  const p: string[] = [];

  switch (ev.kind) {
    case 'protest':
    case 'protest_killing':
      p.push(
        es
          ? `El ${d} ${reporter ? 'cubría como periodista' : 'participaba en'} una concentración pacífica en ${c}. Cerca del mediodía, ${agents(o.unit, 'es')} avanzaron sobre nosotros lanzando bombas lacrimógenas y disparando perdigones. Corrí hacia una calle lateral con otros muchachos, pero nos alcanzaron en moto. Me tiraron al suelo, me quitaron el teléfono y ${o.unit.key === 'colectivo' ? 'me entregaron a la Guardia, que me subió' : 'me subieron'} a una tanqueta con otras personas.`
          : `On ${d} I was ${reporter ? 'reporting on' : 'at'} a peaceful demonstration in ${c}. Around midday, ${agents(o.unit, 'en')} charged at us throwing tear gas and firing pellets. I ran into a side street with other young people, but they caught up with us on motorbikes. They threw me to the ground, took my phone and ${o.unit.key === 'colectivo' ? 'handed me over to the National Guard, who put me' : 'put me'} in an armoured vehicle with other detainees.`,
      );
      break;
    case 'raid':
      p.push(
        es
          ? `En la madrugada del ${d} un grupo de hombres, unos con uniforme ${ofAcr} y otros vestidos de civil y encapuchados, derribó la puerta de nuestro apartamento en ${c}. No mostraron ninguna orden. Revisaron todo, se llevaron los teléfonos y la computadora y me sacaron descalz{o}. Cuando pregunté por qué, me dijeron que desde nuestro edificio «se atacaba a la autoridad».`
          : `In the early hours of ${d} a group of men, some in ${acr} uniform and others in plain clothes and masked, broke down the door of our flat in ${c}. They showed no warrant. They searched everything, took our phones and the computer and dragged me out barefoot. When I asked why, they said our building was used to "attack the authorities".`,
      );
      break;
    case 'targeted':
      p.push(
        es
          ? `El ${d} salí de mi casa en ${c} rumbo a una reunión de mi organización. A dos cuadras me interceptaron dos camionetas sin placas. Cuatro hombres vestidos de negro, sin identificación visible, me metieron en la parte de atrás y me colocaron una capucha. Uno de ellos dijo por radio: «paquete asegurado».`
          : `On ${d} I left my home in ${c} for a meeting of my organisation. Two blocks away two vans without number plates cut me off. Four men dressed in black, with no visible identification, pushed me into the back and put a hood over my head. One of them said into his radio: "package secured".`,
      );
      break;
    case 'journalists':
      p.push(
        es
          ? `Soy periodista. El ${d} cubría una protesta en ${c} cuando funcionarios ${ofAcr} me rodearon, me arrancaron la cámara y me exigieron las claves de mis redes sociales. Les mostré mi carnet de prensa y uno de ellos lo rompió delante de mí.`
          : `I am a journalist. On ${d} I was covering a protest in ${c} when ${acr} officers surrounded me, tore the camera from my hands and demanded the passwords to my social media accounts. I showed them my press card and one of them tore it up in front of me.`,
      );
      break;
    case 'military':
      p.push(
        es
          ? retired
            ? `Soy militar retirad{o}. En la madrugada del ${d} funcionarios ${ofAcr} llegaron a mi casa en ${c} sin orden judicial. Me dijeron que estaba detenid{o} por «traición a la patria» y «rebelión» por mis contactos con oficiales activos, sin explicarme de qué hechos se trataba.`
            : `Soy ${story.victim.occupation.replace(/^militar activo \((.*)\)$/, '$1 del Ejército')}. El ${d} me citaron a una reunión en mi comando, en ${c}, y allí me esperaban funcionarios ${ofAcr}. Me informaron que estaba detenid{o} por «traición a la patria» y «rebelión», sin explicarme de qué hechos se trataba, y me quitaron el uniforme delante de mis subalternos.`
          : retired
            ? `I am a retired army officer. In the early hours of ${d} ${acr} officers came to my home in ${c} without a warrant. They told me I was under arrest for "treason" and "rebellion" because of my contacts with serving officers, without telling me what I was supposed to have done.`
            : `I am an army officer. On ${d} I was summoned to a meeting at my unit in ${c}, where ${acr} officers were waiting for me. They told me I was under arrest for "treason" and "rebellion" without telling me what I was supposed to have done, and stripped me of my uniform in front of my subordinates.`,
      );
      break;
    case 'raid_execution':
      p.push(
        es
          ? `El ${d}, durante un operativo ${ofAcr} en mi barrio de ${c}, los funcionarios entraron a las casas sin orden. A mí me detuvieron en la calle.`
          : `On ${d}, during a ${acr} operation in my neighbourhood in ${c}, officers entered houses without a warrant. I was arrested in the street.`,
      );
      break;
  }

  const site = story.holdingSite?.name;
  const toHeld = site ? toSite(site) : 'a un comando de la zona';
  const heldEn = site ? enSite(site) : 'a local command post';
  if (story.disappearedDays) {
    p.push(
      es
        ? `Me llevaron ${toHeld}. Durante ${story.disappearedDays} días nadie supo dónde estaba: mi familia recorrió comandos, hospitales y la morgue, y en todas partes le dijeron que yo no figuraba en ningún registro. No me permitieron llamar a un abogado.`
        : `They took me to ${heldEn}. For ${story.disappearedDays} days nobody knew where I was: my family went round police stations, hospitals and the morgue, and everywhere they were told I was not on any register. I was not allowed to call a lawyer.`,
    );
  } else if (story.incommunicadoDays) {
    p.push(
      es
        ? `Me trasladaron ${toHeld}, donde estuve ${story.incommunicadoDays} días incomunicad{o}: no pude hablar con mi familia ni con un abogado, y mi mamá se enteró de dónde estaba por otro detenido que salió antes.`
        : `I was taken to ${heldEn}, where I was held incommunicado for ${story.incommunicadoDays} days: I could not speak to my family or a lawyer, and my mother only learnt where I was from another detainee who was released before me.`,
    );
  } else {
    p.push(
      es
        ? `Nos llevaron ${toHeld}. Éramos muchos en un espacio pequeño, sin baño; a algunos compañeros les sangraba la cabeza y nadie los atendió.`
        : `They took us to ${heldEn}. There were many of us in a small space with no toilet; some of my companions had head wounds and nobody treated them.`,
    );
  }

  if (story.tortureMethods.length) {
    const sentences = story.tortureMethods.map((m) => METHOD_TEXT[m]?.[lang]).filter(Boolean);
    p.push(
      `${INTERROGATION[ev.kind === 'military' ? 'military' : reporter ? 'press' : 'protest'][lang]} ` +
        sentences.join(' '),
    );
  } else {
    p.push(
      es
        ? 'A mí no me golpearon, pero toda la noche se escuchaban los gritos de otros detenidos y los funcionarios nos decían que seguíamos nosotros.'
        : 'I was not beaten myself, but all night we could hear other detainees screaming and the officers told us we were next.',
    );
  }
  if (story.sexualType) {
    p.push(
      es
        ? 'Hay algo que me cuesta contar. Durante la requisa, un funcionario me obligó a desnudarme y me tocó mientras los demás se reían y me amenazaban con cosas peores. Se lo conté a la documentadora y pedí que mi nombre no aparezca.'
        : 'There is something I find hard to talk about. During the search an officer forced me to undress and touched me while the others laughed and threatened me with worse. I told the documenter and asked that my name not be published.',
    );
  }

  if (story.court === 'military') {
    p.push(
      es
        ? `Me presentaron ante un tribunal militar, aunque ${story.victim.profile === 'military' ? 'los hechos que me atribuían no estaban claros' : 'soy civil'}. La audiencia fue de madrugada, en la misma sede donde estaba detenid{o}; no me permitieron un abogado de confianza y el defensor militar no habló conmigo antes. Me imputaron «rebelión» y «ataque al centinela».`
        : `I was brought before a military court, even though ${story.victim.profile === 'military' ? 'the facts alleged against me were never made clear' : 'I am a civilian'}. The hearing took place in the early hours, in the same building where I was held; I was denied a lawyer of my choice and the military defender did not speak to me beforehand. I was charged with "rebellion" and "attacking a sentry".`,
    );
  } else {
    p.push(
      es
        ? 'Me presentaron ante un tribunal de control. La defensora pública que me asignaron no me dejó hablar y el fiscal leyó un acta en la que decía que me habían encontrado con bombas molotov, algo que nunca ocurrió.'
        : 'I was brought before a pre-trial court. The public defender assigned to me did not let me speak, and the prosecutor read out a police report saying I had been found with petrol bombs, which never happened.',
    );
  }

  const exiled = Boolean(story.exile && story.exile <= o.on);
  if (story.release && story.release.date <= o.on) {
    const rd = longDate(story.release.date, lang);
    if (story.houseArrest && story.houseArrest.from <= o.on) {
      p.push(
        es
          ? `Después de meses ${story.prisonSite ? inSite(story.prisonSite.name) : 'detenid{o}'} me dieron una medida de casa por cárcel el ${longDate(story.houseArrest.from, lang)}. Quedé en libertad con régimen de presentación el ${rd}.`
          : `After months ${story.prisonSite ? `in ${enSite(story.prisonSite.name)}` : 'in detention'} I was placed under house arrest on ${longDate(story.houseArrest.from, lang)}. I was released with reporting obligations on ${rd}.`,
      );
    } else if (story.release.status === 'released_with_conditions') {
      p.push(
        es
          ? `Salí en libertad el ${rd} con régimen de presentación cada quince días, prohibición de salida del país y prohibición de declarar a los medios.${exiled ? '' : ' Todavía tengo que firmar en el tribunal.'}`
          : `I was released on ${rd} with an obligation to report to the court every fortnight, a travel ban and a ban on speaking to the press.${exiled ? '' : ' I still have to sign in at the court.'}`,
      );
    } else {
      p.push(
        es ? `Me liberaron el ${rd}, sin explicación.` : `I was released on ${rd}, without explanation.`,
      );
    }
  }
  if (story.escaped && story.escaped <= o.on) {
    p.push(
      es
        ? `El ${longDate(story.escaped, lang)}, después de que funcionarios vinieran a decirme que me iban a «trasladar de nuevo», salí de la casa donde cumplía el arresto domiciliario y me escondí con familiares.`
        : `On ${longDate(story.escaped, lang)}, after officers came to tell me I would be "transferred again", I left the house where I was under house arrest and hid with relatives.`,
    );
  }
  if (story.exile && story.exile <= o.on) {
    p.push(
      es
        ? `En ${monthName(story.exile, lang)} crucé la frontera por una trocha. Vivo fuera del país; mi familia sigue recibiendo visitas de funcionarios que preguntan por mí.`
        : `In ${monthName(story.exile, lang)} I crossed the border by an informal path. I now live abroad; officers still visit my family asking about me.`,
    );
  }
  if (o.alias) {
    p.push(
      es
        ? `Reconocí a uno de los funcionarios que me interrogó: sus compañeros lo llamaban «${o.alias}». Podría reconocerlo si lo viera de nuevo.`
        : `I recognised one of the officers who interrogated me: his colleagues called him "${o.alias}". I could identify him if I saw him again.`,
    );
  }
  p.push(consentLine(o.consent, lang));
  return gendered(p.join('\n\n'), story.victim.sex);
}

/** Resolves the `{o}` endings of Spanish adjectives for the speaker's sex. */
function gendered(text: string, sex: 'female' | 'male'): string {
  return text.replace(/\{o\}/g, sex === 'female' ? 'a' : 'o');
}

function consentLine(consent: StatementOptions['consent'], lang: Lang): string {
  const es = lang === 'es';
  switch (consent) {
    case 'public':
      return es
        ? 'Autorizo que este testimonio se publique con mi nombre.'
        : 'I consent to this statement being published under my name.';
    case 'courts':
      return es
        ? 'Autorizo que este testimonio se comparta con tribunales y mecanismos internacionales, sin hacerse público.'
        : 'I consent to this statement being shared with courts and international mechanisms, but not made public.';
    case 'internal':
      return es
        ? 'Doy este testimonio solo para el registro de la organización; no autorizo compartirlo por ahora.'
        : 'I give this statement for the organisation’s records only; I do not consent to it being shared for now.';
  }
}

/** A mother's account of her son's disappearance and death in custody (or his disappearance). */
export function relativeStatement(
  story: Story,
  unit: UnitInfo,
  consent: StatementOptions['consent'],
): string {
  const v = story.victim;
  const d = longDate(story.event.date, 'es');
  const child = v.sex === 'female' ? 'mi hija' : 'mi hijo';
  const p = [
    `Soy la madre de ${v.given} ${v.s1}. El ${d} ${child} salió de la casa en ${cityOf(story.event.muni)} y no regresó. Unos vecinos vieron cuando hombres vestidos de negro l{o} subieron a una camioneta sin placas; uno llevaba un chaleco ${ofAcronym(unit)}.`,
    `Fui a la sede ${ofAcronym(unit)}, a la Fiscalía y a la Defensoría. En todas partes me dijeron que no estaba detenid{o}. Dormí varias noches ${story.holdingSite ? toSite(story.holdingSite.name, 'frente a') : 'frente a una sede policial'} porque otras madres me dijeron que allí tenían a los muchachos de la zona.`,
  ];
  if (story.died) {
    p.push(
      `El ${longDate(story.died, 'es')} me llamaron para decirme que ${child} se había «suicidado» en su celda. Cuando me entregaron el cuerpo tenía la cara hinchada, marcas en las muñecas y en el cuello. No me dejaron estar presente en la autopsia y el informe oficial nunca me lo entregaron.`,
      'Desde entonces me han llamado para decirme que deje de denunciar, que tengo otra hija. Pero yo voy a seguir hasta que se sepa la verdad.',
    );
  } else {
    p.push(
      `Después de ${story.disappearedDays ?? 'varios'} días apareció ante un tribunal, muy delgad{o} y con golpes. Me dijo que l{o} habían tenido encapuchad{o} todo el tiempo.`,
      'Desde entonces recibimos llamadas para que dejemos de denunciar.',
    );
  }
  p.push(consentLine(consent, 'es'));
  return gendered(p.join('\n\n'), v.sex);
}

/** An insider's account of orders and the chain of command (the source of the operations order). */
export function insiderStatement(names: {
  director: string;
  chief7: string;
  alias7?: string;
  doec?: string;
}): string {
  return [
    'Trabajé como funcionario administrativo en la Dirección General de Contrainteligencia Ficticia entre 2015 y 2018. Pido que no se revele mi identidad.',
    `Las órdenes de detener a militares y dirigentes no se improvisaban: llegaban por escrito, con listas de nombres, desde la dirección general. Hasta marzo de 2017 las firmaba el director general, ${names.director}; desde abril de 2017, con el plan «Escudo», la Dirección Regional 7 pasó a depender del Servicio Ficticio de Inteligencia Nacional y las órdenes venían de allí.`,
    `El jefe de la Dirección Regional 7, ${names.chief7}, revisaba cada mañana la lista de detenidos y los resultados de los interrogatorios.${names.alias7 ? ` El funcionario al que llamaban «${names.alias7}» dirigía los interrogatorios en la sede de Boleíta; todos sabían lo que pasaba allí.` : ''}`,
    'Vi la Orden de Operaciones N.º 17 del plan «Escudo», que ordenaba «neutralizar» a los promotores de las protestas en los municipios señalados y coordinar con la Guardia las detenciones masivas. Entregué una copia a la organización.',
    'Autorizo que esta declaración se comparta con tribunales y mecanismos internacionales, sin hacerse pública y sin mi nombre.',
  ].join('\n\n');
}

/** An anonymous neighbour's account of a killing during a police raid (received online, in English). */
export function raidWitnessStatement(story: Story, unit: UnitInfo): string {
  const d = longDate(story.event.date, 'en');
  return [
    `I am writing from an account I created for this. On ${d}, around five in the morning, men in black balaclavas with ${unit.acronym} insignia came into our street in ${cityOf(story.event.muni)}. They were going house by house.`,
    'They went into my neighbour’s house and we heard his mother shouting that he was asleep and had done nothing. Then we heard two shots. After a while they brought him out wrapped in a sheet and put him in a pick-up. Later they said on television that he had died "in a confrontation".',
    'Nobody in the street saw any weapon. His mother was told to stay quiet. I do not want to give my name because they come back.',
    'I only agree for this to be kept by the organisation for now.',
  ].join('\n\n');
}

/** A transcript of the panel's hearing, quoting the testimonies it heard. */
export function hearingTranscript(h: {
  title: string;
  date: string;
  panel: string[];
  turns: { speaker: string; testimonyRef?: string; lines: string[] }[];
}): string {
  const out = [`${h.title}`, `Fecha: ${longDate(h.date, 'es')}`, `Panel: ${h.panel.join('; ')}`, ''];
  for (const t of h.turns) {
    if (t.testimonyRef) out.push(`[Declaración relacionada con ${t.testimonyRef}]`);
    for (const l of t.lines) out.push(`${t.speaker}: ${l}`);
    out.push('');
  }
  out.push('(Transcripción ficticia del caso demostrativo.)');
  return out.join('\n');
}
