/**
 * A Spanish lower-case site named "de" its town (es-site-towns.ts): sentences written for this test in
 * the shapes of the development texts, not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteBeforeTown, withSitesBeforeTowns } from './es-site-towns.js';
import type { Fact } from './index.js';

/** A place fact with a mention at each place the name is written. */
const place = (text: string, name: string): Fact => {
  const mentions = [...text.matchAll(new RegExp(name, 'gu'))].map((m) => ({
    start: m.index!,
    end: m.index! + name.length,
    text: name,
  }));
  return { kind: 'place', value: name, ...mentions[0]!, mentions };
};

describe('a Spanish site named by its town', () => {
  it('reads the noun, up to two lower-case words and "de" before the town', () => {
    const site = (text: string, town: string) => {
      const start = text.indexOf(town);
      return siteBeforeTown(text, { start, end: start + town.length, text: town })?.text;
    };
    assert.equal(site('lo llevaron a la cárcel de Quillota ayer', 'Quillota'), 'cárcel de Quillota');
    assert.equal(site('fui a la comisaría central de Tarma', 'Tarma'), 'comisaría central de Tarma');
    assert.equal(site('en el penal de mujeres de Río Seco', 'Río Seco'), 'penal de mujeres de Río Seco');
    assert.equal(site('los desplazados de la región del Noroeste', 'Noroeste'), 'región del Noroeste');
    // No site noun, or a joining word between the noun and "de".
    assert.equal(site('la familia de Quillota', 'Quillota'), undefined);
    assert.equal(site('el hijo del alcalde de Tarma', 'Tarma'), undefined);
  });

  it('adds the site to a town never written alone, and leaves a town written alone', () => {
    const text = 'Lo trasladaron a la cárcel de Quillota. Luego volvió a la cárcel de Quillota.';
    const [town] = withSitesBeforeTowns(text, [place(text, 'Quillota')]);
    assert.deepEqual(
      town!.mentions!.map((m) => m.text),
      ['cárcel de Quillota', 'Quillota', 'cárcel de Quillota', 'Quillota'],
    );
    const alone = 'Nació en Quillota y la llevaron a la cárcel de Quillota.';
    const [kept] = withSitesBeforeTowns(alone, [place(alone, 'Quillota')]);
    assert.deepEqual(
      kept!.mentions!.map((m) => m.text),
      ['Quillota', 'Quillota'],
    );
  });
});
