import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { globMatcher } from '../../../src/cli/files';

/** The regex conversion `globMatcher` replaced: the same language, by backtracking (the oracle). */
function regexOracle(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('cli globMatcher', () => {
  it('matches *, ?, ** and **/ as the README says, anything else literally', () => {
    const cases: [string, string, boolean][] = [
      ['*.http', 'a.http', true],
      ['*.http', 'dir/a.http', false],
      ['**/*.env', 'app.env', true],
      ['**/*.env', 'a/b/c/app.env', true],
      ['**/*.env', 'a/b/c/app.envx', false],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['a/**/b', 'ab', false],
      ['a/**', 'a/x/y', true],
      ['?.txt', 'a.txt', true],
      ['?.txt', '/.txt', false],
      ['a.[b]+c', 'a.[b]+c', true],
      ['a.[b]+c', 'aX[b]+c', false],
      ['**/**/**/x', 'x', true],
      ['**/**/**/x', 'a/b/x', true],
      ['**/a*/**/a*/x', 'a/ab/q/ac/x', true],
      ['**/a*/**/a*/x', 'a/b/x', false],
      ['😀*', '😀z', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(globMatcher(glob)(path), expected, `${glob} ~ ${path}`);
  });

  it('accepts exactly what the old regex conversion accepted (property, small patterns)', () => {
    const globPart = fc.constantFrom('a', 'b', '/', '*', '?', '**', '**/', '.');
    const pathPart = fc.constantFrom('a', 'b', '/', '.', 'ab');
    fc.assert(
      fc.property(fc.array(globPart, { maxLength: 7 }), fc.array(pathPart, { maxLength: 8 }), (g, p) => {
        const glob = g.join('');
        const path = p.join('');
        assert.equal(globMatcher(glob)(path), regexOracle(glob).test(path), `${glob} ~ ${path}`);
      }),
      { numRuns: 3000 },
    );
  });
});
