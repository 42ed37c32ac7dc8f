import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../extract.js';
import { findDates } from './dates.js';
import { infoboxDays, nearestToEvent } from './infobox-anchor.js';

const page = (rows: string, body: string) =>
  new TextEncoder().encode(
    `<html><body><h1>Riverside clashes</h1><table class="infobox">${rows}</table><p>${body}</p></body></html>`,
  );
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

describe('infoboxDays', () => {
  it('takes the event row, a range by its last day, the start read in the year the row writes', () => {
    const text = 'Riverside clashes\nDate\t3 March – 9 April 1994\nLocation\tPort Veldt\nDeaths\t12';
    assert.deepEqual(infoboxDays(text), { days: ['1994-03-03', '1994-04-09'], event: '1994-04-09' });
  });
  it('gives no event day for a box that dates only a birth', () => {
    const text = 'Ana Roldán\nNacimiento\t4 de mayo de 1961\nOcupación\tmaestra';
    assert.deepEqual(infoboxDays(text), { days: ['1961-05-04'], event: undefined });
  });
  it('is not fooled by a text without a box', () => {
    assert.equal(infoboxDays('Report\n12 May 2024\nThe committee met.'), undefined);
  });
});

describe('nearestToEvent', () => {
  it('reads a yearless day just after the event in the event year, unless the story said the year before', () => {
    const text = 'The riot of 2 July 2011 was followed by arrests on 9 July. On 1 August 2010 … on 5 August.';
    const found = findDates(text, '2011-07-02');
    nearestToEvent(found, '2011-07-02');
    const v = (t: string) => found.find((d) => d.text.includes(t))?.value;
    assert.equal(v('9 July'), '2011-07-09');
    assert.equal(v('5 August'), '2010-08-05');
  });
});

describe('extractDocument on an encyclopedia page', () => {
  const at = { contentType: 'text/html', capturedAt: '2025-01-01T12:00:00Z' };
  it('counts from the event day the box gives, not from a page date', () => {
    const doc = extractDocument(
      page(row('Date', '14–15 June 2009') + row('Location', 'Port Veldt'), 'Police withdrew on 20 June.'),
      at,
    );
    assert.deepEqual(doc.reference, { day: '2009-06-15', from: 'event' });
    assert.ok(
      doc.facts
        .filter((f) => f.kind === 'date')
        .map((f) => f.value)
        .includes('2009-06-20'),
    );
  });
  it('leaves a page whose box dates only a birth undated', () => {
    const doc = extractDocument(
      page(row('Born', '2 March 1970') + row('Occupation', 'Lawyer'), 'She was arrested on 3 May 2012.'),
      at,
    );
    assert.equal(doc.reference.from, 'captured');
  });
});
