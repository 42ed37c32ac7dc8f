/**
 * A person's mention grown over the form of address, kinship word or rank written with the name
 * ("Mrs. Han", "Ms Becker", "Father Ilia", "General Nyambere", "tía Anahit", "hermana Amparo",
 * "Tariq bhai"). The guide keeps such forms as written (§ persons), yet annotators wrote the bare name
 * about as often for the same shapes; the value stays the name the rules gave, the mention says how the
 * text wrote it, so the suggestion carries both. Only the span of a person already found changes: no
 * new person, no new tagger feature. Pure apart from mutating the facts handed in.
 */
import { CLERGY, HONORIFICS } from './entities.js';
import { fold } from './lexicon.js';
import { ADDRESS_WORDS, addressedName, fitsAddress } from './person-spans.js';

interface PersonFact {
  kind: string;
  text: string;
  start: number;
  end: number;
  value: string;
  mentions?: { start: number; end: number; text: string }[];
}

/**
 * Words written before a name as part of how the person is called: courtesy and kinship forms
 * (person-spans.ts), honorifics of office and clergy (entities.ts), and military and police ranks;
 * not nouns of occupation ("the journalist Ana"), which describe rather than address.
 */
const BEFORE = new Set([
  ...ADDRESS_WORDS,
  ...HONORIFICS,
  ...CLERGY,
  ...`general gral coronel cnel colonel capitan captain teniente tte lieutenant sargento sergeant major
  commander comandante commandant comisario inspector judge juez jueza doctor doctora dra dr prof profesor
  profesora senor senora senorita tia tio hermana hermano abuela abuelo prima primo madrina padrino
  khala khaleh amma ammi baba gogo mzee bibi nene kaka`.split(/\s+/),
]);
/** Kinship and respect words written after a given name ("Tariq bhai", "Ramesh dai", "Dil Bahadur ji"). */
const AFTER = new Set('bhai bhaiya bhaijaan dai didi ji sahib saab baji apa ata aka uncle aunty'.split(' '));

const FORM_BEFORE = /(?<![\p{L}\p{M}.'’-])(\p{L}+)(\.?)[ \t]$/u;
const FORM_AFTER = /^[ \t](\p{Ll}+)(?![\p{L}\p{M}'’-])/u;

/** The span of `m` grown over a form of address right before or right after it; `m` when none is. */
export function addressSpan(
  text: string,
  m: { start: number; end: number },
  given?: string,
): { start: number; end: number } {
  let { start, end } = m;
  const before = FORM_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  if (before) {
    const form = fold(before[1]!);
    // "Mr", "Dr": abbreviations with their stop; a full word without one ("Father.").
    const stopOk =
      before[2] === '' ||
      /^(?:mr|mrs|ms|dr|dra|sr|sra|srta|prof|gen|gral|cnel|tte|col|capt|lt|sgt|rev|hon|mme|me)$/.test(form);
    // "Mrs. Kato" before "Kato" tied to "Joseph Kato": the form names someone else; the span stays.
    const sex = addressedName([form, 'x'])?.sex;
    const fits = given === undefined || fitsAddress(sex, given);
    if (BEFORE.has(form) && stopOk && fits && !BEFORE.has(fold(text.slice(start, end).split(/\s/)[0]!)))
      start -= before[0].length;
  }
  const after = FORM_AFTER.exec(text.slice(end, end + 14));
  if (after && AFTER.has(after[1]!) && start === m.start) end += after[0].length;
  return { start, end };
}

/**
 * Forms that name another person: a parent by the child's name ("Mama Kevin", "Umm Haider", "Abu
 * Yazan"), or the one name a person goes by ("Don" is a given name too; "Sheikh Hasina", "Datu
 * Bungkalan"): kept in the value.
 */
const WHOLE = new Set(
  'mama mai baba umm um abu ma don sheikh shaikh datu sidi hajji haji hadja hajja mzee'.split(' '),
);

/**
 * The value without a form of address opening it ("doña Chayo" → "Chayo", "Padre Kwiriwi" →
 * "Kwiriwi"), the form kept in the mention; the value unchanged when no such form opens it.
 */
export function bareValue(value: string): string {
  const m = /^(\p{L}+)\.?\s+(\p{Lu}.*)$/u.exec(value);
  if (!m) return value;
  const form = fold(m[1]!);
  return BEFORE.has(form) && !WHOLE.has(form) ? m[2]! : value;
}

/** Each person's mentions grown over the forms of address written with them (see above). */
export function withAddressMentions(text: string, facts: PersonFact[]): void {
  for (const f of facts) {
    if (f.kind !== 'person' || !f.mentions) continue;
    f.value = bareValue(f.value);
    const words = f.value.split(/\s+/);
    const given = words.length > 1 ? fold(words[0]!) : undefined;
    f.mentions = f.mentions.map((m) => {
      const s = addressSpan(text, m, given);
      if (s.start === m.start && s.end === m.end) return m;
      return { ...s, text: text.slice(s.start, s.end) };
    });
    const first = f.mentions[0]!;
    f.start = first.start;
    f.end = first.end;
    f.text = first.text;
  }
}
