import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { findHttpVariables, findVariableReferences, parseJetBrainsEnvironments, parseRestClientEnvironments } from '../../../src/core/http';
import { normalizeTokenInput } from '../../../src/core/input';
import { inspectToken } from '../../../src/core/inspect';
import { readJson } from '../../../src/core/json';
import { MAX_GROWTH, growth, note } from '../lib/measure';

/**
 * Linear time on hostile input, for the readers that used to carry a millisecond bound in the
 * unit suite (http, input, security, json, decoder). Each input is built at n and 4n characters
 * and timed against the linear reference pass: the ratio stays flat for linear work and grows
 * about 4× for quadratic work (regex backtracking, rescanning). The unit suite keeps the
 * correctness half of each case. Sizes start past the point (~150 K characters) where V8 moves
 * strings to its large-object space, which adds a step to the time.
 */
const b64 = (v: unknown) => base64url.encode(typeof v === 'string' ? v : JSON.stringify(v));
/** `unit` repeated to about `chars` characters. */
const fill = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));

const CASES: [string, (n: number) => string, (text: string) => unknown, number][] = [
  ['http: findHttpVariables on a value with huge runs of spaces', (n) => `@v = a${' '.repeat(n / 2)}b${' '.repeat(n / 2)}`, findHttpVariables, 100_000],
  ['http: findVariableReferences on many unclosed {{ lines', (n) => fill('{{a\n', n) + '{{b}}', findVariableReferences, 100_000],
  ['http: parseRestClientEnvironments on a settings file of comments and trailing commas', (n) => `{"rest-client.environmentVariables": {${fill('/* c */ "e": {"t": "x", // n\n},', n)}}}`, parseRestClientEnvironments, 200_000],
  ['http: parseJetBrainsEnvironments on brackets nested just under the bound, many times', (n) => `{"dev": {${fill(`"c": ${'['.repeat(250)}${']'.repeat(250)},`, n)} "t": "x"}}`, parseJetBrainsEnvironments, 200_000],
  // normalizeTokenInput refuses input over 256 K characters before reading it: 4n stays under that.
  ['input: a paste of ",;" runs', (n) => fill(',;', n) + 'x', normalizeTokenInput, 60_000],
  ['input: a paste of quotes', (n) => fill('"', n) + 'x', normalizeTokenInput, 60_000],
  ['input: a paste of repeated "Bearer "', (n) => fill('Bearer ', n), normalizeTokenInput, 60_000],
  ['input: a paste of repeated "eyJ."', (n) => fill('eyJ.', n), normalizeTokenInput, 60_000],
  ['security: the kid check on ReDoS-shaped input', (n) => `${b64({ alg: 'HS256', typ: 'JWT', kid: '-'.repeat(n / 2) + 'x' + '.'.repeat(n / 2) })}.${b64({ sub: 'u1' })}.c2ln`, (t) => inspectToken(t, { now: 0 }), 100_000],
  ['json: readJson on long strings and runs of backslashes', (n) => JSON.stringify({ s: '\\"'.repeat(n / 12), t: 'x'.repeat(n / 2) }), readJson, 300_000],
  ['decoder: deep nesting (iterative reader)', (n) => `${b64('{"alg":"HS256"}')}.${b64('['.repeat(n))}.c2ln`, decodeToken, 200_000],
];

/**
 * The two jsonc-parser cases build a tree of tens of thousands of nodes: a collector step can
 * land inside the 4n pass (2.09 seen at 100k → 400k on a loaded machine, 1.0–1.3 otherwise).
 * Quadratic work gives about 4, so 2.5 keeps it caught.
 */
const ALLOCATING = 2.5;

describe('hostile input: linear time (ratio to a reference pass, ×4 input)', () => {
  for (const [label, make, op, n] of CASES) {
    it(label, () => {
      const g = growth(make, op, n);
      note(g.summary);
      const bound = label.includes('Environments on') ? ALLOCATING : MAX_GROWTH;
      assert.ok(g.growth <= bound, g.summary);
    });
  }
});
