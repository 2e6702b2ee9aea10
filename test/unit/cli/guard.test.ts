import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { FindingCodes } from '../../../src/core/codes';
import type { ScanReport } from '../../../src/cli/report';
import { git, runChild, runInProcess } from './harness';

const NOW = '2026-01-10T00:00:00Z';
const DAY = 86_400;
const nowSec = Date.parse(NOW) / 1000;

/** A token signed with a random 32-byte secret (not a weak one), with these claims. */
function signed(claims: Record<string, unknown>, secret: Uint8Array = crypto.getRandomValues(new Uint8Array(32))): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('https://issuer.example').setAudience('api').setJti('t').sign(secret);
}

const codesIn = (report: ScanReport) => report.files.flatMap((f) => f.tokens.flatMap((t) => (t.inspection ? t.inspection.findings.map((x) => `${f.path}:${x.code}`) : [])));

describe('token-lens scan as a repository guard (a temporary git repository)', function () {
  this.timeout(60_000);
  let repo: string;
  let live: string;
  let expired: string;
  let weak: string;
  before(async () => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'tl-guard-')));
    live = await signed({ sub: 'svc', iat: nowSec - DAY, exp: nowSec + 30 * DAY });
    expired = await signed({ sub: 'old', iat: nowSec - 10 * DAY, exp: nowSec - 9 * DAY });
    weak = await signed({ sub: 'demo', iat: nowSec - 10 * DAY, exp: nowSec - 9 * DAY }, new TextEncoder().encode('your-256-bit-secret'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'src'));
    mkdirSync(join(repo, 'test/fixtures'), { recursive: true });
    writeFileSync(join(repo, 'src/config.ts'), `export const token = '${live}';\n`);
    writeFileSync(join(repo, 'test/fixtures/expired.http'), `Authorization: Bearer ${expired}\n`);
    writeFileSync(join(repo, 'test/fixtures/weak.env'), `TOKEN=${weak}\n`);
    // A Kubernetes Secret keeps the token base64-encoded (the core's thorough scan of configuration files).
    mkdirSync(join(repo, 'k8s'));
    writeFileSync(join(repo, 'k8s/secret.yaml'), `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  token: ${Buffer.from(live).toString('base64')}\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'fixtures');
    // Not in the index: the same live token in a file git does not know.
    writeFileSync(join(repo, 'untracked.txt'), `token: ${live}\n`);
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const scan = (args: string[]) => runChild(['scan', ...args, '--now', NOW], { cwd: repo });

  it('--fail-on error exits 1 on a committed live token (LIVE_CREDENTIAL), and names it only by preview and hash', () => {
    const r = scan(['src/config.ts', '--fail-on', 'error']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /src\/config\.ts:1:23 JWS · HS256 · expires in 30 days/);
    assert.match(r.stdout, new RegExp(`error ${FindingCodes.LIVE_CREDENTIAL} A still-valid token in a file under version control`));
    assert.ok(!r.stdout.includes(live));
    assert.match(r.stdout, /add sha256:[0-9a-f]{32} to an --allow file/, 'the text report shows the allow-file line');
    const json = JSON.parse(scan(['src/config.ts', '--json']).stdout) as ScanReport;
    const [token] = json.files[0]!.tokens;
    assert.match(token!.tokenHash, /^sha256:[0-9a-f]{32}$/);
    assert.match(token!.inspection!.findings.find((f) => f.code === FindingCodes.LIVE_CREDENTIAL)!.evidence, new RegExp(token!.tokenHash));
  });

  it('a live token base64-wrapped in a committed Kubernetes Secret is a live credential too', () => {
    const r = scan(['k8s/secret.yaml', '--fail-on', 'error']);
    assert.equal(r.code, 1, r.stdout);
    assert.ok(r.stdout.includes(`k8s/secret.yaml:6:10`), r.stdout);
    assert.ok(r.stdout.includes(FindingCodes.LIVE_CREDENTIAL));
    assert.ok(!r.stdout.includes(live) && !r.stdout.includes(Buffer.from(live).toString('base64')));
  });

  it('the same token in an untracked file is no TL217; a staged file is (a pre-commit hook sees it)', () => {
    const before = scan(['untracked.txt', '--fail-on', 'error']);
    assert.equal(before.code, 0, before.stdout);
    git(repo, 'add', 'untracked.txt');
    try {
      const staged = scan(['untracked.txt', '--fail-on', 'error']);
      assert.equal(staged.code, 1);
      assert.ok(staged.stdout.includes(FindingCodes.LIVE_CREDENTIAL));
    } finally {
      git(repo, 'rm', '-q', '--cached', 'untracked.txt');
    }
  });

  it('--fail-on error exits 1 on a token signed with a weak secret (TL401), even an expired one', () => {
    const r = scan(['test/fixtures/weak.env', '--fail-on', 'error']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`error ${FindingCodes.WEAK_SECRET} Signed with a publicly known secret`));
    assert.ok(!r.stdout.includes(FindingCodes.LIVE_CREDENTIAL), 'expired: no live credential');
  });

  it('--fail-on error exits 0 on the expired test tokens accepted by --allow', () => {
    writeFileSync(join(repo, 'token-lens-allow.txt'), '# fixtures\ntest/fixtures/**\n');
    const r = scan(['test', '--fail-on', 'error', '--allow', 'token-lens-allow.txt']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /allowed by token-lens-allow\.txt/);
    assert.match(r.stdout, /2 tokens in 2 files scanned \(0 errors, 0 warnings, 2 allowed\)/);
    // Without the allow file the weak secret fails the run.
    assert.equal(scan(['test', '--fail-on', 'error']).code, 1);
  });

  it('--allow by token hash accepts exactly that token', () => {
    const report = JSON.parse(scan(['src/config.ts', '--json']).stdout) as ScanReport;
    const hash = report.files[0]!.tokens[0]!.tokenHash;
    writeFileSync(join(repo, 'allow-hash.txt'), `${hash}\n`);
    const r = scan(['src', 'test/fixtures/weak.env', '--fail-on', 'error', '--allow', 'allow-hash.txt', '--json']);
    assert.equal(r.code, 1, 'the weak-secret token is not allowed');
    const json = JSON.parse(r.stdout) as ScanReport;
    assert.deepEqual(
      json.files.map((f) => [f.path, f.tokens.map((t) => t.allowed ?? null)]),
      [
        ['src/config.ts', ['allow-hash.txt']],
        ['test/fixtures/weak.env', [null]],
      ],
    );
    assert.deepEqual(codesIn(json).filter((c) => c.endsWith(FindingCodes.LIVE_CREDENTIAL)), []);
    assert.equal(json.summary.allowed, 1);
  });

  it('a directory scan of the repository lists TL217 and TL401 where they are', () => {
    const json = JSON.parse(scan(['.', '--json']).stdout) as ScanReport;
    const codes = codesIn(json);
    assert.ok(codes.includes(`src/config.ts:${FindingCodes.LIVE_CREDENTIAL}`));
    assert.ok(codes.includes(`test/fixtures/weak.env:${FindingCodes.WEAK_SECRET}`));
    assert.ok(!codes.includes(`untracked.txt:${FindingCodes.LIVE_CREDENTIAL}`));
    assert.ok(!codes.includes(`test/fixtures/expired.http:${FindingCodes.LIVE_CREDENTIAL}`));
  });

  it('a bad --allow file is bad input (exit 2)', () => {
    const r = scan(['src', '--allow', 'missing-allow.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read allow file missing-allow\.txt/);
  });
});

describe('token-lens decode runs the weak-secret check', () => {
  it('decode --fail-on error exits 1 on the jwt.io sample token (your-256-bit-secret)', async () => {
    // jwt.io's published HS256 example.
    const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const r = await runInProcess(['decode', sample, '--fail-on', 'error']);
    assert.equal(r.code, 1);
    assert.match(r.out, /error {3}TL401 Signed with a publicly known secret/);
    assert.match(r.out, /your-256-bit-secret/);
  });
  it('a token with a strong secret has no TL401', async () => {
    const token = await signed({ sub: 'x', iat: nowSec, exp: nowSec + 600 });
    const r = await runInProcess(['decode', token, '--json', '--now', NOW]);
    assert.equal(r.code, 0);
    assert.ok(!r.out.includes(FindingCodes.WEAK_SECRET));
  });
});
