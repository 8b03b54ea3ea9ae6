// Marks in a real VS Code (code-server + Chromium), extension installed from the .vsix:
// Ctrl+F2 marks the caret's line (a bookmark in the gutter), F2 and Shift+F2 go from
// mark to mark, the marks move with the lines as text is typed above them, are kept
// for the next time the file opens once saved, and "List Marks" lists them with their
// text. Screenshots go to test-artifacts/e2e/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { rulerLanesAt } from '../rulerPixels';
import { closeAllEditors, findInWebviews, openAlone, runCommandShowing, screenshot, suiteSession, until } from './harness';

const LINES = Array.from({ length: 3000 }, (_, i) => `2026-12-07T06:${String(i % 60).padStart(2, '0')}:00Z INFO request ${i + 1} served`);

function caretIs(frame: Frame, line: number): Promise<unknown> {
  return frame.waitForFunction((want) => document.querySelector('[data-caret]')?.getAttribute('data-caret')?.startsWith(`${want}:`), line, { timeout: 10_000 });
}

async function markedLines(frame: Frame): Promise<number[]> {
  return frame.$$eval('.row.marked', (rows) => rows.map((r) => Number((r as HTMLElement).dataset.line)).sort((a, b) => a - b));
}

describe('Marks in VS Code', function () {
  const suite = suiteSession('marks', (workspace) => {
    fs.writeFileSync(path.join(workspace, 'app.log'), `${LINES.join('\n')}\n`);
  }, ['*.log'], { 'files.autoSave': 'off' });
  let workspace: string;
  let page: Page;
  before(() => {
    ({ workspace, page } = suite);
  });

  it('Ctrl+F2 marks lines, F2 and Shift+F2 visit them; they move with typing, are kept once saved, and List Marks lists them', async () => {
    await openAlone(page, 'app.log');
    let { frame } = await findInWebviews(page, '.row[data-line="12"] .text:not(.placeholder)');
    await frame.locator('.row[data-line="4"] .text').click({ position: { x: 2, y: 5 } });
    await caretIs(frame, 4);
    await page.keyboard.press('Control+F2');
    await frame.locator('.row[data-line="4"].marked').waitFor({ timeout: 10_000 });
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await caretIs(frame, 10);
    await page.keyboard.press('Control+F2');
    await frame.locator('.row[data-line="10"].marked').waitFor({ timeout: 10_000 });
    // A mark far down, past the first screen, reached by F2 only.
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('2500');
    await page.keyboard.press('Enter');
    await caretIs(frame, 2499);
    await page.keyboard.press('Control+F2');
    await frame.locator('.row[data-line="2499"].marked').waitFor({ timeout: 10_000 });

    await page.keyboard.press('Control+Home');
    await caretIs(frame, 0);
    for (const want of [4, 10, 2499, 4]) {
      await page.keyboard.press('F2');
      await caretIs(frame, want);
    }
    await page.keyboard.press('Shift+F2');
    await caretIs(frame, 2499);
    await page.keyboard.press('Shift+F2');
    await caretIs(frame, 10);
    // Unmarking: Ctrl+F2 again on a marked line.
    await page.keyboard.press('Control+F2');
    await until('line 10 to be unmarked', async () => !(await markedLines(frame)).includes(10));
    await page.keyboard.press('Control+F2');
    await frame.locator('.row[data-line="10"].marked').waitFor({ timeout: 10_000 });
    assert.strictEqual(await frame.locator('.row.marked .text').first().textContent(), LINES[4], 'the mark is on the line, not on a neighbour');

    // Two lines typed above the marks: they move down with their lines.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# first\n# second\n');
    await until('the marks to move with their lines', async () => JSON.stringify(await markedLines(frame)) === '[6,12]');
    await screenshot(page, 'marks-gutter');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 20_000 });
    assert.ok(fs.readFileSync(path.join(workspace, 'app.log'), 'utf8').startsWith('# first\n# second\n'));

    await closeAllEditors(page);
    await openAlone(page, 'app.log');
    ({ frame } = await findInWebviews(page, '.row[data-line="12"] .text:not(.placeholder)'));
    await until('the saved marks to come back', async () => JSON.stringify(await markedLines(frame)) === '[6,12]');
    // The view's header and the status bar give the file the same number of lines, as wc -l counts them.
    await frame.locator('.status', { hasText: '3,002 lines' }).waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: '3,002 lines' }).waitFor({ timeout: 10_000 });

    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await runCommandShowing(page, 'Huge File: List Marks', rows.nth(2));
    assert.deepStrictEqual(await rows.locator('.label-name').allTextContents(), ['Line 7', 'Line 13', 'Line 2,502']);
    assert.deepStrictEqual(await rows.locator('.label-description').allTextContents(), [LINES[4], LINES[10], LINES[2499]], 'each row shows its line\'s text');
    await screenshot(page, 'marks-list');
    const last = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Line 2,502' });
    for (let moves = 0; (await last.count()) === 0; moves++) {
      if (moves > 5) assert.fail('Line 2,502 never got the focus in the list');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await caretIs(frame, 2501);
  });
  it('the overview ruler shows where every find match and mark is in the whole file, and clears when the find closes', async () => {
    await openAlone(page, 'app.log');
    const { frame } = await findInWebviews(page, '.row[data-line="12"] .text:not(.placeholder)');
    await until('the saved marks', async () => JSON.stringify(await markedLines(frame)) === '[6,12]');
    await frame.locator('.row[data-line="6"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+F');
    const input = frame.locator('.find-widget .find-input');
    await input.waitFor({ state: 'visible' });
    await input.fill('request 2000 served');
    await frame.locator('.find-count', { hasText: /of 1$/ }).waitFor({ timeout: 30_000 });
    const painted = (fraction: number) => rulerLanesAt(frame, fraction);
    const lines = 3003; // as the view counts them: the empty line after the last break included
    await until('the match on the ruler', async () => (await painted(2001 / lines))[2]);
    assert.deepStrictEqual(await painted(1000 / lines), [false, false, false], 'nothing where there is no match or mark');
    assert.deepStrictEqual((await painted(2501 / lines))[0], true, 'the mark on line 2,502');
    await screenshot(page, 'overview-ruler');
    await page.keyboard.press('Escape');
    await frame.locator('.find-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Home'); // the caret, drawn across the ruler, leaves the match's line
    await until('the find lane to clear', async () => !(await painted(2001 / lines))[2]);

    // An unsaved edit far down shows in the left lane until it is undone.
    await page.keyboard.press('Control+G');
    const go = page.locator('.quick-input-widget input');
    await go.waitFor({ state: 'visible' });
    await go.fill('1500');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelector('[data-caret]')?.getAttribute('data-caret')?.startsWith('1499:'), undefined, { timeout: 10_000 });
    await frame.locator('.row[data-line="1499"] .text').click({ position: { x: 2, y: 5 } }); // the focus back in the view, to type
    await page.keyboard.type('EDIT'); // one word: one undo step
    await page.locator('.tabs-container .tab.dirty').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Home');
    await frame.locator('canvas.overview-ruler[data-lanes~="edits"]').waitFor({ timeout: 10_000 });
    await until('the edit on the ruler', async () => (await painted(1499.5 / lines))[0]);
    assert.deepStrictEqual(await painted(1499.5 / lines), [true, false, false], 'in the left lane only');
    await screenshot(page, 'overview-ruler-edit');
    await page.keyboard.press('Control+Z');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    // Undo puts the caret (drawn across the ruler) back on the line: the lane itself is what must go.
    await frame.locator('canvas.overview-ruler:not([data-lanes~="edits"])').waitFor({ timeout: 10_000 });
  });
  it('the filter\'s "Show marked lines" rule lists the marked lines, less those a hide rule matches, and follows the marks', async () => {
    await openAlone(page, 'app.log');
    const { frame } = await findInWebviews(page, '#filter');
    await until('the saved marks', async () => JSON.stringify(await markedLines(frame)) === '[6,12]');
    await frame.locator('#filter').click();
    const rules = frame.locator('.filter-rule');
    await rules.first().locator('.filter-mode').selectOption('marked');
    const rows = async () => frame.$$eval('.filter-row', (els) => els.map((e) => Number((e as HTMLElement).dataset.line)).sort((a, b) => a - b));
    await until('the marked lines in the filter', async () => JSON.stringify(await rows()) === '[6,12,2501]');
    await screenshot(page, 'filter-marked-lines');
    await frame.locator('.filter-add').click();
    await rules.nth(1).locator('.filter-mode').selectOption('exclude');
    await rules.nth(1).locator('input').fill('request 11 ');
    await until('the hidden marked line to go', async () => JSON.stringify(await rows()) === '[6,2501]');
    // A mark set now joins the list.
    await frame.locator('.row[data-line="20"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+F2');
    await until('the new mark in the filter', async () => JSON.stringify(await rows()) === '[6,20,2501]');
    await page.keyboard.press('Control+F2');
    await until('the mark gone from the filter', async () => JSON.stringify(await rows()) === '[6,2501]');
    await frame.locator('.filter-close').click();
  });
});
