// Rows of the lines the text view holds, and where word wrap's keys take the caret:
// lines held whole wrap at whitespace, a long line held as a window knows all its rows
// and the text of those in the window, lines not held count as one row.
import * as assert from 'assert';
import { LineCache } from '../../../../media/lineCache';
import { setColumnUnits } from '../../../../media/lineRenderer';
import { LineWraps } from '../../../../media/wrap/lineWraps';
import { WordWrap } from '../../../../media/wrap/wordWrap';
import { WHOLE_WRAP_BYTES } from '../../../../media/wrap/wrapLayout';

const LONG = 1_000_000;
/** Byte b of the long line is the digit b mod 10. */
const longText = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => String((from + i) % 10)).join('');

/** A cache of: 0 a line of words, 1 the long line's window [from, from + 16 KiB), 2 not held, 3 a short line. */
function cacheWith(from: number): LineCache {
  const cache = new LineCache();
  const put = (line: number, text: string, length: number, fromByte: number, reqMax = 16384) =>
    cache.set(line, { slice: { line, text, length, fromByte }, reqFrom: fromByte, reqMax });
  put(0, 'the quick brown fox jumps', 25, 0);
  put(1, longText(from, from + WHOLE_WRAP_BYTES), LONG, from);
  put(3, 'end', 3, 0);
  return cache;
}

