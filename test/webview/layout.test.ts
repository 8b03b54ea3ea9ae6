// The text view's layout in Chromium against the fake host: what the scrollbars leave
// visible. Screenshots land in test-artifacts/webview/.
import * as assert from 'assert';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, pageSuite } from './harness';

describe('text view layout (fake host, Chromium)', function () {
  const openPage = pageSuite();

  const hbarShown = (page: Page) => page.$eval('.hscroll-track', (t) => !t.classList.contains('hidden'));
  /**
   * Waits until the view has drawn for what changed before the call: a resize is seen in
   * one frame (its ResizeObserver) and drawn in the next; three frames cover both.
   */
  const drawn = (page: Page) => page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }));

  it('Ctrl+End to lines wider than the view: the horizontal scrollbar that appears leaves the last line visible above it', async () => {
    // Lines grow by a digit towards the end ("#1 some text ..." to "#3000 some text ..."):
    // narrow the view until its first screen just fits, so only the end needs the scrollbar.
    const page = await openPage('file=huge&lines=3000', { width: 1000, height: 400 });
    await page.waitForSelector('.row[data-line="10"] .text:not(.placeholder)');
    // A height where the scrollbar takes the last whole row's room (the row count changes when it shows).
    const [editorHeight, lineHeight] = await page.evaluate(() => [document.querySelector('.editor')!.clientHeight, document.querySelector('.row')!.getBoundingClientRect().height]);
    const height = 400 - (editorHeight % lineHeight) + 2;
    let width = 1000;
    await page.setViewportSize({ width, height });
    while (!(await hbarShown(page))) {
      width -= 4;
      await page.setViewportSize({ width, height });
      await drawn(page);
    }
    await page.setViewportSize({ width: width + 8, height });
    await page.waitForFunction(() => document.querySelector('.hscroll-track')?.classList.contains('hidden'));
    await page.focus('.editor');
    await page.keyboard.press('Control+End');
    await page.waitForSelector('.row[data-line="2999"] .text:not(.placeholder)');
    await page.waitForFunction(() => !document.querySelector('.hscroll-track')?.classList.contains('hidden'));
    await drawn(page); // the rows placed for the scrollbar that appeared
    const [row, bar] = await page.evaluate(() => [document.querySelector('.row[data-line="2999"]')!, document.querySelector('.hscroll-track')!]
      .map((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'hbar-last-row.png') });
    assert.ok(row.bottom <= bar.top + 0.5, `the last line (bottom ${row.bottom}) ends above the scrollbar (top ${bar.top})`);
  });
});
