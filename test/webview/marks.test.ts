// Marks in the viewer webview, driven in Chromium against the fake host: the host's
// `marks` message puts a bookmark in the gutter of each marked line, follows the lines as
// they scroll, and a malformed message changes nothing.
import * as assert from 'assert';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { rulerLanesAt } from '../rulerPixels';
import { ARTIFACTS, pageSuite } from './harness';

describe('marks in the viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  async function open(): Promise<Page> {
    const content = Array.from({ length: 400 }, (_, i) => `line ${i + 1} of the log`).join('\n');
    const bytes = encodeURIComponent(Buffer.from(content).toString('base64'));
    const page = await openPage(`file=content&name=marks.log&bytes=${bytes}`, { width: 800, height: 400 });
    await page.waitForSelector('#root[data-line-count]');
    await page.waitForFunction(() => document.querySelectorAll('.row .text').length > 0 && !document.querySelector('.row .text.placeholder'));
    return page;
  }

  const send = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const marked = (page: Page) => page.$$eval('.row.marked', (rows) => rows.map((r) => Number((r as HTMLElement).dataset.line)).sort((a, b) => a - b));

  it('shows a bookmark in the gutter of each marked line, visible, between its number and its text', async () => {
    const page = await open();
    await send(page, { type: 'marks', lines: [1, 3, 390] });
    await page.waitForSelector('.row.marked');
    assert.deepStrictEqual(await marked(page), [1, 3]);
    const glyph = await page.$eval('.row[data-line="1"] .gutter', (g) => {
      const after = getComputedStyle(g, '::after');
      const box = g.getBoundingClientRect();
      const text = (g.parentElement!.querySelector('.text') as HTMLElement).getBoundingClientRect();
      return { content: after.content, width: parseFloat(after.width), right: parseFloat(after.right), background: after.backgroundColor, gutterRight: box.right, textLeft: text.left };
    });
    assert.strictEqual(glyph.content, '""');
    assert.ok(glyph.width >= 6, `a glyph ${glyph.width}px wide`);
    assert.notStrictEqual(glyph.background, 'rgba(0, 0, 0, 0)', 'it has a colour');
    assert.ok(glyph.gutterRight <= glyph.textLeft + 0.5, 'it stays out of the text');
    assert.strictEqual(await page.$$eval('.row[data-line="2"].marked', (r) => r.length), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'marks-gutter.png') });

    await page.keyboard.press('Control+End');
    await page.waitForSelector('.row[data-line="390"].marked');
    assert.deepStrictEqual(await marked(page), [390], 'a row reused for another line shows that line\'s mark');
  });

  it('a malformed marks message is dropped; an empty list takes every mark away', async () => {
    const page = await open();
    await send(page, { type: 'marks', lines: [2] });
    await page.waitForSelector('.row[data-line="2"].marked');
    for (const bad of [{ type: 'marks', lines: [-1] }, { type: 'marks', lines: 'x' }, { type: 'marks', lines: [1.5] }, { type: 'marks' }]) {
      await send(page, bad);
    }
    await page.waitForTimeout(100);
    assert.deepStrictEqual(await marked(page), [2]);
    await send(page, { type: 'marks', lines: [] });
    await page.waitForFunction(() => document.querySelectorAll('.row.marked').length === 0);
  });
});

