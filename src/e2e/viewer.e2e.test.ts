/**
 * End-to-end of the evidence viewer, custody, capture screen, readable matrix and audit viewer in a
 * real headless Chromium against the real server on a fresh demo store. Unlike the other suites,
 * the browser keeps the server's Content-Security-Policy (no bypass): the PDF worker, blob: media
 * and every chunk must load under it. axe-core runs in the page through the debugging protocol.
 * Screenshots of these views go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import type { BrowserContext, Page } from 'playwright-core';
import type { CaseStore } from '../store/case-store.js';
import { axe, DEMO_PASSWORD, type E2E, ROOT, startE2E, viewport } from '../test-support/e2e.js';

const DOCS = join(ROOT, 'docs', 'screenshots');
const ARTICLE = readFileSync(join(ROOT, 'src', 'capture', 'fixtures', 'comments-es.html'));

function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text('Informe forense ficticio');
    doc.fontSize(11).text('Lesiones compatibles con golpes. Documento de prueba del visor.');
    doc.addPage().text('Segunda página del informe');
    doc.end();
  });
}

/** Half a second of a 440 Hz tone, 8 kHz 16-bit mono WAV. */
function wavBytes(): Buffer {
  const rate = 8000;
  const n = rate / 2;
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++)
    b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

describe('evidence viewer, capture, matrix and audit end to end (headless Chromium, CSP on)', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  let site: Server;
  let siteBase: string;
  const ids: Record<string, string> = {};
  const errors: string[] = [];

  const shot = async (name: string, top = true) => {
    if (top) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: false });
  };
  const go = async (path: string) => {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
  };
  async function signIn(p: Page, username: string) {
    await p.goto(`${base}/`);
    await p.fill('input[name=username]', username);
    await p.fill('input[name=password]', DEMO_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('nav.side', { state: 'attached' });
  }
  async function add(title: string, kind: string, mediaType: string, bytes: Uint8Array, graphic = false) {
    const rec = await store.addEvidence(
      caseId,
      bytes,
      {
        title,
        kind,
        mediaType,
        fileName: title.replace(/\W+/g, '-'),
        acquisition: { by: 'e2e', at: '2026-01-15T14:30:00.000Z', method: 'prepared for the viewer test' },
        consent: 'internal',
        protection: 'restricted',
        graphic,
        supports: { eventIds: [], actIds: [], personIds: [] },
      } as never,
      'e2e',
    );
    return rec.id;
  }

  before(async () => {
    env = await startE2E('testigo-e2e-viewer-', { captureAllowPrivate: true });
    ({ store, caseId, base } = env);
    site = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.url === '/noticia' ? ARTICLE : '<html><body>no</body></html>');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // Media made by the browser itself: a PNG (screenshot) and a WebM (MediaRecorder on a canvas).
    // The same page is used after (closing a context ends the single-process browser).
    ctx = await env.browser.newContext({ ...viewport('laptop'), bypassCSP: false });
    page = await ctx.newPage();
    const maker = page;
    await maker.setContent(
      '<div style="width:240px;height:160px;background:linear-gradient(#c33,#33c)"></div>',
    );
    const png = await maker.screenshot({ clip: { x: 0, y: 0, width: 240, height: 160 } });
    const webm = Buffer.from(
      await maker.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 160;
        canvas.height = 120;
        const g = canvas.getContext('2d')!;
        const rec = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
        const parts: Blob[] = [];
        rec.ondataavailable = (e) => parts.push(e.data);
        const done = new Promise((r) => {
          rec.onstop = r;
        });
        rec.start(100);
        for (let i = 0; i < 20; i++) {
          g.fillStyle = `hsl(${i * 18},70%,50%)`;
          g.fillRect(0, 0, 160, 120);
          await new Promise((r) => setTimeout(r, 40));
        }
        rec.stop();
        await done;
        const buf = await new Blob(parts, { type: 'video/webm' }).arrayBuffer();
        return [...new Uint8Array(buf)];
      }),
    );
    ids.pdf = await add('Informe forense (PDF)', 'medical_report', 'application/pdf', await pdfBytes());
    ids.image = await add('Fotografía del lugar', 'photo', 'image/png', png);
    ids.audio = await add('Grabación de audio', 'audio', 'audio/wav', wavBytes());
    ids.video = await add('Video de la detención', 'video', 'video/webm', webm, true);
    ids.text = await add(
      'Nota de campo',
      'document',
      'text/plain',
      Buffer.from('Nota de campo: llegamos a las 10:00.\nSegunda línea.'),
    );
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|Refused/i.test(m.text())) errors.push(m.text());
    });
    await signIn(page, 'demo-documenter');
  });

  after(async () => {
    await new Promise<void>((r) => (site ? site.close(() => r()) : r()));
    await env?.close();
  });

  it('shows a PDF in the page with its text, under the CSP, and logs the access in custody', async () => {
    await go(`/c/${caseId}/evidence/${ids.pdf}`);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    const pages = page.getByTestId('pdf-page');
    await pages.first().waitFor();
    assert.equal(await page.getByTestId('pdf').getAttribute('data-pages'), '2');
    await page.getByText('Texto de la página').first().click();
    await page.getByText('Informe forense ficticio').first().waitFor();
    // Drawn, not blank: the canvas has coloured pixels.
    const inked = await pages
      .first()
      .locator('canvas')
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
        return dark;
      });
    assert.ok(inked > 50, `the PDF page has ink (${inked} dark pixels)`);
    await page.locator('[data-testid=custody] li[data-action=accessed]').first().waitFor();
    assert.match((await page.getByTestId('size').textContent()) ?? '', /KB$/);
    await axe(page, 'evidence PDF');
    await shot('evidence-pdf');
    assert.deepEqual(errors, []);
  });

  it('shows image, audio, text; video stays blurred and muted until the reader chooses', async () => {
    await go(`/c/${caseId}/evidence/${ids.image}`);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    const img = page.locator('[data-testid=preview] img');
    await img.waitFor();
    assert.ok(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0));

    await go(`/c/${caseId}/evidence/${ids.audio}`);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    const audio = page.getByTestId('audio');
    await audio.waitFor();
    await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 0.4);
    await axe(page, 'evidence audio');

    await go(`/c/${caseId}/evidence/${ids.text}`);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    assert.match((await page.getByTestId('text-view').textContent()) ?? '', /llegamos a las 10:00/);

    await go(`/c/${caseId}/evidence/${ids.video}`);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    const video = page.getByTestId('video');
    await video.waitFor();
    assert.match((await page.getByTestId('preview').getAttribute('class')) ?? '', /blurred/);
    assert.equal(await video.evaluate((v: HTMLVideoElement) => v.muted), true);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await shot('evidence-video-guarded');
    await page.getByRole('button', { name: 'Mostrar contenido gráfico' }).click();
    assert.doesNotMatch((await page.getByTestId('preview').getAttribute('class')) ?? '', /blurred/);
    assert.equal(await video.evaluate((v: HTMLVideoElement) => v.controls), true);
    assert.deepEqual(errors, []);
  });

  it('adds a custody entry: the server sets who and when; the timeline shows the name and local time', async () => {
    await go(`/c/${caseId}/evidence/${ids.image}`);
    await page.selectOption('select[name=custody-action]', 'verified');
    await page.fill('textarea[name=custody-note]', 'Hash comprobado con la copia de campo');
    await page.getByRole('button', { name: 'Añadir la entrada' }).click();
    const entry = page.locator('[data-testid=custody] li[data-action=verified]');
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    assert.match(text, /demo-documenter \(demo\)/);
    assert.match(text, /Hash comprobado/);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T/);
    const stored = await store.custody(ids.image!);
    const last = stored[stored.length - 1]!;
    assert.equal(last.action, 'verified');
    assert.match(last.actor, /usr_/);
    // Oldest first.
    const times = await page
      .locator('[data-testid=custody] time')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    await axe(page, 'custody');
    await page.getByTestId('custody').scrollIntoViewIfNeeded();
    await shot('evidence-custody', false);
  });

  it('links evidence to a person found with the picker', async () => {
    await go(`/c/${caseId}/evidence/${ids.text}`);
    const [person] = await store.list('person', caseId, { limit: 1 });
    const name = String((person!.body as { firstSurname?: string }).firstSurname);
    await page.fill('input[name=link-q]', name);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByTestId('link-hits').getByRole('button', { name: 'Vincular' }).first().click();
    await page.locator('[data-testid=evidence-links] ul li a').first().waitFor();
    const rec = await store.get('evidence', ids.text!);
    assert.equal((rec!.body as { supports: { personIds: string[] } }).supports.personIds.length, 1);
  });

  it('captures a local page, shows its text with suggestions marked, and accepts one', async () => {
    await go(`/c/${caseId}/capture`);
    await axe(page, 'capture form');
    await page.fill('input[name=url]', `${siteBase}/noticia`);
    await page.getByRole('button', { name: 'Capturar' }).click();
    await page.waitForURL(/\/capture\/inf/);
    const marked = page.getByTestId('capture-marked').first();
    await marked.waitFor();
    assert.match((await marked.textContent()) ?? '', /fe de vida/);
    assert.ok((await marked.locator('mark.suggestion').count()) > 0);
    const person = page.locator('[data-testid=suggestion][data-kind=person][data-status=pending]').first();
    const sgText = (await person.locator('button.linklike').textContent()) ?? '';
    await person.getByRole('button', { name: 'Aceptar' }).click();
    const accepted = page.locator('[data-testid=suggestion][data-status=accepted]').first();
    await accepted.waitFor();
    assert.equal((await accepted.locator('button.linklike').textContent()) ?? '', sgText);
    assert.ok(await accepted.getByRole('link', { name: 'Abrir el registro' }).isVisible());
    await page.locator('mark.suggestion.accepted').first().waitFor();
    await axe(page, 'capture result');
    await shot('capture');
    // The resulting evidence: a WARC with the archived text and the source address.
    await page.getByTestId('capture-evidence').click();
    await page.getByTestId('capture-view').waitFor();
    assert.match((await page.getByTestId('capture-text').textContent()) ?? '', /fe de vida/);
    assert.match((await page.getByTestId('capture-view').textContent()) ?? '', /\/noticia/);
    await page.getByRole('link', { name: 'Ver las sugerencias de esta captura' }).waitFor();
    await page.getByRole('button', { name: 'Abrir el archivo WARC' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.warc$/);
    await axe(page, 'web capture evidence');
    await shot('evidence-capture');
  });

  it('matrix: element names, item titles, and an incident with its own address that opens scrolled into view', async () => {
    await go(`/c/${caseId}/matrix`);
    await page.locator('table.matrix').first().waitFor();
    assert.doesNotMatch((await page.locator('table.matrix').first().textContent()) ?? '', /\bE\d\b/);
    await axe(page, 'matrix');
    await page.locator('table.matrix th[scope=row] a').first().click();
    await page.waitForURL(/\/matrix\/[^/]+$/);
    const firstIncident = page.locator('table.matrix tbody th[scope=row] a').first();
    await firstIncident.click();
    await page.waitForURL(/\/matrix\/[^/]+\/[^/]+$/);
    await page.getByTestId('incident').waitFor();
    const deepLink = page.url();
    // Opened from its address alone: the incident is shown, in view, with the focus on it.
    await page.goto(`${base}/`);
    await page.goto(deepLink);
    const incident = page.getByTestId('incident');
    await incident.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'incident');
    const box = await incident.boundingBox();
    assert.ok(box && box.y > -2 && box.y < 900, `incident in view (y=${box?.y})`);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.doesNotMatch(text, /ICC\.\d|\bE\d\b — /, 'no element codes');
    await page.waitForFunction(
      () => !Array.from(document.querySelectorAll('a.chip')).some((a) => a.textContent === '…'),
    );
    const chips = await incident.locator('a.chip').allTextContents();
    assert.ok(chips.length > 0, 'the incident cites items');
    for (const c of chips) assert.doesNotMatch(c, /^(✗ \S+: )?(evi|tes|inf)_/, `a title, not an id: ${c}`);
    await axe(page, 'matrix incident');
    await shot('matrix-incident');
  });

  it('responsibility names the units of each position', async () => {
    await go(`/c/${caseId}/responsibility`);
    await page.locator('details.card summary').first().click();
    const unitLinks = await page.locator('details.card[open] a[href*="/units/"]').allTextContents();
    assert.ok(unitLinks.length > 0);
    for (const u of unitLinks) assert.doesNotMatch(u, /^unidad$/i);
    await axe(page, 'responsibility');
  });

  it('audit viewer (administrator, English): newest first, filters in the address, names and local times', async () => {
    // One browser context for the whole suite (the single-process browser shares sessions between
    // contexts): sign out, sign in as the administrator, switch the interface to English.
    const p = page;
    await p.getByRole('button', { name: 'Cerrar sesión' }).click();
    await signIn(p, 'demo-admin');
    await p.getByRole('button', { name: 'English' }).click();
    await p.goto(`${base}/c/${caseId}/audit`);
    await p.getByTestId('audit-actor').first().waitFor();
    await p.selectOption('select[name=actor]', { label: 'demo-documenter (demo)' });
    await p.selectOption('select[name=entity]', 'information-items');
    await p.getByRole('button', { name: 'Filter', exact: true }).click();
    await p.waitForURL(/actor=user/);
    await p.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('[data-testid=audit-entity]'));
      return cells.length > 0 && cells.every((c) => c.getAttribute('data-entity') === 'information-items');
    });
    const actors = await p.getByTestId('audit-actor').allTextContents();
    assert.ok(actors.length > 0 && actors.every((a) => a === 'demo-documenter (demo)'), actors.join());
    const seqs = (await p.locator('table tbody tr td:first-child').allTextContents()).map(Number);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
      'newest first',
    );
    assert.doesNotMatch((await p.locator('table tbody').textContent()) ?? '', /\d{4}-\d{2}-\d{2}T/);
    // The filtered view survives a reload (it is in the address).
    await p.reload();
    await p.getByTestId('audit-actor').first().waitFor();
    assert.equal(await p.locator('select[name=entity]').inputValue(), 'information-items');
    await axe(p, 'audit (en)');
    await p.screenshot({ path: join(DOCS, 'audit-en.png') });
    // Estimates say why their count differs from the dashboard's.
    await p.goto(`${base}/c/${caseId}/estimates`);
    await p.waitForLoadState('networkidle');
    if (await p.locator('table tbody tr').count()) await p.getByTestId('documented-vs-observed').waitFor();
  });

  it('phone: evidence page and capture screen stay usable and accessible', async () => {
    const p = page;
    await p.setViewportSize({ width: 390, height: 844 });
    await p.getByRole('button', { name: 'Español' }).click();
    await p.goto(`${base}/c/${caseId}/evidence/${ids.pdf}`);
    await p.getByRole('button', { name: 'Abrir la prueba' }).click();
    await p.getByTestId('pdf-page').first().waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    await axe(p, 'evidence on a phone');
    await p.screenshot({ path: join(DOCS, 'evidence-pdf-phone.png') });
    await p.goto(`${base}/c/${caseId}/capture`);
    await p.locator('input[name=url]').waitFor();
    await axe(p, 'capture on a phone');
    assert.deepEqual(errors, []);
  });
});
