/** A story's year written alone before its yearless months (year-alone-story.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { yearAloneStories } from './year-alone-story.js';

const values = (text: string, ref: string) =>
  yearAloneStories(text, findDates(text, ref), ref)
    .map((d) => d.value)
    .sort();

/** An interview recorded in 2023 about 2003; `answer` is what the test varies. */
const interview = (answer: string) => `ORAL HISTORY PROJECT — Interview 4

Recorded in the camp on 5 September 2023 by the project's team. Translated from Arabic.

INTERVIEWER: When did the attacks start in your area?

WITNESS: ${answer}

INTERVIEWER: Thank you for telling us this.`;

describe("a story's year written alone", () => {
  it('gives its year to the yearless month told after it', () => {
    const text = interview(
      'In 2003 people started talking, after the rebels attacked the airport. It was in April, I think, because it was before the rains and the men were in the fields.',
    );
    assert.deepEqual(values(text, '2023-09-05'), ['2003', '2003-04', '2023-09-05']);
  });
  it('and the months told after that one run forward from it', () => {
    const text = interview(
      'The soldiers came in the harvest of 2003, with the planes. They burned the village in August and we walked to the town. We stayed there until February, and then we went to the camp.',
    );
    assert.deepEqual(values(text, '2023-09-05'), ['2003', '2003-08', '2004-02', '2023-09-05']);
  });
  it('reaches over a line, from a question to its answer', () => {
    const text = `TRANSCRIPT — recorded on Tuesday 10 June 2025, translated from Russian.
DK: Tell me where you were when the city was surrounded, in the spring of 2022.
V: In the basement of our block. From the end of February we did not go upstairs, and the gas was cut soon after.
DK: Thank you.`;
    assert.deepEqual(values(text, '2025-06-10'), ['2022', '2022-02', '2025-06-10']);
  });
  it('and an ordinal alone after a month so read is a day of it', () => {
    const text = `TRANSCRIPT — recorded on Tuesday 10 June 2025, translated from Russian.
DK: Tell me where you were when the city was surrounded, in the spring of 2022.
V: In the basement of our block. From the end of February we did not go upstairs, and the gas was cut soon after.
DK: When did the soldiers reach your building?
V: In April, maybe the 12th or 13th. They checked our passports and took the men away.`;
    assert.deepEqual(values(text, '2025-06-10'), [
      '2022',
      '2022-02',
      '2022-04',
      '2022-04-12',
      '2022-04-13',
      '2025-06-10',
    ]);
  });
  it('but not across a blank line, where the teller may be back in their own time', () => {
    const text = interview(`In 2014 I gave my statement to the judge and nothing happened.

In April the lawyers called me again about the hearing, and I went to the court.`);
    assert.deepEqual(values(text, '2023-09-05'), ['2014', '2023-04', '2023-09-05']);
  });
  it("nor to a month told in the teller's present", () => {
    const text = interview('In 2003 they burned the market. In April we still have no answer from anyone.');
    assert.deepEqual(values(text, '2023-09-05'), ['2003', '2023-04', '2023-09-05']);
  });
  it('nor when the year alone is within a year of the reference', () => {
    const text = interview('In 2022 they burned the market. That was in April, before the rains came.');
    assert.deepEqual(values(text, '2023-09-05'), ['2022', '2023-04', '2023-09-05']);
  });
  it('nor after a year in an aside', () => {
    const text = interview(
      'The mechanism, created by a law adopted in 2012, had some six hundred people under its protection at the end of April, and nobody was safe.',
    );
    assert.deepEqual(values(text, '2023-09-05'), ['2012', '2023-04', '2023-09-05']);
  });
  it('nor to a day whose weekday falls in the reference year only', () => {
    const text = interview(
      'In the dry season of 2013 a shepherd reported bones in the ravine. The excavation began on Monday 7 July and was finished by the team in three weeks.',
    );
    assert.deepEqual(values(text, '2025-09-30'), ['2013', '2023-09-05', '2025-07-07']);
  });
  it("runs on over later answers, past an aside of the teller's time after the date (stop 46)", () => {
    const long =
      'They took the fingerprints, they photographed the tattoos and they looked at every photo in the phone. '.repeat(
        7,
      );
    const text = `TRANSCRIPT — recorded on Tuesday 10 June 2025, translated from Russian.
DK: Tell me where you were when the city was surrounded, in the spring of 2022.
V: In the basement of our block. In April, maybe the 12th, the soldiers reached our building.
DK: Where did they take you?
V: To the school. ${long}
DK: And then?
V: We arrived at the colony on the 19th of April, I am sure, because it is my son's birthday.
DK: Thank you.`;
    const found = values(text, '2025-06-10');
    assert.ok(found.includes('2022-04-19'), found.join(' '));
  });
  it('and leaves Spanish to its own rules', () => {
    const text = `Entrevista grabada el 5 de septiembre de 2023 en el campamento por el equipo del proyecto.

La gente empezó a hablar en 2003, después del ataque al aeropuerto. Eso fue en abril, creo, porque era antes de las lluvias y los hombres estaban en el campo.`;
    assert.ok(!values(text, '2023-09-05').includes('2003-04'));
  });
});
