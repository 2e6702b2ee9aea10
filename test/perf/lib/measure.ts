import { strict as assert } from 'node:assert';
/**
 * Timing for the perf stage (`npm run test:perf`), which runs alone, never next to the unit
 * suite. No bound here is in milliseconds: every time is expressed as a multiple of a linear
 * reference pass (one `charCodeAt` per character) measured in the same run, interleaved with the
 * operation, best of several runs. A machine that is slow or loaded slows both sides alike.
 */

/** One `charCodeAt` per character: the linear yardstick. */
export function referencePass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/** The reference text: long enough (4 M characters, a few ms) for a stable time. */
const REFERENCE_TEXT = 'the quick brown fox jumps over the lazy dog 0123456789\n'.repeat(73_000);
/** The reference pass's results land here, so it is never optimized away. */
let sink = 0;
/** Short operations are repeated until one timed run lasts at least this long. */
const MIN_RUN_MS = 4;
/** Rounds of each measurement; the best one counts. */
const RUNS = 9;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  if (typeof r === 'number') sink = (sink + r) | 0;
  return ms;
}

export interface Measurement {
  /** Best time of the operation, ms (for messages only). */
  readonly opMs: number;
  /** Best time of the reference pass per character, ms. */
  readonly referenceMsPerChar: number;
  /** The operation's time divided by a reference pass over `chars` characters. */
  readonly ratio: number;
}

/** A timed operation: `op` called `reps` times a run, its time compared to `chars` reference characters. */
interface Timed {
  readonly op: () => unknown;
  readonly chars: number;
  readonly reps: number;
}

/**
 * Best time of each operation and of the reference pass, over `runs` rounds that interleave
 * them (each operation, then the reference), so a change of load hits them all alike.
 */
function interleaved(ops: readonly Timed[], runs: number): Measurement[] {
  const best = ops.map(() => Number.POSITIVE_INFINITY);
  let referenceMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    ops.forEach(({ op, reps }, i) => {
      best[i] = Math.min(best[i], time(() => { for (let k = 0; k < reps; k++) op(); }) / reps);
      referenceMs = Math.min(referenceMs, time(() => referencePass(REFERENCE_TEXT)));
    });
  }
  const referenceMsPerChar = Math.max(referenceMs, 1e-3) / REFERENCE_TEXT.length;
  return ops.map(({ chars }, i) => ({ opMs: best[i], referenceMsPerChar, ratio: best[i] / (referenceMsPerChar * Math.max(chars, 1)) }));
}

/**
 * Several operations timed in the same interleaved rounds against one reference pass (e.g. the
 * n, 2n and 4n inputs of a growth series): their ratios share the reference, so a reference
 * run that a neighbour slowed cannot make one size look faster than another.
 */
export function measureTogether(ops: readonly Timed[], runs = RUNS): Measurement[] {
  return interleaved(ops, runs);
}

/**
 * Times `op` against the reference pass over `chars` characters (usually the input's length):
 * best of `runs` interleaved runs of each; each run calls `op` `reps` times.
 */
export function measure(op: () => unknown, chars: number, runs = RUNS, reps = 1): Measurement {
  return interleaved([{ op, chars, reps }], runs)[0];
}

/** `measure` of `op(text)` over the text's own length. */
export function measureText(text: string, op: (text: string) => unknown, runs = RUNS, reps = 1): Measurement {
  return measure(() => op(text), text.length, runs, reps);
}

/**
 * How many calls of `op` make one timed run last a few ms, well above timer and scheduler
 * noise. Calls it a few times first, which also warms the JIT (bounds are about complexity,
 * not compilation).
 */
export function calibrate(op: () => unknown): number {
  const once = time(() => { op(); op(); op(); }) / 3;
  return Math.min(10_000, Math.max(1, Math.ceil(MIN_RUN_MS / Math.max(once, 1e-4))));
}

export interface Growth {
  readonly small: Measurement;
  readonly large: Measurement;
  /** large.ratio / small.ratio: about 1 for linear work, about `factor` for quadratic. */
  readonly growth: number;
  /** A one-line account for assertion messages. */
  readonly summary: string;
}

/**
 * Linear-growth check: `make(n)` and `make(factor·n)` built, each timed against the reference
 * over its own length. Linear work keeps the ratio flat; quadratic work multiplies it by `factor`.
 */
export function growth(make: (n: number) => string, op: (text: string) => unknown, n: number, factor = 4): Growth {
  const smallText = make(n);
  const largeText = make(n * factor);
  const reps = calibrate(() => op(smallText));
  const [small, large] = interleaved([
    { op: () => op(smallText), chars: smallText.length, reps },
    { op: () => op(largeText), chars: largeText.length, reps: Math.max(1, Math.round(reps / factor)) },
  ], RUNS);
  const g = large.ratio / small.ratio;
  const summary = `×${factor} input: ${small.ratio.toFixed(2)} → ${large.ratio.toFixed(2)} reference passes `
    + `(${small.opMs.toFixed(3)} → ${large.opMs.toFixed(3)} ms a call), growth ${g.toFixed(2)}`;
  return { small, large, growth: g, summary };
}

/** Prints a measurement under its test, so the margins show in every perf run's log. */
export function note(text: string): void {
  console.log(`      ${text}`);
}

/** The default bound on `growth` for a ×4 input: linear ≈ 1, quadratic ≈ 4. */
export const MAX_GROWTH = 2;

/** A growth case: label, input maker, operation under test, base size n. */
export type GrowthCase = readonly [string, (n: number) => string, (text: string) => unknown, number];

/**
 * One mocha test per case: the input at n, 2n and 4n, the 2n growth printed, the 4n growth held
 * to `bound` (linear ≈ 1, quadratic ≈ 4).
 */
export function growthTests(cases: readonly GrowthCase[], bound = MAX_GROWTH): void {
  for (const [label, make, op, n] of cases) {
    it(label, () => {
      const g2 = growth(make, op, n, 2);
      let g4 = growth(make, op, n, 4);
      note(`2n: growth ${g2.growth.toFixed(2)}; 4n: ${g4.summary}`);
      // A series over inputs that take tens of microseconds can read one size slow for a whole
      // series (a collector step, a recompilation); it is measured again, at most twice. Work
      // that really grows faster than linear reads so every time, so the bound still holds it.
      for (let attempt = 2; g4.growth > bound && attempt <= 3; attempt++) {
        g4 = growth(make, op, n, 4);
        note(`4n again (attempt ${attempt}): ${g4.summary}`);
      }
      assert.ok(g4.growth <= bound, g4.summary);
    });
  }
}
