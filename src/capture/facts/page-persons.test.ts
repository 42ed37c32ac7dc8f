/**
 * Persons of a comment tied to the full names of its page: facts and sentences written for this
 * test (not from the evaluation texts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleAndCommentFacts } from '../extract.js';
import { tiePagePersons } from './page-persons.js';

const person = (value: string, start = 0) => ({
  kind: 'person',
  value,
  mentions: [{ start, end: start + value.length, text: value }],
});
const values = (facts: { kind: string; value: string }[]) =>
  facts.filter((f) => f.kind === 'person').map((f) => f.value);

describe('persons of a comment named in full by its page', () => {
  it('one name, given or surname, is the one full name of the article that holds it', () => {
    const article = [person('Tomasz Wieczorek'), person('Halima Ouedraogo')];
    const comments = [[person('Tomasz')], [person('Ouedraogo')]];
    tiePagePersons(article, comments);
    assert.deepEqual(comments.map(values), [['Tomasz Wieczorek'], ['Halima Ouedraogo']]);
  });
  it('a form of address and one name, when the form’s sex fits the given name', () => {
    const article = [person('Rosalba Quintero Lugo'), person('John Smith')];
    const comments = [[person('doña Rosalba')], [person('Mrs Smith')]];
    tiePagePersons(article, comments);
    assert.deepEqual(comments.map(values), [['Rosalba Quintero Lugo'], ['Mrs Smith']]);
  });
  it('a title of office by surname only: "Sheikh Hasina" is not the article’s "Hasina Akter"', () => {
    const article = [person('Hasina Akter'), person('Farid Chowdhury')];
    const comments = [[person('Sheikh Hasina'), person('Dr Chowdhury')]];
    tiePagePersons(article, comments);
    assert.deepEqual(comments.map(values), [['Sheikh Hasina', 'Farid Chowdhury']]);
  });
  it('a shorter name of several words, and a full name another comment writes', () => {
    const article = [person('Samuel Kariuki Waweru')];
    const comments = [[person('Samuel Waweru')], [person('Anahit Petrosyan')], [person('Anahit')]];
    tiePagePersons(article, comments);
    assert.deepEqual(comments.map(values), [
      ['Samuel Kariuki Waweru'],
      ['Anahit Petrosyan'],
      ['Anahit Petrosyan'],
    ]);
  });
  it('not when two full names fit, nor when none does', () => {
    const article = [person('Julio César Rondón'), person('Julio Benítez')];
    const comments = [[person('Julio'), person('Ignacio')]];
    tiePagePersons(article, comments);
    assert.deepEqual(comments.map(values), [['Julio', 'Ignacio']]);
  });
  it('two persons of one comment under one name become one, with both mentions, and its events follow', () => {
    const article = [person('Naseer Ahmad Bajwa'), person('Amatul Hafeez')];
    const comment: {
      kind: string;
      value: string;
      mentions?: { start: number; end: number; text: string }[];
      persons?: string[];
    }[] = [
      person('Naseer', 0),
      person('Bajwa', 30),
      { kind: 'event', value: 'killing', persons: ['Naseer', 'Amatul Hafeez'] },
    ];
    tiePagePersons(article, [comment]);
    assert.deepEqual(values(comment), ['Naseer Ahmad Bajwa']);
    assert.deepEqual(
      comment[0]!.mentions!.map((m) => m.text),
      ['Naseer', 'Bajwa'],
    );
    assert.deepEqual(comment[1]!.persons, ['Naseer Ahmad Bajwa', 'Amatul Hafeez']);
  });
  it('a short form of a given name, in the article too, is the one person whose given name it opens', () => {
    const article = [person('Tharindu Wickremasinghe'), person('Tharin'), person('Yelitza'), person('Yeli')];
    const comments = [[person('Wick')]];
    tiePagePersons(article, comments);
    assert.deepEqual(values(article), ['Tharindu Wickremasinghe', 'Yelitza']);
    assert.deepEqual(comments.map(values), [['Wick']]);
  });
  it('not a given name of its own before another ("Mariana" is not "María"), nor a word a name holds whole', () => {
    const article = [person('Mariana Quispe'), person('Maria')];
    tiePagePersons(article, []);
    assert.deepEqual(values(article), ['Mariana Quispe', 'Maria']);
    const other = [person('Kumaran Selvam'), person('Kumar'), person('Raj Kumar')];
    tiePagePersons(other, []);
    assert.deepEqual(values(other), ['Kumaran Selvam', 'Kumar', 'Raj Kumar']);
  });
  it('a page read whole: a given name the tagger read in a comment takes the article’s full name', () => {
    const { facts, commentFacts } = articleAndCommentFacts(
      'Lawyers for the journalist Naseer Ahmad Rehmani said on Monday that the court had refused bail again.',
      [{ text: 'Naseer was only doing his job, the whole street is with him.' }],
      undefined,
      { reference: '2025-03-01' },
    );
    assert.deepEqual(values(facts), ['Naseer Ahmad Rehmani']);
    assert.deepEqual(values(commentFacts[0]!), ['Naseer Ahmad Rehmani']);
  });
  it('the article’s one name is the one full name only the comments write (stop 41)', () => {
    const article = [person('Yoandry'), person('Caridad Duany')];
    const comments = [[person('Yoandry Ferrer')]];
    tiePagePersons(article, comments);
    assert.deepEqual(values(article), ['Yoandry Ferrer', 'Caridad Duany']);
    // Not when the article holds the word in a full name of its own, nor when two comments' names fit.
    const own = [person('Marta'), person('Marta Ruiz')];
    tiePagePersons(own, [[person('Marta Gómez')]]);
    assert.deepEqual(values(own), ['Marta', 'Marta Ruiz']);
    const two = [person('Jorge')];
    tiePagePersons(two, [[person('Jorge Vidal')], [person('Jorge Paz')]]);
    assert.deepEqual(values(two), ['Jorge']);
  });
});
