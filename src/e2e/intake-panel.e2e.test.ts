/**
 * End-to-end: panel sign-off in a real headless Chromium on a phone (390×844), on the demo store.
 * No opinion is preselected; signing is two steps — the frozen version's number, its content hash
 * and the member's own opinions are shown first, and nothing is signed until the member confirms
 * with the key file chosen; a later change that voids the signature leaves a notice on the panel
 * view until the member acknowledges it. Screenshots go to test-artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { prepareReport } from '../report/build.js';
import { setOpinion } from '../review/panel.js';
import type { CaseStore } from '../store/case-store.js';
import { axe, type E2E, SHOTS, signIn, startE2E, viewport } from '../test-support/e2e.js';

describe('panel sign-off with an explicit confirmation; voided signatures are told (Chromium, 390×844)', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    env = await startE2E('testigo-e2e-panel-');
    ({ store, caseId } = env);
    page = await (await env.browser.newContext(viewport('phone'))).newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, env.base, 'demo-panelist');
  });
  after(async () => {
    await env?.close();
  });

  const signatures = async () => (await store.list('signature', caseId, { limit: 1000 })).length;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('chooses an opinion, sees what is signed, and signs only after confirming', async () => {
    await page.goto(`${env.base}/c/${caseId}/panel`);
    await page.selectOption('select[name=target]', 'CTX.policy');
    const opinion = page.getByRole('form', { name: 'Mi opinión' });
    await opinion.waitFor();
    assert.equal(await opinion.locator('input[name=position]:checked').count(), 0, 'nothing preselected');
    assert.equal(await opinion.getByRole('button', { name: 'Guardar opinión' }).isDisabled(), true);
    await opinion.locator('input[name=position][value=disagree]').check();
    await opinion
      .locator('textarea[name=reasons]')
      .fill('La orden citada no prueba una política del Estado.');
    await opinion.getByRole('button', { name: 'Guardar opinión' }).click();
    await page.getByText('Opinión guardada.').waitFor();

    const before = await signatures();
    await page.getByRole('button', { name: 'Revisar y firmar la versión actual' }).click();
    const confirm = page.getByTestId('sign-confirm');
    await confirm.waitFor();
    const current = await prepareReport(store, caseId, { actor: 'test' });
    assert.equal((await page.getByTestId('sign-hash').textContent())?.trim(), current.contentSha256);
    assert.match(
      (await confirm.textContent()) ?? '',
      new RegExp(`Versión ${current.version!.number} del informe`),
    );
    assert.match(
      (await page.getByTestId('sign-opinions').textContent()) ?? '',
      /en desacuerdo \(disidencia\)/,
      'the member sees their own opinion before signing',
    );
    const go = confirm.getByRole('button', { name: 'Firmar esta versión con mi clave' });
    assert.equal(await go.isDisabled(), true, 'no key, no signing');
    await page.setInputFiles('input[name=key]', join(env.dir, 'demo-panel-keys', 'demo-panelist.pem'));
    await axe(page, 'panel sign confirmation');
    await shot('panel-sign-confirm-phone');
    assert.equal(await signatures(), before, 'choosing the key signs nothing');
    await go.click();
    await page.getByText('Firma registrada.').waitFor();
    assert.equal(await signatures(), before + 1);
    assert.equal(await page.getByTestId('sign-confirm').count(), 0);
  });

  it('a change that voids the signature leaves a notice until it is acknowledged', async () => {
    // Another member changes an opinion; the next freeze makes a new version and voids signatures.
    await setOpinion(store, caseId, { target: 'CAH.7-1-e', position: 'abstain' }, 'demo-panelist-2');
    await prepareReport(store, caseId, { actor: 'user:test', freeze: true });
    await page.goto(`${env.base}/c/${caseId}/panel`);
    const notice = page.getByTestId('void-notice');
    await notice.waitFor();
    assert.match(
      (await notice.textContent()) ?? '',
      /Su firma de la versión \d+ quedó anulada porque el contenido cambió/,
    );
    await shot('panel-void-notice-phone');
    // Still there after a reload: it is stored, not a toast.
    await page.reload();
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Entendido' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Revisar y firmar la versión actual' }).waitFor();
    assert.equal(await page.getByTestId('void-notice').count(), 0);
    const left = await store.sqlHandle.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM panel_notice WHERE member = 'demo-panelist' AND seen_at IS NULL",
    );
    assert.equal(Number(left?.n), 0);
    assert.deepEqual(errors, []);
  });
});
