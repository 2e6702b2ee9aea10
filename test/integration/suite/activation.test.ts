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
    await ext.activate();
    const ms = performance.now() - started;
    assert.strictEqual(ext.isActive, true);
    // Reported for the summary; activation is onStartupFinished so this may be ~0 when done already.
    console.log(`    activation: ${ms.toFixed(1)} ms (already active before: ${ms < 1})`);
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
