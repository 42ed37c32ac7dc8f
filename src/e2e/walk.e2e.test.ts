/**
 * End-to-end in headless Chromium on the demo store: every view (the case's, the administrator's,
 * the account settings) walked in Spanish and in English, on a laptop (1280 px) and a phone
 * (390 px), as the administrator (who sees every view). Fails on any string of the other
 * language's catalogue, any raw snake_case code, and any page wider than the screen. Then the
 * account screens: server refusals in Spanish with their values, a password change and its
 * security notice, a role change that waits for a confirmation naming its consequence, and an
 * existing person linked in the interview instead of typed again. Screenshots: test-artifacts/e2e/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { type InterviewDraft, InterviewService } from '../services/intake.js';
import type { CaseStore } from '../store/case-store.js';
import {
  CASE_VIEWS,
  DEMO_PASSWORD,
  type E2E,
  ROOT,
  SHOTS,
  signIn,
  startE2E,
  viewport,
} from '../test-support/e2e.js';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, out: string[] = []): string[] => {
  for (const v of Object.values(t)) typeof v === 'string' ? out.push(v) : leaves(v, out);
  return out;
};
// The catalogues are the web app's (outside this package's rootDir): loaded at run time.
const catalogue = async (lang: string) =>
  ((await import(join(ROOT, 'web', 'src', 'locales', `${lang}.ts`))) as Record<string, Tree>)[lang]!;

// Case data is in the language it was recorded in (the demo case is Spanish): these pieces of it
// read like interface strings of the other catalogue and are not.
const DATA = [
  'Panel de expertos independientes (ficticio)',
  // Titles of the demo's web-capture evidence ("Captura web: nota del Diario Ficticio…").
  'Captura web:',
  'Captura web (demo)',
];

describe('every view in Spanish and English, laptop and phone; accounts in the browser', () => {
  let env: E2E;
  let store: CaseStore;
  let caseId: string;
  let base: string;
  const errors: string[] = [];

  before(async () => {
    env = await startE2E('testigo-e2e-walk-');
    ({ store, caseId, base } = env);
  });
  after(async () => {
    await env?.close();
  });

  // One browser context for the whole file (the bundled Chromium runs as a single process and does
  // not take a second context reliably): each part clears the cookies, sets the screen width and
  // the language the person chose, and signs in.
  let page: Page;
  async function open(lang: 'es' | 'en', size: 'laptop' | 'phone', username: string): Promise<Page> {
    if (!page) {
      page = await (await env.browser.newContext(viewport('laptop'))).newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
    }
    await page.context().clearCookies();
    await page.setViewportSize(size === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await page.evaluate((l) => localStorage.setItem('testigo.lang', l), lang);
    await signIn(page, base, username);
    return page;
  }

  /** Strings of the other language: long enough, with a space, and not also in this language. */
  async function foreign(lang: 'es' | 'en'): Promise<string[]> {
    const [own, other] =
      lang === 'es'
        ? [await catalogue('es'), await catalogue('en')]
        : [await catalogue('en'), await catalogue('es')];
    const mine = new Set(leaves(own).map((s) => s.split('{{')[0]!.trim()));
    return [...new Set(leaves(other))]
      .map((s) => s.split('{{')[0]!.trim())
      .filter((s) => s.length >= 8 && s.includes(' ') && !mine.has(s));
  }

  const walks: ['es' | 'en', 'laptop' | 'phone', string][] = [
    ['es', 'laptop', 'demo-admin'],
    ['es', 'phone', 'demo-admin'],
    ['en', 'laptop', 'demo-admin'],
    ['en', 'phone', 'demo-admin'],
    // The least access: withheld records, refusals and empty states must be Spanish too.
    ['es', 'phone', 'demo-viewer'],
    // The analyst (no clearance) and the panelist see other views and other refusals.
    ['es', 'laptop', 'demo-analyst'],
    ['es', 'phone', 'demo-panelist'],
  ];
  for (const [lang, size, user] of walks)
    it(`walks every view in ${lang === 'es' ? 'Spanish' : 'English'} on a ${size} as ${user}`, async () => {
      const width = size === 'phone' ? 390 : 1280;
      await open(lang, size, user);
      const wrong = await foreign(lang);
      const found: string[] = [];
      const paths = [...CASE_VIEWS.map((v) => `/c/${caseId}/${v}`), '/settings'];
      for (const path of paths) {
        const name = path.split('/').pop() || 'dashboard';
        await page.goto(`${base}${path}`);
        await page.waitForLoadState('networkidle');
        await page.locator('h1, [role=alert]').first().waitFor();
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
        const shown = await page.evaluate(() => document.body.innerText);
        // Data is not interface: the demo panel's name is Spanish in both languages.
        const text = DATA.reduce((acc, d) => acc.replaceAll(d, ''), shown);
        for (const s of wrong) if (text.includes(s)) found.push(`${name}: "${s}"`);
        for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) found.push(`${name}: code ${m[0]}`);
        if (lang === 'es' && text.includes('[withheld]')) found.push(`${name}: [withheld]`);
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > width) {
          const wide = await page.evaluate(
            (limit) =>
              Array.from(document.querySelectorAll('body *'))
                .filter((e) => e.getBoundingClientRect().right > limit + 1)
                .slice(0, 3)
                .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
                .join(', '),
            width,
          );
          found.push(`${name}: ${w} px wide (${wide})`);
        }
        await page.screenshot({
          path: join(SHOTS, `walk-${user}-${lang}-${size}-${name}.png`),
          fullPage: true,
        });
      }
      assert.deepEqual([...new Set(found)], []);
    });

  it('says server refusals in Spanish with their values; a password change leaves a notice', async () => {
    // Sign-in refused: the reason, not "unauthenticated".
    await open('es', 'phone', 'demo-documenter');
    await page.context().clearCookies();
    await page.goto(`${base}/`);
    await page.fill('input[name=username]', 'demo-analyst');
    await page.fill('input[name=password]', 'not the password at all');
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /Usuario, contraseña o código incorrectos/,
    );

    await signIn(page, base, 'demo-analyst');
    await page.goto(`${base}/settings`);
    const form = page.locator('form[aria-labelledby=password-title]');
    const fresh = 'el río crece despacio en agosto';
    await form.locator('input[name=pw-current]').fill('una contraseña equivocada');
    await form.locator('input[name=pw-new]').fill(fresh);
    await form.locator('input[name=pw-again]').fill(fresh);
    await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await form.getByRole('alert').waitFor();
    assert.match((await form.getByRole('alert').textContent()) ?? '', /La contraseña actual no es correcta/);
    await form.locator('input[name=pw-current]').fill(DEMO_PASSWORD);
    await form.locator('input[name=pw-new]').fill('password1234');
    await form.locator('input[name=pw-again]').fill('password1234');
    await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.waitForFunction(() =>
      document
        .querySelector('form[aria-labelledby=password-title] [role=alert]')
        ?.textContent?.includes('común'),
    );
    assert.match(
      (await form.getByRole('alert').textContent()) ?? '',
      /Contraseña nueva: es común o apareció en filtraciones/,
    );
    await form.locator('input[name=pw-new]').fill(fresh);
    await form.locator('input[name=pw-again]').fill(fresh);
    await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await form.getByText('Contraseña cambiada').waitFor();
    await page.reload();
    await page.getByTestId('notices').getByText('Se cambió la contraseña.').waitFor();
    await page.getByText('1 aviso nuevo').waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-notice-phone.png'), fullPage: true });
  });

  it('asks before a promotion and names it; refuses a common password with the field named', async () => {
    await open('es', 'laptop', 'demo-admin');
    await page.goto(`${base}/c/${caseId}/admin`);
    const select = page.getByLabel('Rol de demo-viewer');
    await select.selectOption('administrator');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /pasará a tener el rol «administración»/);
    await page.screenshot({ path: join(SHOTS, 'admin-confirm-laptop.png') });
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    const role = async () =>
      (
        await store.sqlHandle.get<{ role: string }>(
          'SELECT m.role FROM case_member m JOIN app_user u ON u.id = m.user_id WHERE u.username = ? AND m.case_id = ?',
          ['demo-viewer', caseId],
        )
      )?.role;
    assert.equal(await role(), 'viewer', 'nothing changes without the confirmation');
    assert.equal(await select.inputValue(), 'viewer');
    await select.selectOption('analyst');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Guardado.').waitFor();
    assert.equal(await role(), 'analyst');

    const create = page.getByRole('form', { name: 'Nueva cuenta' });
    await create.locator('input[name=newUsername]').fill('nueva.persona');
    await create.locator('input[name=newPassword]').fill('password1234');
    await create.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /Contraseña: es común o apareció en filtraciones/,
    );

    // A temporary password for someone who forgot theirs: typed in the dialog that names the consequence.
    const row = page.getByRole('row').filter({ hasText: '(demo-viewer)' });
    await row.getByRole('button', { name: 'Contraseña temporal' }).click();
    const reset = page.getByRole('alertdialog');
    assert.match((await reset.textContent()) ?? '', /tendrá que cambiarla al entrar/);
    await reset.locator('input[name=tempPassword]').fill('una temporal para la consulta 2026');
    await reset.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Contraseña temporal de').waitFor();
    const viewer = await store.sqlHandle.get<{ must_change_password: number }>(
      'SELECT must_change_password FROM app_user WHERE username = ?',
      ['demo-viewer'],
    );
    assert.equal(Number(viewer?.must_change_password), 1);
  });

  it('a new account changes its password, then enrols two-step verification with a QR code, before anything else', async () => {
    await open('es', 'phone', 'demo-admin');
    await page.goto(`${base}/c/${caseId}/admin`);
    const temp = 'temporal de la administración 2026';
    const create = page.getByRole('form', { name: 'Nueva cuenta' });
    await create.locator('input[name=newUsername]').fill('primera.vez');
    await create.locator('input[name=newPassword]').fill(temp);
    await create.locator('input[name=require2fa]').check();
    await create.getByRole('button', { name: 'Crear' }).click();
    await page.getByText('Cuenta creada y añadida al caso.').waitFor();

    await page.context().clearCookies();
    await page.goto(`${base}/`);
    await page.fill('input[name=username]', 'primera.vez');
    await page.fill('input[name=password]', temp);
    await page.click('button[type=submit]');
    const first = page.getByTestId('first-sign-in');
    await first.waitFor();
    assert.equal(await first.getAttribute('data-step'), 'password_change_required');
    assert.equal(await page.locator('nav.side').count(), 0, 'no case navigation before the change');
    // Typing a case address does not get around it (the server refuses the case's calls too).
    await page.goto(`${base}/c/${caseId}/persons`);
    await first.waitFor();
    await page.screenshot({ path: join(SHOTS, 'first-sign-in-password-phone.png'), fullPage: true });
    const form = page.locator('form[aria-labelledby=password-title]');
    const mine = 'la llave de la casa azul de mi abuela';
    await form.locator('input[name=pw-current]').fill(temp);
    await form.locator('input[name=pw-new]').fill(temp);
    await form.locator('input[name=pw-again]').fill(temp);
    await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await form.getByText('debe ser distinta de la que le dieron').waitFor();
    await form.locator('input[name=pw-new]').fill(mine);
    await form.locator('input[name=pw-again]').fill(mine);
    await form.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.waitForSelector('[data-testid=first-sign-in][data-step=twofa_enrolment_required]');

    await page.locator('input[name=current-password]').fill(mine);
    await page.getByRole('button', { name: 'Activar' }).click();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    // The QR code is drawn in the page: a whole symbol (version 8 at level M for this URI length),
    // one square per dark module, inside the quiet zone.
    const modules = Number(await qr.getAttribute('data-modules'));
    assert.ok(modules >= 21 && (modules - 17) % 4 === 0, `a QR symbol size: ${modules}`);
    assert.equal(await qr.getAttribute('viewBox'), `0 0 ${modules + 8} ${modules + 8}`);
    const squares = ((await qr.locator('path').getAttribute('d')) ?? '').split('z').length - 1;
    assert.ok(squares > (modules * modules) / 4, `${squares} dark modules`);
    assert.equal(await qr.getAttribute('aria-label'), 'Código QR para su aplicación de autenticación');
    await page.screenshot({ path: join(SHOTS, 'first-sign-in-qr-phone.png'), fullPage: true });
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.locator('input[name=code]').fill(code.generate());
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByRole('button', { name: 'He guardado los códigos: continuar' }).click();
    await page.waitForSelector('nav.side', { state: 'attached' });
    const u = await store.sqlHandle.get<{ must_change_password: number; totp_enabled: number }>(
      'SELECT must_change_password, totp_enabled FROM app_user WHERE username = ?',
      ['primera.vez'],
    );
    assert.equal(Number(u?.must_change_password), 0);
    assert.equal(Number(u?.totp_enabled), 1);
  });

  it('links a person already in the case as the witness instead of typing them again', async () => {
    await open('es', 'phone', 'demo-documenter');
    const p = (await store.list('person', caseId, { limit: 50 })).find(
      (x) => ((x.body as { firstSurname?: string }).firstSurname ?? '').length > 3,
    );
    assert.ok(p, 'a person with a surname in the demo case');
    const surname = (p.body as { firstSurname: string }).firstSurname;
    await page.goto(`${base}/c/${caseId}/intake`);
    await page.getByRole('button', { name: 'Empezar una entrevista nueva' }).click();
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    await page.fill('input[name="witness.link"]', surname);
    const pick = page.getByRole('button', { name: new RegExp(`^Elegir: .*${surname}`) }).first();
    await pick.waitFor();
    await pick.click();
    await page.getByTestId('witness-linked').waitFor();
    await page.screenshot({ path: join(SHOTS, 'intake-link-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Guardar y seguir' }).click();
    const uid = (await store.sqlHandle.get<{ id: string }>('SELECT id FROM app_user WHERE username = ?', [
      'demo-documenter',
    ]))!.id;
    let d: InterviewDraft | undefined;
    for (let i = 0; i < 100 && !d; i++) {
      d = (await new InterviewService(store).drafts(caseId, uid)).find((x) => x.answers.witness.personId);
      if (!d) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(d, 'the draft on the server links the record');
    assert.equal((await store.get('person', d.answers.witness.personId!))?.caseId, caseId);
    assert.deepEqual(errors, []);
  });
});
