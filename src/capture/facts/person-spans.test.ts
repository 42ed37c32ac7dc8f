/**
 * How persons' names are written, on spans another stage proposed as persons: sentences written for
 * this test (not from the evaluation texts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from './index.js';
import {
  addressedName,
  addressedPersons,
  addressFormStart,
  bareAddress,
  fitsAddress,
  initialedName,
  listedAmongPlaces,
  nicknameOf,
  notAPerson,
  particleNames,
  personEnd,
  personStart,
  quotedNicknameNames,
} from './person-spans.js';

/** The span of `name` in `text`. */
const at = (text: string, name: string) => {
  const start = text.indexOf(name);
  assert.ok(start >= 0, name);
  return { start, end: start + name.length };
};
const startOf = (text: string, name: string) =>
  text.slice(personStart(text, at(text, name)), at(text, name).end);
const endOf = (text: string, name: string) =>
  text.slice(at(text, name).start, personEnd(text, at(text, name)));

describe('where a person’s name starts', () => {
  it('past forms of address, titles (also in the plural) and words that open no name', () => {
    assert.equal(
      startOf('The family, represented by Me Odile Marchand, appealed.', 'Me Odile Marchand'),
      'Odile Marchand',
    );
    assert.equal(
      startOf('The bench of Judges Ana Lindqvist and Tomas Berg ruled.', 'Judges Ana Lindqvist'),
      'Ana Lindqvist',
    );
    assert.equal(
      startOf('Remember Karim Haddad, jailed since March.', 'Remember Karim Haddad'),
      'Karim Haddad',
    );
    assert.equal(startOf('Free Tenzin Dorje now!', 'Free Tenzin Dorje'), 'Tenzin Dorje');
    assert.equal(
      startOf('The Secretary of State Helen Moreau said so.', 'State Helen Moreau'),
      'Helen Moreau',
    );
  });
  it('past a place after "de"/"desde", an agency’s capitals or a "noun de" run into a name that opens with its given name', () => {
    assert.equal(
      startOf('el exalcalde de Cusco Carlos Mamani Quispe, que', 'Cusco Carlos Mamani Quispe'),
      'Carlos Mamani Quispe',
    );
    assert.equal(startOf('contó a AFP Rosa Quispe, de 40 años', 'AFP Rosa Quispe'), 'Rosa Quispe');
    assert.equal(startOf('Carta de Carlos Mamani desde el penal', 'Carta de Carlos Mamani'), 'Carlos Mamani');
    assert.equal(
      startOf('Declaró María del Carmen Rojas ante el juez.', 'María del Carmen Rojas'),
      'María del Carmen Rojas',
    );
    assert.equal(startOf('LUIS ROSA QUISPE', 'LUIS ROSA QUISPE'), 'LUIS ROSA QUISPE');
  });
  it('past a Spanish common word after a title ("Presidente Encargado", "Publicación de")', () => {
    assert.equal(
      startOf(
        'lo recibió el Presidente Encargado Julián Ferrer Sáenz en la sede.',
        'Presidente Encargado Julián Ferrer Sáenz',
      ),
      'Julián Ferrer Sáenz',
    );
    assert.equal(
      startOf('según el Fiscal Interino Ramiro Llanos Paz, no', 'Fiscal Interino Ramiro Llanos Paz'),
      'Ramiro Llanos Paz',
    );
  });
  it('not past a given name or a surname, not below two words, not past a word written with accents', () => {
    assert.equal(
      startOf('Christian Ortega Ruiz testified.', 'Christian Ortega Ruiz'),
      'Christian Ortega Ruiz',
    );
    assert.equal(startOf('Me Marchand appealed.', 'Me Marchand'), 'Me Marchand');
    assert.equal(startOf('| Lê Văn Hùng | 41 |', 'Lê Văn Hùng'), 'Lê Văn Hùng');
  });
});

describe('where a person’s name ends', () => {
  it('past initials cut at their period, to the surname after them', () => {
    assert.equal(endOf('El gobierno de Harold J. K. Mbeki dijo', 'Harold J. K'), 'Harold J. K. Mbeki');
    assert.equal(endOf('signed by Laura T. Okonkwo-Reyes, the', 'Laura T'), 'Laura T. Okonkwo-Reyes');
    assert.equal(endOf('signed by Ahmad H. The guards left.', 'Ahmad H'), 'Ahmad H.');
    assert.equal(endOf('signed by Ahmad H. Police came.', 'Ahmad H'), 'Ahmad H.');
  });
  it('with a Portuguese surname joined by "dos", "das", "do"', () => {
    assert.equal(endOf('Lo contó Joana dos Reis Moura, de Recife, ayer.', 'Joana'), 'Joana dos Reis Moura');
    assert.equal(endOf('Said Benedita das Neves in Luanda.', 'Benedita'), 'Benedita das Neves');
    assert.equal(endOf('Jorge Amado do Carmo and others', 'Jorge Amado'), 'Jorge Amado do Carmo');
    assert.equal(endOf('Sofía Paz dos veces lo dijo.', 'Sofía Paz'), 'Sofía Paz');
  });
  it('with a patronymic in lower case, and with the period of a closing initial', () => {
    assert.equal(
      endOf('The court sentenced Aigerim Bakirova kyzy on Monday.', 'Aigerim Bakirova'),
      'Aigerim Bakirova kyzy',
    );
    assert.equal(endOf('a refugee named only as Yusuf K. in the files', 'Yusuf K'), 'Yusuf K.');
    assert.equal(endOf('a detainee known by his initials, A.B.C. in the report', 'A.B.C'), 'A.B.C.');
    assert.equal(endOf('He met Omar Haddad. Then he left.', 'Omar Haddad'), 'Omar Haddad');
  });
  it('with a married woman’s surname after hers ("viuda de", "de")', () => {
    assert.equal(
      endOf('Declaró Antonia Ccahuana viuda de Huarcaya, de 70 años.', 'Antonia Ccahuana'),
      'Antonia Ccahuana viuda de Huarcaya',
    );
    assert.equal(endOf('La señora Carmen Olmos de Ibáñez firmó.', 'Carmen Olmos'), 'Carmen Olmos de Ibáñez');
    assert.equal(endOf('la madre, Rosa Ticona de la Vega, dijo', 'Rosa Ticona'), 'Rosa Ticona de la Vega');
    // Not a man's name, not before a place, a body's word or a date.
    assert.equal(endOf('Jorge Olmos de Ibáñez firmó.', 'Jorge Olmos'), 'Jorge Olmos');
    assert.equal(endOf('Vino Carmen Olmos de Caracas ayer.', 'Carmen Olmos'), 'Carmen Olmos');
    assert.equal(endOf('Carmen Olmos de Amnistía Internacional habló.', 'Carmen Olmos'), 'Carmen Olmos');
    assert.equal(endOf('Carmen Olmos de Derechos Humanos', 'Carmen Olmos'), 'Carmen Olmos');
    assert.equal(endOf('Carmen Olmos de Marzo', 'Carmen Olmos'), 'Carmen Olmos');
    // Only Spanish month names: "March" is a Catalan surname.
    assert.equal(endOf('Lo dijo Carmen Olmos de March, la viuda.', 'Carmen Olmos'), 'Carmen Olmos de March');
    assert.equal(endOf('Carmen de Caracas', 'Carmen'), 'Carmen');
  });
});

