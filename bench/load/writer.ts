/**
 * "Another process writes": the write classes of the mix (creates of persons, events, acts,
 * testimonies; updates) at a constant rate against a server, for bench/load/profile.ts
 * `--other-writer`, which measures what those writes cost a process that only reads.
 *
 *   node --import tsx bench/load/writer.ts BASE_URL FIXTURE.json RATE SECONDS
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_MIX, type LoadFixture, type Mix, runLoad } from '../../src/test-support/load-driver.js';

const [baseUrl, fixtureFile, rate, seconds] = process.argv.slice(2);
if (!baseUrl || !fixtureFile || !rate || !seconds)
  throw new Error('usage: writer.ts BASE_URL FIXTURE.json RATE SECONDS');
const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as LoadFixture;
const mix = Object.fromEntries(
  Object.entries(DEFAULT_MIX).map(([k, w]) => [k, k.startsWith('write:') ? w : 0]),
) as Mix;
const r = await runLoad({ baseUrl, fixture, rate: Number(rate), seconds: Number(seconds), mix, seed: 7 });
process.stdout.write(`${JSON.stringify({ sent: r.sent, errors: r.errors, created: r.created })}\n`);
