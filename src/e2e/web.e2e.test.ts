/**
 * End-to-end: a real headless Chromium (@sparticuz/chromium + playwright-core, no browser
 * download) drives the built web app against a running server on a fresh demo store. Covers
 * sign-in with 2FA, a full testimony intake, evidence upload and its hash, search with a facet,
 * a linkage decision, the case-matrix drill-down, a panel comment, opinion and sign-off, report
 * download, public submissions (one accepted, one refused as spam), language switching and
 * sign-out after inactivity; axe-core checks every main view for serious or critical violations.
 * Screenshots go to test-artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import type { CaseStore } from '../store/case-store.js';
import { axe, DEMO_PASSWORD, type E2E, SHOTS, startE2E, viewport } from '../test-support/e2e.js';

const PASSWORD = DEMO_PASSWORD;

describe('web app end to end (headless Chromium)', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  let lastStep = 0;

  before(async () => {
    env = await startE2E('testigo-e2e-', { intake: { powBits: 12 } });
    ({ store, caseId, base } = env);
    ctx = await env.browser.newContext(viewport('laptop'));
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  });

  after(async () => {
    await env?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  const go = async (path: string) => {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
  };
  async function signIn(username: string, totp?: string) {
    await go('/');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    if (totp) await page.fill('input[name=totp]', totp);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav.side');
  }
  async function signOut() {
    await page.getByRole('button', { name: /Cerrar sesión|Sign out/ }).click();
    await page.waitForSelector('input[name=username]');
  }

  it('signs in with two-step verification', async () => {
    await go('/');
    await axe(page, 'sign-in');
    await shot('signin');
    await signIn('demo-documenter');
    await go('/settings');
    await page.fill('input[name=current-password]', PASSWORD);
    await page.getByRole('button', { name: /verificación en dos pasos/ }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.fill('input[name=code]', await freshCode(totp));
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await signOut();
    // Without the code the password alone is refused.
    await go('/');
    await page.fill('input[name=username]', 'demo-documenter');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    await signIn('demo-documenter', await freshCode(totp));
    assert.match(page.url(), new RegExp(`/c/${caseId}`));
    await axe(page, 'dashboard');
    await shot('dashboard');
  });

  it('takes a full testimony, saved as it is typed', async () => {
    await go(`/c/${caseId}/intake`);
    await page.getByRole('button', { name: 'Empezar una entrevista nueva' }).click();
    await axe(page, 'intake');
    await page.selectOption('select[name=consent]', 'courts');
    await page.selectOption('select[name=protection]', 'protected');
    await page.fill('input[name=interviewer]', 'Documentadora E2E');
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.getByText(/Borrador guardado/).waitFor();
    await page.fill('input[name="witness.givenNames"]', 'Valentina');
    await page.fill('input[name="witness.firstSurname"]', 'Prueba');
    await page.fill('input[name="witness.secondSurname"]', 'Extremo');
    await page.check('input[name=witnessIsVictim]');
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.fill('input[name=date]', '12/05/2017');
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.getByRole('button', { name: 'Añadir un acto' }).click();
    await page.selectOption('select[name="acts.0.type"]', 'torture');
    await page.check('input[value=beating]');
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.fill(
      'textarea[name=statement]',
      'Me detuvieron frente a mi casa y me golpearon durante el interrogatorio.',
    );
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.getByRole('button', { name: 'Terminar y registrar' }).waitFor();
    await shot('intake-review');
    await page.getByRole('button', { name: 'Terminar y registrar' }).click();
    await page.getByTestId('intake-done').waitFor();
    const done = (await store.list('testimony', caseId, { limit: 5000 })).find((r) =>
      /golpearon durante el interrogatorio/.test((r.body as { statement: string }).statement),
    )!.body as {
      draft?: boolean;
      witnessId?: string;
      witnessRelation?: string;
      supports: { actIds: string[] };
      protection: string;
    };
    assert.equal(done.draft, false);
    assert.equal(done.protection, 'protected');
    assert.equal(done.witnessRelation, 'victim');
    assert.equal(done.supports.actIds.length, 1);
    const act = (await store.get('act', done.supports.actIds[0]!))!.body as {
      type: string;
      methods: string[];
      victimId: string;
      date: unknown;
    };
    assert.deepEqual([act.type, act.methods], ['torture', ['beating']]);
    assert.equal(act.victimId, done.witnessId);
    assert.deepEqual(act.date, { precision: 'day', value: '2017-05-12' });
  });

  it('uploads evidence; the browser’s SHA-256 matches the server’s; custody is shown', async () => {
    await go(`/c/${caseId}/evidence`);
    const file = join(env.dir, 'foto.png');
    // A 1×1 PNG.
    writeFileSync(
      file,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    await page.setInputFiles('input[name=file]', file);
    await page.getByTestId('local-sha256').waitFor();
    const local = (await page.getByTestId('local-sha256').textContent())!.trim();
    await page.fill('input[name=title]', 'Foto E2E');
    await page.check('input[name=graphic]');
    await page.getByRole('button', { name: 'Subir' }).click();
    const result = page.getByTestId('upload-result');
    await result.waitFor();
    assert.match((await result.textContent())!, new RegExp(local));
    assert.match((await result.textContent())!, /Recibida íntegra/);
    await page.getByRole('link', { name: 'Foto E2E' }).first().click();
    await page.getByTestId('sha256').waitFor();
    assert.equal((await page.getByTestId('sha256').textContent())!.trim(), local);
    await page.getByRole('button', { name: 'Abrir la prueba' }).click();
    await page.getByTestId('preview').waitFor();
    assert.match(
      (await page.getByTestId('preview').getAttribute('class')) ?? '',
      /blurred/,
      'graphic material starts blurred',
    );
    await axe(page, 'evidence detail');
    await shot('evidence');
  });

  it('searches with a facet', async () => {
    await go(`/c/${caseId}/search`);
    await page.fill('input[name=q]', 'detención');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.locator('.hits li').first().waitFor();
    const before = (await page.getByRole('status').first().textContent())!;
    await page.locator('fieldset.facet', { hasText: 'Tipo de registro' }).locator('input').first().check();
    await page.waitForFunction((b) => document.querySelector('[role=status]')?.textContent !== b, before);
    assert.ok((await page.locator('mark').count()) > 0, 'highlighted snippets');
    await axe(page, 'search');
    await shot('search');
    await signOut();
  });

  it('records a linkage review decision', async () => {
    await signIn('demo-analyst');
    const decisions = (await store.linkDecisions(caseId)).length;
    await go(`/c/${caseId}/linkage`);
    await page.getByTestId('pair').first().waitFor();
    await axe(page, 'linkage review');
    await shot('linkage');
    await page.getByTestId('pair').first().getByRole('button', { name: 'Misma persona' }).click();
    await page.getByText('Registrado: misma persona.').waitFor();
    assert.equal((await store.linkDecisions(caseId)).length, decisions + 1);
  });

  it('drills down the case matrix to an incident and its evidence', async () => {
    await go(`/c/${caseId}/matrix`);
    await page.locator('table.matrix').waitFor();
    await axe(page, 'case matrix');
    await shot('matrix');
    await page
      .locator('table.matrix')
      .getByRole('link', { name: /Tortura/ })
      .first()
      .click();
    await page.locator('table.matrix tbody th[scope=row] a').first().click();
    const incident = page.getByTestId('incident');
    await incident.waitFor();
    assert.ok(
      (await incident.locator('.status').count()) >= 3,
      'each element of the incident with its status',
    );
    await axe(page, 'matrix drill-down');
    await shot('matrix-incident');
    await go(`/c/${caseId}/responsibility`);
    await page.locator('details').first().waitFor();
    await axe(page, 'responsibility');
    await signOut();
  });

  it('a panel member comments, gives an opinion and signs with their own key', async () => {
    await signIn('demo-panelist');
    await go(`/c/${caseId}/panel`);
    await page.selectOption('select[name=target]', 'CTX.policy');
    await page.fill('textarea[name=comment]', 'Pidamos a la fuente interna una segunda orden.');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByText('Comentario publicado.').waitFor();
    await page.check('input[name=position][value=agree]');
    await page.getByRole('button', { name: 'Guardar opinión' }).click();
    await page.getByText('Opinión guardada.').waitFor();
    // Signing is confirmed after seeing what is signed (src/e2e/intake-panel.e2e.test.ts).
    await page.getByRole('button', { name: 'Revisar y firmar la versión actual' }).click();
    await page.setInputFiles('input[name=key]', join(env.dir, 'demo-panel-keys', 'demo-panelist.pem'));
    await page.getByRole('button', { name: 'Firmar esta versión con mi clave' }).click();
    await page.getByText('Firma registrada.').waitFor();
    await page.getByRole('cell', { name: 'sí', exact: true }).first().waitFor();
    await axe(page, 'panel');
    await shot('panel');
  });

  it('downloads the report', async () => {
    await go(`/c/${caseId}/report`);
    await axe(page, 'report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-public-es-pdf').click(),
    ]);
    const path = await download.path();
    assert.equal(readFileSync(path!).subarray(0, 5).toString(), '%PDF-');
    await signOut();
  });

  it('a public submission reaches quarantine and is accepted; a spam submission is refused', async () => {
    await go(`/submit/${caseId}`);
    await page.locator('textarea[name=text]').waitFor();
    await axe(page, 'public intake');
    await page.fill(
      'textarea[name=text]',
      'El 3 de agosto de 2017 se llevaron a mi hermano de la casa en Maracay unos funcionarios encapuchados.',
    );
    await page.fill('input[name=where]', 'Maracay, Aragua');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByTestId('receipt').waitFor({ timeout: 60_000 });
    await shot('public-intake');
    // A bot fills the field people never see.
    await go(`/submit/${caseId}`);
    await page.fill(
      'textarea[name=text]',
      'BUY CHEAP PILLS NOW!!! best prices http://spam.example http://spam.example',
    );
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[name=website]')!;
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(el, 'http://spam.example');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('alert').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('receipt').count(), 0);
    // Spam typed by a person passes the anti-bot checks and waits in quarantine to be rejected.
    await go(`/submit/${caseId}`);
    await page.fill(
      'textarea[name=text]',
      'Gana dinero desde casa!!! Invierte en BITCOIN www.pump-signals.xyz www.crypto.top',
    );
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByTestId('receipt').waitFor({ timeout: 60_000 });

    await signIn(
      'demo-documenter',
      await freshCode(
        new TOTP({ secret: Secret.fromBase32(await documenterSecret()), digits: 6, period: 30 }),
      ),
    );
    await go(`/c/${caseId}/submissions`);
    const card = page.getByTestId('submission').filter({ hasText: 'Maracay' });
    await card.waitFor();
    await axe(page, 'submissions');
    await card.getByRole('button', { name: 'Aceptar' }).click();
    await page.getByText('Aceptado: se creó un testimonio.').waitFor();
    const spam = page.getByTestId('submission').filter({ hasText: 'BITCOIN' });
    await spam.getByRole('button', { name: 'Rechazar' }).click();
    await spam.waitFor({ state: 'detached' });
    const stored = (await store.list('submission', caseId, { limit: 100, sort: 'created' })).map(
      (r) => r.body,
    );
    assert.deepEqual(
      stored.map((s) => s.status),
      ['accepted', 'rejected'],
      'the genuine one accepted, the spam one rejected; the honeypot one never stored',
    );
    assert.ok(
      stored[1]!.spamProbability > stored[0]!.spamProbability,
      'the classifier scored the spam higher',
    );
  });

  it('switches language and signs out after inactivity', async () => {
    await go(`/c/${caseId}/persons`);
    await page.getByRole('heading', { name: 'Personas' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Persons' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await axe(page, 'persons (en)');
    await shot('persons-en');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.evaluate(() => sessionStorage.setItem('testigo.idleMs', '1500'));
    await page.reload();
    await page.getByRole('heading', { name: 'Personas' }).waitFor();
    await page.getByText('Se cerró su sesión por inactividad.').waitFor({ timeout: 10_000 });
    assert.equal(errors.length, 0, errors.join('\n'));
  });

  /**
   * A code the server has not seen: each 30-second step is accepted once (no replay), so take the
   * next unused step of the current one or the next (the server accepts ±1), waiting when both are
   * used. Never the previous step: it drops out of the window at the next boundary, and a code
   * generated just before a boundary was refused on a slow machine (CI, stop 36).
   */
  async function freshCode(totp: TOTP): Promise<string> {
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(now, lastStep + 1);
      if (step <= now + 1) {
        lastStep = step;
        return totp.generate({ timestamp: step * 30_000 + 1000 });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** The documenter's TOTP secret, read back the way the server checks it (sealed in the store). */
  async function documenterSecret(): Promise<string> {
    const r = await store.sqlHandle.get<{ id: string; totp_secret: string }>(
      'SELECT id, totp_secret FROM app_user WHERE username = ?',
      ['demo-documenter'],
    );
    return store.sealer.open(r!.totp_secret, `totp:${r!.id}`);
  }
});