describe('spans no person’s name is written as', () => {
  const why = (text: string, name: string, lang = 'en') => notAPerson(text, at(text, name), lang);
  it('a body’s or a prize’s word in any language; a people or a faith', () => {
    assert.equal(why('Volunteers of Fundacja Pomocy said so.', 'Fundacja Pomocy'), 'body word');
    assert.equal(why('Lo dijo la Ligue Kanaky en un comunicado.', 'Ligue Kanaky', 'es'), 'body word');
    assert.equal(why('She won the Sakharov Prize in 2020.', 'Sakharov Prize'), 'body word');
    assert.equal(why('More than 2,000 Hazara families fled.', 'Hazara'), 'people');
    assert.equal(why('Some Peruvian soldiers stayed.', 'Some Peruvian'), 'people');
  });
  it('in English, one word after "the" and before a preposition or a stop; not a name qualifying a noun', () => {
    assert.equal(why('He died in the Pelican on 3 May, his lawyer said.', 'Pelican'), 'after "the"');
    assert.equal(why('the Sengwer of Embobut still wait', 'Sengwer'), 'after "the"');
    assert.equal(why('we walked back to the Wanni, slowly', 'Wanni'), 'after "the"');
    assert.equal(why('the Kariuki case was reopened', 'Kariuki'), undefined);
    assert.equal(why('the Kariuki family of Nyeri', 'Kariuki'), undefined);
  });
  it('in English, a place’s context: after "in"/"into", among places after a place noun, before a place noun', () => {
    assert.equal(why('They were moved into Tal Abyad at night.', 'Tal Abyad'), 'after a place preposition');
    assert.equal(
      why('raids on villages such as Kyauk Taw, Min Gyi and Let Pan.', 'Min Gyi'),
      'after a place noun',
    );
    assert.equal(
      why('raids on villages such as Kyauk Taw, Min Gyi and Let Pan.', 'Let Pan'),
      'after a place noun',
    );
    assert.equal(why('officers of the Mirpur police station', 'Mirpur'), 'before a place noun');
    assert.equal(why('shelling of Tawila and Kalma camps', 'Tawila'), 'before a place noun');
    assert.equal(why('held in Ciudad Bolívar, Bolívar State, since May', 'Bolívar State'), 'place noun');
    assert.equal(why('Among the dead was a Kurd from Afrin.', 'Kurd'), 'people');
  });
  it('in English, a body’s context: after a noun of bodies, before an apposition naming one', () => {
    assert.equal(
      why('according to the rights group Memoria Viva, which', 'Memoria Viva'),
      'after a noun of bodies',
    );
    assert.equal(
      why('Kallpa, the Bolivian human rights organisation, said', 'Kallpa'),
      'apposition of a body',
    );
  });
  it('a Spanish common word left once the words opening no name are out: bodies, operations, labels', () => {
    assert.equal(
      why('La Operación Cóndor Andino dejó presos.', 'Operación Cóndor Andino', 'es'),
      'common word',
    );
    assert.equal(
      why(
        'firmados por los Revolucionarios Cívicos del Oriente en 1990',
        'Revolucionarios Cívicos del Oriente',
        'es',
      ),
      'common word',
    );
    assert.equal(
      why('Ligas Agropecuarias Unidas convocó', 'Ligas Agropecuarias Unidas', 'es'),
      'common word',
    );
    // A table's label run into its cell: "Lugar | Tumaco".
    assert.equal(why('Fecha 1990\nLugar Tumaco, Nariño', 'Lugar Tumaco', 'es'), 'common word');
    assert.equal(why('El Boletín Semanal Andino salió.', 'Boletín Semanal Andino', 'es'), 'common word');
  });
  it('a place’s noun or a saint’s title opening it, in any language', () => {
    assert.equal(
      why('Los llevaron a San Felipe de los Llanos.', 'San Felipe de los Llanos', 'es'),
      'place word',
    );
    assert.equal(why('Se escondieron en la Sierra Morena.', 'Sierra Morena', 'es'), 'place word');
    assert.equal(why('They fled to Puerto Asís by boat.', 'Puerto Asís'), 'place word');
    // A surname alone: "Sierra dijo".
    assert.equal(why('Sierra dijo que no.', 'Sierra', 'es'), undefined);
    assert.equal(why('Declaró Javier Sierra Puerto ayer.', 'Javier Sierra Puerto', 'es'), undefined);
  });
  it('not names whose endings look like such words: Marian and virtue names, surnames of the stock', () => {
    for (const name of [
      'María Asunción Olivas',
      'Soledad Trinidad Vera',
      'Rosario Ibarra',
      'Ignacio Larios',
      'Mónica Rivas',
      'Layla Haddad',
      'Primitivo Rojas',
      'Rodrigo Sarmiento',
    ])
      assert.equal(why(`Declaró ${name} ante el juez.`, name, 'es'), undefined, name);
  });
  it('leaves persons alone: possessives, apposition of an office, the same words in Spanish', () => {
    assert.equal(why('a turning point in Omar Haddad’s trial', 'Omar Haddad'), undefined);
    assert.equal(why('Omar Haddad, the head of the organisation, said', 'Omar Haddad'), undefined);
    assert.equal(why('Omar Haddad, the party leader, said', 'Omar Haddad'), undefined);
    assert.equal(why('Omar Haddad, a lawyer with the rights group, said', 'Omar Haddad'), undefined);
    assert.equal(why('In the camps, Fatima Idris told us it was over.', 'Fatima Idris'), undefined);
    assert.equal(why('Pienso en Rocío Pérez cada día.', 'Rocío Pérez', 'es'), undefined);
    assert.equal(why('Declaró Alberto Miguel Camps ante el juez.', 'Alberto Miguel Camps', 'es'), undefined);
    assert.equal(why('The inquiry Frank Church led was closed.', 'Frank Church'), undefined);
    assert.equal(why('a Marcos supporter shouted', 'Marcos'), undefined);
    // A people's name borne as a surname: "Baloch" alone is a person of the text.
    assert.equal(why('Mahnoor Baloch was detained; Baloch said so.', 'Baloch'), undefined);
  });
});

