import * as assert from 'assert';
import * as fs from 'fs';
import Mocha from 'mocha';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** Entry point VS Code calls inside the extension host (see runTest.ts). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  defineTests();
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} failed`)) : resolve())));
}

function defineTests(): void {
  describe('Huge File Editor in VS Code desktop', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-electron-'));
    const file = path.join(dir, 'log.txt');
    fs.writeFileSync(file, Array.from({ length: 100_000 }, (_, i) => `#${i + 1} line`).join('\n') + '\n');

    it('opens a file in the Huge File Editor', async () => {
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'hugefile.editor');
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(input instanceof vscode.TabInputCustom);
      assert.strictEqual(input.viewType, 'hugefile.editor');
    });

    it('counts lines from the command palette', async () => {
      await vscode.commands.executeCommand('hugefile.countLines', vscode.Uri.file(file));
      const ext = vscode.extensions.getExtension('hugefile.hugefile');
      assert.ok(ext?.isActive);
    });
  });
}
