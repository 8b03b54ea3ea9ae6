// What a new user meets first, in a real VS Code (code-server + Chromium) with the
// extension installed from the .vsix: large files clicked in the explorer open in the
// Huge File Editor (also while VS Code is still starting, and every time), and "Open in
// Huge File Editor" replaces the text tab. Screenshots go to test-artifacts/e2e/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { makeLog } from '../../scripts/make-log';
import { closeAllEditors, type ExtensionSession, findInWebviews, runCommand, screenshot, startExtensionSession } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** VS Code's text editor page for a file it will not load ("... because it is very large"). */
const TOO_LARGE = /not displayed in the text editor because it is very large/;

/** Clicks a file in the explorer, as a user opens it (a preview tab). */
async function clickInExplorer(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

/** The first row of the Huge File Editor shows `large.dat`'s first line, and no text editor page is open. */
async function shownInHugeEditor(page: Page, firstLine: string): Promise<void> {
  const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)', 30_000);
  assert.strictEqual(await frame.locator('.row[data-line="0"] .text').textContent(), firstLine);
  assert.strictEqual(await page.getByText(TOO_LARGE).count(), 0, 'VS Code\'s "very large" page is not shown');
  assert.strictEqual(await page.locator('.tabs-container .tab').count(), 1, 'one tab: the Huge File Editor\'s');
}

describe('First run in VS Code: opening large files', function () {
  let tmp: string;
  let workspace: string;
  let firstLine: string;
  let session: ExtensionSession | undefined;
  let page: Page;

  before(async function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-first-run-e2e-'));
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    makeLog(path.join(workspace, 'large.dat'), 60 * 1024 * 1024);
    fs.writeFileSync(path.join(workspace, 'small.txt'), 'a small file\nopened as text first\n');
    firstLine = fs.readFileSync(path.join(workspace, 'large.dat'), 'latin1').slice(0, 200).split('\n')[0];
    // No editor associations: only the auto-open setting (default 50 MB) sends files to the Huge File Editor.
    session = await startExtensionSession(workspace, []);
    page = session.page;
  });

  after(async () => {
    await session?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a 60 MB file clicked in the explorer as soon as the window shows opens in the Huge File Editor', async () => {
    await clickInExplorer(page, 'large.dat');
    await shownInHugeEditor(page, firstLine);
    await screenshot(page, 'first-run-auto-open');
  });

  it('closed and clicked again, it opens in the Huge File Editor again (each time)', async () => {
    for (let time = 0; time < 2; time++) {
      await closeAllEditors(page);
      // A person's pause between closing and clicking: a text tab opened within 250 ms of
      // the close reads as "Reopen Editor With... > Text Editor" (src/editor/autoOpen.ts).
      await sleep(500);
      await clickInExplorer(page, 'large.dat');
      await shownInHugeEditor(page, firstLine);
    }
  });

  it('reopened as text by the user ("Reopen Editor With..."), it stays in the text editor', async () => {
    await runCommand(page, 'View: Reopen Editor With...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Text Editor');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Text Editor' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(TOO_LARGE).waitFor({ timeout: 20_000 });
    // Nothing to wait for when nothing must happen: give a redirect time to show if there were one.
    await sleep(2_000);
    assert.strictEqual(await page.getByText(TOO_LARGE).count(), 1, 'the text editor stays');
    assert.strictEqual(await page.locator('.tabs-container .tab').count(), 1);
    await closeAllEditors(page);
  });

  it('"Open in Huge File Editor" on a file open as text replaces its text tab', async () => {
    await clickInExplorer(page, 'small.txt');
    await page.locator('.monaco-editor .view-lines', { hasText: 'a small file' }).waitFor();
    await runCommand(page, 'Huge File: Open in Huge File Editor');
    const { frame } = await findInWebviews(page, '.row[data-line="1"] .text:not(.placeholder)');
    assert.strictEqual(await frame.locator('.row[data-line="1"] .text').textContent(), 'opened as text first');
    await page.locator('.monaco-editor .view-lines').waitFor({ state: 'detached', timeout: 10_000 });
    assert.strictEqual(await page.locator('.tabs-container .tab', { hasText: 'small.txt' }).count(), 1, 'one tab for small.txt');
    await screenshot(page, 'first-run-open-command');
  });
});