describe('word wrap rows over the cache', () => {
  beforeEach(() => setColumnUnits('utf8'));

  it('counts rows: whitespace rows of a whole line, cuts of a long one, one for a line not held', () => {
    const wraps = new LineWraps(cacheWith(0));
    wraps.setWidth(10);
    assert.strictEqual(wraps.count(0), 3);
    assert.strictEqual(wraps.count(1), LONG / 10);
    assert.strictEqual(wraps.count(2), 1);
    assert.strictEqual(wraps.count(3), 1);
    assert.deepStrictEqual([0, 1, 2].map((r) => { const row = wraps.row(0, r); return [row.start, row.end, row.last]; }), [[0, 10], [10, 20], [20, 25]].map(([a, b], i) => [a, b, i === 2]));
    assert.strictEqual(wraps.rowOf(0, 12), 1);
    assert.strictEqual(wraps.rowOf(0, 20), 2);
    assert.strictEqual(wraps.rowOf(1, 55), 5);
  });

  it('gives a long line\'s rows text where its window holds them, and only there', () => {
    const cache = cacheWith(500_000);
    const wraps = new LineWraps(cache);
    wraps.setWidth(100);
    const inside = wraps.row(1, 5_010);
    assert.strictEqual(inside.start, 501_000);
    assert.strictEqual(inside.entry!.slice.text.slice(inside.from, inside.to), longText(501_000, 501_100));
    assert.strictEqual(wraps.row(1, 4_000).entry, undefined);
    assert.strictEqual(wraps.row(1, 4_000).start, 400_000);
    // The window's last row is cut short by the window's end: not held.
    assert.strictEqual(wraps.row(1, 5_000 + WHOLE_WRAP_BYTES / 100).entry, undefined);
  });

  it('steps by rows across lines and counts the rows between two', () => {
    const wraps = new LineWraps(cacheWith(0));
    wraps.setWidth(10);
    assert.deepStrictEqual(wraps.step({ line: 0, row: 1 }, 2, 4), { line: 1, row: 0 });
    assert.deepStrictEqual(wraps.step({ line: 1, row: 0 }, -2, 4), { line: 0, row: 1 });
    assert.deepStrictEqual(wraps.step({ line: 0, row: 0 }, -5, 4), { line: 0, row: 0 });
    assert.deepStrictEqual(wraps.step({ line: 3, row: 0 }, 5, 4), { line: 3, row: 0 });
    assert.deepStrictEqual(wraps.step({ line: 1, row: LONG / 10 - 1 }, 2, 4), { line: 3, row: 0 });
    assert.strictEqual(wraps.distance({ line: 0, row: 0 }, { line: 1, row: 4 }, 100), 7);
    assert.strictEqual(wraps.distance({ line: 0, row: 0 }, { line: 1, row: 400 }, 20), 20);
    assert.strictEqual(wraps.distance({ line: 1, row: 4 }, { line: 0, row: 0 }, 100), 0);
  });

  it('moves the caret by rows to the cell it keeps, and to a row\'s edges for Home and End', () => {
    const wrap = new WordWrap(cacheWith(0));
    wrap.configure('wordWrapColumn', 10);
    wrap.fit(1000, 8);
    assert.strictEqual(wrap.lines.width, 10);
    const down = wrap.verticalTarget({ line: 0, column: 7 }, false, 1, 7, 4);
    assert.deepStrictEqual(down, { pos: { line: 0, column: 17 }, atRowEnd: false, guessed: false });
    // Past the end of a shorter row: its end, shown at that row's end.
    const third = wrap.verticalTarget({ line: 0, column: 17 }, false, 1, 7, 4);
    assert.deepStrictEqual(third.pos, { line: 0, column: 25 });
    const intoLong = wrap.verticalTarget({ line: 0, column: 25 }, false, 1, 3, 4);
    assert.deepStrictEqual(intoLong.pos, { line: 1, column: 3 });
    assert.deepStrictEqual(wrap.verticalTarget({ line: 0, column: 3 }, false, -1, 3, 4).pos, { line: 0, column: 0 });
    // Into a line not held: its start, to be settled once it is drawn.
    assert.strictEqual(wrap.verticalTarget({ line: 1, column: LONG - 5 }, false, 1, 3, 4).guessed, true);
    assert.deepStrictEqual(wrap.edgeTarget({ line: 0, column: 12 }, false, true), { pos: { line: 0, column: 20 }, atRowEnd: true });
    assert.deepStrictEqual(wrap.edgeTarget({ line: 0, column: 20 }, true, true), { pos: { line: 0, column: 25 }, atRowEnd: false });
    assert.deepStrictEqual(wrap.edgeTarget({ line: 0, column: 20 }, true, false), { pos: { line: 0, column: 10 }, atRowEnd: false });
    assert.deepStrictEqual(wrap.caretRow({ line: 0, column: 20 }, true), { line: 0, row: 1 });
    assert.deepStrictEqual(wrap.caretRow({ line: 0, column: 20 }, false), { line: 0, row: 2 });
    assert.strictEqual(wrap.cellsOf({ line: 0, column: 13 }, false), 3);
  });

  it('says wrapping turned on or off, except for the setting the view starts with', () => {
    const wrap = new WordWrap(new LineCache());
    assert.strictEqual(wrap.configure('on', 80), false);
    assert.ok(wrap.active);
    assert.strictEqual(wrap.configure('bounded', 80), false);
    assert.strictEqual(wrap.configure('off', 80), true);
    assert.strictEqual(wrap.configure('off', 80), false);
    assert.strictEqual(wrap.configure('wordWrapColumn', 40), true);
    wrap.fit(800, 8);
    assert.strictEqual(wrap.lines.width, 40);
    // A column wider than the view: the view's width, as nothing scrolls sideways.
    wrap.fit(200, 8);
    assert.strictEqual(wrap.lines.width, 24);
  });

  it('asks for a long line in a window of its own where the screen shows more of it than its first 16 KiB', () => {
    const wrap = new WordWrap(cacheWith(0));
    wrap.configure('wordWrapColumn', 100);
    wrap.fit(10_000, 8);
    const screen = (line: number, row: number, count: number) => wrap.rowsFrom({ line, row }, count, 4);
    // The words and the long line's first rows: its first window holds them.
    assert.deepStrictEqual(wrap.lineWindows(screen(0, 0, 40), 0), new Map());
    // Scrolled into the long line: a window from a few bytes before a 4 KiB step below the top row.
    assert.deepStrictEqual(wrap.lineWindows(screen(1, 5000, 40), 500_050), new Map([[1, { fromByte: 499_712 - 3, maxBytes: 65536 }]]));
    // A large screen shows more of its start than 16 KiB.
    assert.deepStrictEqual(wrap.lineWindows(screen(0, 0, 200), 0), new Map([[1, { fromByte: 0, maxBytes: 65536 }]]));
    // A top line not held yet, scrolled far into (a scrollbar drag), counts as long.
    assert.deepStrictEqual(wrap.lineWindows(screen(2, 0, 40), 300_000), new Map([[2, { fromByte: 299_008 - 3, maxBytes: 65536 }]]));
    assert.deepStrictEqual(wrap.lineWindows(screen(2, 0, 40), 100), new Map());
  });
});
