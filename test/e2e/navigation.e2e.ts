// Finding and jumping in a real VS Code (code-server + Chromium), extension installed
// from the .vsix: the find widget's rank deep in a log with millions of matches, and Go
// to Line with a column. Screenshots go to test-artifacts/e2e/.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { makeLog, parseSize } from '../../scripts/make-log';
import { findInWebviews, openAlone, runCommand, screenshot, suiteSession, waitForNotification } from './harness';

const BIG = process.env.HUGEFILE_E2E_SIZE ?? '4G';

/**
 * Counts the letter `letter` in either case in a file, read in chunks (it may be
 * gigabytes): in all, and before the start of 1-based line `line`.
 */
function countLetter(file: string, letter: string, line: number): { total: number; beforeLine: number } {
  const [lower, upper] = [letter.toLowerCase().charCodeAt(0), letter.toUpperCase().charCodeAt(0)];
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  let lineNo = 1;
  let total = 0;
  let beforeLine = -1;
  try {
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      for (let i = 0; i < n; i++) {
        const b = chunk[i];
        if (b === lower || b === upper) total++;
        else if (b === 10 && ++lineNo === line) beforeLine = total;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { total, beforeLine };
}

async function goToLine(page: Page, frame: Frame, text: string): Promise<void> {
  await frame.locator('.row').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

async function caret(frame: Frame): Promise<string> {
  return (await frame.locator('[data-caret]').first().getAttribute('data-caret')) ?? '';
}

describe('Find and Go to Line in VS Code', function () {
  let log: string;
  const suite = suiteSession('navigation', (workspace) => {
    log = path.join(workspace, 'big.log');
    makeLog(log, parseSize(BIG));
    fs.writeFileSync(path.join(workspace, 'grow.log'), 'first line\nsecond line\n');
    fs.writeFileSync(path.join(workspace, 'wide.txt'), `${'0123456789'.repeat(200)}\nsecond line\n`);
  });
  let workspace: string;
  let page: Page;
  before(() => {
    ({ workspace, page } = suite);
  });

  it('Go to Line far down, Ctrl+F, Enter, F3: the widget tells the match\'s rank among millions ("N of M", not "? of M")', async () => {
    // "e" (any case: Find's default) occurs about a dozen times a line: past the first million matches within the first 100,000 lines.
    const lines = Number(execFileSync('wc', ['-l', log], { encoding: 'utf8' }).split(' ')[0]);
    const target = Math.floor(lines * 0.8);
    const { total, beforeLine } = countLetter(log, 'e', target);
    assert.ok(beforeLine > 1_000_000, `more than a million matches before the target line (${beforeLine})`);
    await openAlone(page, 'big.log');
    const { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    await frame.locator('[data-complete="true"]').first().waitFor({ timeout: 120_000 });
    await goToLine(page, frame, String(target));
    await frame.waitForFunction((line) => document.querySelector('[data-caret]')?.getAttribute('data-caret') === `${line}:0`, target - 1, { timeout: 30_000 });
    await page.keyboard.press('Control+F');
    const input = frame.locator('.find-widget .find-input');
    await input.waitFor({ state: 'visible' });
    await input.fill('e');
    // Each key waits for the match before to show (the caret moves): each finds from there.
    let at = `${target - 1}:0`;
    for (const key of [undefined, 'Enter', 'F3']) {
      if (key) await page.keyboard.press(key);
      await frame.waitForFunction((was) => document.querySelector('[data-caret]')?.getAttribute('data-caret') !== was, at, { timeout: 30_000 });
      at = await caret(frame);
    }
    // Typing found the first match from the caret, Enter the next, F3 the one after.
    const rank = beforeLine + 3;
    const expected = `${rank.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    await frame.locator('.find-count', { hasText: expected }).waitFor({ timeout: 180_000 }).catch(async (err) => {
      throw new Error(`find count "${await frame.locator('.find-count').textContent()}", expected "${expected}": ${err}`);
    });
    await screenshot(page, 'find-rank-deep');
    await page.keyboard.press('Escape');
  });

  it('Count Lines on a log open in the Huge File Editor leaves one line count in the status bar, which follows the log as it grows (follow mode)', async () => {
    await openAlone(page, 'grow.log');
    const { frame } = await findInWebviews(page, '.row[data-line="1"] .text:not(.placeholder)');
    await frame.locator('[data-complete="true"]').first().waitFor();
    await runCommand(page, 'Huge File: Count Lines');
    await waitForNotification(page, 'grow.log: 2 lines');
    const counts = page.locator('.statusbar-item', { hasText: /\b[\d,]+ lines?\b/ });
    await page.locator('.statusbar-item', { hasText: /\b2 lines\b/ }).first().waitFor();
    assert.strictEqual(await counts.count(), 1, `one line count: ${await counts.allTextContents()}`);
    await frame.locator('#follow').click();
    fs.appendFileSync(path.join(workspace, 'grow.log'), 'third line\nfourth line\n');
    await page.locator('.statusbar-item', { hasText: /\b4 lines\b/ }).first().waitFor({ timeout: 20_000 });
    assert.strictEqual(await counts.count(), 1, `one line count: ${await counts.allTextContents()}`);
    await screenshot(page, 'status-bar-line-count');
  });

  it('Go to Line takes line:column (1:1000) and puts the caret there, scrolled into view', async () => {
    await openAlone(page, 'wide.txt');
    const { frame } = await findInWebviews(page, '.row[data-line="1"] .text:not(.placeholder)');
    await goToLine(page, frame, '1:1000');
    await frame.waitForFunction(() => document.querySelector('[data-caret]')?.getAttribute('data-caret') === '0:999', undefined, { timeout: 10_000 });
    assert.strictEqual(await caret(frame), '0:999');
    await frame.waitForFunction(() => Number(document.querySelector('[data-scroll-col]')?.getAttribute('data-scroll-col')) > 500, undefined, { timeout: 10_000 });
    await screenshot(page, 'go-to-line-column');
  });
});