describe('items of a list of places', () => {
  const listed = (text: string, name: string, places: string[]) =>
    listedAmongPlaces(
      text,
      at(text, name),
      places.map((p) => at(text, p)),
    );
  it('between two places of a list, in Spanish and in English', () => {
    const es = 'Hubo patrullas en Playa Azul, Caimito Bravo y la Villa Nueva.';
    assert.ok(listed(es, 'Caimito Bravo', ['Playa Azul', 'Villa Nueva']));
    const es2 = 'Llegaron de Tumbes, de Olmedo Ruiz y de Piura.';
    assert.ok(listed(es2, 'Olmedo Ruiz', ['Tumbes', 'Piura']));
    const en = 'raids in Kafr Sous, Tal Hamra and Binnish';
    assert.ok(listed(en, 'Tal Hamra', ['Kafr Sous', 'Binnish']));
  });
  it('not a person named after a place or before one alone', () => {
    const t = 'En Caracas, Juan Pérez y su esposa salieron hacia Mérida.';
    assert.ok(!listed(t, 'Juan Pérez', ['Caracas', 'Mérida']));
    const t2 = 'Desde Lima, Rosa Huamán viajó a Cusco.';
    assert.ok(!listed(t2, 'Rosa Huamán', ['Lima', 'Cusco']));
  });
});

describe('nicknames', () => {
  it('a pen name, an on-air name, a name asked for, a quoted name right after a name (stop 40)', () => {
    const owner = (t: string, name: string) => ({ ...at(t, name), value: name });
    const pen = 'Lale Arslan-Kaya, known to readers by her pen name "Gece", was jailed.';
    assert.equal(
      nicknameOf(pen, at(pen, 'Gece'), [owner(pen, 'Lale Arslan-Kaya')])?.value,
      'Lale Arslan-Kaya',
    );
    const air = 'His colleague Awa Sow-Diop, known on air as "Tata Awa", left.';
    assert.equal(nicknameOf(air, at(air, 'Tata Awa'), [owner(air, 'Awa Sow-Diop')])?.value, 'Awa Sow-Diop');
    const ask = 'Witness: Lo Wai-man, who asked to be called "Ah Man".';
    assert.equal(nicknameOf(ask, at(ask, 'Ah Man'), [owner(ask, 'Lo Wai-man')])?.value, 'Lo Wai-man');
    const cell = '| 3 | Salma Darwish ("Umm Khalid") | Sinjar |\n| 4 | Kato, Joseph "Bwana Jo" | Gulu |';
    assert.equal(
      nicknameOf(cell, at(cell, 'Umm Khalid'), [owner(cell, 'Salma Darwish')])?.value,
      'Salma Darwish',
    );
    assert.equal(
      nicknameOf(cell, at(cell, 'Bwana Jo'), [owner(cell, 'Kato, Joseph')])?.value,
      'Kato, Joseph',
    );
    // A quote opening a sentence after a name is none: 'Omar Said "Rami was there"'.
    const said = 'asked Omar Said "Rami was there" and left.';
    assert.equal(nicknameOf(said, at(said, 'Rami'), [owner(said, 'Omar Said')]), undefined);
  });
  it('"known as", "alias", "conocido como": the person named right before the cue', () => {
    const text = 'Commander Idris Mahamat Saleh, 44, known as "Tigre", was arrested; Tigre denied it.';
    const owner = { ...at(text, 'Idris Mahamat Saleh'), value: 'Idris Mahamat Saleh' };
    assert.equal(nicknameOf(text, at(text, 'Tigre'), [owner])?.value, 'Idris Mahamat Saleh');
    assert.equal(
      nicknameOf(text, { start: text.lastIndexOf('Tigre'), end: text.lastIndexOf('Tigre') + 5 }, [owner]),
      undefined,
    );
    const es = 'Detuvieron a Ramón Ruiz Pardo, alias el Tuerto, en Sincelejo.';
    const ramon = { ...at(es, 'Ramón Ruiz Pardo'), value: 'Ramón Ruiz Pardo' };
    assert.equal(nicknameOf(es, at(es, 'Tuerto'), [ramon])?.value, 'Ramón Ruiz Pardo');
    const age = 'Fue detenido Ramón Ruiz Pardo, de 34 años, alias "el Profe", en Masaya.';
    const r2 = { ...at(age, 'Ramón Ruiz Pardo'), value: 'Ramón Ruiz Pardo' };
    assert.equal(nicknameOf(age, at(age, 'el Profe'), [r2])?.value, 'Ramón Ruiz Pardo');
  });
});

