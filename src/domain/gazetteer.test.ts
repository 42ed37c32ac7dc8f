import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distanceKm,
  findDetentionSite,
  findMunicipalities,
  findMunicipality,
  findState,
  findTown,
  KNOWN_DETENTION_SITES,
  MUNICIPALITY_ALIASES,
  normalizePlaceName,
  TOWNS,
  VENEZUELA_STATES,
} from './gazetteer.js';

/** Mainland, islands and Dependencias Federales, generously. */
const inVenezuela = ([lat, lon]: readonly [number, number]) =>
  lat > 0.5 && lat < 16 && lon > -73.5 && lon < -59.5;

/** Municipalities per state as published by the INE (335 in total). */
const EXPECTED_COUNTS: Record<string, number> = {
  'VE-A': 1,
  'VE-B': 21,
  'VE-C': 7,
  'VE-D': 18,
  'VE-E': 12,
  'VE-F': 11,
  'VE-G': 14,
  'VE-H': 9,
  'VE-I': 25,
  'VE-J': 15,
  'VE-K': 9,
  'VE-L': 23,
  'VE-M': 21,
  'VE-N': 13,
  'VE-O': 11,
  'VE-P': 14,
  'VE-R': 15,
  'VE-S': 29,
  'VE-T': 20,
  'VE-X': 1,
  'VE-U': 14,
  'VE-V': 21,
  'VE-Y': 4,
  'VE-Z': 7,
  'VE-W': 0,
};

describe('Venezuelan gazetteer data', () => {
  it('has the 25 first-level entities with unique ISO codes and 335 municipalities', () => {
    assert.equal(VENEZUELA_STATES.length, 25);
    assert.equal(new Set(VENEZUELA_STATES.map((s) => s.code)).size, 25);
    assert.equal(new Set(VENEZUELA_STATES.map((s) => s.name)).size, 25);
    assert.equal(
      VENEZUELA_STATES.reduce((n, s) => n + s.municipalities.length, 0),
      335,
    );
    for (const s of VENEZUELA_STATES) {
      assert.match(s.code, /^VE-[A-Z]$/);
      assert.equal(s.municipalities.length, EXPECTED_COUNTS[s.code], `${s.name} municipalities`);
      assert.equal(
        new Set(s.municipalities).size,
        s.municipalities.length,
        `${s.name} has a repeated municipality`,
      );
      assert.ok(s.capital.trim(), `${s.name} capital`);
      assert.ok(inVenezuela(s.centroid), `${s.name} centroid ${s.centroid}`);
    }
    assert.deepEqual(findState('Distrito Capital')?.municipalities, ['Libertador']);
    assert.deepEqual(findState('Dependencias Federales')?.municipalities, []);
  });

  it('uses current official names (Angostura del Orinoco, not Heres; La Guaira, not Vargas)', () => {
    const bolivar = findState('VE-F')!;
    assert.ok(bolivar.municipalities.includes('Angostura del Orinoco'));
    assert.ok(bolivar.municipalities.includes('Angostura'));
    assert.ok(!bolivar.municipalities.includes('Heres'));
    assert.equal(findState('VE-X')?.name, 'La Guaira');
  });

  it('maps every alias and town to a municipality that exists in its state', () => {
    for (const [code, aliases] of Object.entries(MUNICIPALITY_ALIASES)) {
      const s = findState(code);
      assert.ok(s, code);
      for (const [alias, official] of Object.entries(aliases)) {
        assert.ok(s.municipalities.includes(official), `${code} alias ${alias} → ${official}`);
        assert.ok(!s.municipalities.includes(alias), `${code} alias ${alias} is itself an official name`);
      }
    }
    assert.ok(TOWNS.length >= 120);
    for (const t of TOWNS) {
      assert.ok(
        findState(t.stateCode)?.municipalities.includes(t.municipality),
        `${t.name}: ${t.municipality}`,
      );
    }
  });

  it('places every known detention site in a real municipality, near its state', () => {
    assert.equal(new Set(KNOWN_DETENTION_SITES.map((d) => d.id)).size, KNOWN_DETENTION_SITES.length);
    for (const d of KNOWN_DETENTION_SITES) {
      const m = findMunicipality(d.municipality, d.stateCode);
      assert.equal(m?.municipality, d.municipality, `${d.name}: ${d.municipality}, ${d.stateCode}`);
      assert.ok(d.centroid && inVenezuela(d.centroid), d.name);
      assert.ok(distanceKm(d.centroid!, m!.state.centroid) < 250, `${d.name} far from ${m!.state.name}`);
    }
  });
});

