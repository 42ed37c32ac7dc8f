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
  it('reads the day a head line says the text was collected, prepared, distributed or updated', () => {
    const day = (value: string) => ({ precision: 'day', value });
    assert.deepEqual(
      madeOn([
        'Testimonio de una madre de Tumaco',
        'Recogido en Tumaco el 3 de marzo de 2026 por Rosa Angulo, del colectivo Memoria del Pacífico.',
      ]),
      day('2026-03-03'),
    );
    assert.deepEqual(
      madeOn(['Informe de la misión', 'Versión en español, distribuida en Nueva York el 9 de abril de 2026']),
      day('2026-04-09'),
    );
    assert.deepEqual(
      madeOn([
        'Elaborado por la Coordinadora de Derechos Humanos de las Familias del Valle (CDHFV), Cali, 2 de junio de 2026.',
      ]),
      day('2026-06-02'),
    );
    assert.deepEqual(
      madeOn(['Prepared by the documentation team of the Kasese Families Network (KFN), 8 May 2026']),
      day('2026-05-08'),
    );
  });
  it('leaves a day inside a relative clause after the maker', () => {
    assert.equal(
      madeOn([
        'Versión preparada por la asociación para la muestra que se abrirá en Vigo el 15 de enero de 2027.',
      ]),
      undefined,
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
