/**
 * The web app's first view and dashboard in a real headless Chromium, over loopback, on a case
 * with 10,000 persons (the demo case plus generated persons). Measures, per load, the time from
 * navigation to the view being usable and the bytes that crossed the wire (compressed):
 *
 *  - first view: a cold browser cache, "/" until the sign-in form is shown;
 *  - dashboard: signed in, "/c/<case>" until the counts, the summary (legal analysis) and the
 *    charts are drawn — cold (HTTP cache cleared) and warm.
 *
 *   node --import tsx bench/web/run.ts [persons=10000] [runs=5]
 *
 * Needs the built web app (npm run build:web). Numbers go to bench/web/README.md.
 */
import { existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import chromium from '@sparticuz/chromium';
import { chromium as pw } from 'playwright-core';
import { createDemoStore } from '../../src/cli/commands/demo.js';
import { createApp } from '../../src/server/app.js';

const persons = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const root = new URL('../..', import.meta.url).pathname;
const web = join(root, 'dist', 'web');
if (!existsSync(join(web, 'index.html'))) throw new Error('build the web app first: npm run build:web');
const dir = join(root, 'bench', 'out', 'web-store');
rmSync(dir, { recursive: true, force: true });

const t0 = Date.now();
const { store, caseId } = await createDemoStore(dir);
const have = await store.count('person', caseId);
const GIVEN = ['Ana', 'Luis', 'María', 'José', 'Carmen', 'Pedro', 'Rosa', 'Jesús', 'Yolanda', 'Óscar'];
const SUR = ['Pérez', 'González', 'Rodríguez', 'Hernández', 'García', 'Martínez', 'López', 'Díaz', 'Suárez'];
for (let i = have; i < persons; i += 500) {
  await store.transaction(async (s) => {
    for (let j = i; j < Math.min(persons, i + 500); j++)
      await s.create(
        'person',
        caseId,
        {
          givenNames: `${GIVEN[j % GIVEN.length]} ${GIVEN[(j * 7) % GIVEN.length]}`,
          firstSurname: SUR[j % SUR.length],
          secondSurname: `${SUR[(j * 5) % SUR.length]}-${j}`,
          protection: j % 10 === 0 ? 'protected' : 'restricted',
        },
        'bench',
      );
  });
}
const total = await store.count('person', caseId);
process.stderr.write(`store: ${total} persons in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);

const app = createApp(store, { webDir: web });
let server: ReturnType<typeof serve> | undefined;
const base = await new Promise<string>((resolve) => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) =>
    resolve(`http://127.0.0.1:${i.port}`),
  );
});
const browser = await pw.launch({
  executablePath: await chromium.executablePath(),
  args: chromium.args,
  headless: true,
});
const page = await (
  await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-VE' })
).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Network.enable');
let bytes = 0;
cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
  bytes += e.encodedDataLength;
});

async function measure(path: string, ready: () => Promise<unknown>, cold: boolean) {
  if (cold) await cdp.send('Network.clearBrowserCache');
  bytes = 0;
  const start = performance.now();
  await page.goto(`${base}${path}`);
  await ready();
  const ms = performance.now() - start;
  return { ms, kb: bytes / 1024 };
}

const firstView: { ms: number; kb: number }[] = [];
for (let r = 0; r < runs; r++) {
  await page.context().clearCookies();
  firstView.push(await measure('/', () => page.waitForSelector('input[name=username]'), true));
}
await page.fill('input[name=username]', 'demo-analyst');
await page.fill('input[name=password]', 'demo-password-not-secret');
await page.click('button[type=submit]');
await page.waitForSelector('nav.side', { state: 'attached' });
const dashReady = () =>
  Promise.all([
    page.waitForSelector('ul.tiles'),
    page.waitForSelector('figure.chart svg, figure.chart ul'),
    page.waitForFunction(() =>
      /actos documentados contra/.test(document.querySelector('main')?.textContent ?? ''),
    ),
  ]);
const dashCold: { ms: number; kb: number }[] = [];
const dashWarm: { ms: number; kb: number }[] = [];
for (let r = 0; r < runs; r++) {
  dashCold.push(await measure(`/c/${caseId}`, dashReady, true));
  dashWarm.push(await measure(`/c/${caseId}`, dashReady, false));
}

const stats = (xs: { ms: number; kb: number }[]) => {
  const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
  return {
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]!),
    minMs: Math.round(ms[0]!),
    maxMs: Math.round(ms[ms.length - 1]!),
    allMs: xs.map((x) => Math.round(x.ms)),
    transferredKB: Math.round(xs[xs.length - 1]!.kb),
  };
};
process.stdout.write(
  `${JSON.stringify(
    {
      persons: total,
      runs,
      firstView: stats(firstView),
      dashboardCold: stats(dashCold),
      dashboardWarm: stats(dashWarm),
      note: 'loopback, headless Chromium (@sparticuz/chromium, single process, software GL); the first dashboard load also computes the legal analysis',
    },
    null,
    2,
  )}\n`,
);
await browser.close();
await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
await store.close();
rmSync(dir, { recursive: true, force: true });