describe('place lookups', () => {
  it('normalizes case, accents, punctuation and administrative prefixes', () => {
    assert.equal(normalizePlaceName('  Mun. Páez '), 'paez');
    assert.equal(normalizePlaceName('Edo. MÉRIDA'), 'merida');
    assert.equal(normalizePlaceName('Municipio Autónomo Sucre'), 'sucre');
    assert.equal(normalizePlaceName('Peña'), 'pena');
    assert.equal(normalizePlaceName('Distrito Capital'), 'distrito capital');
  });

  it('finds states with or without accents, prefixes, by ISO code and by common alias', () => {
    assert.equal(findState('Táchira')?.code, 'VE-S');
    assert.equal(findState('tachira')?.code, 'VE-S');
    assert.equal(findState('Edo. Mérida')?.code, 'VE-L');
    assert.equal(findState('Edo. Miranda')?.code, 'VE-M');
    assert.equal(findState('Estado Zulia')?.code, 'VE-V');
    assert.equal(findState('VE-M')?.name, 'Miranda');
    assert.equal(findState('ve-m')?.name, 'Miranda');
    assert.equal(findState('Caracas')?.code, 'VE-A');
    assert.equal(findState('Distrito Federal')?.code, 'VE-A');
    assert.equal(findState('Vargas')?.name, 'La Guaira');
    assert.equal(findState('Margarita')?.name, 'Nueva Esparta');
    assert.equal(findState('Atlantis'), undefined);
    assert.equal(findState('M'), undefined, 'a bare letter is not a state');
    assert.equal(findState(''), undefined);
  });

  it('resolves a municipality shared by several states only with its state', () => {
    assert.equal(findMunicipality('Sucre'), undefined);
    assert.equal(findMunicipalities('Sucre').length, 11);
    assert.equal(findMunicipalities('Libertador').length, 7);
    assert.equal(findMunicipality('Sucre', 'Miranda')?.state.code, 'VE-M');
    assert.equal(findMunicipality('sucre', 'VE-R')?.municipality, 'Sucre');
    assert.equal(findMunicipality('Bolívar'), undefined);
    assert.equal(findMunicipality('Bolivar', 'Táchira')?.state.code, 'VE-S');
    assert.equal(findMunicipality('Libertador', 'Distrito Capital')?.state.code, 'VE-A');
    assert.equal(findMunicipality('Libertador', 'Caracas')?.state.code, 'VE-A');
    assert.equal(findMunicipality('Miranda', 'Falcón')?.state.code, 'VE-I');
    assert.equal(findMunicipality('Chacao')?.state.name, 'Miranda');
    assert.equal(findMunicipality('Mun. Iribarren')?.state.name, 'Lara');
    assert.equal(findMunicipality('Chacao', 'Zulia'), undefined);
    assert.equal(findMunicipality('Chacao', 'Narnia'), undefined);
  });

  it('resolves former and short names to the official municipality', () => {
    assert.deepEqual(
      [findMunicipality('Heres')?.state.code, findMunicipality('Heres')?.municipality],
      ['VE-F', 'Angostura del Orinoco'],
    );
    assert.equal(findMunicipality('Raúl Leoni', 'Bolívar')?.municipality, 'Angostura');
    assert.equal(findMunicipality('Sotillo', 'Anzoátegui')?.municipality, 'Juan Antonio Sotillo');
    assert.equal(findMunicipality('Sotillo', 'Monagas')?.municipality, 'Sotillo');
    assert.equal(findMunicipality('Sotillo'), undefined, 'official in Monagas, short name in Anzoátegui');
    assert.equal(findMunicipality('Páez', 'Zulia')?.municipality, 'Guajira');
  });

  it('finds main towns and their municipality', () => {
    assert.deepEqual(
      { ...findTown('Petare'), state: findTown('Petare')?.state.code },
      { state: 'VE-M', municipality: 'Sucre', town: 'Petare' },
    );
    assert.equal(findTown('puerto ordaz')?.municipality, 'Caroní');
    assert.equal(findTown('Barquisimeto', 'Lara')?.municipality, 'Iribarren');
    assert.equal(findTown('Barquisimeto', 'Zulia'), undefined);
    assert.equal(findTown('Ciudad Bolívar')?.municipality, 'Angostura del Orinoco');
    assert.equal(findTown('Gotham'), undefined);
  });

  it('finds detention sites by name, id and alias', () => {
    assert.equal(findDetentionSite('el helicoide')?.operator, 'SEBIN');
    assert.equal(findDetentionSite('Helicoide')?.id, 'helicoide');
    assert.equal(findDetentionSite('La Tumba')?.id, 'la-tumba');
    assert.equal(findDetentionSite('Ramo Verde')?.municipality, 'Guaicaipuro');
    assert.equal(findDetentionSite('rodeo-i')?.stateCode, 'VE-M');
    assert.equal(findDetentionSite('Tocorón')?.stateCode, 'VE-D');
    assert.equal(findDetentionSite('Alcatraz'), undefined);
    assert.equal(findDetentionSite('  '), undefined);
  });

  it('measures distances on the sphere', () => {
    // Caracas – Maracaibo is about 520 km as the crow flies.
    const km = distanceKm([10.48, -66.9], [10.65, -71.64]);
    assert.ok(km > 500 && km < 540, `${km}`);
    assert.equal(distanceKm([10, -66], [10, -66]), 0);
  });
});
