// The integration suites in the browser's web worker extension host (issue 15: one set of tests
// for both hosts). scripts/test-integration-web.mjs bundles this module, mocha's browser build
// and every suite that needs no Node built-in for the browser, with `assert` and `Buffer` from
// ./assert.ts and ./buffer.ts, and generates `./suites.gen` (the list). The module has to sit in
// the extension's folder for the workbench to run it in the worker (../shared/real-vscode.md).
import * as vscode from 'vscode';
import { suites } from './suites.gen';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  grep(pattern: string): void;
  suite: { emit(event: string, ...args: unknown[]): void };
  run(done: (failures: number) => void): void;
}

/** Runs the bundled suites; rejects when any test fails (the host then exits non-zero). */
export async function run(): Promise<void> {
  // mocha's browser build sets globalThis.mocha (a Mocha instance with setup()).
  await import('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = (globalThis as { TOKEN_LENS_IT_GREP?: string }).TOKEN_LENS_IT_GREP;
  if (grep) mocha.grep(grep);
  // Which host this is: the web worker has no `process` of Node's (mocha shims one), and the
  // extension runs as a UI extension there.
  const ext = vscode.extensions.getExtension('token-lens.token-lens');
  console.log(`  extension host: ${typeof navigator !== 'undefined' && typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? 'web worker' : 'not a web worker'}, extensionKind ${ext?.extensionKind === vscode.ExtensionKind.UI ? 'UI' : 'Workspace'}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'}`);
  for (const s of suites) {
    mocha.suite.emit('pre-require', globalThis, s.file, mocha);
    s.load();
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed in the web worker host`);
}
