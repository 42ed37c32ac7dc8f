/**
 * Entity-level precision and recall of the fact extractor against hand annotations (see README
 * here for the annotation rules). Per text, the suggestions of the article and of its comments are
 * pooled; predicted entities with the same value are one. A predicted entity matches an annotated
 * one when its value or any of its mention texts is one of the annotated forms (case and accents
 * folded). A second predicted entity matching an already matched annotation is a split: counted
 * apart (and as a false positive, so splitting an entity costs precision). Pure.
 */
import type { Fact } from '../facts/index.js';
import { fold } from '../facts/lexicon.js';

export interface Annotation {
  persons: string[][];
  places: string[][];
  organizations: string[][];
  dates: string[];
}

export const KINDS = ['persons', 'places', 'organizations', 'dates'] as const;
export type Kind = (typeof KINDS)[number];
const FACT_KIND: Record<Kind, Fact['kind']> = {
  persons: 'person',
  places: 'place',
  organizations: 'organization',
  dates: 'date',
};

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  splits: number;
  errors: string[];
}
export const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, splits: 0, errors: [] });

const norm = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/** Adds one text's result for one kind to `t`. */
export function scoreKind(t: Tally, file: string, kind: Kind, facts: readonly Fact[], ann: Annotation): void {
  const mine = facts.filter((f) => f.kind === FACT_KIND[kind]);
  // Predicted entities: one per value, with every form they were written in.
  const predicted = new Map<string, Set<string>>();
  for (const f of mine) {
    const key = norm(f.value);
    const forms = predicted.get(key) ?? new Set([key]);
    for (const m of f.mentions ?? [{ text: f.text }]) forms.add(norm(m.text));
    predicted.set(key, forms);
  }
  const gold: string[][] = kind === 'dates' ? ann.dates.map((d) => [d]) : ann[kind];
  const goldForms = gold.map((g) => new Set(g.map(norm)));
  const matched = new Set<number>();
  for (const [value, forms] of predicted) {
    const hit = goldForms.findIndex((g) => [...forms].some((f) => g.has(f)));
    if (hit < 0) {
      t.fp++;
      t.errors.push(`${file}: extra ${kind} ${value}`);
    } else if (matched.has(hit)) {
      t.fp++;
      t.splits++;
      t.errors.push(`${file}: split ${kind} ${value} (already matched ${gold[hit]![0]})`);
    } else {
      matched.add(hit);
      t.tp++;
    }
  }
  gold.forEach((g, i) => {
    if (matched.has(i)) return;
    t.fn++;
    t.errors.push(`${file}: missed ${kind} ${g[0]}`);
  });
}

export const precision = (t: Tally) => (t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1);
export const recall = (t: Tally) => (t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1);
