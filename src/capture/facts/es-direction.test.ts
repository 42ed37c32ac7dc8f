import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandedAhead } from './es-direction.js';

const past = (w: string) => /\p{L}{2,}(?:ó|aron|ieron|é)(?![\p{L}])/u.test(w);

describe('commandedAhead', () => {
  it('reads a message handed on by an imperative as ahead', () => {
    assert.equal(commandedAhead('Y decile a tu tío Beto que ', 'pasamos a saludarlo', past), true);
    assert.equal(commandedAhead('A la Negra avisale que ', 'es la misa', past), true);
    assert.equal(commandedAhead('Acuérdate que en ', 'se cumplen cinco años', past), true);
    assert.equal(commandedAhead('Dile que ', 'vamos todos', past), true);
    assert.equal(commandedAhead('Recordá que ', 'hay reunión', past), true);
  });
  it('leaves a message told in the past', () => {
    assert.equal(commandedAhead('Decile que ', 'lo llamé yo', past), false);
    assert.equal(commandedAhead('Avisale que ya ', 'salieron', past), false);
  });
  it('takes no noun, name, third person or future for an imperative', () => {
    assert.equal(commandedAhead('Le conté a Marcela que ', 'vamos', past), false);
    assert.equal(commandedAhead('Hubo un debate que ', 'sigue', past), false);
    assert.equal(commandedAhead('la ley permite que ', 'declare', past), false);
    assert.equal(commandedAhead('a los civiles que desde ', 'esperan', past), false);
    assert.equal(commandedAhead('nos visitan los hermanos que ', 'viven', past), false);
    assert.equal(commandedAhead('el Estado brindará el acompañamiento que ', 'exige', past), false);
    assert.equal(commandedAhead('Nos dijo que ', 'llegan', past), false);
  });
});
