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
  const html = join(dir, 'report.html');
  writeFileSync(html, reportHtml(r, 'public', 'es'));
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
    await page.goto(`file://${html}`);
    await page.screenshot({ path: join(out, 'report-summary.png') });
    const stats = await page.$('h1:has-text("6. Estadísticas")');
    if (stats) {
      await stats.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -20));
      await page.screenshot({ path: join(out, 'report-statistics.png') });
    }
    const matrix = await page.$('h1:has-text("5. Hallazgos por crimen")');
    if (matrix) {
      await matrix.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -20));
      await page.screenshot({ path: join(out, 'report-findings.png') });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${out}/report-summary.png, report-findings.png, report-statistics.png\n`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
