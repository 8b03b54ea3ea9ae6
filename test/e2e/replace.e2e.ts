// Replace in a real VS Code (code-server + Chromium), extension installed from the .vsix,
// with VS Code's auto-save on (code-server's default): Ctrl+H, Replace and Replace All,
// the bytes on disk after the auto-save, one Ctrl+Z for a whole Replace All.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { makeLog, parseSize } from '../../scripts/make-log';
import { findInWebviews, openAlone, screenshot, suiteSession, until } from './harness';

const LARGE = process.env.HUGEFILE_E2E_REPLACE_SIZE ?? '512M';

/** A log of `lines` lines, every third an ERROR of a numbered worker. */
function smallLog(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `2026-12-07T10:${String(i % 60).padStart(2, '0')}:00Z ${i % 3 === 0 ? 'ERROR' : 'INFO '} worker-${i} ${i % 3 === 0 ? 'failed' : 'served'}\n`).join('');
}

/** Waits until the auto-save has written `file` as `expected` and the tab shows it saved (the next test closes it). */
async function autoSaved(page: Page, file: string, expected: string, what: string): Promise<void> {
  await until(what, () => fs.readFileSync(file, 'utf8') === expected, 30_000);
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 30_000 });
}

/** Opens `name`, clicks its first row, and opens find with replace (Ctrl+H) for `find`, replacing with `by`. */
async function openReplace(page: Page, name: string, find: string, by: string, options: { regex?: boolean } = {}): Promise<Frame> {
  await openAlone(page, name);
  const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
  await frame.locator('.row[data-line="0"] .text').click();
  await page.keyboard.press('Control+H');
  const input = frame.locator('.find-widget .find-input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(find);
  if (options.regex) await page.keyboard.press('Alt+R');
  await frame.locator('.find-widget .find-count', { hasText: / of / }).waitFor({ timeout: 60_000 });
  await frame.locator('.find-widget .replace-input').fill(by);
  return frame;
}

describe('Replace in VS Code', function () {
  const suite = suiteSession('replace', (workspace) => {
    fs.writeFileSync(path.join(workspace, 'app.log'), smallLog(3000));
    fs.writeFileSync(path.join(workspace, 'workers.log'), smallLog(30));
    const large = path.join(workspace, 'large.log');
    makeLog(large, parseSize(LARGE));
    // Two markers, one near the start and one at the very end, in a log of hundreds of MB.
    const fd = fs.openSync(large, 'r+');
    fs.writeSync(fd, Buffer.from('MARKER'), 0, 6, 100);
    fs.closeSync(fd);
    fs.appendFileSync(large, 'the last line: MARKER\n');
    execFileSync('sync');
  });

  it('Ctrl+H, Replace All: every match is replaced on disk by the auto-save; one Ctrl+Z puts every one back', async () => {
    const file = path.join(suite.workspace, 'app.log');
    const original = fs.readFileSync(file, 'utf8');
    const count = original.split('ERROR').length - 1;
    const frame = await openReplace(suite.page, 'app.log', 'ERROR', 'FAILURE');
    await suite.page.keyboard.press('Control+Alt+Enter');
    await frame.locator('.find-widget .find-count', { hasText: `Replaced ${count.toLocaleString('en-US')} occurrences` }).waitFor({ timeout: 60_000 });
    const expected = original.replaceAll('ERROR', 'FAILURE');
    await autoSaved(suite.page, file, expected, 'the auto-save wrote the replacements');
    await frame.locator('.row[data-line="0"] .text', { hasText: 'FAILURE' }).waitFor();
    await screenshot(suite.page, 'replace-all');
    await suite.page.keyboard.press('Escape');
    await suite.page.keyboard.press('Control+Z');
    await autoSaved(suite.page, file, original, 'one undo took every replacement back, on disk');
    await frame.locator('.row[data-line="0"] .text', { hasText: 'ERROR' }).waitFor();
  });

  it('Replace (Enter in the replace box) changes the match found and moves to the next; a regex replacement takes its groups', async () => {
    const file = path.join(suite.workspace, 'workers.log');
    const original = fs.readFileSync(file, 'utf8');
    const frame = await openReplace(suite.page, 'workers.log', 'worker-(\\d+) failed', 'w$1 FAILED', { regex: true });
    await frame.locator('.find-widget .find-count', { hasText: /^1 of 10$/ }).waitFor({ timeout: 30_000 });
    await suite.page.keyboard.press('Enter');
    await frame.locator('.find-widget .find-count', { hasText: /^1 of 9$/ }).waitFor({ timeout: 30_000 });
    await suite.page.keyboard.press('Enter');
    await frame.locator('.find-widget .find-count', { hasText: /^1 of 8$/ }).waitFor({ timeout: 30_000 });
    await screenshot(suite.page, 'replace-one');
    const expected = original.replace('worker-0 failed', 'w0 FAILED').replace('worker-3 failed', 'w3 FAILED');
    await autoSaved(suite.page, file, expected, 'the auto-save wrote both replacements');
  });

  it(`Replace All in a ${LARGE} log changes the two matches at its ends, in place: the file keeps its size and inode`, async () => {
    const file = path.join(suite.workspace, 'large.log');
    const before = fs.statSync(file);
    const frame = await openReplace(suite.page, 'large.log', 'MARKER', 'marked');
    await suite.page.keyboard.press('Control+Alt+Enter');
    await frame.locator('.find-widget .find-count', { hasText: 'Replaced 2 occurrences' }).waitFor({ timeout: 120_000 });
    await until('the auto-save wrote both in place', () => {
      const head = Buffer.alloc(6);
      const fd = fs.openSync(file, 'r');
      fs.readSync(fd, head, 0, 6, 100);
      fs.closeSync(fd);
      return head.toString() === 'marked';
    }, 60_000);
    const tail = execFileSync('tail', ['-n', '1', file], { encoding: 'utf8' });
    assert.strictEqual(tail, 'the last line: marked\n');
    const after = fs.statSync(file);
    assert.deepStrictEqual([after.size, after.ino], [before.size, before.ino]);
  });
});
