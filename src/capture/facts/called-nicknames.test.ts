import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calledOwner } from './called-nicknames.js';

/** Persons at the first occurrence of each name, and the owner calledOwner finds for `nick`. */
function ownerOf(
  text: string,
  names: string[],
  nick: string,
  at = text.lastIndexOf(nick),
): string | undefined {
  const persons = names.map((n) => {
    const start = text.indexOf(n);
    return { start, end: start + n.length, value: n };
  });
  return calledOwner(text, { start: at, end: at + nick.length }, persons)?.value;
}

describe('the person a nickname is given to in a sentence', () => {
  it('reads a verb of knowing or calling after the name, nearest person in the sentence', () => {
    assert.equal(
      ownerOf(
        'Tonight we remember Omar Haji Farah, who many of you knew as "Radio Omar", our voice.',
        ['Omar Haji Farah'],
        'Radio Omar',
      ),
      'Omar Haji Farah',
    );
    assert.equal(
      ownerOf(
        'Her cousin Lwazi Dube, the one the boys called "Baba K", sang at night.',
        ['Lwazi Dube'],
        'Baba K',
      ),
      'Lwazi Dube',
    );
    assert.equal(
      ownerOf(
        'Detuvieron a Rosendo Pech, conocido en el mercado como Chato, el lunes.',
        ['Rosendo Pech'],
        'Chato',
      ),
      'Rosendo Pech',
    );
  });
  it('reads a quoted nickname set off by commas right after the name', () => {
    assert.equal(
      ownerOf('Declaró Yusuf Adam Idris, «Abu Hamza», nacido en Nyala.', ['Yusuf Adam Idris'], 'Abu Hamza'),
      'Yusuf Adam Idris',
    );
  });
  it('reads a cue opening its sentence with "him" or "le" as the one person of the sentence before', () => {
    assert.equal(
      ownerOf(
        'Aquella noche perdí a mi primo Ernesto. Le decíamos «el Flaco», porque no comía.',
        ['Ernesto'],
        'el Flaco',
      ),
      'Ernesto',
    );
    assert.equal(
      ownerOf(
        'Esa semana vino mi madre, Dora Ruiz. Nos contó que allí le decían "el Cura".',
        ['Dora Ruiz'],
        'el Cura',
      ),
      undefined,
    );
  });
  it('not after an indefinite, another person brought in between, a denial, or "called" without quotes', () => {
    assert.equal(
      ownerOf(
        'Habló Matilde Ccori: los sacó uno que le decían «el Zambo», de la base.',
        ['Matilde Ccori'],
        'el Zambo',
      ),
      undefined,
    );
    assert.equal(
      ownerOf(
        'Ahmed Saleh was beaten by a guard they called "the Tall One" in 2013.',
        ['Ahmed Saleh'],
        'the Tall One',
      ),
      undefined,
    );
    assert.equal(
      ownerOf(
        'Her husband, Juma Ali, and her son, known in the village as "Kijana", were taken.',
        ['Juma Ali'],
        'Kijana',
      ),
      undefined,
    );
    assert.equal(
      ownerOf('Rahim\'s brother, the driver known as "Tutu", is missing.', ['Rahim'], 'Tutu'),
      undefined,
    );
    assert.equal(
      ownerOf('Professor Ilyas — we never called him Karimov — taught us.', ['Professor Ilyas'], 'Karimov'),
      undefined,
    );
    assert.equal(
      ownerOf('Then Maria Lopez met a boy called Samir at the gate.', ['Maria Lopez'], 'Samir'),
      undefined,
    );
  });
});
