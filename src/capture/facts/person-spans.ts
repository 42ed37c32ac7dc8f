/**
 * How persons' names are written, read on a span another stage proposed as a person (the trained
 * tagger's additions, `../tagger/refine.ts`): where the name starts and ends, what cannot be a
 * person's name whatever the model scored, and which other name of the text the same person bears.
 * Pure: text and offsets in, offsets or a verdict out.
 */
import { CLERGY, HONORIFICS } from './entities.js';
import { fold, GIVEN_NAMES, SPANISH_MONTHS, STOP_CAPS, SURNAME_SET, TITLES } from './lexicon.js';
import { libraryLexicon, PEOPLES } from './names.js';
import { ORG_WORDS } from './orgs.js';
import { lookupPlace } from './places.js';
import { columnAt, rowAt } from './tables.js';
import { isDemonym } from './world.js';

interface Span {
  start: number;
  end: number;
}

/** Words of a span with their offsets. */
function wordsOf(
  text: string,
  s: Span,
): { text: string; norm: string; plain: boolean; start: number; end: number }[] {
  return [...text.slice(s.start, s.end).matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    norm: fold(m[0]).replace(/[.,;:]+$/, ''),
    plain: m[0].normalize('NFD') === m[0],
    start: s.start + m.index,
    end: s.start + m.index + m[0].length,
  }));
}

const isCapitalName = (w: string) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w);

/**
 * Forms of address written before a name in several languages: "Me" and "Maître" (French bar), "Mr",
 * "Dr"; the style of heads of state in official communiqués ("Su Excelencia Obiang Nguema Mbasogo",
 * "His Excellency"), no part of the name.
 */
const ADDRESS = new Set(
  'me mme mlle mr mrs ms mx dr messrs sr sra srta dona hon rt lt col sgt cpl gen excelencia excellency'.split(
    ' ',
  ),
);
/**
 * Forms of address that stand before one name of the person they name, in the languages the texts
 * quote, with the sex they address ('f', 'm'; undefined for either): Indonesian "Ibu Siti", "Mbak
 * Dewi", "Pak Harto"; Swahili and Shona "Mama Grace", "Mai Chigumba"; Maghrebi "Hadja Zohra", "Sidi
 * Omar"; French "Maître Belkacem"; Spanish and Portuguese "don Hernán", "doña Juana", "hermana Pilar",
 * "avô Joaquim"; Tagalog "Ka Percy", "Tita Baby"; English "Mrs Gitau", "Aunty Phyllis", "Dr Essop".
 * Rounds 12–44 wrote 27 such forms of persons the text also names in full, in 14 rounds and some 20
 * countries; the rules left each a person apart.
 */
const ADDRESS_FORMS: ReadonlyMap<string, 'f' | 'm' | undefined> = new Map([
  ...`ibu bu mbak mama mai mrs ms miss madam madame mme aunty auntie aunt hadja hajja hajjah dona senora sra
  hermana tia abuela licenciada doctora sister granny grandma nana lola tita mami`
    .split(/\s+/)
    .map((w) => [w, 'f'] as const),
  ...`mr pak bapak mas don senor sr hermano tio abuelo uncle grandad grandpa hajji haji hadj sidi lolo
  tito obbo papa papi`
    .split(/\s+/)
    .map((w) => [w, 'm'] as const),
  // "Lcda.", "Lcdo.": the Dominican and Central American abbreviations of "licenciada", "licenciado".
  ...'dr maitre me ka kak avo prof professor sayyed khun datu chef lcda lcdo licda licdo'
    .split(' ')
    .map((w) => [w, undefined] as const),
]);

/** Every courtesy and kinship form of address above, folded ("mrs", "dona", "aunty", "ka"). */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set([...ADDRESS, ...ADDRESS_FORMS.keys()]);

/**
 * The one name a person's name written with a form of address before it holds ("Ibu Siti" → "siti",
 * "Mrs Gitau" → "gitau", "Maître Belkacem"), from the name's folded words; `given` when the form is
 * itself a given name ("Don", "Tita", "Lola"), so that only a given name may follow it. Titles and
 * honorifics of office count too ("Justice Keegan", "Father Stan"). `undefined` for any other name.
 */
export function addressedName(
  words: readonly string[],
): { name: string; sex: 'f' | 'm' | undefined; given: boolean } | undefined {
  if (words.length !== 2) return undefined;
  const [form, name] = words as [string, string];
  const office = ADDRESS.has(form) || TITLES.has(form) || HONORIFICS.has(form) || CLERGY.has(form);
  if (!ADDRESS_FORMS.has(form) && !office) return undefined;
  if (ADDRESS_FORMS.has(name) || ADDRESS.has(name)) return undefined;
  return { name, sex: ADDRESS_FORMS.get(form), given: GIVEN_NAMES.has(form) };
}

/**
 * A courtesy or kinship form of address ("Ibu", "doña", "Mrs", "Hadja"), not a title of office or an
 * honorific ("Dr", "Justice", "Sheikh"): the one that may stand before a given name of someone
 * named in full elsewhere ("Ibu Theresia"); a title before a given name is often the whole public
 * name of someone else ("Sheikh Hasina", "Father Stan").
 */
export const courtesyForm = (norm: string): boolean => ADDRESS_FORMS.has(norm);

/**
 * Whether a person whose name opens with `given` may be the one a form of address of sex `sex`
 * names: not "Mama Kevin" (Kevin's mother, a person of her own) for "Kevin Otieno", nor "Mrs Smith"
 * for "John Smith"; a name the lexicon gives both sexes, or neither, fits either form.
 */
export function fitsAddress(sex: 'f' | 'm' | undefined, given: string): boolean {
  if (sex === undefined) return true;
  const tags = lexiconTags(given);
  const female = tags.includes('FemaleName');
  const male = tags.includes('MaleName');
  return sex === 'f' ? !(male && !female) : !(female && !male);
}

/** A form of address alone ("Papa", "Tita", "Mama", "Hajja"): a kinship or courtesy word, no one's name. */
export function bareAddress(norm: string): boolean {
  // "Mai" and "Nana" are given names too (Vietnamese, Akan); "Ka" a syllable of many names.
  // "Tita" a Spanish nickname.
  return ADDRESS_FORMS.has(norm) && !GIVEN_NAMES.has(norm) && !/^(?:mai|nana|ka|me|mas|tita)$/.test(norm);
}

/**
 * Forms of address the annotators keep with the one given name or nickname a person goes by ("doña
 * Chepita", "el Padre Chuy", "Capitán Rolando", "Mzee Kipsang"; guide: honorific forms kept as
 * written). Counted in rounds 1–58 (held-apart rounds left out) before the one name of persons the
 * text names no other way: Spanish don/doña 47 kept to 12 not, padre 9 to 1; English capitalized
 * Mama, Auntie, Aunt, Uncle, Sheikh, Captain 31 to 2. Left out, kept about as often as dropped or
 * seldom seen: "doctor(a)", "abuela", "señora", "licenciada", "Mr", "Dr", "Father", "Sister", and
 * lower-case kinship ("my sister Musu", "cousin Dawit", "hermano Ariel": 2 kept to 117 not). Each
 * language's forms in its own texts only ("Padre Kwiriwi" of an English list was written bare).
 */
const KEPT_FORMS: Record<string, { any: ReadonlySet<string>; capital: ReadonlySet<string> }> = {
  es: {
    any: new Set('don dona padre capitan comandante coronel pastor'.split(' ')),
    capital: new Set(['tia', 'tio']),
  },
  en: {
    any: new Set(),
    capital: new Set('mama auntie aunt uncle captain hajja hajji mzee sheikh pastor'.split(' ')),
  },
};

/**
 * Where the name of a person known by one name (`s`, one word) starts when a form of address the
 * annotators keep stands right before it ("doña Chepita", "el Capitán Rolando" → "Capitán Rolando");
 * `s.start` when none does, and before a surname of the stock ("doctor Cárdenas", "don Saavedra":
 * annotators keep the surname bare).
 */
