// Log colouring in a real VS Code: the host finds the active colour theme among the
// installed extensions and resolves the Log grammar's scopes in it; the view's spans
// take those colours, and follow the theme when the user changes it (dark, light, high
// contrast), as VS Code's own editor colours a small log. Screenshots of each.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { loadThemeRules } from '../../src/highlight/themeFile';
import { resolveLogColours } from '../../src/highlight/themeRules';
import { SAMPLE_LOG } from '../fixtures/sampleLog';
import { type ExtensionSession, findInWebviews, openAlone, ROOT, runCommand, runCommandShowing, screenshot, startExtensionSession, until } from './harness';

const THEMES = path.join(ROOT, '.cache/code-server/node_modules/code-server/lib/vscode/extensions/theme-defaults/themes');

/** The CSS colour Chromium computes for a theme's #rrggbb. */
function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}

/** What the theme file gives the error level and the date, as VS Code's Log grammar scopes them. */
function expected(themeFile: string): { error: string; date: string } {
  const colours = resolveLogColours(loadThemeRules(path.join(THEMES, themeFile)));
  return { error: rgb(colours.error!.foreground!), date: rgb(colours.date!.foreground!) };
}

/** The computed colours of the ERROR word and of the timestamp on the ERROR line. */
async function shown(frame: Frame): Promise<{ error: string; date: string }> {
  const colourOf = (kind: string, text: string) => frame.locator(`.row[data-line="5"] .lg-${kind}`, { hasText: text }).first()
    .evaluate((e) => getComputedStyle(e).color);
  return { error: await colourOf('error', 'ERROR'), date: await colourOf('date', '2026-12-06T15:04:08.999Z') };
}

/**
 * Types `text` into the open quick input and picks the row labelled `label`, moving
 * down to it: the command palette may rank a "similar command" first (the standalone
 * colour picker, for Preferences: Color Theme).
 */
