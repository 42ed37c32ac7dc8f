/**
 * Chat members and correspondents named inside the messages: exchanges written for this test in the
 * shapes of the development chats and e-mails (not copied from them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from './index.js';
import { senderNames, withSenderNames } from './sender-names.js';

const persons = (facts: Fact[]) => facts.filter((f) => f.kind === 'person').map((f) => f.value);

describe('a sender named in another message', () => {
  it('is a person, once per name, the sender label itself no mention', () => {
    const text =
      '12/03/25, 10:02 - Odile: The clinic is closed.\n12/03/25, 10:05 - Tarek: Odile go to the camp office.\n' +
      '12/03/25, 10:07 - Odile: OK. Tarek, call me.';
    const facts: Fact[] = [];
    withSenderNames(text, facts);
    assert.deepEqual(persons(facts).sort(), ['Odile', 'Tarek']);
    const odile = facts.find((f) => f.value === 'Odile')!;
    assert.equal(odile.mentions!.length, 1);
  });
  it('takes the name from a one-word place another stage read on it', () => {
    const text = '[09:10] Lucía: Mañana voy a lo de Brisa.\n[09:12] Brisa: Te espero.';
    const start = text.indexOf('Brisa');
    const place: Fact = {
      kind: 'place',
      text: 'Brisa',
      start,
      end: start + 5,
      value: 'Brisa',
      mentions: [{ start, end: start + 5, text: 'Brisa' }],
    };
    const facts = [place];
    withSenderNames(text, facts);
    assert.deepEqual(
      facts.map((f) => `${f.kind}:${f.value}`),
      ['person:Brisa'],
    );
  });
  it('leaves system lines, kinship words and an e-mail desk or role', () => {
    const chat =
      '1/2/25, 08:00 - Rosaura creó el grupo\n1/2/25, 08:01 - Nanay: Nanay is here\n1/2/25, 08:02 - Rosaura: Hola';
    const facts: Fact[] = [];
    withSenderNames(chat, facts);
    assert.deepEqual(persons(facts), []);
    const mail =
      'From: Field officer, Goma\nTo: Documentation; Equipo Norte\nSubject: files\n\nWe met in Goma. Documentation has the list.';
    assert.deepEqual([...senderNames(mail).names], []);
  });
});