export function addressFormStart(text: string, s: Span, language: string): number {
  const forms = KEPT_FORMS[language];
  if (!forms) return s.start;
  const name = fold(text.slice(s.start, s.end));
  if (SURNAME_SET.has(name) && !GIVEN_NAMES.has(name)) return s.start;
  const head = /(?<![\p{L}\p{M}.])(\p{L}+) $/u.exec(text.slice(Math.max(0, s.start - 14), s.start));
  if (!head) return s.start;
  const form = fold(head[1]!);
  const kept = forms.any.has(form) || (forms.capital.has(form) && /^\p{Lu}/u.test(head[1]!));
  return kept ? s.start - head[0].length : s.start;
}

/**
 * Courtesy forms a name of two words or more is written after and that no name holds ("Madam Ebiere
 * Tonye", "Obbo Gemechu Tolera", "Mbak Ratna Sari"); not the honorifics annotators keep as part of
 * a name ("Sidi Salem Bachir", "Hajji Murad Khalaf", "Nana Yaa Owusu").
 */
const COURTESY = new Set(
  'madam madame obbo ibu bu mbak pak bapak mas aunty auntie uncle grandad grandpa grandma granny'.split(' '),
);

/** Words a place follows in a clause ("de Maracaibo", "desde Madrid", "from Goma"). */
const PLACE_PREPOSITIONS = new Set('de del desde en from of in at'.split(' '));
/** Kinds of word compromise's lexicon gives that never open a name: "Remember", "Free", "Your", "Some", "State". */
const NOT_OPENING =
  /^(?:Possessive|Pronoun|Determiner|Infinitive|Adjective|Honorific|Preposition|Conjunction|QuestionWord|Expression)$/;
/** Verbs a letter or a message opens a request with, before whom it is about ("Ask Souad …", "Tell Omar …"). */
const REQUESTS = new Set('ask tell call greet kiss hug'.split(' '));

/**
 * Spanish words written capitalized in the names of bodies, operations, documents and events that no
 * person's name holds ("Operación", "Búsqueda", "Boletín", "Lugar" of a table's label, "Nacional"):
 * nouns and adjectives by their endings (-ción, -idad, -edad, -ismo, -miento, plural -arios, -ivo, the
 * esdrújulas in -ico written with their accent, -ional, -icial), and a few common words no ending
 * gives. Given names and surnames of the stock are never such words ("Asunción", "Soledad", "Rosario",
 * "Mónica", "Rivas").
 */
const SPANISH_COMMON = new Set(
  `lugar fecha sistema efecto bloque boletin busqueda carta informe comunicado publicacion sentencia
  expediente caso causa pascua tercer tercera nordeste noreste noroeste
  sureste suroeste norte sur oeste oriente occidente forestal muerte victimas verdad justicia
  presidente presidenta constitucional encargado encargada interino interina`.split(/\s+/),
);
/** Given names the endings would take: the Marian and virtue names of Spanish women and men. */
const NAMES_WITH_COMMON_ENDINGS = new Set(
  `asuncion concepcion encarnacion ascension purificacion anunciacion visitacion presentacion
  trinidad soledad caridad piedad natividad felicidad bondad rosario hilario macario belisario
  olegario januario nazario sagrario cesario marcial primitivo olivas nacimiento`.split(/\s+/),
);
function spanishCommonWord(word: string): boolean {
  const norm = fold(word).replace(/[.,;:]+$/, '');
  if (GIVEN_NAMES.has(norm) || SURNAME_SET.has(norm) || NAMES_WITH_COMMON_ENDINGS.has(norm)) return false;
  if (SPANISH_COMMON.has(norm)) return true;
  if (norm.length < 6) return false;
  return (
    /(?:cion|sion|idad|edad|udad|ismo|amientos?|imientos?|ivos?|ivas?|ional|icial|ocial|ipal)$/.test(norm) ||
    (norm.length >= 8 && /(?:arios|arias)$/.test(norm)) ||
    (norm.length >= 10 && /(?:ario|aria)$/.test(norm)) ||
    // "Jurídico", "Pública", "Católicos": the accent of an esdrújula in -ico.
    /[áéíóú]\p{L}*ic[oa]s?$/u.test(word.toLowerCase())
  );
}

function opensNoName({ norm, plain }: { norm: string; plain: boolean }): boolean {
  if (GIVEN_NAMES.has(norm) || SURNAME_SET.has(norm)) return false;
  // "Judges Marc Vuilleumier and …": a title in the plural is still a title.
  const forms = [norm, norm.replace(/s$/, ''), norm.replace(/es$/, '')];
  if (ADDRESS.has(norm) || forms.some((w) => TITLES.has(w) || HONORIFICS.has(w) || CLERGY.has(w)))
    return true;
  if (REQUESTS.has(norm)) return true;
  // "Lê Minh Tuấn": a word written with accents is no English word the lexicon knows ("le").
  if (!plain) return false;
  const tag = libraryLexicon()[norm];
  return tag !== undefined && (Array.isArray(tag) ? tag : [tag]).every((t) => NOT_OPENING.test(t));
}

/**
 * Where a person's name proposed as `s` really starts: past titles, forms of address and words
 * that open no name ("Me Alain Werner", "Judges Marc Vuilleumier", "Remember Sonia Dahmani",
 * "Secretary of State Antony Blinken" read from "State"), while two capitalized words are left;
 * past a place, capitals or a "noun de" before the given name that opens it.
 */
export function personStart(text: string, s: Span): number {
  const joined = portugueseHead(text, s);
  if (joined < s.start) return joined;
  const initialed = initialHead(text, s);
  if (initialed < s.start) return initialed;
  const words = wordsOf(text, s);
  let k = 0;
  // "Presidente Constitucional Nicolás Maduro", "Fiscal Interino Ramiro Llanos": a Spanish common word
  // after a title, or before a given name; not "Operación Cóndor Andino", no person at all.
  const commonBefore = (i: number) => {
    let j = i;
    while (j < words.length && spanishCommonWord(words[j]!.text)) j++;
    return j > i && j < words.length && GIVEN_NAMES.has(words[j]!.norm);
  };
  // "Madam Ebiere Tonye", not "Madam Justice Gropper-Lindqvist" (a form written whole).
  const courtesy = (i: number) =>
    COURTESY.has(words[i]!.norm) && !GIVEN_NAMES.has(words[i]!.norm) && !opensNoName(words[i + 1]!);
  while (
    words.length - k > 2 &&
    (opensNoName(words[k]!) ||
      courtesy(k) ||
      (spanishCommonWord(words[k]!.text) && (k > 0 || commonBefore(k))))
  )
    k++;
  // "Maracaibo Leonardo Fernández", "EFE Fátima Abdelrahman", "Carta de Wilfredo Quispe": a dateline's
  // place, an agency's capitals or a noun with "de" run into the name, which opens with its given name.
  if (k === 0) {
    const g = words.findIndex((w, i) => i > 0 && words.length - i >= 2 && GIVEN_NAMES.has(w.norm));
    const lead = words.slice(0, Math.max(0, g));
    const after = /(?:^|\s)(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, s.start - 12), s.start))?.[1];
    if (
      g > 0 &&
      lead.every((w) => !GIVEN_NAMES.has(w.norm)) &&
      // "el exalcalde de Maracaibo Leonardo …", "declaró desde Madrid Pilar …"
      ((after !== undefined &&
        PLACE_PREPOSITIONS.has(after) &&
        lookupPlace(text.slice(s.start, lead[lead.length - 1]!.end)) !== undefined) ||
        // "contó a EFE Fátima …" (not a name written all in capitals)
        (lead.every((w) => /^\p{Lu}{2,5}$/u.test(w.text)) && /\p{Ll}/u.test(words[g]!.text)) ||
        (lead.length >= 2 && /^(?:de|del|of)$/.test(lead[lead.length - 1]!.text)))
    )
      k = g;
  }
  const rest = words.slice(k);
  return k > 0 && isCapitalName(rest[0]!.text) && isCapitalName(rest[rest.length - 1]!.text)
    ? rest[0]!.start
    : s.start;
}

