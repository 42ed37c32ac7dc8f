import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTitle, InterviewAnswers, methodsFor, parseInterviewDate, planInterview } from './interview.js';

const person = (key: string, givenNames: string, firstSurname = '') => ({
  key,
  givenNames,
  firstSurname,
  secondSurname: '',
  sex: '',
});

describe('interview answers', () => {
  it('reads dates as documenters type them: DD/MM/AAAA, partial dates and ranges', () => {
    assert.deepEqual(parseInterviewDate('12/05/2017'), { precision: 'day', value: '2017-05-12' });
    assert.deepEqual(parseInterviewDate('marzo de 2017'), { precision: 'month', value: '2017-03' });
    assert.deepEqual(parseInterviewDate('2017'), { precision: 'year', value: '2017' });
    assert.deepEqual(parseInterviewDate('entre marzo y mayo de 2017'), {
      precision: 'range',
      from: '2017-03',
      to: '2017-05',
    });
    assert.deepEqual(parseInterviewDate('de 2016 a 2017'), { precision: 'range', from: '2016', to: '2017' });
    assert.deepEqual(parseInterviewDate('01/03/2017 – 15/03/2017'), {
      precision: 'range',
      from: '2017-03-01',
      to: '2017-03-15',
    });
    assert.equal(parseInterviewDate('31/02/2017'), undefined);
    assert.equal(
      parseInterviewDate('entre mayo y marzo de 2017'),
      undefined,
      'a range that ends before it starts',
    );
    assert.equal(parseInterviewDate('ayer'), undefined);
  });

  it('offers only the methods that fit the act type', () => {
    assert.ok(methodsFor('torture').includes('electric_shock'));
    assert.ok(methodsFor('rape').includes('beating'), 'subtypes follow their group');
    assert.ok(!methodsFor('arbitrary_detention').includes('electric_shock'));
    assert.ok(methodsFor('arbitrary_detention').includes('blindfolding'));
    assert.deepEqual(methodsFor('violation_of_due_process'), []);
    assert.deepEqual(methodsFor('nonsense'), []);
  });

  it('plans a witness who is not the victim, two victims and three acts', () => {
    const a = InterviewAnswers.parse({
      consent: 'courts',
      protection: 'protected',
      witness: person('witness', 'Carmen', 'Rojas'),
      witnessRelation: 'relative_of_victim',
      victims: [person('v1', 'Luis', 'Rojas'), person('v2', 'Ana', 'Pérez')],
      date: '03/08/2017',
      acts: [
        { victimKey: 'v1', type: 'arbitrary_detention', methods: ['blindfolding'] },
        {
          victimKey: 'v1',
          type: 'torture',
          methods: ['electric_shock'],
          perpetrators: [{ kind: 'unknown' }],
        },
        {
          victimKey: 'v2',
          type: 'arbitrary_detention',
          perpetrators: [{ kind: 'unit', unitId: 'uni_0123456789abcdef' }],
        },
      ],
      statement: 'Se los llevaron a los dos.',
    });
    const { plan, issues } = planInterview(a);
    assert.deepEqual(issues, []);
    assert.equal(plan!.persons.length, 3);
    assert.equal(plan!.testimony.witnessRelation, 'relative_of_victim');
    assert.deepEqual(plan!.date, { precision: 'day', value: '2017-08-03' });
    assert.deepEqual(
      plan!.acts.map((x) => [x.victimKey, x.type, x.perpetratorUnknown]),
      [
        ['v1', 'arbitrary_detention', true],
        ['v1', 'torture', true],
        ['v2', 'arbitrary_detention', false],
      ],
    );
    assert.deepEqual(plan!.acts[2]!.perpetrators, [{ unitId: 'uni_0123456789abcdef', degree: 'suspected' }]);
  });

  it('names every problem by field instead of writing half an interview', () => {
    const { plan, issues } = planInterview(
      InterviewAnswers.parse({
        consent: 'courts',
        protection: 'protected',
        witness: person('witness', ''),
        victims: [person('v1', 'Luis')],
        date: '2017-13-45',
        acts: [{ victimKey: 'nobody', type: 'arbitrary_detention', methods: ['electric_shock'] }],
        statement: ' ',
      }),
    );
    assert.equal(plan, undefined);
    assert.deepEqual(issues.map((i) => i.field).sort(), [
      'acts[0].methods',
      'acts[0].victimKey',
      'date',
      'statement',
      'witness.givenNames',
      'witnessRelation',
    ]);
  });

  it('titles the event by act type, date and place, never by a person', () => {
    assert.equal(
      eventTitle(
        ['torture', 'arbitrary_detention', 'torture'],
        { precision: 'month', value: '2017-03' },
        'Maracay',
      ),
      'Tortura, Detención arbitraria · 2017-03 · Maracay',
    );
  });
});
