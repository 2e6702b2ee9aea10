// How a JWE's decryption reads on every surface (present/decryption.ts): each state and each
// failure step has its headline, the sentence keeps core's step, and no key material appears.
import { strict as assert } from 'node:assert';
import { CompactEncrypt } from 'jose';
import { decryptToken } from '../../../src/core/decrypt';
import { parsePrivateKey } from '../../../src/core/keys';
import type { DecryptError } from '../../../src/core';
import { decryptedAlgText, decryptionText, keyLabelOf } from '../../../src/present/decryption';

const fail = (code: DecryptError['code'], step: DecryptError['step']): DecryptError => ({ code, step, message: `a ${code} sentence` });

describe('present/decryption: the words of a JWE\'s decryption', () => {
  it('names each failure by what it means, with core\'s step', () => {
    const cases: [DecryptError, string, boolean][] = [
      [fail('ERR_JWE_P2C', 'header'), 'Refused before decryption', true],
      [fail('ERR_JWE_UNSUPPORTED', 'header'), 'Refused before decryption', true],
      [fail('ERR_JWE_TOO_LARGE', 'cap'), 'Refused — the plaintext inflates past the cap', true],
      [fail('ERR_JWE_KEY_MISMATCH', 'key'), 'Encrypted — no stored key fits', false],
      [fail('ERR_JWE_NO_KEY', 'key'), 'Encrypted — no decryption key stored', false],
      [fail('ERR_JWE_DECRYPTION', 'decryption'), 'Encrypted — decryption with the stored keys failed', false],
      [fail('ERR_JWE_KEY_UNWRAP', 'key-unwrap'), 'Encrypted — decryption with the stored keys failed', false],
      [fail('ERR_JWE_HEADER', 'header'), 'Not decrypted — the JWE is not valid', false],
      [fail('ERR_JWE_DECOMPRESSION', 'decompression'), 'Not decrypted — the JWE is not valid', false],
    ];
    for (const [error, headline, refused] of cases) {
      const text = decryptionText({ state: 'failed', error });
      assert.equal(text.headline, headline, error.code);
      assert.equal(text.refused, refused, error.code);
      assert.equal(text.message, `a ${error.code} sentence (step: ${error.step})`);
    }
    assert.equal(decryptionText({ state: 'no-keys' }).icon, 'lock');
    assert.match(decryptionText({ state: 'no-keys' }).message, /Add Decryption Key/);
    assert.equal(decryptionText({ state: 'pending' }).icon, 'loading');
  });

  it('a decrypted token: the key by its label, alg · enc (zip DEF), the plaintext size, memory only', async () => {
    const secret = new Uint8Array(16).fill(7);
    const key = await parsePrivateKey({ kind: 'secret-bytes', bytes: secret });
    assert.ok(key.ok);
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{"sub":"z"}')).setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM', zip: 'DEF' }).encrypt(secret);
    const d = await decryptToken(jwe, [key.value]);
    assert.ok(d.ok);
    const text = decryptionText({ state: 'decrypted', decrypted: d.value, keyLabels: ['kw test key'] });
    assert.equal(text.headline, 'Decrypted with key “kw test key”');
    assert.equal(decryptedAlgText(d.value), 'A128KW · A128GCM · zip DEF');
    assert.match(text.message, /^A128KW · A128GCM · zip DEF · 11 B of plaintext \(inflated\)\. Shown from memory only/);
    assert.equal(keyLabelOf({ keyIndex: 3 }, ['a']), 'a stored key');
    assert.ok(!JSON.stringify(text).includes('BwcHBwcHBwcHBwcHBwcHBw'), 'no key bytes');
  });
});
