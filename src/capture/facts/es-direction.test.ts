import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandedAhead, inLaterNote, neighboursInThePresent } from './es-direction.js';

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

describe('neighboursInThePresent', () => {
  const at = (text: string, word: string) => {
    const i = text.indexOf(word);
    return neighboursInThePresent(text, i, i + word.length, past);
  };
  it('reads "-amos" as the present among sentences of the speaker\'s now', () => {
    assert.equal(
      at(
        'Hoy a las 16 vamos a estar en la plaza. Y el jueves llevamos el petitorio al juzgado.',
        'el jueves',
      ),
      true,
    );
    assert.equal(at('MORA: El lunes emitimos la tercera parte. Gracias a los dos.', 'El lunes'), true);
  });
  it('reads it as the preterite beside a past', () => {
    assert.equal(
      at('El sábado llevamos las cartas al consulado. Nos atendió un secretario.', 'El sábado'),
      false,
    );
    assert.equal(at('Nos recibieron en la puerta. El martes entregamos todo.', 'El martes'), false);
  });
  it('passes over a neighbour that writes its own year, and the sentences of other lines', () => {
    assert.equal(at('Llegamos tres familias el viernes. Mi tío desapareció en 1984.', 'el viernes'), true);
    assert.equal(at('Se lo llevaron de noche.\nEl domingo marchamos todos.', 'El domingo'), true);
  });
});

describe('inLaterNote', () => {
  it('finds a note added after the text', () => {
    assert.equal(inLaterNote('Nota de la editora: el comité respondió el ', ''), true);
    assert.equal(inLaterNote('Nota del Archivo: la querella se amplió el ', ''), true);
    assert.equal(inLaterNote('Lo añado el ', ''), true);
    assert.equal(inLaterNote('12. En enero', 'IV. ACTUALIZACIÓN (agregada en marzo)'), true);
  });
  it('leaves the text itself', () => {
    assert.equal(inLaterNote('La fiscalía anotó el ', ''), false);
    assert.equal(inLaterNote('En su nota del lunes la red pidió el ', ''), false);
    assert.equal(inLaterNote('El 4 de mayo', 'III. HECHOS'), false);
  });
});
