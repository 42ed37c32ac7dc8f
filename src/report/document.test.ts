/**
 * Sections are named, not numbered by hand: each heading's number or letter comes from the
 * section's place in SECTIONS, so adding or moving a section renumbers the others and no title
 * carries a number of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECTIONS, sectionHeadings } from './document.js';

describe('report sections', () => {
  it('have unique names and titles without numbers of their own, in both languages', () => {
    assert.equal(new Set(SECTIONS.map((s) => s.id)).size, SECTIONS.length);
    for (const lang of ['es', 'en'] as const)
      for (const s of SECTIONS) {
        const title = s.title(lang);
        assert.ok(title.length > 3, `${s.id} (${lang}) has a title`);
        assert.doesNotMatch(
          title,
          /^(\d+|[A-Z])\.\s|^(Anexo|Annex) [A-Z]\./,
          `${s.id} (${lang}): "${title}"`,
        );
      }
  });

  it('are numbered 1…n, annexes lettered A…, in the order of SECTIONS', () => {
    const es = sectionHeadings('es');
    const en = sectionHeadings('en');
    assert.equal(es.get('summary'), '1. Resumen ejecutivo');
    assert.equal(en.get('victims'), '7. Victims and harm');
    assert.equal(
      en.get('panel'),
      '10. The panel: mandate, declarations, opinions, dissent and recommendations',
    );
    assert.equal(es.get('incidents'), 'Anexo A. Incidentes y prueba citada');
    assert.equal(en.get('evidenceIndex'), 'Annex C. Index of evidence');
    assert.equal(es.get('identities'), 'Anexo confidencial de identidades');
    const chapters = SECTIONS.filter((s) => s.numbering === 'chapter').map((s) => en.get(s.id)!);
    assert.deepEqual(
      chapters.map((h) => Number(h.split('.')[0])),
      chapters.map((_, i) => i + 1),
    );
  });
});
