// What a user sees in the viewer webview, driven in Chromium against the fake host
// (test/webview/fakeHost.ts). Run: npx mocha --require tsx/cjs --timeout 120000 test/webview/viewer.test.ts
import * as assert from 'assert';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { CopyMessage, FileState, GetLinesMessage, HostMessage, ViewerMessage } from '../../src/editor/protocol';
import { MAX_LINE_BYTES, MAX_LINES_PER_REQUEST } from '../../src/editor/protocol';
import { hugeLineText, LONG_LINE_BYTES, SPECIAL } from './fakeFiles';
import { ARTIFACTS, data, expectData, pageSuite } from './harness';

interface FakeHostView {
  sent: ViewerMessage[];
  invalid: unknown[];
  /** Every message the host sent (each reaches the view `latency` ms later). */
  received: HostMessage[];
  readonly undelivered: number;
  clipboard: string;
  send(message: HostMessage): void;
  holdEdits(on: boolean): void;
  append(n: number): void;
  rotate(n: number): void;
  setPasteText(text: string): void;
  holdCaretReports(on: boolean): void;
  command(name: 'toggleView' | 'goToLine' | 'goToOffset'): void;
  readonly goToLineValue: string | undefined;
  readonly text: string;
  readonly state: FileState;
  contentBytes(): number[];
}
declare const fakeHost: FakeHostView;