describe('names written with initials', () => {
  it('a given name, one or two initials and a surname; not initials alone nor an unknown first word', () => {
    const t =
      'said Assistant Attorney Laura K. Whitmore and Maria T. L. Ocampo, not Acme J. Widgets or J. R. Tolkien.';
    assert.ok(initialedName(t, at(t, 'Laura K. Whitmore')));
    assert.ok(initialedName(t, at(t, 'Maria T. L. Ocampo')));
    assert.ok(!initialedName(t, at(t, 'Acme J. Widgets')));
    assert.ok(!initialedName(t, at(t, 'J. R. Tolkien')));
  });
});

describe('persons named without a cue the rules read', () => {
  const names = (text: string) => addressedPersons(text).map((p) => p.text);
  it('a letter’s addressee; what those around called someone', () => {
    assert.deepEqual(names('Kharp, 3 May\n\nDear Olesya,\nthank you for the books.'), ['Olesya']);
    assert.deepEqual(names('Querida Remei:\nte escribo desde el penal.'), ['Remei']);
    assert.deepEqual(names('There was an officer we called Tiburón, who beat us.'), ['Tiburón']);
    assert.deepEqual(names('a nurse, whom we call Nadia to protect her, saw it'), ['Nadia']);
    assert.deepEqual(names('a un sargento que le decíamos Chato'), ['Chato']);
  });
  it('not a form of address, an everyday word, or the name of a place or a thing', () => {
    assert.deepEqual(names('Dear Sir,\nI write to you.'), []);
    assert.deepEqual(names('Dear Friends, hello.'), []);
    assert.deepEqual(names('a breakaway state they call Ambaland and what we called Freedom'), []);
    // stop 40: "a place we call X" names a place.
    assert.deepEqual(names('We slept two weeks at a place we call Lomuto, near the river.'), []);
  });
  it('a nickname with its article after a Spanish cue of naming, the article kept (stop 40)', () => {
    assert.deepEqual(
      names('Condenó a Julio Pérez, alias "el Zorro", y a un guardia apodado «el Ingeniero».'),
      ['el Zorro', 'el Ingeniero'],
    );
    assert.deepEqual(names('Había un sargento al que le decían el Tuerto, y otro que le dicen "La Flaca".'), [
      'el Tuerto',
      'La Flaca',
    ]);
    assert.deepEqual(names('Un cabo al que llamaban "el Tártaro" nos hacía cantar.'), ['el Tártaro']);
    const t = 'Le decían «el Cabo». Nos llevó.';
    assert.equal(notAPerson(t, at(t, 'el Cabo'), 'es'), undefined);
  });
  it('given names listed after a kinship word, or two given names of the stock joined by "y" (stop 40)', () => {
    assert.deepEqual(names('A mis hijas Rosa y Victoria las quemaron en la casa.'), ['Rosa', 'Victoria']);
    assert.deepEqual(names('ni mis dos hijitos, Vilma y Celestino.'), ['Vilma', 'Celestino']);
    assert.deepEqual(names('Después a otros dos, Óscar y Franklin, los encontraron en el río.'), [
      'Óscar',
      'Franklin',
    ]);
    assert.deepEqual(names('Diez años después, Inés y Valentina siguen esperando.'), ['Inés', 'Valentina']);
    assert.deepEqual(names('las hermanas de Loujain, Lina y Alia, que viven en Bélgica'), ['Lina', 'Alia']);
    const t = 'Inés y Valentina siguen esperando.';
    assert.equal(notAPerson(t, at(t, 'Inés y Valentina'), 'es'), 'two given names');
  });
  it('not a shared surname after the list, places listed, nor given names after a place word', () => {
    assert.deepEqual(names('los hermanos William y George Metcalf'), []);
    assert.deepEqual(names('mis hijos Cusco y Andahuaylas'), []);
    assert.deepEqual(names('llegó en Mercedes y Rosario, en la esquina de Rosa y Victoria.'), []);
    const t = 'Monseñor Arturo Rivera y Damas habló.';
    assert.equal(notAPerson(t, at(t, 'Arturo Rivera y Damas'), 'es'), undefined);
  });
  it('not a site’s nickname, a quote left open, "conocido como" or "lo llamaban"', () => {
    assert.deepEqual(names('Nos llevaron al estadio, que le decían el Caracol. Con capucha.'), []);
    assert.deepEqual(names('el penal conocido como El Chipote, y el taller que lo llamaban "El Jardín"'), []);
    assert.deepEqual(names('alias "el Mono de la sierra" volvió'), []);
  });
  it('one given name after a lower-case "don" or "doña", the form kept (stop 39)', () => {
    assert.deepEqual(names('Saluda a tu tía y a don Fermín. Vimos a doña Rufina en el mercado.'), [
      'don Fermín',
      'doña Rufina',
    ]);
    // A full name the rules read; a capital "Don" (a given name, or a place: "Don Dale"); English "to don".
    assert.deepEqual(names('Habló don Fermín Quispe y luego don Ramiro de León.'), []);
    assert.deepEqual(names('Don Fermín llegó. The guards had to don Kevlar vests.'), []);
  });
});

