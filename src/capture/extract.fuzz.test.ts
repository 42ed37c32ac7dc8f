/**
 * Property tests of the pure capture pipeline (fast-check): arbitrary bytes as a page or a text
 * file either extract or fail with an InputError — never another exception — and every fact
 * extracted from arbitrary prose quotes exactly the characters its offsets point at, with dates
 * that are valid fuzzy dates. TESTIGO_FUZZ_RUNS raises the number of cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FuzzyDate } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import { extractDocument } from './extract.js';
import { extractFacts } from './facts/index.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 200);

const WORDS = [
  'El',
  'la',
  'de',
  'detenido',
  'ayer',
  'hace',
  'tres',
  'días',
  'el pasado lunes',
  'María',
  'José',
  'Pérez',
  'González',
  'Caracas',
  'Lara',
  'Barquisimeto',
  'El Helicoide',
  'SEBIN',
  'DGCIM',
  'Dirección General de',
  'abogada',
  'fiscal',
  'coronel',
  '3 de mayo de 2024',
  'May 3, 2024',
  'last Tuesday',
  'two weeks ago',
  'y',
  'de la',
  'del',
  'torturado',
  'golpes',
  'asilo',
  'arresto domiciliario',
  '.',
  ',',
  '\n\n',
  '«',
  '»',
  '(',
  ')',
  'Sr.',
  'ñ',
  '31 de febrero',
  'municipio',
  'Sucre',
  'estado',
  'Miranda',
  'Carlos Miranda',
  '—',
  '2019',
];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((ws) => ws.join(' '));

describe('capture pipeline under arbitrary input (fast-check)', () => {
  it('facts quote their exact span; dates are valid fuzzy dates', () => {
    fc.assert(
      fc.property(
        prose,
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (text, ref) => {
          for (const f of extractFacts(text, { reference: ref.toISOString().slice(0, 10) })) {
            assert.equal(text.slice(f.start, f.end), f.text);
            assert.ok(f.start < f.end);
            if (f.date) assert.ok(FuzzyDate.safeParse(f.date).success, JSON.stringify(f.date));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('arbitrary bytes as HTML or text: an extraction or an InputError, nothing else', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(
              '<p>',
              '</p>',
              '<div class="comment">',
              '<span class="author">',
              '</div>',
              '<html>',
              '<body>',
              '<!--',
              '<script>',
              '&amp;',
              '<title>',
            ),
            prose,
          ),
          {
            maxLength: 30,
          },
        )
        .map((parts) => new TextEncoder().encode(parts.join(''))),
    );
    fc.assert(
      fc.property(
        bytes,
        fc.constantFrom('text/html', 'text/plain', 'text/html; charset=utf-8'),
        (b, type) => {
          try {
            const doc = extractDocument(b, { contentType: type, capturedAt: '2024-01-01T00:00:00Z' });
            for (const f of doc.facts) assert.equal(doc.text.slice(f.start, f.end), f.text);
            for (const c of doc.comments)
              for (const f of c.facts) assert.equal(c.text.slice(f.start, f.end), f.text);
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
