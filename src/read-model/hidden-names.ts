/**
 * The identities one access level may not see, as a matcher over free text, kept up to date person
 * by person: a person write changes only that person's forms (and those of the hidden persons whose
 * surnames stop or start being distinctive because of it), never a rebuild over the whole case.
 *
 * What it holds equals a matcher built from scratch from the same persons (hidden-names.test.ts
 * checks this after random sequences of writes):
 *  - every name form (name-forms.ts) and document number of each hidden person, found as that
 *    person's pseudonym, or as WITHHELD when several hidden persons share it;
 *  - a hidden person's surname standing alone only when it is distinctive: at least four letters
 *    and no word of it is a surname of a person the viewer sees (hiding it must hide nobody else);
 *  - the search terms of all those forms (queries drop them).
 */
import {
  documentDigits,
  FormMatcher,
  foldName,
  formPath,
  nameForms,
  surnameKeys,
} from '../domain/name-forms.js';
import type { PersonBody } from '../domain/schema.js';
import { termsOf } from '../search/text.js';
import { pseudonym } from '../security/pseudonym.js';

export interface NamedPerson {
  id: string;
  body: PersonBody;
}

/** What one hidden person puts into the matcher. */
interface Contribution {
  /** folded words of each form, joined by a space */
  paths: string[];
  documents: string[];
  terms: string[];
}

/**
 * A person as the matcher counted them. Only what cannot be derived again from the body it was
 * counted with is kept: the lists of surnames, forms and terms are computed again when the person
 * is taken out (kept, they were about a kilobyte per hidden person and access level).
 */