/** One or two capitalized words and a Portuguese joining particle right before a span. */
const PORTUGUESE_HEAD =
  /(?<![\p{L}\p{M}])(?:(\p{Lu}[\p{Ll}\p{M}'’-]+) )?(\p{Lu}[\p{Ll}\p{M}'’-]+) (?:da|das|dos|do) $/u;
/**
 * Where a Portuguese name starts when the span holds only the surnames after its particle ("Silva
 * Neves" of "Wellington da Silva Neves", "Chagas Lima" of "Francisco das Chagas Lima"): at the given
 * name (of the stock) before the particle, with a second given name or surname between. Rounds 2–58
 * write 23 such names in 8 rounds (Brazil, East Timor); LORO 49 cut two of them.
 */
function portugueseHead(text: string, s: Span): number {
  if (!/^\p{Lu}/u.test(text.slice(s.start, s.start + 1))) return s.start;
  const head = text.slice(Math.max(0, s.start - 50), s.start);
  const m = PORTUGUESE_HEAD.exec(head);
  if (!m) return s.start;
  const from = s.start - (head.length - m.index);
  // "Contó Francisco das Chagas Lima": a word opening the sentence opens the name only if a given name.
  const opening = opensSentence(text, from) && !GIVEN_NAMES.has(fold(m[1] ?? ''));
  if (m[1] !== undefined && !opening && portugueseGiven(m[1])) return from;
  if (portugueseGiven(m[2]!)) return s.start - (head.length - m.index - (m[1] ? m[1].length + 1 : 0));
  return s.start;
}
/** A name and one initial with its period right before a span: "Yokasta M. " of "Yokasta M. Rosario Almonte". */
const INITIAL_HEAD = /(?<![\p{L}\p{M}.])(\p{Lu}[\p{Ll}\p{M}'’-]+) \p{Lu}\. $/u;
/**
 * Where a name starts when the span holds only the surnames after a given name and an initial ("la
 * magistrada Yokasta M. Rosario Almonte", read as "Rosario Almonte" in round 62): at the given name,
 * a given name of the stock or a word of no other kind, not a word opening the sentence. Rounds 2–58
 * write 26 names with a middle initial (the rules read a given name, an initial and one surname
 * whole: `initialedName`).
 */
function initialHead(text: string, s: Span): number {
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(s.start, s.start + 2))) return s.start;
  const head = text.slice(Math.max(0, s.start - 30), s.start);
  const m = INITIAL_HEAD.exec(head);
  if (!m) return s.start;
  const from = s.start - (head.length - m.index);
  const given = GIVEN_NAMES.has(fold(m[1]!));
  if (!given && (opensSentence(text, from) || !portugueseGiven(m[1]!) || !aName(fold(m[1]!)))) return s.start;
  return from;
}

/** Words opening Portuguese places' names ("Rio da Prata", "Ilha do Mel", "Vila Autódromo"), never a given name. */
const PORTUGUESE_PLACE_OPENERS = new Set(
  'rio ilha vila serra porto praia morro sao santo santa nossa'.split(' '),
);
/**
 * A word that may open a Portuguese name: a given name of the stock, or a word of no other kind
 * (the stock lacks most Brazilian names: "Sebastião", "Luzia", "Wellington" a city's name too).
 */
function portugueseGiven(w: string): boolean {
  const norm = fold(w);
  if (GIVEN_NAMES.has(norm)) return true;
  if (PORTUGUESE_PLACE_OPENERS.has(norm) || otherWord(w) || opensNoName({ norm, plain: true })) return false;
  return !englishCommonWord(norm);
}

/**
 * Where a person's name proposed as `s` really ends: with a patronymic written in lower case after it
 * (Central Asian and Turkic "kyzy", "uulu", "ogly", "qizi": "Makhabat Tazhibek kyzy"), with a
 * Portuguese surname joined by "dos"/"das"/"do", and with the period of a closing initial ("Ahmad
 * H.", "J.R.M.").
 */
export function personEnd(text: string, s: Span): number {
  // "Zulma Jaldín Vda. de Rocha": a span cut at the period of "Vda." ends with the widow's surname.
  const widowWord = /\s(?:Vda|vda|Viuda|viuda)$/u.exec(text.slice(s.start, s.end));
  if (widowWord) {
    const own = { start: s.start, end: s.end - widowWord[0].length };
    const married = marriedName(text, own);
    if (married > own.end) return married;
  }
  const patronymic = /^ (?:kyzy|uulu|ogly|oglu|ogli|qizi|kizi|gyzy|uly|ugli)(?![\p{L}])/u.exec(
    text.slice(s.end, s.end + 8),
  );
  if (patronymic) return s.end + patronymic[0].length;
  // "Sophie Van den Berghe", "Pieter van der Merwe", "Ursula von Brandt": a Dutch, Flemish, German or
  // Afrikaans particle run and the surname it opens, cut off after the given name or after a capital
  // "Van" (rounds 2, 6 and 11 each had one such name; Spanish "de" is left to the name rules).
  const last = text.slice(s.start, s.end).split(/\s+/).pop()!;
  const particle = /^(?:Van|Von|Ter|Ten|De|Du)$/u.test(last)
    ? /^(?: (?:der|den|de|het))? \p{Lu}[\p{Ll}\p{M}'’-]+(?![\p{L}\p{M}])/u.exec(text.slice(s.end, s.end + 40))
    : GIVEN_NAMES.has(fold(last))
      ? /^ (?:van|von|ter|ten)(?: (?:der|den|de|het))? \p{Lu}[\p{Ll}\p{M}'’-]+(?![\p{L}\p{M}])/u.exec(
          text.slice(s.end, s.end + 40),
        )
      : null;
  if (particle) return s.end + particle[0].length;
  // "Maria Aparecida dos Santos", "Raimunda Conceição dos Santos", "Ana das Dores Lima", "Elias Pereira
  // da Silva": Portuguese joins a surname with "dos", "das", "do", "da" (Spanish and English texts
  // quote such names whole).
  const joined =
    /^ (?:dos|das|do|da) \p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+)?(?![\p{L}\p{M}])/u.exec(
      text.slice(s.end, s.end + 60),
    );
  if (joined && isCapitalName(text.slice(s.start, s.end).split(/\s+/).pop()!))
    return s.end + joined[0].length;
  const married = marriedName(text, s);
  if (married > s.end) return married;
  const devotional = devotionalGiven(text, s);
  if (devotional > s.end) return devotional;
  // "George H. W." cut at an initial's period before its surname: a given name, initials, the surname
  // (a word no lexicon knows as anything but a name: not "Ahmad H. The", "Ahmad H. Police").
  const span = text.slice(s.start, s.end);
  const surname = /^\.?((?:\s\p{Lu}\.)*)\s(\p{Lu}[\p{L}\p{M}'’-]+)(?![\p{L}\p{M}.])/u.exec(
    text.slice(s.end, s.end + 40),
  );
  if (
    surname &&
    /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)*\s\p{Lu}\.?$/u.test(span) &&
    GIVEN_NAMES.has(fold(span.split(/\s/)[0]!)) &&
    !GIVEN_NAMES.has(fold(surname[2]!)) &&
    !STOP_CAPS.has(fold(surname[2]!)) &&
    aName(fold(surname[2]!))
  )
    return s.end + surname[0].length;
  if (text[s.end] === '.' && /(?:^|[\s.])\p{Lu}$/u.test(span)) return s.end + 1;
  return s.end;
}

/** "de Dios" after a given name, and up to two surnames after it. */
const DE_DIOS = /^ de Dios((?: \p{Lu}[\p{Ll}\p{M}'’-]+){0,2})(?![\p{L}\p{M}])/u;
/**
 * Where a name with the devotional given name "Juan de Dios" ends ("Juan de Dios Sepúlveda Muñoz",
 * "don Juan de Dios"): the rules stop before "Dios", a common word (rounds 42 and 62, two persons
 * of Honduras and Chile). Only after a given name of the stock; surnames that are no other word.
 */
function devotionalGiven(text: string, s: Span): number {
  const last = text.slice(s.start, s.end).split(/\s+/).pop()!;
  if (!GIVEN_NAMES.has(fold(last))) return s.end;
  const m = DE_DIOS.exec(text.slice(s.end, s.end + 60));
  if (!m) return s.end;
  const surnames = m[1]!.trim() ? m[1]!.trim().split(' ') : [];
  let end = s.end + ' de Dios'.length;
  for (const w of surnames) {
    if (otherWord(w) || !aName(fold(w))) break;
    end += w.length + 1;
  }
  return end;
}

/** A married woman's surname after her own: "viuda de Quispe", "vda. de Choque", "de Mattei", "de la Cruz". */
const MARRIED = /^ ([Vv]iuda de|[Vv]da\.? de|de)(?: (?:la|los))? (\p{Lu}[\p{Ll}\p{M}'’-]+)(?![\p{L}\p{M}])/u;
/**
 * Where a Spanish woman's name ends when she bears her husband's surname after her own ("Felipa
 * Quispe viuda de Laura", "Elvira Xol de Choc", "Gladys Bentancor de Mattei"): rounds 12, 13, 14,
 * 17, 18 and 19 each write such names, and the rules stopped before "de". "viuda de" names a
 * surname after any name; a bare "de" only after a woman's given name and a surname, and not
 * before a place ("María Pérez de Caracas" is where she is from) or a body's word.
 */
export function marriedName(text: string, s: Span): number {
  const m = MARRIED.exec(text.slice(s.end, s.end + 50));
  if (!m) return s.end;
  const words = text.slice(s.start, s.end).split(/\s+/);
  if (words.length < 2 || !words.every((w) => isCapitalName(w) || /^(?:de|del|la)$/.test(w))) return s.end;
  const surname = fold(m[2]!);
  if (bodyWord(surname) || STOP_CAPS.has(surname) || spanishCommonWord(m[2]!) || SPANISH_MONTHS.has(surname))
    return s.end;
  // "de Amnistía Internacional", "de San Juan": a name of more words after "de" is a body's or a place's.
  if (/^\s*\p{Lu}/u.test(text.slice(s.end + m[0].length, s.end + m[0].length + 3))) return s.end;
  const widow = m[1] !== 'de';
  if (!widow) {
    const first = fold(words[0]!);
    const woman = lexiconTags(first).includes('FemaleName') || (GIVEN_NAMES.has(first) && /a$/.test(first));
    if (!woman || (lookupPlace(m[2]!) !== undefined && !SURNAME_SET.has(surname))) return s.end;
  }
  return s.end + m[0].length;
}

/**
 * An English word made with a suffix of abstract nouns and adjectives ("Statements", "Procurement",
 * "Terrorism", "Accountability", "Unlawful"), seven letters or more and in no name list: no
 * annotated person of rounds 1–11 holds one; four English extras of rounds 7, 8 and 11 did
 * ("False Statements", "Terrorism Circuit", "… Accountability Archive"). The English counterpart of
 * `spanishCommonWord`; "-ing", "-ist", "-ery", "-ship" and "-ence" are left out (Monching, Lindqvist,
 * Rosmery, Winship, Florence).
 */
function englishCommonWord(norm: string): boolean {
  if (norm.length < 7 || GIVEN_NAMES.has(norm) || SURNAME_SET.has(norm)) return false;
  return /(?:ments?|isms?|tions?|ness|ities|ity|hoods?|ful|less|ables?|ibles?)$/.test(norm);
}

/** compromise's tags of a word, as a list. */
function lexiconTags(norm: string): string[] {
  const tag = libraryLexicon()[norm];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

/**
 * Words that name bodies, groups and prizes in other languages than the organization rules read
 * ("Grupa Granica", "Sienos Grupė", "Ligue Iteka", "Fundacja Ocalenie", "Jama'at Nusrat al-Islam"):
 * a span holding one names no person.
 */
const BODY_WORDS = new Set(
  `grupa grupe grupo gruppe groupe ligue liga lyga fundacja fondation fondazione fundacao stiftung stichting
  verein vereniging stowarzyszenie zwiazek sojuz soyuz komitet komitee comite comitato associazione associacao
  association asociatia spolek sdruzeni centrum zentrum tsentr jamaat jama'at jamiat jamiyat harakat hizb
  tanzim majlis shura jabhat jaish liwa ahrar tahrir sangathan samiti sangh sabha parishad morcha kongres kongress partia partei partido
  partij strana frente front fronte squad squadron column columna brigade brigada award awards prize prizes
  premio prix medal medalla solidarity solidaridad solidarnosc`.split(/\s+/),
);

/** A word a person's name never holds: a body's or a prize's word in any language the rules know. */
/** Words of organizations' names that are surnames too ("Moussa Dadis Camara", "Frank Church", "Emiliano Sala"). */
/**
 * Last words of a company's name ("Nordvik Apparel", "Dandong Haeyang Foods", "Jet Blast Charter",
 * "PT Pusaka Benjina Resources", "Tahoe Resources Inc."), not in `ORG_WORDS`: the tagger read four
 * such companies as persons in the LORO lists of rounds 47–54. The gold of rounds 1–54 holds 20 bodies
 * and no person whose name ends so.
 */
const COMPANY_HEADS = new Set(
  `resources foods apparel charter seafood seafoods textiles textile garments garment logistics holdings
  trading fisheries mining minerals shipping airlines airways aviation industries enterprises ventures
  investments ltd limited inc corp plc llc gmbh motors petroleum pharmaceuticals technologies
  consulting plantations exports`.split(/\s+/),
);
const SURNAMES_TOO = new Set(['camara', 'church', 'sala', 'alto']);
const bodyWord = (norm: string) => BODY_WORDS.has(norm) || (ORG_WORDS.has(norm) && !SURNAMES_TOO.has(norm));

/** Nouns of places a name stands before or after ("the Ashulia police station", "Zamzam camps", "Miranda State"). */
const PLACE_NOUNS = new Set(
  `village villages town towns city district districts province provinces region regions subdivision county
  counties camp camps neighbourhood neighborhood area areas municipality municipalities state states
  valley river prison prisons jail police station market border crossing airport refinery settlement
  settlements township townships zone zones woreda woredas kebele kebeles ward wards suburb suburbs quarter
  quarters commune communes barangay barangays locality localities governorate governorates lga sub-county
  estate island`.split(/\s+/),
);
/** Place nouns English writes capitalized after the name ("Miranda State"); not "Camps", a surname. */
const CLOSING_PLACE_NOUNS = new Set(
  `state province district region county valley township municipality subdivision village prison jail
  town city road street avenue square bridge beach stadium cemetery barracks mosque cathedral island islands
  bay zone lagoon estate junction roundabout gate market hill hills gardens fountain hospital clinic school
  college academy primary`.split(/\s+/),
);
/** Words opening the names of Spanish places and never a person's: saints' titles, features, settlements. */
const PLACE_OPENERS = new Set(
  'san santa santo sierra loma isla puerto cerro ciudad valle playa laguna bahia punta colonia barrio rio lago'.split(
    ' ',
  ),
);
/** Prepositions a place follows and a person does not (in rounds 1–9 no annotated English name of two words did). */
const INTO = new Set(
  'in into near inside outside across around towards toward through throughout'.split(' '),
);
/** Verbs and nouns "at" follows when it aims at a person: "looked at", "fired at", "at close range at". */
const AIMED_AT =
  /(?<!\p{L})(?:look(?:s|ed|ing)?|star(?:e|es|ed|ing)|glar(?:e|es|ed|ing)|glanc(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|shot|shoot(?:s|ing)?|aim(?:s|ed|ing)?|point(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|scream(?:s|ed|ing)?|laugh(?:s|ed|ing)?|smil(?:e|es|ed|ing)|wav(?:e|es|ed|ing)|range|angry|mad|upset|furious)\s+at\s+$/u;
/** Lower-case nouns of bodies and outlets: "the human rights centre Viasna", "Simukai, the … organisation". */
const BODY_NOUNS = new Set(
  `organisation organization organisations organizations group groups centre center agency outlet outlets
  newspaper newspapers site website channel broadcaster party movement network coalition union association
  foundation ngo ngos collective initiative platform magazine service society charity`.split(/\s+/),
);
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** A name's head when it ends a range of places: "from X to ", "Piassa–". */
const PLACE_RANGE_BEFORE = new RegExp(
  String.raw`(?:(?<!\p{L})from\s+(${NAME_WORD})(?:\s+${NAME_WORD})*\s+to\s+|\p{L}–)$`,
  'u',
);
/**
 * A range's other end, when `s` ends or opens one: "–Shiro Meda", " to Megenagna" after "from ",
 * "from Nessuit to " before it ('' when joined by an en dash before it); undefined when none.
 */
function rangeOtherEnd(head: string, tail: string): string | undefined {
  const before = PLACE_RANGE_BEFORE.exec(head);
  if (before) return before[1] ?? '';
  const dash = /^–(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(tail);
  if (dash) return dash[1]!;
  return /(?<!\p{L})from\s+$/u.test(head) ? /^\s+to\s+(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(tail)?.[1] : undefined;
}
/** "villages such as Inn Din, Tula Toli and Chut Pyin": a lower-case noun, its cue, then earlier names of the list. */
const LISTED_AFTER = new RegExp(
  String.raw`(\p{Ll}+)\s+(?:of|such\s+as|including|like|called|named)\s+(?:the\s+)?(?:${NAME_WORD}(?:\s+${NAME_WORD})*(?:,\s+|,?\s+and\s+))*$|(\p{Ll}+s),\s+$`,
  'u',
);
/** "Abu Shouk and Zamzam camps": a plural place noun after a name and another name. */
const LISTED_BEFORE = new RegExp(
  String.raw`^(?:,?\s+(?:and|or)\s+${NAME_WORD}(?:\s+${NAME_WORD})*)?\s+(\p{Ll}+)`,
  'u',
);
/** ", the Zimbabwean human rights organisation", ", the Kyrgyz service of": an apposition naming a body. */
const BODY_APPOSITION =
  /^,\s+(?:the|a|an)\s+(?:(?!(?:of|de|with|for|at|in|from|to|by|on|and)\b)[\p{L}-]+\s+){0,4}?(\p{Ll}+)(?=[,.;:)]|\s+(?:of|in|for|that|which|based|founded|to|from|at)\b)/u;

/** A lower-case noun of a facility right before a name: "hospital", "penal", "cárcel", "escuela", "cuartel". */
const FACILITY_BEFORE =
  /(?<![\p{L}\p{M}])(?:hospital|cl[ií]nica|penal|c[aá]rcel|penitenciar[ií]a|teatro|colegio|escuela|liceo|estadio|cuartel|batall[oó]n|regimiento|fuerte) $/u;
/** What follows a word that "the" opens when the word is no name qualifying a noun: a stop, a preposition, a verb. */
const THE_WORD_AFTER =
  /^(?:\s*(?:[.,;:!?)]|["”](?!\p{L}))|\s+(?:of|on|for|in|at|from|to|since|until|near|with|was|is|has|had|where|which)\b)/u;
/**
 * Why a span proposed as a person's name is none, by how it is written (`undefined`: nothing
 * against it): a body's word in it, a people's or faith's name; in English also a place noun
 * closing it ("Miranda State") or a place's context — after "in", "near"; before or after a lower-case place noun ("villages
 * such as X", "X police station"); a single word after "a"/"an" ("a Pole") — and a body's: after a
 * noun of bodies ("the group X") or before an apposition naming one ("X, the … organisation").
 */
export function notAPerson(text: string, s: Span, language: string): string | undefined {
  // 'alias "el Cabo"', 'le decían «el Ingeniero»': a nickname is a common word, a title or a demonym.
  if (language !== 'en' && cuedNickname(text, s)) return undefined;
  const words = wordsOf(text, s);
  if (words.some((w) => bodyWord(w.norm))) return 'body word';
  if (twoGivenNames(text, s)) return 'two given names';
  if (words.length > 1 && COMPANY_HEADS.has(words[words.length - 1]!.norm)) return 'company word';
  if (words.length === 1 && bareAddress(words[0]!.norm)) return 'form of address';
  if (inPlaceColumn(text, s)) return 'place column';
  const named = words.filter((w) => isCapitalName(w.text) && !opensNoName(w));
  // "Kuki-Zo": peoples joined by a hyphen.
  const people = (norm: string) => PEOPLES.has(norm) || (/-/.test(norm) && PEOPLES.has(norm.split('-')[0]!));
  if (named.every((w) => people(w.norm) || isDemonym(w.text)) || people(words[0]!.norm)) return 'people';
  // "Revolucionarios del Nordeste", "Lugar Cauquenes", "Operación Tun Tun": a Spanish common word
  // left in the name once the words that open none are left out.
  const from = personStart(text, s);
  // "San Miguel de los Reyes", "Sierra Maestra", "Loma de la Cruz": a place's noun or a
  // saint's title opens it (one word alone may be a surname: "Sierra dijo").
  const first = words.find((w) => w.start >= from);
  if (first && PLACE_OPENERS.has(first.norm) && first !== words[words.length - 1]) return 'place word';
  if (words.some((w) => w.start >= from && isCapitalName(w.text) && spanishCommonWord(w.text)))
    return 'common word';
  // "el hospital Calixto García", "el penal García Moreno", "la escuela Fermín Toro": a facility
  // named after a person is no person of the text (rounds 17 and 19, three extras; every such Spanish noun
  // before a name in rounds 1–19 opens a facility's name).
  if (language !== 'en' && FACILITY_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start)))
    return 'facility named after';
  if (language !== 'en') return undefined;
  if (words.length > 1 && CLOSING_PLACE_NOUNS.has(words[words.length - 1]!.norm)) return 'place noun';
  if (words.some((w) => isCapitalName(w.text) && englishCommonWord(w.norm))) return 'common word';
  // "Why Rostov?", "Your Pasha": a question word or a possessive and one word is no name of two.
  if (words.length === 2 && /^(?:QuestionWord|Possessive)$/.test(lexiconTags(words[0]!.norm)[0] ?? ''))
    return 'question word or possessive';
  const head = text.slice(Math.max(0, s.start - 80), s.start);
  const tail = text.slice(s.end, s.end + 80);
  const before = /(\p{L}+)(\s+(?:the\s+)?|,\s*)$/u.exec(head);
  const possessive = /^['’]s?\b/u.test(tail);
  // "a turning point in Omar Haddad's trial": a possessive is a person's or a body's, read no further.
  if (possessive) return undefined;
  // "died in the Scorpion on 13 August", "the Karen of Bang Kloy", "back to the Vanni,": one word
  // after "the" and before a preposition or a stop names a place, a people or a thing; a person's
  // name after "the" qualifies a noun ("the Zamora case", "the Kunarac judgment": 19 such in rounds 1–54).
  if (words.length === 1 && /(?<!\p{L})the\s+$/u.test(head) && THE_WORD_AFTER.test(tail))
    return 'after "the"';
  // "from Nessuit to Mariashoni", "from Arat Kilo to Megenagna", "the Arat Kilo–Shiro Meda axis": a
  // name at either end of a span between two capitalized names, or joined to one by an en dash,
  // names a place (no English gold person of rounds 1–54, 57, 58 stands so).
  // Not when either end opens with a given name ("a message from Amina to Omar").
  const other = rangeOtherEnd(head, tail);
  if (other !== undefined && ![words[0]!.norm, fold(other)].some((w) => GIVEN_NAMES.has(w)))
    return 'end of a range';
  if (before) {
    const w = before[1]!.toLowerCase();
    if (before[2]!.trim() === '' && INTO.has(w)) return 'after a place preposition';
    // "held at Caledonia", "a vigil at Unity Fountain": "at" before a name is a place's, but for a
    // look, a shot or a shout aimed at someone ("looked at Pivi", "fired at Gueffroy").
    if (w === 'at' && before[2] === ' ' && !AIMED_AT.test(head)) return 'after "at"';
    // "a Pole.", "an Uzbek who…" — not "a Maduro supporter", where the name qualifies a noun.
    if (
      words.length === 1 &&
      /^an?$/.test(w) &&
      before[2] === ' ' &&
      /^(?:\s*[.,;:!?)]|\s+(?:and|or|who|from|in|with|was|is)\b)/u.test(tail)
    )
      return 'after an article';
    if (BODY_NOUNS.has(w) && before[1] === w) return 'after a noun of bodies';
  }
  const after = LISTED_BEFORE.exec(tail);
  if (after && PLACE_NOUNS.has(after[1]!) && (!/^,?\s+(?:and|or)\s/.test(tail) || /s$/.test(after[1]!)))
    return 'before a place noun';
  const lead = LISTED_AFTER.exec(head);
  // "two villages, Shipa and Kharsho": after a plural noun and a comma only as an item of a list
  // ("In the camps, Fatima Ali told us" names a person).
  if (lead && PLACE_NOUNS.has(lead[1] ?? lead[2]!) && (lead[1] || /^(?:,\s+|\s+and\s+)\p{Lu}/u.test(tail)))
    return 'after a place noun';
  const apposition = BODY_APPOSITION.exec(tail);
  if (apposition && BODY_NOUNS.has(apposition[1]!)) return 'apposition of a body';
  return undefined;
}

/**
 * Headers of a table's columns that hold places: where a prisoner is from, is held, was buried
 * ("Home city", "Held at", "Prison", "Burial", "From", "Municipio", "Recluido en"). Every list pasted from a
 * spreadsheet in rounds 6–11 has such columns, and their cells ("Khavaran", "women's colony, Nurek",
 * "Awamiya, Qatif") were read as persons in rounds 6, 8 and 11.
 */
const PLACE_HEADER =
  /^(?:(?:home|city|town|village|province|region|district|state|county|from|origin|held|prison|jail|camp|burial|buried|grave|place|location|site|municipio|municipality|provincia|ciudad|localidad|lugar|recluid[oa]|c[aá]rcel|prisi[oó]n|penal|sepultura|origen|procedencia|residencia|domicilio|estado|departamento)(?:\s+(?:city|town|at|in|en|de|of|place|site))*)$/iu;
/** The header cell of the column of a table (tables.ts) that `s` stands in, if it is a cell under one. */
function columnHeader(text: string, s: Span): string | undefined {
  const at = rowAt(text, s.start);
  if (!at || at.row === at.table.header) return undefined;
  return at.table.header.cells[columnAt(text, at.table, at.row, s.start)]?.text;
}
function inPlaceColumn(text: string, s: Span): boolean {
  const h = columnHeader(text, s);
  return h !== undefined && PLACE_HEADER.test(h);
}

const LIST_BEFORE =
  /^\s*,\s*(?:(?:de|del|en|desde|a|hacia|por|in|from|to|at)\s+)?(?:(?:la|el|los|las|the)\s+)?$/u;
const LIST_AFTER =
  /^\s*(?:,|y|e|o|and|or)\s+(?:(?:de|del|en|desde|a|hacia|por|in|from|to|at)\s+)?(?:(?:la|el|los|las|the)\s+)?$/u;
/**
 * "en Puerto Cruz, Chichiriviche de la Costa y la Colonia Tovar", "in Kafr Nabl, Tal Mardikh and
 * Idlib": an item of a list whose items right before and right after it are places names a place.
 */
export function listedAmongPlaces(text: string, s: Span, places: readonly Span[]): boolean {
  let before: Span | undefined;
  let after: Span | undefined;
  for (const p of places) {
    if (p.end <= s.start && s.start - p.end <= 12 && (!before || p.end > before.end)) before = p;
    if (p.start >= s.end && p.start - s.end <= 12 && (!after || p.start < after.start)) after = p;
  }
  return (
    before !== undefined &&
    after !== undefined &&
    LIST_BEFORE.test(text.slice(before.end, s.start)) &&
    LIST_AFTER.test(text.slice(s.end, after.start))
  );
}

/**
 * "X Y Z, known as W", "X Y, alias \"W\"", "X Y, alias el W", "X Y, conocido como
 * Z", "X, known on air as \"W\"", "X, known to readers by her pen name \"W\"", "X, who asked to be
 * called \"W\"", and a quoted name right after a name ('Jamila Dakhil ("Umm Sarhan")', 'Ngabu,
 * Alphonsine "Mama Alfa"': the cells of victims' lists): the person named right before the cue, whose
 * other name this span is (its start), if any.
 */
const NICKNAME_CUE =
  /(?:(?:also|better|widely|popularly)\s+)?(?<!\p{L})(?:known(?:\s+(?:on\s+air|locally|to\s+(?:\p{L}+\s+){0,2}?\p{L}+))?\s+(?:as|by\s+(?:his|her|their|the)\s+(?:(?:pen|stage|nick|code|war|radio|kunya)\s*)?name)|(?:who\s+)?asked\s+to\s+be\s+called|nicknamed|a\.k\.a\.?|aka|conocid[oa]\s+como|apodad[oa]|alias(?:\s+(?:el|la))?)\s*["“'‘«]?$|\p{L}\.?\s+\(?["“«]$/iu;
export function nicknameOf<T extends Span & { value: string }>(
  text: string,
  s: Span,
  persons: readonly T[],
): T | undefined {
  const head = text.slice(Math.max(0, s.start - 60), s.start);
  const cue = NICKNAME_CUE.exec(head);
  if (!cue) return undefined;
  // A bare quote is a cue only with its closing quote right after the span ('X "W"', not 'X "W said').
  const quoteOnly = /^\p{L}\.?\s+\(?["“«]$/u.test(cue[0]);
  if (quoteOnly && !/^["”»]/u.test(text.slice(s.end))) return undefined;
  const cueStart = s.start - (head.length - cue.index) + (quoteOnly ? cue[0].search(/\s/u) : 0);
  let best: T | undefined;
  // "X, 34, alias", "X, de 34 años, alias" (police lists of Nicaragua: rounds 11 and 51).
  for (const p of persons)
    if (
      p.end <= cueStart &&
      /^[\s,(]*(?:(?:de\s+)?\d{1,3}(?:\s+años)?\s*,\s*)?$/u.test(text.slice(p.end, cueStart))
    )
      if (!best || p.end > best.end) best = p;
  return best;
}

/**
 * A given name, one or two initials with their periods, and a surname ("Daniel E. Ferrante",
 * "Maria T. L. Ocampo"): the way English press releases and court papers write a person, and
 * nothing else.
 */
export function initialedName(text: string, s: Span): boolean {
  const m = /^(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\.){1,2}\s+\p{Lu}[\p{L}\p{M}'’-]+$/u.exec(
    text.slice(s.start, s.end),
  );
  return m !== null && GIVEN_NAMES.has(fold(m[1]!));
}

/** "Dear Lena,", "Querida Rosa:": a letter's salutation opening a line. */
const SALUTATION =
  /^[ \t]*(?:Dear|My dear|Querid[oa]s?|Estimad[oa]s?)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+)?)[ \t]*[,:!]/gmu;
/** "a guard we called Kole", "whom we call Amna", "le decíamos Chato": what someone was called by those around. */
const CALLED =
  /\b(?:we|they|everyone|everybody|people|I)\s+(?:call|called|used\s+to\s+call|nicknamed)\s+(?:him\s+|her\s+)?["“]?(\p{Lu}[\p{L}\p{M}'’-]+)|\b(?:le|lo|la)\s+(?:dec[ií]amos|dec[ií]an|llam[aá]bamos|llamaban|apodaban|apod[aá]bamos)\s+["“]?(\p{Lu}[\p{L}\p{M}'’-]+)/gu;

/**
 * 'alias "el Tigre"', 'un guardia apodado "el Troglo"', 'al que le decían «el Vasco»', 'Uno, que le dicen
 * el Rubio': a nickname with its article after a Spanish cue of naming, the article kept as the guide
 * writes it ("el Chapín"). Nicknames are common nouns, demonyms and titles ("el Ingeniero", "el Tártaro",
 * "el Cabo"), so no lexicon reads them; rounds 12–54 hold 25 such persons after these cues (rounds
 * 1–11: 5), and 8 of them were missed in the LORO lists of rounds 47–54 (7 countries). Not "conocido como" (a prison's, a body's, a site's name as often: "el
 * penal conocido como El Chipote", "conocida como La Técnica") nor "lo llamaban" (a site: 'el taller …
 * lo llamaban "El Jardín"').
 */
const NICKNAMED =
  /(?<![\p{L}\p{M}])(?:[Aa]lias|[Aa]podad[oa]|[Ll]es?\s+(?:dicen|dec[ií]an|dec[ií]amos|llaman|llamaban|llam[aá]bamos|apodaban)|(?:al|a\s+la)\s+que\s+(?:dicen|dec[ií]an|llaman|llamaban))\s+["“«]?((?:[Ee]l|[Ll]a)\s+\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+)?)(?![\p{L}\p{M}])/gu;
/** Nouns of sites whose nickname a "que le decían" gives ("En el velódromo, que le decían el Caracol"). */
const SITE_BEFORE =
  /(?<![\p{L}\p{M}])(?:velódromo|estadio|taller|penal|cárcel|centro|sitio|lugar|edificio|cuartel|campo|casa|barrio|pueblo|caserío|finca|hacienda|cerro|río|calle|galpón|sótano|celda|pabellón|base|escuela|cancha|bar)[\s,]+(?:al\s+|a\s+la\s+|en\s+el\s+|en\s+la\s+)?que\s+\S+\s+\S+\s*$/iu;
/** The nickname cued at `s` ('alias "el Tigre"'), if `s` is one: the cue decides, not the words. */
function cuedNickname(text: string, s: Span): boolean {
  for (const m of text.slice(Math.max(0, s.start - 40), s.end + 1).matchAll(NICKNAMED)) {
    const at = Math.max(0, s.start - 40) + m.index + m[0].length - m[1]!.length;
    if (at === s.start && at + m[1]!.length === s.end) return true;
  }
  return false;
}

/**
 * Children, siblings and others named by their given names alone in a list ("mis hijas Rosa y
 * Victoria", "mis dos hijitos, Vilma y Celestino", "otros dos, Óscar y Franklin", "Querida Yolany y mis
 * hijos Kevin y Dayana:"): each is a person, and neither the rules nor the tagger read one given
 * name alone (rounds 20–54: 10 such lists, 21 persons, 5 missed in the LORO lists of rounds 47–54).
 * Not when a capital follows the last name ("los hermanos William y George Metcalf": their surname).
 */
const NAME_IN_LIST = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+`;
/** Where two capitalized words are joined by "y" / "e": the cheap scan (lists are rare). */
const Y_JOIN = /[\p{Ll}\p{M}'’] (?:y|e) \p{Lu}/gu;
/** The names of a list up to the "y": "Rosa", "Vilma, Celestino". */
const LIST_HEAD = new RegExp(String.raw`(?<![\p{L}\p{M}])${NAME_IN_LIST}(?:,\s${NAME_IN_LIST})*$`, 'u');
/** The last name, no capital or "de X" after it (a shared surname: "William y George Metcalf"). */
const LIST_TAIL = new RegExp(
  String.raw`^ (?:y|e) (${NAME_IN_LIST})(?![\p{L}\p{M}]|\s\p{Lu}|\s(?:de|del|da|dos)\s)`,
  'u',
);
const KIN_BEFORE =
  /(?<![\p{L}\p{M}])(?:hij[oa]s|hijit[oa]s|herman[oa]s|hermanit[oa]s|niet[oa]s|sobrin[oa]s|prim[oa]s|otr[oa]s\s+(?:dos|tres|cuatro))(?:\s+(?:dos|tres|cuatro))?,?\s+$/u;
/** "en Mercedes y Rosario", "la esquina de Rosa y Victoria": towns and streets named like persons. */
const SITE_LIST_BEFORE =
  /(?<![\p{L}\p{M}])(?:en|entre|desde|hasta|hacia|calles?|avenidas?|esquinas?(?: de)?|barrios?|colonias?|provincias?(?: de)?|departamentos?(?: de)?|municipios?(?: de)?|pueblos?(?: de)?|aldeas?(?: de)?|veredas?(?: de)?)\s+$/u;
/** A word a listed name may be: any given name of the stock; after a kinship word, any name no other word or place. */
const listedName = (w: string, kin: boolean) =>
  GIVEN_NAMES.has(fold(w)) || (kin && !otherWord(w) && aName(fold(w)) && lookupPlace(w) === undefined);
/** The names of such lists in `text`, each a span. */
function listedGivenNames(text: string): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const j of text.matchAll(Y_JOIN)) {
    const from = Math.max(0, j.index - 120);
    const head = LIST_HEAD.exec(text.slice(from, j.index + 1));
    const tail = LIST_TAIL.exec(text.slice(j.index + 1, j.index + 60));
    if (!head || !tail) continue;
    const start = from + head.index;
    const before = text.slice(Math.max(0, start - 40), start);
    const kin = KIN_BEFORE.test(before);
    // Another capital word before the list makes it a longer name's ("Miguel Ángel y Omar").
    if (!kin && (/\p{Lu}[\p{L}\p{M}]*\s$/u.test(before) || SITE_LIST_BEFORE.test(before))) continue;
    const names = [...head[0].matchAll(/\p{Lu}[\p{Ll}\p{M}'’]+/gu)].map((n) => ({
      start: start + n.index,
      text: n[0],
    }));
    names.push({ start: j.index + 1 + tail[0].length - tail[1]!.length, text: tail[1]! });
    // "las hermanas de Loujain, Lina y Alia": the list opens after the comma of a name it does not hold.
    while (names.length > 2 && !listedName(names[0]!.text, kin)) names.shift();
    if (!names.every((n) => listedName(n.text, kin))) continue;
    for (const n of names) out.push({ start: n.start, end: n.start + n.text.length, text: n.text });
  }
  return out;
}
/** Whether `s` is two given names joined by "y" / "e" ("Inés y Valentina"): two persons, not one. */
function twoGivenNames(text: string, s: Span): boolean {
  const m = /^(\p{Lu}[\p{Ll}\p{M}'’]+)\s+(?:y|e)\s+(\p{Lu}[\p{Ll}\p{M}'’]+)$/u.exec(
    text.slice(s.start, s.end),
  );
  return m !== null && GIVEN_NAMES.has(fold(m[1]!)) && GIVEN_NAMES.has(fold(m[2]!));
}

/**
 * "a don Goyo", "la chiva de don Eliécer", "doña Rufina": the Spanish and Portuguese form of address
 * written in lower case before one given name or nickname, the person's only name in the text
 * (rounds 14, 39, 42 and 44 each missed one: "don Chepe", "don Goyo", "don Aurelio", "don
 * Eliécer"). Not before a full name the rules read ("don Arnulfo Valenzuela"), nor English "to don".
 */
const DON =
  /(?<![\p{L}\p{M}]|\bto )(?:don|doña|dona)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’-]+)(?![\p{L}\p{M}])(?![ \t]+(?:\p{Lu}|de[ \t]+\p{Lu}|del[ \t]))/gu;

/**
 * Persons named without a cue the rules read: the addressee of a letter ("Dear Lena,"), a name
 * someone was called by ("a guard we called Kole", "whom we call Amna to protect her") and one
 * given name after a lower-case "don"/"doña" (the form kept, as the annotation guide writes it).
 */
export function addressedPersons(text: string): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const m of text.matchAll(NICKNAMED)) {
    const nick = m[1]!;
    // A quote opened before the nickname closes right after it.
    const start = m.index + m[0].length - nick.length;
    const quoted = /["“«]\s*$/u.test(text.slice(start - 2, start));
    if (quoted && !/^["”»]/u.test(text.slice(start + nick.length))) continue;
    if (SITE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length - nick.length)))
      continue;
    out.push({ start, end: start + nick.length, text: nick });
  }
  out.push(...listedGivenNames(text));
  for (const re of [SALUTATION, CALLED, DON])
    for (const m of text.matchAll(re)) {
      const name = m[1] ?? m[2]!;
      // "an independent state they call Ambazonia", "what they call X", "a place we call Kaprop": a
      // place's or a thing's name.
      const antecedent =
        re === CALLED
          ? /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1]?.toLowerCase()
          : undefined;
      if (
        antecedent &&
        (PLACE_NOUNS.has(antecedent) ||
          BODY_NOUNS.has(antecedent) ||
          /^(?:what|which|that|place|spot|forest|hill|land)$/.test(antecedent))
      )
        continue;
      // "Dear Sir,", "Dear Friends,", "Dear Editor:": a form of address or an everyday word, no name.
      if (name.split(/\s+/).some((w) => !aName(fold(w)))) continue;
      if (re === DON) {
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
        continue;
      }
      const start = m.index + m[0].lastIndexOf(name);
      out.push({ start, end: start + name.length, text: name });
    }
  return out.sort((a, b) => a.start - b.start);
}
type NamedSpan = Span & { text: string };

const ARABIC_NAME = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?`;
/** One or two names, then one or more of "bin", "bint", "ibn", "al" and a name: "Nimr al Nimr", "Qaboos bin Said". */
const NASAB = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’-])((?:${ARABIC_NAME} ){1,2})((?:(?:bin|bint|ibn|al) ${ARABIC_NAME}(?: |(?![\p{L}\p{M}])))+)(?:(?:al|Al|el|El)-${ARABIC_NAME}(?![\p{L}\p{M}]))?`,
  'gu',
);
/** Whether `at` opens a sentence, a line or a quotation (a capital there says nothing of a name). */
const opensSentence = (text: string, at: number) =>
  /(?:^|[.!?:>"“«¿¡]\s*|\n\s*)$/u.test(text.slice(Math.max(0, at - 3), at));

/**
 * Names written with their particles apart and in lower case. Arabic names, as Spanish wire copy and
 * English Gulf papers write them ("Bashar al Asad", "Hasan Abdelaziz al Faraj", "Qaboos bin Said",
 * "Mariam bint Khalid"): the lower-case particle cut the run of capitals, and neither the rules
 * nor the tagger read them (rounds 8, 14, 21, 22, 30, 35, 38 and 42: 19 such names of Oman, Saudi
 * Arabia, Sudan and Syria missed). Spanish "al" is also "a el" ("Pedimos al Gobierno", "Seguridad
 * Humana al Servicio"): with "al" alone, a name opening a sentence must be a given name of the stock,
 * and no word may be a common, body's, month's or place-opening word. And a Spanish widow's name,
 * her own names, "viuda de" and her husband's surname ("Felícita Cisneros viuda de Yupanqui", "doña
 * Santos Argueta viuda de Portillo"): the annotators keep it whole, and neither the rules nor the
 * tagger read names they do not know (rounds 5–54: 8 such names missed in 8 texts of Peru, Bolivia,
 * Chile, Nicaragua, El Salvador, Ecuador, Paraguay and Mexico).
 */
export function particleNames(text: string): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const m of text.matchAll(NASAB)) {
    const t = m[0].trimEnd();
    const words = t.split(' ');
    // "Cruz Roja al Erasmo Meoz": a run of capitals going on is another name's.
    if (/^ \p{Lu}/u.test(text.slice(m.index + t.length, m.index + t.length + 2))) continue;
    const names = words.filter((w) => !/^(?:bin|bint|ibn|al)$/.test(w));
    // "Qasr bin Ghashir", "Ras al Ain", "Deir al Zor": a place's Arabic noun opens it.
    if (/^(?:qasr|ras|deir|tal|tell|bab|bir|wadi|jabal|jebel|khan|souq|suq|sidi)$/.test(fold(names[0]!)))
      continue;
    const bad = (w: string) => {
      const norm = fold(w);
      return (
        otherWord(w) ||
        englishCommonWord(norm) ||
        opensNoName({ norm, plain: w.normalize('NFD') === w }) ||
        !aName(norm.replace(/^al-/, ''))
      );
    };
    if (names.some(bad)) continue;
    const onlyAl = !/ (?:bin|bint|ibn) /.test(t);
    if (onlyAl) {
      const opening = opensSentence(text, m.index);
      if (opening && !GIVEN_NAMES.has(fold(names[0]!))) continue;
      // "al Estado", "al Refugiado", "al Rescate": a Spanish noun after the article.
      const after = fold(t.slice(t.lastIndexOf(' al ') + 4));
      if (/(?:ado|ada|ido|ida|ente|ento|ate|ete|ion|dad|ismo|ario|aria)$/.test(after)) continue;
    }
    out.push({ start: m.index, end: m.index + t.length, text: t });
  }
  // Most texts hold no widow's name: the cheap test first.
  for (const m of /(?:viuda|vda\.?) de /u.test(text) ? text.matchAll(WIDOW) : []) {
    const words = [...m[1]!.matchAll(/\p{Lu}[\p{Ll}\p{M}'’-]+/gu)];
    // "Doña Teófila Condori", "Llegó Santos Argueta": a form of address, or a word opening the
    // sentence before two names, is no part of the name.
    const opening = opensSentence(text, m.index);
    let k = 0;
    while (
      words.length - k > 1 &&
      (ADDRESS_FORMS.has(fold(words[k]![0])) ||
        ADDRESS.has(fold(words[k]![0])) ||
        (k === 0 && opening && words.length > 2 && !GIVEN_NAMES.has(fold(words[0]![0]))))
    )
      k++;
    const names = [...words.slice(k).map((w) => w[0]), m[2]!];
    if (names.some((w) => widowBad(w))) continue;
    const start = m.index + words[k]!.index;
    const end = m.index + m[0].length;
    out.push({ start, end, text: text.slice(start, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

const SPANISH_NAME = String.raw`\p{Lu}[\p{Ll}\p{M}'’-]+`;
/** One to four names (with "del", "de la" inside: "Ileana del Socorro Rugama"), "viuda de" and a surname. */
const WIDOW = new RegExp(
  String.raw`(?<![\p{L}\p{M}])((?:${SPANISH_NAME} (?:(?:del|de la|de los) )?){0,3}${SPANISH_NAME}) (?:viuda|vda\.?) de (?:la )?(${SPANISH_NAME})(?![\p{L}\p{M}])`,
  'gu',
);
/** A body's word, a month's, a place's opening or a common Spanish word: no part of a person's name. */
function otherWord(w: string): boolean {
  const norm = fold(w);
  return (
    bodyWord(norm) ||
    STOP_CAPS.has(norm) ||
    SPANISH_MONTHS.has(norm) ||
    PLACE_OPENERS.has(norm) ||
    spanishCommonWord(w)
  );
}
/** A word no widow's name holds. */
const widowBad = (w: string) => otherWord(w) || !aName(fold(w));
/** A word that may be a name: no title or form of address, nothing compromise's lexicon knows as another word. */
function aName(norm: string): boolean {
  if (GIVEN_NAMES.has(norm) || SURNAME_SET.has(norm)) return true;
  if (ADDRESS.has(norm) || TITLES.has(norm) || HONORIFICS.has(norm) || CLERGY.has(norm)) return false;
  const tag = libraryLexicon()[norm];
  return tag === undefined || (Array.isArray(tag) ? tag : [tag]).some((t) => /Name$|^Person$/.test(t));
}

/** A given name or two, a nickname in quotes, then one or two surnames. */
const QUOTED_NICKNAME =
  /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)(?: \p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)? (?:"[^"\n]{1,25}"|“[^”\n]{1,25}”|«[^»\n]{1,25}») (\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)(?: (\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*))?(?![\p{L}\p{M}-])/gu;
/**
 * A person's name written with a nickname in quotes inside it ("Rafael Antonio \"Toñito\" Almánzar
 * Peña", "Andrés Felipe \"el Mono\" Castaño", "Arturo «el Flaco» Contreras"): the quotes cut the
 * run of capitals, and the rules read the given names and the surnames apart or not at all (rounds
 * 12, 13 and 16, four names). It opens with a given name of the stock; the words after the quotes
 * are names, no body's or common word. Pure.
 */
export function quotedNicknameNames(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTED_NICKNAME)) {
    if (!GIVEN_NAMES.has(fold(m[1]!))) continue;
    let end = m.index + m[0].length;
    const surnames = [m[2]!, m[3]].filter((w): w is string => w !== undefined);
    const bad = (w: string) => bodyWord(fold(w)) || STOP_CAPS.has(fold(w)) || spanishCommonWord(w);
    if (bad(surnames[0]!)) continue;
    if (surnames[1] !== undefined && bad(surnames[1])) end -= surnames[1].length + 1;
    // "Ferdinand \"Bongbong\" Marcos Jr.": the period of a generational suffix is the name's.
    else if (/^(?:Jr|Sr)$/.test(surnames[1] ?? '') && text[end] === '.') end++;
    out.push({ start: m.index, end });
  }
  return out;
}
