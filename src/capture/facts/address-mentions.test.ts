/**
 * Persons' mentions grown over the form of address written with them: sentences written for this
 * test in the shapes of the development texts (not copied from them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressSpan, bareValue, withAddressMentions } from './address-mentions.js';

const grown = (text: string, name: string) => {
  const start = text.indexOf(name);
  const s = addressSpan(text, { start, end: start + name.length });
  return text.slice(s.start, s.end);
};

describe('a person written with a form of address', () => {
  it('takes a courtesy form, rank or kinship word right before the name', () => {
    assert.equal(grown('We spoke again with Mrs. Lim about the camp.', 'Lim'), 'Mrs. Lim');
    assert.equal(grown('Ms Vogel will call the office.', 'Vogel'), 'Ms Vogel');
    assert.equal(grown('under the orders of General Tabe last year', 'Tabe'), 'General Tabe');
    assert.equal(grown('Mi tía Rosaura guardó las fotos.', 'Rosaura'), 'tía Rosaura');
    assert.equal(grown('la hermana Consuelo nos recibió', 'Consuelo'), 'hermana Consuelo');
  });
  it('takes a kinship word written after a given name', () => {
    assert.equal(grown('Ask Imran bhai to bring the papers.', 'Imran'), 'Imran bhai');
  });
  it('leaves a name with no form, an occupation, or a full word with a stop', () => {
    assert.equal(grown('The reporter Kowalski left.', 'Kowalski'), 'Kowalski');
    assert.equal(grown('He was a father. Tomas came later.', 'Tomas'), 'Tomas');
    assert.equal(grown('We met Ayla in the market.', 'Ayla'), 'Ayla');
  });
  it('does not take a form whose sex names someone else', () => {
    const text = 'Row 3: Okello, Peter (husband). Mrs. Okello was released.';
    const start = text.indexOf('Okello was');
    const s = addressSpan(text, { start, end: start + 6 }, 'peter');
    assert.equal(text.slice(s.start, s.end), 'Okello');
  });
});

describe('the value of a person named with a form', () => {
  it('is the name without a courtesy form, the form kept in the mention', () => {
    assert.equal(bareValue('doña Lucrecia'), 'Lucrecia');
    assert.equal(bareValue('Padre Anselmo'), 'Anselmo');
    assert.equal(bareValue('Aunty Grace'), 'Grace');
    const text = 'Ayer llegó doña Lucrecia.';
    const start = text.indexOf('doña');
    const fact = { kind: 'person', text: 'doña Lucrecia', start, end: start + 13, value: 'doña Lucrecia' };
    const facts = [{ ...fact, mentions: [{ start, end: start + 13, text: 'doña Lucrecia' }] }];
    withAddressMentions(text, facts);
    assert.equal(facts[0]!.value, 'Lucrecia');
    assert.equal(facts[0]!.mentions[0]!.text, 'doña Lucrecia');
  });
  it('keeps a form that names a parent by a child or is the name a person goes by', () => {
    assert.equal(bareValue('Mama Kevin'), 'Mama Kevin');
    assert.equal(bareValue('Umm Bilal'), 'Umm Bilal');
    assert.equal(bareValue('Sheikh Rahima'), 'Sheikh Rahima');
    assert.equal(bareValue('Ngozi Adaeze'), 'Ngozi Adaeze');
  });
});
