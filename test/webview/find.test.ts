// Find (Ctrl+F) and the filter pane in the viewer webview, driven in Chromium against
// the fake host, which answers with a naive search (test/webview/fakeSearch.ts).
import * as assert from 'assert';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { HostMessage, ViewerMessage } from '../../src/editor/protocol';
import { hugeLineText } from './fakeFiles';
import { ARTIFACTS, pageSuite } from './harness';

interface FakeHostView {
  sent: ViewerMessage[];
  invalid: unknown[];
  send(message: HostMessage): void;
}
declare const fakeHost: FakeHostView;

const LINES = 3000;
const n = (count: number): string => count.toLocaleString('en-US');
/** 0-based lines of the fake file whose text matches `test`. */
function linesWhere(test: (text: string) => boolean): number[] {
  return Array.from({ length: LINES }, (_, n) => n).filter((n) => test(hugeLineText(n)));
}

describe('find and filter in the viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  async function open(query = ''): Promise<Page> {
    const page = await openPage(`file=huge&lines=${LINES}${query}`, { width: 1000, height: 640 });
    await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
    await page.focus('.editor');
    return page;
  }

  async function caret(page: Page): Promise<string> {
    return page.$eval('#root', (root) => (root as HTMLElement).dataset.caret ?? '');
  }

  /** Waits until the found match (drawn in the find colour) is on 0-based `line`. */
  async function foundOn(page: Page, line: number): Promise<void> {
    await page.waitForSelector(`.row[data-line="${line}"] .sel.found`, { timeout: 10_000 });
  }

  it('Ctrl+F, type: selects the first match after the caret, highlights the others, counts them', async () => {
    const page = await open();
    const hits = linesWhere((t) => t.includes('deadlock'));
    await page.keyboard.press('Control+F');
    await page.waitForFunction(() => document.activeElement?.classList.contains('find-input'), undefined, { timeout: 10_000 });
    await page.keyboard.type('deadlock');
    await foundOn(page, hits[0]);
    await page.waitForSelector(`.find-count:text-is("1 of ${n(hits.length)}")`);
    const column = hugeLineText(hits[0]).indexOf('deadlock');
    assert.strictEqual(await caret(page), `${hits[0]}:${column + 'deadlock'.length}`);
    // Every visible line with the word has one highlight, placed over the word.
    const visible = await page.$$eval('.row[data-line]', (rows) => rows.map((r) => ({
      line: Number((r as HTMLElement).dataset.line),
      boxes: Array.from(r.querySelectorAll('.match')).map((m) => m.getBoundingClientRect()),
      text: r.querySelector('.text')!.getBoundingClientRect(),
    })));
    const charWidth = await page.$eval('.row .text', (t) => t.getBoundingClientRect().width / (t.textContent ?? ' ').length);
    let highlighted = 0;
    for (const row of visible) {
      const expected = hugeLineText(row.line).includes('deadlock') ? 1 : 0;
      assert.strictEqual(row.boxes.length, expected, `line ${row.line}`);
      if (!expected) continue;
      highlighted++;
      const want = row.text.left + hugeLineText(row.line).indexOf('deadlock') * charWidth;
      assert.ok(Math.abs(row.boxes[0].left - want) < 1.5, `box at ${row.boxes[0].left}, word at ${want}`);
      assert.ok(Math.abs(row.boxes[0].width - 8 * charWidth) < 1.5);
    }
    assert.ok(highlighted >= 3, `${highlighted} highlighted rows`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'find-widget.png') });
  });

  it('Enter right after typing (no pause) goes to the second match, as in VS Code, where typing found the first', async () => {
    const page = await open();
    const hits = linesWhere((t) => t.includes('deadlock'));
    await page.keyboard.press('Control+F');
    await page.keyboard.type('deadloc');
    await foundOn(page, hits[0]);
    // The last letter and Enter at once: the query typed is searched first, then Enter goes on from its match.
    await page.keyboard.type('k');
    await page.keyboard.press('Enter');
    await foundOn(page, hits[1]);
    await page.waitForSelector(`.find-count:text-is("2 of ${n(hits.length)}")`);
  });

  it('Enter, Shift+Enter, F3 step through matches and wrap around the file', async () => {
    const page = await open();
    const hits = linesWhere((t) => t.includes('deadlock'));
    await page.keyboard.press('Control+F');
    await page.keyboard.type('deadlock');
    await foundOn(page, hits[0]);
    await page.keyboard.press('Enter');
    await foundOn(page, hits[1]);
    await page.waitForSelector(`.find-count:text-is("2 of ${n(hits.length)}")`);
    await page.keyboard.press('Shift+Enter');
    await foundOn(page, hits[0]);
    await page.keyboard.press('Shift+Enter');
    await foundOn(page, hits[hits.length - 1]);
    await page.waitForSelector(`.find-count:text-is("${n(hits.length)} of ${n(hits.length)}")`);
    const top = await page.$eval('#root', (root) => Number((root as HTMLElement).dataset.topLine));
    assert.ok(top > LINES - 60, `the view scrolled to the end (top line ${top})`);
    await page.keyboard.press('F3');
    await foundOn(page, hits[0]);
    // Escape closes the widget, removes the highlights, gives the keys back to the text.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-widget', { state: 'hidden' });
    await page.waitForFunction(() => document.querySelectorAll('.match').length === 0, undefined, { timeout: 10_000 });
    assert.ok(await page.evaluate(() => document.querySelector('.editor')!.contains(document.activeElement)));
    const sent = await page.evaluate(() => fakeHost.sent.map((m) => m.type).filter((t) => t.startsWith('find')));
    assert.strictEqual(sent[sent.length - 1], 'findStop', 'the host was told to stop searching');
  });

  it('Enter and F3 pressed again before the answer came each go one match on (a slow host)', async () => {
    const page = await open('&latency=400');
    const hits = linesWhere((t) => t.includes('deadlock'));
    await page.keyboard.press('Control+F');
    await page.keyboard.type('deadlock');
    await foundOn(page, hits[0]);
    await page.waitForSelector(`.find-count:text-is("1 of ${n(hits.length)}")`);
    const before = await page.evaluate(() => fakeHost.sent.filter((m) => m.type === 'find').length);
    // The presses reach the view well within the 400 ms the host takes to answer the first.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await foundOn(page, hits[2]);
    await page.waitForSelector(`.find-count:text-is("3 of ${n(hits.length)}")`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('F3');
    await foundOn(page, hits[5]);
    await page.waitForSelector(`.find-count:text-is("6 of ${n(hits.length)}")`);
    await page.keyboard.press('Shift+F3');
    await page.keyboard.press('Shift+F3');
    await foundOn(page, hits[3]);
    await page.waitForSelector(`.find-count:text-is("4 of ${n(hits.length)}")`);
    const finds = await page.evaluate(() => fakeHost.sent.filter((m) => m.type === 'find').length);
    assert.strictEqual(finds - before, 7, 'one search per key press');
  });

  it('Find reopened after a jump searches again from the caret: no stale "3 of ..." from before', async () => {
    const page = await open();
    const hits = linesWhere((t) => t.includes('deadlock'));
    await page.keyboard.press('Control+F');
    await page.keyboard.type('deadlock');
    await foundOn(page, hits[0]);
    await page.keyboard.press('Enter');
    await foundOn(page, hits[1]);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.find-count:text-is("3 of ${n(hits.length)}")`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-widget', { state: 'hidden' });
    // Jump: Ctrl+G to a line in the middle (the fake host answers Go to Line as the real one does).
    const target = Math.floor(LINES / 2);
    await page.evaluate((line) => fakeHost.send({ type: 'reveal', line, select: true }), target);
    await page.waitForFunction((line) => document.getElementById('root')!.dataset.caret === `${line}:0`, target);
    await page.keyboard.press('Control+F');
    await page.waitForSelector('.find-widget:not(.hidden)');
    const next = hits.findIndex((line) => line >= target);
    await foundOn(page, hits[next]);
    await page.waitForSelector(`.find-count:text-is("${n(next + 1)} of ${n(hits.length)}")`);
    assert.strictEqual(await page.$eval('.find-widget .find-input', (i) => (i as HTMLInputElement).value), 'deadlock');
  });

  it('a match on the top rows is scrolled out from under the find widget', async () => {
    const page = await openPage(`file=huge&lines=${LINES}`, { width: 700, height: 500 });
    await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
    await page.focus('.editor');
    await page.evaluate(() => fakeHost.send({ type: 'reveal', line: 1000, select: true }));
    await page.waitForFunction(() => Number(document.getElementById('root')!.dataset.topLine) > 900);
    const top = await page.$eval('#root', (root) => Number((root as HTMLElement).dataset.topLine));
    // The top row's text from "#N" to its end: found by wrapping around from the caret below it.
    await page.keyboard.press('Control+F');
    await page.keyboard.type(hugeLineText(top));
    await foundOn(page, top);
    const [match, widget] = await page.evaluate((line) => [document.querySelector(`.row[data-line="${line}"] .sel.found`)!, document.querySelector('.find-widget')!]
      .map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; }), top);
    await page.screenshot({ path: path.join(ARTIFACTS, 'find-top-row-match.png') });
    const overlaps = match.left < widget.right && widget.left < match.right && match.top < widget.bottom && widget.top < match.bottom;
    assert.ok(!overlaps, `the match (${JSON.stringify(match)}) is not under the widget (${JSON.stringify(widget)})`);
  });

  it('match case, whole word and regex options change what matches; a bad regex says so', async () => {
    const page = await open();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('INFO');
    await page.waitForSelector('.find-count:text-matches("of")');
    const upper = linesWhere((t) => t.includes('INFO')).length;
    await page.waitForSelector(`.find-count:text-is("1 of ${n(upper)}")`);
    await page.keyboard.press('Alt+R');
    await page.fill('.find-widget .find-input', '#1\\d{3} ');
    const fourDigits = linesWhere((t) => /#1\d{3} /.test(t));
    await foundOn(page, fourDigits[0]);
    await page.waitForSelector(`.find-count:text-is("1 of ${n(fourDigits.length)}")`);
    await page.fill('.find-widget .find-input', '#1(');
    await page.waitForSelector('.find-count:text-is("Invalid regular expression")');
    assert.ok(await page.$eval('.find-widget', (w) => w.classList.contains('no-results')));
    await page.keyboard.press('Alt+R');
    await page.keyboard.press('Alt+C');
    await page.fill('.find-widget .find-input', 'info');
    await page.waitForSelector('.find-count:text-is("No results")');
    await page.keyboard.press('Alt+C');
    // Found from the caret (left on line #1000 by the regex), ranked among all matches.
    const rank = linesWhere((t) => t.includes('INFO')).findIndex((line) => line >= fourDigits[0]) + 1;
    await page.waitForSelector(`.find-count:text-is("${n(rank)} of ${n(upper)}")`);
    const finds = await page.evaluate(() => fakeHost.sent.filter((m) => m.type === 'find'));
    assert.ok(finds.every((m) => m.type === 'find' && !(m.query.kind === 'regex' && m.query.source === '#1(')), 'an invalid regex is never sent');
  });

  it('a filter (show ERROR, hide "#1") lists the matching lines with their numbers; a click or Enter shows one', async () => {
    const page = await open();
    await page.click('#filter');
    await page.waitForSelector('.filter-pane:not(.hidden)');
    await page.keyboard.type('ERROR');
    const errors = linesWhere((t) => t.includes('ERROR'));
    await page.waitForSelector(`.filter-pane[data-lines="${errors.length}"][data-done="true"]`);
    await page.click('.filter-add');
    await page.selectOption('.filter-rule:nth-child(2) .filter-mode', 'exclude');
    await page.fill('.filter-rule:nth-child(2) .find-input', '#1');
    await page.keyboard.press('Enter');
    const expected = linesWhere((t) => t.includes('ERROR') && !t.includes('#1'));
    await page.waitForSelector(`.filter-pane[data-lines="${expected.length}"][data-done="true"]`);
    await page.waitForSelector('.filter-row[data-index="3"][data-line]:not([data-line=""])');
    const shown = await page.$$eval('.filter-row', (rows) => rows.map((r) => ({
      line: Number((r as HTMLElement).dataset.line),
      number: r.querySelector('.filter-number')!.textContent,
      text: r.querySelector('.filter-text')!.textContent,
    })));
    shown.forEach((row, i) => {
      assert.strictEqual(row.line, expected[i]);
      assert.strictEqual(row.number, String(expected[i] + 1));
      assert.strictEqual(row.text, hugeLineText(expected[i]));
    });
    await page.click('.filter-row[data-index="3"]');
    await page.waitForFunction((line) => document.getElementById('root')!.dataset.caret === `${line}:0`, expected[3]);
    await page.waitForSelector(`.row[data-line="${expected[3]}"]`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((line) => document.getElementById('root')!.dataset.caret === `${line}:0`, expected[4]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'filter-pane.png') });
    await page.click('.filter-close');
    await page.waitForSelector('.filter-pane', { state: 'hidden' });
  });

  it('a filter rule\'s highlight button asks the host to colour the lines it matches; without a pattern it says to type one', async () => {
    const page = await open();
    await page.click('#filter');
    await page.waitForSelector('.filter-pane:not(.hidden)');
    await page.click('.filter-rule .filter-highlight');
    await page.waitForSelector('.filter-status:text("Type a pattern first")');
    await page.fill('.filter-rule .find-input', 'deadlock');
    await page.click('.filter-rule .find-word');
    await page.click('.filter-rule .filter-highlight');
    await page.waitForFunction(() => fakeHost.sent.some((m) => m.type === 'addHighlight'));
    const asked = await page.evaluate(() => fakeHost.sent.filter((m) => m.type === 'addHighlight'));
    assert.deepStrictEqual(asked, [{ type: 'addHighlight', query: { kind: 'text', text: 'deadlock', matchCase: false, wholeWord: true } }]);
    await page.selectOption('.filter-rule .filter-mode', 'marked');
    assert.strictEqual(await page.isVisible('.filter-rule .filter-highlight'), false, 'no colouring for the marked lines rule');
  });

  it('filter rows keep their text in place when the line numbers grow a digit (5 to 6 digits here)', async () => {
    const page = await openPage('file=huge&lines=200000', { width: 1000, height: 640 });
    await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
    await page.click('#filter');
    await page.keyboard.type('ERROR');
    await page.waitForSelector('.filter-pane[data-done="true"]', { timeout: 60_000 });
    const textLefts = () => page.$$eval('.filter-row', (rows) => rows.filter((r) => (r as HTMLElement).dataset.line)
      .map((r) => ({ number: r.querySelector('.filter-number')!.textContent, left: r.querySelector('.filter-text')!.getBoundingClientRect().left })));
    await page.waitForSelector('.filter-row[data-index="0"][data-line="4"]');
    const top = await textLefts();
    await page.focus('.filter-list');
    await page.keyboard.press('End');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.filter-row')).some((r) => (r.querySelector('.filter-number')?.textContent ?? '').length === 6));
    const end = await textLefts();
    await page.screenshot({ path: path.join(ARTIFACTS, 'filter-pane-6-digits.png') });
    const lefts = new Set([...top, ...end].map((r) => Math.round(r.left)));
    assert.strictEqual(lefts.size, 1, `every row's text starts at the same x: ${JSON.stringify([top[0], end[end.length - 1]])}`);
  });

  it('the host opens the filter with a query (Filter Lines from the hex view\'s find): the first rule filters by it', async () => {
    const page = await open();
    await page.evaluate(() => fakeHost.send({ type: 'open', what: 'filter', query: { kind: 'text', text: 'error', matchCase: false, wholeWord: true } }));
    await page.waitForSelector('.filter-pane:not(.hidden)');
    assert.strictEqual(await page.$eval('.filter-rule .find-input', (i) => (i as HTMLInputElement).value), 'error');
    assert.deepStrictEqual(await page.$$eval('.filter-rule .find-toggle', (b) => b.map((t) => t.getAttribute('aria-pressed'))), ['false', 'true', 'false']);
    const expected = linesWhere((t) => /\berror\b/i.test(t));
    assert.ok(expected.length > 0);
    await page.waitForSelector(`.filter-pane[data-lines="${expected.length}"][data-done="true"]`);
    const filters = await page.evaluate(() => fakeHost.sent.filter((m) => m.type === 'filter'));
    assert.deepStrictEqual(filters.map((m) => m.type === 'filter' && m.include), [[{ kind: 'text', text: 'error', matchCase: false, wholeWord: true }]]);
  });
});
