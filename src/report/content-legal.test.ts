/** The public form of a suspect's positions and the Spanish form of citations (pure, no store). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseSnapshot } from '../analysis/types.js';
import { UnitBody } from '../domain/schema.js';
import { generalisedPositions } from './content-legal.js';
import { citation } from './i18n.js';

const snapshot = {
  units: [
    {
      id: 'uni_0000000001',
      body: UnitBody.parse({ name: 'Comando Estratégico', acronym: 'CEOF', kind: 'military' }),
    },
    { id: 'uni_0000000002', body: UnitBody.parse({ name: 'Zona 43', kind: 'military' }) },
  ],
} as unknown as CaseSnapshot;
const positions = [
  {
    unitId: 'uni_0000000001',
    rank: 'General en Jefe',
    position: 'Comandante',
    commander: true,
    from: '2013-07-01',
    to: '2017-06-30',
  },
  {
    unitId: 'uni_0000000002',
    rank: 'General en Jefe',
    position: 'Comandante',
    commander: true,
    from: '2017-07-01',
  },
];

describe('public positions of a pseudonymised suspect', () => {
  it('keep only the kind of unit and the role by default: no rank, post, unit name or date', () => {
    const out = generalisedPositions(snapshot, positions, { pseudonymised: 'generalise', dates: 'none' });
    assert.deepEqual(out, [{ unitKind: 'military', commander: true }]);
    const text = JSON.stringify(out);
    for (const s of ['General en Jefe', 'Comandante', 'CEOF', 'Comando', '2013'])
      assert.ok(!text.includes(s), s);
  });

  it('may keep years, or be omitted, as configured', () => {
    assert.deepEqual(
      generalisedPositions(snapshot, positions, { pseudonymised: 'generalise', dates: 'years' }),
      [
        { unitKind: 'military', commander: true, years: '2013–2017' },
        { unitKind: 'military', commander: true, years: '2017–…' },
      ],
    );
    assert.deepEqual(
      generalisedPositions(snapshot, positions, { pseudonymised: 'omit', dates: 'years' }),
      [],
    );
  });
});

describe('citations in Spanish', () => {
  it('use the Spanish names of the chambers and the Elements (EC, SCP, SPI, SA)', () => {
    assert.equal(
      citation(
        'es',
        'Art. 25(3)(b), Art. 30(2); Lubanga AC 2014; Bemba PTC II 2009 (dolus eventualis excluded)',
      ),
      'art. 25(3)(b), art. 30(2); Lubanga SA 2014; Bemba SCP II 2009 (excluye el dolo eventual)',
    );
    assert.equal(citation('es', 'EoC 7(1)(g)-4, el. 1 (intent)'), 'EC 7(1)(g)-4, el. 1 (intención)');
    assert.equal(citation('en', 'Katanga TJ 2014'), 'Katanga TJ 2014');
  });
});
