// The text view's prediction of an edit, against plain string work: random lines (ASCII
// and 2-, 3- and 4-byte UTF-8), some held in the cache, random replacements. A
// prediction must equal the edited text on every line it holds, or decline and change
// nothing.
import * as assert from 'assert';
import { charRange, overwrittenEnd, predictReplace } from '../../../../media/text/editPrediction';
import { isWholeLine, LineCache } from '../../../../media/lineCache';
import type { Position } from '../../../../src/editor/protocol';
import { seeded } from '../../../seededRandom';

const CHARS = ['a', 'b', ' ', 'é', '€', '😀', 'Z'];
const bytes = (s: string) => Buffer.byteLength(s);

function randomLines(rand: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Array.from({ length: Math.floor(rand() * 6) }, () => CHARS[Math.floor(rand() * CHARS.length)]).join(''));
}

/** A byte column on a character boundary of `line`. */
function randomColumn(rand: () => number, line: string): number {
  const chars = [...line];
  return bytes(chars.slice(0, Math.floor(rand() * (chars.length + 1))).join(''));
}

/** Caches `lines`: each held (whole) with probability `held`, some only as a window. */
function cacheOf(lines: string[], rand: () => number, held: number): LineCache {
  const cache = new LineCache();
  lines.forEach((text, line) => {
    if (rand() >= held) return;
    const windowed = rand() < 0.1 && text.length > 0;
    cache.set(line, { slice: { line, text: windowed ? '' : text, length: bytes(text), fromByte: 0 }, reqFrom: 0, reqMax: windowed ? 0 : 4096 });
  });
  return cache;
}

function snapshot(cache: LineCache, lineCount: number): (string | undefined)[] {
  return Array.from({ length: lineCount + 8 }, (_, l) => cache.peek(l)?.slice.text);
}

/** `lines` with [from, to) replaced by `text`, by string work. */
function replaced(lines: string[], from: Position, to: Position, text: string): string[] {
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + Buffer.from(lines[p.line]).subarray(0, p.column).toString().length;
  const all = lines.join('\n');
  return (all.slice(0, offset(from)) + text + all.slice(offset(to))).split('\n');
}

describe('edit prediction in the text view', () => {
  it('predicted lines equal the edited text; a declined edit changes nothing (2,000 random edits)', () => {
    const rand = seeded(7);
    let predicted = 0;
    for (let n = 0; n < 2000; n++) {
      const lines = randomLines(rand);
      const cache = cacheOf(lines, rand, 0.8);
      const a = Math.floor(rand() * lines.length);
      const b = a + Math.floor(rand() * (lines.length - a));
      const from = { line: a, column: randomColumn(rand, lines[a]) };
      let to = { line: b, column: randomColumn(rand, lines[b]) };
      if (b === a && to.column < from.column) to = from;
      const text = ['', 'x', '\n', 'é\nq', 'a\n\nb', '€'][Math.floor(rand() * 6)];
      const before = snapshot(cache, lines.length);
      const result = predictReplace(cache, { from, to, text });
      if (!result) {
        assert.deepStrictEqual(snapshot(cache, lines.length), before, 'declined, yet changed the cache');
        continue;
      }
      predicted++;
      const after = replaced(lines, from, to, text);
      assert.strictEqual(result.lineDelta, after.length - lines.length);
      after.forEach((line, l) => {
        const entry = cache.peek(l);
        if (entry && !isWholeLine(entry)) return; // a window of the line: the test's stand-in text is not the line's
        if (entry) assert.strictEqual(entry.slice.text, line, `line ${l} of ${JSON.stringify(after)} after ${JSON.stringify({ lines, from, to, text })}`);
        if (entry) assert.strictEqual(entry.slice.length, bytes(line));
      });
      for (let l = after.length; l < after.length + 8; l++) assert.strictEqual(cache.peek(l), undefined, `line ${l} is past the end`);
      const inserted = text.split('\n');
      const caretLine = from.line + inserted.length - 1;
      const caretText = (inserted.length === 1 ? Buffer.from(lines[from.line]).subarray(0, from.column).toString() : '') + inserted[inserted.length - 1];
      assert.deepStrictEqual(result.caret, { line: caretLine, column: bytes(caretText) });
    }
    assert.ok(predicted > 1000, `only ${predicted} of 2,000 predicted`);
  });

  it('declines a line held only as a window, or not held', () => {
    const cache = new LineCache();
    cache.set(0, { slice: { line: 0, text: 'abc', length: 9000, fromByte: 0 }, reqFrom: 0, reqMax: 4096 });
    assert.strictEqual(predictReplace(cache, { from: { line: 0, column: 1 }, to: { line: 0, column: 1 }, text: 'x' }), undefined);
    assert.strictEqual(predictReplace(cache, { from: { line: 1, column: 0 }, to: { line: 1, column: 0 }, text: 'x' }), undefined);
    assert.strictEqual(cache.peek(0)!.slice.text, 'abc');
  });

  it('declines a line in doubt (changed by something the view did not predict)', () => {
    const cache = new LineCache();
    cache.set(0, { slice: { line: 0, text: 'abc', length: 3, fromByte: 0 }, reqFrom: 0, reqMax: 4096 });
    cache.markStale(0, true);
    assert.strictEqual(predictReplace(cache, { from: { line: 0, column: 1 }, to: { line: 0, column: 1 }, text: 'x' }), undefined);
  });

  it('Backspace and Delete ranges: a whole UTF-8 character, the line break, nothing at the ends', () => {
    const cache = new LineCache();
    ['a€', '', 'x'].forEach((text, line) => cache.set(line, { slice: { line, text, length: bytes(text), fromByte: 0 }, reqFrom: 0, reqMax: 4096 }));
    assert.deepStrictEqual(charRange(cache, { line: 0, column: 4 }, 'backward', 3), [{ line: 0, column: 1 }, { line: 0, column: 4 }]);
    assert.deepStrictEqual(charRange(cache, { line: 0, column: 1 }, 'forward', 3), [{ line: 0, column: 1 }, { line: 0, column: 4 }]);
    assert.deepStrictEqual(charRange(cache, { line: 1, column: 0 }, 'backward', 3), [{ line: 0, column: 4 }, { line: 1, column: 0 }]);
    assert.deepStrictEqual(charRange(cache, { line: 1, column: 0 }, 'forward', 3), [{ line: 1, column: 0 }, { line: 2, column: 0 }]);
    assert.strictEqual(charRange(cache, { line: 0, column: 0 }, 'backward', 3), null);
    assert.strictEqual(charRange(cache, { line: 2, column: 1 }, 'forward', 3), null);
    assert.strictEqual(charRange(cache, { line: 3, column: 0 }, 'backward', 4), undefined);
  });

  it('overwrite replaces as many characters as typed, never the line break', () => {
    const cache = new LineCache();
    cache.set(0, { slice: { line: 0, text: 'é€b', length: 6, fromByte: 0 }, reqFrom: 0, reqMax: 4096 });
    assert.deepStrictEqual(overwrittenEnd(cache, { line: 0, column: 0 }, 2), { line: 0, column: 5 });
    assert.deepStrictEqual(overwrittenEnd(cache, { line: 0, column: 5 }, 3), { line: 0, column: 6 });
  });
});
