import { strict as assert } from 'node:assert';
import { bindingChoices, bindingText, keyAddedText, keyConfirmation } from '../../../src/present/keys';

describe('present/keys', () => {
  it('bindingText: issuer and kid, or "any"', () => {
    assert.equal(bindingText(undefined, undefined), 'any issuer, any kid');
    assert.equal(bindingText('https://id.example', 'k1'), 'only for iss = "https://id.example", only for kid = "k1"');
  });

  describe('bindingChoices: the binding offered when a key is added (issue 12)', () => {
    it('from a token with iss and kid: the tightest first, then each, then unbound, then typing', () => {
      const choices = bindingChoices({ iss: 'https://id.example', kid: 'k1' });
      assert.deepEqual(
        choices.map((c) => [c.iss, c.kid, c.custom === true]),
        [
          ['https://id.example', 'k1', false],
          ['https://id.example', undefined, false],
          [undefined, 'k1', false],
          [undefined, undefined, false],
          [undefined, undefined, true],
        ],
      );
      assert.match(choices[0]!.label, /issuer "https:\/\/id\.example" with key id "k1"/);
      assert.match(choices[3]!.detail, /no matching key/, 'the unbound choice says what it means');
      assert.doesNotMatch(choices[3]!.detail, /^.*gives "invalid signature"/);
    });
    it('from a token with an issuer only', () => {
      assert.deepEqual(bindingChoices({ iss: 'joe' }).map((c) => c.label), ['Only tokens from issuer "joe"', 'Any token (no binding)', 'Enter an issuer or key id…']);
    });
    it('nothing to pre-fill: no choices (the command asks for iss and kid directly)', () => {
      assert.deepEqual(bindingChoices({}), []);
      assert.deepEqual(bindingChoices({ iss: '', kid: '' }), []);
    });
  });

  describe('keyConfirmation: names the key once', () => {
    it('a label that is the default description is not repeated in the detail', () => {
      const c = keyConfirmation({ label: 'HMAC secret (32 bytes)', description: 'HMAC secret (32 bytes)', replaces: false });
      assert.equal(c.message, 'Store the verification key "HMAC secret (32 bytes)"?');
      assert.equal(c.detail.split('HMAC secret (32 bytes)').length - 1, 0, c.detail);
      assert.match(c.detail, /^Any issuer, any kid\. Kept in VS Code's secret storage only/);
    });
    it('a label of its own keeps the description, the binding and the replacement note', () => {
      const c = keyConfirmation({ label: 'prod', description: 'RSA public key (2048 bit)', iss: 'https://id.example', replaces: true });
      assert.match(c.detail, /^RSA public key \(2048 bit\) · only for iss = "https:\/\/id\.example", any kid\. It replaces the stored key with the same label\./);
      assert.equal(c.message.split('prod').length - 1, 1);
    });
    it('bounds long labels and bindings', () => {
      const c = keyConfirmation({ label: 'L'.repeat(500), description: 'd', iss: 'i'.repeat(2000), replaces: false });
      assert.ok(c.message.length < 120, String(c.message.length));
      assert.ok(c.detail.length < 600, String(c.detail.length));
    });
  });

  it('keyAddedText: the description only when the label is not already it', () => {
    assert.equal(keyAddedText('HMAC secret (32 bytes)', 'HMAC secret (32 bytes)'), 'Token Lens: added verification key "HMAC secret (32 bytes)".');
    assert.equal(keyAddedText('prod', 'RSA public key (2048 bit)'), 'Token Lens: added verification key "prod" (RSA public key (2048 bit)).');
  });
});