describe('spans no person’s name is written as (stop 36)', () => {
  it('a cell of a table’s column of places (its header: "Held at", "Burial", "Municipio")', () => {
    const t =
      '| # | Name | Held at | Burial | Notes |\n|---|---|---|---|---|\n| 1 | Reza Tavakoli | Qezel Hesar | Golzar | brother, Amir Tavakoli |\n| 2 | Leila Azadi | Vakilabad, Mashhad | ? | |';
    assert.equal(notAPerson(t, at(t, 'Qezel Hesar'), 'en'), 'place column');
    assert.equal(notAPerson(t, at(t, 'Golzar'), 'en'), 'place column');
    assert.equal(notAPerson(t, at(t, 'Vakilabad'), 'en'), 'place column');
    assert.equal(notAPerson(t, at(t, 'Reza Tavakoli'), 'en'), undefined);
    assert.equal(notAPerson(t, at(t, 'Amir Tavakoli'), 'en'), undefined);
    const e = 'N.º | Nombre | Municipio | Recluido en\n1 | Marta Salas | Ocumare | Tocuyito';
    assert.equal(notAPerson(e, at(e, 'Ocumare'), 'es'), 'place column');
    assert.equal(notAPerson(e, at(e, 'Tocuyito'), 'es'), 'place column');
    assert.equal(notAPerson(e, at(e, 'Marta Salas'), 'es'), undefined);
  });
  it('the same column in a sheet pasted with tabs and in an HTML table (rows apart by a blank line)', () => {
    const t = 'Case\tName\tHeld at\nBMN-1\tReza Tavakoli\tQezel Hesar\n';
    assert.equal(notAPerson(t, at(t, 'Qezel Hesar'), 'en'), 'place column');
    assert.equal(notAPerson(t, at(t, 'Reza Tavakoli'), 'en'), undefined);
    const h = 'Intro.\n\nName\tAge\tHome city\n\nLeila Azadi\t31\tMashhad\n\nAfter.';
    assert.equal(notAPerson(h, at(h, 'Mashhad'), 'en'), 'place column');
    // A header's own cell is no cell under it.
    const c = 'Name | Age | Prison\nLeila Azadi | 31 | Evin\n';
    assert.equal(notAPerson(c, at(c, 'Name'), 'en'), undefined);
  });
  it('a company’s last word closing a name of two words or more (stop 40)', () => {
    const t = 'Workers of Nordvik Apparel and Kessler Mining Ltd met Grace Otieno.';
    assert.equal(notAPerson(t, at(t, 'Nordvik Apparel'), 'en'), 'company word');
    assert.equal(notAPerson(t, at(t, 'Kessler Mining Ltd'), 'en'), 'company word');
    assert.equal(notAPerson(t, at(t, 'Grace Otieno'), 'en'), undefined);
    const e = 'la minera Tahoe Resources Inc. y la textil Golden Loom Textiles';
    assert.equal(notAPerson(e, at(e, 'Tahoe Resources Inc.'), 'es'), 'company word');
    assert.equal(notAPerson(e, at(e, 'Golden Loom Textiles'), 'es'), 'company word');
  });
  it('English words of abstract nouns and adjectives, a place noun closing it', () => {
    const t = 'He faces Count 3, Unlawful Detention, at the Security Circuit near Kamuli Town.';
    assert.equal(notAPerson(t, at(t, 'Unlawful Detention'), 'en'), 'common word');
    assert.equal(notAPerson(t, at(t, 'Kamuli Town'), 'en'), 'place noun');
    const n = 'Lawyers for Grace Kamau and Florence Achieng said so.';
    assert.equal(notAPerson(n, at(n, 'Florence Achieng'), 'en'), undefined);
  });
  it('English local places: a range, "at", a closing or following noun of a quarter (stop 40)', () => {
    const r = 'Buses run from Tanga Vale to Orino Heights and along the Kesi Nor–Bala Tum axis.';
    assert.equal(notAPerson(r, at(r, 'Tanga Vale'), 'en'), 'end of a range');
    assert.equal(notAPerson(r, at(r, 'Orino Heights'), 'en'), 'end of a range');
    assert.equal(notAPerson(r, at(r, 'Kesi Nor'), 'en'), 'end of a range');
    assert.equal(notAPerson(r, at(r, 'Bala Tum'), 'en'), 'end of a range');
    const a = 'She was held at Marabe for a week; he shot at Omar Teyeb and looked at Yusuf Amin.';
    assert.equal(notAPerson(a, at(a, 'Marabe'), 'en'), 'after "at"');
    assert.equal(notAPerson(a, at(a, 'Omar Teyeb'), 'en'), undefined);
    assert.equal(notAPerson(a, at(a, 'Yusuf Amin'), 'en'), undefined);
    const h = "We met at Amina Said's house. A letter from Amina Said to her son.";
    assert.equal(notAPerson(h, at(h, 'Amina Said'), 'en'), undefined);
    const m = 'A message from Amina to Omar Haddad, then from Tanga Vale to Amina.';
    assert.equal(notAPerson(m, at(m, 'Omar Haddad'), 'en'), undefined);
    assert.equal(notAPerson(m, at(m, 'Tanga Vale'), 'en'), undefined);
    const z = 'in Dera Kolo woreda of Sefa Gudru, in the Wenda Bay zone, at Nuru Island and at Kobe Primary.';
    assert.equal(notAPerson(z, at(z, 'Sefa Gudru'), 'en'), 'after a place noun');
    assert.equal(notAPerson(z, at(z, 'Wenda Bay'), 'en'), 'place noun');
    assert.equal(notAPerson(z, at(z, 'Nuru Island'), 'en'), 'place noun');
    assert.equal(notAPerson(z, at(z, 'Kobe Primary'), 'en'), 'place noun');
    const k = 'residents of the Gelan Tulu zone said Hawi Tulu fled.';
    assert.equal(notAPerson(k, at(k, 'Gelan Tulu'), 'en'), 'before a place noun');
    assert.equal(notAPerson(k, at(k, 'Hawi Tulu'), 'en'), undefined);
  });
  it('a question word or a possessive and one word; peoples joined by a hyphen', () => {
    const q = 'Why Kherson? Nobody told us. With love, Your Sasha';
    assert.equal(notAPerson(q, at(q, 'Why Kherson'), 'en'), 'question word or possessive');
    assert.equal(notAPerson(q, at(q, 'Your Sasha'), 'en'), 'question word or possessive');
    const p = 'Fighting between Kuki-Chin and Naga villagers, and the Wolof Senegalese there.';
    assert.equal(notAPerson(p, at(p, 'Kuki-Chin'), 'en'), 'people');
    assert.equal(notAPerson(p, at(p, 'Wolof Senegalese'), 'en'), 'people');
  });
  it('a request opening a letter’s sentence is no part of the name', () => {
    assert.equal(
      startOf('It is far. Ask Malika Idrissi, the lawyer, to write.', 'Ask Malika Idrissi'),
      'Malika Idrissi',
    );
  });
  it('a Dutch, Flemish or Afrikaans particle run and its surname close the name', () => {
    assert.equal(endOf('Counsel Maria Van den Broeck said so.', 'Maria Van'), 'Maria Van den Broeck');
    assert.equal(endOf('Lawyer Johan van der Walt said so.', 'Johan'), 'Johan van der Walt');
    assert.equal(endOf('Lawyer Johan van Wyk said so.', 'Johan'), 'Johan van Wyk');
    assert.equal(endOf('The report of Maria de Caracas.', 'Maria'), 'Maria');
  });
});

