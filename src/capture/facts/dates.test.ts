/** Months without a year, dates ahead of the writer, "this year": resolved against the publication day. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const all = (text: string, ref: string) => findDates(text, ref).map((d) => [d.text, d.value]);

describe('dates without a year', () => {
  it('a month named alone is the most recent one not after publication', () => {
    assert.deepEqual(all('En noviembre lo trasladaron.', '2021-03-02'), [['noviembre', '2020-11']]);
    assert.deepEqual(all('Staff left in March, she said.', '2021-03-02'), [['March', '2021-03']]);
    assert.deepEqual(all('a finales de enero', '2021-03-02'), [['enero', '2021-01']]);
  });
  it('ahead of the writer, the next one', () => {
    assert.deepEqual(all('antes del 6 de diciembre', '2021-10-01'), [['6 de diciembre', '2021-12-06']]);
    assert.deepEqual(all('ahead of the February 3 hearing', '2021-10-01'), [['February 3', '2022-02-03']]);
    assert.deepEqual(all('the trial will resume in January', '2021-10-01'), [['January', '2022-01']]);
    assert.deepEqual(all('the trial resumed in January', '2021-10-01'), [['January', '2021-01']]);
  });
  it('a range of months: the end not after publication, the start before it', () => {
    assert.deepEqual(all('Entre enero y octubre hubo 12 casos.', '2021-01-05'), [
      ['enero', '2020-01'],
      ['octubre', '2020-10'],
    ]);
    assert.deepEqual(all('from November to February', '2021-03-01'), [
      ['November', '2020-11'],
      ['February', '2021-02'],
    ]);
  });
  it('a Spanish future verb or "the <Month>"', () => {
    assert.deepEqual(all('El juicio se reanudará en marzo.', '2021-10-01'), [['marzo', '2022-03']]);
    assert.deepEqual(all('since the August raids', '2021-10-01'), [['August', '2021-08']]);
  });
  it('a year after "of", "until", "the"; not a number', () => {
    assert.deepEqual(all('the 2019 protests', '2021-10-01'), [['2019', '2019']]);
    assert.deepEqual(all('at the end of 2018', '2021-10-01'), [['2018', '2018']]);
    assert.deepEqual(all('by 2020.5 percent', '2021-10-01'), []);
  });
  it('not a month: a verb, a given name', () => {
    assert.deepEqual(all('they may appeal in may', '2021-10-01'), []);
    assert.deepEqual(all('Habló en Julio Borges su abogado.', '2021-10-01'), []);
  });
  it('"this year", "este año"', () => {
    assert.deepEqual(all("this year's protests", '2019-05-01'), [["this year's", '2019']]);
    assert.deepEqual(all('en lo que va de año', '2019-05-01'), [['en lo que va de año', '2019']]);
  });
});

describe('years listed together (issue 23, round 3)', () => {
  it('each year of a list or a range is a date of its own', () => {
    assert.deepEqual(all('Raids were logged in 2009, 2012 and 2016.', '2021-03-02'), [
      ['2009', '2009'],
      ['2012', '2012'],
      ['2016', '2016'],
    ]);
    assert.deepEqual(all('Between 1994 and 1996 the unit was dissolved.', '2021-03-02'), [
      ['1994', '1994'],
      ['1996', '1996'],
    ]);
    assert.deepEqual(all('Hubo fosas desde 2004 a 2006.', '2021-03-02'), [
      ['2004', '2004'],
      ['2006', '2006'],
    ]);
  });
  it('a number after a year is no year', () => {
    assert.deepEqual(all('In 2019, 40 people died.', '2021-03-02'), [['2019', '2019']]);
  });
});

describe('ranges of days (issue 23, round 3)', () => {
  it('give both ends, the start taking the month and year of the end', () => {
    assert.deepEqual(all('Los cortes duraron del 9 al 14 de marzo de 2023.', '2023-06-01'), [
      ['9', '2023-03-09'],
      ['14 de marzo de 2023', '2023-03-14'],
    ]);
    assert.deepEqual(all('Hearings ran from 11 to 13 October 2022.', '2023-06-01'), [
      ['11', '2022-10-11'],
      ['13 October 2022', '2022-10-13'],
    ]);
  });
  it('a count before a date is no range', () => {
    assert.deepEqual(all('Hubo 10 a 12 de marzo heridos.', '2023-06-01'), [['12 de marzo', '2023-03-12']]);
  });
});

describe('two days or a range with the article repeated (issue 23, round 4)', () => {
  it('"entre el 1 y el 4 de abril", "el 2 y 3 de marzo", "on 3 and 4 May" give both days', () => {
    assert.deepEqual(all('Ocurrió entre el 1 y el 4 de abril de 2024.', '2024-06-01'), [
      ['1', '2024-04-01'],
      ['4 de abril de 2024', '2024-04-04'],
    ]);
    assert.deepEqual(all('Fueron detenidos el 2 y 3 de marzo de 2016.', '2024-06-01'), [
      ['2', '2016-03-02'],
      ['3 de marzo de 2016', '2016-03-03'],
    ]);
    assert.deepEqual(all('Protests on 3 and 4 May 2023 were banned.', '2024-06-01'), [
      ['3', '2023-05-03'],
      ['4 May 2023', '2023-05-04'],
    ]);
  });
  it('a count before a date is still no day', () => {
    assert.deepEqual(all('Tenía 2 y 3 de mayo.', '2024-06-01'), [['3 de mayo', '2024-05-03']]);
  });
});
