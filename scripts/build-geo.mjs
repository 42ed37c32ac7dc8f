// Extracts Venezuela's outline from Natural Earth (world-atlas, public domain data, ISC package) into
// the web app's sources, so the dashboard map ships inside the app (no tile server, no CDN).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const all = feature(world, world.objects.countries);
const ve = all.features.find((f) => f.id === '862');
if (!ve) throw new Error('Venezuela (862) not found in world-atlas');
const round = (c) =>
  typeof c[0] === 'number' ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000] : c.map(round);
ve.geometry.coordinates = round(ve.geometry.coordinates);
mkdirSync(new URL('../web/src/geo/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../web/src/geo/venezuela.json', import.meta.url),
  JSON.stringify({
    type: 'Feature',
    properties: { name: 'Venezuela', source: 'Natural Earth 1:50m via world-atlas' },
    geometry: ve.geometry,
  }),
);
