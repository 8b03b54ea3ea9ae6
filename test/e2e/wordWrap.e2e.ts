// Word wrap in a real VS Code (code-server + Chromium), extension installed from the
// .vsix: Alt+Z in the text view runs Huge File: Toggle Word Wrap (VS Code's own Alt+Z
// would do nothing to a custom editor), the command palette's entry does the same, and
// a 3 MB line wraps into rows scrolled through by keys. Screenshots go to
// test-artifacts/e2e/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { findInWebviews, openAlone, runCommand, screenshot, suiteSession, until } from './harness';

const LONG_LINE = 5;
const LONG_BYTES = 3_000_000;
const token = (k: number) => `@${String(k * 10).padStart(9, '0')}`;
const LINES = Array.from({ length: 400 }, (_, i) => (i === LONG_LINE
  ? Array.from({ length: LONG_BYTES / 10 }, (_, k) => token(k)).join('')
  : `2026-12-07T06:${String(i % 60).padStart(2, '0')}:00Z INFO request ${i + 1} served to a client after a long wait in the queue of the pool`));

async function wrapWidth(frame: Frame): Promise<number> {
  return Number(await frame.$eval('#root', (root) => (root as HTMLElement).dataset.wrapWidth ?? '0'));
}

describe('Word wrap in VS Code', function () {
  const suite = suiteSession('wrap', (workspace) => {
    fs.writeFileSync(path.join(workspace, 'wrap.log'), `${LINES.join('\n')}\n`);
  }, ['*.log'], { 'files.autoSave': 'off', 'editor.wordWrap': 'off' });

  it('Alt+Z wraps the text view and unwraps it; Down goes through the rows of a 3 MB line', async () => {
    const page = suite.page;
    await openAlone(page, 'wrap.log');
    const { frame } = await findInWebviews(page, '.row[data-line="12"] .text:not(.placeholder)');
    assert.strictEqual(await wrapWidth(frame), 0, 'editor.wordWrap is off');
    await frame.locator(`.row[data-line="${LONG_LINE}"] .text`).click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Alt+KeyZ');
    await frame.locator(`.row[data-line="${LONG_LINE}"][data-row="3"] .text:not(.placeholder)`).waitFor({ timeout: 20_000 });
    const width = await wrapWidth(frame);
    assert.ok(width > 20, `wraps at ${width} cells`);
    assert.strictEqual(await frame.locator(`.row[data-line="${LONG_LINE}"][data-row="2"] .text`).textContent(),
      LINES[LONG_LINE].slice(2 * width, 3 * width));
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await until('the caret 40 rows down the long line', async () => (await frame.$eval('#root', (r) => (r as HTMLElement).dataset.caret)) === `${LONG_LINE}:${40 * width}`);
    await page.keyboard.press('End');
    await until('End at the row\'s end', async () => (await frame.$eval('#root', (r) => (r as HTMLElement).dataset.caret)) === `${LONG_LINE}:${41 * width}`);
    await screenshot(page, 'word-wrap');
    await page.keyboard.press('Alt+KeyZ');
    await until('the view to unwrap', async () => (await wrapWidth(frame)) === 0);
    assert.strictEqual(await frame.locator('.row[data-row]').count(), 0);
  });

  it('Huge File: Toggle Word Wrap from the command palette does the same', async () => {
    const page = suite.page;
    await openAlone(page, 'wrap.log');
    const { frame } = await findInWebviews(page, '.row[data-line="12"] .text:not(.placeholder)');
    await runCommand(page, 'Huge File: Toggle Word Wrap');
    await until('the view to wrap', async () => (await wrapWidth(frame)) > 0);
    await frame.locator('.row[data-line="3"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Control+End');
    await frame.locator(`.row[data-line="${LINES.length}"]`).waitFor({ timeout: 20_000 });
    await runCommand(page, 'Huge File: Toggle Word Wrap');
    await until('the view to unwrap', async () => (await wrapWidth(frame)) === 0);
  });
});

describe('Word wrap in VS Code, from editor.wordWrap', function () {
  const suite = suiteSession('wrap-setting', (workspace) => {
    fs.writeFileSync(path.join(workspace, 'wrap.log'), `${LINES.join('\n')}\n`);
  }, ['*.log'], { 'files.autoSave': 'off', 'editor.wordWrap': 'off', 'editor.wordWrapColumn': 40, '[log]': { 'editor.wordWrap': 'wordWrapColumn' } });

  it('a log opens wrapped as the [log] language\'s editor.wordWrap says, at editor.wordWrapColumn; Alt+Z turns it off and back to that column', async () => {
    const page = suite.page;
    await openAlone(page, 'wrap.log');
    const { frame } = await findInWebviews(page, '.row[data-line="1"] .text:not(.placeholder)');
    await until('the view to wrap at 40 cells', async () => (await wrapWidth(frame)) === 40);
    assert.strictEqual(await frame.locator('.row[data-line="0"][data-row="0"] .text').textContent(), '2026-12-07T06:00:00Z INFO request 1 ');
    await frame.locator('.row[data-line="1"] .text').first().click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Alt+KeyZ');
    await until('the view to unwrap', async () => (await wrapWidth(frame)) === 0);
    await page.keyboard.press('Alt+KeyZ');
    await until('the view to wrap at 40 cells again', async () => (await wrapWidth(frame)) === 40);
    await screenshot(page, 'word-wrap-column');
  });
});
