import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldCase, foldWords, stripAccents, stripMarks } from './fold.js';

describe('fold', () => {
  it('drops every mark, keeps case, and folds names as lists write them', () => {
    assert.equal(stripMarks('Peñalver Ñáñez'), 'Penalver Nanez');
    assert.equal(foldCase('José MARÍA'), 'jose maria');
    assert.equal(foldWords('  Ana\t  Núñez \n'), 'ana nunez');
    assert.equal(stripAccents('Bogotá'), 'Bogota');
  });
  it('the plain-ASCII shortcut gives what the whole definition gives, for every code point', () => {
    const whole = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    for (let c = 0; c <= 0x2ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `a${String.fromCodePoint(c)}b`;
      assert.equal(stripMarks(s), whole(s), `U+${c.toString(16)}`);
    }
  });
});
