// The file on disk and saving, as a user meets them in a real VS Code, with
// files.autoSave off and with code-server's default (afterDelay): a clean editor
// reloads a file rewritten in place; follow keeps following through truncation and
// rotation with one notice; typing during a save is kept and saved next; an
// auto-save that would rewrite a big file's tail waits for Ctrl+S.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { makeLog, parseSize } from '../../scripts/make-log';
import { type ExtensionSession, findInWebviews, openAlone, readAt, runCommand, screenshot, startExtensionSession } from './harness';

const BIG = process.env.HUGEFILE_E2E_SIZE ?? '4G';

/** "line <from>\n" to "line <to>\n", with a prefix. */
function numbered(from: number, to: number, prefix = 'line'): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}\n`).join('');
}

async function openView(page: Page, file: string): Promise<Frame> {
  await openAlone(page, file);
  const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
  return frame;
}

/** The text of every row the view shows now. */
/** The text of the rows shown, without the empty line after the file's final line break (VS Code's lines). */
async function shownRows(frame: Frame): Promise<string[]> {
  const rows = await frame.locator('.row[data-line] .text').allTextContents();
  return rows.at(-1) === '' ? rows.slice(0, -1) : rows;
}

const dirtyTab = (page: Page, name: string) => page.locator('.tabs-container .tab.active.dirty', { hasText: name });

for (const autoSave of ['off', 'afterDelay'] as const) {
  describe(`The file on disk and saving, files.autoSave ${autoSave}`, function () {
    let tmp: string;
    let workspace: string;
    let session: ExtensionSession | undefined;
    let page: Page;

    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-disk-e2e-'));
      workspace = path.join(tmp, 'workspace');
      fs.mkdirSync(workspace);
      makeLog(path.join(workspace, 'big.log'), Math.min(parseSize(BIG), 256 * 1024 ** 2));
      fs.writeFileSync(path.join(workspace, 'clean.log'), numbered(1, 100));
      fs.writeFileSync(path.join(workspace, 'middle.log'), numbered(1, 100));
      fs.writeFileSync(path.join(workspace, 'app.log'), numbered(1, 300, 'old'));
      execFileSync('sync');
      session = await startExtensionSession(workspace, ['*.log'], { 'files.autoSave': autoSave, 'files.autoSaveDelay': 1000 });
      page = session.page;
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed') await screenshot(page, `failed-disk-${autoSave}-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    });

    after(async () => {
      await session?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('a clean editor reloads a file rewritten in place (dd conv=notrunc), quietly, and a save then writes the new text with the edit', async () => {
      const file = path.join(workspace, 'clean.log');
      const frame = await openView(page, 'clean.log');
      await frame.locator('.row[data-line="0"] .text', { hasText: /^line 1$/ }).waitFor();
      execFileSync('dd', ['of=' + file, 'conv=notrunc', 'status=none'], { input: 'REWRITTEN BY DD 1234567' });
      // "line 1\nline 2\nline 3\nli" (23 bytes) became the dd text: row 0 shows it.
      await frame.locator('.row[data-line="0"] .text', { hasText: /^REWRITTEN BY DD 1234567ne 4$/ }).waitFor({ timeout: 10_000 });
      assert.strictEqual(await frame.locator('.notice').count(), 0, 'a clean reload is quiet');
      await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
      await page.keyboard.press('Home');
      await page.keyboard.type('X');
      await frame.locator('[data-pending-edits="0"]').waitFor();
      const want = `XREWRITTEN BY DD 1234567ne 4\n${numbered(5, 100)}`;
      if (autoSave === 'off') {
        await dirtyTab(page, 'clean.log').waitFor({ timeout: 20_000 });
        await page.keyboard.press('Control+S');
      }
      for (let i = 0; i < 300 && fs.readFileSync(file, 'latin1') !== want; i++) await page.waitForTimeout(100);
      assert.strictEqual(fs.readFileSync(file, 'latin1'), want);
      await dirtyTab(page, 'clean.log').waitFor({ state: 'detached', timeout: 30_000 });
    });

    it('a clean editor reloads a rewrite of the same size in the middle of the file (only the mtime tells)', async () => {
      const file = path.join(workspace, 'middle.log');
      const frame = await openView(page, 'middle.log');
      const at = numbered(1, 19).length; // "line 20", on screen
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from('LINE 20'), 0, 7, at);
      fs.closeSync(fd);
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(file, later, later);
      await frame.locator('.row[data-line="19"] .text', { hasText: /^LINE 20$/ }).waitFor({ timeout: 10_000 });
      assert.strictEqual(await dirtyTab(page, 'middle.log').count(), 0);
    });

    it('follow keeps following through truncation and rotation, with one notice and never an old row', async () => {
      const file = path.join(workspace, 'app.log');
      const frame = await openView(page, 'app.log');
      await runCommand(page, 'Huge File: Toggle Follow (tail -f)');
      fs.appendFileSync(file, numbered(301, 310, 'old'));
      await frame.locator('.row .text', { hasText: /^old 310$/ }).waitFor({ timeout: 10_000 });

      fs.truncateSync(file, 0);
      fs.appendFileSync(file, numbered(1, 5, 'after truncation'));
      await frame.locator('.row .text', { hasText: /^after truncation 5$/ }).waitFor({ timeout: 10_000 });
      assert.ok((await shownRows(frame)).every((t) => !t.startsWith('old')), 'no row of the truncated content');
      fs.appendFileSync(file, numbered(6, 8, 'after truncation'));
      await frame.locator('.row .text', { hasText: /^after truncation 8$/ }).waitFor({ timeout: 10_000 });

      fs.renameSync(file, `${file}.1`);
      fs.writeFileSync(file, numbered(1, 400, 'rotated'));
      await frame.locator('.row .text', { hasText: /^rotated 400$/ }).waitFor({ timeout: 10_000 });
      assert.ok((await shownRows(frame)).every((t) => t.startsWith('rotated')), 'only rows of the new file');
      fs.appendFileSync(file, numbered(401, 402, 'rotated'));
      await frame.locator('.row .text', { hasText: /^rotated 402$/ }).waitFor({ timeout: 10_000 });
      const notices = await frame.locator('.notice').allTextContents();
      assert.strictEqual(notices.length, 1, `one notice, got ${JSON.stringify(notices)}`);
      assert.match(notices[0], /app\.log was replaced \(rotated\) on disk; following its new end/);
      assert.strictEqual(await frame.locator('.notice-error').count(), 0);
      await screenshot(page, `disk-follow-rotated-${autoSave}`);
      fs.rmSync(`${file}.1`);
    });

    /**
     * Opens big.log, types `typed` at its start and presses Ctrl+S: a length change, so the
     * whole log moves and the save takes a while. Returns once its progress shows.
     */
    async function typeAndStartSaving(typed: string): Promise<{ file: string; size: number; head: string; frame: Frame }> {
      const file = path.join(workspace, 'big.log');
      const size = fs.statSync(file).size;
      const head = readAt(file, 0, 40);
      const frame = await openView(page, 'big.log');
      await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
      await page.keyboard.press('Control+Home');
      await page.keyboard.type(typed);
      await frame.locator('[data-pending-edits="0"]').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.notification-toast', { hasText: 'Saving big.log' }).first().waitFor({ timeout: 30_000 });
      return { file, size, head, frame };
    }

    it(`typing during a save of the log is kept, shown, and written by the next save`, async () => {
      const { file, size, head, frame } = await typeAndStartSaving('A');
      await page.keyboard.type('BC');
      await frame.locator('.notice', { hasText: 'What you type now is kept' }).waitFor({ timeout: 10_000 });
      await frame.locator('.row[data-line="0"] .text', { hasText: /^ABC/ }).waitFor({ timeout: 10_000 });
      await screenshot(page, `disk-typing-during-save-${autoSave}`);
      // The save ends with the file holding "A"; then "BC" counts as unsaved.
      await page.locator('.notification-toast', { hasText: 'Saving big.log' }).first().waitFor({ state: 'detached', timeout: 300_000 });
      await dirtyTab(page, 'big.log').waitFor({ timeout: 30_000 });
      assert.strictEqual(readAt(file, 0, 41), `A${head}`);
      await page.keyboard.press('Control+S');
      await dirtyTab(page, 'big.log').waitFor({ state: 'detached', timeout: 300_000 });
      assert.strictEqual(readAt(file, 0, 43), `ABC${head}`);
      assert.strictEqual(fs.statSync(file).size, size + 3);
      await frame.locator('.row[data-line="0"] .text', { hasText: new RegExp(`^ABC${head.split('\n')[0].slice(0, 20)}`) }).waitFor();
    });

    it('Ctrl+Z during a save takes back what was typed last (during the save), not what the save writes', async () => {
      const { file, size, head, frame } = await typeAndStartSaving('P');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('QR');
      await frame.locator('.notice', { hasText: 'What you type now is kept' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+Z');
      await page.locator('.notification-toast', { hasText: 'Saving big.log' }).first().waitFor({ state: 'detached', timeout: 300_000 });
      const line0 = new RegExp(`^P${head.split('\n')[0].slice(0, 20)}`);
      await frame.locator('.row[data-line="0"] .text', { hasText: line0 }).waitFor({ timeout: 30_000 });
      await dirtyTab(page, 'big.log').waitFor({ state: 'detached', timeout: 30_000 });
      assert.strictEqual(readAt(file, 0, 41), `P${head}`);
      assert.strictEqual(fs.statSync(file).size, size + 1);
      // The undo stack goes on from there: another Ctrl+Z takes back the "P" the save wrote.
      await page.keyboard.press('Control+Z');
      await frame.locator('.row[data-line="0"] .text', { hasText: new RegExp(`^${head.split('\n')[0].slice(0, 20)}`) }).waitFor({ timeout: 30_000 });
      await dirtyTab(page, 'big.log').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+S');
      await dirtyTab(page, 'big.log').waitFor({ state: 'detached', timeout: 300_000 });
      assert.strictEqual(readAt(file, 0, 40), head);
      assert.strictEqual(fs.statSync(file).size, size);
    });

    if (autoSave === 'afterDelay') {
      it('an auto-save that would rewrite the big log waits, says so, and Ctrl+S saves', async () => {
        const file = path.join(workspace, 'big.log');
        const head = readAt(file, 0, 40);
        const mtime = fs.statSync(file).mtimeMs;
        const frame = await openView(page, 'big.log');
        await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('Z');
        await frame.locator('.notice', { hasText: 'Auto-save is waiting' }).waitFor({ timeout: 15_000 });
        await screenshot(page, 'disk-auto-save-waits');
        assert.ok(await dirtyTab(page, 'big.log').count() === 1, 'still unsaved');
        assert.strictEqual(fs.statSync(file).mtimeMs, mtime, 'nothing written');
        await page.keyboard.press('Control+S');
        await dirtyTab(page, 'big.log').waitFor({ state: 'detached', timeout: 300_000 });
        assert.strictEqual(readAt(file, 0, 41), `Z${head}`);
        await frame.locator('.notice', { hasText: 'Auto-save is waiting' }).waitFor({ state: 'detached', timeout: 10_000 });
      });

      it('a small edit is auto-saved as usual', async () => {
        const file = path.join(workspace, 'middle.log');
        const frame = await openView(page, 'middle.log');
        await frame.locator('.row[data-line="0"] .text').click({ position: { x: 2, y: 5 } });
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('auto ');
        for (let i = 0; i < 100 && !fs.readFileSync(file, 'latin1').startsWith('auto line 1\n'); i++) await page.waitForTimeout(100);
        assert.ok(fs.readFileSync(file, 'latin1').startsWith('auto line 1\n'));
      });
    }
  });
}
