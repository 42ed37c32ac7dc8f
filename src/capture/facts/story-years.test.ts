/** The story's year of a day or month a witness tells without one, in a transcript (story-years.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);
const HEAD = 'ARCHIVO ORAL — Entrevista 9\nGrabada el 14 de mayo de 2025 en Salto.\n\n';

describe("a transcript's yearless days told in the past", () => {
  it("take the year of the story's last dated moment, across turns and paragraphs", () => {
    const text = `${HEAD}[00:00:05] ENTREVISTADORA: Rosa, ¿dónde estaba usted el 2 de marzo de 1976?

[00:00:12] ROSA: En el taller, con las compañeras. Entraron de noche.

[00:01:40] ENTREVISTADORA: ¿Y después?

[00:01:44] ROSA: Nos tuvieron en el cuartel hasta que el juez firmó la libertad el 19 de marzo. A mi hermano lo echaron en abril.`;
    assert.deepEqual(values(text, '2025-05-14'), ['2025-05-14', '1976-03-02', '1976-03-19', '1976-04']);
  });
  it('a season back from it too, and a written year alone is passed over', () => {
    const text = `${HEAD}MT: ¿Qué recuerda de julio de 1994?

LV: Que ya en mayo el agua venía sucia. Lo contó en el juicio de 2011.

MT: ¿Cuándo salió?

LV: Me soltaron el 20 de agosto.`;
    assert.deepEqual(values(text, '2025-05-14'), ['2025-05-14', '1994-07', '1994-05', '2011', '1994-08-20']);
  });
  it('a first-person preterite in "-í" tells the past too, and each month read so carries the story on', () => {
    const text = `${HEAD}MT: ¿Y la sentencia?\n\nAJP: Eso fue en agosto del 2013. Me dijeron que volviera.\n\nMT: ¿Y volvió?\n\nAJP: Volví en noviembre, en enero, en abril.`;
    assert.deepEqual(values(text, '2024-10-09'), ['2025-05-14', '2013-08', '2013-11', '2014-01', '2014-04']);
  });
  it("not what lies ahead, what was said to come, nor after the speaker's own time is named again", () => {
    const text = `${HEAD}[00:10] ENTREVISTADORA: ¿Qué pasó el 8 de junio de 1989?

[00:15] TESTIGO: Se llevaron a mi padre. Nos dijeron que el juicio será en octubre. El 20 de junio vamos a marchar.

[00:30] TESTIGO: Hoy seguimos buscando. Fuimos a la fiscalía en marzo.`;
    assert.deepEqual(values(text, '2025-05-14'), [
      '2025-05-14',
      '1989-06-08',
      '2025-10',
      '2025-06-20',
      '2025-05-14',
      '2025-03',
    ]);
    // What was said is the saying's, not the story's ("nos dijeron que … lleva el caso a su asamblea de octubre").
    const said = `${HEAD}[00:10] ENTREVISTADORA: ¿Qué pasó el 8 de junio de 1989?\n\n[00:15] TESTIGO: Nos dijeron que lo juzgan en octubre.`;
    assert.ok(!values(said, '2025-05-14').includes('1989-10'));
  });
  it('not farther than four months from the story, nor in a text without turns', () => {
    const far = `${HEAD}JC: ¿Dónde estaba usted el 30 de enero de 1972?\n\nHT: Lejos.\n\nJC: ¿Y el juicio?\n\nHT: Empezó en septiembre.`;
    assert.deepEqual(values(far, '2025-10-23'), ['2025-05-14', '1972-01-30', '2025-09']);
    // The same telling without speakers' turns is a writer's, whose own time `yearsOfTheNarrative` weighs.
    const prose =
      'Entraron el 2 de marzo de 1976.\n\nFue un año de cárcel.\n\nEn abril nos trasladaron a Punta de Rieles.';
    assert.deepEqual(values(prose, '2025-05-14'), ['1976-03-02', '2025-04']);
  });
});

describe("an English transcript's yearless days told in the past (stop 43)", () => {
  const head = 'ORAL HISTORY PROJECT — Interview 4\nRecorded on 3 June 2025 in Leeds.\n\n';
  it("take the year of the story's last dated moment, as in Spanish", () => {
    const text = `${head}[00:00:05] INTERVIEWER: Where were you on 14 August 1979?

[00:00:12] WITNESS: At the mill in Tarn. They came at night and took my brother.

[00:01:40] INTERVIEWER: And after that?

[00:01:44] WITNESS: We waited at the church until 2 September. They released him in October.`;
    assert.deepEqual(values(text, '2025-06-03'), ['2025-06-03', '1979-08-14', '1979-09-02', '1979-10']);
  });
  it('across a line the transcript broke inside the sentence', () => {
    const text = `${head}[00:00:02] INTERVIEWER: Thank you for coming.

[00:00:05] INTERVIEWER: When did the siege begin?

[00:00:12] WITNESS: The army closed the roads on 3 July 2021 and the
trucks came sometimes. By September we
had no insulin.`;
    assert.deepEqual(values(text, '2025-06-03'), ['2025-06-03', '2021-07-03', '2021-09']);
  });
  it("not the answer to a question asked in the speaker's present, nor a plan, nor a day of now", () => {
    const text = `${head}[00:00:05] INTERVIEWER: What happened on 14 August 1979?

[00:00:12] WITNESS: They took my brother from the mill.

[00:01:40] INTERVIEWER: Where is the case now?

[00:01:44] WITNESS: The court reopened it in March.

[00:02:10] INTERVIEWER: And the families?

[00:02:14] WITNESS: We will meet the prosecutor on 12 July. We have written to him in May.`;
    assert.deepEqual(values(text, '2025-06-03'), [
      '2025-06-03',
      '1979-08-14',
      '2025-03',
      '2025-07-12',
      '2025-05',
    ]);
  });
});
