import { decodeToken } from '../../../src/core/decoder';
import { findTokens } from '../../../src/core/scanner';
import { parseSdJwt } from '../../../src/core/shapes/sdJwt';
import { growthTests, type GrowthCase } from '../lib/measure';

/**
 * The token shapes of issue 14 on hostile input: base64 runs for the wrapper pass, `~` runs and
 * disclosure runs for SD-JWT, signed-cookie and PASETO look-alikes. Each input is built at n,
 * 2n and 4n characters and timed against the linear reference pass (test/perf/lib/measure.ts):
 * linear work keeps the ratio flat, quadratic work multiplies it by about 2 and 4. The bound is
 * on 4n (quadratic gives about 4, so MAX_GROWTH = 2 cannot be met by chance); 2n is printed.
 */
function randomBase64(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(alphabet[x & 63]!);
  }
  return out.join('');
}
const fill = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));
const b64url = (s: string) => Buffer.from(s).toString('base64url');
const jwt = `${b64url('{"alg":"ES256","typ":"dc+sd-jwt"}')}.${b64url('{"_sd":[]}')}.c2lnbmF0dXJlc2lnbmF0dXJl`;
const disclosure = b64url('["salt","name","value"]');
const thorough = (text: string) => findTokens(text, { thorough: true });

const CASES: GrowthCase[] = [
  ['thorough: one huge base64 run starting like a wrapper (ZXlK…)', (n) => `v: ZXlK${randomBase64(n, 1)}`, thorough, 200_000],
  ['thorough: wrapper anchors every few characters in one run (pleUpleU…)', (n) => fill('pleU6ZXlOmV5', n), thorough, 200_000],
  ['thorough: many short runs, each with a user:token anchor', (n) => fill('a 6ZXlKaGJHY2lPaUpJVXpJ ', n), thorough, 200_000],
  ['thorough: many wrappers of a header alone (decode, rescan, refuse)', (n) => fill(`k: ${Buffer.from(`${jwt.split('.')[0]}.x`).toString('base64')}\n`, n), thorough, 200_000],
  ['thorough: repeated "v4.local." prefixes', (n) => fill('v4.local.AAAA ', n), thorough, 200_000],
  ['SD-JWT: a JWT followed by a huge "~" run', (n) => `${jwt}${'~'.repeat(n)}`, findTokens, 200_000],
  ['SD-JWT: repeated "JWT~" presentations', (n) => fill(`${jwt}~ `, n), findTokens, 200_000],
  ['SD-JWT: one JWT with disclosures up to the token limit, repeated', (n) => fill(`${jwt}${`~${disclosure}`.repeat(200)}~\n`, n), findTokens, 200_000],
  ['SD-JWT: "~Wy" parts that are never disclosures', (n) => `${jwt}${fill('~WyWy.', n)}`, findTokens, 200_000],
  ['cookies: repeated Flask-shaped triples with a bad timestamp', (n) => fill(`${b64url('{"user":1}')}.AAAAAA.${'s'.repeat(27)} `, n), findTokens, 200_000],
  ['thorough: repeated ".eJw" compressed-payload prefixes', (n) => fill('.eJwAAAAAAAAAAAAAAA:1:x ', n), thorough, 200_000],
  ['PASETO: "v4.public." before a huge payload run', (n) => `v4.public.eyJ${'A'.repeat(n)}`, findTokens, 200_000],
  ['decodeToken: a failing token of "~" parts (the shape check on the failure path)', (n) => `${jwt}${fill(`~${disclosure}`, Math.min(n, 120_000))}`, decodeToken, 25_000],
  ['parseSdJwt: many disclosures', (n) => `${jwt}${fill(`~${disclosure}`, n)}~`, parseSdJwt, 50_000],
];

describe('token shapes: linear time on hostile input (ratio to a reference pass, ×4 input)', () => {
  growthTests(CASES);
});
