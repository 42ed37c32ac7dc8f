/** A place after its lower-case class noun is named by the bare name (class-noun-values.ts): shapes written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withBareNameValues } from './class-noun-values.js';
import { extractFacts } from './index.js';

const value = (kind: string, phrase: string) => withBareNameValues([{ kind, value: phrase }])[0]!.value;

describe('a place named after its class noun', () => {
  it('takes the name alone as its value', () => {
    assert.equal(value('place', 'colonia Los Almendros'), 'Los Almendros');
    assert.equal(value('place', 'cuartel La Pampilla'), 'La Pampilla');
    assert.equal(value('place', 'carretera Panamericana Sur'), 'Panamericana Sur');
    assert.equal(value('place', 'estadio Monumental'), 'Monumental');
  });
  it('keeps streets, rivers, capitalized names and other kinds as written', () => {
    assert.equal(value('place', 'calle Los Almendros'), 'calle Los Almendros');
    assert.equal(value('place', 'río Lempa'), 'río Lempa');
    assert.equal(value('place', 'Colonia Dignidad'), 'Colonia Dignidad');
    assert.equal(value('organization', 'colonia Los Almendros'), 'colonia Los Almendros');
  });
  it('keeps the phrase as a mention and joins the bare name written alone', () => {
    const text =
      'Los soldados entraron en la colonia Los Almendros de Soyapango. En Los Almendros nadie durmió.';
    const facts = extractFacts(text, { reference: '2024-05-01' }).filter((f) => f.kind === 'place');
    const almendros = facts.find((f) => f.value === 'Los Almendros');
    assert.ok(almendros, JSON.stringify(facts.map((f) => f.value)));
    assert.ok(almendros.mentions!.some((m) => m.text === 'colonia Los Almendros'));
  });
});
