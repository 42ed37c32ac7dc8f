/**
 * Organizations and named buildings from the shape of their names, before persons are looked for:
 * a run of capitalized words that may be joined by "of the", "for", "de la", "para el"
 * ("Office of the UN High Commissioner for Human Rights", "Ministerio del Poder Popular para el
 * Servicio Penitenciario") holding a word organizations are named with ("Servicio", "Court",
 * "Council", "Sindicato"), with the opening words that are not part of it dropped ("Funcionarios
 * del", "The Prosecutor of the"). An acronym in brackets right after it ("(SEBIN)", "(Cofavic)")
 * becomes an alias: later bare mentions of it are the same organization.
 */

import { initialsOf } from './acronyms.js';
import {
  fold,
  GIVEN_NAMES,
  INSTITUTIONS_ALONE,
  KNOWN_ORGS,
  MONTHS,
  ORG_HEADS,
  ORG_TAILS,
  type OrgEntry,
  roleOfWord,
  SPANISH_ARTICLES,
  STOP_CAPS,
  wordSet as set,
  TITLES,
  WEEKDAYS,
} from './lexicon.js';
import { lookupPlace, type PlaceEntry } from './places.js';
import type { Token } from './tokens.js';
import { isDemonym, isLanguageName } from './world.js';
import { lookupTown } from './world-cities.js';

/** Lower-case words that may join the words of one name. */
const CONNECTORS = set(
  'of the for on and de del la las los y e para el por contra against to in en con sobre lo da das dos do des du',
);

/**
 * Connectors that join an organization's words only ("Coalición por la Libertad", "Tribunal … en
 * Funciones de Control con Competencia en Terrorismo", "Misión … sobre Venezuela", Portuguese and
 * French "Núcleo de Preservação da Memória", "Ligue des Droits"), never a person's ("… por el
 * Tribunal", "Lula da Silva").
 */
const ORG_ONLY_CONNECTORS = set('por contra against to in en con sobre lo da das dos do des du');

/** The place the gazetteers know of one to three words opening at tokens[k], if any. */
const placesAt = (tokens: readonly Token[], k: number) =>
  [1, 2, 3]
    .filter((n) => k + n <= tokens.length)
    .map((n) =>
      lookupPlace(
        tokens
          .slice(k, k + n)
          .map((t) => t.text)
          .join(' '),
      ),
    );

/** Whether a place the gazetteers know opens at tokens[k] ("Puerto Ordaz", "The Hague"). */
const placeAt = (tokens: readonly Token[], k: number) => placesAt(tokens, k).some((p) => p !== undefined);

/**
 * Whether the capitalized words at tokens[k] end the name and say where it sits: one or two of them
 * with no name word or connector joined after, that are a town of the world list ("en Cobán", "in
 * Celle") or, in English, any such words ("in Adliya": English names go on after "in" only for a
 * country, below). Spanish names go on through "en" ("… con Competencia en Delitos Económicos").
 */
const sitsAt = (text: string, tokens: readonly Token[], k: number) => {
  for (const n of [1, 2]) {
    const words = tokens.slice(k, k + n);
    if (words.length < n || !words.every((t) => t.cap) || (n === 2 && !joined(text, words[0]!, words[1]!)))
      return false;
    const after = tokens[k + n];
    // "… Defence Force in Mbabane on 29 June": a joiner before a number (a date) goes on with no name;
    // "… of the Philippines in Diliman and a volunteer": nor before a lower-case word.
    if (after && joined(text, words[n - 1]!, after) && (after.cap || joinsName(tokens, k + n))) continue;
    return tokens[k - 1]?.norm === 'in' || lookupTown(words.map((t) => t.text).join(' ')) !== undefined;
  }
  return false;
};

/**
 * Whether the joiners at tokens[k] ("of the", "y de la") lead to a capitalized word that goes on
 * with the name ("… in Celle of the Land …"); not to a number or a lower-case word ("in Diliman and
 * a volunteer").
 */
/** A connector written in lower case ("de", "for", "y"): a name's joint, not a word of it. */
const lowerConnector = (t: Token) => CONNECTORS.has(t.norm) && !t.cap;

const joinsName = (tokens: readonly Token[], k: number) => {
  let r = k;
  while (r < k + 3 && tokens[r] && lowerConnector(tokens[r]!)) r++;
  return r > k && tokens[r]?.cap === true;
};

/** Whether a country opens at tokens[k] ("Colombia", "Sudán del Sur"). */
const countryAt = (tokens: readonly Token[], k: number) =>
  placesAt(tokens, k).some((p) => p?.kind === 'country');

/** Bodies named after the country they work in ("Mission in Colombia", "Comisión … en Sudán del Sur"). */
const MANDATE = set('mission mision commission comision office oficina representation representacion');

/**
 * "Lawyers for Justice in Libya", "Comité Público contra la Tortura en Israel": a body named for a
 * cause goes on with the country it works in (rounds 12–19: 2 cut names, 2 rounds).
 */
const PURPOSE = set('for para contra against');

/**
 * "Fundación para los Derechos Humanos en Cuba", "Red … de Defensoras de Derechos Humanos en Honduras",
 * "… Centre for Human Rights in Sudan": a body for human rights in a country is named after it.
 */
const rightsIn = (tokens: readonly Token[], j: number) =>
  (tokens[j - 1]?.norm === 'derechos' && tokens[j]?.norm === 'humanos') ||
  (tokens[j - 1]?.norm === 'human' && tokens[j]?.norm === 'rights');

/** "… Court in The Hague", "la Fiscalía en Caracas": before an article or a place, where it sits. */
const WHERE = set('in en con');

/** Connectors that may join two names rather than the words of one ("Foro Penal and Provea"). */
const AND = set('and y e');
const OF = set('of de del');
/** Prepositions by what they mean: "de"/"del"/"of" are one, "to"/"a"/"al" another, "for"/"para" a third. */
const PREPOSITION_OF: ReadonlyMap<string, string> = new Map(
  [...OF]
    .map((w) => [w, 'of'] as [string, string])
    .concat(
      ['to', 'a', 'al'].map((w) => [w, 'to']),
      ['for', 'para'].map((w) => [w, 'for']),
    ),
);

/**
 * English bodies' words: "Dhaka Rights Desk", "Media Defence Clinic", "Sha Tin Magistrates' Courts"
 * (rules alone, rounds 20–58: 18 misses in 15 rounds; "Law Courts" is a building, see nameSpan).
 */
const ENGLISH_BODY_WORDS = set('desk clinic courts');

/**
 * "Andaman Labour Archive", "Internet Archive" (rounds 8–58: 15 misses in 14 rounds): an archive that
 * records, holds or publishes is a body; not in a masthead written in capitals ("HARBOUR VOICES ARCHIVE —
 * TESTIMONY TRANSCRIPT": chrome, GUIDE D15; 6 such lines in rounds 9–53).
 */
const isArchiveWord = (t: Token) => t.norm === 'archive' && t.text !== t.text.toUpperCase();

/** Words organizations are named with (anywhere in the name), beyond the heads and tails of lexicon.ts. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  ...ORG_HEADS,
  ...ORG_TAILS,
  ...ENGLISH_BODY_WORDS,
  ...set(`service services court council commission committee union mission office agency corporation
    coalition network foundation institute observatory tribunal assembly army navy police guard party
    ministry department herald times tribune journal asamblea corporacion coalicion oficina contraloria
    camara sindicato servicio consejo organization organisation organizacion organizaciones alliance alianza
    federation federacion front frente movement movimiento programme program programa fund fondo bank banco
    association asociacion group grupo company compania empresa corporation agencia observatorio circuito
    centro center centre program
    parlamento parliament congreso congress senado senate poder delegacion delegation consulado consulate
    bureau authority administration administracion laboratorio laboratory lab equipo militia milicia
    battalion batallon centros sala
    units unit forces force division brigade corps mechanism mecanismo league liga directorate chamber
    section seccion
    department institution institucion initiative club trust forum patrol church iglesia government
    judiciary treasury secretariat audiencia generalitat diputacion universitat diocesis diocese
    organismo cancilleria gendarmeria procuraduria carabineros academy academia
    tv radio revista daily ledger courier gazette gaceta semanario
    fm news television gazeta noticias cartel regiment regimiento squadron escuadron
    unidad departamento monitor observer express post collective colectivo
    project command rifles agencies
    team board archives constabulary
    platform plataforma faculty facultad syndicate subcomision
    subcommittee junta destacamento concejo squad headquarters brotherhood hermandad legislature legislatura
    jurisdiccion federaciones brigadas brigades coordinadora
`),
]);

/**
 * Whether a token is a word organizations are named with. "Secretaría", "Subsecretaría" (the office)
 * fold to "secretaria" (the woman who holds one, a title): only the accented spelling is the body.
 */
export const isOrgWord = (t: Token) =>
  ORG_WORDS.has(t.norm) || isArchiveWord(t) || (/^(?:sub)?secretaria$/.test(t.norm) && /[íÍ]a$/.test(t.text));

/** Words that qualify a title ("Alto Comisionado", "Deputy High Commissioner", "Fiscal General"). */
export const TITLE_QUALIFIERS = set(
  'alto alta high deputy adjunto adjunta especial special general principal',
);

/**
 * Opening words of a run that are never part of the organization's name; with the labels of an
 * encyclopedia's summary table, which the text gives on the value's line ("Responsables Ejército
 * Nacional", "Belligerents Papua New Guinea Defence Force": rounds 12–19, 4 in 3 rounds).
 */
const LEAD = set(`president presidente presidenta former ex vice jefe chief head members miembros agents
  agentes officers efectivos member responsables perpetradores perpetrators belligerents beligerantes`);

/** Names of buildings and detention places ("Palacio de Justicia", "Miraflores Palace"). */
const PLACE_FIRST = set('palacio palace plaza carcel reten internado');
const PLACE_LAST = set('palace prison square');
/**
 * "Parliament Road", "Parliament Buildings", "Government House on Rustaveli Avenue": a street or a
 * building closing the run is where, not who (rounds 14, 20, 28, 42, 44: 7 extras; no annotated
 * organization of rounds 1–44 ends so).
 */
const STREET_LAST = set('road street avenue boulevard blvd lane buildings gardens highway');
const DETENTION_SITE = set('centre center centres centers facility camp');
const RULED_BY = set('government gobierno administration administracion regime regimen cabinet gabinete');
/** Words a country's formal name wraps it in ("the Kingdom of Saudi Arabia", "República de Chile"). */
const STATE_WORDS = set('republic republica kingdom reino state estado federal democratic democratica');
/** A government's level ('the Federal Government', 'el Gobierno Nacional'). */
const STATE_LEVELS = set('federal national nacional central state estatal regional provincial');
/** "International Day of …", "Día Mundial de …": a day observed. */
const DAY_WORDS = set('day dia');
const OBSERVED = set('international internacional world mundial national nacional');
const PRISON_FIRST = set('unidad comunidad complejo establecimiento');
const CENTRE_OF = set(
  'arrestos penitenciario detencion reclusion coordinacion comercial penal readaptacion reinsercion confinamiento cumplimiento procesados',
);

