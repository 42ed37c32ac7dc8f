/**
 * The attacker's dictionary: every form in which an identity, or a withheld text, can be written,
 * GENERATED from the fixture's ground truth (never typed by hand), and a scanner that finds any of
 * them in a response. Matching is case- and accent-insensitive, and tolerant of the separators a
 * name picks up in JSON, CSV, HTML or PDF text (spaces, line breaks, commas, dots, dashes).
 */

/** Who is behind a form, as the fixture knows it (the ground truth, not what the API shows). */
export interface TruthPerson {
  key: string;
  givenNames: string;
  firstSurname: string;
  secondSurname?: string;
  aliases: string[];
  documents: string[];
  /** ISO date. */
  birthDate?: string;
  contact?: string;
  protection: 'public' | 'restricted' | 'protected';
  /** Deleted through the API: still nobody's business. */
  deleted?: boolean;
  /** Only a row of an organization's list names them (member-level data). */
  listOnly?: boolean;
}

/** A text only some principals may read (a withheld testimony, a reserved hearing, a file title). */
export interface TruthText {
  key: string;
  kind: 'title' | 'text';
  text: string;
  /** The least protected reader level: 'restricted' = members, 'protected' = cleared only. */
  protection: 'restricted' | 'protected';
}

export type FormKind =
  | 'full name'
  | 'given names + first surname'
  | 'first given name + first surname'
  | 'surnames'
  | 'surname alone'
  | 'Surname, Given names'
  | 'initials + surname'
  | 'alias'
  | 'short alias (<4)'
  | 'document number'
  | 'birth date'
  | 'contact'
  | 'withheld title'
  | 'withheld text';

export interface IdentityForm {
  kind: FormKind;
  owner: string;
  /** The form as a reader would write it (for the report). */
  form: string;
  source: string;
}

/** What a principal may see, in the suite's own terms (independent of security/policy.ts). */
export interface Reader {
  role: 'viewer' | 'analyst' | 'panelist' | 'documenter' | 'administrator';
  cleared: boolean;
}
export function mayRead(r: Reader, protection: 'public' | 'restricted' | 'protected'): boolean {
  if (protection === 'public') return true;
  if (r.role === 'viewer') return false;
  if (protection === 'restricted') return true;
  return r.cleared && r.role !== 'analyst';
}

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
/** Tokens separated by anything that is not a letter or digit (space, comma, newline, dash…). */
const tokensPattern = (tokens: string[]) => tokens.map(esc).join('[^\\p{L}\\d]+');

/** Every written form of a person's identity; `visibleTokens` are words a reader may legitimately see. */
export function personForms(p: TruthPerson, visibleTokens: ReadonlySet<string>): IdentityForm[] {
  const out: IdentityForm[] = [];
  const add = (kind: FormKind, form: string, source: string) =>
    out.push({ kind, owner: p.key, form, source });
  const given = words(p.givenNames);
  const s1 = words(p.firstSurname);
  const s2 = p.secondSurname ? words(p.secondSurname) : [];
  const name = `${p.givenNames} ${p.firstSurname}`;
  if (s2.length) add('full name', `${name} ${p.secondSurname}`, tokensPattern([...given, ...s1, ...s2]));
  add('given names + first surname', name, tokensPattern([...given, ...s1]));
  if (given.length > 1)
    add(
      'first given name + first surname',
      `${p.givenNames.split(' ')[0]} ${p.firstSurname}`,
      tokensPattern([given[0]!, ...s1]),
    );
  if (s2.length) add('surnames', `${p.firstSurname} ${p.secondSurname}`, tokensPattern([...s1, ...s2]));
  // Inverted, as lists and court papers write it: "Surname[ Surname2], Given names".
  add('Surname, Given names', `${p.firstSurname}, ${p.givenNames}`, tokensPattern([...s1, ...given]));
  // Initials + surname: "M. J. Arismendi", "M.J. Arismendi", "MJ Arismendi", "M. Arismendi".
  const initials = given.map((g) => g[0]!);
  const sep = '[^\\p{L}\\d]*';
  add(
    'initials + surname',
    `${initials.map((i) => `${i.toUpperCase()}.`).join(' ')} ${p.firstSurname}`,
    `(?:${initials.map(esc).join(sep)}|${esc(initials[0]!)})[^\\p{L}\\d]+${tokensPattern(s1)}`,
  );
  // The surname alone, when no name a reader may see shares it.
  for (const s of [...s1, ...s2]) if (!visibleTokens.has(s) && s.length >= 4) add('surname alone', s, esc(s));
  for (const a of p.aliases) {
    const t = words(a);
    add(t.join('').length < 4 ? 'short alias (<4)' : 'alias', a, tokensPattern(t));
  }
  for (const d of p.documents) {
    const digits = d.replace(/\D/g, '');
    // With or without dots (14.567.890), with or without a V-/E- prefix.
    const grouped = digits
      .replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000')
      .split('\u0000')
      .map(esc)
      .join('[.\\s]?');
    add('document number', d, `(?:[ve][-.\\s]?)?${grouped}`);
  }
  if (p.birthDate) {
    const [y, m, dd] = p.birthDate.split('-');
    add('birth date', p.birthDate, `(?:${y}-${m}-${dd}|${dd}[/.-]${m}[/.-]${y})`);
  }
  if (p.contact) add('contact', p.contact, p.contact.split(/\D+/).filter(Boolean).join('[-.\\s]?'));
  return out;
}

