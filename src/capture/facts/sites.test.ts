import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { institutionSites } from './sites.js';

/** The rules' organization over every occurrence of `name` in `text`, as orgs.ts would give it. */
function orgs(text: string, ...names: [string, string?][]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const [name, value] of names) {
    let at = text.indexOf(name);
    while (at >= 0) {
      out.push({ kind: 'organization', start: at, end: at + name.length, text: name, value: value ?? name });
      at = text.indexOf(name, at + name.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
const kinds = (es: EntityMention[]) => es.map((e) => `${e.kind}:${e.value}`);

describe('institutionSites', () => {
  it('reads a hospital, church or parliament used only as a site as a place, not an organization', () => {
    for (const [text, name] of [
      [
        'Nine of the wounded were treated at the Riverside General Hospital that night.',
        'Riverside General Hospital',
      ],
      ['She was dragged from the steps of Holy Cross Church to a van.', 'Holy Cross Church'],
      [
        'Protesters gathered every evening in front of the Parliament of Ruritania.',
        'Parliament of Ruritania',
      ],
      ['Los manifestantes marcharon hasta la Asamblea Legislativa del estado.', 'Asamblea Legislativa'],
    ] as const) {
      assert.deepEqual(kinds(institutionSites(text, orgs(text, [name]))), [`place:${name}`], text);
    }
  });

  it('keeps the organization where the same name acts, and makes only the site mention a place', () => {
    const text =
      'On Tuesday the Ruritanian Parliament adopted the law. By nine, riot police waited near the Parliament building.';
    const got = institutionSites(
      text,
      orgs(text, ['Ruritanian Parliament'], ['Parliament', 'Ruritanian Parliament']).filter(
        (m, _i, all) => !all.some((o) => o !== m && o.start <= m.start && m.end <= o.end),
      ),
    );
    assert.deepEqual(kinds(got), ['organization:Ruritanian Parliament', 'place:Parliament']);
  });

  it('leaves an institution that only acts an organization', () => {
    const text = 'The Riverside General Hospital said it had received eleven bodies.';
    assert.deepEqual(kinds(institutionSites(text, orgs(text, ['Riverside General Hospital']))), [
      'organization:Riverside General Hospital',
    ]);
  });

  it('gives a university used as a site a place and keeps its organization (one form for both)', () => {
    const text = 'Police fired tear gas at the gate of Eastbrook University while students were inside.';
    assert.deepEqual(kinds(institutionSites(text, orgs(text, ['Eastbrook University']))), [
      'organization:Eastbrook University',
      'place:Eastbrook University',
    ]);
  });

  it('does not make a university merely near an event a place', () => {
    const text = 'Police broke up a sit-in outside the University of Eastbrook on Monday.';
    assert.deepEqual(kinds(institutionSites(text, orgs(text, ['University of Eastbrook']))), [
      'organization:University of Eastbrook',
    ]);
  });

  it('leaves a legal clinic, a body by its kind, and a university owning a hospital alone', () => {
    const clinic = 'The victims were brought to the Eastbrook Legal Aid Clinic for statements.';
    assert.deepEqual(kinds(institutionSites(clinic, orgs(clinic, ['Eastbrook Legal Aid Clinic']))), [
      'organization:Eastbrook Legal Aid Clinic',
    ]);
    const owned = 'They sheltered near the Eastbrook University hospital for two days.';
    assert.deepEqual(kinds(institutionSites(owned, orgs(owned, ['Eastbrook University']))), [
      'organization:Eastbrook University',
    ]);
  });

  it('reads an acronym mention of an institution by its full name', () => {
    const text = 'The court ordered that he be taken to RGH for a check-up.';
    assert.deepEqual(kinds(institutionSites(text, orgs(text, ['RGH', 'Riverside General Hospital']))), [
      'place:Riverside General Hospital',
    ]);
  });

  it('ties a place in brackets after the site to it, as its short form', () => {
    const text = 'Forty were treated at the Riverside General Hospital (RGH Kato) that night.';
    const at = text.indexOf('RGH Kato');
    const short: EntityMention = {
      kind: 'place',
      start: at,
      end: at + 8,
      text: 'RGH Kato',
      value: 'RGH Kato',
    };
    const got = institutionSites(text, [...orgs(text, ['Riverside General Hospital']), short]);
    assert.deepEqual(kinds(got), ['place:Riverside General Hospital', 'place:Riverside General Hospital']);
  });

  it('reads "into" and "hacia" as a site only after a verb of motion', () => {
    for (const text of [
      'The inquiry into the Riverside General Hospital found nothing.',
      'Hay hostilidad hacia la Iglesia de San Roque en el barrio.',
    ]) {
      const name = text.includes('Riverside') ? 'Riverside General Hospital' : 'Iglesia de San Roque';
      assert.deepEqual(kinds(institutionSites(text, orgs(text, [name]))), [`organization:${name}`], text);
    }
    const moved = 'Los vecinos marcharon hacia la Iglesia de San Roque con velas.';
    assert.deepEqual(kinds(institutionSites(moved, orgs(moved, ['Iglesia de San Roque']))), [
      'place:Iglesia de San Roque',
    ]);
  });

  it('does not read a legislature a bill is brought to as a site', () => {
    const text = 'The amendment was brought to the Parliament of Ruritania in May.';
    assert.deepEqual(kinds(institutionSites(text, orgs(text, ['Parliament of Ruritania']))), [
      'organization:Parliament of Ruritania',
    ]);
  });

  it("reads an institution in a table's column of where someone was arrested or taken as a site", () => {
    const text =
      'ref\tname\twhere\tcharge\nA-1\tKim Lee\tMain Gate, Riverside University\trioting\nA-2\tJo Park\tRiverside University\tnone\n';
    const got = institutionSites(text, orgs(text, ['Riverside University']));
    assert.deepEqual(kinds(got), [
      'organization:Riverside University',
      'place:Riverside University',
      'organization:Riverside University',
      'place:Riverside University',
    ]);
    const other = 'ref\tname\temployer\nA-1\tKim Lee\tRiverside University\n';
    assert.deepEqual(kinds(institutionSites(other, orgs(other, ['Riverside University']))), [
      'organization:Riverside University',
    ]);
  });
});
