import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineVocabulary } from './vocab.js';
import {
  ACT_TYPES,
  ATTRIBUTIONS,
  CONSENT_SCOPES,
  DEPRIVED_OF_LIBERTY,
  DETENTION_STATUSES,
  INFORMATION_CREDIBILITY,
  INVOLVEMENT_DEGREES,
  PERPETRATOR_TYPES,
  SOURCE_CONNECTIONS,
  SOURCE_MATERIAL_TYPES,
  SOURCE_RELIABILITY,
  VIOLATION_STATUSES,
  VIOLENCE_METHODS,
  VOCABULARIES,
} from './vocabularies.js';

const L = { es: 'x', en: 'x' };

describe('defineVocabulary', () => {
  it('refuses malformed data at load time', () => {
    const bad: [string, () => unknown, RegExp][] = [
      [
        'duplicate',
        () =>
          defineVocabulary('x', L, [
            { code: 'a', es: 'a', en: 'a' },
            { code: 'a', es: 'b', en: 'b' },
          ]),
        /vocabulary x: duplicate code "a"/,
      ],
      [
        'unknown parent',
        () => defineVocabulary('x', L, [{ code: 'a', es: 'a', en: 'a', parent: 'zz' }]),
        /unknown parent "zz"/,
      ],
      [
        'parent cycle',
        () =>
          defineVocabulary('x', L, [
            { code: 'a', es: 'a', en: 'a', parent: 'b' },
            { code: 'b', es: 'b', en: 'b', parent: 'a' },
          ]),
        /parent cycle/,
      ],
      [
        'self parent',
        () => defineVocabulary('x', L, [{ code: 'a', es: 'a', en: 'a', parent: 'a' }]),
        /parent cycle/,
      ],
      [
        'spaces',
        () => defineVocabulary('x', L, [{ code: 'Bad Code', es: 'a', en: 'a' }]),
        /malformed code "Bad Code"/,
      ],
      [
        'camelCase',
        () => defineVocabulary('x', L, [{ code: 'badCode', es: 'a', en: 'a' }]),
        /malformed code/,
      ],
      ['trailing _', () => defineVocabulary('x', L, [{ code: 'bad_', es: 'a', en: 'a' }]), /malformed code/],
      [
        'letter grade',
        () => defineVocabulary('x', L, [{ code: 'A', es: 'a', en: 'a' }]),
        /malformed code "A"/,
      ],
      [
        'blank label',
        () => defineVocabulary('x', L, [{ code: 'a', es: ' ', en: 'a' }]),
        /Spanish and English/,
      ],
      [
        'short HURIDOCS code',
        () =>
          defineVocabulary('x', L, [{ code: 'a', es: 'a', en: 'a', huridocs: '0101' }], { huridocsList: 4 }),
        /12 digits/,
      ],
      [
        'HURIDOCS code without a list',
        () => defineVocabulary('x', L, [{ code: 'a', es: 'a', en: 'a', huridocs: '010100000000' }]),
        /no huridocsList/,
      ],
      [
        'shared HURIDOCS code',
        () =>
          defineVocabulary(
            'x',
            L,
            [
              { code: 'a', es: 'a', en: 'a', huridocs: '010100000000' },
              { code: 'b', es: 'b', en: 'b', huridocs: '010100000000' },
            ],
            { huridocsList: 4 },
          ),
        /share HURIDOCS code 010100000000/,
      ],
    ];
    for (const [what, build, message] of bad) assert.throws(build, message, what);
  });

  it('accepts a custom code pattern and answers lookups', () => {
    const v = defineVocabulary(
      'grade',
      { es: 'Nota', en: 'Grade' },
      [
        { code: 'A', es: 'Alta', en: 'High' },
        { code: 'B', es: 'Baja', en: 'Low', parent: 'A' },
      ] as const,
      { codePattern: /^[A-F]$/ },
    );
    assert.deepEqual(v.codes, ['A', 'B']);
    assert.equal(v.has('B'), true);
    assert.equal(v.has('b'), false);
    assert.equal(v.labelOf('B', 'en'), 'Low');
    assert.equal(v.labelOf('Z', 'es'), 'Z');
    assert.equal(v.get('Z'), undefined);
    assert.deepEqual(v.ancestors('B'), ['A']);
    assert.deepEqual(v.subtree('A'), ['A', 'B']);
    assert.deepEqual(v.subtree('Z'), []);
    assert.equal(v.huridocsList, undefined);
  });
});

