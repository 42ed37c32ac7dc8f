/** The canonical text the panel signs: deterministic, blind to signatures, sensitive to any word. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from './document.js';
import { canonicalText } from './rendering.js';

const blocks: Block[] = [
  { k: 'title', text: 'Informe', sub: 'Sobre el art. 7' },
  { k: 'h1', text: '1. Resumen' },
  { k: 'p', text: 'Cafe\u0301  con\nleche' },
  { k: 'table', head: ['Ítem', 'SHA-256'], rows: [['evi_1', 'ab']] },
  {
    k: 'chart',
    chart: {
      title: 'Actos por mes',
      width: 10,
      height: 10,
      prims: [{ t: 'text', x: 0, y: 0, text: '12', size: 8, anchor: 'start' }],
    },
  },
  { k: 'break' },
];

describe('canonical report text', () => {
  it('one line per block, NFC, whitespace folded, chart labels kept, geometry left out', () => {
    assert.equal(
      canonicalText(blocks),
      '# Informe\nSobre el art. 7\n## 1. Resumen\nCafé con leche\n| Ítem | SHA-256 |\n| evi_1 | ab |\n[chart] Actos por mes\n  12\n',
    );
    const moved = structuredClone(blocks);
    (moved[4] as unknown as { chart: { prims: { x: number }[] } }).chart.prims[0]!.x = 5;
    assert.equal(canonicalText(moved), canonicalText(blocks), 'layout is not text');
    const changed = structuredClone(blocks);
    (changed[3] as unknown as { rows: string[][] }).rows[0]![1] = 'ac';
    assert.notEqual(canonicalText(changed), canonicalText(blocks));
  });
});
