/**
 * The same-person pairs the twin guard holds under the threshold, by why: halves of a compound
 * given name the lists have (undocumented, or documented), or other given names — with examples.
 *
 *   node --import tsx bench/link/twin-pairs.ts DIR [--show N]
 */
import { Comparator, scorePair } from '../../src/linkage/compare.js';
import { areHalves, compoundWords } from '../../src/linkage/compound-names.js';
import { linkRecords } from '../../src/linkage/link.js';
import { inferIdentityRoles } from '../../src/linkage/roles.js';
import { osaDistance } from '../../src/linkage/similarity.js';
import { SYNTH_IDENTITY_FIELDS } from '../../src/test-support/synth-fields.js';
import { readSynthDir } from './synth-dir.js';

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith('--'))!;
const show = Number(argv[argv.indexOf('--show') + 1] ?? 0) || 0;
const FIELDS = SYNTH_IDENTITY_FIELDS.map((s) => {
  const [column, type] = s.split(':');
  return { column: column!, type: type as 'name' };
});
const { records, person } = readSynthDir(dir);
const res = await linkRecords(records, { fields: FIELDS });
const o = res.outcome;
process.stdout.write(`twin guard: ${JSON.stringify(o.twinGuard)}\n`);
const { encodeRecords } = await import('../../src/linkage/link.js');
const { enc } = encodeRecords(records, FIELDS);
const data = enc.data;
const cmp = new Comparator(data);
const roles = inferIdentityRoles(FIELDS);
const words = compoundWords(data, roles.given);
const { scoreTables } = await import('../../src/linkage/model.js');
const free = scoreTables(res.model, data);
const held = { ...free, twin: { ...roles, cap: o.thresholdWeight - 1 } };
const gd = data.dicts[data.fields[roles.given]!.dict]!;
const text = (i: number) => {
  const v = data.fields[roles.given]!.value[i]!;
  return String.fromCharCode(...gd.chars.subarray(gd.start[v]!, gd.start[v + 1]!));
};
/** Why a held pair that is not two halves is held: another sex, a near word, or names apart. */
function otherKind(a: number, b: number): string {
  const sex = roles.sex >= 0 && cmp.level(roles.sex, a, b) === 1 ? 'other sex' : 'same sex';
  const level = cmp.level(roles.given, a, b);
  const ta = text(a).split(' ');
  const tb = text(b).split(' ');
  const near = ta.some((x) => tb.some((y) => osaDistance(x, y, 3) <= 1 && Math.min(x.length, y.length) >= 3));
  const near2 = ta.some((x) =>
    tb.some((y) => osaDistance(x, y, 3) <= 2 && Math.min(x.length, y.length) >= 5),
  );
  return `not halves, ${sex}, given level ${level}, ${near ? 'a word one edit apart' : near2 ? 'a word two edits apart' : 'no near word'}`;
}
const counts = new Map<string, { pairs: number; same: number }>();
const examples = new Map<string, string[]>();
for (let k = 0; k < o.pairs.w.length; k++) {
  const a = o.pairs.a[k]!;
  const b = o.pairs.b[k]!;
  const w = o.pairs.w[k]!;
  if (w >= o.thresholdWeight) continue;
  const wFree = scorePair(cmp, free, a, b, Number.NEGATIVE_INFINITY);
  const wHeld = scorePair(cmp, held, a, b, Number.NEGATIVE_INFINITY);
  if (wFree < o.thresholdWeight || wHeld === wFree) continue; // not a pair the guard holds
  const docs = data.fields[roles.document]!.value;
  const documented = docs[a]! >= 0 && docs[b]! >= 0;
  const kind = areHalves(data, roles.given, words, a, b)
    ? documented
      ? 'halves, both documents'
      : 'halves, a document missing'
    : otherKind(a, b);
  const c = counts.get(kind) ?? { pairs: 0, same: 0 };
  c.pairs++;
  if (person[a] === person[b]) c.same++;
  counts.set(kind, c);
  const ex = examples.get(kind) ?? [];
  if (ex.length < show)
    ex.push(
      `${person[a] === person[b] ? 'same' : 'two '} w ${w.toFixed(1)} free ${wFree.toFixed(1)} | ${FIELDS.map((f) => records[a]!.values[f.column]).join('|')} || ${FIELDS.map((f) => records[b]!.values[f.column]).join('|')}`,
    );
  examples.set(kind, ex);
}
for (const [k, c] of [...counts].sort())
  process.stdout.write(`${k}: ${c.pairs} pairs, ${c.same} one person\n`);
for (const [k, ex] of [...examples].sort()) process.stdout.write(`-- ${k}\n${ex.join('\n')}\n`);
