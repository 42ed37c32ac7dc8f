/**
 * One list much noisier than the others, on top of an adversarial set: a careless transcription
 * (typos in most names, second surnames and birth dates left out, day and month swapped, cédulas
 * mistyped or missing, state and sex often blank). Lists differ in quality like this in practice
 * (a hand-copied casualty list beside two registers), and a model with one m for all list pairs
 * then fits neither: too lenient for the clean pairs, too strict for the noisy list's. Pure: the
 * same seed gives the same noise. Marks the noisy list's records as affected.
 */

import { Rng } from '../random.js';
import { type AdversarialSet, COLUMNS, typo } from './adversarial.js';

export interface NoisyListOptions {
  /** The list made noisy (its `source`). */
  source?: string;
  seed?: number;
}

export function noisyList(set: AdversarialSet, opts: NoisyListOptions = {}): AdversarialSet {
  const source = opts.source ?? 'lista2';
  const rng = new Rng(opts.seed ?? 19);
  const chance = (p: number) => rng.float() < p;
  const affected = [...set.affected];
  const records = set.records.map((r, i) => {
    if (r.source !== source) return r;
    affected[i] = true;
    const v = { ...r.values };
    for (const c of [COLUMNS.given, COLUMNS.surname1, COLUMNS.surname2]) {
      const x = v[c];
      if (x && chance(0.35)) v[c] = chance(0.3) ? typo(rng, typo(rng, x)) : typo(rng, x);
    }
    if (chance(0.4)) v[COLUMNS.surname2] = '';
    if (chance(0.2)) v[COLUMNS.sex] = '';
    const birth = v[COLUMNS.birth]?.match(/^(\d\d)\/(\d\d)\/(\d{4})$/);
    if (birth && chance(0.25)) v[COLUMNS.birth] = '';
    else if (birth && chance(0.4) && Number(birth[1]) <= 12 && birth[1] !== birth[2])
      v[COLUMNS.birth] = `${birth[2]}/${birth[1]}/${birth[3]}`;
    else if (birth && chance(0.15))
      v[COLUMNS.birth] = `${birth[1]}/${birth[2]}/${Number(birth[3]) + (chance(0.5) ? 1 : -1)}`;
    const doc = v[COLUMNS.doc];
    if (doc && chance(0.4)) v[COLUMNS.doc] = '';
    else if (doc && chance(0.25))
      v[COLUMNS.doc] = typo(rng, doc.replace(/[^0-9]/g, '')).replace(/[^0-9]/g, '7');
    if (chance(0.4)) v[COLUMNS.state] = '';
    return { ...r, values: v };
  });
  return { ...set, records, affected };
}
