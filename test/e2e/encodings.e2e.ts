// Encodings in a real VS Code (code-server + Chromium), extension installed from the
// .vsix: a Windows-1252 log opens as UTF-8 (VS Code's default, without guessing), the
// status bar says so, and "Reopen with Encoding" reads it as Windows-1252: accented
// letters and the euro sign show, find finds them, typing writes their one byte, and a
// character the encoding has not is refused with a notice, never replaced. A UTF-16 file
// (by its byte order mark) opens as text and is edited in UTF-16. Line ends:
// a file of lone CR line ends opens with its lines apart (status bar "CR"), find and
// Enter work in it; the status bar's line ending reopens a file with other line ends.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { encodingOf } from '../../src/encoding/textEncoding';
import { findInWebviews, openAlone, runCommandShowing, screenshot, suiteSession } from './harness';

const CP1252 = encodingOf('windows1252')!;
const dirtyTab = (page: Page, name: string) => page.locator('.tabs-container .tab.active.dirty', { hasText: name });
const TEXT = 'café crème brûlée\nprice: 5 €\nnaïve “quotes”\n';

/** Clicks into line `line`, finds `text` with Ctrl+F (it must match once), and closes the find widget. */
async function findOnce(page: Page, frame: Frame, line: number, text: string): Promise<void> {
  await frame.locator(`.row[data-line="${line}"] .text`).click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await frame.locator('.find-count', { hasText: /^1 of 1$/ }).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Escape');
}

/** Waits for `name`'s tab to be dirty, saves with Ctrl+S, and waits for it to be clean. */
async function saveEdited(page: Page, name: string): Promise<void> {
  await dirtyTab(page, name).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+S');
  await dirtyTab(page, name).waitFor({ state: 'detached', timeout: 60_000 });
}

