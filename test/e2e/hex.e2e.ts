// The hex view in a real VS Code (code-server + Chromium), installed from the .vsix:
// a binary opens in hex by itself; Go to Offset, two hex digits and Ctrl+S change that
// byte on disk; undo and save put it back; the data inspector reads a known integer;
// Ctrl+Alt+H right after Ctrl+End opens hex at the end; Filter Lines from hex opens the filter in the text view; a sparse file past 4 GiB
// paints its first row without waiting for the line index.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { rulerLanesAt } from '../rulerPixels';
import { closeAllEditors, findInWebviews, forgetWebviewWorker, openAlone, quickOpenFocus, runCommand, screenshot, suiteSession, until } from './harness';

const SAMPLE_SIZE = 3 * 1024 * 1024;
/** Where the test types (Go to Offset, then two hex digits). */
const EDIT_AT = 0x123450;
/** 0x12345678 little endian, then "HEX!": what the inspector must read. */
const KNOWN_AT = 0x200010;
const KNOWN = [0x78, 0x56, 0x34, 0x12, 0x48, 0x45, 0x58, 0x21];
const HUGE_SIZE = 4.5 * 1024 ** 3;
/** Bytes written past 4 GiB in the sparse file, to find with Go to Offset. */
const BEYOND_AT = 2 ** 32 + 0x10;
const BEYOND = Buffer.from('BEYOND4G');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reproducible binary: runs of NULs among pseudo-random bytes, the known integer at KNOWN_AT. */
function sampleBytes(): Buffer {
  const buf = Buffer.alloc(SAMPLE_SIZE);
  let seed = 7;
  for (let i = 0; i < buf.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    buf[i] = i % 64 < 16 ? 0 : seed >> 16 & 255;
  }
  buf.set(KNOWN, KNOWN_AT);
  return buf;
}

function readAt(file: string, offset: number, length: number): number[] {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(length);
  fs.readSync(fd, buf, 0, length, offset);
  fs.closeSync(fd);
  return [...buf];
}

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0'));

/** The hex cells of the row starting at `rowOffset`, once loaded. */
async function rowHex(frame: Frame, rowOffset: number): Promise<string[]> {
  const row = `.hex-row[data-offset="${rowOffset}"]`;
  await frame.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && !el.querySelector('.hex-loading');
  }, row, { timeout: 30_000 });
  return frame.$$eval(`${row} .hb`, (cells) => cells.map((c) => c.textContent ?? ''));
}

async function goToOffset(page: Page, frame: Frame, text: string, expected: number): Promise<void> {
  await frame.locator('.hex-editor').focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.keyboard.press('Enter');
  await frame.locator(`#root[data-caret="${expected}"]`).waitFor({ timeout: 20_000 });
}

async function editsDone(frame: Frame): Promise<void> {
  await frame.locator('#root[data-pending-edits="0"]').waitFor({ timeout: 20_000 });
}

