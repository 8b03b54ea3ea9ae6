// Hot exit during a save, in a real VS Code: VS Code goes away (the window unloads, the
// extension host is SIGKILLed) while a long save of the big log runs, with an edit made
// before the save and one typed during it. The window opened again rolls the file back
// (journal) and restores both edits from VS Code's backup (or, when VS Code names none,
// from the offer of edits left behind); saving then writes them.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { makeLog, parseSize } from '../../scripts/make-log';
import {
  closeAllEditors, type ExtensionSession, extensionHostPid, findInWebviews, openAlone, openFileWith, runCommand, screenshot, startExtensionSession,
  until, waitForNotification,
} from './harness';

const BIG = process.env.HUGEFILE_E2E_SIZE ?? '4G';

function readAt(file: string, offset: number, length: number): string {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(length);
  fs.readSync(fd, buf, 0, length, offset);
  fs.closeSync(fd);
  return buf.toString('latin1');
}

interface Backup {
  path: string;
  added: string;
  held?: { text?: string }[];
}

/**
 * The extension's backup that VS Code has recorded for `file` (VS Code's own backup
 * file, under `dir`'s Backups, names ours by id): VS Code restores from that one, so a
 * test that kills the extension host waits for it, not only for the extension's file
 * (VS Code records it a moment later, and deletes the previous one meanwhile).
 */
function recordedBackupOf(dir: string, file: string): (Backup & { at: string }) | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.parentPath.endsWith('vscode-custom-editor')) continue;
    try {
      const head = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split('\n')[0];
      const meta = JSON.parse(head.slice(head.indexOf(' ') + 1)) as { backupId?: string };
      if (!meta.backupId) continue;
      const at = new URL(meta.backupId);
      const backup = JSON.parse(fs.readFileSync(at, 'utf8')) as Backup;
      if (backup.path === file) return { ...backup, at: at.pathname };
    } catch {
      // Being written, or replaced meanwhile.
    }
  }
  return undefined;
}

/** SIGKILLs `pid` unless it is gone already (code-server may end a window's extension host as the window unloads). */
function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

const dirtyTab = (page: Page, name: string) => page.locator('.tabs-container .tab.dirty', { hasText: name });