describe('names with a nickname in quotes inside them', () => {
  const names = (text: string) => quotedNicknameNames(text).map((s) => text.slice(s.start, s.end));
  it('from the given name to the surnames after the quotes', () => {
    assert.deepEqual(names('Detuvieron a Luis Alberto "el Gato" Ramírez Soto en su casa.'), [
      'Luis Alberto "el Gato" Ramírez Soto',
    ]);
    assert.deepEqual(names('según Beatriz «Betty» Oyarzún, vecina'), ['Beatriz «Betty» Oyarzún']);
    assert.deepEqual(names('signed by Margaret “Peggy” Lyons-Ward today'), ['Margaret “Peggy” Lyons-Ward']);
    assert.deepEqual(names('his son, Rodrigo "Rody" Ferrer Jr. said'), ['Rodrigo "Rody" Ferrer Jr.']);
  });
  it('not without a given name first, nor before a body’s or a common word', () => {
    assert.deepEqual(names('la Operación "Cóndor" Andina y el diario "Clarín" Digital'), []);
    assert.deepEqual(names('Pedro "Comunicado" Nacional'), []);
  });
});

describe('facilities named after a person', () => {
  it('a name right after a lower-case facility noun is none', () => {
    const t = 'Lo llevaron al hospital Salvador Allende y luego al penal Julio Pérez.';
    assert.equal(notAPerson(t, at(t, 'Salvador Allende'), 'es'), 'facility named after');
    assert.equal(notAPerson(t, at(t, 'Julio Pérez'), 'es'), 'facility named after');
    const u = 'En el hospital, Salvador Allende habló con la escuela.';
    assert.equal(notAPerson(u, at(u, 'Salvador Allende'), 'es'), undefined);
    // English: "the hospital Jane Okafor ran" is a relative clause.
    const v = 'She worked at the hospital Jane Okafor ran.';
    assert.equal(notAPerson(v, at(v, 'Jane Okafor'), 'en'), undefined);
  });
});

describe('forms of address before one name (stop 39)', () => {
  it('reads the name a form of address of many languages stands before', () => {
    assert.deepEqual(addressedName(['ibu', 'ratna']), { name: 'ratna', sex: 'f', given: false });
    assert.deepEqual(addressedName(['maitre', 'dubois']), { name: 'dubois', sex: undefined, given: false });
    assert.deepEqual(addressedName(['hadja', 'aicha'])?.name, 'aicha');
    // "Don" is a given name too: only a given name may follow it.
    assert.deepEqual(addressedName(['don', 'ernesto']), { name: 'ernesto', sex: 'm', given: true });
    assert.equal(addressedName(['justice', 'mwangi'])?.name, 'mwangi');
    assert.equal(addressedName(['ratna', 'sari']), undefined);
    assert.equal(addressedName(['ibu', 'ratna', 'sari']), undefined);
    assert.equal(addressedName(['mrs', 'mama']), undefined);
  });
  it('fits a person of the sex the form addresses, or of a name of either or no known sex', () => {
    assert.equal(fitsAddress('f', 'kevin'), false, 'Mama Kevin is Kevin’s mother');
    assert.equal(fitsAddress('m', 'mary'), false);
    assert.equal(fitsAddress('f', 'mary'), true);
    assert.equal(fitsAddress('f', 'wanjiru'), true);
    assert.equal(fitsAddress(undefined, 'kevin'), true);
  });
  it('a form of address alone is no name; a given name that is one too may be', () => {
    assert.equal(bareAddress('papa'), true);
    assert.equal(bareAddress('mbak'), true);
    assert.equal(bareAddress('don'), false);
    assert.equal(bareAddress('mai'), false, 'a Vietnamese given name');
    const t = 'We waited all night, and Papa never came home.';
    assert.equal(notAPerson(t, at(t, 'Papa'), 'en'), 'form of address');
    const u = 'We waited all night, and Tomas never came home.';
    assert.equal(notAPerson(u, at(u, 'Tomas'), 'en'), undefined);
  });
  it('a form of address opens no name of two words after it', () => {
    assert.equal(startOf('Then Madam Ebiere Tonye spoke.', 'Madam Ebiere Tonye'), 'Ebiere Tonye');
    assert.equal(startOf('Then Mbak Ratna Sari spoke.', 'Mbak Ratna Sari'), 'Ratna Sari');
    // A form written whole, and honorifics annotators keep as part of the name.
    assert.equal(startOf('Then Madam Justice Okafor ruled.', 'Madam Justice Okafor'), 'Madam Justice Okafor');
    assert.equal(startOf('Then Sidi Salem Bachir spoke.', 'Sidi Salem Bachir'), 'Sidi Salem Bachir');
  });
});

