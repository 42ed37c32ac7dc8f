import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseField } from './link.js';

describe('--field COLUMN[:TYPE|ROLE]', () => {
  it('takes a type, a role word, or the header alone when it says what the column is', () => {
    const fields = [
      'nombre:name',
      'calle:street',
      'cp:zip',
      'Post Code',
      'job_title:auto',
      'city:locality',
    ].reduce((acc, v) => parseField(v, acc), [] as ReturnType<typeof parseField>);
    assert.deepEqual(
      fields.map((f) => `${f.column}=${f.type}`),
      [
        'nombre=name',
        'calle=address',
        'cp=postcode',
        'Post Code=postcode',
        'job_title=occupation',
        'city=locality',
      ],
    );
  });

  it('refuses a header that says nothing, and an unknown type, naming the choices', () => {
    assert.throws(
      () => parseField('notes', []),
      /--field notes: its header does not say what it holds.*address/,
    );
    assert.throws(
      () => parseField('x:surname', []),
      /unknown field type "surname"; use one of name, .*street/,
    );
  });
});
