// Replace (Ctrl+H) in the text view's find widget, driven in Chromium against the fake
// host, which replaces with the extension host's own code (src/replace, over the fake
// document: test/webview/fakeReplace.ts) and keeps VS Code's undo stack.
import * as assert from 'assert';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { HostMessage, ViewerMessage } from '../../src/editor/protocol';
import { ARTIFACTS, pageSuite } from './harness';

interface FakeHostView {
  sent: ViewerMessage[];
  text: string;
  holdReplaceAll(on: boolean): void;
  send(message: HostMessage): void;
}
declare const fakeHost: FakeHostView;

const LOG = [
  'error: disk full',
  'Error in module parser',
  'ERROR at line 3',
  'no problem here',
  'an error again, and another error',
].join('\n');

describe('replace in the viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  async function open(query = '', content = LOG): Promise<Page> {
    const bytes = encodeURIComponent(Buffer.from(content).toString('base64'));
    const page = await openPage(`file=content&name=app.log&bytes=${bytes}${query}`, { width: 900, height: 400 });
    await page.waitForSelector('#root[data-line-count]');
    await page.waitForFunction(() => document.querySelectorAll('.row .text').length > 0 && !document.querySelector('.row .text.placeholder'));
    await page.focus('.editor');
    return page;
  }

  const text = (page: Page) => page.evaluate(() => fakeHost.text);
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');
  const sent = (page: Page, type: string) => page.evaluate((t) => fakeHost.sent.filter((m) => m.type === t), type);
  /** Waits until the file's text is `want`, and the view has settled on it. */
  async function textIs(page: Page, want: string): Promise<void> {
    await page.waitForFunction((w) => fakeHost.text === w, want);
    await page.waitForFunction(() => document.getElementById('root')!.dataset.pendingEdits === '0');
  }
  /** Waits until the selection is `from`..`to` ("line:column"), as a found match is. */
  async function selected(page: Page, from: string, to: string): Promise<void> {
    await page.waitForFunction(([a, c]) => {
      const ds = document.getElementById('root')!.dataset;
      return ds.anchor === a && ds.caret === c;
    }, [from, to] as const, { timeout: 10_000 });
  }
  /** Waits until the count area's text includes `part`. */
  async function countSays(page: Page, part: string): Promise<void> {
    await page.waitForFunction((p) => document.querySelector('.find-count')?.textContent?.includes(p), part);
  }

  /** Ctrl+H, then `query` in the find input and `replacement` in the replace input (Tab goes there). */
  async function replaceWith(page: Page, query: string, replacement: string): Promise<void> {
    await page.keyboard.press('Control+H');
    await page.waitForSelector('.replace-row', { state: 'visible' });
    await page.keyboard.type(query);
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /replace-input/, 'Tab goes from the find input to the replace input');
    await page.keyboard.type(replacement);
  }

  /** Ctrl+H with the regex option, `pattern` found `count` as the widget says, then `replacement` typed. */
  async function regexReplaceWith(page: Page, pattern: string, count: string, replacement: string): Promise<void> {
    await page.keyboard.press('Control+H');
    await page.keyboard.press('Alt+R');
    await page.keyboard.type(pattern);
    await page.waitForSelector(`.find-count:text-is("${count}")`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(replacement);
  }

  it('Ctrl+H shows the replace row (the find input focused while it is empty, else the replace input); Ctrl+F hides it', async () => {
    const page = await open();
    assert.strictEqual(await page.isVisible('.find-widget'), false);
    await page.keyboard.press('Control+H');
    await page.waitForSelector('.replace-row', { state: 'visible' });
    assert.match(await focused(page), /^find-input$/, 'nothing to find yet: the find input');
    assert.strictEqual(await page.getAttribute('.find-replace-toggle', 'aria-expanded'), 'true');
    await page.keyboard.type('disk');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-widget', { state: 'hidden' });
    // A selection fills the find input: Ctrl+H goes on to the replace input.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await selected(page, '0:0', '0:5');
    await page.keyboard.press('Control+H');
    await page.waitForFunction(() => document.activeElement?.classList.contains('replace-input'));
    assert.strictEqual(await page.inputValue('.find-widget .find-input'), 'error');
    assert.strictEqual(await page.locator('.find-widget .find-input').count(), 1, 'one find input, as the e2e tests look it up');
    assert.strictEqual(await page.getAttribute('.replace-input', 'placeholder'), 'Replace');
    assert.strictEqual(await page.getAttribute('.replace-input', 'aria-label'), 'Replace');
    // Shift+Tab back to the find input; Ctrl+F on the open widget keeps the row, as VS Code does.
    await page.keyboard.press('Shift+Tab');
    assert.match(await focused(page), /^find-input$/);
    await page.keyboard.press('Control+F');
    assert.ok(await page.isVisible('.replace-row'));
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-widget', { state: 'hidden' });
    assert.ok(await page.evaluate(() => document.querySelector('.editor')!.contains(document.activeElement)), 'Escape gives the keys back to the text');
    // Ctrl+F on a closed widget: find only; the chevron shows the row again.
    await page.keyboard.press('Control+F');
    await page.waitForSelector('.find-widget', { state: 'visible' });
    assert.strictEqual(await page.isVisible('.replace-row'), false);
    assert.strictEqual(await page.getAttribute('.find-replace-toggle', 'aria-expanded'), 'false');
    await page.click('.find-replace-toggle');
    await page.waitForSelector('.replace-row', { state: 'visible' });
    assert.strictEqual(await text(page), LOG, 'nothing typed into the file (Ctrl+H is no "h")');
  });

  it('the host opens Replace with a query (the hex view\'s find, which sent the view here): its options, the replace input focused', async () => {
    const page = await open();
    await page.evaluate(() => fakeHost.send({ type: 'open', what: 'replace', query: { kind: 'text', text: 'Error', matchCase: true, wholeWord: false } }));
    await page.waitForSelector('.replace-row', { state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('replace-input'));
    assert.strictEqual(await page.inputValue('.find-widget .find-input'), 'Error');
    assert.strictEqual(await page.getAttribute('.find-widget .find-case', 'aria-pressed'), 'true');
    await page.waitForSelector('.find-count:text-is("1 of 1")');
    await selected(page, '1:0', '1:5');
  });

  it('Enter in the replace input replaces the match selected and selects the next; one undo step each', async () => {
    const page = await open();
    await replaceWith(page, 'error', 'warning');
    await selected(page, '0:0', '0:5');
    await page.keyboard.press('Enter');
    await textIs(page, LOG.replace('error:', 'warning:'));
    await selected(page, '1:0', '1:5');
    assert.match(await focused(page), /replace-input/, 'the keys stay in the replace input');
    // Ctrl+Shift+1 is Replace too, anywhere in the widget (here in the find input).
    await page.focus('.find-widget .find-input');
    await page.keyboard.press('Control+Shift+Digit1');
    await textIs(page, LOG.replace('error:', 'warning:').replace('Error in', 'warning in'));
    await selected(page, '2:0', '2:5');
    await page.waitForSelector('.find-count:text-is("1 of 3")');
    const replaced = await sent(page, 'replaceOne');
    assert.strictEqual(replaced.length, 2);
    assert.deepStrictEqual(replaced[0], {
      type: 'replaceOne', id: (replaced[0] as { id: number }).id, query: { kind: 'text', text: 'error', matchCase: false, wholeWord: false },
      replacement: 'warning', preserveCase: false, from: { line: 0, column: 0 }, to: { line: 0, column: 5 },
    });
    // Each Replace is an undo step of its own.
    await page.focus('.editor');
    await page.keyboard.press('Control+Z');
    await textIs(page, LOG.replace('error:', 'warning:'));
    await page.keyboard.press('Control+Z');
    await textIs(page, LOG);
  });

  it('Replace pressed twice before the host answers replaces two matches, one after the other (a slow host)', async () => {
    const page = await open('&latency=300');
    await replaceWith(page, 'error', 'E');
    await selected(page, '0:0', '0:5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await textIs(page, LOG.replace('error:', 'E:').replace('Error in', 'E in'));
    await selected(page, '2:0', '2:5');
  });

  it('Replace All replaces every match as one undo step, and says how many', async () => {
    const page = await open();
    await replaceWith(page, 'error', 'fault');
    await page.keyboard.press('Control+Alt+Enter');
    const all = LOG.replace(/error/gi, 'fault');
    await textIs(page, all);
    await page.waitForSelector('.find-count:text-is("Replaced 5 occurrences")');
    assert.strictEqual(await page.textContent('.sr-only[aria-live]'), 'Replaced 5 occurrences');
    assert.strictEqual(await page.$eval('.find-widget', (w) => w.classList.contains('no-results')), false);
    await page.focus('.editor');
    await page.keyboard.press('Control+Z');
    await textIs(page, LOG);
    await page.keyboard.press('Control+Y');
    await textIs(page, all);
  });

  it('a regex replacement takes the groups ($1, $2)', async () => {
    const page = await open();
    await regexReplaceWith(page, '(\\w+) at line (\\d)', '1 of 1', 'line $2: $1');
    await page.click('.find-replace-all');
    await textIs(page, LOG.replace('ERROR at line 3', 'line 3: ERROR'));
    await page.waitForSelector('.find-count:text-is("Replaced 1 occurrence")');
  });

  it('Preserve Case (Alt+P) cases each replacement like its match', async () => {
    const page = await open();
    await replaceWith(page, 'error', 'warning');
    await page.keyboard.press('Alt+P');
    assert.strictEqual(await page.getAttribute('.find-preserve', 'aria-pressed'), 'true');
    assert.strictEqual(await page.getAttribute('.find-preserve', 'title'), 'Preserve Case (Alt+P)');
    await page.click('.find-replace-all');
    await textIs(page, [
      'warning: disk full',
      'Warning in module parser',
      'WARNING at line 3',
      'no problem here',
      'an warning again, and another warning',
    ].join('\n'));
    assert.ok((await sent(page, 'replaceAll')).every((m) => m.type === 'replaceAll' && m.preserveCase));
  });

  it('a replacement naming a group the pattern lacks shows the error and changes nothing', async () => {
    const page = await open();
    await regexReplaceWith(page, '(error)', '1 of 5', '$5');
    await page.keyboard.press('Control+Alt+Enter');
    await countSays(page, '$5');
    assert.ok(await page.$eval('.find-widget', (w) => w.classList.contains('no-results')), 'in the error style');
    // Replace (Enter) says the same.
    await page.fill('.find-widget .find-input', 'disk');
    await page.waitForSelector('.find-count:text-is("1 of 1")');
    await page.focus('.replace-input');
    await page.keyboard.press('Enter');
    await countSays(page, '$5');
    await page.waitForTimeout(100);
    assert.strictEqual(await text(page), LOG);
  });

  it('a running Replace All shows its progress; its button and Escape stop it, and nothing changes', async () => {
    const page = await open();
    await page.evaluate(() => fakeHost.holdReplaceAll(true));
    await replaceWith(page, 'error', 'x');
    await page.click('.find-replace-all');
    await page.waitForSelector('.find-count:text-is("Replacing… 2 found · 50 %")');
    assert.strictEqual(await page.getAttribute('.find-replace-all', 'title'), 'Stop Replace All (Escape)');
    assert.ok(await page.isDisabled('.find-replace-one'), 'Replace waits for Replace All');
    await page.focus('.replace-input');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-count:text-is("Replace All cancelled")');
    assert.ok(await page.isVisible('.find-widget'), 'the first Escape stops Replace All, the widget stays');
    assert.strictEqual(await page.getAttribute('.find-replace-all', 'title'), 'Replace All (Ctrl+Alt+Enter)');
    assert.strictEqual((await sent(page, 'replaceStop')).length, 1);
    // Stopped with its button; then let one finish.
    await page.click('.find-replace-all');
    await page.waitForSelector('.find-count:text-matches("^Replacing")');
    await page.click('.find-replace-all');
    await page.waitForSelector('.find-count:text-is("Replace All cancelled")');
    assert.strictEqual(await text(page), LOG);
    await page.click('.find-replace-all');
    await page.waitForSelector('.find-count:text-matches("^Replacing")');
    await page.evaluate(() => fakeHost.holdReplaceAll(false));
    await page.waitForSelector('.find-count:text-is("Replaced 5 occurrences")');
    await textIs(page, LOG.replace(/error/gi, 'x'));
    await page.keyboard.press('Escape');
    await page.waitForSelector('.find-widget', { state: 'hidden' });
  });

  it('a read-only file: the buttons are disabled and Enter replaces nothing', async () => {
    const page = await open('&readonly=1');
    await replaceWith(page, 'error', 'x');
    await page.waitForSelector('.find-count:text-is("1 of 5")');
    assert.ok(await page.isDisabled('.find-replace-one'));
    assert.ok(await page.isDisabled('.find-replace-all'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+Enter');
    await page.waitForTimeout(100);
    assert.deepStrictEqual([...await sent(page, 'replaceOne'), ...await sent(page, 'replaceAll')], []);
    assert.strictEqual(await text(page), LOG);
  });

  it('looks like VS Code\'s find and replace widget: rows aligned, nothing overflowing (screenshot)', async () => {
    const page = await open();
    await replaceWith(page, 'error', 'warning');
    await page.waitForSelector('.find-count:text-is("1 of 5")');
    const box = (selector: string) => page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    });
    const [widget, find, replace, toggle] = [await box('.find-widget'), await box('.find-row .find-field'), await box('.replace-field'), await box('.find-replace-toggle')];
    assert.strictEqual(replace.left, find.left, 'the replace input lines up under the find input');
    assert.strictEqual(replace.width, find.width);
    assert.ok(replace.top >= find.bottom, 'the replace row is under the find row');
    assert.ok(toggle.top <= find.top && toggle.bottom >= replace.bottom, 'the toggle runs down both rows');
    assert.ok(toggle.left >= widget.left && toggle.right <= find.left);
    for (const selector of ['.find-close', '.find-replace-one', '.find-replace-all', '.find-preserve', '.find-count']) {
      const b = await box(selector);
      assert.ok(b.left >= widget.left && b.right <= widget.right && b.top >= widget.top && b.bottom <= widget.bottom, `${selector} inside the widget`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'replace-widget.png'), clip: { x: widget.left - 40, y: 0, width: widget.width + 80, height: widget.bottom + 40 } });
    await page.screenshot({ path: path.join(ARTIFACTS, 'replace-widget-page.png') });
  });

  it('the hex view\'s find widget has no replace row', async () => {
    const page = await openPage('file=binary', { width: 1100, height: 500 });
    await page.waitForSelector('.hex-row[data-offset="32"]');
    await page.focus('.hex-editor');
    await page.keyboard.press('Control+F');
    await page.waitForSelector('.find-widget', { state: 'visible' });
    assert.strictEqual(await page.$$eval('.find-replace-toggle, .replace-row', (e) => e.length), 0);
  });
});
