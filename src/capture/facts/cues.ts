/**
 * What the words around a capitalized name say it is, when its own words do not: "la ONG Espacio
 * Público", "the human rights group X", "la agencia Efe", "told Reuters" name organizations; "el
 * barrio X", "la alcabala de X", "the X neighbourhood", "X, al oeste de Caracas", "near X" name
 * places. Only cues that rarely precede a person's name are read; callers keep the rule that a
 * name which looks like a person's (a given name first, a known surname) is not an organization.
 */
import { fold, GIVEN_NAMES, ORG_HEADS, roleOfWord, wordSet as set, TITLES } from './lexicon.js';
import type { Token } from './tokens.js';

/** Nouns an organization's name follows ("la ONG X", "the group X", "el diario X"). */
const ORG_NOUNS = set(`ong ngo organizacion organización organization organisation grupo group agencia agency
  diario periodico periódico newspaper daily medio outlet portal emisora broadcaster televisora canal
  empresa compania compañía company firm siderurgica siderúrgica petrolera aerolinea airline
  coalicion coalición coalition movimiento movement partido party colectivo asociacion asociación
  association fundacion fundación foundation sindicato union watchdog charity ongs ngos
  revista semanario cadena magazine weekly instituto`);

/** Plural nouns a list of organizations follows ("media such as X and Y", "groups including X"). */
const ORG_PLURALS =
  set(`media medios outlets groups grupos organizations organisations organizaciones ongs ngos
  agencies agencias newspapers diarios periodicos periódicos companies empresas parties partidos unions
  sindicatos movements movimientos associations asociaciones foundations fundaciones broadcasters emisoras
  charities coalitions coaliciones`);

/** "such as", "including", "como", "entre ellas": the list that follows names what the noun before says. */
function listOfOrgs(all: readonly Token[], i: number, text: string): boolean {
  let k = i;
  if (all[k]?.norm === 'as' && all[k - 1]?.norm === 'such') k -= 2;
  else if (all[k] && /^(?:including|incluidas|incluidos|como)$/.test(all[k]!.norm)) k -= 1;
  // "62 sitios de noticias, entre ellos X", "outlets, among them X"
  else if (
    /^(?:ellos|ellas|them)$/.test(all[k]?.norm ?? '') &&
    /^(?:entre|among)$/.test(all[k - 1]?.norm ?? '')
  )
    k -= 2;
  else return false;
  // The noun right before, or one word further back ("groups of victims such as").
  for (const j of [k, k - 1])
    if (all[j] && ORG_PLURALS.has(all[j]!.norm) && together(text, all[j]!, all[i]!)) return true;
  return false;
}

/**
 * "medios de la derecha golpista como X", "medios financiados por el imperio, como X", "62 sitios de
 * noticias, entre ellos X": the plural noun of bodies a few lower-case words before "como" / "entre
 * ellos" (at most six, one sentence; a comma only right before the list word). The noun is the
 * last-but-one of ORG_PLURALS' media and groups, or "sitios de noticias".
 */
export function listedAfterDistantPlural(text: string, all: readonly Token[], first: number): boolean {
  let k = first - 1;
  if (all[k]?.norm === 'como') k -= 1;
  else if (/^(?:ellos|ellas)$/.test(all[k]?.norm ?? '') && all[k - 1]?.norm === 'entre') k -= 2;
  else return false;
  if (k < 0 || !together(text, all[k]!, all[first]!)) return false;
  for (let j = k; j >= 0 && k - j < 6; j--) {
    const t = all[j]!;
    if (t.cap || !together(text, t, all[k]!)) return false;
    if (j < k && /,/.test(text.slice(t.end, all[j + 1]!.start))) return false;
    if (ORG_PLURALS.has(t.norm) || (t.norm === 'sitios' && all[j + 2]?.norm === 'noticias')) return true;
  }
  return false;
}

/**
 * "medios como El Pitazo y Efecto Cocuyo", "groups such as X and Y": the name at all[first] opens a
 * list after a plural noun of bodies, each item a body of its own.
 */