export interface NamedSpan {
  kind: 'organization' | 'place';
  first: number;
  last: number;
  value: string;
  unitKind?: string;
  place?: PlaceEntry;
  /**
   * A known body closing the name of one of its organs ("Comité de Derechos Humanos de la ONU",
   * "Human Rights Council of the UN"): written so, the body is the organ's owner, not named on its
   * own (it is when the text names it alone).
   */
  owner?: boolean;
  /**
   * A person's office at a body ("Relatora Especial" de la ONU): its words are no person's name and
   * no organization (see officeOwners).
   */
  office?: boolean;
  /** The bracketed acronym after it, as token indices. */
  acronym?: { first: number; last: number; text: string };
}

export const orgKey = (words: readonly string[]) =>
  words
    .map(fold)
    .join(' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function guessUnitKind(key: string): string {
  if (/inteligencia|intelligence/.test(key))
    return /militar|military/.test(key) ? 'military_intelligence' : 'intelligence_service';
  if (/guardia|guard/.test(key)) return 'national_guard';
  if (/polic/.test(key)) return 'police';
  if (/tribunal|juzgado|corte|court/.test(key)) return 'judiciary';
  if (/fiscal|prosecut|ministerio publico/.test(key)) return 'prosecution';
  if (/ministerio|ministry/.test(key)) return 'ministry';
  if (/ejercito|armada|army|navy|batallon|brigada|comando|fuerza armada/.test(key)) return 'military';
  if (/penitenciari|prison|carcel/.test(key)) return 'prison_service';
  return 'other';
}

