import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachedAtomKeys, combineKeySets } from './blocking.js';
import { chooseRules } from './choose-rules.js';
import type { Encoded } from './encode.js';
import { ADVERSARIAL_FIELDS, adversarialSet } from './eval/adversarial.js';
import { forEachPairSharingKeys, type Keys, keysAgree, pairsSharingKeys } from './key-sets.js';
import { encodeRecords } from './link.js';
import type { LinkRecord } from './types.js';

/** Distinct pairs some rule puts in one block: what the scorer compares (brute force over the data). */
function unionOfRules(e: Encoded, rules: ReturnType<typeof chooseRules>['rules']): number {
  const keysOf = cachedAtomKeys(e);
  const keys: Keys[] = rules.map((r) =>
    combineKeySets(
      r.map((a) => keysOf(a)),
      e.data.n,
    ),
  );
  let union = 0;
  keys.forEach((k, r) => {
    forEachPairSharingKeys(k, (a, b) => {
      for (let q = 0; q < r; q++) if (keysAgree(keys[q]!, a, b)) return;
      union++;
    });
  });
  return union;
}

describe('automatic blocking budget (the union of the rules’ pairs)', () => {
  it('charges a rule whose pairs the chosen rules already compare nothing, so the budget buys it', () => {
    // Three columns holding the same value: their rules pair exactly the same records. 3,000
    // records over 50 values: 88,500 pairs per rule, within the per-rule limit (half the 200,000
    // budget); two rules counted apart (177,000) would leave no room for a third.
    const records: LinkRecord[] = [];
    for (let i = 0; i < 3000; i++) {
      const v = `v${i % 50}`;
      records.push({ source: 'l.csv', id: `r${i}`, values: { x: v, y: v, z: v } });
    }
    const fields = ['x', 'y', 'z'].map((column) => ({ column, type: 'exact' as const }));
    const { enc: e } = encodeRecords(records, fields);
    const choice = chooseRules(e, cachedAtomKeys(e), 1, 3);
    const union = unionOfRules(e, choice.rules);
    assert.equal(union, 88_500);
    assert.equal(
      choice.rules.length,
      3,
      `rules ${choice.chosen.map((c) => `${c.label} ${Math.round(c.pairs)}/${Math.round(c.newPairs)}`).join(' | ')}`,
    );
    for (const c of choice.chosen.slice(1))
      assert.equal(c.newPairs, 0, `${c.label} charged ${c.newPairs} pairs the first rule already compares`);
    assert.ok(Math.abs(choice.budgetUsed - union) <= 0.01 * union, `budget used ${choice.budgetUsed}`);
    assert.ok(choice.blockPairs > 2.9 * union, 'the block sum counts each rule');
  });

  it('estimates the distinct pairs the chosen rules compare, not their sum over rules', () => {
    // missing_fields, 1,500 people (~3,300 records), smallest budget: rules overlap.
    const set = adversarialSet('missing_fields', { people: 1500, seed: 11 });
    const { enc: e } = encodeRecords(set.records, ADVERSARIAL_FIELDS);
    const choice = chooseRules(e, cachedAtomKeys(e), 1, 3);
    const union = unionOfRules(e, choice.rules);
    const labels = choice.chosen.map((c) => `${c.label} ${Math.round(c.pairs)}/${Math.round(c.newPairs)}`);
    assert.ok(
      Math.abs(choice.budgetUsed - union) <= 0.03 * union,
      `estimated ${Math.round(choice.budgetUsed)}, distinct pairs ${union}: ${labels.join(' | ')}`,
    );
    assert.ok(choice.blockPairs > 1.1 * union, `rules hardly overlap (${choice.blockPairs} / ${union})`);
    assert.ok(union <= choice.budget * 1.03, `over budget: ${union} > ${choice.budget}`);
  });

  it('costs a rule on both surnames as it runs: the unordered pair, not the two ordered keys', () => {
    // The ordered keys pair "Pérez Rodríguez" only with "Pérez Rodríguez"; the rule run pairs it with
    // "Rodríguez Pérez" too (up to twice the pairs). The sample is every record here, so exact.
    const set = adversarialSet('missing_fields', { people: 1500, seed: 11 });
    const { enc: e } = encodeRecords(set.records, ADVERSARIAL_FIELDS);
    const keysOf = cachedAtomKeys(e);
    const choice = chooseRules(e, keysOf, 1, 3);
    assert.ok(
      choice.rules.some((r) => r.some((a) => a.kind === 'surnames')),
      'no rule on both surnames chosen',
    );
    choice.rules.forEach((r, k) => {
      const run = pairsSharingKeys(
        combineKeySets(
          r.map((a) => keysOf(a)),
          e.data.n,
        ),
      );
      assert.equal(Math.round(choice.chosen[k]!.pairs), run, `${choice.chosen[k]!.label}: costed vs run`);
    });
  });
});