export const listedAfterPlural = (text: string, all: readonly Token[], first: number): boolean =>
  first > 0 && listOfOrgs(all, first - 1, text);

/** Verbs after which a name is the outlet spoken to ("told Reuters", "dijo a Efe", "declaró a"). */
const TOLD = set(
  'told dijo declaro declaró explico explicó confirmo confirmó aseguro aseguró conto contó relato relató narro narró',
);

/** "spoke to Reuters", "habló con Efe", "in an interview with X". */
const SPOKE = set('spoke speaking talked talking interview hablo habló entrevista declaraciones');
const TO = set('to with con a');

/** Prepositions after a verb of working that name the employer ("trabaja en X", "works for X"). */
const WORK_AT = set('en para at for');

/** Who works for an organization: "el exgerente de X", "a worker of X" (never of a place). */
const EMPLOYEE = set(`gerente exgerente empleado empleada empleados extrabajador extrabajadora trabajador
  trabajadora trabajadores obrero obrera obreros ingeniero ingeniera jubilado jubilada exempleado exempleada
  employee employees worker workers manager engineer staffer
  director directora founder fundador fundadora cofounder co-founder cofundador cofundadora member members
  miembro miembros integrante integrantes journalist journalists periodista periodistas reporter reporters
  correspondent corresponsal lawyer lawyers abogado abogada abogados abogadas coordinator coordinador
  coordinadora spokesperson spokesman spokeswoman portavoz vocero vocera activist activists activista activistas
  researcher researchers investigador investigadora dirigente dirigentes exdirigente volunteer volunteers
  voluntario voluntaria voluntarios`);

/** Who speaks or works for a body, before "for" ("a spokesperson for X"). */
const SPEAKS_FOR = set('spokesperson spokesman spokeswoman spokespeople director coordinator');

