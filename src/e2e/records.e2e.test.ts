/**
 * End-to-end: the record screens in a real headless Chromium against the demo case. Per role:
 * creating and editing records of several kinds through the generic form (references chosen with
 * the search pickers), an edit that meets a concurrent change (409: the typed text is kept and the
 * other version shown), soft delete with confirmation (administrators only); the testimony page;
 * a list filter kept in the URL across a reload, and the CSV export of that list holding exactly
 * its rows; a record's history with its diff. axe on every view, Spanish and English, laptop and
 * 390 px phone. Screenshots of these views go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CaseStore } from '../store/case-store.js';
import { axe, downloadListCsv, type E2E, ROOT, signIn, startE2E, viewport } from '../test-support/e2e.js';

const DOCS = join(ROOT, 'docs', 'screenshots');

describe('record screens end to end (headless Chromium)', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let base: string;
  let browser: Browser;
  const errors: string[] = [];

  before(async () => {
    env = await startE2E('testigo-e2e-records-');
    ({ store, caseId, base, browser } = env);
    mkdirSync(DOCS, { recursive: true });
  });
  after(async () => {
    await env?.close();
  });

  /**
   * The headless shell runs in one process: closing a context ends the browser, and contexts share
   * cookies. So one page for the suite; each role signs out the previous one and signs in.
   */
  let page0: Page;
  async function open(who: string, kind: 'laptop' | 'phone' = 'laptop', lang = 'es'): Promise<Page> {
    if (!page0) {
      const ctx = await browser.newContext(viewport('laptop'));
      page0 = await ctx.newPage();
      page0.on('pageerror', (e) => errors.push(String(e)));
    }
    const page = page0;
    await page.setViewportSize(kind === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await page.locator('input[name=username], nav.side').first().waitFor({ state: 'attached' });
    if (await page.locator('nav.side').count()) {
      await page.getByRole('button', { name: /Cerrar sesión|Sign out/ }).click();
      await page.locator('input[name=username]').waitFor();
    }
    await page.evaluate((l) => localStorage.setItem('testigo.lang', l), lang);
    await signIn(page, base, who);
    return page;
  }
  const shot = (p: Page, name: string) => p.screenshot({ path: join(DOCS, `${name}.png`), fullPage: true });

  it('an administrator creates, edits (with history diff) and deletes a place and a unit', async () => {
    const page = await open('demo-admin');
    for (const [kind, name, edited, vocabLabel] of [
      ['places', 'Centro de reclusión La Planta', 'Centro de reclusión La Planta (El Paraíso)', 'Tipo'],
      [
        'units',
        'Dirección de Acciones Estratégicas',
        'Dirección de Acciones Estratégicas y Tácticas',
        'Tipo',
      ],
    ] as const) {
      await page.goto(`${base}/c/${caseId}/r/${kind}`);
      await page.getByRole('link', { name: 'Nuevo registro' }).click();
      await page.getByLabel('Nombre *').fill(name);
      await page.getByLabel(`${vocabLabel} *`).selectOption({ index: 1 });
      if (kind === 'places') await axe(page, `${kind} form`);
      if (kind === 'places') await shot(page, 'records-form-es-laptop');
      await page.getByRole('button', { name: 'Crear' }).click();
      await page.waitForURL(new RegExp(`/r/${kind}/\\w+_`));
      await page.locator('main h1', { hasText: name }).waitFor();
      await page.getByRole('link', { name: 'Editar' }).click();
      await page.getByLabel('Nombre *').fill(edited);
      await page.getByRole('button', { name: 'Guardar' }).click();
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent?.includes(n), edited);
      // The history lists both versions, the newest first, with the name before and after.
      const history = page.locator('section.history');
      await history.getByText('Modificado').waitFor();
      assert.equal(await history.locator('ol.versions > li').count(), 2);
      assert.equal(await history.locator('del').first().textContent(), `Antes: ${name}`);
      assert.equal(await history.locator('ins').first().textContent(), `Después: ${edited}`);
      if (kind === 'places') {
        await axe(page, `${kind} detail with history`);
        await shot(page, 'records-history-es-laptop');
      }
      const url = page.url();
      await page.getByRole('button', { name: 'Eliminar' }).click();
      await page.getByText('¿Eliminar este registro?').waitFor();
      await page.getByLabel('Motivo de la eliminación').fill('duplicado de prueba');
      await page.locator('form.confirm').getByRole('button', { name: 'Eliminar' }).click();
      await page.waitForURL(new RegExp(`/r/${kind}$`));
      const id = url.split('/').at(-1)!;
      assert.equal((await store.get(kind === 'places' ? 'place' : 'unit', id))?.id, undefined);
      assert.ok(await store.get(kind === 'places' ? 'place' : 'unit', id, { includeDeleted: true }));
    }
  });

  it('a documenter creates an act with search pickers; an edit meeting a concurrent change keeps the typed text', async () => {
    const page = await open('demo-documenter');
    const event = (await store.list('event', caseId, { limit: 1 }))[0]!;
    const victim = (await store.list('act', caseId, { limit: 1 }))[0]!.body.victimId;
    const victimRec = (await store.get('person', victim))!;
    await page.goto(`${base}/c/${caseId}/r/acts/new`);
    const pick = async (legend: string, query: string, label: string) => {
      const box = page
        .locator('fieldset.picker', { has: page.locator('legend', { hasText: legend }) })
        .first();
      await box.locator('input[type=search]').fill(query);
      await box.locator('.pick-list button', { hasText: label }).first().click();
      await box.locator('.picked').waitFor();
    };
    await pick('Hecho', event.body.title, event.body.title);
    const victimName = [victimRec.body.givenNames, victimRec.body.firstSurname, victimRec.body.secondSurname]
      .filter(Boolean)
      .join(' ');
    await pick('Víctima', victimName, victimName);
    await page.getByLabel('Tipo de acto *').selectOption('torture');
    await page.getByLabel('Resultado').fill('Lesiones documentadas por médico forense.');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.waitForURL(/\/r\/acts\/act_/);
    const actId = page.url().split('/').at(-1)!;
    const act = (await store.get('act', actId))!;
    assert.equal(act.body.eventId, event.id);
    assert.equal(act.body.victimId, victim);
    // Documenters do not delete.
    assert.equal(await page.getByRole('button', { name: 'Eliminar' }).count(), 0);

    await page.getByRole('link', { name: 'Editar' }).click();
    await page.getByLabel('Resultado').fill('Texto escrito por quien edita.');
    // Someone else saves the act meanwhile.
    await store.update('act', actId, { ...act.body, notes: 'cambio concurrente' }, 'user:otro');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Otra persona cambió este registro').waitFor();
    assert.equal(await page.getByLabel('Resultado').inputValue(), 'Texto escrito por quien edita.');
    await page.getByText('cambio concurrente').first().waitFor();
    await axe(page, 'edit conflict');
    await shot(page, 'records-conflict-es-laptop');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForURL(new RegExp(`/r/acts/${actId}$`));
    assert.equal((await store.get('act', actId))!.body.outcome, 'Texto escrito por quien edita.');
  });

  it('a list filter lives in the URL (survives reload) and its CSV export holds exactly its rows', async () => {
    const page = await open('demo-analyst');
    await page.goto(`${base}/c/${caseId}/r/acts`);
    await page.locator('details.filters summary').click();
    await page.getByLabel('Tipo de acto').selectOption('arbitrary_detention');
    await page.waitForURL(/type=arbitrary_detention/);
    await page.getByLabel('Orden').selectOption('created');
    await page.waitForURL(/sort=created/);
    await page.reload();
    await page.locator('table a[data-id]').first().waitFor();
    assert.equal(await page.getByLabel('Tipo de acto').inputValue(), 'arbitrary_detention');
    const shown = await page
      .locator('table a[data-id]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    await axe(page, 'acts list filtered');
    await shot(page, 'records-list-es-laptop');
    const { text, ids } = await downloadListCsv(page);
    const all = await store.list('act', caseId, {
      where: { type: 'arbitrary_detention' },
      sort: 'created',
      limit: 100_000,
    });
    assert.deepEqual(
      ids,
      all.map((a) => a.id),
    );
    assert.deepEqual(ids.slice(0, shown.length), shown);
    // The analyst is not cleared: no protected person's name is in the file.
    const fullName = (p: { body: { givenNames?: string; firstSurname?: string; secondSurname?: string } }) =>
      [p.body.givenNames, p.body.firstSurname, p.body.secondSurname].filter(Boolean).join(' ');
    const visible = new Set(
      (
        await store.list('person', caseId, {
          where: { protection: ['public', 'restricted'] },
          limit: 100_000,
        })
      ).map(fullName),
    );
    const hidden = (
      await store.list('person', caseId, { where: { protection: 'protected' }, limit: 100_000 })
    )
      // Full names: a visible namesake (Pedro Blanco García beside a protected Pedro Blanco
      // Villegas) is rightly shown.
      .map((p) => [p.body.givenNames, p.body.firstSurname, p.body.secondSurname].filter(Boolean).join(' '))
      .filter((n) => n.split(' ').length >= 3 && !visible.has(n));
    assert.ok(hidden.length > 0);
    for (const n of hidden) assert.ok(!text.includes(n), `export names ${n}`);
  });

  it('the testimony page (documenter) and a viewer who can neither edit nor export', async () => {
    const t =
      (await store.list('testimony', caseId, { limit: 50 })).find((x) => x.body.hearingId) ??
      (await store.list('testimony', caseId, { limit: 1 }))[0]!;
    const page = await open('demo-documenter');
    await page.goto(`${base}/c/${caseId}/testimonies/${t.id}`);
    await page.getByRole('heading', { name: 'Declaración' }).waitFor();
    assert.ok((await page.locator('blockquote.statement').textContent())!.length > 20);
    await page.locator('section.history li').first().waitFor();
    await axe(page, 'testimony page');
    await shot(page, 'records-testimony-es-laptop');

    const viewer = await open('demo-viewer');
    await viewer.goto(`${base}/c/${caseId}/r/events`);
    await viewer.locator('table a[data-id]').first().waitFor();
    assert.equal(await viewer.getByRole('link', { name: 'Nuevo registro' }).count(), 0);
    assert.equal(await viewer.getByRole('link', { name: 'Descargar CSV' }).count(), 0);
    await viewer.locator('table a[data-id]').first().click();
    await viewer.locator('section.history').waitFor();
    assert.equal(await viewer.getByRole('link', { name: 'Editar' }).count(), 0);
  });

  it('English on a 390 px phone: events with victims and perpetrators, a person with relations both ways', async () => {
    const page = await open('demo-admin', 'phone', 'en');
    await page.goto(`${base}/c/${caseId}/r/events`);
    await page.locator('table a[data-id]').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('columnheader', { name: 'Victims' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390 + 1, `page is ${width}px wide`);
    await axe(page, 'events list (en, phone)');
    await shot(page, 'records-events-en-phone');
    const act = (await store.list('act', caseId, { limit: 1 }))[0]!;
    await page.goto(`${base}/c/${caseId}/r/persons/${act.body.victimId}`);
    await page.getByRole('heading', { name: /Linked acts/ }).waitFor();
    await page.locator('section.related table a').first().waitFor();
    await axe(page, 'person detail (en, phone)');
    await shot(page, 'records-person-en-phone');
    assert.deepEqual(errors, []);
  });
});
