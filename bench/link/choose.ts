import { buildRuleBlocks, cachedAtomKeys, combineKeySets } from '../../src/linkage/blocking.js';
import { chooseRules } from '../../src/linkage/choose-rules.js';
import { forEachPairSharingKeys, keysAgree } from '../../src/linkage/key-sets.js';
import { encodeRecords } from '../../src/linkage/link.js';
import type { FieldSpec } from '../../src/linkage/types.js';
import { SYNTH_EVENT_FIELDS, SYNTH_IDENTITY_FIELDS } from '../../src/test-support/synth-fields.js';
import { readSynthDir } from './synth-dir.js';

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a))!;
const perRecord = argv.includes('--per-record') ? Number(argv[argv.indexOf('--per-record') + 1]) : 20;
const FIELDS: FieldSpec[] = [
  ...SYNTH_IDENTITY_FIELDS,
  ...(argv.includes('--all-fields') ? SYNTH_EVENT_FIELDS : []),
].map((s) => {
  const [column, type] = s.split(':');
  return { column: column!, type: type as FieldSpec['type'] };
});

const { records, person } = readSynthDir(dir);
const { enc } = encodeRecords(records, FIELDS);
const keysOf = cachedAtomKeys(enc);
const t0 = performance.now();
const choice = chooseRules(enc, keysOf, perRecord, 2026);
const chooserSeconds = (performance.now() - t0) / 1000;
const M = (x: number) => `${(x / 1e6).toFixed(2)}M`;
// The blocks as link.ts builds them (default largest block 2,000, split by the chooser's key).
const t1 = performance.now();
const columns = FIELDS.map((f) => f.column);
const built = choice.rules.map((r, i) =>
  buildRuleBlocks(enc, r, keysOf, 2000, choice.refine[i] ?? null, columns),
);
const buildSeconds = (performance.now() - t1) / 1000;

const keys = choice.rules.map((r) =>
  combineKeySets(
    r.map((a) => keysOf(a)),
    enc.data.n,
  ),
);
let union = 0;
let blockPairs = 0;
keys.forEach((k, r) => {
  forEachPairSharingKeys(k, (a, b) => {
    blockPairs++;
    for (let q = 0; q < r; q++) if (keysAgree(keys[q]!, a, b)) return;
    union++;
  });
});
const byPerson = new Map<string, number[]>();
person.forEach((p, i) => {
  const l = byPerson.get(p);
  if (l) l.push(i);
  else byPerson.set(p, [i]);
});
let same = 0;
let found = 0;
for (const ids of byPerson.values())
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      same++;
      if (keys.some((k) => keysAgree(k, ids[x]!, ids[y]!))) found++;
    }

process.stdout.write(
  `${records.length} records; chooser ${chooserSeconds.toFixed(1)} s; blocks built ${buildSeconds.toFixed(1)} s (${M(built.reduce((t, b) => t + b.pairs, 0))} pairs in them); budget ${M(choice.budget)}; ${choice.rules.length} rules
estimated distinct pairs ${M(choice.budgetUsed)} (exact ${M(union)}), summed over rules ${M(choice.blockPairs)} (exact ${M(blockPairs)})
simulated union recall ${choice.unionRecall.toFixed(4)}; true blocking recall ${(found / same).toFixed(4)} (${same - found} of ${same} same-person pairs in no block; no block splitting)
${choice.chosen.map((c) => `  ${c.label}: ${M(c.pairs)} (new ${M(c.newPairs)})`).join('\n')}
`,
);