interface Held {
  visible: boolean;
  /** Never changed in place (the store's opened bodies are frozen): a person is taken out as it was put in. */
  body: PersonBody;
  /** the pseudonym its forms are shown as (hidden persons) */
  alias: string;
  /** the distinctive surname keys its forms were made with; undefined: it contributes nothing yet */
  distinct?: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Folded surnames of a visible person (what blocks others' surnames from standing alone). */
const surnamesOf = (b: PersonBody) => [
  ...new Set([b.firstSurname, b.secondSurname].filter(Boolean).map((s) => foldName(s!))),
];

/** Folded surnames a hidden person offers as standing alone, when distinctive. */
function candidatesOf(b: PersonBody): string[] {
  const s1 = b.firstSurname;
  const s2 = b.secondSurname;
  return [
    ...new Set(
      [s1, s2, s1 && s2 ? `${s1} ${s2}` : undefined]
        .filter((s): s is string => !!s && s.length >= 4)
        .map(foldName),
    ),
  ];
}

/** What a hidden person puts into the matcher, given which of its surname keys are distinctive. */
function contributionOf(body: PersonBody, distinctive: ReadonlySet<string>): Contribution {
  const keys = new Set(nameForms(body, distinctive).map(foldName));
  const documents = new Set<string>();
  for (const d of body.documents ?? []) {
    const digits = documentDigits(d.number);
    if (digits) documents.add(digits);
  }
  const terms = new Set<string>();
  for (const k of [...keys, ...documents])
    for (const w of k.split(/[\s,.]+/)) for (const t of termsOf(w)) terms.add(t);
  const paths = new Set([...keys].map((k) => formPath(k).join(' ')).filter(Boolean));
  return { paths: [...paths], documents: [...documents], terms: [...terms] };
}

/** A multiset: how many holders each key has. Returns whether the key appeared or disappeared. */
function bump(map: Map<string, number>, key: string, by: 1 | -1): boolean {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
  return by === 1 ? n === 1 : n <= 0;
}

export class HiddenNames {
  /** hidden name forms and document numbers → the pseudonym shown instead (WITHHELD when shared) */
  readonly forms = new FormMatcher<string>();
  /** search terms of every hidden form */
  readonly terms = new Set<string>();
  private readonly termCount = new Map<string, number>();
  private readonly persons = new Map<string, Held>();
  /** form path / document → the pseudonyms of the persons whose contributions hold it */
  private readonly pathOwners = new Map<string, Owners>();
  private readonly documentOwners = new Map<string, Owners>();
  /** folded surnames of visible persons (one count per person) */
  private readonly seen = new Map<string, number>();
  /** candidate standing-alone surnames of hidden persons (one count per person) */
  private readonly candidates = new Map<string, number>();
  /** folded surname → hidden persons whose forms depend on whether it is distinctive */
  private readonly dependents = new Map<string, Set<string>>();
  /** a word → dependency keys containing it (a visible surname equal to the word blocks them) */
  private readonly keysByWord = new Map<string, Set<string>>();
  private hiddenCount = 0;

  /**
   * @param visible whether the access level sees a person's identity
   * @param withheld what a form shared by several hidden persons is found as
   */
  constructor(
    private readonly salt: string,
    private readonly visible: (p: NamedPerson) => boolean,
    private readonly withheld: string,
  ) {}

  /** How many of the persons it holds are hidden. */
  get hidden(): number {
    return this.hiddenCount;
  }

  /** Adds a person, or takes a changed one into account (protection, names, deletion). */
  put(p: NamedPerson): void {
    this.putAll([p]);
  }

  /**
   * Adds or updates persons at once: the counts first, then the forms of every hidden person they
   * affect, once (building from scratch is one pass, however many persons share a surname).
   */
  putAll(ps: Iterable<NamedPerson>): void {
    const affected = new Set<string>();
    for (const p of ps) {
      this.drop(p.id, affected);
      this.register(p, affected);
      affected.add(p.id);
    }
    this.recontribute(affected);
  }

  private register(p: NamedPerson, affected: Set<string>): void {
    const visible = this.visible(p);
    const b = p.body;
    const held: Held = { visible, body: b, alias: '' };
    if (visible) {
      for (const s of surnamesOf(b)) if (bump(this.seen, s, 1)) this.touchWord(s, affected);
    } else {
      held.alias = pseudonym(this.salt, p.id);
      for (const k of candidatesOf(b)) if (bump(this.candidates, k, 1)) this.touchKey(k, affected);
      for (const k of surnameKeys(b)) {
        let set = this.dependents.get(k);
        if (!set) {
          set = new Set();
          this.dependents.set(k, set);
          for (const w of k.split(' ')) {
            const keys = this.keysByWord.get(w) ?? new Set<string>();
            this.keysByWord.set(w, keys);
            keys.add(k);
          }
        }
        set.add(p.id);
      }
      this.hiddenCount++;
    }
    this.persons.set(p.id, held);
  }

  /** Forgets a person (as if it never was). */
  remove(id: string): void {
    const affected = new Set<string>();
    this.drop(id, affected);
    this.recontribute(affected);
  }

  /** Whether a folded surname may stand alone as a hidden person's form. */
  private distinctive(key: string): boolean {
    return this.candidates.has(key) && !key.split(' ').some((w) => this.seen.has(w));
  }

  /** A visible surname appeared or disappeared: hidden persons whose keys hold it as a word change. */
  private touchWord(word: string, affected: Set<string>) {
    for (const k of this.keysByWord.get(word) ?? []) this.touchKey(k, affected);
  }

  private touchKey(key: string, affected: Set<string>) {
    for (const id of this.dependents.get(key) ?? []) affected.add(id);
  }

  /** Takes a person out of every count; the persons whose forms may change are added to `affected`. */
  private drop(id: string, affected: Set<string>) {
    const held = this.persons.get(id);
    if (!held) return;
    this.persons.delete(id);
    if (held.visible) {
      for (const s of surnamesOf(held.body)) if (bump(this.seen, s, -1)) this.touchWord(s, affected);
      return;
    }
    this.hiddenCount--;
    this.withdraw(held);
    for (const k of candidatesOf(held.body)) if (bump(this.candidates, k, -1)) this.touchKey(k, affected);
    for (const k of surnameKeys(held.body)) {
      const set = this.dependents.get(k);
      set?.delete(id);
      if (set && set.size === 0) {
        this.dependents.delete(k);
        for (const w of k.split(' ')) {
          const keys = this.keysByWord.get(w);
          keys?.delete(k);
          if (keys?.size === 0) this.keysByWord.delete(w);
        }
      }
    }
  }

  /** Recomputes the forms of the given (hidden) persons under the current distinctive surnames. */
  private recontribute(ids: Iterable<string>) {
    for (const id of ids) {
      const held = this.persons.get(id);
      if (!held || held.visible) continue;
      this.withdraw(held);
      const distinct = surnameKeys(held.body).filter((k) => this.distinctive(k));
      this.apply(held.alias, contributionOf(held.body, new Set(distinct)), 1);
      held.distinct = distinct.length > 0 ? distinct : NONE;
    }
  }

  /** Takes a hidden person's forms out, as they were made (the same body, the same distinctive keys). */
  private withdraw(held: Held) {
    if (held.distinct === undefined) return;
    this.apply(held.alias, contributionOf(held.body, new Set(held.distinct)), -1);
    held.distinct = undefined;
  }

  private apply(alias: string, c: Contribution, by: 1 | -1) {
    for (const path of c.paths) {
      const value = owned(this.pathOwners, path, alias, by, this.withheld);
      if (value === undefined) this.forms.delete(path);
      else this.forms.set(path, value);
    }
    for (const d of c.documents) {
      const value = owned(this.documentOwners, d, alias, by, this.withheld);
      if (value === undefined) this.forms.deleteDocument(d);
      else this.forms.setDocument(d, value);
    }
    for (const t of c.terms)
      if (bump(this.termCount, t, by)) {
        if (by === 1) this.terms.add(t);
        else this.terms.delete(t);
      }
  }
}

/**
 * Who holds a key: one pseudonym (nearly every form is one person's), or several. A set for each key
 * was most of a matcher's memory (about 2 KiB per hidden person and access level).
 */
type Owners = string | Set<string>;

/** Counts an owner of a key in or out; returns what the key is then found as (undefined: nothing). */
function owned(
  map: Map<string, Owners>,
  key: string,
  alias: string,
  by: 1 | -1,
  withheld: string,
): string | undefined {
  const owners = map.get(key);
  let left: Owners | undefined;
  if (by === 1) {
    if (owners === undefined || owners === alias) left = alias;
    else if (typeof owners === 'string') left = new Set([owners, alias]);
    else left = owners.add(alias);
  } else if (typeof owners === 'string') left = owners === alias ? undefined : owners;
  else if (owners) {
    owners.delete(alias);
    left = owners.size === 1 ? [...owners][0] : owners;
  }
  if (left === undefined) {
    map.delete(key);
    return undefined;
  }
  map.set(key, left);
  return typeof left === 'string' ? left : withheld;
}
