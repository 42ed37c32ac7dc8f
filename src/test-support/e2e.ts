/**
 * The start-up every browser end-to-end test shares: a fresh demo store, the real server on a free
 * loopback port serving the built web app, and a real headless Chromium (@sparticuz/chromium, no
 * download). Plus axe-core (serious and critical WCAG 2.1 A/AA violations fail) and sign-in.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import chromium from '@sparticuz/chromium';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContextOptions, type Page, chromium as pw } from 'playwright-core';
import { type AppOptions, createApp } from '../server/app.js';
import { createDemoStore, DEMO_PASSWORD } from '../services/demo.js';
import type { CaseStore } from '../store/case-store.js';
import { tempDir } from './stores.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const WEB = join(ROOT, 'dist', 'web');
export const SHOTS = join(ROOT, 'test-artifacts', 'e2e');
export { DEMO_PASSWORD };

export interface E2E {
  dir: string;
  store: CaseStore;
  caseId: string;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the web app once if it is missing, then starts store, server and browser. */
export async function startE2E(prefix: string, app: Partial<AppOptions> = {}): Promise<E2E> {
  if (!existsSync(join(WEB, 'index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  }
  mkdirSync(SHOTS, { recursive: true });
  const dir = tempDir(prefix);
  rmSync(dir, { recursive: true, force: true });
  const { store, caseId } = await createDemoStore(dir);
  const handler = createApp(store, { webDir: WEB, ...app });
  let server: ReturnType<typeof serve> | undefined;
  const base = await new Promise<string>((resolve) => {
    server = serve({ fetch: handler.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  /** Server, store and folder gone: nothing left to keep the test file's process alive. */
  const stop = async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    // A test file whose browser did not start fails instead of hanging the suite (its open server
    // kept the process alive until CI's limit).
    await stop();
    throw err;
  }
  return {
    dir,
    store,
    caseId,
    base,
    browser,
    async close() {
      await browser.close();
      await stop();
    },
  };
}

/** Context options for a laptop (1280×900) or a phone (390×844), Spanish by default. bypassCSP only
 * so tests can inject axe-core; the app itself runs under the server's CSP. */
export function viewport(kind: 'laptop' | 'phone', locale = 'es-VE'): BrowserContextOptions {
  const base = { locale, acceptDownloads: true, bypassCSP: true };
  return kind === 'phone'
    ? { ...base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    : { ...base, viewport: { width: 1280, height: 900 } };
}

/** Every view of a case (the path under /c/<case>/), in navigation order. */
export const CASE_VIEWS = [
  '',
  'persons',
  'units',
  'places',
  'events',
  'hearings',
  'intake',
  'evidence',
  'search',
  'linkage',
  'estimates',
  'matrix',
  'responsibility',
  'panel',
  'report',
  'submissions',
  'admin',
  'audit',
] as const;

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core in the page: serious and critical violations only (WCAG 2.1 A/AA rules). Evaluated
 * through the debugging protocol rather than a script tag, so it runs under the app's own CSP too. */
export async function axe(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    ),
    [],
    `accessibility of ${name}`,
  );
}

/** Signs a demo account in through the sign-in form and waits for the case navigation. */
export async function signIn(page: Page, base: string, username: string, totp?: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  if (totp) await page.fill('input[name=totp]', totp);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav.side', { state: 'attached' });
}

/** Clicks a list's "Descargar CSV" and reads the file: its text and the ids of its rows, in order. */
export async function downloadListCsv(page: Page): Promise<{ text: string; ids: string[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Descargar CSV' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
  const [head, ...rows] = parse(text) as string[][];
  return { text, ids: rows.map((r) => r[head!.indexOf('id')]!) };
}

/**
 * A headless Chromium, tried twice: @sparticuz/chromium unpacks the browser to one path in the temp
 * folder, and a test file running beside another can find it there half written and crash on launch
 * (SIGSEGV, seen once in CI); by the second try the other has finished writing it.
 */
async function launchBrowser(): Promise<Browser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pw.launch({
        executablePath: await chromium.executablePath(),
        args: chromium.args,
        headless: true,
      });
    } catch (err) {
      if (attempt >= 2) throw err;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
