/** Citations in authored text and the commitment to the confidential edition's text (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseSnapshot } from '../analysis/types.js';
import { citedIds, narrativeCommitmentMismatches, narrativeContent } from './content-narrative.js';

const s = {
  testimonies: [{ id: 'tes_0000000001', body: { title: 'Testimonio de Ana Pérez' } }],
  evidence: [],
  informationItems: [],
  elementLinks: [],
} as unknown as CaseSnapshot;
const hide = { redact: (x: string) => x.replaceAll('Ana Pérez', 'Persona X'), itemPublic: () => false };
const all = { redact: (x: string) => x, itemPublic: () => true };

describe('authored text', () => {
  it('reads every [@…] as a citation, malformed ones included, once each in order', () => {
    assert.deepEqual(citedIds('a [@tes_0000000001] b [@x] c [@tes_0000000001] [@ ]'), [
      'tes_0000000001',
      'x',
    ]);
  });

  it('commits the signed content to the confidential text: a changed or missing annex text is reported', () => {
    const n = narrativeContent(
      s,
      [
        {
          section: 'attack',
          edition: 'confidential',
          lang: 'es',
          revision: 1,
          text: 'Ana Pérez [@tes_0000000001]',
        },
      ],
      hide,
      all,
    );
    assert.equal(n.narratives.length, 0, 'the confidential text is not in the public content');
    assert.equal(n.confidential[0]!.sources[0]!.title, 'Testimonio de Ana Pérez');
    assert.deepEqual(narrativeCommitmentMismatches(n.commitments, n.confidential), []);
    const edited = [{ ...n.confidential[0]!, text: 'Otra cosa [1]' }];
    assert.equal(narrativeCommitmentMismatches(n.commitments, edited).length, 1);
    assert.match(narrativeCommitmentMismatches(n.commitments, [])[0]!, /missing from the annex/);
  });
});
