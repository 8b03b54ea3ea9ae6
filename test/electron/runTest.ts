import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/**
 * Runs test/electron/suite inside a real VS Code desktop downloaded by
 * @vscode/test-electron. Needs a machine that can download VS Code; the project's
 * own CI uses code-server instead (test/e2e), which needs no download.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'electronSuite.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