describe('Arabic names with their particles apart (stop 39)', () => {
  const names = (text: string) => particleNames(text).map((p) => p.text);
  it('reads a name with "al", "bin", "bint" or "ibn" in lower case, and a closing "al-" surname', () => {
    assert.deepEqual(names('El régimen de Jalil al Mansur detuvo a Faisal Abdelkarim al Harbi.'), [
      'Jalil al Mansur',
      'Faisal Abdelkarim al Harbi',
    ]);
    assert.deepEqual(names('The lawyer Tariq bin Hamdan al-Saadi met Noura bint Faleh.'), [
      'Tariq bin Hamdan al-Saadi',
      'Noura bint Faleh',
    ]);
  });
  it('not Spanish "al" before a noun, a body, a place, nor a run of capitals going on', () => {
    assert.deepEqual(names('Pedimos al Gobierno una respuesta. Llevaron a Ramiro al Estado Mayor.'), []);
    assert.deepEqual(names('Escribimos a Cruz Roja al Erasmo Meoz.'), []);
    assert.deepEqual(names('Fighters of Jabhat al Nusra held Ras al Ain and Qasr bin Ghashir.'), []);
  });
});

describe('Spanish widows’ names with "viuda de" (stop 39 second wave)', () => {
  const names = (text: string) => particleNames(text).map((p) => p.text);
  it('her names, "viuda de" or "vda. de" and the surname; without a form of address or a word opening the sentence', () => {
    assert.deepEqual(names('Declaró Marcelina Ttito Huallpa viuda de Quispe, de 70 años.'), [
      'Marcelina Ttito Huallpa viuda de Quispe',
    ]);
    assert.deepEqual(names('Vino doña Hermelinda vda. de Cárcamo con su hija.'), [
      'Hermelinda vda. de Cárcamo',
    ]);
    assert.deepEqual(names('Estuvo presente Tránsito del Carmen Lobos viuda de Ayala.'), [
      'Tránsito del Carmen Lobos viuda de Ayala',
    ]);
  });
  it('not a body’s or a month’s name before it', () => {
    assert.deepEqual(names('Habló la Fundación Esperanza viuda de Pérez.'), []);
    assert.deepEqual(names('Desde Enero viuda de Rojas, nada.'), []);
  });
});

describe('forms of address kept with a person’s one name (stop 41)', () => {
  const grown = (text: string, name: string, language = /\b(?:the|we|my|then)\b/i.test(text) ? 'en' : 'es') =>
    text.slice(addressFormStart(text, at(text, name), language), at(text, name).end);
  it('takes a form annotators keep, in either case for Spanish "doña", "padre", ranks', () => {
    assert.equal(grown('Nos vemos en la casa de doña Chepita mañana.', 'Chepita'), 'doña Chepita');
    assert.equal(grown('El Padre Chuy dice que también va.', 'Chuy'), 'Padre Chuy');
    assert.equal(grown('se hacía llamar el Capitán Rolando y gritaba', 'Rolando'), 'Capitán Rolando');
    assert.equal(grown('We met Mzee Kipsang at the gate.', 'Kipsang'), 'Mzee Kipsang');
  });
  it('takes a kinship form only written with a capital', () => {
    assert.equal(grown('La Tía Rosa fue detenida.', 'Rosa'), 'Tía Rosa');
    assert.equal(grown('We stayed with Uncle Heng in the dormitory.', 'Heng'), 'Uncle Heng');
    assert.equal(grown('My uncle Fouad never came back.', 'Fouad'), 'Fouad');
    assert.equal(grown('Mi tía Hermelinda lo vio.', 'Hermelinda'), 'Hermelinda');
  });
  it('leaves forms annotators drop as often as they keep, and other words', () => {
    assert.equal(grown('My brother Ahmed was taken.', 'Ahmed'), 'Ahmed');
    assert.equal(grown('Then Mr Kiptoo answered.', 'Kiptoo'), 'Kiptoo');
    assert.equal(grown('Lo dijo su hermano Ariel.', 'Ariel'), 'Ariel');
    assert.equal(grown('Lo dijo Ariel.', 'Ariel'), 'Ariel');
    assert.equal(grown('La atendió la doctora Cárdenas.', 'Cárdenas'), 'Cárdenas');
    assert.equal(grown('Habló con don Gutiérrez.', 'Gutiérrez'), 'Gutiérrez', 'a surname stays bare');
    assert.equal(
      grown('Names: Padre Kwiriwi (catechist)', 'Kwiriwi', 'en'),
      'Kwiriwi',
      'a Spanish form in English',
    );
  });
  it('the extractor keeps the form with the one name, not with a word of a longer name', () => {
    const persons = (text: string) =>
      extractFacts(text, { reference: '2025-06-01' })
        .filter((f) => f.kind === 'person')
        .map((f) => f.value);
    // Whether an unknown lone name after a title is a person at all is the tagger's call, and on a one-sentence
    // text it is a near thing: stop 43's retrain put "El Padre Chuy dice que …" just under the threshold (the
    // previous weights just over). This test is about the form kept, so its sentence is one the tagger reads.
    assert.deepEqual(persons('El Padre Chuy nos dijo que también va a la marcha.'), ['Padre Chuy']);
    assert.ok(!persons('Marta Pérez llegó. Después doña Marta dijo que no.').includes('doña Marta'));
  });
});