/** Withheld texts: the title whole, the body as non-overlapping 5-word windows (any 9 words leak one). */
export function textForms(t: TruthText, visibleText: string): IdentityForm[] {
  const w = words(t.text);
  if (t.kind === 'title')
    return [{ kind: 'withheld title', owner: t.key, form: t.text, source: tokensPattern(w) }];
  const out: IdentityForm[] = [];
  const visible = ` ${words(visibleText).join(' ')} `;
  for (let i = 0; i + 5 <= w.length; i += 5) {
    const win = w.slice(i, i + 5);
    if (visible.includes(` ${win.join(' ')} `)) continue;
    out.push({ kind: 'withheld text', owner: t.key, form: win.join(' '), source: tokensPattern(win) });
  }
  return out;
}

/** Everything a reader may not see, from the ground truth. */
export function forbiddenForms(
  reader: Reader,
  persons: TruthPerson[],
  texts: TruthText[],
  visibleTextSample: string,
): IdentityForm[] {
  const hidden = persons.filter(
    (p) => p.deleted || !mayRead(reader, p.listOnly ? 'restricted' : p.protection),
  );
  const visibleTokens = new Set<string>();
  for (const p of persons)
    if (!hidden.includes(p))
      for (const w of words([p.givenNames, p.firstSurname, p.secondSurname ?? '', ...p.aliases].join(' ')))
        visibleTokens.add(w);
  for (const w of words(visibleTextSample)) visibleTokens.add(w);
  return [
    ...hidden.flatMap((p) => personForms(p, visibleTokens)),
    ...texts.filter((t) => !mayRead(reader, t.protection)).flatMap((t) => textForms(t, visibleTextSample)),
  ];
}

export interface Hit {
  form: IdentityForm;
  /** What was actually written in the response. */
  matched: string;
  /** Where: a JSON path, or "<format> @offset". */
  where: string;
  /** The record the hit sits in, when the response is JSON ({kind, id, field}). */
  record?: { kind?: string; id?: string; notes?: string; pseudonymised?: boolean };
  context: string;
}

/** One compiled scanner for a reader: one regex, longest alternative first. */
export class Scanner {
  private readonly forms: IdentityForm[];
  /** Forms whose pattern starts with a fixed letter or digit, by that character (as indices). */
  private readonly byFirst = new Map<string, number[]>();
  /** Forms that may start with several characters (initials, documents, dates). */
  private readonly open: number[] = [];
  private readonly at = new Map<string, { re: RegExp; forms: IdentityForm[] } | null>();
  constructor(forms: IdentityForm[]) {
    this.forms = [...forms].sort((a, b) => b.source.length - a.source.length);
    this.forms.forEach((f, i) => {
      const first = FIXED_FIRST.exec(f.source)?.[1];
      if (first) this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), i]);
      else this.open.push(i);
    });
  }
  /**
   * Hits in a piece of text: at each place where no letter or digit precedes, the longest form
   * (the first in length order) that matches there and is not followed by a letter or digit; then
   * on from its end. Folding keeps string length for Latin text (NFD marks removed one by one).
   */
  scan(text: string): { form: IdentityForm; index: number; matched: string }[] {
    const folded = foldKeepingLength(text);
    const out: { form: IdentityForm; index: number; matched: string }[] = [];
    let from = 0;
    for (const start of folded.matchAll(BOUNDARY)) {
      if (start.index < from) continue;
      const here = this.formsAt(String.fromCodePoint(folded.codePointAt(start.index) ?? 0));
      if (!here) continue;
      here.re.lastIndex = start.index;
      const m = here.re.exec(folded);
      if (!m) continue;
      const name = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
      out.push({
        form: here.forms[Number(name?.slice(1))]!,
        index: m.index,
        matched: text.slice(m.index, m.index + m[0].length),
      });
      from = m.index + m[0].length;
    }
    return out;
  }
  /**
   * One sticky pattern per first character: the forms that can start with it, in length order.
   * Trying each of hundreds of forms at every character made the scan the leak suite's main cost.
   */
  private formsAt(ch: string): { re: RegExp; forms: IdentityForm[] } | null {
    let entry = this.at.get(ch);
    if (entry === undefined) {
      const idx = [...(this.byFirst.get(ch) ?? []), ...this.open].sort((a, b) => a - b);
      const forms = idx.map((i) => this.forms[i]!);
      const alts = forms.map((f, i) => `(?<f${i}>${f.source})`);
      entry = forms.length ? { re: new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\d])`, 'uy'), forms } : null;
      this.at.set(ch, entry);
    }
    return entry;
  }
}

/** Where a form may start: no letter or digit just before (zero-width, at every such place). */
const BOUNDARY = /(?<![\p{L}\d])/gu;
/** A pattern whose first character is a plain letter or digit, not quantified, with no alternation. */
const FIXED_FIRST = /^([\p{L}\d])(?![?*+{])[^|]*$/u;

/**
 * Accent- and case-folds char by char so indices still point into the original text. ASCII letters
 * only lowercase (NFD leaves them as they are), so only the other characters take the slow path,
 * each folded once (the scan reads megabytes of responses).
 */
function foldKeepingLength(s: string): string {
  return s.replace(/[A-Z]+|[^\0-\x7f]/gu, (m) => (m.charCodeAt(0) < 0x80 ? m.toLowerCase() : foldChar(m)));
}

const FOLDED = new Map<string, string>();
function foldChar(ch: string): string {
  let out = FOLDED.get(ch);
  if (out === undefined) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out = f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    FOLDED.set(ch, out);
  }
  return out;
}
