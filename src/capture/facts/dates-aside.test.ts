/** A long text's dates read on the worker thread: the same as read here, failures included. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASIDE_FROM, datesAside, datesAsideState } from './dates-aside.js';
import { ruleDates } from './rule-dates.js';

const PARAGRAPHS = [
  'On 14 March 2019 the soldiers came to the village at dawn. Two days later they took my brother to the barracks.',
  'El lunes 3 de junio de 2021 nos reunimos frente a la fiscalía; el martes siguiente volvimos con las fotos.',
  'In April we went back to the camp. By the end of that year, in December, nobody had heard from him.',
  'Desde agosto de 2015 no sabemos nada. El 9 de septiembre, tres semanas después, presentamos la denuncia.',
];
/** Paragraphs in the development texts' shapes, repeated past the length that is read aside. */
function longText(): string {
  let text = '';
  for (let i = 0; text.length <= ASIDE_FROM; i++) text += `${PARAGRAPHS[i % PARAGRAPHS.length]}\n\n`;
  return text;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dates read aside', () => {
  it('a long text: the worker answers, and its dates are those read here', async () => {
    const text = longText();
    const opts = { reference: '2024-05-20', undated: false };
    datesAside(text, opts)(); // starts the worker; read here while it is not ready
    for (let i = 0; i < 600 && !datesAsideState().ready; i++) await sleep(100);
    assert.ok(datesAsideState().ready, 'the worker started');
    const before = datesAsideState().answered;
    const aside = datesAside(text, opts)();
    assert.equal(datesAsideState().answered, before + 1, 'the worker answered');
    assert.deepEqual(aside, ruleDates(text, opts));
  });
  it('a text the rules refuse fails as it does here', () => {
    assert.throws(
      () => datesAside(longText(), { reference: '2025-02-30' })(),
      /reference day must be a real day/,
    );
  });
});
