import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { madeOn } from './made-on-head.js';
import { extractPlainText } from './plain.js';

describe('madeOn', () => {
  it('reads the day an interview was held, a translation prepared, a hearing minuted', () => {
    assert.deepEqual(
      madeOn(['TESTIMONIO', 'Entrevista realizada en quechua el 4 de mayo de 2025, en Ayacucho.']),
      {
        precision: 'day',
        value: '2025-05-04',
      },
    );
    assert.deepEqual(madeOn(['TRANSLATION — prepared on 9 March 2026 by the archive desk.']), {
      precision: 'day',
      value: '2026-03-09',
    });
    assert.deepEqual(
      madeOn(['REGIONAL COURT', 'Minutes of the hearing of Monday 2 February 2026, case 14/2020']),
      {
        precision: 'day',
        value: '2026-02-02',
      },
    );
    assert.deepEqual(madeOn(['Resumen de la sentencia N.º 40, de fecha 3 de junio de 2025']), {
      precision: 'day',
      value: '2025-06-03',
    });
  });
  it("reads a record's act formula by the clock time after its day", () => {
    assert.deepEqual(
      madeOn([
        'ACTA',
        'En la ciudad de Salto, el día jueves 5 de febrero de 2026, siendo las 9:30 horas, comparece',
      ]),
      { precision: 'day', value: '2026-02-05' },
    );
  });
  it('leaves the story a head line tells, and days said far from the cue', () => {
    assert.equal(madeOn(['Los hechos del 12 de abril de 1977 en La Plata']), undefined);
    assert.equal(
      madeOn(['The march was held in the capital, and police fired on it on 3 May 2019']),
      undefined,
    );
    assert.equal(
      madeOn(['Un, dos', 'tres', 'cuatro', 'cinco', 'Entrevista realizada el 4 de mayo de 2025']),
      undefined,
    );
  });
  it('dates an otherwise undated plain text', () => {
    const text =
      'TESTIMONIO\n\nEntrevista realizada en Lima el 20 de agosto de 2025.\n\nHoy hace diez años que salí.';
    assert.deepEqual(extractPlainText(text).published, { precision: 'day', value: '2025-08-20' });
  });
  it("lets a chat's export day and a recording day win over a first separator and a transcriber's line", () => {
    const chat =
      'Chat · Familias\nExportado el 9/05/2023 por Ana\n\n——— 3 de mayo de 2023 ———\n[08:12] Ana: hola';
    assert.deepEqual(extractPlainText(chat).published, { precision: 'day', value: '2023-05-09' });
    const talk = [
      'TRANSCRIPCIÓN DE TESTIMONIO',
      'Sesión grabada el sábado 4 de octubre de 2025 en Cobán',
      'Transcribió: Luis Ical, 11 de octubre de 2025',
      '',
      '[00:00:08] ENTREVISTADORA: Hoy se cumplen treinta años.',
    ].join('\n');
    assert.deepEqual(extractPlainText(talk).published, { precision: 'day', value: '2025-10-04' });
  });
});
