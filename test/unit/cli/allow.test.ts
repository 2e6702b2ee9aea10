import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import { allowList, parseAllowEntries } from '../../../src/cli/allow';

const BASE = resolve('/repo');
const HASH = `sha256:${'ab12'.repeat(8)}`;

describe('cli --allow entries', () => {
  const list = allowList(parseAllowEntries(['# fixtures', '', 'sha256:AB12AB12AB12AB12', 'eyJhbGciOiJu', 'test/fixtures/**', 'fixture.env', '/top.http', '  spaced.txt  '].join('\n'), join(BASE, 'allow.txt')));
  const allows = (path: string | undefined, tokenHash = 'sha256:ffff', preview = 'eyJhbGciOiJI') => list.allows({ tokenHash, preview, path });

  it('a hash prefix (16+ hex digits, any case) names the token', () => {
    assert.equal(allows(undefined, HASH), join(BASE, 'allow.txt'));
    assert.equal(allows(undefined, 'sha256:ab12ab12ab12ab13'), undefined);
  });
  it('a 12-character preview names every token starting so', () => {
    assert.ok(allows(undefined, 'sha256:ffff', 'eyJhbGciOiJu'));
    assert.equal(allows(undefined, 'sha256:ffff', 'eyJhbGciOiJI'), undefined);
  });
  it('a glob with / is relative to the allow file; without /, a file name anywhere; a leading / anchors it', () => {
    assert.ok(allows(join(BASE, 'test/fixtures/a/b.http')));
    assert.equal(allows(join(BASE, 'src/test/fixtures/a.http')), undefined);
    assert.ok(allows(join(BASE, 'deep/er/fixture.env')));
    assert.ok(allows(join(BASE, 'top.http')));
    assert.equal(allows(join(BASE, 'sub/top.http')), undefined);
    assert.ok(allows(join(BASE, 'spaced.txt')), 'entries are trimmed');
    assert.equal(allows(resolve('/elsewhere/test/fixtures/x')), undefined, 'outside the allow file directory');
  });
  it('comments and blank lines are no entries; stdin has no path', () => {
    assert.equal(allows(join(BASE, '# fixtures')), undefined);
    assert.equal(allows(undefined), undefined);
  });
});
