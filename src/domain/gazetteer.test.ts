import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findDetentionSite,
  findMunicipality,
  findState,
  KNOWN_DETENTION_SITES,
  normalizePlaceName,
  VENEZUELA_STATES,
} from './gazetteer.js';

describe('Venezuelan gazetteer', () => {
  it('has the 25 first-level entities and 335 municipalities', () => {
    assert.equal(VENEZUELA_STATES.length, 25);
    assert.equal(
      VENEZUELA_STATES.reduce((n, s) => n + s.municipalities.length, 0),
      335,
    );
    assert.equal(new Set(VENEZUELA_STATES.map((s) => s.code)).size, 25);
    for (const s of VENEZUELA_STATES)
      assert.equal(new Set(s.municipalities).size, s.municipalities.length, s.name);
  });

  it('finds states with or without accents, prefixes, codes and common aliases', () => {
    assert.equal(findState('Táchira')?.code, 'VE-S');
    assert.equal(findState('tachira')?.code, 'VE-S');
    assert.equal(findState('Edo. Mérida')?.code, 'VE-L');
    assert.equal(findState('Estado Zulia')?.code, 'VE-V');
    assert.equal(findState('VE-M')?.name, 'Miranda');
    assert.equal(findState('Caracas')?.code, 'VE-A');
    assert.equal(findState('Vargas')?.name, 'La Guaira');
    assert.equal(findState('Atlantis'), undefined);
    assert.equal(normalizePlaceName('  Mun. Páez '), 'paez');
  });

  it('resolves a municipality shared by several states only with its state', () => {
    assert.equal(findMunicipality('Sucre'), undefined);
    assert.equal(findMunicipality('Sucre', 'Miranda')?.state.code, 'VE-M');
    assert.equal(findMunicipality('sucre', 'VE-R')?.municipality, 'Sucre');
    assert.equal(findMunicipality('Chacao')?.state.name, 'Miranda');
    assert.equal(findMunicipality('Libertador', 'Distrito Capital')?.state.code, 'VE-A');
    assert.equal(findMunicipality('Chacao', 'Zulia'), undefined);
  });

  it('places every known detention site in a real municipality', () => {
    for (const d of KNOWN_DETENTION_SITES) {
      assert.ok(
        findMunicipality(d.municipality, d.stateCode),
        `${d.name}: ${d.municipality}, ${d.stateCode}`,
      );
    }
    assert.equal(findDetentionSite('el helicoide')?.operator, 'SEBIN');
  });
});
