// Log colouring in the viewer webview, driven in Chromium against the fake host: the
// spans and their colours (resolved from VS Code's own default themes by the host's
// code), selection and find over coloured text, the `off` and `auto` settings, and
// screenshots in a dark and a light theme (test-artifacts/webview/log-colours-*.png).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { loadThemeRules } from '../../src/highlight/themeFile';
import { resolveLogColours } from '../../src/highlight/themeRules';
import { SAMPLE_LOG as LOG } from '../fixtures/sampleLog';
import { ARTIFACTS, pageSuite } from './harness';

const THEMES = path.resolve(__dirname, '../../.cache/code-server/node_modules/code-server/lib/vscode/extensions/theme-defaults/themes');

function colours(theme: string): string {
  return encodeURIComponent(JSON.stringify(resolveLogColours(loadThemeRules(path.join(THEMES, `${theme}.json`)))));
}

interface SpanInfo { text: string; cls: string; color: string; weight: string; style: string }

(fs.existsSync(THEMES) ? describe : describe.skip)('log colours in the viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  async function open(query: string, name = 'app.log', content = LOG): Promise<Page> {
    const bytes = encodeURIComponent(Buffer.from(content).toString('base64'));
    const page = await openPage(`file=content&name=${name}&bytes=${bytes}&${query}`, { width: 1100, height: 520 });
    await page.waitForSelector('#root[data-line-count]');
    await page.waitForFunction(() => document.querySelectorAll('.row .text').length > 0 && !document.querySelector('.row .text.placeholder'));
    return page;
  }

  /** The coloured spans of 0-based `line`: text, class, computed colour and font. */
  function spans(page: Page, line: number): Promise<SpanInfo[]> {
    return page.$$eval(`.row[data-line="${line}"] .text span.lg`, (els) => els.map((e) => {
      const css = getComputedStyle(e);
      return { text: e.textContent ?? '', cls: e.className, color: css.color, weight: css.fontWeight, style: css.fontStyle };
    }));
  }

  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  it('colours each kind in the theme\'s colours (Dark Modern), and the text is the file\'s', async () => {
    const page = await open(`logColours=auto&theme=dark&colours=${colours('dark_modern')}`);
    await page.waitForSelector('.row span.lg');
    const error = await spans(page, 5);
    const find = (list: SpanInfo[], text: string) => list.find((s) => s.text === text) ?? assert.fail(`no span "${text}" in ${JSON.stringify(list)}`);
    assert.deepStrictEqual(find(error, 'ERROR'), { text: 'ERROR', cls: 'lg lg-error lg-b', color: rgb('#ce9178'), weight: '700', style: 'normal' });
    assert.strictEqual(find(error, '2026-12-06T15:04:08.999Z').color, rgb('#6a9955'));
    assert.strictEqual(find(error, '3f2504e0-4f89-11d3-9a0c-0305e82c3301').cls, 'lg lg-guid');
    assert.strictEqual(find(error, '3f2504e0-4f89-11d3-9a0c-0305e82c3301').color, rgb('#569cd6'));
    assert.strictEqual(find(await spans(page, 2), 'INFO').color, rgb('#b5cea8'));
    assert.strictEqual(find(await spans(page, 2), 'pid').color, rgb('#9cdcfe'));
    assert.strictEqual(find(await spans(page, 0), 'Dec  6 15:04:05').cls, 'lg lg-date');
    assert.strictEqual(find(await spans(page, 0), '192.168.1.10').cls, 'lg lg-ip');
    assert.strictEqual(find(await spans(page, 1), '06/Dec/2026:15:04:05 +0000').cls, 'lg lg-date');
    assert.strictEqual(find(await spans(page, 4), 'fe80::1').cls, 'lg lg-ip');
    // The tab before `at` keeps its own span (its arrow), outside the frame's.
    const frame = find(await spans(page, 7), 'at com.example.db.Pool.acquire(Pool.java:118)');
    assert.strictEqual(frame.style, 'italic');
    assert.strictEqual(find(await spans(page, 9), 'java.net.SocketTimeoutException').cls, 'lg lg-exceptionType lg-i');
    assert.strictEqual(find(await spans(page, 12), 'E').cls, 'lg lg-error lg-b');
    assert.strictEqual(find(await spans(page, 13), '<W>').cls, 'lg lg-warning');
    assert.strictEqual(find(await spans(page, 18), 'error').cls, 'lg lg-error lg-b');
    // The spans only wrap the text: each row reads exactly as the file's line.
    const texts = await page.$$eval('.row[data-line] .text', (els) => els.map((e) => [Number((e.parentElement!.parentElement as HTMLElement).dataset.line), e.textContent]));
    const lines = LOG.split('\n');
    for (const [line, text] of texts) assert.strictEqual((text as string).replace(/→/g, '\t'), lines[line as number], `line ${line}`);
    // A small DOM: one span per token, nothing nested.
    assert.strictEqual(await page.$$eval('span.lg span', (e) => e.length), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'log-colours-dark.png') });
  });

  it('Light Modern colours, tinted error and warning lines', async () => {
    const page = await open(`logColours=auto&tint=1&theme=light&colours=${colours('light_modern')}`);
    await page.waitForSelector('.row span.lg');
    assert.strictEqual((await spans(page, 5)).find((s) => s.text === 'ERROR')?.color, rgb('#a31515'));
    assert.strictEqual((await spans(page, 5)).find((s) => s.text.startsWith('2026'))?.color, rgb('#008000'));
    const tints = await page.$$eval('.row[data-line] .line', (els) => els.map((e) => [Number((e.parentElement as HTMLElement).dataset.line), e.className.includes('log-tint-error') ? 'error' : e.className.includes('log-tint-warning') ? 'warning' : '']));
    const tinted = Object.fromEntries(tints.filter(([, t]) => t !== ''));
    assert.deepStrictEqual(tinted, { 4: 'warning', 5: 'error', 11: 'error', 12: 'error', 13: 'error', 17: 'warning', 18: 'error' });
    const bg = await page.$eval('.row[data-line="5"] .line', (e) => getComputedStyle(e).backgroundImage);
    assert.match(bg, /gradient/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'log-colours-light.png') });
  });

  it('selection, caret and find work over coloured text, in the file\'s columns', async () => {
    const page = await open(`logColours=on&theme=dark&colours=${colours('dark_modern')}`);
    await page.waitForSelector('.row span.lg');
    await page.focus('.editor');
    // Double-click "ERROR" on line 6: selects the word, as on plain text.
    const box = await page.$eval('.row[data-line="5"] span.lg-error', (e) => { const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
    await page.mouse.dblclick(box.x, box.y);
    const col = LOG.split('\n')[5].indexOf('ERROR');
    await page.waitForFunction((c) => document.getElementById('root')!.dataset.caret === `5:${c + 5}` && document.getElementById('root')!.dataset.anchor === `5:${c}`, col);
    const sel = await page.$eval('.row[data-line="5"] .sel', (e) => e.getBoundingClientRect());
    const word = await page.$eval('.row[data-line="5"] span.lg-error', (e) => e.getBoundingClientRect());
    assert.ok(Math.abs(sel.left - word.left) < 1 && Math.abs(sel.width - word.width) < 1, `selection ${sel.left}+${sel.width}, word ${word.left}+${word.width}`);
    // Shift+End extends to the line's end, through spans.
    await page.keyboard.press('Shift+End');
    await page.waitForFunction((len) => document.getElementById('root')!.dataset.caret === `5:${len}`, LOG.split('\n')[5].length);
    // Find: the highlights sit over the coloured words.
    await page.keyboard.press('Control+F');
    await page.waitForFunction(() => document.activeElement?.classList.contains('find-input'));
    await page.keyboard.type('15:04:0');
    await page.waitForSelector('.find-count:text-matches("of")');
    await page.waitForSelector('.row[data-line="2"] .match');
    const pairs = await page.$$eval('.row[data-line="2"]', (rows) => rows.map((r) => ({
      match: r.querySelector('.match')!.getBoundingClientRect(),
      date: r.querySelector('span.lg-date')!.getBoundingClientRect(),
    })));
    const { match, date } = pairs[0];
    const cw = date.width / '2026-12-06T15:04:05.123Z'.length;
    assert.ok(Math.abs(match.left - (date.left + 11 * cw)) < 1.5, `match at ${match.left}, expected ${date.left + 11 * cw}`);
    assert.ok(Math.abs(match.width - 7 * cw) < 1.5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'log-colours-find.png') });
  });

  it('off shows plain text; auto leaves a file that does not look like a log plain; the theme\'s absence falls back on CSS variables', async () => {
    const off = await open(`logColours=off&theme=dark&colours=${colours('dark_modern')}`);
    assert.strictEqual(await off.$$eval('.row span.lg', (e) => e.length), 0);
    assert.strictEqual(await off.$$eval('.row .line[class*="log-tint"]', (e) => e.length), 0);

    const prose = Array.from({ length: 40 }, (_, i) => `Chapter ${i + 1}: it was 42 degrees in "the city", and the path /home was long.`).join('\n');
    const plain = await open(`logColours=auto&theme=dark&colours=${colours('dark_modern')}`, 'notes.txt', prose);
    await plain.waitForTimeout(200);
    assert.strictEqual(await plain.$$eval('.row span.lg', (e) => e.length), 0);

    // Same lines, not named .log: auto looks at them and colours them.
    const sniffed = await open(`logColours=auto&theme=dark&colours=${colours('dark_modern')}`, 'output.txt');
    await sniffed.waitForSelector('.row span.lg');

    // No colours from the host (theme not found): the CSS fallback, the editor's error colour.
    const fallback = await open('logColours=on&theme=dark');
    await fallback.waitForSelector('.row span.lg-error');
    const color = await fallback.$eval('.row[data-line="5"] span.lg-error', (e) => getComputedStyle(e).color);
    assert.strictEqual(color, rgb('#f14c4c'));
  });
  it('ANSI escape sequences colour the text after them and take no room; caret, find and copy count their bytes; raw shows them', async () => {
    const E = '\x1b';
    const lines = [
      `2026-12-07T10:00:00Z ${E}[31mERROR${E}[0m disk full`,
      `${E}[1;32mOK${E}[0m ${E}[38;5;208morange${E}[0m ${E}[48;2;0;0;139mnavy${E}[m after`,
      `${E}[2K${E}[1Gprogress 50%`,
      'plain line',
    ];
    const ansiLog = `${lines.join('\n')}\n`;
    const page = await open(`logColours=on&theme=dark&colours=${colours('dark_modern')}`, 'ansi.log', ansiLog);
    await page.evaluate(() => document.documentElement.style.setProperty('--vscode-terminal-ansiRed', '#ff1122'));
    await page.waitForSelector('.row[data-line="0"] span.ansi-fg-1');
    const error = await page.$eval('.row[data-line="0"] span.ansi-fg-1', (e) => ({ text: e.textContent, cls: e.className, color: getComputedStyle(e).color }));
    assert.deepStrictEqual(error, { text: 'ERROR', cls: 'lg lg-error lg-b ansi ansi-fg-1', color: 'rgb(255, 17, 34)' }, 'the level is found through the escapes; the theme\'s terminal red wins');
    const styled = await page.$$eval('.row[data-line="1"] span.ansi', (els) => els.map((e) => [e.textContent, getComputedStyle(e).color, getComputedStyle(e).backgroundColor, getComputedStyle(e).fontWeight]));
    assert.deepStrictEqual(styled.map(([text]) => text), ['OK', 'orange', 'navy']);
    assert.strictEqual(styled[0][3], '700');
    assert.strictEqual(styled[1][1], 'rgb(255, 135, 0)', '256 colour 208');
    assert.strictEqual(styled[2][2], 'rgb(0, 0, 139)', 'true colour background');
    // The sequences take no room: each row is as wide as its visible text.
    const cw = await page.$eval('.row[data-line="3"] .text', (e) => e.getBoundingClientRect().width / 'plain line'.length);
    for (const [line, visible] of [[0, '2026-12-07T10:00:00Z ERROR disk full'], [1, 'OK orange navy after'], [2, 'progress 50%']] as const) {
      const width = await page.$eval(`.row[data-line="${line}"] .text`, (e) => e.getBoundingClientRect().width);
      assert.ok(Math.abs(width - visible.length * cw) < 1.5, `line ${line}: ${width} px for ${visible.length} cells of ${cw}`);
      assert.strictEqual(await page.$eval(`.row[data-line="${line}"] .text`, (e) => e.textContent!.length), lines[line].length, 'every character of the line is in the DOM');
    }
    // A click on the E of ERROR puts the caret before it: after the hidden sequence, at its column in the file.
    await page.focus('.editor');
    const e = await page.$eval('.row[data-line="0"] span.ansi-fg-1', (el) => { const r = el.getBoundingClientRect(); return { x: r.left + 1, y: r.top + r.height / 2 }; });
    await page.mouse.click(e.x, e.y);
    await page.waitForFunction((c) => document.getElementById('root')!.dataset.caret === `0:${c}`, lines[0].indexOf('ERROR'));
    // Select the word and copy: the file's bytes, escapes included.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => (window as unknown as { fakeHost: { clipboard: string } }).fakeHost.clipboard !== '');
    assert.strictEqual(await page.evaluate(() => (window as unknown as { fakeHost: { clipboard: string } }).fakeHost.clipboard), lines[0]);
    // Find: the match is drawn over the visible word.
    await page.keyboard.press('Control+F');
    await page.waitForFunction(() => document.activeElement?.classList.contains('find-input'));
    await page.keyboard.type('orange');
    await page.waitForSelector('.row[data-line="1"] .match');
    const [match, word] = await page.$eval('.row[data-line="1"]', (r) => [r.querySelector('.match')!.getBoundingClientRect().toJSON(), Array.from(r.querySelectorAll('span.ansi')).find((s) => s.textContent === 'orange')!.getBoundingClientRect().toJSON()]);
    assert.ok(Math.abs(match.left - word.left) < 1.5 && Math.abs(match.width - word.width) < 1.5, `match ${match.left}+${match.width}, word ${word.left}+${word.width}`);
    await page.keyboard.press('Escape');
    // The filter pane shows its lines in the same colours, the rule's matches marked over them.
    await page.click('#filter');
    await page.waitForSelector('.filter-pane:not(.hidden)');
    await page.keyboard.type('ERROR');
    await page.waitForSelector('.filter-pane[data-lines="1"][data-done="true"]');
    const filtered = await page.waitForSelector('.filter-row[data-line="0"] .filter-text span.ansi-fg-1.filter-match');
    assert.strictEqual(await filtered.evaluate((e) => [e.textContent, getComputedStyle(e).color].join(' ')), 'ERROR rgb(255, 17, 34)');
    assert.ok(await page.$eval('.filter-row[data-line="0"] .filter-text', (e, n) => Math.abs(e.getBoundingClientRect().width - n) < 1.5, '2026-12-07T10:00:00Z ERROR disk full'.length * cw), 'the sequences take no room there either');
    await page.screenshot({ path: path.join(ARTIFACTS, 'ansi-colours.png') });

    const raw = await open(`logColours=on&ansi=raw&theme=dark&colours=${colours('dark_modern')}`, 'ansi.log', ansiLog);
    await raw.waitForSelector('.row[data-line="0"] span.lg-error');
    assert.strictEqual(await raw.$$eval('.row .ansi, .row .ansi-esc', (els) => els.length), 0);
    assert.strictEqual(await raw.$eval('.row[data-line="0"] .text', (e) => e.textContent), lines[0].replace(/\x1b/g, '\u241b'), 'raw: the ESC as its control picture, the rest as it is');
  });
  it('your highlight rules colour their matches over the log colours (the first rule winning), or whole lines; a rule that cannot work is left out', async () => {
    const page = await open(`logColours=auto&theme=dark&colours=${colours('dark_modern')}`);
    await page.waitForSelector('.row span.lg');
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'highlights', rules: [
      { pattern: 'ERROR', foreground: '#ffffff', background: '#ff0000' },
      { pattern: 'ERR', background: '#00ff00' },
      { pattern: 'pid=\\d+', regex: true, background: 'rgb(0, 0, 255)' },
      { pattern: 'timeout', wholeLine: true, background: '#808000' },
      { pattern: '(', regex: true, background: 'red' },
    ] });
    await page.waitForSelector('.row span.hl-bg-0');
    const parts = await page.$$eval('.row[data-line="5"] .text span', (els) => els.map((e) => ({ text: e.textContent, cls: e.className, bg: getComputedStyle(e).backgroundColor, color: getComputedStyle(e).color })));
    const error = parts.find((p) => p.text === 'ERROR') ?? assert.fail(JSON.stringify(parts));
    assert.deepStrictEqual([error.cls, error.bg, error.color], ['lg lg-error lg-b hl-fg-0 hl-bg-0', 'rgb(255, 0, 0)', 'rgb(255, 255, 255)'], 'the first rule wins over the second, and over the log colour');
    const pid = await page.$$eval('.row[data-line="2"] .text span.hl-bg-2', (els) => els.map((e) => e.textContent).join(''));
    assert.ok(/^pid=\d+$/.test(pid), `the regex rule covers "${pid}"`);
    // The row's text still reads as the file's line.
    assert.strictEqual((await page.$eval('.row[data-line="5"] .text', (e) => e.textContent))!.replace(/→/g, '\t'), LOG.split('\n')[5]);
    const timeoutRow = LOG.split('\n').findIndex((l) => l.toLowerCase().includes('timeout'));
    const line = await page.$eval(`.row[data-line="${timeoutRow}"] .line`, (e) => ({ cls: e.className, bg: getComputedStyle(e).backgroundColor }));
    assert.ok(line.cls.includes('hl-line-bg-3'), line.cls);
    assert.strictEqual(line.bg, 'rgb(128, 128, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'highlight-rules.png') });
    // The rules change: the rows are drawn again without them.
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'highlights', rules: [] });
    await page.waitForFunction(() => document.querySelectorAll('[class*="hl-"]').length === 0);
  });
});
