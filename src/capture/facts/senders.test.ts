import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from './index.js';
import { senderSpans } from './senders.js';

const named = (text: string) => senderSpans(text).map((s) => text.slice(s.start, s.end));

describe('senders of pasted conversations', () => {
  it('chat lines: a clock time in brackets, or a WhatsApp export’s date and time, then the sender', () => {
    const text = [
      '— 11 November —',
      '[09:02] Rafiq B.: Salaam all. The hearing is on Thursday.',
      '[9:40] Papá de Wilmer: A Wilmer lo tienen en La Pica.',
      '27/3/25, 07:02 - Coordinación: Buenos días familias.',
      '[14/1/25, 07:52:10] Yelitza: Hoy se cumplen cinco meses.',
      'At 10:40 the court said: no visits.',
    ].join('\n');
    assert.deepEqual(named(text), ['Rafiq B.', 'Papá de Wilmer', 'Coordinación', 'Yelitza']);
  });
  it('email headers only in a text that has them (a "To:" line alone in prose is no header)', () => {
    const mail =
      'From: Lina Haddad <lina.h@example.org>\nTo: Libya team\nDate: Mon, 7 Jul 2025\nSubject: transfers\n\nHi all,';
    assert.deepEqual(named(mail), ['Lina Haddad <lina.h@example.org>', 'Libya team']);
    assert.deepEqual(named('Letter of the families.\nTo: Minister Antonio Ledezma\nWe ask for news.'), []);
  });
  it('no suggestion from a sender; the same name inside a message still is one', () => {
    const text =
      'Signal group of families, Tbilisi.\n[08:12] Nino Kapanadze: Levan Tsiklauri is still held.\n[08:15] Dato: Nino Kapanadze said so too.';
    for (const tagger of [undefined, null]) {
      const persons = extractFacts(text, { reference: '2024-12-14', tagger }).filter(
        (f) => f.kind === 'person',
      );
      const nino = persons.find((p) => p.value === 'Nino Kapanadze');
      assert.deepEqual(
        nino?.mentions?.map((m) => m.start),
        [text.lastIndexOf('Nino Kapanadze')],
        'only the mention inside the message',
      );
      assert.ok(!persons.some((p) => p.value === 'Dato'));
    }
  });
});
