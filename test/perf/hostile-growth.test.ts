import { strict as assert } from 'node:assert';
import {
  findHttpVariables,
  findVariableReferenceAt,
  mergeEnvironments,
  parseJetBrainsEnvironments,
  resolveVariable,
  resolveVariableInAnyEnvironment,
} from '../../src/core/http';
import type { Environments } from '../../src/core/http';
import { parseVerificationKey } from '../../src/core/keys';
import { calibrate, MAX_GROWTH, measureTogether, note } from './lib/measure';

/**
 * Hostile files (issue 8, item 5): work that a file decides grows linearly with the file. Each
 * input is built at n, 2n and 4n, and each call is timed as a multiple of the linear reference
 * pass over the input's length (test/perf/lib/measure.ts): the multiple stays flat for linear
 * work and doubles per doubling for quadratic work. The correctness half of each case is in
 * test/unit/hostile/core.test.ts.
 */

/** What one case times: a call over prepared input, and the input's size in characters. */
interface Prepared {
  readonly op: () => unknown;
  readonly chars: number;
}

/** Multiples of the reference pass at n, 2n and 4n, and how much they grew from n. */
function growthSeries(prepare: (n: number) => Prepared, n: number): { growth2: number; growth4: number; summary: string } {
  const sizes = [n, 2 * n, 4 * n].map(prepare);
  const reps = calibrate(sizes[0]!.op);
  // The three sizes in the same interleaved rounds, against one reference (a reference run slowed
  // by a neighbour once made a flat 4.4× for 4n read as growth 2.4).
  const [m1, m2, m4] = measureTogether(sizes.map((s, i) => ({ op: s.op, chars: s.chars, reps: Math.max(1, Math.round(reps / 2 ** i)) })), 9);
  const growth2 = m2!.ratio / m1!.ratio;
  const growth4 = m4!.ratio / m1!.ratio;
  const summary = `n, 2n, 4n: ${[m1, m2, m4].map((m) => `${m!.opMs.toFixed(3)} ms`).join(', ')} a call `
    + `(4n/n ${(m4!.opMs / m1!.opMs).toFixed(2)}×); ${[m1, m2, m4].map((m) => m!.ratio.toFixed(2)).join(' → ')} reference passes, `
    + `growth ${growth2.toFixed(2)} at 2n, ${growth4.toFixed(2)} at 4n`;
  return { growth2, growth4, summary };
}

/** `unit` repeated to about `chars` characters. */
const fill = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));

/** The hover's path through the core for `{{token}}` defined only in the last of `n` environments (see documentTokens.referenceAt). */
function environmentsCase(n: number): Prepared {
  const names = Array.from({ length: n }, (_, i) => `env${i}`);
  const publicJson = JSON.stringify(Object.fromEntries(names.map((name) => [name, { host: `${name}.example`, auth: 'Bearer {{token}}' }])));
  const privateJson = JSON.stringify(Object.fromEntries(names.map((name, i) => [name, i === n - 1 ? { token: 'eyJ.e30.' } : { other: 'x' }])));
  const sources = [publicJson, privateJson].map((json): Environments => {
    const parsed = parseJetBrainsEnvironments(json);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  });
  const op = () => {
    const resolved = resolveVariableInAnyEnvironment('auth', { environments: mergeEnvironments(...sources) });
    if (!resolved.ok || resolved.value.environment !== `env${n - 1}`) throw new Error('expected the last environment');
    return resolved.value.value.length;
  };
  return { op, chars: publicJson.length + privateJson.length };
}

/** `parseVerificationKey` reads the PEM before its first `await`: the synchronous part of the call is the scan. */
function pemCase(make: (n: number) => string): (n: number) => Prepared {
  return (n) => {
    const pem = make(n);
    return { op: () => void parseVerificationKey({ label: 'k', material: { kind: 'pem', pem } }), chars: pem.length };
  };
}

/** `@t = {{v0}}{{v0}}{{v1}}{{v1}}…` over `@vI = x` lines: each variable referenced twice, the value n characters. */
function fanOutCase(n: number): Prepared {
  const count = n / 2;
  const references = Array.from({ length: count }, (_, i) => `{{v${i}}}{{v${i}}}`).join('');
  const text = `@t = ${references}\n${Array.from({ length: count }, (_, i) => `@v${i} = x`).join('\n')}`;
  const op = () => {
    const r = resolveVariable('t', { fileVariables: findHttpVariables(text) });
    if (!r.ok || r.value.value.length !== n) throw new Error('expected the whole value');
    return r.value.value.length;
  };
  return { op, chars: text.length };
}

const textCase = (make: (n: number) => string, op: (text: string) => unknown) => (n: number): Prepared => {
  const text = make(n);
  return { op: () => op(text), chars: text.length };
};

/**
 * Cases with a bound of their own: building 20,000 environments allocates enough that a
 * collector step can land between n and 2n (seen under load: 1.96 at 2n, then flat, 2.03 at
 * 4n). Quadratic work still gives about 4 at 4n, so 2.5 keeps it caught.
 */
const BOUNDS: Readonly<Record<string, number>> = { 'merge + lookup over many environments, the name in the last one': 2.5 };

const CASES: [string, (n: number) => Prepared, number][] = [
  [
    'hover on the last {{…}} of one long line of references',
    textCase((n) => fill('x: {{a}} ', n) + '{{b}}', (line) => findVariableReferenceAt(line, line.length - 3)),
    200_000,
  ],
  ['merge + lookup over many environments, the name in the last one', environmentsCase, 5_000],
  // Up to 8,000 references: at 16,000 V8's collector sometimes adds a step to the 4n time (not
  // growth: 2n stayed at 1.0 while 4n read 1.0 or 2.25 from run to run).
  ['wide fan-out: one value making n references to n/2 variables', fanOutCase, 2_000],
  ['PEM: BEGIN lines without END', pemCase((n) => fill('-----BEGIN PUBLIC KEY-----\n', n)), 100_000],
  ['PEM: BEGIN lines, each a different label', pemCase((n) => Array.from({ length: Math.round(n / 16) }, (_, i) => `-----BEGIN K${i}-----\n`).join('')), 100_000],
  ['PEM: BEGIN lines before one END of a long other label', pemCase((n) => fill('-----BEGIN PUBLIC KEY-----\n', n / 2) + `-----END ${'A'.repeat(n / 2)}-----`), 100_000],
];

describe('hostile files: linear growth (n, 2n, 4n; ratio to a reference pass)', () => {
  for (const [label, prepare, n] of CASES) {
    it(label, () => {
      const g = growthSeries(prepare, n);
      note(g.summary);
      const bound = BOUNDS[label] ?? MAX_GROWTH;
      assert.ok(g.growth2 <= bound && g.growth4 <= bound, g.summary);
    });
  }
});