const joined = (text: string, a: Token, b: Token) =>
  text.slice(a.end, b.start) === ' ' ||
  (possessiveInName(a) && /^['’]s $/.test(text.slice(a.end, b.start))) ||
  // "N° 1", "No. 3", "Nº 17"
  (NUMBER_WORD.has(a.norm) && /^\d/.test(b.text) && /^[°º.]{1,2} ?$/.test(text.slice(a.end, b.start)));

/** Possessors that belong to an office's name ("Attorney General's Office", "People's Liberation Front"). */
const NAME_POSSESSORS = set('people peoples women children workers ombudsman defender coroner');

/**
 * "Attorney General's Office", "the Ombudsman's Office", "Tigray People's Liberation Front": a title or
 * a people named in the possessive is part of the name that follows it; a country or an
 * organization in the possessive is not ("Bangladesh's International Crimes Tribunal").
 */
const possessiveInName = (t: Token) => t.cap && (TITLES.has(t.norm) || NAME_POSSESSORS.has(t.norm));
const isNameWord = (t: Token) => t.cap || /^\d{1,2}$/.test(t.text) || isOrdinal(t);

/**
 * Numbers that rank a court or a unit inside its name ("Ankara 22nd Criminal Court", "Juzgado … de
 * 2.º Turno", "Batallón 3-16", "Branch 227", "1.er Turno").
 */
const isOrdinal = (t: Token) =>
  // "1508th Provincial Mobile Group": an English unit's rank may run to four digits.
  /^(?:\d{1,3}(?:st|nd|rd|th|\.?[ºª°]|\.(?:er|a|o))|\d{4}(?:st|nd|rd|th))$/i.test(t.text) ||
  /^\d{1,3}-\d{1,3}$/.test(t.text);

/**
 * "número 17", "N° 1", "No. 3", "n.º 7": the word that numbers a court or a unit, before its number
 * ("n.º", the Spanish style guide's abbreviation: 4 names cut short in rounds 21, 23, 32).
 */
const NUMBER_WORD = set('numero nro no n num nº n.º n.°');

/** Joiners inside one organization's name: "a"/"al"/"sin"/"without" and "o"/"or". */
const INNER = set('a al sin without o or');

/**
 * "Servicio Jesuita a Refugiados", "Comisión … de Ayuda al Refugiado", "Working Group on Enforced or
 * Involuntary Disappearances": tokens[j + 1] is such a joiner inside the name begun at tokens[i] when
 * the name so far holds an organization's word, the word before it is none ("el Ejército o la
 * Policía", "Army or Police" are two), and the capitalized word after it is no organization's word,
 * given name or place ("la Fiscalía a Juan", "la Comisión a Venezuela"). A lower-case article after
 * "a" stays inside the name too ("Comisión para el Acceso a la Verdad", "Centro de Atención a las
 * Víctimas"; a capitalized one opens a place: "Batallón Atlacatl a El Mozote"). How many tokens the
 * joiner takes (0: none).
 */
function innerJoiner(tokens: readonly Token[], i: number, j: number): number {
  const c = tokens[j + 1];
  const art = tokens[j + 2];
  const skip = c?.norm === 'a' && art && !art.cap && ['la', 'las', 'los'].includes(art.norm) ? 1 : 0;
  const w = tokens[j + 2 + skip];
  const inner =
    c !== undefined &&
    w !== undefined &&
    !c.cap &&
    INNER.has(c.norm) &&
    w.cap &&
    !BARE_ARTICLES.has(w.norm) &&
    !isOrgWord(tokens[j]!) &&
    !isOrgWord(w) &&
    !GIVEN_NAMES.has(w.norm) &&
    !TITLES.has(w.norm) &&
    lookupPlace(w.text) === undefined &&
    tokens.slice(i, j + 1).some((t) => isOrgWord(t));
  return inner ? 2 + skip : 0;
}

/**
 * "Asociación de Familiares de Víctimas del 15 de Diciembre", "Alcaldía Indígena de los 48 Cantones":
 * a day and its month, or a number and a capitalized word, after the joiners of a name that holds an
 * organization's word go on with it. The name's new last token, or 0.
 */
function numberInName(text: string, tokens: readonly Token[], i: number, j: number, m: number): number {
  const n = tokens[m]!;
  const w = tokens[m + 1];
  if (!/^\d{1,2}$/.test(n.text) || !w || !joined(text, n, w)) return 0;
  // After "de"/"del"/"of the" only: "la Fiscalía el 15 de Diciembre" is when it acted.
  if (!tokens.slice(j + 1, m).some((t) => OF.has(t.norm))) return 0;
  if (!tokens.slice(i, j + 1).some((t) => isOrgWord(t))) return 0;
  const month = tokens[m + 2];
  if (w.norm === 'de' && month?.cap && MONTHS.has(month.norm) && joined(text, w, month)) return m + 2;
  return w.cap && !MONTHS.has(w.norm) ? m + 1 : 0;
}

/** "27 Batallón de Infantería", "94th Infantry Battalion": a number opening a unit's or a court's name. */
const numberOpens = (text: string, tokens: readonly Token[], i: number) => {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return (
    next?.cap === true &&
    // English ranks with an ordinal ("94th Infantry"; "40 Police officers" is a count), Spanish
    // units with a bare number too ("27 Batallón").
    // "the 7th Airborne Brigade", "64th Separate Motor Rifle Brigade": up to three qualifying words may come first.
    ((isOrdinal(t) &&
      [1, 2, 3, 4].some(
        (k) => NUMBERED.has(tokens[i + k]?.norm ?? '') && tokens.slice(i + 1, i + k + 1).every((w) => w.cap),
      )) ||
      (/^\d{1,3}$/.test(t.text) && (NUMBERED_BARE.has(next.norm) || NUMBERED_BARE_EN.has(next.text)))) &&
    joined(text, t, next)
  );
};

/** Spanish units a bare number opens ("27 Batallón de Infantería", "3 Brigada"). */
const NUMBERED_BARE = set('batallon brigada regimiento escuadron');
/**
 * "2 Brigade", "59 Division": the British and Commonwealth way of numbering a unit, a bare number before its
 * capitalised singular head (a count is plural: "3 brigades"). 7 unit names missed in 6 rounds (18–77) at stop 49.
 */
const NUMBERED_BARE_EN = new Set(['Brigade', 'Division', 'Battalion', 'Regiment']);

/** Heads of units and courts a number may open ("27 Batallón de Infantería", "94th Infantry Battalion"). */
const NUMBERED = set(`batallon brigada regimiento division compania escuadron comando zona juzgado tribunal
  battalion brigade regiment division company squadron command infantry mobile court group corps fleet
  army front cavalry`);

/**
 * "KontraS", "CiberCuba", "elPeriódico", "ZimLive": one word with a capital after a small letter is
 * a brand's spelling — an outlet's, a group's, a company's — never a person's or a place's, save the
 * surnames written so ("McDonald", "MacArthur", "DiCaprio", "LeBlanc", "DeSantis") and platforms.
 */
/** The last text's encyclopedia names (see encyclopediaNames): one text is read many times over. */
let encyclopedias: { text: string; names: Set<string> } = { text: '', names: new Set() };

/**
 * "From OpenWiki, the free encyclopedia", "Masacre de Ponce - WikiMemoria, la enciclopedia libre": the
 * name a page calls an encyclopedia is the site it was copied from, not a body the text speaks of
 * (rounds 8–44: 13 extras in 11 rounds, never annotated).
 */
function encyclopediaNames(text: string): Set<string> {
  if (encyclopedias.text !== text) {
    const names = new Set<string>();
    // Callers ask of many texts in turn; the full pattern is slow, so only a text naming one is scanned.
    if (/enc[iy]clop/i.test(text))
      for (const m of text.matchAll(
        /(\p{Lu}[\p{L}\p{N}]+)\s*(?:,|[·—–-])\s*(?:the free encyclopedia|la enciclopedia (?:libre|abierta))/giu,
      ))
        names.add(m[1]!);
    encyclopedias = { text, names };
  }
  return encyclopedias.names;
}

const isBrandWord = (t: Token, text?: string) =>
  // The word's own shape first: it rules out nearly every token before the text is consulted.
  /^\p{L}[\p{Ll}\p{M}]*\p{Ll}\p{Lu}[\p{L}\p{M}]*$/u.test(t.text) &&
  !/^(?:Ma?c|O|D[aei]|D[eu]|L[ae]|Van|Von|St)\p{Lu}/u.test(t.text) &&
  !PLATFORMS.has(t.norm) &&
  // "lugarEl", "procesadosLeopoldo": two words a page's markup glued; a brand opening in lower case
  // does so with an article or a letter ("elPeriódico", "eNCA").
  !/^\p{Ll}{3}/u.test(t.text) &&
  !/^(?:linkedin|paypal|iphone|ipad|ios|imessage|facetime|wechat|openai|chatgpt)$/.test(t.norm) &&
  // "@EfectoCocuyo", "#ForoPenal": a handle or a hashtag is no name as written.
  (text === undefined || (!/[@#]/.test(text.charAt(t.start - 1)) && !encyclopediaNames(text).has(t.text)));

/** "Regiment 46", "Batallón de Aviación de Combate 601", "ECU 911": a number closing a unit's name. */
const numberCloses = (text: string, tokens: readonly Token[], i: number, j: number) => {
  const t = tokens[j]!;
  const n = tokens[j + 1];
  return (
    n !== undefined &&
    /^\d{1,4}$/.test(n.text) &&
    !/^(?:1[5-9]|20)\d\d$/.test(n.text) &&
    text.slice(t.end, n.start) === ' ' &&
    (tokens.slice(i, j + 1).some((w) => NUMBERED.has(w.norm) || NUMBERED_BARE.has(w.norm)) ||
      isAcronymToken(t)) &&
    // "Regiment 40 soldiers", "Batallón 30 efectivos": a count goes on with a plural noun.
    !/^ [\p{Ll}\p{M}]+s\b/u.test(text.slice(n.end, n.end + 30))
  );
};

/**
 * Plural nouns of people that open the names of victims' collectives and professional groups
 * ("Madres de Plaza de Mayo", "Familiares de Detenidos Desaparecidos", "Madres Buscadoras de X",
 * "Students Against Discrimination", "Lawyers for Human Rights").
 */
const WITHOUT = set('without sin sans');
const BORDERS = set('borders fronteras frontieres');

const PEOPLE =
  set(`madres padres familiares familias hijos hijas abuelas mujeres victimas buscadoras buscadores
  guerreros defensores defensoras periodistas abogados abogadas estudiantes medicos campesinos
  mothers fathers families relatives women victims lawyers doctors students journalists defenders
  veterans survivors sobrevivientes`);

/**
 * Whether tokens[first..last] is a group's name opened by such a noun: at least one more capitalized
 * word, none a given name ("Familiares de Juan Pérez" are kin) nor an organization's word, and not at a sentence's start unless
 * two more capitalized words follow (a sentence may open with "Familiares de Tipitapa").
 */
function groupOpens(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const head = tokens[first]!;
  // "Lawyers Without Borders", "Ingenieros Sin Fronteras", "Pharmaciens Sans Frontières": the plural
  // noun of this worldwide family of names is its first word, whatever the trade.
  if (
    head.cap &&
    last === first + 2 &&
    WITHOUT.has(tokens[first + 1]!.norm) &&
    BORDERS.has(tokens[last]!.norm)
  )
    return true;
  if (!head.cap || !PEOPLE.has(head.norm) || last <= first) return false;
  const more = tokens.slice(first + 1, last + 1).filter((t) => t.cap);
  // "Periodistas de El Nacional", "Abogados de … de la Fiscalía": members of another body.
  if (
    !more.length ||
    more.some(
      (t) => GIVEN_NAMES.has(t.norm) || isOrgWord(t) || KNOWN_ORGS.has(t.norm) || BARE_ARTICLES.has(t.norm),
    )
  )
    return false;
  const prev = tokens[first - 1];
  const opens = !prev || /[.!?:\n"“]/.test(text.slice(prev.end, head.start));
  return !opens || more.length >= 2;
}

/**
 * "el coronel retirado del Ejército Nacional Edgar Humberto Villamizar Rueda", "general del Ejército
 * Héctor Raúl Barrionuevo": after a rank and "del"/"of the", a given name and a surname closing the
 * run are the officer, not the force's name (institutions named after a person — "Centro … Miguel
 * Agustín Pro Juárez" — have no rank before them). The last token of the organization.
 */
export function rankedMemberCut(tokens: readonly Token[], a: number, b: number): number {
  let k = a + 1;
  while (k < b && !GIVEN_NAMES.has(tokens[k]!.norm)) k++;
  if (k >= b || !tokens.slice(a, k).some((t) => isOrgWord(t))) return b;
  if (tokens.slice(k, b + 1).some((t) => isOrgWord(t) || (!t.cap && !CONNECTORS.has(t.norm)))) return b;
  let p = a - 1;
  if (tokens[p] && !tokens[p]!.cap && BARE_ARTICLES.has(tokens[p]!.norm)) p--;
  if (!tokens[p] || !OF.has(tokens[p]!.norm) || tokens[p]!.cap) return b;
  for (let n = 0; n < 3 && --p >= 0 && !tokens[p]!.cap; n++)
    if (TITLES.has(tokens[p]!.norm) || roleOfWord(tokens[p]!.text) !== undefined) return k - 1;
  return b;
}

/** Organizations and named buildings of several words; single words are left to the name rules. */
export function namedSpans(text: string, tokens: readonly Token[]): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.cap && !numberOpens(text, tokens, i) && !isBrandWord(tokens[i]!, text)) continue;
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (!next || !joined(text, tokens[j]!, next)) break;
      if (isNameWord(next)) {
        j++;
        continue;
      }
      // "the Attorney General's office", "the Ombudsman's office": an office's holder in the possessive
      // and the word in lower case name the body (rounds 13, 17: 3; a person's office is no body's).
      if (next.norm === 'office' && possessiveInName(tokens[j]!)) {
        j++;
        break;
      }
      // "Juzgado de Instrucción número 17 de Madrid"
      const num = tokens[j + 2];
      if (NUMBER_WORD.has(next.norm) && num && /^\d{1,3}$/.test(num.text) && joined(text, next, num)) {
        j += 2;
        continue;
      }
      // "Unidad de Búsqueda de Personas dadas por Desaparecidas (UBPD)": see acronymCovers.
      const covered = acronymCovers(text, tokens, i, j);
      if (covered > j) {
        j = covered;
        break;
      }
      let m = j + 1;
      // "Servicio Jesuita a Refugiados", "Desapariciones Forzadas o Involuntarias": see innerJoiner.
      const inner = innerJoiner(tokens, i, j);
      if (inner && tokens.slice(j, j + inner).every((t, n) => joined(text, t, tokens[j + n + 1]!))) {
        j += inner;
        continue;
      }
      // "… y de los Pueblos", "… and of the Peoples": three joiners when "and of" opens them.
      const joiners = AND.has(tokens[j + 1]!.norm) && OF.has(tokens[j + 2]?.norm ?? '') ? 3 : 2;
      while (
        m < tokens.length &&
        m - j <= joiners &&
        lowerConnector(tokens[m]!) &&
        // "Human Rights Watch en Twitter": where it posted, not its name.
        !(WHERE.has(tokens[m]!.norm) && PLATFORMS.has(tokens[m + 1]?.norm ?? '')) &&
        // "… Court in The Hague", "Regional Trial Court in Bacolod": "in" before a place, or before
        // the last words of the run, is where the organization sits — unless a mission or commission is named after
        // the country it works in ("Verification Mission in Colombia", "Misión … en Ucrania").
        !(
          WHERE.has(tokens[m]!.norm) &&
          (['the', 'el', 'la', 'los', 'las'].includes(tokens[m + 1]?.norm ?? '') ||
            ((placeAt(tokens, m + 1) || sitsAt(text, tokens, m + 1)) &&
              !(
                countryAt(tokens, m + 1) &&
                (tokens.slice(i, j + 1).some((t) => MANDATE.has(t.norm) || (PURPOSE.has(t.norm) && !t.cap)) ||
                  rightsIn(tokens, j))
              ) &&
              !acronymThroughPlace(text, tokens, i, m + 1)))
        ) &&
        (!ORG_ONLY_CONNECTORS.has(tokens[m]!.norm) ||
          tokens.slice(i, j + 1).some((t) => isOrgWord(t)) ||
          groupOpens(text, tokens, i, j + 1)) &&
        joined(text, tokens[m - 1]!, tokens[m]!)
      )
        m++;
      // "Policía del estado Mérida", "Cuerpo de Bomberos del estado Bolívar": a Venezuelan or Mexican
      // state written "estado" in lower case before its name goes on in the body's name (GUIDE §6).
      const state = tokens[m + 1];
      if (
        tokens[m]?.norm === 'estado' &&
        !tokens[m]!.cap &&
        tokens[m - 1]!.norm === 'del' &&
        state?.cap &&
        joined(text, tokens[m - 1]!, tokens[m]!) &&
        joined(text, tokens[m]!, state) &&
        lookupPlace(state.text) !== undefined &&
        tokens.slice(i, j + 1).some((t) => isOrgWord(t))
      ) {
        j = m + 1;
        continue;
      }
      // "… de 3.er Turno": a ranking number goes on like a name word after a connector.
      // "the Human Rights Commission on Monday", "the Court in March": a weekday, or a month after English "on"/"in",
      // is when, never the name's next word (the whole run was dropped).
      const when =
        tokens[m] !== undefined &&
        (WEEKDAYS.has(tokens[m]!.norm) ||
          (MONTHS.has(tokens[m]!.norm) && ['on', 'in'].includes(tokens[m - 1]!.norm)));
      const goesOn = tokens[m] !== undefined && !when && (tokens[m]!.cap || isOrdinal(tokens[m]!));
      const joinedOn = m > j + 1 && tokens[m] !== undefined && joined(text, tokens[m - 1]!, tokens[m]!);
      const numbered = joinedOn && !goesOn ? numberInName(text, tokens, i, j, m) : 0;
      if (joinedOn && goesOn) j = m;
      else if (numbered) j = numbered;
      else break;
    }
    j = listTail(text, tokens, i, j);
    if (tokens.slice(i, j + 1).some((t) => isOrgWord(t)) && numberCloses(text, tokens, i, j)) j++;
    let last = j;
    const first0 = spanStart(text, tokens, i, last);
    i = last;
    if (first0 === undefined) continue;
    const first = first0;
    last = capsSeatCut(tokens, first, last);
    const cut = chamberCut(tokens, first, last);
    const whole = abbreviatedFrom(text, tokens, first, last);
    const named: ReturnType<typeof splitNames> =
      whole >= 0
        ? [
            ...(whole > first ? splitNames(tokens, first, nameEndBefore(tokens, first, whole)) : []),
            [whole, last],
          ]
        : cut
          ? [...splitNames(tokens, first, cut[0]), ...splitNames(tokens, cut[1], last)]
          : splitNames(tokens, first, last);
    const before = out.length;
    for (const [a0, b0, owner, coordinated] of named) {
      const b = rankedMemberCut(tokens, a0, b0);
      const press = pressOfficeOf(tokens, a0, b);
      // The press office's words are taken, so that no later reader names them a body.
      if (press !== a0)
        out.push({
          kind: 'organization',
          first: a0,
          last: press < 0 ? b : press - 1,
          value: '',
          office: true,
        });
      if (press < 0) continue;
      const a = press;
      const n =
        nameSpan(text, tokens, a, b) ?? (coordinated ? coordinatedName(text, tokens, a, b) : undefined);
      if (n && owner) n.owner = true;
      if (n && n.kind === 'organization' && STREET_LAST.has(tokens[n.last]!.norm)) continue;
      if (n && n.kind === 'organization' && chatOnPlatform(tokens, n.first, n.last)) continue;
      if (n && n.kind === 'organization' && highPlace(tokens, n.first, n.last)) continue;
      if (n) out.push(kindNounCut(tokens, n));
      // "del Ejército y de la Policía provincial": a state's body named by one word, split from a
      // second name, is that body (as it is alone: lexicon.ts INSTITUTIONS_ALONE).
      else if (a === b && named.length > 1 && tokens[a]!.cap && INSTITUTIONS_ALONE.has(tokens[a]!.norm))
        out.push({
          kind: 'organization',
          first: a,
          last: a,
          value: tokens[a]!.text,
          unitKind: guessUnitKind(tokens[a]!.norm),
        });
      // "reported by NorteLibre on Monday": a brand's word is a name by itself.
      else if (isBrandWord(tokens[a]!, text))
        out.push({ kind: 'organization', first: a, last: a, value: tokens[a]!.text, unitKind: 'other' });
    }
    if (cut && whole < 0) chamberOfCourt(out.slice(before), cut);
  }
  return officeOwners(tokens, firmNames(text, tokens, out));
}

/**
 * "Yuen & Partners", "Halvorsen & Pike", "Keenan & Devlin", "Faber & Faber": two capitalized words joined
 * by "&" are a firm's name — a law firm's, a publisher's (rounds 11, 35, 51, 57: 4 misses in 4 rounds) —
 * unless either is a place ("Trinidad & Tobago") or the second a given name ("Ana & Juan": two persons), or the words run on
 * with more capitalized words on either side. Added where no other name covers them.
 */
function firmNames(text: string, tokens: readonly Token[], out: NamedSpan[]): NamedSpan[] {
  if (!text.includes(' & ')) return out;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    if (text.slice(a.end, b.start) !== ' & ' || !a.cap || !b.cap || isAcronymToken(a) || isAcronymToken(b))
      continue;
    const before = tokens[k - 1];
    const after = tokens[k + 2];
    // Inside a longer run of capitals ("Sheikh Ali & Sons Trading Company"): not two words alone.
    if (before?.cap && text.slice(before.end, a.start) === ' ') continue;
    if (after?.cap && text.slice(b.end, after.start) === ' ') continue;
    if (
      GIVEN_NAMES.has(b.norm) ||
      [a, b].some((t) => lookupPlace(t.text) !== undefined || STOP_CAPS.has(t.norm) || MONTHS.has(t.norm))
    )
      continue;
    // "Kappes, Cassiday & Associates": one more partner's name before a comma is the firm's.
    const c = tokens[k - 1];
    const d = tokens[k - 2];
    const first =
      c?.cap &&
      text.slice(c.end, a.start) === ', ' &&
      !(d?.cap && text.slice(d.end, c.start) === ' ') &&
      !GIVEN_NAMES.has(c.norm) &&
      !STOP_CAPS.has(c.norm) &&
      lookupPlace(c.text) === undefined
        ? k - 1
        : k;
    if (out.some((n) => n.first <= k + 1 && first <= n.last)) continue;
    out.push({
      kind: 'organization',
      first,
      last: k + 1,
      value: text.slice(tokens[first]!.start, b.end),
      unitKind: 'other',
    });
  }
  return out;
}

/** A person's office at a body: its head word, and the words written with it. */
const OFFICE_HEADS = set(
  'relator relatora relatores relatoras rapporteur rapporteurs comisionado comisionada commissioner secretary-general enviado enviada envoy',
);
const OFFICE_WORDS = set('alto alta high special especial secretario secretaria secretary general');
/** "… para los Refugiados", "… for Refugees": the High Commissioner is then the refugee agency. */
const AGENCY_AFTER = set('refugiados refugees');
const OF_OR_ARTICLE = set('de del la las of the');

/**
 * "la Relatora Especial de la ONU", "el Alto Comisionado de la ONU", "the UN Special Rapporteur on
 * Iran", "United Nations Secretary-General Kofi Annan": a person's office at a known body names the
 * body on its own — the office is a person's title, no organization, so the body owns no organ here
 * (annotated so in 19 misses of rounds 1–54, both languages: 3, 4, 5, 6, 8, 15, 22, 35, 39, 42, 44,
 * 49, 53, 54). The body replaces the span of the office, or is added when the office gave none;
 * never inside a longer body's name ("Office of the UN High Commissioner …").
 */
function officeOwners(tokens: readonly Token[], out: NamedSpan[]): NamedSpan[] {
  const isOffice = (t: Token) => t.cap && (OFFICE_HEADS.has(t.norm) || OFFICE_WORDS.has(t.norm));
  const officeRun = (a: number, b: number) =>
    a <= b &&
    tokens.slice(a, b + 1).every(isOffice) &&
    tokens.slice(a, b + 1).some((t) => OFFICE_HEADS.has(t.norm));
  const agencyAfter = (k: number) => tokens.slice(k, k + 5).some((t) => AGENCY_AFTER.has(t.norm));
  for (let k = 0; k < tokens.length; k++) {
    if (!tokens[k]!.cap) continue;
    for (let e = Math.min(tokens.length - 1, k + 3); e >= k; e--) {
      const known = knownAt(tokens, k, e);
      if (!known) continue;
      // Spanish: the office, then "de la"/"de las"/"del" before the body.
      let o = k - 1;
      while (o > k - 3 && o >= 0 && lowerConnector(tokens[o]!) && OF_OR_ARTICLE.has(tokens[o]!.norm)) o--;
      let s = o;
      while (s > o - 4 && s >= 0 && isOffice(tokens[s]!)) s--;
      const before = o < k - 1 && officeRun(s + 1, o) ? s + 1 : -1;
      // English: the body, then the office ("UN Special Rapporteur").
      let f = e + 1;
      while (f < e + 4 && tokens[f] && isOffice(tokens[f]!)) f++;
      const after = officeRun(e + 1, f - 1) ? f - 1 : -1;
      if ((before < 0 && after < 0) || agencyAfter(after >= 0 ? after + 1 : e + 1)) break;
      const from = before >= 0 ? before : k;
      const to = after >= 0 ? after : e;
      if (out.some((n) => n.first < from && n.last >= from)) break;
      for (let x = out.length - 1; x >= 0; x--)
        if (out[x]!.first >= from && out[x]!.first <= to) out.splice(x, 1);
      out.push({ kind: 'organization', first: k, last: e, value: known.name, unitKind: known.unitKind });
      const [o1, o2] = before >= 0 ? [before, o] : [e + 1, after];
      out.push({ kind: 'organization', first: o1, last: o2, value: '', office: true });
      break;
    }
  }
  return out.sort((x, y) => x.first - y.first);
}

/**
 * "la ONG Foro Penal", "the NGO Caminando Fronteras": the kind of body written in capitals before the
 * name says what it is and is no part of it (no annotated name of rounds 1–44 opens with it; 4 extras
 * in rounds 6, 12, 39).
 */
function kindNounCut(tokens: readonly Token[], n: NamedSpan): NamedSpan {
  if (n.last <= n.first || !/^(?:ONG|NGO)$/.test(tokens[n.first]!.text)) return n;
  // "the NGO Forum": a body's word alone after it is the name's own word.
  if (n.last === n.first + 1 && isOrgWord(tokens[n.last]!)) return n;
  return { ...n, first: n.first + 1, value: n.value.replace(/^(?:ONG|NGO)\s+/, '') };
}

/**
 * "International Truth and Justice Project (ITJP)", "Human Rights Watch and the International Truth
 * and Justice Project (ITJP)": a bracketed acronym after the run that is the initials of the words
 * from a capitalized one to the end, "and" among them, says those words are one name (rounds 7, 13).
 * Where that name opens, or -1.
 */
function abbreviatedFrom(text: string, tokens: readonly Token[], first: number, last: number): number {
  const b = /^\s*\(([A-ZÁÉÍÓÚÑ]{3,8})\)/u.exec(text.slice(tokens[last]!.end));
  if (!b) return -1;
  for (let s = first; s < last; s++) {
    if (!tokens[s]!.cap || (s > first && !lowerConnector(tokens[s - 1]!))) continue;
    if (!tokens.slice(s, last + 1).some((t) => AND.has(t.norm) && !t.cap)) return -1;
    if (initialsOf(text.slice(tokens[s]!.start, tokens[last]!.end)).includes(fold(b[1]!))) return s;
  }
  return -1;
}

/**
 * "la Policía Nacional y los Cobras", "la Comisión Interamericana de Derechos Humanos y el Estado": "y"
 * and an article go on inside a name only after a complement opened by an article ("Movimiento por la Paz
 * y la Justicia", "Fundación para la Justicia y el Estado Democrático de Derecho", "de la Verdad, la
 * Convivencia y la No Repetición"); after a name of its own they join two (extras in rounds 28, 41, 50).
 */
function andArticleEnds(tokens: readonly Token[], i: number, j: number): boolean {
  const y = tokens[j + 1];
  const article = tokens[j + 2];
  if (!y || !article || y.cap || (y.norm !== 'y' && y.norm !== 'e')) return false;
  if (article.cap || !SPANISH_ARTICLES.has(article.norm)) return false;
  for (let k = j; k > i; k--) {
    const t = tokens[k]!;
    if (t.cap) continue;
    return !(SPANISH_ARTICLES.has(t.norm) || t.norm === 'del' || t.norm === 'al');
  }
  return true;
}

/**
 * "Comité de Familiares de Detenidos Desaparecidos en Honduras (COFADEH)", "Fuerzas Unidas por Nuestros
 * Desaparecidos en Coahuila (FUUNDEC)": a bracketed acronym right after the place, opening with the name's
 * initial and ending with the place's, says the place is the name's last word, not where the body sits
 * (cut at "en" in rounds 16, 18, 23, 28, 50).
 */
function acronymThroughPlace(text: string, tokens: readonly Token[], i: number, p: number): boolean {
  let e = p;
  while (tokens[e + 1]?.cap && joined(text, tokens[e]!, tokens[e + 1]!)) e++;
  if (!tokens[p]?.cap || e - p > 3) return false;
  const b = /^\s*\(([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ]{2,8})\)/u.exec(text.slice(tokens[e]!.end, tokens[e]!.end + 14));
  if (!b) return false;
  const acr = fold(b[1]!);
  // The run may open with a capitalized article ("El Comité …").
  const opens = BARE_ARTICLES.has(tokens[i]!.norm) ? tokens[i + 1] : tokens[i];
  return !!opens && acr[0] === fold(opens.text[0]!) && acr.at(-1) === fold(tokens[p]!.text[0]!);
}

/**
 * "Unidad de Búsqueda de Personas dadas por Desaparecidas (UBPD)": lower-case words that are no
 * joiners (up to three) go on inside a name begun at tokens[i] when the words after them reach a
 * bracketed acronym that is the initials of the name's capitalized words, the lower-case ones
 * skipped (rounds 2, 10, 11, 13, 38, 41 cut it at "dadas"). The name's new last token, or `j`.
 */
function acronymCovers(text: string, tokens: readonly Token[], i: number, j: number): number {
  let lower = 0;
  for (let e = j + 1; e < tokens.length && e <= j + 8; e++) {
    const t = tokens[e]!;
    if (!joined(text, tokens[e - 1]!, t)) return j;
    if (!t.cap && !lowerConnector(t) && ++lower > 3) return j;
    if (!t.cap) continue;
    const b = /^\s*\(([A-ZÁÉÍÓÚÑ]{3,8})\)/u.exec(text.slice(t.end));
    if (!b) continue;
    // The initials of the last capitalized words ("La Unidad …": the article is no initial).
    const caps = fold(
      tokens
        .slice(i, e + 1)
        .filter((x) => x.cap)
        .map((x) => x.text[0])
        .join(''),
    );
    // The acronym reaches back over the lower-case words into the name ("acusó a Juan Pérez (JP)" does not).
    const after = tokens.slice(j + 1, e + 1).filter((x) => x.cap).length;
    const covers = b[1]!.length > after && caps.endsWith(fold(b[1]!));
    return lower > 0 && covers && tokens.slice(i, j + 1).some((x) => isOrgWord(x)) ? e : j;
  }
  return j;
}

/** The last token of a name before the connectors that lead to tokens[k]. */
function nameEndBefore(tokens: readonly Token[], first: number, k: number): number {
  let e = k - 1;
  while (e > first && lowerConnector(tokens[e]!)) e--;
  return e;
}

/**
 * "Cuerpo de Investigaciones Científicas, Penales y Criminalísticas", "Ministerio … para Relaciones
 * Interiores, Justicia y Paz": an organization's name may end in a list of single capitalized words
 * ("X, Y y Z"). Taken only when the name so far holds an organization's word and no listed word is a
 * place, a given name, an organization's word or a known organization (a list of organizations
 * after a name, "la Fiscalía, Provea y Foro Penal", stays a list). The new last token index.
 */
function listTail(text: string, tokens: readonly Token[], i: number, j: number): number {
  if (!tokens.slice(i, j + 1).some((t) => isOrgWord(t)) || !tokens[j]!.cap) return j;
  const m = /^(?:,\s\p{Lu}[\p{L}\p{M}]+)+\s(?:y|and|e)\s\p{Lu}[\p{L}\p{M}]+(?![\p{L}\p{M}]|\s\p{Lu})/u.exec(
    text.slice(tokens[j]!.end, tokens[j]!.end + 120),
  );
  if (!m) return j;
  const end = tokens[j]!.end + m[0].length;
  let k = j;
  while (tokens[k + 1] && tokens[k + 1]!.end <= end) k++;
  const listed = tokens.slice(j + 1, k + 1).filter((t) => t.cap);
  if (
    listed.some(
      (t) =>
        lookupPlace(t.text) !== undefined ||
        GIVEN_NAMES.has(t.norm) ||
        isOrgWord(t) ||
        KNOWN_ORGS.has(t.norm) ||
        isAcronymToken(t),
    )
  )
    return j;
  return k;
}

const isAcronymToken = (t: Token) => /^[A-ZÁÉÍÓÚÑ]{2,7}$/.test(t.text);

/** English small words a line written in capitals spells like acronyms ("IN THE HIGH COURT OF KENYA"). */
const CAPS_JOINERS = set('in the of at on for and by to');
const allCaps = (t: Token) => /^[\p{Lu}\p{N}'’.-]+$/u.test(t.text) && /\p{Lu}/u.test(t.text);

/**
 * "IN THE HIGH COURT OF KENYA", "THE NATIONAL POLICE SERVICE …… 1ST RESPONDENT": in a court caption
 * or heading written in capitals, "IN", "THE" before another word in capitals are the
 * sentence's words, not an acronym opening the name (rounds 12, 42, 49, 57: 7 extras in 4 rounds).
 */
const capsJoiner = (tokens: readonly Token[], k: number) =>
  CAPS_JOINERS.has(tokens[k]!.norm) &&
  allCaps(tokens[k]!) &&
  tokens[k + 1] !== undefined &&
  allCaps(tokens[k + 1]!) &&
  tokens[k + 1]!.text.length >= 2;

/**
 * "HIGH COURT OF KENYA AT NAIROBI", "HIGH COURT OF SOUTH SUDAN AT JUBA": in a run written in capitals,
 * "AT" and what follows say where the court sits; the name ends before it (rounds 12, 57). The new last
 * token.
 */
function capsSeatCut(tokens: readonly Token[], first: number, last: number): number {
  const run = tokens.slice(first, last + 1);
  if (run.length < 3 || !run.every(allCaps)) return last;
  for (let k = first + 2; k < last; k++) if (tokens[k]!.norm === 'at') return k - 1;
  return last;
}
/**
 * The known organization the words from `a` to `b` name. Read at every capitalized word for up to four words
 * (`officeOwners`), so each word's part of the key (`orgKey` of it alone: the key of several words is their
 * parts joined) is made once per token, and a first word no known key opens with ends the look-up.
 */
function knownAt(tokens: readonly Token[], a: number, b: number): OrgEntry | undefined {
  if (a < 0 || b >= tokens.length) return KNOWN_ORGS.get(orgKey(tokens.slice(a, b + 1).map((t) => t.text)));
  const head = a <= b ? keyPart(tokens[a]!) : '';
  if (head && !KNOWN_FIRST_WORDS.has(head.split(' ', 1)[0]!)) return undefined;
  const parts: string[] = [];
  for (let k = a; k <= b; k++) {
    const part = keyPart(tokens[k]!);
    if (part) parts.push(part);
  }
  return KNOWN_ORGS.get(parts.join(' '));
}
const KEY_PARTS = new WeakMap<Token, string>();
function keyPart(t: Token): string {
  let part = KEY_PARTS.get(t);
  if (part === undefined) {
    part = orgKey([t.text]);
    KEY_PARTS.set(t, part);
  }
  return part;
}
const KNOWN_FIRST_WORDS = new Set([...KNOWN_ORGS.keys()].map((k) => k.split(' ', 1)[0]!));

/** Whether the words from `k` start a name of their own: an organization's head word or a known organization. */
function startsName(tokens: readonly Token[], k: number, last: number): boolean {
  if (isOrgWord(tokens[k]!) || isAcronymToken(tokens[k]!) || isBrandWord(tokens[k]!)) return true;
  for (let e = k; e <= last && e < k + 8; e++) if (knownAt(tokens, k, e)) return true;
  return false;
}

/** A court's chambers and sections ("Sala de lo Penal", "Trial Chamber", "Sección Tercera"). */
const CHAMBERS = set('sala salas seccion chamber chambers section');
/** Courts a chamber belongs to. */
const COURTS = set('tribunal corte court juzgado audiencia consejo');

/**
 * "Sala de Justicia y Paz del Tribunal Superior de Barranquilla", "State Security Chamber of the
 * Federal Court of Appeal", "Sala de lo Constitucional de la Corte Suprema": a chamber or section of
 * a court named with it is written of two bodies, the chamber and the court; the court is named from
 * the last "del"/"de la"/"of the" before its word. The chamber's last token and the court's first,
 * if the run is so written.
 */
function chamberCut(tokens: readonly Token[], first: number, last: number): [number, number] | undefined {
  const c = tokens.slice(first, last + 1).findIndex((t) => t.cap && CHAMBERS.has(t.norm));
  if (c < 0) return undefined;
  const court = tokens.slice(first + c + 1, last + 1).findIndex((t) => t.cap && COURTS.has(t.norm));
  if (court < 0) return undefined;
  let k = first + c + 1 + court;
  while (k > first + c && !(OF.has(tokens[k]!.norm) && !tokens[k]!.cap)) k--;
  if (k <= first + c) return undefined;
  let e = k;
  while (e > first && lowerConnector(tokens[e]!)) e--;
  let r = k + 1;
  while (r <= last && BARE_ARTICLES.has(tokens[r]!.norm) && !tokens[r]!.cap) r++;
  return r <= last && e >= first + c ? [e, r] : undefined;
}

/**
 * "Alto Hospicio", "Alto Comedero", "Alto Remanso", "Alto San Antonio": "Alto" opening a name is a
 * body's only before an office or a body's word ("Alto Comisionado", "Alto Mando", "Alta Corte"); else
 * it names the high part of a place no gazetteer holds (extras in rounds 9, 13, 16, 30, 31, 32, 43: Chile, Argentina, Colombia,
 * Bolivia; no annotated organization opens so).
 */
export const highPlace = (tokens: readonly Token[], a: number, b: number) =>
  (tokens[a]!.norm === 'alto' || tokens[a]!.norm === 'alta') &&
  tokens[a]!.cap &&
  b > a &&
  // "del Alto Cauca": before a place the gazetteer knows, places.ts reads it.
  lookupPlace(
    tokens
      .slice(a + 1, b + 1)
      .map((t) => t.text)
      .join(' '),
  ) === undefined &&
  !tokens
    .slice(a + 1, b + 1)
    .some(
      (t) => isOrgWord(t) || TITLES.has(t.norm) || TITLE_QUALIFIERS.has(t.norm) || HIGH_BODIES.has(t.norm),
    );
const HIGH_BODIES = set('mando comisionado comisionada comisionados comisionadas comision');

const CHAT_WORDS = set('grupo canal chat group channel');
const MESSENGERS = set('telegram whatsapp signal facebook messenger');
/**
 * "Grupo de Telegram "Uribana 25E — familias" (privado, 87 miembros)": a chat export's header names a
 * group chat on a platform, no organization (never annotated: rounds 5, 8, 10, 24, 42, 43).
 */
export const chatOnPlatform = (tokens: readonly Token[], a: number, b: number) =>
  CHAT_WORDS.has(tokens[a]!.norm) &&
  MESSENGERS.has(tokens[b]!.norm) &&
  b - a <= 2 &&
  tokens.slice(a + 1, b).every((t) => !t.cap && OF.has(t.norm));

/**
 * "Sala Penal del Tribunal Superior de Bogotá", "Trial Chamber of the Special Criminal Court": a
 * chamber written with its court is one body with it (GUIDE §6: a body and its chamber are one entry),
 * so the chamber's span takes the court's value and is one more form of the court. Annotated so in
 * rounds 8, 9, 10, 11, 13, 15, 18, 21, 23, 29, 30 (the chamber was a split or an extra).
 */
function chamberOfCourt(spans: NamedSpan[], cut: [number, number]): void {
  const court = spans.find((n) => n.first === cut[1] && n.kind === 'organization');
  if (!court) return;
  for (const n of spans) if (n.kind === 'organization' && n.last <= cut[0]) n.value = court.value;
}

/** Heads of a body's press office ("Dirección", "Oficina General", "Departamento", "Sala" de Prensa). */
const PRESS_HEADS = set('direccion oficina departamento sala unidad gabinete area gerencia coordinacion');
/** What a press office handles: "Comunicación Social", "Relaciones Públicas", "Imagen Institucional y Prensa". */
const PRESS_TOPICS = set('comunicacion comunicaciones prensa relaciones imagen difusion');
const PRESS_QUALIFIERS = set('general nacional publicas social institucional estrategica corporativa y e');

/**
 * "Dirección de Relaciones Públicas del Ejército de Nicaragua", "Oficina de Prensa del MPPRIJP",
 * "Dirección de Comunicación Social" signing a communiqué: a body's press office is one entry with the
 * body (GUIDE §6), never a body of its own. Written with its body, the span is cut to the body (its first
 * token returned); written alone, -1: no mention (the body is named elsewhere); else `a`. Split
 * or extra in rounds 4, 6, 8, 9, 10, 11, 13, 16, 18, 20, 21, 22, 29, 30, 33, 35, 39, 41, 42, 44, 47–53, 57, 58
 * (Venezuela, Nicaragua, Cuba, Chile, Peru, Argentina, Paraguay, Guatemala, Ecuador, El Salvador, Bolivia).
 */
function pressOfficeOf(tokens: readonly Token[], a: number, b: number): number {
  if (!PRESS_HEADS.has(tokens[a]!.norm) || !tokens[a]!.cap) return a;
  let k = a + 1;
  if (k <= b && PRESS_QUALIFIERS.has(tokens[k]!.norm) && tokens[k]!.cap) k++;
  if (k > b || tokens[k]!.norm !== 'de' || tokens[k]!.cap) return a;
  k++;
  if (k > b || !PRESS_TOPICS.has(tokens[k]!.norm)) return a;
  while (k <= b && (PRESS_TOPICS.has(tokens[k]!.norm) || PRESS_QUALIFIERS.has(tokens[k]!.norm))) k++;
  if (k > b) return -1;
  if (!OF.has(tokens[k]!.norm) || tokens[k]!.cap) return a;
  k++;
  while (k <= b && BARE_ARTICLES.has(tokens[k]!.norm) && !tokens[k]!.cap) k++;
  return k <= b && tokens[k]!.cap ? k : a;
}

/**
 * One run of name words may hold two names: "Foro Penal and Provea", "Provea y del Comité de
 * Familiares", "la Misión … de la ONU" (the mission, and the UN it belongs to). Split at "and"/"y"
 * when what follows starts a name of its own, and cut a known organization off the end after "de
 * la"/"of the" — never inside one name ("Ministerio de Justicia y Paz": "Paz" starts no name).
 */
function splitNames(
  tokens: readonly Token[],
  first: number,
  last: number,
): [number, number, boolean?, boolean?][] {
  const parts: [number, number][] = [];
  // First tokens of the names that follow a closed name after "and" (see `closed`).
  const coordinated = new Set<number>();
  let a = first;
  for (let k = first + 1; k < last; k++) {
    // A unit and the force it belongs to ("102 Batallón de Infantería del Ejército Mexicano"), a body
    // of a place and the body it wrote "for" ("… of Northern Ireland for the … Team") are two names.
    const second =
      OF.has(tokens[k]!.norm) && !tokens[k]!.cap
        ? forceAfter(tokens, a, k, last)
        : placeClosed(tokens, a, k, last);
    if (second > 0) {
      parts.push([a, k - 1]);
      a = second;
      k = second;
      continue;
    }
    if (!AND.has(tokens[k]!.norm) || tokens[k]!.cap) continue;
    let r = k + 1;
    while (r < last && lowerConnector(tokens[r]!)) r++;
    if (r < last && tokens[r]!.cap && BARE_ARTICLES.has(tokens[r]!.norm) && tokens[r + 1]!.cap) r++;
    // Splits when what follows starts a name, or when both sides are organizations' names on their
    // own ("Committee to Protect Journalists and Reporters Without Borders").
    // "Centro por la Justicia y el Derecho Internacional": "Internacional", "Nacional" alone say only
    // where, never that a second body begins.
    const rightOrgWord = tokens.slice(r, last + 1).some((t) => isOrgWord(t) && !OBSERVED.has(t.norm));
    const bothOrgs = tokens.slice(a, k).some((t) => isOrgWord(t)) && rightOrgWord;
    // Or when one side is no organization at all: a place before ("the United States and the
    // European Union"), a person after ("Amnesty International and Ana Pérez").
    const other =
      lookupPlace(
        tokens
          .slice(a, k)
          .map((t) => t.text)
          .join(' '),
        false,
      ) !== undefined || GIVEN_NAMES.has(tokens[r]!.norm);
    // "the National Guard and the State Prosecutor's Office", "Quinto Elemento Lab y El Sonorense": an
    // article after "and" opens a second name when either side is an organization's (English), or
    // when it is written with a capital or the right side holds an organization's word (Spanish:
    // "Comisión de la Verdad y la Reconciliación" stays one).
    const between = tokens.slice(k + 1, r + 1);
    const english = tokens[k]!.norm === 'and';
    const articled =
      between.some((t) => BARE_ARTICLES.has(t.norm) && (english || t.cap)) ||
      (between.some((t) => BARE_ARTICLES.has(t.norm)) && rightOrgWord);
    const hasOrgWord = (x: number, y: number) =>
      tokens.slice(x, y + 1).some((t) => isOrgWord(t) || isAcronymToken(t));
    // "la Unión Europea y Washington": an organization and a place after "y" are two names.
    const placeAfter =
      (hasOrgWord(a, k - 1) || knownAt(tokens, a, k - 1) !== undefined) &&
      lookupPlace(
        tokens
          .slice(r, last + 1)
          .map((t) => t.text)
          .join(' '),
        false,
      ) !== undefined;
    // "la Guardia Civil y de la Falange", "the Belgrade Centre for Human Rights and to N1": "and" and a
    // preposition the name before never used opens a second name (it is the sentence's, not the name's
    // own; "… de Derechos Humanos y de los Pueblos" used "de" before). Rounds 13, 14, 19.
    const prep = between.find((t) => PREPOSITION_OF.has(t.norm) && !t.cap);
    const newPrep =
      prep !== undefined &&
      hasOrgWord(a, k - 1) &&
      !tokens.slice(a, k).some((t) => !t.cap && PREPOSITION_OF.get(t.norm) === PREPOSITION_OF.get(prep.norm));
    const split =
      placeAfter ||
      newPrep ||
      (andArticleEnds(tokens, a, k - 1) && hasOrgWord(a, k - 1)) ||
      (articled && (!english || hasOrgWord(a, k - 1) || hasOrgWord(r, last)) && k - 1 >= a) ||
      // "la Policía Regional y de Brimob", "Regional Police and of Brimob": "and of" names a second owner.
      (between.some((t) => OF.has(t.norm)) &&
        hasOrgWord(a, k - 1) &&
        // "Comisión Africana de Derechos Humanos y de los Pueblos", "… of Human and of Peoples' Rights":
        // an article and no organization's word after "y de" go on with the same name.
        // A number closes a unit's name: "Unidad Penitenciaria 7 y de la Alcaidía" are two.
        !(
          between.some((t) => BARE_ARTICLES.has(t.norm)) &&
          !hasOrgWord(r, last) &&
          !/^\d/.test(tokens[k - 1]!.text)
        ));
    // "Amnesty International and Justice for Iran", "Human Rights Watch and Amnesty": a name closed by
    // its tail word, or a known body, is whole; what follows "and" is a second name.
    const closed = ORG_TAILS.has(tokens[k - 1]!.norm) || knownAt(tokens, a, k - 1) !== undefined;
    // "the 3rd Brigade and the 1st Marine Division": an ordinal opens the second unit's name.
    const opens = tokens[r]!.cap || (isOrdinal(tokens[r]!) && tokens[r + 1]?.cap === true);
    if (!opens || !(startsName(tokens, r, last) || bothOrgs || other || split || closed)) continue;
    if (k - 1 >= a) parts.push([a, k - 1]);
    if (closed) coordinated.add(r);
    a = r;
    k = r;
  }
  parts.push([a, last]);
  // "Omar Mora of the Bar Association": a person's name before "of"/"de" is no part of the organization.
  // So is a surname or any short name with no organization's word ("Kowalczyk of the Criminal Division").
  for (const p of parts) {
    const given = GIVEN_NAMES.has(tokens[p[0]]!.norm);
    if (!given && (isOrgWord(tokens[p[0]]!) || isAcronymToken(tokens[p[0]]!))) continue;
    for (let k = p[0] + 1; k < p[1]; k++) {
      if (!OF.has(tokens[k]!.norm) || tokens[k]!.cap) continue;
      // Beyond a given name, only English "X Y of the …" with a short name before it.
      // (never a building's noun: "Palace of Justice"), and only before an organization's words.
      if (
        !given &&
        (tokens[k]!.norm !== 'of' ||
          k - p[0] > 3 ||
          PLACE_FIRST.has(tokens[p[0]]!.norm) ||
          !tokens.slice(k + 1, p[1] + 1).some((t) => isOrgWord(t))) &&
        !wordsBeforeBody(tokens, p[0], k)
      )
        break;
      if (tokens.slice(p[0], k).some((t) => isOrgWord(t))) break;
      let r = k + 1;
      while (r < p[1] && lowerConnector(tokens[r]!)) r++;
      p[0] = r;
      break;
    }
  }
  // "la Alcaldía de Claudia López", "el Partido Nacionalista de Pedro Albizu Campos": "de" and a person's
  // full name closing the run say whose body it is; the person is no part of its name (rounds 13, 14,
  // 16: 3). Names given in honour of a person write no "de" ("Centro … Miguel Agustín Pro Juárez").
  for (const p of parts) {
    const g = personClosing(tokens, p[0], p[1]);
    if (g > p[0] + 1 && tokens.slice(p[0], g - 1).some((t) => isOrgWord(t))) p[1] = g - 2;
  }
  const out: [number, number, boolean?, boolean?][] = [];
  for (const [x, y] of parts) {
    // "… de la ONU", "… of the UN": the known organization at the end is cut off, marked as the body
    // the named one belongs to (see NamedSpan.owner).
    let cut = -1;
    for (let k = y; k > x + 1; k--) {
      const c = tokens[k - 1]!;
      if (!lowerConnector(c)) continue;
      const known = knownAt(tokens, k, y);
      if (known && !known.inner && tokens.slice(x, k).some((t) => isOrgWord(t))) cut = k;
      break;
    }
    if (cut < 0) {
      out.push([x, y, false, coordinated.has(x)]);
      continue;
    }
    let e = cut - 1;
    while (e > x && lowerConnector(tokens[e]!)) e--;
    out.push([x, e], [cut, y, true]);
  }
  return out;
}

/** An organ of a body, named with it ("Inteligencia de la Fuerza Aérea", "Prefectura de Policía"). */
const ORGANS = set('inteligencia contrainteligencia prefectura jefatura');

/**
 * "Ingeniería de la Universidad de Birzeit", "Méndez Ochoa de la Defensoría Pública", "Nadie de
 * Carabineros": one or two capitalized words with no organization's word before "de"/"del" and a body's
 * first word are a subject, a person or a sentence's first word, not part of the body's name (rounds
 * 13, 15, 16: 5). Never a group's name ("Familiares de …") nor a building's ("Palacio de …").
 */
function wordsBeforeBody(tokens: readonly Token[], a: number, k: number): boolean {
  if (k - a > 2 || !OF.has(tokens[k]!.norm) || tokens[k]!.norm === 'of' || PLACE_FIRST.has(tokens[a]!.norm))
    return false;
  if (PEOPLE.has(tokens[a]!.norm) || ORGANS.has(tokens[a]!.norm) || !tokens.slice(a, k).every((t) => t.cap))
    return false;
  let r = k + 1;
  while (lowerConnector(tokens[r]!)) r++;
  return tokens[r]!.cap && (ORG_HEADS.has(tokens[r]!.norm) || INSTITUTIONS_ALONE.has(tokens[r]!.norm));
}

/**
 * Where a person's full name closing tokens[a..b] after Spanish "de" opens: a given name and one to
 * three more capitalized words, none an organization's word or a place; -1 if none.
 */
function personClosing(tokens: readonly Token[], a: number, b: number): number {
  for (let g = b - 1; g >= Math.max(a + 2, b - 3); g--) {
    const de = tokens[g - 1]!;
    if (de.cap || (de.norm !== 'de' && de.norm !== 'del')) continue;
    const name = tokens.slice(g, b + 1);
    if (
      GIVEN_NAMES.has(tokens[g]!.norm) &&
      name.every((t) => t.cap && !isOrgWord(t) && !TITLES.has(t.norm)) &&
      lookupPlace(name.map((t) => t.text).join(' ')) === undefined
    )
      return g;
  }
  return -1;
}

/** Units of an armed force or a police ("Batallón", "Brigade") and the forces they belong to. */
const UNITS = set(
  'batallon brigada regimiento battalion brigade regiment division company compania squadron',
);
const FORCES = set('ejercito army armada navy policia police fuerza fuerzas forces marines');

/**
 * Where the force's name opens after tokens[k] ("of the", "del"), when tokens[a..k-1] name a unit
 * of it and what follows is a force's name of capitalized words with its force word ("… del
 * Ejército Mexicano", "… of the Philippine Army"); -1 otherwise.
 */
function forceAfter(tokens: readonly Token[], a: number, k: number, last: number): number {
  if (!tokens.slice(a, k).some((t) => UNITS.has(t.norm))) return -1;
  let r = k + 1;
  while (r <= last && lowerConnector(tokens[r]!)) r++;
  const rest = tokens.slice(r, last + 1);
  return rest.length && rest.every((t) => t.cap) && rest.some((t) => FORCES.has(t.norm)) ? r : -1;
}

const FOR = set('for para');

/**
 * "the Police Service of Northern Ireland for the Historical Enquiries Team": a name closed by "of
 * <place>" is whole; "for" after it opens another body's name when that one has an organization's
 * word ("Ministerio del Poder Popular para el Servicio Penitenciario" has no place before "para").
 * Where the second name opens, or -1.
 */
function placeClosed(tokens: readonly Token[], a: number, k: number, last: number): number {
  if (!FOR.has(tokens[k]!.norm) || tokens[k]!.cap) return -1;
  let o = k - 1;
  while (o > a && !(OF.has(tokens[o]!.norm) && !tokens[o]!.cap)) o--;
  if (o <= a || !tokens.slice(a, o).some((t) => isOrgWord(t))) return -1;
  let p = o + 1;
  while (p < k && lowerConnector(tokens[p]!)) p++;
  const where = tokens.slice(p, k);
  // "of Northern Ireland": the place's last words are enough ("Ireland").
  if (
    !where.every((t) => t.cap) ||
    !where.some((_, n) =>
      lookupPlace(
        where
          .slice(n)
          .map((t) => t.text)
          .join(' '),
      ),
    )
  )
    return -1;
  let r = k + 1;
  while (r <= last && lowerConnector(tokens[r]!)) r++;
  const rest = tokens.slice(r, last + 1);
  return rest.length && rest[0]!.cap && rest.some((t) => isOrgWord(t)) ? r : -1;
}

/** Lower-case words inside a name no organization's word marks ("Justice for Iran"). */
const NAME_JOINERS = set('for para of de del la las los el the');

/**
 * "Amnesty International and Justice for Iran", "Human Rights Watch and Amnesty": the name after
 * "and" that follows a closed one is an organization too, though it holds no organization's word,
 * unless it is a place or opens with a given name ("… and Ana Pérez").
 */
function coordinatedName(
  text: string,
  tokens: readonly Token[],
  a: number,
  b: number,
): NamedSpan | undefined {
  const toks = tokens.slice(a, b + 1);
  if (
    // "Foro Penal and Provea on Monday": only the joiners of a name's own words, and no date's word.
    toks.some((t) => (!t.cap && !NAME_JOINERS.has(t.norm)) || MONTHS.has(t.norm) || WEEKDAYS.has(t.norm)) ||
    !toks[0]!.cap ||
    !toks[toks.length - 1]!.cap ||
    GIVEN_NAMES.has(toks[0]!.norm) ||
    TITLES.has(toks[0]!.norm) ||
    lookupPlace(toks.map((t) => t.text).join(' ')) !== undefined
  )
    return undefined;
  const value = text.slice(toks[0]!.start, toks[toks.length - 1]!.end).replace(/\s+/g, ' ');
  return { kind: 'organization', first: a, last: b, value, unitKind: guessUnitKind(orgKey([value])) };
}

/** The organization or named building spanning tokens[first..last], if it is one. */
/**
 * "Public Prosecution", "Supreme State Security Prosecution": the Arab states' prosecution service, named
 * by the word closing the name (missed in rounds 13, 14, 22, 30, 33, 39, 40, 50, 51: Yemen, Oman, Kuwait,
 * Jordan, Egypt, Bahrain, Sudan). Not a word of the name anywhere: "National Authority for Investigation
 * and Prosecution of …" is one body, and "and" would split it between two bodies' words.
 */
const prosecutionService = (toks: readonly Token[]) =>
  toks.length >= 2 && toks[toks.length - 1]!.norm === 'prosecution' && toks.every((t) => t.cap);

function nameSpan(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
): NamedSpan | undefined {
  {
    const toks = tokens.slice(first, last + 1);
    const words = toks.map((t) => t.norm);
    if (last - first < 1) {
      // A known organization alone, cut from a longer run ("ONU", "Provea"): the run's split made it.
      const k = KNOWN_ORGS.get(orgKey(words));
      if (k) return { kind: 'organization', first, last, value: k.name, unitKind: k.unitKind };
      return isBrandWord(toks[0]!, text)
        ? { kind: 'organization', first, last, value: toks[0]!.text, unitKind: 'other' }
        : undefined;
    }
    // "(IRA-Mauritania)", "(ACLED-Sudan)": an acronym may carry its country after a hyphen.
    const acr = /^\s*\(([A-ZÁÉÍÓÚÑ][\p{L}]{1,9}(?:-\p{Lu}\p{Ll}{2,15})?)\)/u.exec(
      text.slice(tokens[last]!.end),
    );
    // "Antofagasta y Calama (Chile)": a place in brackets says where, it is no short form.
    const acronym =
      acr && lookupPlace(acr[1]!) === undefined
        ? (() => {
            const k = last + 1;
            return tokens[k]?.text === acr[1] ? { first: k, last: k, text: acr[1]! } : undefined;
          })()
        : undefined;
    const whole = lookupPlace(toks.map((t) => t.text).join(' '));
    if (
      whole ||
      PLACE_FIRST.has(words[0]!) ||
      PLACE_LAST.has(words[words.length - 1]!) ||
      // "the Milimani Law Courts", "opposite the Law Courts": the building where courts sit (rounds 35, 44).
      (words[words.length - 1] === 'courts' && words[words.length - 2] === 'law') ||
      // "Changsha No. 1 Detention Centre", "the ICC Detention Centre": a site where people are held.
      words.some((w, i) => w === 'detention' && DETENTION_SITE.has(words[i + 1] ?? '')) ||
      // "Centro Penal La Esperanza", "Centro Federal de Readaptación Social", "Centro de Rehabilitación Social
      // El Rodeo": prisons, places in every round that names one (31 entries in 24 rounds, none an organization).
      (words[0] === 'centro' &&
        words
          .slice(1, 4)
          .some((w, i, ws) => CENTRE_OF.has(w) || (w === 'rehabilitacion' && ws[i + 1] === 'social'))) ||
      // "Unidad Penitenciaria 7", "Complejo Penitenciario de X": a prison, not the prison service.
      (PRISON_FIRST.has(words[0]!) && /^penitenciari[ao]$/.test(words[1]!))
    ) {
      const value = whole?.value ?? text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
      return { kind: 'place', first, last, value, ...(whole ? { place: whole } : {}) };
    }
    // "departamento de Antioquia", "Unidad 9": a region's or a prison's name, not a department's
    // or a unit's ("Departamento de Estado", "Unidad para las Víctimas").
    if (
      (words[0] === 'departamento' &&
        lookupPlace(
          toks
            .slice(1)
            .filter((t) => t.cap)
            .map((t) => t.text)
            .join(' '),
        ) !== undefined) ||
      // "Bloque 2 (entrevista)": a broadcast's or a building's block, no armed bloc.
      ((words[0] === 'unidad' || words[0] === 'bloque') && /^\d/.test(toks[1]!.text))
    )
      return undefined;
    // "the Government of President Amadou Keita", "el Gobierno del presidente X": whose government,
    // a person under a title; no name of a body.
    if (
      RULED_BY.has(words[0]!) &&
      OF.has(words[1]!) &&
      (TITLES.has(words[2]!) || (words[2] === 'prime' && words[3] === 'minister'))
    )
      return undefined;
    // "the Government of India", "Government of the Republic of South Sudan", "el Gobierno de Chile":
    // a country's government named by the country is the state, not a body's name ("Government of
    // National Accord" is one). Rounds 12–19: 7 such extras in 4 rounds, none annotated in rounds 1–19.
    if (words[0] === 'government' || words[0] === 'gobierno') {
      let k = 1;
      while (k < toks.length && !toks[k]!.cap && CONNECTORS.has(words[k]!)) k++;
      const rest = toks.slice(k);
      const country = rest.filter((t) => !STATE_WORDS.has(t.norm) && !CONNECTORS.has(t.norm));
      if (k > 1 && country.length && lookupPlace(country.map((t) => t.text).join(' ')) !== undefined)
        return undefined;
    }
    // "the Federal Government", "el Gobierno Nacional": a government named only by its level is the
    // state of the text's country, not a body's name (rounds 18, 19: 2 extras; none annotated in 1–19).
    if (
      (words[0] === 'government' || words[0] === 'gobierno' || words[words.length - 1] === 'government') &&
      words.every((w) => RULED_BY.has(w) || STATE_LEVELS.has(w))
    )
      return undefined;
    // "International Day of the Victims of Enforced Disappearances", "Día Internacional de los Pueblos
    // Indígenas": a day observed, not a body (rounds 12–19: 6 extras in 5 rounds).
    if (DAY_WORDS.has(words[0]!) || (OBSERVED.has(words[0]!) && DAY_WORDS.has(words[1]!))) return undefined;
    // "el Alto Comisionado", "the High Commissioner": a title with its qualifiers is a person's office.
    if (words.every((w) => TITLES.has(w) || TITLE_QUALIFIERS.has(w) || CONNECTORS.has(w))) return undefined;
    // A bracketed acronym after a name that is not a person's says organization ("… (Cepaz)").
    if (
      !toks.some(isOrgWord) &&
      // "France 24", "Radio Free Europe": a body known by a name with no organization's word.
      !KNOWN_ORGS.has(orgKey(words)) &&
      !prosecutionService(toks) &&
      !(acronym && !GIVEN_NAMES.has(words[0]!)) &&
      !groupOpens(text, tokens, first, last)
    )
      return undefined;
    // "Project: Cabo Delgado Accountability Archive · Interview CD-0417": the collection a transcript's
    // header files it under, like its masthead (chrome, GUIDE D15), names no body that acts.
    if (toks.some(isArchiveWord) && collectionLabel(text, toks[0]!.start)) return undefined;
    // "Interviewer: Joana Macuácua (JM)": a name with its initials after a label, alone on its line,
    // introduces a speaker of a transcript.
    if (
      !toks.some(isOrgWord) &&
      acronym &&
      (speakerIntroduced(text, toks, acronym.text) || speakerTagged(text, toks))
    )
      return undefined;
    // "Oleksandra Marchenko (OM)": two or three words and the initials of each, no organization's
    // word — a person's initials.
    if (
      !toks.some(isOrgWord) &&
      acronym &&
      toks.length <= 3 &&
      toks.every((t) => t.cap) &&
      toks.map((t) => t.text[0]).join('') === acronym.text
    )
      return undefined;
    const known: OrgEntry | undefined =
      KNOWN_ORGS.get(orgKey(words)) ?? (acronym ? KNOWN_ORGS.get(orgKey([acronym.text])) : undefined);
    // "the Trust Fund for Victims' programmes": a plural's possessive apostrophe is no part of the name.
    const name = text
      .slice(toks[0]!.start, toks[toks.length - 1]!.end)
      .replace(/\s+/g, ' ')
      .replace(/(?<=s)['’]$/u, '');
    return {
      kind: 'organization',
      first,
      last,
      value: known?.name ?? (acronym ? `${name} (${acronym.text})` : name),
      unitKind: known?.unitKind ?? guessUnitKind(orgKey(words)),
      ...(acronym ? { acronym } : {}),
    };
  }
}

/** Whether the text before `start` on its line is a header's collection label ("Project:", "Collection:"). */
const collectionLabel = (text: string, start: number) =>
  /^\s*(?:project|collection|series)\s*:\s*$/i.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));

/** A name written as "Label: Name (NI)" alone on its line, its bracket the initials of its words. */
function speakerIntroduced(text: string, toks: readonly Token[], initials: string): boolean {
  const lineStart = text.lastIndexOf('\n', toks[0]!.start) + 1;
  const lineEnd = text.indexOf('\n', toks[toks.length - 1]!.end);
  const before = text.slice(lineStart, toks[0]!.start);
  const after = text.slice(toks[toks.length - 1]!.end, lineEnd < 0 ? text.length : lineEnd);
  return (
    /^[\p{L} ()–-]{2,60}:\s*$/u.test(before) &&
    /^\s*\([^)]*\)\s*$/.test(after) &&
    toks
      .map((t) => t.text[0])
      .join('')
      .toUpperCase() === initials.toUpperCase()
  );
}

/** Labels of a transcript's or chat's speakers, before the colon that opens the line. */
const SPEAKER_LABELS = set(`witness testigo testimoniante interviewer interviewee entrevistador entrevistadora
  entrevistado entrevistada host presenter presentador presentadora conduccion conductor conductora moderator
  moderador moderadora guest invitado invitada caller narrator narrador narradora interpreter interprete`);

/**
 * "Testimoniante: Hernán Osvaldo Tapia Muñoz (HT), 73 años", "Host: Nirmala Sivakumar (HOST)", "Witness:
 * Mr Gift Kaunda Nyirenda (GN), born …", "[09:10] Zaw Min Tun (Myitkyina): …": a name after a speaker's
 * label, or opening a chat line before its colon, carries a speaker's tag or a sender's town in
 * brackets — no organization's short form, whatever the tag (rounds 14, 22, 25, 34: 6 extras).
 */
function speakerTagged(text: string, toks: readonly Token[]): boolean {
  const lineStart = text.lastIndexOf('\n', toks[0]!.start) + 1;
  const before = text.slice(lineStart, toks[0]!.start);
  const label = /(\p{L}+)\s*:\s*(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Srta)\.?\s+)?$/u.exec(before);
  if (label && SPEAKER_LABELS.has(fold(label[1]!))) return true;
  const after = text.slice(toks[toks.length - 1]!.end, toks[toks.length - 1]!.end + 40);
  return (
    /^\s*(?:\[[\d:., ]+\]|\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}\s*-)?\s*$/.test(before) &&
    /^\s*\([^)]{1,30}\)\s*:/.test(after)
  );
}

