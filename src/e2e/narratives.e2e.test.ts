/**
 * End-to-end: a panel member writes the report's background in the report view of a real headless
 * Chromium (laptop, Spanish), inserting a citation with the picker; the text is saved as a new
 * revision and the public HTML report shows it with the citation resolved. The view passes axe.
 * An uncleared panel member is not offered the confidential edition.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listNarratives } from '../review/narratives.js';
import { axe, type E2E, SHOTS, signIn, startE2E, viewport } from '../test-support/e2e.js';

describe('report texts end to end (headless Chromium, laptop)', () => {
  let env: E2E;
  let ctx: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    env = await startE2E('testigo-e2e-narratives-');
    ctx = await env.browser.newContext(viewport('laptop'));
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, env.base, 'demo-panelist');
  });
  after(async () => env?.close());

  it('writes the background with a citation picked from the list, and the report shows it', async () => {
    await page.goto(`${env.base}/c/${env.caseId}/report`);
    const editor = page.getByRole('region', { name: 'Textos del informe' });
    await editor.waitFor();
    await axe(page, 'report texts');
    const edition = editor.locator('select[name=edition] option');
    assert.deepEqual(await edition.allTextContents(), ['pública'], 'uncleared: the public edition only');
    const area = editor.locator('textarea[name=narrative]');
    await area.waitFor();
    // The demo's background is loaded; replace it.
    await page.waitForFunction(
      () => (document.querySelector('textarea[name=narrative]') as HTMLTextAreaElement)?.value.length > 0,
    );
    await area.fill('Antecedentes escritos en la prueba de extremo a extremo, según ');
    const picker = editor.locator('select[name=cite]');
    const value = await picker.locator('option').nth(1).getAttribute('value');
    assert.ok(value);
    assert.ok(!(await picker.textContent())?.includes('[withheld]'), 'withheld titles in Spanish');
    await picker.selectOption(value);
    await area.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    await editor.getByRole('button', { name: 'Insertar cita' }).click();
    assert.equal(
      await area.inputValue(),
      `Antecedentes escritos en la prueba de extremo a extremo, según [@${value}]`,
    );
    await editor.getByRole('button', { name: 'Guardar texto' }).click();
    await editor.getByRole('status').filter({ hasText: 'Texto guardado (revisión 2)' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'report-texts.png'), fullPage: true });

    const stored = (await listNarratives(env.store, env.caseId)).find(
      (n) => n.body.section === 'background' && n.body.lang === 'es' && n.body.edition === 'public',
    );
    assert.equal(stored?.body.revision, 2);
    const html = await page.evaluate(
      async (url) => (await fetch(url)).text(),
      `/api/cases/${env.caseId}/report?edition=public&lang=es&format=html`,
    );
    assert.ok(html.includes('Antecedentes escritos en la prueba de extremo a extremo, según [1]'));
    assert.ok(html.includes(`[1] `) && html.includes(value));
    assert.deepEqual(errors, []);
  });
});