describe('Hot exit during a save', function () {
  let tmp: string;
  let workspace: string;
  let session: ExtensionSession | undefined;
  let page: Page;

  before(async function () {
    // The save must last long enough to be killed in the middle (a length change moves the
    // whole file): skipped with HUGEFILE_E2E_SIZE under 1G. What VS Code's web workbench
    // reopens after its window went away mid-save varies: seen here, a window that saw its
    // extension host die first drops the document and its backup, one closed without
    // unloading reopens nothing, and one that unloads (this test) reopens the editor from
    // its saved layout, with the backup's id or, at times, with none (the extension then
    // offers the edits left behind), or once in about a dozen runs no editor at all.
    if (parseSize(BIG) < 2 ** 30) this.skip();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-hotexit-e2e-'));
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    makeLog(path.join(workspace, 'big.log'), 2 ** 30); // long enough a save: larger only takes longer
    execFileSync('sync');
    session = await startExtensionSession(workspace, ['*.log'], { 'files.autoSave': 'off' });
    page = session.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    // The notification center holds why a restore was refused (its toast may be gone).
    await runCommand(page, 'Notifications: Show Notifications').catch(() => undefined);
    await screenshot(page, 'failed-hot-exit');
    // An open center takes new notifications in instead of showing their toasts, which the next test waits for.
    await runCommand(page, 'Notifications: Hide Notifications').catch(() => undefined);
  });

  after(async () => {
    await session?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('offers edits a window left behind without naming them: Restore brings them back, Revert forgets them', async () => {
    const file = path.join(workspace, 'small.log');
    const content = 'first line\nsecond line\n';
    fs.writeFileSync(file, content);
    await openAlone(page, 'small.log');
    let { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('LEFT ');
    await dirtyTab(page, 'small.log').waitFor({ timeout: 20_000 });
    const backups = session!.server.userDataDir;
    await until('a backup of the edit', () => recordedBackupOf(backups, file) !== undefined, 30_000);
    // A copy VS Code does not know of: what a window that went away before recording its last backup leaves.
    const recorded = recordedBackupOf(backups, file)!.at;
    const leftover = path.join(path.dirname(recorded), `left-${path.basename(recorded)}`);
    fs.copyFileSync(recorded, leftover);
    await runCommand(page, 'File: Revert File');
    await dirtyTab(page, 'small.log').waitFor({ state: 'detached', timeout: 20_000 });
    await closeAllEditors(page);

    await openAlone(page, 'small.log');
    const offer = await waitForNotification(page, 'small.log has unsaved changes from an earlier session');
    ({ frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)'));
    await screenshot(page, 'hot-exit-leftover-offer');
    await offer.getByRole('button', { name: 'Restore' }).click();
    await frame.locator('.row[data-line="0"] .text', { hasText: /^LEFT first line$/ }).waitFor({ timeout: 20_000 });
    await dirtyTab(page, 'small.log').waitFor({ timeout: 20_000 });
    await runCommand(page, 'File: Revert File');
    await frame.locator('.row[data-line="0"] .text', { hasText: /^first line$/ }).waitFor({ timeout: 20_000 });
    await closeAllEditors(page);
    assert.ok(!fs.existsSync(leftover), 'reverting the restored edits deleted their backup');

    await openAlone(page, 'small.log');
    ({ frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)'));
    await page.waitForTimeout(2000);
    assert.strictEqual(await page.locator('.notification-toast', { hasText: 'unsaved changes from an earlier session' }).count(), 0, 'nothing offered twice');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), content);
    await closeAllEditors(page);
  });

  it('an edit undone before the file is closed leaves nothing to offer when it opens again', async () => {
    const file = path.join(workspace, 'undone.log');
    fs.writeFileSync(file, 'alpha\nbeta\n');
    await openAlone(page, 'undone.log');
    const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.type('X');
    await dirtyTab(page, 'undone.log').waitFor({ timeout: 20_000 });
    const backups = session!.server.userDataDir;
    await until('a backup of the edit', () => recordedBackupOf(backups, file) !== undefined, 30_000);
    await page.keyboard.press('Control+Z');
    await dirtyTab(page, 'undone.log').waitFor({ state: 'detached', timeout: 20_000 });
    await closeAllEditors(page);
    await openAlone(page, 'undone.log');
    await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    await page.waitForTimeout(2000);
    assert.strictEqual(await page.locator('.notification-toast', { hasText: 'unsaved changes from an earlier session' }).count(), 0, 'no unsaved changes offered');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'alpha\nbeta\n');
    await closeAllEditors(page);
  });

  it('an edit made before a save and one typed during it survive the extension host dying mid-save', async () => {
    const file = path.join(workspace, 'big.log');
    const size = fs.statSync(file).size;
    const head = readAt(file, 0, 200);
    const lines = head.split('\n');
    await openAlone(page, 'big.log');
    const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('BEFORE ');
    await frame.locator('[data-pending-edits="0"]').waitFor();
    await dirtyTab(page, 'big.log').waitFor({ timeout: 20_000 });
    const backups = session!.server.userDataDir;
    await until('a backup of the edit', () => Buffer.from(recordedBackupOf(backups, file)?.added ?? '', 'base64').toString() === 'BEFORE ', 30_000);

    await page.keyboard.press('Control+S');
    await page.locator('.notification-toast', { hasText: 'Saving big.log' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.type('HELD ');
    await frame.locator('.notice', { hasText: 'What you type now is kept' }).waitFor({ timeout: 10_000 });
    // VS Code backs up a second after the last change; the edits typed during the save are in it, waiting for the save.
    await until('VS Code to record a backup of the edit typed during the save', () => recordedBackupOf(backups, file)?.held?.map((h) => h.text).join('') === 'HELD ', 30_000);
    const journal = `${file}.hugefile-journal`;
    assert.ok(fs.existsSync(journal), 'the save is still running');
    // VS Code goes away mid-save: the window unloads (a reload; VS Code keeps its backups,
    // and its "unsaved changes" prompt is accepted), then the extension host is killed. In
    // that order: a window that sees its extension host die first drops the document,
    // backup and all, and one closed without unloading restores nothing (both seen here).
    const pid = await extensionHostPid(session!.server);
    page.on('dialog', (dialog) => void dialog.accept());
    const reloaded = page.reload();
    await page.waitForEvent('framenavigated', { predicate: (navigated) => navigated === page.mainFrame() });
    killIfAlive(pid);
    assert.ok(fs.existsSync(journal), 'the save was killed, not finished');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // At times (seen once in about a dozen runs) VS Code's web workbench reopens no
    // editor at all: the user then opens the file again, as here, and gets the offer.
    const reopened = await page.locator('.tabs-container .tab', { hasText: 'big.log' }).first()
      .waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (!reopened) {
      console.log('      (VS Code reopened no editor: big.log opened again, as a user would)');
      await openFileWith(page, 'big.log');
    }
    const restored = await findInWebviews(page, '.row[data-line="1"] .text:not(.placeholder)', 120_000);
    // VS Code's web workbench at times reopens the editor without naming its backup:
    // the extension then offers the edits it finds left over.
    const offer = page.locator('.notification-toast', { hasText: 'unsaved changes from an earlier session' });
    const handedOver = restored.frame.locator('.row[data-line="0"] .text', { hasText: `BEFORE ${lines[0]}` });
    await Promise.race([offer.first().waitFor({ timeout: 60_000 }), handedOver.waitFor({ timeout: 60_000 })]);
    if (await offer.first().isVisible()) {
      console.log('      (VS Code named no backup: restored through the offer of the edits left behind)');
      await offer.first().getByRole('button', { name: 'Restore' }).click();
    }
    await restored.frame.locator('.row[data-line="0"] .text', { hasText: `BEFORE ${lines[0]}` }).waitFor({ timeout: 60_000 });
    await restored.frame.locator('.row[data-line="1"] .text', { hasText: `HELD ${lines[1]}` }).waitFor({ timeout: 60_000 });
    await restored.frame.locator('.row[data-line="20"] .text:not(.placeholder)').waitFor({ timeout: 60_000 });
    await screenshot(page, 'hot-exit-restored');
    assert.ok(!fs.existsSync(journal), 'recovery removed the journal');
    assert.strictEqual(fs.statSync(file).size, size, 'the file was rolled back');
    assert.strictEqual(readAt(file, 0, 200), head);
    await dirtyTab(page, 'big.log').waitFor({ timeout: 20_000 });

    await restored.frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+S');
    await dirtyTab(page, 'big.log').waitFor({ state: 'detached', timeout: 300_000 });
    assert.strictEqual(readAt(file, 0, 200 + 12), `BEFORE ${lines[0]}\nHELD ${head.slice(lines[0].length + 1)}`);
    assert.strictEqual(fs.statSync(file).size, size + 12);
  });
});