/** Small words inside persons' names ("Raimundo Nonato de Souza", "Ahmed bin Ali"). */
const NAME_PARTICLES = /^(?:de|da|do|dos|das|del|di|van|von|der|al|bin|ibn)$/;

/**
 * tokens[k] is the bracketed tag of a speaker's name (see speakerTagged): "(HT)" after "Testimoniante:
 * Hernán Osvaldo Tapia Muñoz". The words before the bracket on its line, capitalized, are the name.
 */
export function speakerTagAt(text: string, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (text[t.start - 1] !== '(' || text[t.end] !== ')') return false;
  let a = k;
  const nameWord = (i: number) =>
    tokens[i]!.cap || (NAME_PARTICLES.test(tokens[i]!.norm) && i > 0 && tokens[i - 1]!.cap === true);
  while (a > 0 && nameWord(a - 1) && !text.slice(tokens[a - 1]!.end, tokens[a]!.start).includes('\n')) {
    a--;
    if (/[:·|;,]/.test(text.slice(tokens[a]!.end, tokens[a + 1]!.start))) {
      a++;
      break;
    }
  }
  return a < k && speakerTagged(text, tokens.slice(a, k));
}

/** Social networks a text says something was posted on ("en Twitter", "on X"). */
const PLATFORMS = set(
  'twitter x facebook instagram telegram youtube tiktok whatsapp threads bluesky mastodon',
);

