/**
 * A body whose value another body wrote as its form (written-forms.ts): names written for this test in
 * the shapes of the development texts (an acronym bracketed once, a ruling's chamber in its heading).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withWrittenForms } from './written-forms.js';

/** One organization mention per [text, value] pair, in order. */
const mentions = (...pairs: [string, string][]): EntityMention[] =>
  pairs.map(([text, value], k) => ({
    kind: 'organization',
    start: k * 100,
    end: k * 100 + text.length,
    text,
    value,
  }));
const values = (...pairs: [string, string][]) => withWrittenForms(mentions(...pairs)).map((m) => m.value);

describe('a body named by a form another body wrote', () => {
  it('ties a bare acronym to the body it was written for', () => {
    assert.deepEqual(
      values(
        ['Office for State Protection', 'Office for State Protection'],
        ['OSP', 'Office for State Protection'],
        ['OSP', 'OSP'],
      ),
      ['Office for State Protection', 'Office for State Protection', 'Office for State Protection'],
    );
  });
  it('ties a chamber alone to the court whose heading wrote it', () => {
    assert.deepEqual(values(['Segunda Sala', 'Juzgado Civil de Ponce'], ['Segunda Sala', 'Segunda Sala']), [
      'Juzgado Civil de Ponce',
      'Juzgado Civil de Ponce',
    ]);
  });
  it('leaves a form two bodies wrote', () => {
    assert.deepEqual(
      values(['CNP', 'Consejo Nacional de Prensa'], ['CNP', 'Comando Nacional de Policía'], ['CNP', 'CNP']),
      ['Consejo Nacional de Prensa', 'Comando Nacional de Policía', 'CNP'],
    );
  });
  it('leaves bodies no other wrote', () => {
    assert.deepEqual(values(['Ministry of Health', 'Ministry of Health'], ['Red Crescent', 'Red Crescent']), [
      'Ministry of Health',
      'Red Crescent',
    ]);
  });
});
