// The one mocha test module run inside a real VS Code extension host, by both launchers:
// code-server + headless Chromium (scripts/test-integration.mjs) and desktop VS Code via
// @vscode/test-electron (test/runElectron.ts). Suites are discovered, not listed: every
// bundled `suite/**/*.test.js` next to this file is loaded.
import * as fs from 'fs';
import * as path from 'path';

function findSuites(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return findSuites(full);
      return e.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

/** Runs every integration suite; rejects when any test fails (the host then exits non-zero). */
export async function run(): Promise<void> {
  // mocha 12 is an ES module; Node 22+ hosts load it with a real dynamic import.
  const { default: Mocha } = (await import('mocha')) as unknown as { default: typeof import('mocha') };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  // While developing: TOKEN_LENS_IT_GREP=pattern runs only the matching tests (never set in CI).
  if (process.env.TOKEN_LENS_IT_GREP) mocha.grep(process.env.TOKEN_LENS_IT_GREP);
  const suites = findSuites(path.join(__dirname, 'suite'));
  if (suites.length === 0) throw new Error(`no integration suites found under ${__dirname}/suite`);
  for (const file of suites) {
    // What mocha.loadFiles does: expose describe/it on the global, then evaluate the file.
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
