/**
 * The ways a person's identity is written in free text, for the matcher that hides identities
 * (pure). Spanish usage: one or more given names, two surnames (either may carry particles:
 * "de la Cruz"), written "Nombre Apellido", "Apellido, Nombre", with initials ("J. Medina"),
 * under an alias of any length, or as a cédula with or without dots and a V-/E- prefix.
 */

export interface IdentityParts {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
  aliases?: readonly string[];
  documents?: readonly { number: string }[];
}

/** Accent-, case- and space-folded form; the key forms are compared under. */
export const foldName = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/[«»"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Name forms of one person. `distinctiveSurnames` holds folded surnames that may stand alone
 * (no person the viewer sees carries them, so hiding them hides nobody else's name).
 */
export function nameForms(p: IdentityParts, distinctiveSurnames: ReadonlySet<string>): string[] {
  const given = clean(p.givenNames);
  const s1 = clean(p.firstSurname);
  const s2 = clean(p.secondSurname);
  const forms = new Set<string>();
  const add = (s: string) => {
    const t = clean(s);
    if (t) forms.add(t);
  };
  const firstGiven = given.split(' ')[0] ?? '';
  const surnames = [s1, s2].filter(Boolean).join(' ');
  if (given && surnames) {
    add(`${given} ${surnames}`);
    add(`${surnames}, ${given}`);
  }
  if (given && s1) {
    add(`${given} ${s1}`);
    add(`${firstGiven} ${s1}`);
    add(`${s1}, ${given}`);
    add(`${s1}, ${firstGiven}`);
    add(`${firstGiven[0]}. ${s1}`);
    if (s2) add(`${firstGiven} ${s1} ${s2}`);
  }
  if (s1 && s2) add(`${s1} ${s2}`);
  for (const s of [s1, s2, surnames]) if (s && s.length >= 3 && distinctiveSurnames.has(foldName(s))) add(s);
  for (const a of p.aliases ?? []) add(a);
  return [...forms];
}

/** Digits of a document number (V-12.345.678 → 12345678); too short to identify → undefined. */
export function documentDigits(n: string): string | undefined {
  const d = n.replace(/\D/g, '');
  return d.length >= 5 ? d : undefined;
}

const CLASSES: Record<string, string> = {
  a: '[aáàäâ]',
  e: '[eéèëê]',
  i: '[iíìïî]',
  o: '[oóòöô]',
  u: '[uúùüû]',
  n: '[nñ]',
  c: '[cç]',
};
const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An accent-, case- and spacing-insensitive pattern for a name form (". " and "," tolerate spacing). */
export function namePattern(form: string): string {
  return foldName(form)
    .split('')
    .map((c) => CLASSES[c] ?? (c === ' ' ? '\\s+' : c === ',' ? '\\s*,' : c === '.' ? '\\.?' : esc(c)))
    .join('');
}

/** A pattern for a document number written with or without a V-/E- prefix, dots, spaces or dashes. */
export function documentPattern(digits: string): string {
  return `(?:[VvEe]\\s*[-.]?\\s*)?${digits.split('').join('[.\\s-]?')}`;
}
