import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyError } from '../domain/errors.js';
import { addWrapping, createKeyring, DEFAULT_SCRYPT, unlockKeyring } from './keyring.js';

const fast = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };

describe('keyring', () => {
  it('defaults to a memory-hard KDF far above SQLite3MC defaults', () => {
    assert.ok(DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * 128 >= 128 * 1024 * 1024);
  });

  it('unwraps the master key with the right passphrase and refuses a wrong one clearly', async () => {
    const { keyring, master } = await createKeyring(
      { kind: 'passphrase', passphrase: 'una frase larga y secreta' },
      fast,
    );
    const again = await unlockKeyring(JSON.parse(JSON.stringify(keyring)), {
      kind: 'passphrase',
      passphrase: 'una frase larga y secreta',
    });
    assert.equal(again.sqliteKey(), master.sqliteKey());
    await assert.rejects(
      unlockKeyring(keyring, { kind: 'passphrase', passphrase: 'una frase larga y secretA' }),
      (e: unknown) => e instanceof KeyError && /wrong passphrase/.test(e.message),
    );
    await assert.rejects(unlockKeyring(keyring, { kind: 'keyfile', key: Buffer.alloc(32, 1) }), KeyError);
  });

  it('rejects short passphrases and damaged keyrings', async () => {
    await assert.rejects(createKeyring({ kind: 'passphrase', passphrase: 'short' }, fast), KeyError);
    const { keyring } = await createKeyring(
      { kind: 'passphrase', passphrase: 'una frase larga y secreta' },
      fast,
    );
    const tampered = {
      ...keyring,
      wrappings: [{ ...keyring.wrappings[0]!, ciphertext: Buffer.alloc(32).toString('base64') }],
    };
    await assert.rejects(
      unlockKeyring(tampered, { kind: 'passphrase', passphrase: 'una frase larga y secreta' }),
      KeyError,
    );
    await assert.rejects(unlockKeyring({ nope: true }, { kind: 'passphrase', passphrase: 'x' }), /damaged/);
  });

  it('opens the same key with a key file added beside the passphrase', async () => {
    const { keyring, master } = await createKeyring(
      { kind: 'passphrase', passphrase: 'una frase larga y secreta' },
      fast,
    );
    const kf = Buffer.alloc(32, 7);
    const both = await addWrapping(keyring, master, { kind: 'keyfile', key: kf }, fast);
    const viaFile = await unlockKeyring(both, { kind: 'keyfile', key: kf });
    assert.equal(viaFile.derive('x').toString('hex'), master.derive('x').toString('hex'));
    assert.notEqual(master.derive('a').toString('hex'), master.derive('b').toString('hex'));
  });
});