describe('Encodings in VS Code', function () {
  const suite = suiteSession('encodings', (workspace) => {
    fs.writeFileSync(path.join(workspace, 'latin.log'), CP1252.encode(TEXT));
    fs.writeFileSync(path.join(workspace, 'mac.log'), 'first line\rsecond ERROR line\rthird\r');
    fs.writeFileSync(path.join(workspace, 'mixed.log'), 'one\rtwo\nthree\n');
    fs.writeFileSync(path.join(workspace, 'wide.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2026-12-07 ERROR wide\r\nnaïve😀\r\n', 'utf16le')]));
  }, ['*.log'], { 'files.autoSave': 'off' });
  let workspace: string;
  let page: Page;
  before(() => {
    ({ workspace, page } = suite);
  });

  it('Reopen with Encoding reads a Windows-1252 file: its characters show, find finds them, typing writes them in it', async () => {
    const file = path.join(workspace, 'latin.log');
    await openAlone(page, 'latin.log');
    let { frame } = await findInWebviews(page, '.row[data-line="0"] .text:not(.placeholder)');
    assert.match((await frame.locator('.row[data-line="0"] .text').textContent())!, /^caf\ufffd cr\ufffdme/, 'as UTF-8 first');
    await page.locator('.statusbar-item', { hasText: /^UTF-8$/ }).first().waitFor({ timeout: 10_000 });

    await runCommandShowing(page, 'Huge File: Reopen with Encoding', page.locator('.quick-input-list .monaco-list-row', { hasText: 'Western (Windows 1252)' }));
    await page.locator('.quick-input-widget input').fill('Windows 1252');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Western (Windows 1252)' }).first().click();
    // The file's new editor: the old one's frame lingers a moment as it closes.
    ({ frame } = await findInWebviews(page, '.row[data-line="0"] .text:has-text("café crème brûlée")', 20_000));
    await frame.locator('.row[data-line="1"] .text', { hasText: 'price: 5 €' }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'Western (Windows 1252)' }).first().waitFor({ timeout: 10_000 });

    // Find a word with two accented letters: one match, on line 1 at its characters.
    await findOnce(page, frame, 2, 'brûlée');

    // The caret after "naïve" (5 characters, 5 bytes here): type " é" and a character Windows-1252 has not.
    await frame.locator('.row[data-line="2"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' é');
    await frame.locator('.row[data-line="2"] .text', { hasText: 'naïve é “quotes”' }).waitFor({ timeout: 10_000 });
    await page.keyboard.type('ő');
    await frame.locator('.notice', { hasText: /cannot be written in Western \(Windows 1252\)/ }).waitFor({ timeout: 10_000 });
    await frame.locator('.row[data-line="2"] .text', { hasText: 'naïve é “quotes”' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'encoding-windows-1252');
    await saveEdited(page, 'latin.log');
    assert.deepStrictEqual(fs.readFileSync(file), CP1252.encode(TEXT.replace('naïve', 'naïve é')), 'one byte per character, in Windows-1252');
  });

  it('a UTF-16 LE file opens as text: find finds in it, Backspace takes a surrogate pair whole, typing writes UTF-16', async () => {
    const file = path.join(workspace, 'wide.log');
    await openAlone(page, 'wide.log');
    const { frame } = await findInWebviews(page, '.row[data-line="1"] .text:has-text("naïve")');
    assert.match((await frame.locator('.row[data-line="0"] .text').textContent())!, /2026-12-07 ERROR wide$/);
    await page.locator('.statusbar-item', { hasText: /^UTF-16 LE$/ }).first().waitFor({ timeout: 10_000 });
    await findOnce(page, frame, 0, 'naïve');
    await frame.locator('.row[data-line="1"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(' ok');
    await frame.locator('.row[data-line="1"] .text', { hasText: /^naïve ok$/ }).waitFor({ timeout: 10_000 });
    // Columns count UTF-16 units, as VS Code's do: after "naïve ok" is column 9.
    await page.locator('.statusbar-item', { hasText: /^Ln 2, Col 9\b/ }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'encoding-utf-16');
    await saveEdited(page, 'wide.log');
    assert.deepStrictEqual(fs.readFileSync(file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2026-12-07 ERROR wide\r\nnaïve ok\r\n', 'utf16le')]));
  });

  it('a file of lone CR line ends shows its lines; find finds in them; Enter types a CR', async () => {
    const file = path.join(workspace, 'mac.log');
    await openAlone(page, 'mac.log');
    const { frame } = await findInWebviews(page, '.row[data-line="2"] .text:has-text("third")');
    assert.strictEqual(await frame.locator('.row[data-line="1"] .text').textContent(), 'second ERROR line');
    await page.locator('.statusbar-item', { hasText: /^CR$/ }).first().waitFor({ timeout: 10_000 });
    await findOnce(page, frame, 0, 'ERROR');
    await frame.locator('.row[data-line="1"] .text').click({ position: { x: 2, y: 5 } });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('new');
    await frame.locator('.row[data-line="2"] .text', { hasText: /^new$/ }).waitFor({ timeout: 10_000 });
    await frame.locator('.row[data-line="3"] .text', { hasText: /^third$/ }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'line-endings-cr');
    await saveEdited(page, 'mac.log');
    assert.strictEqual(fs.readFileSync(file, 'latin1'), 'first line\rsecond ERROR line\rnew\rthird\r');
  });

  it('the status bar\'s line ending reopens a file with lines ending in a lone CR', async () => {
    await openAlone(page, 'mixed.log');
    let { frame } = await findInWebviews(page, '.row[data-line="1"] .text:has-text("three")');
    await page.locator('.statusbar-item', { hasText: /^LF$/ }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'CR' }).filter({ hasText: 'lone' }).first().click();
    // Read again: the \n is text now (shown as its control picture), the \r a line end.
    ({ frame } = await findInWebviews(page, '.row[data-line="1"] .text:has-text("two\u240athree\u240a")', 20_000));
    assert.strictEqual(await frame.locator('.row[data-line="0"] .text').textContent(), 'one');
    await page.locator('.statusbar-item', { hasText: /^CR$/ }).first().waitFor({ timeout: 10_000 });
    assert.strictEqual(await frame.locator('.row[data-line="2"]').count(), 0, 'two lines: "one" and "two\\nthree\\n"');
  });
});
