import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword, PASSWORD_MAX, passwordProblem } from './password-policy.js';

describe('password policy (NIST SP 800-63B)', () => {
  it('accepts long passphrases without composition rules, including 64+ characters', () => {
    for (const pw of [
      'una contraseña larga de prueba',
      'all lower case words only here',
      'ñandú caminando por la sabana del llano',
      `${'x'.repeat(3)} a passphrase that is over sixty-four characters long, no digits at all`,
    ]) {
      assert.equal(passwordProblem(pw), undefined, pw);
    }
    assert.equal(passwordProblem(`${'a'.repeat(40)} b c d e f g h`), undefined);
  });

  it('refuses short, over-long, common, padded-common, repetitive, sequential and context passwords', () => {
    const refused: [string, RegExp][] = [
      ['short one', /too short/],
      [`${'y'.repeat(PASSWORD_MAX - 5)} abcdefgh`, /too long/],
      ['1qaz2wsx3edc', /common or breached/],
      ['QwErTy123456', /common or breached/],
      ['iloveyou2024!!', /digits or symbols added/],
      ['!!sunshine1234', /digits or symbols added/],
      ['aaaaaaaaaaaaaa', /repetitive or sequential/],
      ['abababababab', /repetitive or sequential/],
      ['123456789012345', /repetitive or sequential/],
      ['abcdefghijklmn', /repetitive or sequential/],
      ['Testigo2026!!', /name of the service/],
    ];
    for (const [pw, why] of refused) assert.match(passwordProblem(pw)?.message ?? 'accepted', why, pw);
    assert.equal(
      passwordProblem('mariela.perez99', { username: 'mariela.perez' })?.code,
      'password_username',
    );
  });

  it('counts characters as people type them (code points), not UTF-16 units', () => {
    assert.match(
      passwordProblem('🔒🔒🔒🔒🔒🔒')?.message ?? '',
      /too short/,
      '6 emoji are 12 UTF-16 units but 6 characters',
    );
  });

  it('throws an InputError that names the field and gives a stable code and its parameters', () => {
    assert.throws(
      () => checkPassword('password1234', {}, 'newPassword'),
      (e: Error & { issues?: { field: string; code?: string }[]; reason?: string }) =>
        /not accepted/.test(e.message) &&
        e.issues?.[0]?.field === 'newPassword' &&
        e.issues[0].code === 'password_common' &&
        e.reason === 'password_common',
    );
    assert.deepEqual(passwordProblem('short one')?.params, { min: 12 });
  });
});