describe('styles and widows’ abbreviations at a name’s edges (stop 41)', () => {
  it('a head of state’s style is no part of the name', () => {
    const t = 'reunido bajo la presidencia de Su Excelencia Obiang Nguema Mbasogo, Presidente';
    assert.equal(startOf(t, 'Excelencia Obiang Nguema Mbasogo'), 'Obiang Nguema Mbasogo');
    const u = 'received by His Excellency Hakainde Hichilema Mweemba at State House';
    assert.equal(startOf(u, 'Excellency Hakainde Hichilema Mweemba'), 'Hakainde Hichilema Mweemba');
  });
  it('a span cut at the period of a capital "Vda." ends with the husband’s surname', () => {
    const t = 'entre ellos la concejal Zulma Jaldín Vda. de Rocha y el alcalde';
    assert.equal(endOf(t, 'Zulma Jaldín Vda'), 'Zulma Jaldín Vda. de Rocha');
    assert.equal(
      endOf('declaró Felipa Quispe Viuda de Laura ayer', 'Felipa Quispe'),
      'Felipa Quispe Viuda de Laura',
    );
    assert.equal(endOf('la señora Vda de la Fundación habló', 'señora Vda'), 'señora Vda');
  });
});

describe('Portuguese names joined by "da", "das", "dos", "do" (stop 41)', () => {
  it('a span of the surnames after the particle starts at the given name before it', () => {
    const t = 'Residents: Wellington da Silva Neves (left in 2016) and others.';
    assert.equal(startOf(t, 'Silva Neves'), 'Wellington da Silva Neves');
    const u = 'Contó Francisco das Chagas Lima que la policía llegó.';
    assert.equal(startOf(u, 'Chagas Lima'), 'Francisco das Chagas Lima');
    const v = 'the farmer Sebastião Ferreira da Costa said';
    assert.equal(startOf(v, 'Costa'), 'Sebastião Ferreira da Costa');
  });
  it('a given name ends with "da" and the surname after it', () => {
    assert.equal(endOf('said Elias Pereira da Silva on Monday', 'Elias Pereira'), 'Elias Pereira da Silva');
  });
  it('not after a word that is no given name ("Rio da Prata", "Ilha do Mel")', () => {
    const t = 'the banks of the Rio da Prata Silva said';
    assert.equal(startOf(t, 'Prata Silva'), 'Prata Silva');
  });
});

describe('a given name and an initial before the surnames, titles abbreviated, "Santo" (stop 41)', () => {
  it('a span of the surnames starts at the given name and the initial before them', () => {
    const t = 'presidida por la magistrada Yokasta M. Rosario Almonte, conoce del recurso';
    assert.equal(startOf(t, 'Rosario Almonte'), 'Yokasta M. Rosario Almonte');
    const u = 'The ruling of Judge Ruwan K. Jayasinghe was read.';
    assert.equal(startOf(u, 'Jayasinghe'), 'Ruwan K. Jayasinghe');
  });
  it('not after a word opening the sentence, nor a common word', () => {
    assert.equal(
      startOf('Llegó a las 9. Hoy M. Rosario Almonte habló.', 'Rosario Almonte'),
      'Rosario Almonte',
    );
    assert.equal(startOf('la Sección B. Rosario Almonte vive', 'Rosario Almonte'), 'Rosario Almonte');
  });
  it('an abbreviated title alone is no one', () => {
    const t = 'Firmado: Lcda. , notaria pública';
    assert.equal(notAPerson(t, at(t, 'Lcda'), 'es'), 'form of address');
  });
  it('"Santo" opens a place', () => {
    const t = 'deportados desde Santo Domingo Villa Mella el lunes';
    assert.equal(notAPerson(t, at(t, 'Santo Domingo Villa Mella'), 'es'), 'place word');
  });
});

describe('"Juan de Dios" (stop 41)', () => {
  it('a given name goes on over "de Dios" and the surnames after it', () => {
    const t = 'Ella dijo que a su hermano, Juan de Dios Sepúlveda Muñoz, lo vio en 1975.';
    assert.equal(endOf(t, 'Juan'), 'Juan de Dios Sepúlveda Muñoz');
    assert.equal(endOf('Lo dijo don Juan de Dios ayer.', 'don Juan'), 'don Juan de Dios');
  });
  it('not over a surname that is another word, nor after a word no given name', () => {
    assert.equal(endOf('Habló Juan de Dios Policía Nacional.', 'Juan'), 'Juan de Dios');
    assert.equal(endOf('la Iglesia de Dios Pentecostal', 'Iglesia'), 'Iglesia');
  });
});

describe('doña abbreviated as rulings write it', () => {
  const persons = (text: string) =>
    extractFacts(text, { reference: '2025-01-01' })
      .filter((f) => f.kind === 'person')
      .map((f) => f.value);
  it('"D.ª", "Dª" and "Dña." open no name and hide none', () => {
    assert.deepEqual(persons('Comparece la letrada D.ª Rosa Ibarra Gil en nombre de D. Andrés López Ruiz.'), [
      'Rosa Ibarra Gil',
      'Andrés López Ruiz',
    ]);
    assert.deepEqual(persons('Recurrente: Dª Rahile Kasim, asistida por el letrado D. Erkin Tursun.'), [
      'Rahile Kasim',
      'Erkin Tursun',
    ]);
    assert.deepEqual(persons('Magistrada ponente: Dña. María José Echeverría Lasa.'), [
      'María José Echeverría Lasa',
    ]);
  });
  it('a Portuguese "da" inside a name is still a particle', () => {
    assert.deepEqual(persons('Ante el juez declaró Maria da Conceição Silva, de Lisboa.'), [
      'Maria da Conceição Silva',
    ]);
  });
});
