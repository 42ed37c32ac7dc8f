/**
 * Every UI string is translatable: Spanish and English have the same keys with non-empty text,
 * interpolation placeholders agree, and every literal key the views use exists. (Dynamic keys such
 * as t(`status.${s}`) are checked by prefix: the prefix must exist as a group.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KINDS } from '../../../src/domain/kinds.js';
import { KIND_SCREENS } from '../views/records/kind-spec.js';
import { en } from './en.js';
import { es } from './es.js';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'locales' ? [] : sources(p);
    return /\.(tsx?)$/.test(n) && !n.endsWith('.test.ts') ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const ES = flatten(es as unknown as Tree);
  const EN = flatten(en as unknown as Tree);

  it('Spanish and English have the same keys, all non-empty, with the same placeholders', () => {
    assert.deepEqual([...EN.keys()].sort(), [...ES.keys()].sort());
    for (const [k, v] of ES) {
      assert.ok(v.trim().length > 0, `es ${k} is empty`);
      assert.ok(EN.get(k)!.trim().length > 0, `en ${k} is empty`);
      assert.deepEqual(placeholders(EN.get(k)!), placeholders(v), `placeholders of ${k}`);
    }
  });

  it('every key the views use exists', () => {
    const root = new URL('..', import.meta.url).pathname;
    const missing: string[] = [];
    let used = 0;
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) {
        used++;
        // A plural key is used without its suffix: i18next picks _one/_many/_other by the count.
        const plural = ES.has(`${m[1]}_one`) && ES.has(`${m[1]}_other`);
        if (!ES.has(m[1]!) && !plural) missing.push(`${file.slice(root.length)}: ${m[1]}`);
      }
      for (const m of text.matchAll(/\bt\(\s*`([A-Za-z0-9_.]+)\.\$\{/g)) {
        used++;
        if (![...ES.keys()].some((k) => k.startsWith(`${m[1]}.`)))
          missing.push(`${file.slice(root.length)}: ${m[1]}.*`);
      }
    }
    assert.ok(used > 200, `found ${used} uses`);
    assert.deepEqual(missing, []);
  });

  it('every field of a kind with record screens has a label, and every such kind a "linked" heading', () => {
    // The history shows every changed field by its label; a missing one shows the code ("nationalities").
    const missing: string[] = [];
    for (const screen of KIND_SCREENS) {
      const spec = Object.values(KINDS).find((k) => k.name === screen.name);
      assert.ok(spec, `no kind named ${screen.name}`);
      const shape = (spec.schema as unknown as { shape: Record<string, unknown> }).shape;
      for (const field of Object.keys(shape))
        if (!ES.has(`records.field.${field}`)) missing.push(`${screen.name}.${field}`);
      if (!ES.has(`records.linked.${screen.name}`)) missing.push(`records.linked.${screen.name}`);
    }
    assert.deepEqual(missing, []);
  });
});
