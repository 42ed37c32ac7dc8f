/**
 * Distant supervision: a candidate whose words are one of the forms an annotation gives an entity
 * of some kind in that text is of that kind, else "none" (the annotation rules of
 * `../eval/README.md`: every form of every person, place and organization is listed). A rule's span
 * whose value (the full name it was tied to) is such a form counts too, as the scorer counts it.
 * Pure.
 */
import type { Annotation } from '../eval/score.js';
import type { EntityMention } from '../facts/entities.js';
import { fold } from '../facts/lexicon.js';
import type { Label } from './perceptron.js';

export const normForm = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/** Annotated form (normalized) → its kind. Fixtures annotate no organizations: `organizations` may be missing. */
export function formsOf(ann: Partial<Annotation>): Map<string, Label> {
  const out = new Map<string, Label>();
  const put = (entries: readonly (string | readonly string[])[] | undefined, label: Label) => {
    for (const e of entries ?? [])
      for (const f of typeof e === 'string' ? [e] : e) out.set(normForm(f), label);
  };
  put(ann.places, 'place');
  put(ann.organizations, 'organization');
  put(ann.persons, 'person');
  return out;
}

export function labelOf(
  text: string,
  c: { start: number; end: number },
  exactRule: EntityMention | undefined,
  forms: ReadonlyMap<string, Label>,
): Label {
  const own = forms.get(normForm(text.slice(c.start, c.end)));
  if (own) return own;
  const viaValue = exactRule ? forms.get(normForm(exactRule.value)) : undefined;
  return viaValue ?? 'none';
}