describe('the overview ruler in the viewer webview (fake host, Chromium)', function () {
  const openPage = pageSuite();

  it('draws the host\'s lanes (edits, filter, find, your highlight rules) from their buckets, the marks and the caret at their place in the whole file', async () => {
    const content = Array.from({ length: 400 }, (_, i) => `line ${i + 1}`).join('\n');
    const bytes = encodeURIComponent(Buffer.from(content).toString('base64'));
    const page = await openPage(`file=content&name=ruler.log&bytes=${bytes}`, { width: 800, height: 400 });
    await page.waitForFunction(() => document.querySelectorAll('.row .text').length > 0 && !document.querySelector('.row .text.placeholder'));
    // 64 buckets of lines each: matches in bucket 48 (lines 300 to 306), filter hits in 40, edits in 24.
    const lane = (lane: string, bucket: number) => {
      const bits = new Uint8Array(8);
      bits[bucket >> 3] = 1 << (bucket & 7);
      return { type: 'ruler', lane, count: 64, bits: Buffer.from(bits).toString('base64') };
    };
    await page.evaluate((messages) => { for (const m of messages) window.postMessage(m, '*'); }, [
      lane('find', 48), lane('filter', 40), lane('edits', 24), { type: 'marks', lines: [100] },
    ]);
    /** Which lanes are painted at a fraction of the ruler's height: [left, middle, right]. */
    const paintedAt = (fraction: number) => rulerLanesAt(page, fraction);
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas.overview-ruler') as HTMLCanvasElement | null;
      return !!c && c.height > 100;
    });
    await page.waitForTimeout(100);
    assert.deepStrictEqual(await paintedAt(48 / 64), [false, false, true], 'the find lane, on the right, at bucket 48');
    assert.deepStrictEqual(await paintedAt(40 / 64), [false, true, false], 'the filter lane, in the middle, at bucket 40');
    assert.deepStrictEqual(await paintedAt(24 / 64), [true, false, false], 'the edits lane, on the left, at bucket 24');
    assert.deepStrictEqual(await paintedAt(100 / 400), [true, true, true], 'the mark, across, at line 100');
    assert.deepStrictEqual(await paintedAt(0), [true, true, true], 'the caret, across, at line 0');
    assert.deepStrictEqual(await paintedAt(0.55), [false, false, false], 'nothing elsewhere');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-ruler.png'), clip: { x: 700, y: 0, width: 100, height: 400 } });

    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'ruler', lane: 'find', count: 0 });
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas.overview-ruler') as HTMLCanvasElement;
      const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(c, 0, 0);
      return ctx.getImageData(Math.floor(0.8 * c.width), Math.round((48 / 64) * c.height) + 1, 1, 1).data[3] === 0;
    });
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'ruler', lane: 'find', count: 64, bits: '!!not base64' });
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'ruler', lane: 'sideways', count: 64, bits: 'AAAA' });
    await page.evaluate((m) => window.postMessage(m, '*'), { ...lane('highlight', 8), rule: 99 });
    await page.evaluate((m) => window.postMessage(m, '*'), lane('highlight', 8));
    await page.waitForTimeout(100);
    assert.strictEqual(await page.$eval('canvas.overview-ruler', (c) => (c as HTMLElement).dataset.lanes), 'edits filter', 'a highlight lane needs a rule that can be');

    // Your highlight rules: each rule's lane in the middle, in the rule's own colour.
    await page.evaluate((messages) => { for (const m of messages) window.postMessage(m, '*'); }, [
      { type: 'highlights', rules: [{ pattern: 'line 1', background: '#00ff00' }, { pattern: 'line 3', foreground: '#0000ff' }] },
      { ...lane('highlight', 8), rule: 0 }, { ...lane('highlight', 12), rule: 1 },
    ]);
    await page.waitForFunction(() => (document.querySelector('canvas.overview-ruler') as HTMLElement).dataset.lanes === 'edits filter highlight-0 highlight-1');
    await page.waitForTimeout(100);
    assert.deepStrictEqual(await paintedAt(8 / 64), [false, true, false], 'rule 0, in the middle lane');
    const colourAt = (fraction: number) => page.$eval('canvas.overview-ruler', (c, f) => {
      const canvas = c as HTMLCanvasElement;
      const copy = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
      const ctx = copy.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(canvas, 0, 0);
      return Array.from(ctx.getImageData(Math.floor(0.5 * canvas.width), Math.round(f * canvas.height) + 1, 1, 1).data);
    }, fraction);
    assert.deepStrictEqual(await colourAt(8 / 64), [0, 255, 0, 255], 'rule 0 in its background colour');
    assert.deepStrictEqual(await colourAt(12 / 64), [0, 0, 255, 255], 'rule 1, which has no background, in its text colour');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-ruler-highlights.png'), clip: { x: 700, y: 0, width: 100, height: 400 } });
  });
});
