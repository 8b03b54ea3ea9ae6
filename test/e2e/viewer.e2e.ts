// The viewer in a real VS Code (code-server + Chromium), installed from the .vsix that
// `npm run package` builds, the way a user installs it. Every check reads what the user
// sees in the webview's DOM; screenshots go to test-artifacts/e2e/.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { makeLog, parseSize } from '../../scripts/make-log';
import {
  closeAllEditors, type ExtensionSession, findInWebviews, openAlone, openFileWith, ROOT, runCommand, screenshot, startExtensionSession, waitForNotification,
} from './harness';

const VSIX = path.join(ROOT, 'dist/hugefile.vsix');
const BIG = process.env.HUGEFILE_E2E_SIZE ?? '4G';

/** The n-th line (1-based) of a file, by `sed`: the reference for what the view must show. */
function lineOf(file: string, n: number): string {
  return execFileSync('sed', ['-n', `${n}{p;q}`, file], { encoding: 'utf8', maxBuffer: 1 << 20 }).replace(/\r?\n$/, '');
}

/** Clicks into the view and goes to 1-based `line` through Ctrl+G. */
async function goToLine(page: Page, frame: Frame, line: number): Promise<void> {
  await frame.locator('.row').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(String(line));
  await page.keyboard.press('Enter');
}

/** Text of the row showing 0-based `line`, once it is rendered. */
async function rowText(frame: Frame, line: number, timeout = 30_000): Promise<string> {
  const text = frame.locator(`.row[data-line="${line}"] .text`);
  await text.waitFor({ timeout });
  await frame.waitForFunction((l) => {
    const el = document.querySelector(`.row[data-line="${l}"] .text`);
    return !!el && !el.classList.contains('placeholder');
  }, line, { timeout });
  return (await text.textContent()) ?? '';
}

/** Waits until the row for 0-based `line` shows `expected` (after a change, stale text may show first). */
async function waitForRowText(frame: Frame, line: number, expected: string, timeout = 20_000): Promise<void> {
  await frame.waitForFunction(([l, want]) => document.querySelector(`.row[data-line="${l}"] .text`)?.textContent === want, [line, expected] as const, { timeout });
}

async function topLine(frame: Frame): Promise<number> {
  return Number(await frame.locator('[data-top-line]').first().getAttribute('data-top-line'));
}