/** A body's officers after its name in the possessive ("X's director", "X's founders", "X's executive director"). */
const OFFICERS_OF =
  /^['’]s\s+(?:(?:executive|founding|former|deputy|regional|country)\s+)?(?:director|directors|founder|founders|co-?founder|spokes(?:person|man|woman)|staff)\b/iu;

/**
 * Who reports or works for an outlet or group: "a journalist from Rudaw", "a team from Kloop", "someone
 * from Suspilne" (after "from", never a town: the caller rules places out). Not "lawyer": lawyers come
 * from towns the gazetteers miss ("a lawyer from Mansoura", rounds 5, 7).
 */
const REPORTER = set(
  'journalist journalists reporter reporters correspondent correspondents crew team someone staff',
);

/** Nouns a place's name follows, with or without "de"/"of" ("barrio X", "la alcabala de X", "city of X"). */
const PLACE_NOUNS = set(`barrio barriada sector urbanizacion urbanización urb parroquia caserio caserío aldea
  poblado pueblo localidad ciudad municipio estado region región alcabala peaje frontera avenida
  neighbourhood neighborhood district town city village state province region checkpoint slum metro
  estacion estación station terminal aeropuerto airport puerto rio río river cerro lago lake carretera
  autopista highway refineria refinería
  provincia provincias distrito distritos canton cantón comarca asentamiento corregimiento county prefecture
  governorate oblast`);

/** Prepositions of place ("in Koblenz", "en Masaya", "from Douma"): weakest cue, read strictly by the caller. */
const IN = set('in en from desde');

/** Weak place cues: a person may be near someone too. */
const NEAR = set('near cerca');

/** Nouns a place's name precedes ("the Petare neighbourhood", "Zulia state"). */
const PLACE_AFTER = set(
  'neighbourhood neighborhood district state province region slum area refinery prison jail',
);

/** Nouns an organization's name precedes ("the Voluntad Popular party", "the El Nacional newspaper"). */
const ORG_AFTER = set(
  'party movement coalition ngo newspaper daily network group organization organisation militia battalion brigade gang',
);

/** A place in relation to another ("…, al oeste de Caracas", "…, west of Caracas"). */
const BEARING =
  /^,?\s+(?:al\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste)\s+de|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\s+\p{Lu}/u;

/** No sentence or clause break between two tokens. */
const together = (text: string, a: Token, b: Token) => !/[.;:!?\n()]/.test(text.slice(a.end, b.start));

const ARTICLE = set('el la los las the a an un una su sus its their');

/** Two to four capitalized words ending at all[i] that open with a given name ("Natallia Satsunkevich"). */
function fullNameEndsAt(text: string, all: readonly Token[], i: number): boolean {
  let a = i;
  while (a > 0 && i - a < 3 && all[a - 1]!.cap && text.slice(all[a - 1]!.end, all[a]!.start) === ' ') a--;
  return a < i && GIVEN_NAMES.has(all[a]!.norm);
}
const OF = set('de del of');

/**
 * `place?`: a weak cue ("near X"), not enough for a name shaped like a person's. `place-in`: only a
 * preposition of place ("in X", "en X"), which also precedes organizations, outlets, languages and
 * the inner words of long institution names; the caller takes it only for a short name of no other kind.
 * `source`: "according to X", "según X" — an organization unless the name is shaped like a person's.
 */
export type Cue = 'organization' | 'source' | 'place' | 'place?' | 'place-in';

/** "ONG", "NGO" written in capitals open the run they cue: the name is what follows. */
export const isOrgNoun = (t: Token) => ORG_NOUNS.has(t.norm);

/** Words a person is addressed by before the name ("Professor", "Father", "Dr"); TITLES has the offices. */
const ADDRESSED = set(
  'professor prof dr father padre reverend rev sister hermana mr mrs ms sr sra don dona sheikh imam',
);

/** The kind the words before tokens[first] (or right after tokens[last]) give a name, if any. */
export function cueOf(text: string, all: readonly Token[], first: number, last: number): Cue | undefined {
  const around = cueAround(text, all, first, last);
  // "spoke with Professor Anna Theodoridou", "the group Father Anselm Baptiste founded": a title and a
  // name after it are a person's, whatever the words around say.
  if (
    (around === 'organization' || around === 'source') &&
    first < last &&
    (TITLES.has(all[first]!.norm) || ADDRESSED.has(all[first]!.norm))
  )
    return undefined;
  // "la revista Esquire México": a run cut before a capitalized word (a country, a person) is not the
  // whole name the cue announces; better none than half of it (round 11). An acronym after it may
  // close the name ("la empresa Silvercorp USA").
  const next = all[last + 1];
  if (
    around === 'organization' &&
    next?.cap &&
    !/^\p{Lu}{2,}$/u.test(next.text) &&
    text.slice(all[last]!.end, next.start) === ' '
  )
    return undefined;
  // "X, a Madrid-based group": the apposition outweighs a preposition of place before X.
  if (
    (around === undefined || around === 'place-in' || around === 'place?') &&
    describedAsOrganization(text, all[last]!.end)
  )
    return 'organization';
  return around;
}

function cueAround(text: string, all: readonly Token[], first: number, last: number): Cue | undefined {
  const after = all[last + 1];
  if (
    after &&
    !after.cap &&
    PLACE_AFTER.has(after.norm) &&
    /^ $/.test(text.slice(all[last]!.end, after.start))
  )
    return 'place';
  if (
    after &&
    !after.cap &&
    ORG_AFTER.has(after.norm) &&
    /^ $/.test(text.slice(all[last]!.end, after.start)) &&
    all[first - 1] !== undefined &&
    ARTICLE.has(all[first - 1]!.norm)
  )
    return 'organization';
  // "Karibu's director", "X's founders": a body's officers after its name in the possessive.
  if (OFFICERS_OF.test(text.slice(all[last]!.end, all[last]!.end + 40))) return 'organization';
  if (BEARING.test(text.slice(all[last]!.end, all[last]!.end + 40))) return 'place';
  let i = first - 1;
  const prev = all[i];
  if (!prev || !together(text, prev, all[first]!) || /,/.test(text.slice(prev.end, all[first]!.start)))
    return undefined;
  // "told Reuters"; in Spanish the name right after the verb is who spoke ("dijo Felipa Quispe",
  // "explicó Aridane Padrón": rounds 12, 13, 17, 19, 5 extras), the outlet follows "a" ("dijo a Efe").
  if (TOLD.has(prev.norm) && prev.norm === 'told') return 'organization';
  // "according to X", "según X": a source, and the caller keeps persons' names out.
  if (prev.norm === 'segun' || (prev.norm === 'to' && all[i - 1]?.norm === 'according')) return 'source';
  if (listOfOrgs(all, i, text)) return 'organization';
  // "trabajamos juntas en Sidor", "worked for Conviasa": where one works (places are ruled out by the caller).
  if (WORK_AT.has(prev.norm) && [i - 1, i - 2].some((k) => all[k] && /^(?:trabaj|work)/.test(all[k]!.norm)))
    return 'organization';
  if (prev.norm === 'a' && all[i - 1] && TOLD.has(all[i - 1]!.norm)) return 'organization';
  if (TO.has(prev.norm) && all[i - 1] && SPOKE.has(all[i - 1]!.norm)) return 'organization';
  // "a spokesperson for Karibu": whom one speaks for.
  if (prev.norm === 'for' && all[i - 1] && SPEAKS_FOR.has(all[i - 1]!.norm)) return 'organization';
  // "a journalist from Rudaw": the outlet one reports for (a town after "from" is ruled out by the caller).
  if (prev.norm === 'from' && all[i - 1] && REPORTER.has(all[i - 1]!.norm)) return 'organization';
  // "in Koblenz", "en Masaya": not inside a longer capitalized name ("Tribunal … en Funciones de Control").
  if (IN.has(prev.norm)) {
    const before = all[i - 1];
    const b2 = all[i - 2];
    // A capitalized word opening the sentence ("Families in Huila") is no name to be inside of.
    const opensSentence = before && (!b2 || /[.!?:\n]/.test(text.slice(b2.end, before.start)));
    const inside =
      (!opensSentence || ORG_HEADS.has(before.norm)) &&
      before?.cap &&
      together(text, before, prev) &&
      !/[,]/.test(text.slice(before.end, prev.start));
    return inside ? undefined : 'place-in';
  }
  // "cerca de X", "la alcabala de X", "city of X": skip the "de"/"of" and read the noun before it.
  let sawOf = false;
  if (OF.has(prev.norm) && all[i - 1] && together(text, all[i - 1]!, prev)) {
    i--;
    sawOf = true;
  }
  const noun = all[i]!;
  // "Natallia Satsunkevich of Viasna": a person's full name before "of" says where the person works.
  if (sawOf && prev.norm === 'of' && noun.cap && last === first && fullNameEndsAt(text, all, i))
    return 'organization';
  if (noun.cap && !ORG_NOUNS.has(noun.norm)) return undefined;
  if (NEAR.has(noun.norm)) return 'place?';
  if (PLACE_NOUNS.has(noun.norm)) return 'place';
  // "exgerente de X", "ingeniero jubilado de X", "an employee of X": where one works or worked.
  // "dirigente vecinal de Petare Jesús Alberto Guevara": a given name inside the run makes it a
  // place and a person, not an employer.
  const givenInside = all.slice(first + 1, last + 1).some((t) => GIVEN_NAMES.has(t.norm));
  if (
    sawOf &&
    !givenInside &&
    (EMPLOYEE.has(noun.norm) || (!noun.cap && all[i - 1] && EMPLOYEE.has(all[i - 1]!.norm)))
  )
    return 'organization';
  if (sawOf) return undefined;
  if (ORG_NOUNS.has(noun.norm)) return 'organization';
  // One adjective between: "la ONG venezolana X", "the human rights group X" (group is the noun);
  // a title or role is no adjective: "the union leader X" names a person.
  if (TITLES.has(noun.norm) || roleOfWord(noun.text)) return undefined;
  const before = all[i - 1];
  if (
    before &&
    !before.cap &&
    !ARTICLE.has(noun.norm) &&
    together(text, before, noun) &&
    ORG_NOUNS.has(before.norm)
  )
    return 'organization';
  return undefined;
}

const PREPOSITIONS = set('de del of para por con en in on at to a al from desde');

/** Nouns of an apposition that say the name before it is an organization's. */
const ORG_APPOSITION = new Set([
  ...ORG_NOUNS,
  ...set(`institute instituto outlet medio unit unidad wing ala brazo network red collective colectivo
    channel canal site sitio broadcaster militia milicia gang banda cartel guerrilla`),
]);

/**
 * "X, a Madrid-based group that …", "X, el medio independiente que …", "X, the national forensic
 * institute", "X, another Cambodian group", "X, the Zimbabwean human rights defenders' network": the
 * apposition after a name (an article or "another", at most four more words) says it is an
 * organization's. A title or a person's noun among them ("X, the group's director") says it is not.
 */
function describedAsOrganization(text: string, end: number): boolean {
  const m =
    /^,\s+(?:(?:a|an|the|its|another|one|el|la|los|las|un|una|su|otra|otro)\s+)((?:[\p{L}\p{M}'’-]+\s+){0,4})([\p{Ll}\p{M}]+)\b/u.exec(
      text.slice(end, end + 80),
    );
  if (!m) return false;
  const words = [...m[1]!.trim().split(/\s+/).filter(Boolean), m[2]!].map((w) =>
    fold(w.replace(/['’]s?$/, '')),
  );
  const head = words.findIndex((w) => ORG_APPOSITION.has(w));
  // "…, a través de la red social X": a preposition before the noun makes it no apposition.
  if (words.slice(0, Math.max(0, head)).some((w) => PREPOSITIONS.has(w))) return false;
  // The organization noun heads the apposition: nothing after it names a person ("the group's director").
  return head >= 0 && !words.slice(head + 1).some((w) => TITLES.has(w) || roleOfWord(w) !== undefined);
}

/**
 * An organization named as a list: "Justicia, Encuentro y Perdón" after "the group". From the end of
 * the first word, the offset where the name ends (commas and one "y"/"and" between capitalized words).
 */
export function listNameEnd(text: string, end: number): number {
  const m = /^(?:,\s\p{Lu}[\p{L}\p{M}]+)+\s(?:y|and|e)\s\p{Lu}[\p{L}\p{M}]+/u.exec(
    text.slice(end, end + 120),
  );
  return m ? end + m[0].length : end;
}

/** Verbs an outlet is the subject of ("El Faro publicó", "La Prensa reveló"). */
const PUBLISHED = set(
  'publico publicó publica publicaba revelo reveló informo informó difundio difundió published reported revealed',
);
/** "salió en X", "publicado en X": where a story came out. */
const CAME_OUT = set('salio salió publicado publicada publicados publicadas aparecio apareció');

/**
 * "El Faro publicó la historia", "Salió en El Faro": a name opening with its own capitalized article,
 * the subject of a verb of publishing or where a story came out, is an outlet — even when the words after
 * the article name a place elsewhere ("Faro" is a Portuguese region). Rounds 3, 42 (El Salvador).
 */
export function outletCue(text: string, all: readonly Token[], first: number, last: number): boolean {
  const art = all[first]!;
  if (!['el', 'la', 'los', 'las', 'the'].includes(art.norm) || !art.cap || last === first) return false;
  const after = all[last + 1];
  if (after && !after.cap && PUBLISHED.has(after.norm) && text.slice(all[last]!.end, after.start) === ' ')
    return true;
  const prep = all[first - 1];
  const verb = all[first - 2];
  return (
    prep?.norm === 'en' &&
    verb !== undefined &&
    CAME_OUT.has(verb.norm) &&
    text.slice(verb.end, prep.start) === ' ' &&
    text.slice(prep.end, art.start) === ' '
  );
}