async function pick(page: Page, text: string, label: string): Promise<void> {
  await page.locator('.quick-input-widget input').fill(text);
  const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor({ timeout: 20_000 });
  for (let moves = 0; !(await row.evaluate((e) => e.classList.contains('focused'))); moves++) {
    if (moves > 20) assert.fail(`${label} never got the focus in the quick input`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** A build's output as a CI log keeps it: ANSI colours, bold, a 256 colour, a cursor move. */
const E = '\x1b';
const BUILD_LOG = [
  `${E}[1m> build${E}[0m`,
  `${E}[32m✓${E}[0m compiled 120 modules in 3.2s`,
  `${E}[33mWARN${E}[0m deprecated option ${E}[38;5;208m--legacy${E}[0m`,
  `${E}[31mERROR${E}[0m test ${E}[1mauth.spec.ts${E}[22m failed`,
  `${E}[2K${E}[1Gdone`,
].join('\n') + '\n';

describe('Log colours in VS Code', function () {
  let tmp: string;
  let session: ExtensionSession | undefined;
  let page: Page;

  before(async function () {
    if (!fs.existsSync(THEMES)) this.skip();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-colours-e2e-'));
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, 'app.log'), SAMPLE_LOG);
    fs.writeFileSync(path.join(workspace, 'build.log'), BUILD_LOG);
    fs.writeFileSync(path.join(workspace, 'long.log'), SAMPLE_LOG.repeat(150));
    session = await startExtensionSession(workspace, ['*.log'], { 'hugefile.tintLevelLines': true });
    page = session.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(page, 'failed-log-colours');
  });

  after(async () => {
    await session?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('colours a log as the active theme colours the Log grammar, and follows the theme as it changes', async () => {
    await openAlone(page, 'app.log');
    const { frame } = await findInWebviews(page, '.row[data-line="5"] .text .lg-error');
    await frame.locator('.row[data-line="19"] .text:not(.placeholder)').waitFor();
    // The browser's light scheme gives VS Code web Light Modern at first.
    assert.deepStrictEqual(await shown(frame), expected('light_modern.json'), 'Light Modern, the first theme');
    assert.strictEqual(await frame.locator('.row[data-line="5"] .line.log-tint-error').count(), 1, 'the ERROR line is tinted (hugefile.tintLevelLines)');
    await screenshot(page, 'log-colours-light-modern');

    for (const [label, file, name] of [['Dark Modern', 'dark_modern.json', 'dark-modern'], ['Dark High Contrast', 'hc_black.json', 'high-contrast']] as const) {
      await page.keyboard.press('F1');
      await pick(page, '>Preferences: Color Theme', 'Preferences: Color Theme');
      await pick(page, label, label);
      const want = expected(file);
      let last = await shown(frame);
      await until(`the ${label} colours (last seen ${JSON.stringify(last)}, want ${JSON.stringify(want)})`, async () => {
        last = await shown(frame);
        return last.error === want.error && last.date === want.date;
      });
      await screenshot(page, `log-colours-${name}`);
    }
  });
  it('ANSI escape sequences colour a log in the terminal colours of the theme, hidden; "Toggle ANSI Colours" shows them raw and back', async () => {
    await openAlone(page, 'build.log');
    const { frame } = await findInWebviews(page, '.row[data-line="3"] .text span.ansi-fg-1');
    const red = await frame.locator('.row[data-line="3"] .text span.ansi-fg-1').evaluate((e) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--vscode-terminal-ansiRed');
      document.body.appendChild(probe);
      const themeRed = getComputedStyle(probe).color;
      probe.remove();
      return { text: e.textContent, colour: getComputedStyle(e).color, themeRed, defined: probe.style.color !== '' };
    });
    assert.ok(red.defined, 'VS Code gives the webview the theme\'s terminal colours');
    assert.deepStrictEqual([red.text, red.colour], ['ERROR', red.themeRed]);
    assert.strictEqual(await frame.locator('.row[data-line="3"] .text').textContent(), BUILD_LOG.split('\n')[3].replace(/\x1b/g, '\u241b'), 'the escapes are still in the text (the ESC as its control picture), hidden');
    await screenshot(page, 'ansi-colours');
    const title = 'Huge File: Toggle ANSI Colours (show escape sequences raw)';
    await runCommand(page, title);
    await until('the escapes shown raw', async () => await frame.locator('.row .ansi, .row .ansi-esc').count() === 0);
    const esc = await frame.locator('.row[data-line="3"] .text .ctrl').first().evaluate((e) => [e.textContent, e.getBoundingClientRect().width]);
    assert.strictEqual(esc[0], '\u241b');
    assert.ok(Number(esc[1]) > 4, `the ESC takes a cell when raw (${esc[1]} px)`);
    await runCommand(page, title);
    await frame.locator('.row[data-line="3"] .text span.ansi-fg-1').waitFor({ timeout: 20_000 });
  });
  it('a highlight rule added with "Huge File: Add Highlight Rule" colours its matches at once; switched off, it goes', async () => {
    await openAlone(page, 'app.log');
    const { frame } = await findInWebviews(page, '.row[data-line="5"] .text .lg-error');
    // A word selected (double-click) is where the new rule starts, as the find starts from it.
    const word = frame.locator('.row[data-line="2"] .text span', { hasText: /^pid$/ });
    await word.dblclick();
    await frame.waitForFunction(() => document.getElementById('root')!.dataset.anchor !== document.getElementById('root')!.dataset.caret);
    await runCommandShowing(page, 'Huge File: Add Highlight Rule', page.locator('.quick-input-widget', { hasText: 'what to colour' }));
    await pick(page, '', 'Text');
    const input = page.locator('.quick-input-widget input');
    await until('the selected word in the pattern\'s box', async () => await input.inputValue() === 'pid');
    await input.fill('c.e.Service');
    await page.keyboard.press('Enter');
    await pick(page, 'Blue', 'Blue');
    await frame.locator('.row[data-line="5"] .text span.hl-bg-0', { hasText: 'c.e.Service' }).waitFor({ timeout: 20_000 });
    const bg = await frame.$eval('.row[data-line="5"] .text span.hl-bg-0', (e) => getComputedStyle(e).backgroundColor);
    assert.strictEqual(bg, 'rgba(30, 100, 230, 0.4)');
    const lanes = () => frame.$eval('canvas.overview-ruler', (c) => (c as HTMLElement).dataset.lanes ?? '');
    await until('the rule\'s lane on the overview ruler', async () => (await lanes()).split(' ').includes('highlight-0'));
    await screenshot(page, 'highlight-rules');
    await runCommandShowing(page, 'Huge File: Switch Highlight Rules On or Off', page.locator('.quick-input-widget .monaco-list-row', { hasText: 'c.e.Service' }));
    // The rule is ticked (on): a click on its row unticks it, and Enter (OK) switches it off.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'c.e.Service' }).click();
    await page.locator('.quick-input-widget', { hasText: '0 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('[class*="hl-"]').length === 0, undefined, { timeout: 20_000 });
    await until('the rule\'s lane to go from the ruler', async () => !(await lanes()).includes('highlight'));
  });
  it('a coloured log with a highlight rule, marks and find matches on the overview ruler, in the light, dark and high-contrast themes', async () => {
    await openAlone(page, 'long.log');
    const { frame } = await findInWebviews(page, '.row[data-line="5"] .text .lg-error');
    await runCommandShowing(page, 'Huge File: Add Highlight Rule', page.locator('.quick-input-widget', { hasText: 'what to colour' }));
    await pick(page, '', 'Whole lines with text');
    await page.locator('.quick-input-widget input').fill('timed out');
    await page.keyboard.press('Enter');
    await pick(page, 'Green', 'Green');
    await frame.locator('.line.hl-line-bg-0').first().waitFor({ timeout: 20_000 });
    for (const line of [2, 12]) {
      await frame.locator(`.row[data-line="${line}"] .text`).click({ position: { x: 2, y: 5 } });
      await page.keyboard.press('Control+F2');
      await frame.locator(`.row[data-line="${line}"].marked`).waitFor({ timeout: 10_000 });
    }
    await page.keyboard.press('Control+F');
    await frame.locator('.find-widget .find-input').fill('ERROR');
    await frame.locator('.find-widget .find-count', { hasText: /^\d[\d,]* of [\d,]+$/ }).waitFor({ timeout: 30_000 });
    await until('the ruler\'s find and rule lanes', async () => {
      const lanes = (await frame.$eval('canvas.overview-ruler', (c) => (c as HTMLElement).dataset.lanes ?? '')).split(' ');
      return lanes.includes('find') && lanes.includes('highlight-0');
    });
    for (const [label, file, name] of [['Light Modern', 'light_modern.json', 'light'], ['Dark Modern', 'dark_modern.json', 'dark'], ['Dark High Contrast', 'hc_black.json', 'high-contrast']] as const) {
      await page.keyboard.press('F1');
      await pick(page, '>Preferences: Color Theme', 'Preferences: Color Theme');
      await pick(page, label, label);
      const want = expected(file);
      await until(`the ${label} colours`, async () => await frame.locator('.row .lg-error').first().evaluate((e) => getComputedStyle(e).color) === want.error);
      await screenshot(page, `reading-${name}`);
    }
  });
  it('a filter rule\'s highlight button makes a highlight rule of it: the lines it matches are coloured, in the view and the setting', async () => {
    await openAlone(page, 'long.log');
    const { frame } = await findInWebviews(page, '.row[data-line="5"] .text .lg-error');
    await frame.locator('#filter').click();
    await frame.locator('.filter-rule .find-input').fill('AndroidRuntime');
    await frame.locator('.filter-pane[data-done="true"][data-lines="150"]').waitFor({ timeout: 20_000 });
    await frame.locator('.filter-rule .filter-highlight').click();
    await page.locator('.quick-input-widget', { hasText: 'Colour the lines this filter rule matches' }).waitFor({ timeout: 20_000 });
    await pick(page, 'Purple', 'Purple');
    const row = frame.locator('.row', { hasText: 'AndroidRuntime' }).first();
    await row.locator('.line[class*="hl-line-bg-"]').waitFor({ timeout: 20_000 });
    assert.strictEqual(await frame.locator('.row', { hasText: 'ANR in' }).first().locator('.line[class*="hl-line-bg-"]').count(), 0, 'only the lines the rule matches');
    await screenshot(page, 'highlight-from-filter');
  });
});