describe('Huge File Editor in VS Code', function () {
  let tmp: string;
  let workspace: string;
  let bigLog: string;
  let session: ExtensionSession | undefined;
  let page: Page;

  before(async function () {
    const listing = execFileSync('unzip', ['-l', VSIX], { encoding: 'utf8' });
    assert.match(listing, /extension\/node_modules\/@koromix\/koffi-linux-x64\/linux_x64\/koffi\.node/, 'the .vsix ships koffi\'s native binary');
    assert.match(listing, /extension\/dist\/webview\.js/);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-viewer-e2e-'));
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    bigLog = path.join(workspace, 'big.log');
    makeLog(bigLog, parseSize(BIG));
    makeLog(path.join(workspace, 'small.log'), 1024 * 1024);
    makeLog(path.join(workspace, 'large.dat'), 60 * 1024 * 1024);
    fs.writeFileSync(path.join(workspace, 'long.txt'), Buffer.concat([
      Buffer.from('before the long line\n'), Buffer.alloc(100 * 1024 * 1024, 0x78), Buffer.from('\nafter the long line\n'),
    ]));
    fs.writeFileSync(path.join(workspace, 'controls.txt'), Buffer.from('tab\there\nnul\0bell\x07 bad\xff\xfeutf8\n', 'latin1'));
    fs.writeFileSync(path.join(workspace, 'follow.log'), 'first line\nsecond line\n');
    session = await startExtensionSession(workspace);
    page = session.page;
  });

  after(async () => {
    await session?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(`opens a ${BIG} log and shows line 1 at once`, async () => {
    await openFileWith(page, 'big.log');
    const { frame } = await findInWebviews(page, '.row[data-line="0"]', 20_000);
    assert.strictEqual(await rowText(frame, 0), lineOf(bigLog, 1));
    await screenshot(page, 'viewer-open-big');
  });

  it('Ctrl+End shows the true last line (tail -n 1)', async () => {
    const { frame } = await findInWebviews(page, '.row[data-line="0"]');
    await frame.locator('[data-complete="true"]').first().waitFor({ timeout: 60_000 });
    const count = Number(await frame.locator('[data-line-count]').first().getAttribute('data-line-count'));
    // As in VS Code, the log's final newline is followed by an empty last line, where Ctrl+End goes.
    assert.strictEqual(count, Number(execFileSync('wc', ['-l', bigLog], { encoding: 'utf8' }).split(' ')[0]) + 1);
    await frame.locator('.row[data-line="0"]').click();
    await page.keyboard.press('Control+End');
    const last = execFileSync('tail', ['-n', '1', bigLog], { encoding: 'utf8' }).replace(/\n$/, '');
    assert.strictEqual(await rowText(frame, count - 2), last);
    await frame.locator(`#root[data-caret="${count - 1}:0"]`).waitFor();
    await screenshot(page, 'viewer-ctrl-end');
  });

  it('Go to Line (Ctrl+G) to a line in the middle shows that line', async () => {
    const { frame } = await findInWebviews(page, '.row');
    const count = Number(await frame.locator('[data-line-count]').first().getAttribute('data-line-count'));
    const target = Math.floor(count / 2) + 17;
    await goToLine(page, frame, target);
    assert.strictEqual(await rowText(frame, target - 1), lineOf(bigLog, target));
    await screenshot(page, 'viewer-go-to-line');
  });

  it(`closed and opened again, the ${BIG} log's line index is back at once (kept from the first opening): Go to Line near the end`, async () => {
    const count = Number(execFileSync('wc', ['-l', bigLog], { encoding: 'utf8' }).split(' ')[0]);
    // Indexed whole once (kept then), closed, opened again.
    await closeAllEditors(page);
    await openFileWith(page, 'big.log');
    let { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)', 20_000);
    await frame.locator('[data-complete="true"]').first().waitFor({ timeout: 60_000 });
    await closeAllEditors(page);
    // The status bar says "Indexing N %" while an index is incomplete: watch whether it ever does.
    await page.evaluate(() => {
      const w = window as unknown as { sawIndexing: boolean };
      w.sawIndexing = false;
      const bar = document.querySelector('.part.statusbar')!;
      new MutationObserver(() => { if (bar.textContent?.includes('Indexing')) w.sawIndexing = true; })
        .observe(bar, { subtree: true, childList: true, characterData: true });
    });
    const started = Date.now();
    await openFileWith(page, 'big.log');
    ({ frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)', 20_000));
    const shownMs = Date.now() - started;
    await frame.locator('[data-complete="true"]').first().waitFor({ timeout: 1_000 });
    await page.locator('.statusbar-item', { hasText: /Ln 1, Col 1/ }).first().waitFor({ timeout: 5_000 });
    assert.strictEqual(await page.evaluate(() => (window as unknown as { sawIndexing: boolean }).sawIndexing), false, 'never "Indexing": the whole index was there');
    assert.strictEqual(Number(await frame.locator('[data-line-count]').first().getAttribute('data-line-count')), count + 1);
    const target = count - 5;
    await goToLine(page, frame, target);
    assert.strictEqual(await rowText(frame, target - 1), execFileSync('tail', ['-n', String(count - target + 1), bigLog], { encoding: 'utf8' }).split('\n')[0]);
    console.log(`      (reopened: first row and the whole index ${shownMs} ms after the click)`);
  });

  it('dragging the scrollbar to 50 % lands near the middle line', async () => {
    const { frame } = await findInWebviews(page, '.scroll-track');
    const count = Number(await frame.locator('[data-line-count]').first().getAttribute('data-line-count'));
    const track = await frame.locator('.scroll-track').boundingBox();
    const thumb = await frame.locator('.scroll-thumb').boundingBox();
    assert.ok(track && thumb);
    await page.mouse.move(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2);
    await page.mouse.down();
    await page.mouse.move(thumb.x + thumb.width / 2, track.y + track.height / 2, { steps: 8 });
    await page.mouse.up();
    const screen = await frame.locator('.row').count();
    const near = (top: number) => Math.abs(top - count / 2) < Math.max(screen, count * 0.01);
    // The view shows where the drag ended on its next frame.
    await frame.waitForFunction(([c, s]) => {
      const top = Number(document.querySelector<HTMLElement>('[data-top-line]')?.dataset.topLine);
      return Math.abs(top - c / 2) < Math.max(s, c * 0.01);
    }, [count, screen] as const, { timeout: 10_000 }).catch(() => undefined);
    const top = await topLine(frame);
    assert.ok(near(top), `top line ${top} is not near ${count / 2}`);
    assert.strictEqual(await rowText(frame, top), lineOf(bigLog, top + 1));
    await screenshot(page, 'viewer-scroll-50');
  });

  it('Ctrl+F finds a word that occurs only at the end of the file, and counts it', async () => {
    const { frame } = await findInWebviews(page, '.row');
    const last = execFileSync('tail', ['-n', '1', bigLog], { encoding: 'utf8' }).replace(/\n$/, '');
    const needle = `${last.split(' ')[0]} `; // "#41234567 ": the last line's number, unique
    const count = Number(execFileSync('wc', ['-l', bigLog], { encoding: 'utf8' }).split(' ')[0]);
    await frame.locator('.row').first().click();
    await page.keyboard.press('Control+F');
    const input = frame.locator('.find-widget .find-input');
    await input.waitFor({ state: 'visible' });
    await input.fill(needle);
    await page.keyboard.press('Enter');
    await frame.waitForFunction((line) => document.querySelector(`.row[data-line="${line}"] .sel.found`) !== null, count - 1, { timeout: 60_000 });
    assert.strictEqual(await rowText(frame, count - 1), last);
    await frame.locator('.find-count', { hasText: /^1 of 1$/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'find-at-end');
    await page.keyboard.press('Escape');
    await frame.locator('.find-widget').waitFor({ state: 'hidden' });
  });

  it('a filter view (show ERROR, hide timeout) lists the right lines; clicking one shows it', async () => {
    const { frame } = await findInWebviews(page, '#filter');
    await frame.locator('#filter').click();
    const rules = frame.locator('.filter-rule');
    await rules.first().locator('.find-input').fill('ERROR');
    await frame.locator('.filter-add').click();
    await rules.nth(1).locator('.filter-mode').selectOption('exclude');
    await rules.nth(1).locator('.find-input').fill('timeout');
    await page.keyboard.press('Enter');
    const reference = execFileSync('awk', ['/ERROR/ && !/timeout/ { print NR; n++; if (n == 3) exit }', bigLog], { encoding: 'utf8' })
      .trim().split('\n').map(Number);
    for (const [row, line] of reference.entries()) {
      await frame.locator(`.filter-row[data-index="${row}"][data-line="${line - 1}"]`).waitFor({ timeout: 60_000 });
    }
    const second = frame.locator(`.filter-row[data-index="1"]`);
    assert.strictEqual(await second.locator('.filter-text').textContent(), lineOf(bigLog, reference[1]));
    await second.click();
    await frame.waitForFunction((line) => document.querySelector('[data-caret]')?.getAttribute('data-caret') === `${line}:0`, reference[1] - 1, { timeout: 20_000 });
    assert.strictEqual(await rowText(frame, reference[1] - 1), lineOf(bigLog, reference[1]));
    await frame.locator('.filter-pane[data-done="true"]').waitFor({ timeout: 120_000 });
    const lines = Number(await frame.locator('.filter-pane').getAttribute('data-lines'));
    const expected = Number(execFileSync('sh', ['-c', 'grep -F ERROR "$1" | grep -c -v -F timeout', 'sh', bigLog], { encoding: 'utf8' }));
    assert.strictEqual(lines, expected, 'the filter view has as many lines as grep finds');
    await screenshot(page, 'filter-view');
    await frame.locator('.filter-close').click();
  });

  it('renders a file with a 100 MB line, a window of it', async () => {
    await openAlone(page, 'long.txt');
    const { frame } = await findInWebviews(page, '.row[data-line="2"]');
    assert.strictEqual(await rowText(frame, 0), 'before the long line');
    const long = await rowText(frame, 1);
    assert.ok(/^x+$/.test(long) && long.length >= 50 && long.length <= 16 * 1024, `a window of the long line (${long.length} chars)`);
    assert.strictEqual(await rowText(frame, 2), 'after the long line');
    await screenshot(page, 'viewer-long-line');
  });

  it('shows tabs, control characters and invalid UTF-8 visibly', async () => {
    await openAlone(page, 'controls.txt');
    // Its NUL byte makes it look binary: it opens in hex; the toggle shows it as text.
    await findInWebviews(page, '.hex-row[data-offset="0"]');
    await runCommand(page, 'Huge File: Toggle Hex View');
    const { frame } = await findInWebviews(page, '.row[data-line="1"]');
    const second = await rowText(frame, 1);
    assert.ok(second.includes('\u2400') && second.includes('\u2407') && second.includes('\ufffd'), `visible controls: ${JSON.stringify(second)}`);
    await screenshot(page, 'viewer-controls');
  });

  it('a file above hugefile.autoOpenAboveMB opened as text lands in the Huge File Editor', async () => {
    await openAlone(page, 'large.dat');
    const { frame } = await findInWebviews(page, '.row[data-line="0"]', 30_000);
    assert.strictEqual(await rowText(frame, 0), lineOf(path.join(workspace, 'large.dat'), 1));
    assert.strictEqual(await page.locator('.monaco-editor .view-lines').count(), 0, 'no text editor loaded it');
  });

  it('Huge File: Count Lines counts the big log (a file VS Code itself refuses)', async () => {
    await openAlone(page, 'big.log');
    await findInWebviews(page, '.row');
    await runCommand(page, 'Huge File: Count Lines');
    const expected = Number(execFileSync('wc', ['-l', bigLog], { encoding: 'utf8' }).split(' ')[0]).toLocaleString('en-US');
    await waitForNotification(page, `big.log: ${expected} lines`, 60_000);
    await screenshot(page, 'count-lines');
  });

  it('follow mode shows appended lines', async () => {
    await openAlone(page, 'follow.log');
    const { frame } = await findInWebviews(page, '#follow');
    await rowText(frame, 1);
    await frame.locator('#follow').click();
    assert.strictEqual(await frame.locator('#follow').getAttribute('aria-pressed'), 'true');
    const file = path.join(workspace, 'follow.log');
    for (let i = 3; i <= 200; i++) fs.appendFileSync(file, `appended line ${i}\n`);
    await waitForRowText(frame, 199, 'appended line 200');
    await screenshot(page, 'viewer-follow');
  });

  it('truncating the file while it is open resets the view with a notice; VS Code keeps working', async () => {
    const { frame } = await findInWebviews(page, '#follow');
    fs.truncateSync(path.join(workspace, 'follow.log'), 0);
    fs.appendFileSync(path.join(workspace, 'follow.log'), 'after truncation\n');
    await frame.locator('.notice', { hasText: /truncated|shorter/ }).waitFor({ timeout: 20_000 });
    await waitForRowText(frame, 0, 'after truncation');
    await screenshot(page, 'viewer-truncated');
    await runCommand(page, 'Huge File: Count Lines');
    await waitForNotification(page, 'follow.log: 1 line ', 30_000);
  });
});

