// Desktop launcher: the same integration module in a downloaded desktop VS Code via
// @vscode/test-electron. Needs access to update.code.visualstudio.com, so it is not run on the
// build machines (they use scripts/test-integration.mjs with code-server instead).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { bundleIntegration } from '../scripts/test-integration.mjs';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const extensionTestsPath = await bundleIntegration();
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [path.join(root, 'test', 'integration', 'fixtures'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error('desktop integration run failed:', e);
  process.exit(1);
});