describe('viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  async function open(query: string, opts: { width?: number; height?: number; waitText?: boolean } = {}): Promise<Page> {
    const page = await openPage(query, { width: opts.width ?? 1000, height: opts.height ?? 640 });
    await page.waitForSelector('#root[data-line-count]');
    if (opts.waitText !== false) await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
    return page;
  }

  /** Waits (keys take effect on the next frame, which a loaded machine can delay) until the top line is `line`, else fails naming what it is. */
  async function expectTopLine(page: Page, line: number): Promise<void> {
    await expectData(page, 'topLine', String(line));
  }

  /** Waits until every message the fake host sent has reached the view, and the view has drawn what they said. */
  async function hostAnswered(page: Page): Promise<void> {
    await page.waitForFunction(() => fakeHost.undelivered === 0);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  async function topLine(page: Page): Promise<number> {
    return Number((await data(page)).topLine);
  }

  /** The rows on screen, top to bottom: 0-based line, gutter text, text. */
  async function rows(page: Page): Promise<{ line: number; gutter: string; text: string; placeholder: boolean }[]> {
    return page.$$eval('.row[data-line]', (els) => els
      .map((el) => ({
        line: Number((el as HTMLElement).dataset.line),
        gutter: el.querySelector('.gutter')!.textContent ?? '',
        text: el.querySelector('.text')!.textContent ?? '',
        placeholder: el.querySelector('.text')!.classList.contains('placeholder'),
      }))
      .sort((a, b) => a.line - b.line));
  }

  async function rowText(page: Page, line: number): Promise<string> {
    return page.$eval(`.row[data-line="${line}"] .text`, (el) => el.textContent ?? '');
  }

  /** Waits until every visible row has its text (no placeholder left). */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const r = document.querySelectorAll('.row[data-line]');
      return r.length > 0 && !document.querySelector('.row .text.placeholder');
    });
  }

  async function focusEditor(page: Page): Promise<void> {
    await page.focus('.editor');
  }

  /** The messages of `type` the view sent, once it holds no key (a key waits a frame, or for the lines it acts on). */
  async function sent<T extends ViewerMessage['type']>(page: Page, type: T): Promise<Extract<ViewerMessage, { type: T }>[]> {
    await page.waitForFunction(() => (document.getElementById('root')!.dataset.heldKeys ?? '0') === '0');
    return page.evaluate((t) => fakeHost.sent.filter((m) => m.type === t), type) as Promise<Extract<ViewerMessage, { type: T }>[]>;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  }

  it('shows the first lines, numbered from 1, with a gutter sized to 100,000,000', async () => {
    const page = await open('file=huge');
    await settled(page);
    const r = await rows(page);
    assert.strictEqual(r[0].line, 0);
    assert.strictEqual(r[0].gutter, '1');
    assert.ok(r[0].text.startsWith('#1 some text'), r[0].text);
    assert.strictEqual(r[1].text, hugeLineText(1));
    assert.strictEqual((await data(page)).lineCount, '100000000');
    // Only the visible rows exist, and nothing is taller than the view.
    const { count, tallest, viewport } = await page.evaluate(() => ({
      count: document.querySelectorAll('.row').length,
      tallest: Math.max(...Array.from(document.querySelectorAll('*')).map((e) => (e as HTMLElement).offsetHeight || 0)),
      viewport: window.innerHeight,
    }));
    assert.ok(count < 60, `${count} rows in the DOM`);
    assert.ok(tallest <= viewport, `an element is ${tallest}px tall`);
    // Line numbers and text share a baseline: same row box, same top.
    const tops = await page.$eval('.row[data-line="5"]', (row) => [
      row.querySelector('.gutter')!.getBoundingClientRect().top, row.querySelector('.text')!.getBoundingClientRect().top]);
    assert.strictEqual(tops[0], tops[1]);
    const reqs = await sent(page, 'getLines');
    assert.ok(reqs.every((m) => m.count <= MAX_LINES_PER_REQUEST && m.maxBytes <= MAX_LINE_BYTES));
  });

  it('Ctrl+End shows the last line of a 100 M-line file in the gutter', async () => {
    const page = await open('file=huge');
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForSelector('.row[data-line="99999999"] .text:not(.placeholder)');
    const r = await rows(page);
    const last = r[r.length - 1];
    assert.strictEqual(last.gutter, '100000000');
    assert.strictEqual(last.text, hugeLineText(99999999));
    const d = await data(page);
    assert.strictEqual(Number(d.topLine), 100000000 - Number(d.visibleRows));
    assert.strictEqual(d.caret, `99999999:${hugeLineText(99999999).length}`);
    // The thumb sits at the bottom of its track.
    const [track, thumb] = await Promise.all([page.$eval('.scroll-track', (e) => e.getBoundingClientRect().bottom),
      page.$eval('.scroll-thumb', (e) => e.getBoundingClientRect().bottom)]);
    assert.ok(Math.abs(track - thumb) < 1, `thumb bottom ${thumb} vs track ${track}`);
    await page.keyboard.press('Control+Home');
    await page.waitForSelector('.row[data-line="0"] .text:not(.placeholder)');
    await expectTopLine(page, 0);
  });

  it('dragging the thumb to the middle shows lines near 50,000,000', async () => {
    const page = await open('file=huge');
    const thumb = (await page.$('.scroll-thumb'))!;
    const tb = (await thumb.boundingBox())!;
    const track = (await (await page.$('.scroll-track'))!.boundingBox())!;
    assert.ok(tb.height >= 20 && tb.height < 30, `thumb is ${tb.height}px`);
    await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2);
    await page.mouse.down();
    await page.mouse.move(tb.x + tb.width / 2, track.y + track.height / 2, { steps: 8 });
    await page.mouse.up();
    await settled(page);
    const r = await rows(page);
    const visible = Number((await data(page)).visibleRows);
    const middle = r[Math.floor(r.length / 2)].line + 1;
    assert.ok(Math.abs(middle - 50_000_000) <= visible, `middle row shows line ${middle}`);
    assert.strictEqual(r[0].text, hugeLineText(r[0].line));
    assert.strictEqual(r[0].gutter, String(r[0].line + 1));
    // Clicking the track near its end jumps there.
    await page.mouse.click(track.x + track.width / 2, track.y + track.height - 2);
    await settled(page);
    await expectTopLine(page, 100000000 - visible);
  });

  it('PageDown and PageUp move by a page, arrows by a line, the wheel by accumulated pixels', async () => {
    const page = await open('file=huge');
    await focusEditor(page);
    const visible = Number((await data(page)).visibleRows);
    const pageSize = visible - 2; // VS Code's page: visible lines less two
    await page.keyboard.press('PageDown');
    await expectTopLine(page, pageSize);
    await settled(page);
    assert.strictEqual((await data(page)).caret, `${pageSize}:0`);
    assert.strictEqual((await rows(page))[0].text, hugeLineText(pageSize));
    await page.keyboard.press('PageDown');
    await expectTopLine(page, 2 * pageSize);
    await page.keyboard.press('PageUp');
    await expectTopLine(page, pageSize);
    await page.keyboard.press('ArrowDown');
    await expectData(page, 'caret', `${pageSize + 1}:0`);
    await page.keyboard.press('Control+ArrowDown'); // scrolls, caret stays
    await expectTopLine(page, pageSize + 1);

    await page.keyboard.press('Control+Home');
    const lh = await page.$eval('#root', (e) => parseFloat(getComputedStyle(e).getPropertyValue('--line-height')));
    await page.mouse.move(400, 300);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 100);
    await page.waitForFunction((want) => document.getElementById('root')!.dataset.topLine === String(want), Math.floor(2000 / lh));
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, -100);
    await page.waitForFunction(() => document.getElementById('root')!.dataset.topLine === '0');
  });

  it('renders a window of a 100 MB line and scrolls it horizontally', async () => {
    const page = await open('file=long');
    const first = await rowText(page, 0);
    assert.ok(first.startsWith('@000000000@000000010'), first.slice(0, 40));
    assert.ok(first.length <= MAX_LINE_BYTES, `${first.length} characters in the DOM`);
    await page.waitForSelector('.hscroll-thumb', { state: 'visible' });
    await page.mouse.move(400, 200);
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, 400);
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => Number(document.getElementById('root')!.dataset.scrollCol) > 0);

    // Drag the horizontal thumb to the middle: bytes around 50,000,000 come into view.
    const tb = (await (await page.$('.hscroll-thumb'))!.boundingBox())!;
    const track = (await (await page.$('.hscroll-track'))!.boundingBox())!;
    await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width / 2, tb.y + tb.height / 2, { steps: 5 });
    await page.mouse.up();
    const col = Number((await data(page)).scrollCol);
    assert.ok(Math.abs(col - LONG_LINE_BYTES / 2) < LONG_LINE_BYTES / 100, `scrolled to column ${col}`);
    const token = '@' + String(Math.floor(col / 10) * 10 + 100).padStart(9, '0');
    await page.waitForFunction((t) => document.querySelector('.row[data-line="0"] .text')!.textContent!.includes(t), token);
    const reqs = (await sent(page, 'getLines')) as GetLinesMessage[];
    const lastReq = reqs[reqs.length - 1];
    assert.ok(lastReq.fromByte > col - 2048 && lastReq.fromByte <= col, `asked from byte ${lastReq.fromByte}`);
    assert.ok(reqs.every((m) => m.maxBytes <= MAX_LINE_BYTES));
    // The token is where the user looks: inside the visible text column.
    const box = await page.evaluate((t) => {
      const text = document.querySelector('.row[data-line="0"] .text')!;
      const node = text.firstChild as Text;
      const i = node.data.indexOf(t);
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + t.length);
      const line = text.parentElement!.getBoundingClientRect();
      const rect = r.getBoundingClientRect();
      return { left: rect.left - line.left, width: line.width };
    }, token);
    assert.ok(box.left >= 0 && box.left < box.width, `token at x=${box.left}`);
    await shot(page, 'long-line-middle-dark');

    // End jumps to byte 100,000,000 and shows the line's last token.
    await page.click('.row[data-line="0"] .line');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('.row[data-line="0"] .text')!.textContent!.endsWith('@099999990'));
    assert.strictEqual((await data(page)).caret, `0:${LONG_LINE_BYTES}`);
    assert.ok(await page.isVisible('.caret'), JSON.stringify(await page.$eval('.caret', (c) => [c.className, (c as HTMLElement).style.transform, c.parentElement?.className, document.activeElement?.className])));
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.getElementById('root')!.dataset.scrollCol === '0');
    await page.waitForFunction(() => document.querySelector('.row[data-line="0"] .text')!.textContent!.startsWith('@000000000'));
    assert.strictEqual((await data(page)).caret, '0:0');
  });

  it('expands tabs to tab stops and shows control characters as control pictures', async () => {
    const page = await open('file=special');
    await settled(page);
    const ctrl = await rowText(page, SPECIAL.controls);
    for (const pic of ['\u2400', '\u2401', '\u241b', '\u2407', '\u2421']) assert.ok(ctrl.includes(pic), `${pic} in ${ctrl}`);
    assert.strictEqual(await page.$$eval(`.row[data-line="${SPECIAL.controls}"] .ctrl`, (e) => e.length), 6);
    assert.ok((await rowText(page, SPECIAL.invalid)).includes('\ufffd'));
    assert.strictEqual(await rowText(page, SPECIAL.utf8), 'utf8: café naïve 中文 😀 ok');
    // Tab stops every 4 cells: the text after "\tone tab\t" starts at cell 12.
    const { tabs, x, cw } = await page.$eval(`.row[data-line="${SPECIAL.tabs}"] .text`, (text) => {
      const root = document.getElementById('root')!;
      const spans = text.querySelectorAll('.tab');
      const after = spans[1].nextSibling as Text;
      const r = document.createRange();
      r.setStart(after, 0);
      r.setEnd(after, 1);
      return {
        tabs: spans.length,
        x: r.getBoundingClientRect().left - text.getBoundingClientRect().left,
        cw: parseFloat(getComputedStyle(root).getPropertyValue('--char-width')),
      };
    });
    assert.strictEqual(tabs, 6);
    assert.ok(Math.abs(x - 12 * cw) < 1, `x=${x}, expected ${12 * cw}`);
    // File content is text, never markup.
    assert.strictEqual(await rowText(page, SPECIAL.markup), '<b>not bold</b> &amp; <script>alert(1)</script> <img src=x onerror=alert(2)>');
    assert.strictEqual(await page.$$eval('.rows script, .rows img, .rows b', (e) => e.length), 0);
  });

  it('selects with keyboard and mouse and copies the right byte positions', async () => {
    const page = await open('file=special');
    await settled(page);
    await focusEditor(page);
    const utf8 = 'utf8: café naïve 中文 😀 ok';
    const lastCopy = async () => {
      const c = (await sent(page, 'copy')) as CopyMessage[];
      return c[c.length - 1];
    };
    for (let i = 0; i < SPECIAL.utf8; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+C');
    assert.deepStrictEqual(await lastCopy(), { type: 'copy', from: { line: 4, column: 7 }, to: { line: 4, column: 11 } });
    assert.strictEqual(await page.evaluate(() => fakeHost.clipboard), 'afé');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Control+C');
    const len = Buffer.byteLength(utf8);
    assert.deepStrictEqual((await lastCopy()).to, { line: 4, column: len });
    assert.strictEqual(await page.evaluate(() => fakeHost.clipboard), 'afé naïve 中文 😀 ok');
    // The emoji is one step of 4 bytes.
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expectData(page, 'caret', `4:${len - 3 - 4}`);

    // Mouse: drag from the start of line 0 to the middle of line 2.
    const line0 = (await (await page.$('.row[data-line="0"] .line'))!.boundingBox())!;
    const line2 = (await (await page.$('.row[data-line="2"] .line'))!.boundingBox())!;
    await page.mouse.move(line0.x + 1, line0.y + line0.height / 2);
    await page.mouse.down();
    await page.mouse.move(line2.x + 100, line2.y + line2.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.press('Control+C');
    const copy = await lastCopy();
    assert.deepStrictEqual(copy.from, { line: 0, column: 0 });
    assert.strictEqual(copy.to.line, 2);
    const cw = await page.$eval('#root', (e) => parseFloat(getComputedStyle(e).getPropertyValue('--char-width')));
    assert.strictEqual(copy.to.column, Math.round(100 / cw));
    assert.ok((await page.evaluate(() => fakeHost.clipboard)).startsWith('plain ascii line: the quick brown fox jumps over the lazy dog\n\tone tab'));
    assert.ok(await page.$$eval('.sel:not(.hidden)', (e) => e.length) >= 3);
    await shot(page, 'selection-dark');

    // Shift+click extends, Ctrl+A selects everything without loading anything.
    await page.mouse.click(line0.x + 1, line0.y + line0.height / 2);
    await page.keyboard.down('Shift');
    await page.mouse.click(line0.x + 40 * cw, line0.y + line0.height / 2);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+C');
    assert.deepStrictEqual(await lastCopy(), { type: 'copy', from: { line: 0, column: 0 }, to: { line: 0, column: 40 } });
    const before = (await sent(page, 'getLines')).length;
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const all = await lastCopy();
    assert.deepStrictEqual(all.from, { line: 0, column: 0 });
    assert.strictEqual(all.to.line, 48);
    assert.strictEqual((await sent(page, 'getLines')).length, before);
  });

  it('copies the caret line when nothing is selected, and Ctrl+A on 100 M lines stays positions only', async () => {
    const page = await open('file=huge');
    await focusEditor(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+C');
    let copies = (await sent(page, 'copy')) as CopyMessage[];
    assert.deepStrictEqual(copies[0], { type: 'copy', from: { line: 1, column: 0 }, to: { line: 2, column: 0 } });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    copies = (await sent(page, 'copy')) as CopyMessage[];
    assert.deepStrictEqual(copies[1].from, { line: 0, column: 0 });
    assert.strictEqual(copies[1].to.line, 99999999);
    await expectTopLine(page, 0);
  });

  it('shows a notice bar and closes it', async () => {
    const page = await open('file=huge');
    await page.evaluate(() => fakeHost.send({ type: 'notice', level: 'warning', text: 'The file was truncated by another process.' }));
    await page.waitForSelector('.notice');
    assert.strictEqual(await page.textContent('.notice .notice-text'), 'The file was truncated by another process.');
    await page.evaluate(() => fakeHost.send({ type: 'notice', level: 'error', text: 'Cannot read <file>: EIO' }));
    await page.waitForSelector('.notice-error');
    assert.strictEqual(await page.textContent('.notice-error .notice-text'), 'Cannot read <file>: EIO');
    await shot(page, 'notices-dark');
    await page.click('.notice-warning .notice-close');
    await page.click('.notice-error .notice-close');
    await page.waitForSelector('.notice', { state: 'detached' });
  });

  it('says "Empty file" for an empty file', async () => {
    const page = await open('file=empty', { waitText: false });
    await page.waitForSelector('.empty-message:not(.hidden)');
    assert.strictEqual(await page.textContent('.empty-message'), 'Empty file');
    // As in VS Code, an empty file has one empty line, where typing goes (issue #13 item 3).
    assert.strictEqual(await page.$$eval('.row[data-line]', (e) => e.filter((r) => (r as HTMLElement).offsetParent).length), 1);
    assert.ok(!(await page.isVisible('.scroll-thumb')));
    await shot(page, 'empty-dark');
    await focusEditor(page);
    await page.keyboard.type('ab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('c');
    await page.waitForFunction(() => document.querySelector('.row[data-line="1"] .text')?.textContent === 'c');
    assert.strictEqual(await page.evaluate(() => fakeHost.text), 'ab\nc');
    await page.waitForSelector('.empty-message.hidden', { state: 'attached' });
  });

  it('shows indexing progress and placeholders, then the exact count', async () => {
    const page = await open('file=indexing&lines=600000&step=60000&every=250', { waitText: false });
    await page.waitForFunction(() => /Indexing \d+ %/.test(document.querySelector('.status')!.textContent!));
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForSelector('.text.placeholder.indexing');
    const ask = await sent(page, 'revealLine');
    assert.ok(ask.length > 0, 'asks the host to index up to the end');
    await shot(page, 'indexing-dark');
    await page.waitForFunction(() => document.getElementById('root')!.dataset.complete === 'true', undefined, { timeout: 20000 });
    await settled(page);
    assert.match((await page.textContent('.status'))!, /^600,000 lines/);
    const r = await rows(page);
    assert.strictEqual(r[r.length - 1].gutter, '600000');
    assert.strictEqual(r[r.length - 1].text, hugeLineText(599999));
  });

  it('Follow toggles through the host and keeps the end in view as the file grows', async () => {
    const page = await open('file=follow&lines=30');
    assert.strictEqual(await page.getAttribute('#follow', 'aria-pressed'), 'false');
    await page.click('#follow');
    await page.waitForFunction(() => document.getElementById('follow')!.getAttribute('aria-pressed') === 'true');
    assert.deepStrictEqual((await sent(page, 'command'))[0], { type: 'command', command: 'toggleFollow' });
    await page.evaluate(() => fakeHost.append(500));
    await page.waitForSelector('.row[data-line="529"] .text:not(.placeholder)');
    await page.evaluate(() => fakeHost.append(25));
    await page.waitForSelector('.row[data-line="554"] .text:not(.placeholder)');
    const r = await rows(page);
    assert.strictEqual(r[r.length - 1].gutter, '555');
    // Scrolling up while following turns following off.
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => document.getElementById('follow')!.getAttribute('aria-pressed') === 'false');
    await page.evaluate(() => fakeHost.append(10));
    await page.waitForFunction(() => document.getElementById('root')!.dataset.lineCount === '565');
    assert.ok(!(await page.$('.row[data-line="564"]')), 'stayed where the user scrolled');
    // Going to the end (Ctrl+End) follows again.
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForFunction(() => document.getElementById('follow')!.getAttribute('aria-pressed') === 'true');
    await page.evaluate(() => fakeHost.append(10));
    await page.waitForSelector('.row[data-line="574"] .text:not(.placeholder)');
  });

  it('Follow shows pressed at once on a click, and states the host sent before it saw the click do not flip it back', async () => {
    const page = await open('file=follow&lines=30&latency=300');
    /**
     * Clicks Follow right after the host sent a state (which still says the old value):
     * the button's value after each click, and its changes after them until every message arrived.
     */
    const clickAmidStaleState = (clicks: number) => page.evaluate(async (n) => {
      const button = document.getElementById('follow')!;
      const seen: string[] = [];
      const changes = new MutationObserver(() => seen.push(button.getAttribute('aria-pressed')!));
      fakeHost.append(3);
      const atOnce: string[] = [];
      for (let i = 0; i < n; i++) {
        button.click();
        atOnce.push(button.getAttribute('aria-pressed')!);
      }
      changes.observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
      while (fakeHost.undelivered > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      changes.disconnect();
      return { atOnce, seen, host: fakeHost.state.following };
    }, clicks);
    const on = await clickAmidStaleState(1);
    assert.deepStrictEqual(on, { atOnce: ['true'], seen: [], host: true });
    await page.waitForSelector('.row[data-line="32"] .text:not(.placeholder)');
    // Off and on again before the host answered either: no flicker, and the host ends where the button is.
    const offOn = await clickAmidStaleState(2);
    assert.deepStrictEqual(offOn, { atOnce: ['false', 'true'], seen: [], host: true });
  });

  it('keeps its caret when the host says no edit moved it (a save, growth), though the host heard of an older one', async () => {
    const page = await open('file=follow&lines=300');
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForSelector('.row[data-line="299"] .text:not(.placeholder)');
    const caret = (await data(page)).caret;
    await page.evaluate(() => fakeHost.send({ type: 'edited', fromLine: 0, caret: { line: 1, column: 0 }, state: fakeHost.state, keepCaret: true }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.strictEqual((await data(page)).caret, caret);
    assert.ok(await page.$('.row[data-line="299"]'), 'still at the end');
  });

  it('Ctrl+G asks the host for Go to Line, and a reveal scrolls and places the caret', async () => {
    const page = await open('file=huge');
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    assert.deepStrictEqual((await sent(page, 'command'))[0], { type: 'command', command: 'goToLine' });
    await page.evaluate(() => fakeHost.send({ type: 'reveal', line: 1234566, select: true }));
    await page.waitForSelector('.row[data-line="1234566"] .text:not(.placeholder)');
    assert.strictEqual((await data(page)).caret, '1234566:0');
    assert.ok(await page.isVisible('.row[data-line="1234566"] .caret'));
    await page.waitForFunction(() => {
      const c = (fakeHost.sent.filter((m) => m.type === 'caret') as { position: { line: number } }[]).pop();
      return c?.position.line === 1234566;
    });
  });

  it('Ctrl+End before the last line arrived reports the caret at the end of that line, not at its start (#13)', async () => {
    // A slow host: the last line's text comes long after the tenth of a second a caret report waits.
    const page = await open('file=huge&latency=600');
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForFunction(() => fakeHost.sent.some((m) => m.type === 'caret' && m.position.line > 0), undefined, { timeout: 5_000 });
    const first = await page.evaluate(() => (fakeHost.sent.filter((m) => m.type === 'caret') as { position: { line: number; column: number } }[]).find((m) => m.position.line > 0)!.position);
    const last = Number((await data(page)).caret.split(':')[0]);
    assert.deepStrictEqual(first, { line: last, column: Number.MAX_SAFE_INTEGER }, 'the end of a line the view has not loaded: the host cuts it to the line');
  });

  it('Go to Line and Toggle Hex View act at the caret the view has, not at the one the host heard of last (#13)', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i + 1}`);
    const bytes = encodeURIComponent(Buffer.from(lines.join('\n')).toString('base64'));
    const page = await open(`file=content&name=caret.log&bytes=${bytes}`);
    await focusEditor(page);
    // The host hears of no caret from now on: the reports a tenth of a second late are all the same to it.
    await page.evaluate(() => fakeHost.holdCaretReports(true));
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+G');
    await page.waitForFunction(() => fakeHost.goToLineValue !== undefined);
    assert.strictEqual(await page.evaluate(() => fakeHost.goToLineValue), '300', 'Go to Line starts at the caret\'s line');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.evaluate(() => fakeHost.command('toggleView')); // Ctrl+Alt+H: VS Code runs the command
    await page.waitForSelector('#root.hex-mode[data-caret]');
    const endOfLine2 = 'line 1\nline 2'.length;
    await page.waitForFunction((c) => document.getElementById('root')!.dataset.caret === c, String(endOfLine2), { timeout: 5_000 }).catch(() => undefined);
    assert.strictEqual((await data(page)).caret, String(endOfLine2), 'the hex caret is on the text caret\'s byte');
  });

  it('a reveal in the same frame as an Up/Down does not leave the keys after it held', async () => {
    const page = await open('file=huge');
    await focusEditor(page);
    await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Down (run at once: the view is idle) aims at a column found when its line is drawn; the reveal selects before that frame.
      document.querySelector('.text-input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true }));
      fakeHost.send({ type: 'reveal', line: 20, select: true });
    });
    await page.waitForFunction(() => document.getElementById('root')!.dataset.caret === '20:0');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('root')!.dataset.caret === '20:1', undefined, { timeout: 5_000 });
    assert.strictEqual((await data(page)).heldKeys, '0');
  });

  it('auto-scrolls while a drag selection goes past the bottom edge', async () => {
    const page = await open('file=huge');
    const line2 = (await (await page.$('.row[data-line="2"] .line'))!.boundingBox())!;
    const editor = (await (await page.$('.editor'))!.boundingBox())!;
    await page.mouse.move(line2.x + 1, line2.y + line2.height / 2);
    await page.mouse.down();
    await page.mouse.move(line2.x + 50, editor.y + editor.height + 40, { steps: 4 });
    await page.waitForFunction(() => Number(document.getElementById('root')!.dataset.topLine) > 40);
    await page.mouse.up();
    // The top line the view had at the release shows once it has drawn (an auto-scroll step may have come after the last frame).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const top = await topLine(page);
    await page.keyboard.press('Control+C');
    const copy = ((await sent(page, 'copy')) as CopyMessage[])[0];
    assert.deepStrictEqual(copy.from, { line: 2, column: 0 });
    assert.ok(copy.to.line >= top, `selection ends on line ${copy.to.line}, top ${top}`);
    await page.waitForTimeout(200); // several auto-scroll steps' time: none may come
    assert.strictEqual(await topLine(page), top, 'stops scrolling on release');
  });

  it('selects a word on double-click, a line from the gutter, and extends with Shift+PageDown', async () => {
    const page = await open('file=special');
    await settled(page);
    const cw = await page.$eval('#root', (e) => parseFloat(getComputedStyle(e).getPropertyValue('--char-width')));
    const line0 = (await (await page.$('.row[data-line="0"] .line'))!.boundingBox())!;
    // "plain ascii line: the quick" — "quick" spans cells 22..27.
    await page.mouse.dblclick(line0.x + 24.5 * cw, line0.y + line0.height / 2);
    await page.keyboard.press('Control+C');
    assert.strictEqual(await page.evaluate(() => fakeHost.clipboard), 'quick');
    const gutter3 = (await (await page.$('.row[data-line="3"] .gutter'))!.boundingBox())!;
    await page.mouse.click(gutter3.x + gutter3.width / 2, gutter3.y + gutter3.height / 2);
    await page.keyboard.press('Control+C');
    const copies = (await sent(page, 'copy')) as CopyMessage[];
    assert.deepStrictEqual(copies[copies.length - 1], { type: 'copy', from: { line: 3, column: 0 }, to: { line: 4, column: 0 } });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+PageDown');
    await page.keyboard.press('Control+C');
    const last = ((await sent(page, 'copy')) as CopyMessage[]).pop()!;
    const visible = Number((await data(page)).visibleRows);
    assert.deepStrictEqual(last.from, { line: 4, column: 0 });
    assert.strictEqual(last.to.line, 4 + visible - 2);
  });

  it('restores the top line after the page reloads (vscode.setState)', async () => {
    const page = await open('file=huge');
    await page.evaluate(() => fakeHost.send({ type: 'reveal', line: 5_000_000, select: true }));
    await page.waitForSelector('.row[data-line="5000000"] .text:not(.placeholder)');
    const top = await topLine(page);
    // Each view keeps its own state: the text view's is under "text".
    await page.waitForFunction((t) => (fakeHost as unknown as { savedState?: { text?: { topLine: number } } }).savedState?.text?.topLine === t, top);
    await page.reload();
    await page.waitForSelector('.row[data-line="5000000"] .text:not(.placeholder)');
    await expectTopLine(page, top);
    assert.strictEqual((await data(page)).caret, '5000000:0');
  });

  it('drops what it holds when the file is truncated and rewritten', async () => {
    const page = await open('file=follow&lines=200');
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.waitForSelector('.row[data-line="199"] .text:not(.placeholder)');
    await page.evaluate(() => fakeHost.rotate(10));
    await page.waitForFunction(() => document.getElementById('root')!.dataset.lineCount === '10');
    await page.waitForFunction(() => document.querySelector('.row[data-line="9"] .text')?.textContent === 'line 10: rewritten (generation 1)');
    await expectTopLine(page, 0);
    assert.strictEqual(await page.$$eval('.row[data-line]', (e) => e.length), 10);
    assert.strictEqual((await rows(page))[0].text, 'line 1: rewritten (generation 1)');
    assert.ok(Number((await data(page)).caret.split(':')[0]) <= 9);
  });

  it('follows the view size, and shows a focus ring when reached with Tab', async () => {
    const page = await open('file=huge', { height: 400 });
    const small = Number((await data(page)).visibleRows);
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForFunction((n) => Number(document.getElementById('root')!.dataset.visibleRows) > n + 10, small);
    await settled(page);
    const r = await rows(page);
    assert.ok(r.length >= Number((await data(page)).visibleRows));
    assert.ok(!(await page.$eval('.editor', (e) => e.classList.contains('focus-ring'))));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Past the toolbar: Find, Filter, Go to Line, Follow, Hex.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.querySelector('.editor')!.contains(document.activeElement))); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await page.$eval('.editor', (e) => e.classList.contains('focus-ring')));
    const outline = await page.$eval('.editor', (e) => getComputedStyle(e).outlineStyle);
    assert.strictEqual(outline, 'solid');
  });

  describe('editing (the host applies, the view predicts the caret)', () => {
    const textOf = (page: Page) => page.evaluate(() => fakeHost.text);
    const line = async (page: Page, n: number) => (await textOf(page)).split('\n')[n];
    /** Waits until the host confirmed every edit and the view shows the host's text. */
    async function synced(page: Page, n: number): Promise<void> {
      await page.waitForFunction(() => document.getElementById('root')!.dataset.pendingEdits === '0');
      const want = await line(page, n);
      await page.waitForFunction(([l, w]) => document.querySelector(`.row[data-line="${l}"] .text`)?.textContent === w, [n, want] as const);
    }

    it('types, splits and joins lines, in order even when typing fast', async () => {
      const page = await open('file=special');
      await settled(page);
      await focusEditor(page);
      await page.keyboard.press('End');
      await page.keyboard.type('!? fast typing');
      await synced(page, 0);
      assert.strictEqual(await line(page, 0), 'plain ascii line: the quick brown fox jumps over the lazy dog!? fast typing');
      assert.strictEqual((await data(page)).caret, `0:${(await line(page, 0)).length}`);
      await page.keyboard.press('Home');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('root')!.dataset.lineCount === '50');
      await synced(page, 1);
      assert.strictEqual(await line(page, 0), 'plain');
      assert.ok((await line(page, 1)).startsWith(' ascii line'));
      assert.strictEqual((await data(page)).caret, '1:0');
      assert.strictEqual(await rowText(page, 0), 'plain');
      await page.keyboard.press('Backspace');
      await page.waitForFunction(() => document.getElementById('root')!.dataset.lineCount === '49');
      await synced(page, 0);
      assert.ok((await line(page, 0)).startsWith('plain ascii line'));
      assert.strictEqual((await data(page)).caret, '0:5');
      const inserts = (await sent(page, 'insert')).map((m) => m.text).join('');
      assert.strictEqual(inserts, '!? fast typing\n');
    });

    it('after an invalid UTF-8 sequence the caret stays on its byte: each invalid byte is one \ufffd (E2 82 before A)', async () => {
      const bytes = encodeURIComponent(Buffer.from([0xe2, 0x82, 0x41, 0x0a, 0x62, 0x0a]).toString('base64'));
      const page = await open(`file=content&name=invalid.log&bytes=${bytes}`);
      await focusEditor(page);
      // End, then one character left: before the A, at byte 2 (not 1, inside the sequence).
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('y');
      await page.keyboard.press('End');
      await page.keyboard.type('x');
      await page.waitForFunction(() => document.getElementById('root')!.dataset.pendingEdits === '0');
      assert.deepStrictEqual(await page.evaluate(() => fakeHost.contentBytes()), [0xe2, 0x82, 0x79, 0x41, 0x78, 0x0a, 0x62, 0x0a]);
      assert.strictEqual(await rowText(page, 0), '\ufffd\ufffdyAx');
    });

    it('keys typed while the host holds edits (a save) act on the text they will have, not on lines read before', async () => {
      const page = await open('file=special');
      await settled(page);
      await focusEditor(page);
      const before = await line(page, 0);
      await page.evaluate(() => fakeHost.holdEdits(true));
      await page.keyboard.press('End');
      await page.keyboard.type('ab');
      await page.keyboard.press('Enter');
      await page.keyboard.type('cd');
      // The host answers line requests meanwhile, with the content it has: without the held edits.
      await page.waitForFunction(() => fakeHost.sent.filter((m) => m.type === 'getLines').length > 1 && fakeHost.undelivered === 0);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      await page.keyboard.type('!');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.type('?');
      await page.evaluate(() => fakeHost.holdEdits(false));
      await synced(page, 1);
      assert.strictEqual(await line(page, 0), `${before}ab!`);
      assert.strictEqual(await line(page, 1), 'cd?');
      assert.strictEqual(await rowText(page, 0), `${before}ab!`);
      assert.strictEqual(await rowText(page, 1), 'cd?');
    });

    it('takes text from input methods, and keeps the caret where the user moved it meanwhile', async () => {
      const page = await open('file=special&latency=80');
      await settled(page);
      await focusEditor(page);
      await page.keyboard.press('End');
      await page.keyboard.insertText(' — é中😀'); // no key events: what an IME or emoji picker sends
      await page.keyboard.press('ArrowDown'); // before the host confirmed the edit
      await page.keyboard.press('Home'); // smart Home: after the leading tab
      await synced(page, 0);
      assert.strictEqual(await line(page, 0), 'plain ascii line: the quick brown fox jumps over the lazy dog — é中😀');
      await hostAnswered(page); // the confirmation of the edit came after the keys: it must not move the caret back
      assert.strictEqual((await data(page)).caret, '1:1');
    });

    it('deletes characters by their UTF-8 size, words with Ctrl, and replaces a selection', async () => {
      const page = await open('file=special');
      await settled(page);
      await focusEditor(page);
      for (let i = 0; i < SPECIAL.utf8; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight'); // before "é"
      await page.keyboard.press('Delete');
      await synced(page, SPECIAL.utf8);
      assert.strictEqual(await line(page, SPECIAL.utf8), 'utf8: caf naïve 中文 😀 ok');
      await page.keyboard.press('End');
      await page.keyboard.press('Control+Backspace');
      await synced(page, SPECIAL.utf8);
      assert.strictEqual(await line(page, SPECIAL.utf8), 'utf8: caf naïve 中文 😀 ');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await synced(page, SPECIAL.utf8);
      assert.strictEqual(await line(page, SPECIAL.utf8), 'utf8: caf naïve 中文 ');
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('replaced');
      await synced(page, SPECIAL.utf8);
      assert.strictEqual(await line(page, SPECIAL.utf8), 'replaced');
      assert.strictEqual((await data(page)).caret, `${SPECIAL.utf8}:8`);
    });

    it('cuts and pastes through the host, overwrites in Insert mode', async () => {
      const page = await open('file=special');
      await settled(page);
      await focusEditor(page);
      await page.keyboard.press('Control+Shift+ArrowRight'); // "plain"
      await page.keyboard.press('Control+X');
      await synced(page, 0);
      assert.strictEqual(await line(page, 0), ' ascii line: the quick brown fox jumps over the lazy dog');
      assert.deepStrictEqual((await sent(page, 'copy')).pop(), { type: 'copy', from: { line: 0, column: 0 }, to: { line: 0, column: 5 } });
      await page.evaluate(() => fakeHost.setPasteText('one\ntwo'));
      await page.keyboard.press('Control+V');
      await page.waitForFunction(() => document.getElementById('root')!.dataset.caret === '1:3');
      await synced(page, 1);
      assert.strictEqual(await line(page, 0), 'one');
      assert.strictEqual(await line(page, 1), 'two ascii line: the quick brown fox jumps over the lazy dog');
      assert.strictEqual((await sent(page, 'paste')).length, 1, 'one paste per key press');
      await page.keyboard.press('Insert');
      await page.waitForSelector('.caret.overwrite', { state: 'attached' }); // drawn on the next frame
      await page.keyboard.type('XY');
      await synced(page, 1);
      assert.strictEqual(await line(page, 1), 'twoXYscii line: the quick brown fox jumps over the lazy dog');
      await page.keyboard.press('Insert');
      await page.waitForSelector('.caret:not(.overwrite)', { state: 'attached' });
    });

    it('refuses edits on a read-only file and says why', async () => {
      const page = await open('file=special&readonly=1');
      await settled(page);
      await focusEditor(page);
      await page.keyboard.type('x');
      await page.keyboard.press('Backspace');
      await page.waitForSelector('.notice-info');
      assert.match((await page.textContent('.notice-text'))!, /read-only: the hugefile.readOnly setting is on/);
      assert.strictEqual((await sent(page, 'insert')).length + (await sent(page, 'delete')).length, 0);
      assert.strictEqual(await page.$$eval('.notice', (n) => n.length), 1, 'one notice, not one per key');
    });

    it('asks the host for undo, redo and save (in order with the keys it holds), and keeps the keys it handles from VS Code', async () => {
      const page = await open('file=special');
      await settled(page);
      await focusEditor(page);
      // VS Code forwards what reaches the webview window's keydown listeners to the workbench.
      await page.evaluate(() => {
        (window as unknown as { forwarded: string[] }).forwarded = [];
        window.addEventListener('keydown', (e) => {
          if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
          (window as unknown as { forwarded: string[] }).forwarded.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.key}`);
        });
      });
      for (const k of ['Control+z', 'Control+y', 'Control+s', 'Control+Shift+P', 'Control+PageDown', 'Control+c', 'Control+g', 'ArrowDown', 'a', 'PageDown']) {
        await page.keyboard.press(k);
      }
      await page.waitForFunction(() => document.getElementById('root')!.dataset.pendingEdits === '0');
      const forwarded = await page.evaluate(() => (window as unknown as { forwarded: string[] }).forwarded);
      assert.deepStrictEqual(forwarded, ['Ctrl+Shift+P', 'Ctrl+PageDown']);
      const commands = (await sent(page, 'command')).map((m) => m.command);
      assert.deepStrictEqual(commands, ['undo', 'redo', 'save', 'goToLine']);
    });
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`looks like a VS Code editor (${theme} theme screenshots)`, async () => {
      let page = await open(`file=huge&theme=${theme}`);
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      await settled(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Home');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
      for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
      await shot(page, `huge-end-${theme}`);

      page = await open(`file=special&theme=${theme}`);
      await settled(page);
      await focusEditor(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await shot(page, `special-${theme}`);

      page = await open(`file=long&theme=${theme}`);
      await page.evaluate(() => fakeHost.send({ type: 'notice', level: 'info', text: 'Line 1 is 100,000,000 bytes long; it is shown in windows as you scroll.' }));
      await page.waitForSelector('.notice');
      await shot(page, `long-line-${theme}`);

      page = await open(`file=indexing&lines=5000000&theme=${theme}`, { waitText: false });
      await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
      await page.click('#follow');
      await page.waitForFunction(() => document.getElementById('follow')!.getAttribute('aria-pressed') === 'true');
      await page.evaluate(() => fakeHost.send({ type: 'notice', level: 'error', text: 'Could not map the file: EACCES (permission denied)' }));
      await page.waitForSelector('.notice');
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      await page.waitForSelector('.text.placeholder.indexing');
      await shot(page, `indexing-follow-${theme}`);
    });
  }
});