describe('the case-file vocabularies', () => {
  it('are all registered by id, with labelled, unique codes', () => {
    assert.equal(Object.keys(VOCABULARIES).length, 22);
    for (const [id, v] of Object.entries(VOCABULARIES)) {
      assert.equal(v.id, id);
      assert.ok(v.title.es && v.title.en, id);
      assert.ok(v.terms.length > 0, id);
      assert.equal(new Set(v.codes).size, v.codes.length, `${id} has duplicate codes`);
      for (const term of v.terms) {
        assert.ok(term.es.trim() && term.en.trim(), `${id}.${term.code}`);
        if (term.huridocs !== undefined) {
          assert.match(term.huridocs, /^\d{12}$/, `${id}.${term.code}`);
          assert.ok(v.huridocsList, `${id} has HURIDOCS codes but no micro-thesaurus number`);
        }
      }
    }
  });

  it('keep the codes other parts of the system rely on', () => {
    for (const c of [
      'arbitrary_detention',
      'torture',
      'killing',
      'enforced_disappearance',
      'sexual_violence',
      'persecution',
      'forced_exile',
    ]) {
      assert.ok(ACT_TYPES.has(c), c);
    }
    for (const s of DEPRIVED_OF_LIBERTY) assert.ok(DETENTION_STATUSES.has(s), s);
    assert.deepEqual([...DEPRIVED_OF_LIBERTY].sort(), [
      'detained',
      'disappeared',
      'house_arrest',
      'incommunicado',
    ]);
    assert.deepEqual(CONSENT_SCOPES.codes, ['internal', 'courts', 'public']);
  });

  it('carry the real HURIDOCS codes (huridocs/OpenEvSys micro-thesauri)', () => {
    const expected: [
      typeof ACT_TYPES | typeof VIOLENCE_METHODS | typeof INVOLVEMENT_DEGREES,
      string,
      string,
    ][] = [
      [ACT_TYPES, 'extrajudicial_execution', '010101020000'],
      [ACT_TYPES, 'torture', '020111110000'],
      [ACT_TYPES, 'rape', '020111010000'],
      [ACT_TYPES, 'arbitrary_detention', '030102000000'],
      [ACT_TYPES, 'enforced_disappearance', '030103000000'],
      [ACT_TYPES, 'mass_roundup', '030107000000'],
      [ACT_TYPES, 'violation_of_political_participation', '170000000000'],
      [VIOLENCE_METHODS, 'asphyxiation_dry', '030902000000'],
      [VIOLENCE_METHODS, 'electric_shock', '030800000000'],
      [VIOLENCE_METHODS, 'tear_gas', '040100000000'],
      [INVOLVEMENT_DEGREES, 'gave_orders', '010200000000'],
      [INVOLVEMENT_DEGREES, 'failed_to_prevent', '050300000000'],
    ];
    for (const [v, code, huridocs] of expected)
      assert.equal(v.get(code)?.huridocs, huridocs, `${v.id}.${code}`);
    assert.equal(PERPETRATOR_TYPES.get('intelligence_service')?.huridocs, '010106000000');
    assert.equal(SOURCE_CONNECTIONS.get('relative_of_victim')?.huridocs, '020101000000');
    assert.equal(SOURCE_MATERIAL_TYPES.get('affidavit')?.huridocs, '190907140501');
    assert.equal(VIOLATION_STATUSES.get('likely')?.huridocs, '020000000000');
    assert.equal(ATTRIBUTIONS.get('denied')?.huridocs, '010200000000');
    assert.deepEqual(
      [
        ACT_TYPES,
        VIOLENCE_METHODS,
        INVOLVEMENT_DEGREES,
        PERPETRATOR_TYPES,
        SOURCE_CONNECTIONS,
        SOURCE_MATERIAL_TYPES,
      ].map((v) => v.huridocsList),
      [4, 5, 18, 24, 19, 16],
    );
    // 33 of the 41 act types have a HURIDOCS equivalent; the rest say why in their note or are local
    // refinements (short-term disappearance, judicial harassment, forced nudity, wounding).
    assert.equal(ACT_TYPES.terms.length, 41);
    assert.equal(ACT_TYPES.terms.filter((t) => t.huridocs).length, 33);
  });

  it('label in Spanish as Venezuelan NGOs do, and in English', () => {
    assert.equal(ACT_TYPES.labelOf('enforced_disappearance', 'es'), 'Desaparición forzada');
    assert.equal(ACT_TYPES.labelOf('arbitrary_detention', 'es'), 'Detención arbitraria');
    assert.equal(ACT_TYPES.labelOf('extrajudicial_execution', 'es'), 'Ejecución extrajudicial');
    assert.equal(VIOLENCE_METHODS.labelOf('asphyxiation_dry', 'es'), 'Asfixia con bolsa');
    assert.equal(ACT_TYPES.labelOf('nope', 'en'), 'nope');
    assert.equal(SOURCE_RELIABILITY.get('A')?.en, 'Completely reliable');
    assert.equal(SOURCE_RELIABILITY.get('F')?.en, 'Reliability cannot be judged');
    assert.equal(INFORMATION_CREDIBILITY.get('1')?.en, 'Confirmed by other independent sources');
    assert.equal(INFORMATION_CREDIBILITY.get('6')?.en, 'Truth cannot be judged');
    assert.deepEqual(SOURCE_RELIABILITY.codes, ['A', 'B', 'C', 'D', 'E', 'F']);
    assert.deepEqual(INFORMATION_CREDIBILITY.codes, ['1', '2', '3', '4', '5', '6']);
  });

  it('give every degree of involvement its liability hint', () => {
    for (const t of INVOLVEMENT_DEGREES.terms) assert.ok(t.note?.es && t.note.en, t.code);
    assert.match(INVOLVEMENT_DEGREES.get('gave_orders')!.note!.en, /25\(3\)\(b\)/);
    assert.match(INVOLVEMENT_DEGREES.get('failed_to_act_on_knowledge')!.note!.en, /Art\. 28/);
  });

  it('walk the act hierarchy', () => {
    assert.deepEqual(ACT_TYPES.ancestors('rape'), ['sexual_violence']);
    assert.deepEqual(ACT_TYPES.ancestors('torture'), []);
    assert.deepEqual(ACT_TYPES.subtree('enforced_disappearance'), [
      'enforced_disappearance',
      'short_term_disappearance',
    ]);
    assert.ok(ACT_TYPES.subtree('deprivation_of_liberty').includes('arbitrary_detention'));
    assert.deepEqual(VIOLENCE_METHODS.ancestors('asphyxiation_wet'), ['asphyxiation']);
  });
});
