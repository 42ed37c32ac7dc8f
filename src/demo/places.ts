/**
 * The demo's places: real Venezuelan states, municipalities and publicly known detention sites from
 * the gazetteer, created only when an event or a detention uses them. One detention site is
 * fictional (a regional office of a fictional service) so that `operatorUnitId` has an example that
 * does not put a fictional unit in charge of a real building.
 */
import { KNOWN_DETENTION_SITES, VENEZUELA_STATES } from '../domain/gazetteer.js';
import type { DemoContext } from './context.js';

/** Municipalities the demo's events happen in, with the approximate coordinates of their seat. */
export const MUNICIPALITY_SEATS: readonly (readonly [
  state: string,
  municipality: string,
  lat: number,
  lon: number,
])[] = [
  ['VE-A', 'Libertador', 10.5006, -66.9146],
  ['VE-M', 'Chacao', 10.4961, -66.8531],
  ['VE-M', 'Baruta', 10.4322, -66.8753],
  ['VE-M', 'Sucre', 10.4764, -66.8097],
  ['VE-M', 'El Hatillo', 10.425, -66.825],
  ['VE-M', 'Los Salias', 10.3667, -67.0333],
  ['VE-M', 'Guaicaipuro', 10.3447, -67.0433],
  ['VE-M', 'Zamora', 10.4717, -66.5406],
  ['VE-S', 'San Cristóbal', 7.7669, -72.225],
  ['VE-S', 'Cárdenas', 7.8167, -72.2167],
  ['VE-S', 'Pedro María Ureña', 7.9167, -72.4333],
  ['VE-L', 'Libertador', 8.5897, -71.1561],
  ['VE-L', 'Campo Elías', 8.55, -71.2333],
  ['VE-G', 'Valencia', 10.162, -68.0077],
  ['VE-G', 'Naguanagua', 10.25, -68.0167],
  ['VE-G', 'San Diego', 10.2558, -67.9536],
  ['VE-G', 'Libertador', 10.105, -68.07],
  ['VE-K', 'Iribarren', 10.0678, -69.3467],
  ['VE-K', 'Palavecino', 10.03, -69.26],
  ['VE-V', 'Maracaibo', 10.6427, -71.6125],
  ['VE-V', 'San Francisco', 10.5833, -71.65],
  ['VE-D', 'Girardot', 10.2469, -67.5958],
  ['VE-B', 'Diego Bautista Urbaneja', 10.19, -64.69],
  ['VE-B', 'Simón Bolívar', 10.1333, -64.7],
  ['VE-F', 'Caroní', 8.2833, -62.7333],
  ['VE-N', 'Maturín', 9.75, -63.1833],
];

/** The publicly known sites the demo uses (ids of `KNOWN_DETENTION_SITES`). */
export const SITE_KEYS = [
  'helicoide',
  'la-tumba',
  'dgcim-boleita',
  'ramo-verde',
  'rodeo-i',
  'tocuyito',
  'zona-7',
  'fuerte-tiuna',
] as const;
export type SiteKey = (typeof SITE_KEYS)[number] | 'regional-tachira';

export interface Muni {
  id: string;
  stateCode: string;
  stateName: string;
  name: string;
}

export class Places {
  private readonly states = new Map<string, string>();
  private readonly munis = new Map<string, Muni>();
  private readonly sites = new Map<SiteKey, { id: string; name: string; stateCode: string }>();

  constructor(
    private readonly ctx: DemoContext,
    /** Operator of the fictional regional site; set once units exist. */
    private readonly regionalOperator: () => string,
  ) {}

  state(code: string): string {
    const known = this.states.get(code);
    if (known) return known;
    const s = VENEZUELA_STATES.find((x) => x.code === code);
    if (!s) throw new Error(`demo: no state ${code} in the gazetteer`);
    const id = this.ctx.add('places', this.ctx.id('pla'), {
      name: s.name,
      kind: 'state',
      stateCode: s.code,
      coordinates: { lat: s.centroid[0], lon: s.centroid[1] },
      notes: `Capital: ${s.capital}.`,
    });
    this.states.set(code, id);
    return id;
  }

  muni(stateCode: string, name: string): Muni {
    const key = `${stateCode}/${name}`;
    const known = this.munis.get(key);
    if (known) return known;
    const s = VENEZUELA_STATES.find((x) => x.code === stateCode);
    if (!s?.municipalities.includes(name)) throw new Error(`demo: no municipality ${name} in ${stateCode}`);
    const seat = MUNICIPALITY_SEATS.find(([c, m]) => c === stateCode && m === name);
    const parentId = this.state(stateCode);
    const id = this.ctx.add('places', this.ctx.id('pla'), {
      name,
      kind: 'municipality',
      parentId,
      stateCode,
      municipality: name,
      coordinates: seat ? { lat: seat[2], lon: seat[3] } : undefined,
    });
    const m = { id, stateCode, stateName: s.name, name };
    this.munis.set(key, m);
    return m;
  }

  site(key: SiteKey): { id: string; name: string; stateCode: string } {
    const known = this.sites.get(key);
    if (known) return known;
    let site: { id: string; name: string; stateCode: string };
    if (key === 'regional-tachira') {
      const parent = this.muni('VE-S', 'San Cristóbal');
      const name = 'Sede regional del SFIN en San Cristóbal (ficticia)';
      site = {
        id: this.ctx.add('places', this.ctx.id('pla'), {
          name,
          kind: 'detention_site',
          parentId: parent.id,
          stateCode: 'VE-S',
          municipality: 'San Cristóbal',
          coordinates: { lat: 7.7712, lon: -72.2291 },
          operatorUnitId: this.regionalOperator(),
          notes: 'Lugar ficticio del caso demostrativo, situado en una ciudad real.',
        }),
        name,
        stateCode: 'VE-S',
      };
    } else {
      const d = KNOWN_DETENTION_SITES.find((x) => x.id === key);
      if (!d) throw new Error(`demo: no detention site ${key} in the gazetteer`);
      const parent = this.muni(d.stateCode, d.municipality);
      site = {
        id: this.ctx.add('places', this.ctx.id('pla'), {
          name: d.name,
          kind: 'detention_site',
          parentId: parent.id,
          stateCode: d.stateCode,
          municipality: d.municipality,
          coordinates: d.centroid ? { lat: d.centroid[0], lon: d.centroid[1] } : undefined,
          notes: `Centro de detención conocido públicamente${d.operator ? ` (operado por ${d.operator} según informes públicos)` : ''}. Los hechos que el caso demostrativo sitúa aquí son ficticios.`,
        }),
        name: d.name,
        stateCode: d.stateCode,
      };
    }
    this.sites.set(key, site);
    return site;
  }
}
