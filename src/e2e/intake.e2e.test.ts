/**
 * End-to-end: the testimony interview in a real headless Chromium on a phone-sized screen
 * (390×844), against a running server on a fresh demo store. A witness who is not the victim, two
 * victims and three acts; a DD/MM/AAAA date; a hierarchical place; a 150,000-character statement
 * saved and read back; a draft resumed at the step it was left; a finish whose response is lost and
 * retried without duplicates; the server session ended mid-step and re-authenticated in a dialog
 * without losing a character; a second tab without the CSRF token saving. Then every case view is
 * walked in Spanish at that width: no string of the English catalogue, no raw snake_case code, no
 * page wider than the screen. Screenshots go to test-artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { type InterviewDraft, InterviewService } from '../services/intake.js';
import type { CaseStore } from '../store/case-store.js';
import {
  axe,
  CASE_VIEWS,
  DEMO_PASSWORD,
  type E2E,
  ROOT,
  SHOTS,
  signIn,
  startE2E,
  viewport,
} from '../test-support/e2e.js';

describe('testimony interview end to end (headless Chromium, 390×844)', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    env = await startE2E('testigo-e2e-intake-');
    ({ store, caseId, base } = env);
    ctx = await env.browser.newContext(viewport('phone'));
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, base, 'demo-documenter');
  });

  after(async () => {
    await env?.close();
  });

  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const next = (p: Page = page) => p.getByRole('button', { name: 'Guardar y seguir' }).click();
  const saves = async (p: Page = page) =>
    Number(await p.getByTestId('save-status').getAttribute('data-saves'));
  /** Waits for a save that completed after `since` saves (the status may already say "saved"). */
  const saved = (p: Page = page, since = -1) =>
    p.waitForFunction((n) => {
      const el = document.querySelector('[data-testid=save-status]');
      return el?.getAttribute('data-state') === 'saved' && Number(el.getAttribute('data-saves')) > n;
    }, since);
  async function userId(): Promise<string> {
    const r = await store.sqlHandle.get<{ id: string }>('SELECT id FROM app_user WHERE username = ?', [
      'demo-documenter',
    ]);
    return r!.id;
  }
  /** Waits until the author's drafts on the server include one matching `pred`. */
  async function onServer(pred: (d: InterviewDraft) => boolean): Promise<InterviewDraft> {
    const uid = await userId();
    for (let i = 0; i < 100; i++) {
      const d = (await new InterviewService(store).drafts(caseId, uid)).find(pred);
      if (d) return d;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the draft never reached the server');
  }
  async function noSideways(p: Page, where: string) {
    const w = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 390, `${where}: the page is ${w} px wide on a 390 px screen`);
  }

  it('takes a whole interview on a phone: witness not the victim, two victims, three acts, 150,000 characters', async () => {
    const place = (await store.list('place', caseId, { limit: 1000 })).find((p) => p.body.parentId)!;
    const before = await store.count('testimony', caseId);
    await page.goto(`${base}/c/${caseId}/intake`);
    // The case navigation is folded behind a button on a phone.
    assert.equal(await page.locator('nav.side').isVisible(), false);
    await page.getByRole('button', { name: 'Menú del caso' }).click();
    assert.equal(await page.locator('nav.side').isVisible(), true);
    await page.getByRole('button', { name: 'Ocultar el menú' }).click();
    await page.getByRole('button', { name: 'Empezar una entrevista nueva' }).click();
    await page.fill('input[name=interviewer]', 'Documentadora E2E');
    await next();
    await saved();
    await page.fill('input[name="witness.givenNames"]', 'Carmen');
    await page.fill('input[name="witness.firstSurname"]', 'Quintero');
    await page.selectOption('select[name=witnessRelation]', 'relative_of_victim');
    await next();
    await page.getByRole('button', { name: 'Añadir una víctima' }).click();
    await page.getByRole('button', { name: 'Añadir una víctima' }).click();
    await page.fill('input[name="victims.0.givenNames"]', 'Luis');
    await page.fill('input[name="victims.0.firstSurname"]', 'Quintero');
    await page.fill('input[name="victims.1.givenNames"]', 'Ana');
    await page.fill('input[name="victims.1.firstSurname"]', 'Berroterán');
    await next();
    await page.fill('input[name=date]', '03/08/2017');
    await page.getByText('Se registrará como: 3 de agosto de 2017').waitFor();
    await page.fill('input[name=placeSearch]', String(place.body.name));
    await page.locator('.place-results button').first().click();
    assert.match(
      (await page.getByTestId('place-chosen').textContent())!,
      /›/,
      'the place shown with its path',
    );
    await axe(page, 'interview (incident)');
    await shot(page, 'intake-phone-incident');
    await noSideways(page, 'incident step');
    await page.locator('input[name=date]').focus();
    await page.locator('input[name=date]').blur();
    await onServer((d) => d.answers.step === 'incident' && d.answers.placeId === place.id);

    // Leave and come back: the draft is listed by initials, date and step, and resumes at that step.
    await page.goto(`${base}/c/${caseId}/intake`);
    const draft = page.getByTestId('draft');
    await draft.waitFor();
    assert.match((await draft.textContent())!, /C\. Q\..*Cuándo y dónde/);
    await draft.getByRole('button', { name: 'Continuar' }).click();
    assert.equal(await page.inputValue('input[name=date]'), '03/08/2017');
    await next();

    await page.getByRole('button', { name: 'Añadir un acto' }).click();
    await page.getByRole('button', { name: 'Añadir un acto' }).click();
    await page.getByRole('button', { name: 'Añadir un acto' }).click();
    const acts = page.getByTestId('act');
    await acts.nth(0).locator('select[name="acts.0.victimKey"]').selectOption({ label: 'Luis Quintero' });
    await acts.nth(0).locator('select[name="acts.0.type"]').selectOption('arbitrary_detention');
    // Methods follow the act type: no electric shock offered for a detention.
    assert.equal(await acts.nth(0).locator('input[value=electric_shock]').count(), 0);
    await acts.nth(0).locator('input[value=blindfolding]').check();
    await acts.nth(1).locator('select[name="acts.1.victimKey"]').selectOption({ label: 'Luis Quintero' });
    await acts.nth(1).locator('select[name="acts.1.type"]').selectOption('torture');
    await acts.nth(1).locator('input[value=electric_shock]').check();
    await acts.nth(2).locator('select[name="acts.2.victimKey"]').selectOption({ label: 'Ana Berroterán' });
    await acts.nth(2).locator('select[name="acts.2.type"]').selectOption('arbitrary_detention');
    await noSideways(page, 'acts step');
    await shot(page, 'intake-phone-acts');
    await next();

    const statement = 'Llegaron de noche y se los llevaron a los dos. '.repeat(3200).slice(0, 150_000);
    await page.fill('textarea[name=statement]', statement);
    await next();
    // The whole statement is on the server, sealed, before finishing (and the step it was left at).
    await onServer((d) => d.answers.step === 'review' && d.answers.statement.length === 150_000);
    await shot(page, 'intake-phone-review');

    // The server writes everything but the answer never arrives; finishing again writes nothing twice.
    let lost = 0;
    await page.route('**/finish', async (route) => {
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Terminar y registrar' }).click();
    await page.locator('[role=alert][data-code=network]').waitFor();
    await page.unroute('**/finish');
    assert.equal(lost, 1);
    await page.getByRole('button', { name: 'Terminar y registrar' }).click();
    await page.getByTestId('intake-done').waitFor();
    await noSideways(page, 'done');

    assert.equal(await store.count('testimony', caseId), before + 1, 'one testimony, not two');
    const tes = (await store.list('testimony', caseId, { limit: 5000 })).find(
      (r) => r.body.statement === statement,
    )!;
    assert.equal(tes.body.witnessRelation, 'relative_of_victim');
    assert.equal(tes.body.supports.actIds.length, 3);
    const acted = await Promise.all(
      tes.body.supports.actIds.map(async (a) => (await store.get('act', a))!.body),
    );
    const victims = new Set(acted.map((a) => a.victimId));
    assert.equal(victims.size, 2);
    assert.ok(!victims.has(tes.body.witnessId!), 'the witness is not a victim');
    assert.deepEqual(acted[1]!.methods, ['electric_shock']);
    assert.deepEqual(acted[0]!.date, { precision: 'day', value: '2017-08-03' });
    const event = (await store.get('event', tes.body.supports.eventIds[0]!))!.body;
    assert.ok(!/Carmen|Quintero|Luis|Ana|Berroterán/.test(event.title), event.title);
  });

  it('a session ended mid-step loses nothing; a second tab without the token saves', async () => {
    await page.goto(`${base}/c/${caseId}/intake`);
    await page.getByRole('button', { name: 'Empezar una entrevista nueva' }).click();
    for (let i = 0; i < 5; i++) await next();
    const first = 'Primera parte del relato, antes de que la sesión termine.';
    await page.fill('textarea[name=statement]', first);
    const n0 = await saves();
    await page.locator('textarea[name=statement]').blur();
    await saved(page, n0);
    // The server ends every session (expiry, revocation) while the documenter keeps typing.
    await store.sqlHandle.run('UPDATE session SET revoked_at = ?', [new Date().toISOString()]);
    const full = `${first}\nSegunda parte, escrita cuando la sesión ya no valía.`;
    await page.fill('textarea[name=statement]', full);
    await page.locator('textarea[name=statement]').blur();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot(page, 'intake-phone-reauth');
    assert.equal(await page.inputValue('textarea[name=statement]'), full, 'the page stays as it was');
    await dialog.locator('input[name=reauth-password]').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Seguir' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page, n0 + 1);
    const uid = await userId();
    const svc = new InterviewService(store);
    const onServer = async () =>
      (await svc.drafts(caseId, uid)).find((d) => d.answers.statement.startsWith('Primera parte'))!;
    assert.equal((await onServer()).answers.statement, full);

    // A tab opened from a bookmark, with no CSRF token in the browser at all.
    const tab = await ctx.newPage();
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`${base}/c/${caseId}/intake`);
    await tab.evaluate(() => localStorage.removeItem('testigo.csrf'));
    await tab.getByRole('button', { name: 'Empezar una entrevista nueva' }).click();
    await tab.fill('input[name=interviewer]', 'Segunda pestaña');
    await next(tab);
    await saved(tab);
    assert.ok(
      (await svc.drafts(caseId, uid)).some((d) => d.answers.interviewer === 'Segunda pestaña'),
      'the second tab saved',
    );
    // The first tab's token was replaced by the second's: it still saves.
    const n2 = await saves();
    await page.fill('textarea[name=statement]', `${full} Tercera parte.`);
    await page.locator('textarea[name=statement]').blur();
    await saved(page, n2);
    assert.equal((await onServer()).answers.statement, `${full} Tercera parte.`);
    await tab.close();
    assert.deepEqual(errors, []);
  });
  it('walks every view in Spanish on a phone: no English string, no raw code, nothing wider than the screen', async () => {
    type Tree = { [k: string]: string | Tree };
    const leaves = (t: Tree, out: string[] = []): string[] => {
      for (const v of Object.values(t)) typeof v === 'string' ? out.push(v) : leaves(v, out);
      return out;
    };
    // The catalogues are the web app's (outside this package's rootDir): loaded at run time.
    const catalogue = async (lang: string) =>
      ((await import(join(ROOT, 'web', 'src', 'locales', `${lang}.ts`))) as Record<string, Tree>)[lang]!;
    const [es, en] = [await catalogue('es'), await catalogue('en')];
    const spanish = new Set(leaves(es));
    // English strings that cannot also be Spanish text: long enough, with a space, not in es.ts.
    const english = [...new Set(leaves(en))]
      .map((s) => s.split('{{')[0]!.trim())
      .filter((s) => s.length >= 8 && s.includes(' ') && !spanish.has(s));
    // The case views but administration and audit (a documenter's walk).
    const views = CASE_VIEWS.filter((v) => v !== 'admin' && v !== 'audit');
    const found: string[] = [];
    for (const v of views) {
      await page.goto(`${base}/c/${caseId}/${v}`);
      await page.waitForLoadState('networkidle');
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
      const text = await page.evaluate(() => document.body.innerText);
      for (const s of english) if (text.includes(s)) found.push(`${v || 'dashboard'}: English "${s}"`);
      for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g))
        found.push(`${v || 'dashboard'}: code ${m[0]}`);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 390) {
        const wide = await page.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter((e) => e.getBoundingClientRect().right > 391)
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
            .join(', '),
        );
        found.push(`${v || 'dashboard'}: ${w} px wide (${wide})`);
      }
    }
    assert.deepEqual([...new Set(found)], []);
  });
});
