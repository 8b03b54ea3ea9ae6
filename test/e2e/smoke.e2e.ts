// Proves the harness on its own, without the project's extension: a throwaway extension
// (a command showing a notification, a custom editor showing a webview) is packaged,
// installed and driven through the workbench.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  type CodeServer, extensionHostPid, findInWebviews, launchBrowser, openFileWith, openWorkbench, packageVsix,
  rssBytes, runCommand, screenshot, startCodeServer, waitForNotification,
} from './harness';

const MESSAGE = 'Hello from the e2e smoke extension';
const EDITOR = 'E2E Smoke Line Counter';

function writeSmokeExtension(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'e2e-smoke',
    publisher: 'e2e',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    contributes: {
      commands: [{ command: 'e2eSmoke.hello', title: 'E2E Smoke: Say Hello' }],
      customEditors: [{ viewType: 'e2eSmoke.lines', displayName: EDITOR, priority: 'option',
        selector: [{ filenamePattern: '*.txt' }] }],
    },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), `const vscode = require('vscode');
exports.activate = (context) => context.subscriptions.push(
  vscode.commands.registerCommand('e2eSmoke.hello', () => vscode.window.showInformationMessage(${JSON.stringify(MESSAGE)})),
  vscode.window.registerCustomEditorProvider('e2eSmoke.lines', {
    resolveCustomTextEditor(document, panel) {
      panel.webview.html = '<!DOCTYPE html><body><p id="smoke-lines">' + document.lineCount + ' lines</p></body>';
    },
  }));
`);
}

describe('e2e harness smoke', () => {
  let tmp: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-smoke-'));
    writeSmokeExtension(path.join(tmp, 'ext'));
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(path.join(workspace, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'notes/hello.txt'), 'smoke test file\n');

    const vsix = packageVsix(path.join(tmp, 'ext'));
    server = await startCodeServer({ vsix, workspace });
    ({ browser, page } = await launchBrowser());
    await openWorkbench(page, server.url, workspace);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('opens a file, runs a command from the palette and shows its notification', async () => {
    await openFileWith(page, 'notes/hello.txt');
    await page.locator('.monaco-editor .view-lines', { hasText: 'smoke test file' }).waitFor();

    await runCommand(page, 'E2E Smoke: Say Hello');
    await waitForNotification(page, MESSAGE);
    await screenshot(page, 'smoke');
  });

  it('reopens the file in a custom editor and reads its webview', async () => {
    await openFileWith(page, 'notes/hello.txt', EDITOR);
    const { locator } = await findInWebviews(page, '#smoke-lines');
    assert.strictEqual(await locator.textContent(), '2 lines');
    await screenshot(page, 'smoke-webview');
  });

  it('finds the extension host process and its memory', async () => {
    const pid = await extensionHostPid(server!);
    assert.ok(rssBytes(pid) > 10 * 1024 * 1024, 'extension host RSS implausibly small');
  });
});