/** Lower-case articles that never follow a name's first word directly ("Ask the African Union"). */
const BARE_ARTICLES = set('the el la los las');

/** Whether tokens[k] opens a sentence, a line or a quote. */
const sentenceOpens = (text: string, tokens: readonly Token[], k: number) => {
  const prev = tokens[k - 1];
  return !prev || /[.!?:\n"“]/.test(text.slice(prev.end, tokens[k]!.start));
};

/** A ministry's name never opens with a demonym ("Ministry of Justice", not "Cambodian …"). */
const STATE_HEADS = set('ministry');

/**
 * Whether "General" at tokens[k] opens a body's name: an organization's word right after it, or one
 * capitalized word and then one ("General Election Commission"); never a person's ("General Padrino").
 */
function generalBody(tokens: readonly Token[], k: number, last: number): boolean {
  for (const r of [k + 1, k + 2]) {
    const t = tokens[r];
    if (!t || r > last || !t.cap || GIVEN_NAMES.has(t.norm) || TITLES.has(t.norm)) return false;
    if (isOrgWord(t)) return true;
  }
  return false;
}

/** Where the name starts once opening words that are not part of it are dropped ("The Prosecutor of the"). */
function spanStart(text: string, tokens: readonly Token[], from: number, last: number): number | undefined {
  let first = from;
  // "Attorney General's Office": the titles before the possessive are the office's name.
  let owner = -1;
  for (let k = from; k < last; k++)
    if (possessiveInName(tokens[k]!) && /^['’]s $/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)))
      owner = k;
  for (;;) {
    const t = tokens[first];
    if (!t || first > last) return undefined;
    const n = t.norm;
    // "Ask the African Union", "Pidan la Cruz Roja": a word before a lower-case article is no part of the name.
    const after = tokens[first + 1];
    if (first + 1 < last && after && !after.cap && BARE_ARTICLES.has(after.norm) && !isOrgWord(t)) {
      first += 2;
      continue;
    }
    // "Era del Instituto …", "Nota del Comité:", "Members of the Council": a sentence's first word
    // before "del"/"de la"/"of the" and an organization's head is no part of its name (its capital
    // says only where the sentence starts).
    if (
      first === from &&
      sentenceOpens(text, tokens, first) &&
      !isOrgWord(t) &&
      !groupOpens(text, tokens, first, last)
    ) {
      let r = first + 1;
      while (r < last && lowerConnector(tokens[r]!)) r++;
      if (r > first + 1 && OF.has(tokens[first + 1]!.norm) && ORG_HEADS.has(tokens[r]!.norm)) {
        first = r;
        continue;
      }
    }
    // "Translated for the Lower Omo Memory Trust", "into English for the Ogaden Testimony Archive",
    // "Writing for the Court": a participle or a language before "for" and a body is whom the work was
    // done for, no part of the name (rounds 21, 29, 34: 3 extras).
    if (
      first === from &&
      !isOrgWord(t) &&
      (/^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(t.text) || isDemonym(t.text) || isLanguageName(t.text))
    ) {
      let r = first + 1;
      while (r < last && lowerConnector(tokens[r]!)) r++;
      if (
        r > first + 1 &&
        tokens[first + 1]!.norm === 'for' &&
        tokens.slice(r, last + 1).some((w) => isOrgWord(w))
      ) {
        first = r;
        continue;
      }
    }
    // "Has Amnesty International said …?": a sentence's first word before a known body is no part of it.
    if (
      first === from &&
      first < last &&
      sentenceOpens(text, tokens, first) &&
      !isOrgWord(t) &&
      knownAt(tokens, first, last) === undefined &&
      knownAt(tokens, first + 1, last) !== undefined
    ) {
      first++;
      continue;
    }
    // "UN", "ONU" fold to Spanish articles: an acronym in capitals is never an opening word.
    if (isAcronymToken(t) && !capsJoiner(tokens, first)) return first;
    // "the Lithuanian Ministry of Foreign Affairs": a people's word says whose ministry, it is no part
    // of the ministry's name (a party's or a police's may be: "Philippine National Police").
    if (after?.cap && STATE_HEADS.has(after.norm) && isDemonym(t.text)) {
      first++;
      continue;
    }
    // "the General Directorate of Investigation", "General Election Commission": "General" before a
    // body's word (at most one word between) names the body, not an officer (rounds 14, 15, 17).
    if (n === 'general' && generalBody(tokens, first, last)) return first;
    const drop =
      CONNECTORS.has(n) ||
      ((STOP_CAPS.has(n) ||
        ((TITLES.has(n) || LEAD.has(n) || roleOfWord(t.text) !== undefined) && first > owner)) &&
        !isOrgWord(t) &&
        // "Familiares de Detenidos Desaparecidos", "Lawyers for Human Rights": a group's first word.
        !groupOpens(text, tokens, first, last));
    if (!drop) return first;
    first++;
  }
}