describe('Hex view in VS Code', function () {
  let sample: string;
  let original: Buffer;
  const suite = suiteSession('hex', (workspace) => {
    sample = path.join(workspace, 'sample.bin');
    original = sampleBytes();
    fs.writeFileSync(sample, original);
    // Sparse: a header, a hole of 4.5 GiB of zeros on disk for free, a marker past 4 GiB.
    const huge = path.join(workspace, 'disk.img');
    const fd = fs.openSync(huge, 'w');
    fs.writeSync(fd, Buffer.from('HUGEIMG\0'), 0, 8, 0);
    fs.writeSync(fd, BEYOND, 0, BEYOND.length, BEYOND_AT);
    fs.ftruncateSync(fd, HUGE_SIZE);
    fs.closeSync(fd);
  }, ['*.bin', '*.img']);
  let page: Page;
  before(() => {
    ({ page } = suite);
  });

  it('opens a binary (NUL bytes in its head) in hex, the rows showing the bytes on disk', async () => {
    await openAlone(page, 'sample.bin');
    const { frame } = await findInWebviews(page, '.hex-row[data-offset="0"]');
    assert.deepStrictEqual(await rowHex(frame, 0), hex([...original.subarray(0, 16)]));
    assert.deepStrictEqual(await rowHex(frame, 16), hex([...original.subarray(16, 32)]));
    assert.strictEqual(await frame.locator('#view').getAttribute('aria-pressed'), 'true');
    await page.locator('.statusbar-item', { hasText: 'Offset 0x0 (0)' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'hex-open');
  });

  it('Go to Offset, two hex digits and Ctrl+S write that byte on disk; undo and save put it back', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await goToOffset(page, frame, `0x${EDIT_AT.toString(16)}`, EDIT_AT);
    const before = original[EDIT_AT];
    const typed = before === 0xab ? 0xcd : 0xab;
    await page.keyboard.type(typed.toString(16));
    await editsDone(frame);
    await page.locator('.tabs-container .tab.active.dirty', { hasText: 'sample.bin' }).waitFor({ timeout: 20_000 });
    const cell = frame.locator(`.hex-row[data-offset="${EDIT_AT}"] .hb[data-i="0"]`);
    await frame.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('hex-edited'), `.hex-row[data-offset="${EDIT_AT}"] .hb[data-i="0"]`);
    assert.strictEqual(await cell.textContent(), typed.toString(16));
    await screenshot(page, 'hex-typed');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 60_000 });
    const expected = Buffer.from(original);
    expected[EDIT_AT] = typed;
    assert.ok(fs.readFileSync(sample).equals(expected), 'the file is the original with exactly that byte changed');
    // Saved bytes are no longer marked as edited.
    await frame.waitForFunction((sel) => !document.querySelector(sel)?.classList.contains('hex-edited'), `.hex-row[data-offset="${EDIT_AT}"] .hb[data-i="0"]`);

    await page.keyboard.press('Control+Z');
    await page.locator('.tabs-container .tab.active.dirty', { hasText: 'sample.bin' }).waitFor({ timeout: 20_000 });
    await frame.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want,
      [`.hex-row[data-offset="${EDIT_AT}"] .hb[data-i="0"]`, before.toString(16).padStart(2, '0')] as const);
    assert.deepStrictEqual(readAt(sample, EDIT_AT, 1), [typed], 'undo alone does not touch the file');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 60_000 });
    assert.ok(fs.readFileSync(sample).equals(original), 'saved after undo: the original bytes');
  });

  it('the data inspector reads 0x12345678 at the caret; the status bar shows offset and selection', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await goToOffset(page, frame, String(KNOWN_AT), KNOWN_AT);
    await frame.waitForFunction(() => (document.querySelector('#inspector-uint32') as HTMLInputElement | null)?.value === String(0x12345678), undefined, { timeout: 20_000 });
    assert.strictEqual(await frame.locator('#inspector-uint16').inputValue(), String(0x5678));
    assert.strictEqual(await frame.locator('#inspector-int8').inputValue(), String(0x78));
    await frame.locator('.hex-editor').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('.statusbar-item', { hasText: `Offset 0x${(KNOWN_AT + 4).toString(16).toUpperCase()} (${(KNOWN_AT + 4).toLocaleString('en-US')})` }).waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: '4 bytes selected' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'hex-inspector');
  });

  it('Toggle Hex View switches to text and back (editor title button and command)', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await page.locator('.editor-actions .action-label[aria-label*="Toggle Hex View"]').click();
    await frame.locator('.row[data-line]').first().waitFor({ timeout: 20_000 }); // at the line of the hex caret
    assert.strictEqual(await frame.locator('#view').getAttribute('aria-pressed'), 'false');
    await runCommand(page, 'Huge File: Toggle Hex View');
    // Back in hex at the text caret's byte: the start of the line the text view showed.
    await frame.locator('.hex-row:not(.hidden):not(.hex-header)').first().waitFor({ timeout: 20_000 });
    assert.strictEqual(await frame.locator('#view').getAttribute('aria-pressed'), 'true');
  });

  it('Ctrl+End then at once Ctrl+Alt+H opens the hex view at the end: at the caret the text view has, not the one it reported last (#13)', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await frame.locator('.hex-editor').focus();
    await page.keyboard.press('Control+Home');
    await frame.locator('#root[data-caret="0"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Alt+H');
    await frame.locator('.row[data-line="0"]').waitFor({ timeout: 20_000 });
    await frame.locator('.editor').focus();
    // Well within the tenth of a second the view waits before it reports its caret.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Alt+H');
    await frame.locator('.hex-editor').waitFor({ timeout: 20_000 });
    await until(`the hex caret at the end (${SAMPLE_SIZE})`, async () => (await frame.locator('#root').getAttribute('data-caret')) === String(SAMPLE_SIZE));
  });

  it('Ctrl+F2 in hex marks the line holding the caret\'s byte (a bookmark where it starts); F2 goes back to it; Ctrl+F2 unmarks', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await frame.locator('.hex-editor').focus();
    await page.keyboard.press('Control+Home');
    await frame.locator('#root[data-caret="0"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+F2');
    await frame.locator('.hex-row.marked[data-offset="0"]').waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: 'Marked line 1' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+End');
    await until('the caret at the end', async () => (await frame.locator('#root').getAttribute('data-caret')) !== '0');
    await page.keyboard.press('F2');
    await frame.locator('#root[data-caret="0"]').waitFor({ timeout: 10_000 });
    await screenshot(page, 'hex-marks');
    await page.keyboard.press('Control+F2');
    await until('the mark to go', async () => await frame.locator('.hex-row.marked').count() === 0);
  });

  it('Ctrl+Alt+L in hex switches to the text view with the filter open, filtering by the text the hex find looks for', async () => {
    const { frame } = await findInWebviews(page, '.hex-editor');
    await frame.locator('.hex-editor').focus();
    await page.keyboard.press('Control+F');
    // The sample's runs of NULs: many matches on screen, highlighted.
    await frame.locator('.find-widget .find-input').fill('00 ?? 00');
    await frame.locator('.hex-found').first().waitFor({ timeout: 30_000 });
    await frame.locator('.hex-match').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'hex-find-matches');
    await frame.locator('.find-widget .find-hex').click(); // text, not hex bytes
    await frame.locator('.find-widget .find-input').fill('HEX!');
    await frame.locator('.find-widget .find-count', { hasText: /^1 of 1$/ }).waitFor({ timeout: 30_000 });
    // The one match on the hex view's overview ruler, at its place in the file, in the find's lane (right);
    // the caret (drawn across) goes back to the start first.
    await frame.locator('canvas.overview-ruler[data-lanes="find"]').waitFor({ timeout: 20_000 });
    await frame.locator('.hex-editor').focus();
    await page.keyboard.press('Control+Home');
    await until('the match drawn on the ruler', async () => JSON.stringify(await rulerLanesAt(frame, (KNOWN_AT + 4) / SAMPLE_SIZE)) === '[false,false,true]');
    assert.deepStrictEqual(await rulerLanesAt(frame, 0.2), [false, false, false], 'nothing where there is no match');
    await screenshot(page, 'hex-find-ruler');
    await frame.locator('.hex-editor').focus();
    await page.keyboard.press('Control+Alt+L');
    await frame.locator('.filter-pane:not(.hidden)').waitFor({ timeout: 20_000 });
    assert.strictEqual(await frame.locator('#view').getAttribute('aria-pressed'), 'false', 'the text view');
    assert.strictEqual(await frame.locator('.filter-rule .find-input').first().inputValue(), 'HEX!');
    await frame.locator('.filter-pane[data-done="true"][data-lines="1"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'hex-filter-in-text');
    await frame.locator('.filter-close').click();
    await runCommand(page, 'Huge File: Toggle Hex View');
    await frame.locator('.hex-row:not(.hidden):not(.hex-header)').first().waitFor({ timeout: 20_000 });
  });

  it(`a ${HUGE_SIZE / 1024 ** 3} GiB sparse file paints its first row at once, and Go to Offset reaches past 4 GiB`, async () => {
    // The small binary's open time, in the same run, is the reference: medians of 3, alternating;
    // once as code-server does it, once with a new webview service worker (see forgetWebviewWorker).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const newWorker of [false, true]) {
      const small: number[] = [];
      const huge: number[] = [];
      for (let i = 0; i < 3; i++) {
        small.push(await timeToFirstRow(page, 'sample.bin', newWorker));
        huge.push(await timeToFirstRow(page, 'disk.img', newWorker));
      }
      console.log(`      Enter in Quick Open to first hex row painted, ${newWorker ? 'new' : "code-server's replaced"} webview service worker, `
        + `median of 3: ${median(huge)} ms for ${HUGE_SIZE / 1024 ** 3} GiB (${huge.join(', ')}), `
        + `${median(small)} ms for 3 MiB (${small.join(', ')}): ${(median(huge) / median(small)).toFixed(2)}x`);
    }
    const { frame } = await findInWebviews(page, '.hex-row[data-offset="0"]');
    assert.deepStrictEqual(await rowHex(frame, 0), hex([...Buffer.from('HUGEIMG\0'), ...Buffer.alloc(8)]));
    assert.strictEqual(await frame.locator('#root').getAttribute('data-row-count'), String(HUGE_SIZE / 16 + 1));
    await goToOffset(page, frame, `0x${BEYOND_AT.toString(16)}`, BEYOND_AT);
    assert.deepStrictEqual((await rowHex(frame, BEYOND_AT)).slice(0, 8), hex([...BEYOND]));
    assert.strictEqual(await frame.locator(`.hex-row[data-offset="${BEYOND_AT}"] .hex-offset`).textContent(), '100000010');
    await screenshot(page, 'hex-beyond-4g');
  });
});

/**
 * Opens `name` and returns the ms from the Enter in Quick Open to its first hex row with bytes,
 * painted; `newWorker`: with a new webview service worker (see forgetWebviewWorker).
 */
async function timeToFirstRow(page: Page, name: string, newWorker: boolean): Promise<number> {
  await closeAllEditors(page);
  if (newWorker) await forgetWebviewWorker(page);
  await quickOpenFocus(page, name);
  const started = Date.now();
  await page.keyboard.press('Enter');
  const deadline = started + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      // A frame that does not render (hidden, or going) runs no animation frame: ask it again rather than wait on it.
      const painted = await frame.evaluate(() => new Promise<boolean>((resolve) => {
        const row = document.querySelector('.hex-row[data-offset="0"]');
        if (!row || row.querySelector('.hex-loading')) resolve(false);
        else requestAnimationFrame(() => resolve(true));
        setTimeout(() => resolve(false), 1_000);
      })).catch(() => false);
      if (painted) return Date.now() - started;
    }
    if (Date.now() > deadline) throw new Error(`${name}: no hex row in 60 s`);
    await sleep(10);
  }
}
