// The extension as a real host sees it: found, activated, every manifest command registered.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'token-lens.token-lens';

describe('Token Lens activation (real extension host)', () => {
  it('is installed under its manifest id', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  it('activates without error, measured', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const started = performance.now();
    const api = (await ext.activate()) as { activationMs: number };
    const ms = performance.now() - started;
    assert.strictEqual(ext.isActive, true);
    // `activationMs` is the body of activate() (registrations only, heavy work lazy; target
    // under 10 ms). The bound asserted here is loose because CI machines are shared and slow;
    // the figure is printed for the report.
    assert.ok(api.activationMs < 100, `activate() took ${api.activationMs.toFixed(1)} ms`);
    console.log(`    activation: activate() ${api.activationMs.toFixed(1)} ms; load + activate ${ms.toFixed(1)} ms (already active before: ${ms < 1})`);
  });

  it('registers every command contributed in package.json', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const contributed = (ext.packageJSON.contributes?.commands ?? []) as { command: string }[];
    assert.ok(contributed.length > 0, 'manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
