/**
 * Renders pages of the demo case's report to PNG for docs/ (README): builds a fresh demo store in
 * a temp dir, writes the public HTML report and photographs it in a headless Chromium
 * (@sparticuz/chromium + playwright-core: no browser download, nothing fetched).
 *   node --import tsx scripts/report-images.ts [OUT_DIR]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import { createDemoStore } from '../src/cli/commands/demo.js';
import { prepareReport, reportHtml } from '../src/report/build.js';

const out = process.argv[2] ?? 'docs';
mkdirSync(out, { recursive: true });
const dir = join(tmpdir(), `testigo-report-images-${process.pid}`);
const { store, caseId } = await createDemoStore(dir);
try {
  const r = await prepareReport(store, caseId, { actor: 'system:docs' });
  const files: string[] = [];
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
  });
  try {
    // One page for both languages: with a single-process Chromium, closing the last page ends it.
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
    for (const lang of ['es', 'en'] as const) {
      const html = join(dir, `report-${lang}.html`);
      writeFileSync(html, reportHtml(r, 'public', lang));
      await page.goto(`file://${html}`);
      /** A screenshot starting at the heading with this text (nothing when it is not there). */
      const shot = async (selector: string, file: string) => {
        const h = await page.$(selector);
        if (!h) return;
        await h.scrollIntoViewIfNeeded();
        await h.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.evaluate(() => window.scrollBy(0, -20));
        await page.screenshot({ path: join(out, file) });
        files.push(file);
      };
      if (lang === 'es') {
        await page.screenshot({ path: join(out, 'report-summary.png') });
        files.push('report-summary.png');
        await shot('h1:has-text("6. Estadísticas")', 'report-statistics.png');
        await shot('h1:has-text("5. Hallazgos por crimen")', 'report-findings.png');
      }
      // The authored sections and the victims sections (issue 22), in both languages.
      const words = {
        es: ['Antecedentes', '7. Víctimas y daño', 'Crímenes sexuales', 'Declaraciones de independencia'],
        en: ['Background', '7. Victims and harm', 'Sexual and gender-based', 'Declarations of independence'],
      }[lang];
      await shot(`h2:has-text("${words[0]}")`, `report-background-${lang}.png`);
      await shot(`h1:has-text("${words[1]}")`, `report-victims-${lang}.png`);
      await shot(`h2:has-text("${words[2]}")`, `report-sgbc-${lang}.png`);
      await shot(`h2:has-text("${words[3]}")`, `report-panel-declarations-${lang}.png`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${files.map((f) => join(out, f)).join(', ')}\n`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
