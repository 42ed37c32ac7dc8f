/**
 * A person's initials read as a body (person-initials.ts): sentences written for this test in the shapes of
 * the development texts (a social thread, a radio transcript's head, an encyclopedia page), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withoutPersonInitials } from './person-initials.js';

const at = (
  text: string,
  name: string,
  kind: EntityMention['kind'],
  value = name,
  from = 0,
): EntityMention => {
  const start = text.indexOf(name, from);
  return { kind, start, end: start + name.length, text: name, value };
};
const orgsLeft = (mentions: EntityMention[]) =>
  withoutPersonInitials(mentions)
    .filter((m) => m.kind === 'organization')
    .map((m) => m.text);

describe("a person's initials read as a body", () => {
  it('drops a short capitalised word that is the initials of a person of the text', () => {
    const thread = 'El príncipe Khalid bin Farhan lo negó. Hoy KBF volvió a hablar con la ONU.';
    assert.deepEqual(
      orgsLeft([
        at(thread, 'Khalid bin Farhan', 'person'),
        at(thread, 'KBF', 'organization'),
        at(thread, 'ONU', 'organization'),
      ]),
      ['ONU'],
    );
    const head = 'Guests: Tendai Moyo, lawyer (TM, by phone); Rudo Gumbo (RG, in studio)';
    assert.deepEqual(
      orgsLeft([
        at(head, 'Tendai Moyo', 'person'),
        at(head, 'TM', 'organization'),
        at(head, 'Rudo Gumbo', 'person'),
        at(head, 'RG', 'organization'),
      ]),
      [],
    );
  });

  it('keeps an acronym that a body of the text, or the lexicon, explains', () => {
    const text = 'Amara Nwosu of the Accountability Network (AN) said AN will write to Ursula Nkem.';
    assert.deepEqual(
      orgsLeft([
        at(text, 'Amara Nwosu', 'person'),
        at(text, 'Accountability Network', 'organization'),
        at(text, 'AN', 'organization', 'AN', text.indexOf('said')),
      ]),
      ['Accountability Network', 'AN'],
    );
    const un = 'Ugo Nnadi wrote to the UN twice.';
    assert.deepEqual(orgsLeft([at(un, 'Ugo Nnadi', 'person'), at(un, 'UN', 'organization')]), ['UN']);
  });

  it('keeps an acronym that carries the value of its body', () => {
    const text = 'Kemal Baki Demir filed it with the KBD.';
    const kbd = { ...at(text, 'KBD', 'organization'), value: 'Kuzey Barolar Derneği' };
    assert.deepEqual(orgsLeft([at(text, 'Kemal Baki Demir', 'person'), kbd]), ['KBD']);
  });
});
