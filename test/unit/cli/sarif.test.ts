import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FindingCodes } from '../../../src/core/codes';
import { git, runChild } from './harness';

const ROOT = join(__dirname, '../../..');
const GUARD = join(ROOT, 'test/fixtures/cli-guard');
const NOW = '2026-01-10T00:00:00Z';

/**
 * The official SARIF 2.1.0 schema (JSON Schema draft-04), vendored from oasis-tcs/sarif-spec
 * `sarif-2.1/schema/sarif-schema-2.1.0.json` (commit a560296ca8c921f3bdb8d4a8db57ab83dae968a7,
 * id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
 */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(GUARD, 'sarif-schema-2.1.0.json'), 'utf8')) as object);

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[];
}

/** Every token of the fixture tree (the test's own inputs, never printed). */
function fixtureTokens(): string[] {
  const text = ['requests.http', 'config/app.env', 'config/service.json'].map((f) => readFileSync(join(GUARD, 'tree', f), 'utf8')).join('\n');
  return [...new Set(text.match(/ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g) ?? [])];
}

describe('token-lens scan --format sarif (child process, a committed fixture tree)', function () {
  this.timeout(60_000);
  let repo: string;
  let first: ReturnType<typeof runChild>;
  before(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'tl-sarif-')));
    cpSync(join(GUARD, 'tree'), repo, { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'fixtures');
    first = runChild(['scan', '.', '--format', 'sarif', '--now', NOW], { cwd: repo });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.equal(first.stderr, '');
    const log = JSON.parse(first.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
  });

  it('has one rule per finding code with help text from docs/findings.md, and results that point at them', () => {
    const run = (JSON.parse(first.stdout) as SarifLog).runs[0]!;
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      Object.values(FindingCodes),
    );
    const weak = run.tool.driver.rules.find((r) => r.id === FindingCodes.WEAK_SECRET)!;
    assert.match(weak.help.text, /publicly known secret/);
    assert.match(weak.help.text, /RFC 8725 §3\.5/);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex!]!.id, result.ruleId);
  });

  it('reports the weak secret, the unsigned token and the committed live token, with regions and repository-relative URIs', () => {
    const run = (JSON.parse(first.stdout) as SarifLog).runs[0]!;
    const byRule = (id: string) => run.results.filter((r) => r.ruleId === id).map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region]);
    assert.deepEqual(byRule(FindingCodes.WEAK_SECRET), [['error', 'config/app.env', { startLine: 2, startColumn: 12, endLine: 2, endColumn: 176 }]]);
    assert.deepEqual(byRule(FindingCodes.ALG_NONE).map((r) => r[1]), ['requests.http']);
    assert.deepEqual(byRule(FindingCodes.LIVE_CREDENTIAL).map((r) => r.slice(0, 2)), [['error', 'config/service.json']]);
    for (const result of run.results) assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, pathToFileURL(repo + '/').href);
    // The expired token is no live credential, and info findings are left out (as in the text output).
    assert.ok(run.results.every((r) => r.level === 'error' || r.level === 'warning'));
  });

  it('never carries a token: only the 12-character preview', () => {
    const tokens = fixtureTokens();
    assert.equal(tokens.length, 4);
    for (const token of tokens) {
      assert.ok(!first.stdout.includes(token), 'a whole token in the SARIF log');
      // Not even the signature or the payload on their own.
      for (const segment of token.split('.').slice(1)) if (segment.length > 12) assert.ok(!first.stdout.includes(segment), 'a token segment in the SARIF log');
    }
    const run = (JSON.parse(first.stdout) as SarifLog).runs[0]!;
    for (const result of run.results) assert.match(result.message.text, /\(token [A-Za-z0-9_-]{12}…\)$/);
  });

  it('gives the same fingerprints in a second run, distinct ones within a run', () => {
    const second = runChild(['scan', '.', '--format', 'sarif', '--now', NOW], { cwd: repo });
    assert.equal(second.stdout, first.stdout, 'the whole log is deterministic');
    const prints = (JSON.parse(first.stdout) as SarifLog).runs[0]!.results.map((r) => r.partialFingerprints['tokenLensFinding/v1']);
    assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{32}$/.test(p)));
    assert.equal(new Set(prints).size, prints.length);
    // The same token twice in one file (requests.http: line 2 and line 9) is two results with two fingerprints.
    const later = runChild(['scan', '.', '--format', 'sarif', '--now', '2026-06-01T00:00:00Z'], { cwd: repo });
    const laterPrints = (JSON.parse(later.stdout) as SarifLog).runs[0]!.results.map((r) => r.partialFingerprints['tokenLensFinding/v1']);
    assert.ok(prints.every((p) => laterPrints.includes(p)), 'a finding keeps its fingerprint on a later day');
  });

  it('marks results of tokens accepted by --allow as suppressed', () => {
    const r = runChild(['scan', '.', '--format', 'sarif', '--now', NOW, '--allow', join(GUARD, 'allow-fixtures.txt')], { cwd: repo });
    const results = (JSON.parse(r.stdout) as SarifLog).runs[0]!.results;
    assert.ok(validate(JSON.parse(r.stdout)));
    const weak = results.find((x) => x.ruleId === FindingCodes.WEAK_SECRET)!;
    assert.equal(weak.suppressions?.length, 1);
  });
});
