// The webview's pure helpers, in plain Node: UTF-8 byte arithmetic over decoded text,
// word motion, and the bounded line cache.
import * as assert from 'assert';
import { coversWindow, isWholeLine, LineCache } from '../../media/lineCache';
import { byteLength, byteToIndex, controlPicture, firstNonBlank, nextIndex, prevIndex, snapIndex, wordAt, wordLeft, wordRight } from '../../media/lineRenderer';

describe('webview text helpers', () => {
  it('counts UTF-8 bytes, one per U+FFFD (an invalid byte decoded by the host)', () => {
    assert.strictEqual(byteLength('abc'), 3);
    assert.strictEqual(byteLength('é'), 2);
    assert.strictEqual(byteLength('中'), 3);
    assert.strictEqual(byteLength('😀'), 4);
    assert.strictEqual(byteLength('caf\ufffd'), 4);
    const s = 'utf8: café naïve 中文 😀 ok';
    assert.strictEqual(byteLength(s), Buffer.byteLength(s));
    assert.strictEqual(byteLength(s, 7, 10), Buffer.byteLength(s.slice(7, 10)));
  });

  it('maps byte columns to text indexes on character boundaries', () => {
    const s = 'aé中😀b';
    assert.deepStrictEqual([0, 1, 2, 3, 4, 6, 7, 10, 11, 12].map((b) => byteToIndex(s, b)), [0, 1, 1, 2, 2, 3, 3, 5, 6, 6]);
    assert.strictEqual(snapIndex(s, 4), 3); // inside the surrogate pair
    assert.strictEqual(nextIndex(s, 3), 5);
    assert.strictEqual(prevIndex(s, 5), 3);
  });

  it('moves by words like VS Code and finds the first non-blank', () => {
    const s = '  foo.bar(baz)  qux';
    assert.strictEqual(wordRight(s, 0), 5);
    assert.strictEqual(wordRight(s, 5), 6);
    assert.strictEqual(wordLeft(s, s.length), 16);
    assert.strictEqual(wordLeft(s, 6), 5);
    assert.deepStrictEqual(wordAt(s, 7), [6, 9]);
    assert.strictEqual(firstNonBlank(s), 2);
    assert.strictEqual(controlPicture(0), '\u2400');
    assert.strictEqual(controlPicture(0x1b), '\u241b');
    assert.strictEqual(controlPicture(0x7f), '\u2421');
  });

  it('keeps a bounded LRU of lines, by count and by characters', () => {
    const entry = (line: number, text = 'x', reqFrom = 0, reqMax = 4096) => ({ slice: { line, text, length: text.length, fromByte: reqFrom }, reqFrom, reqMax });
    const cache = new LineCache(3, 100);
    for (let i = 0; i < 5; i++) cache.set(i, entry(i));
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((l) => cache.peek(l) !== undefined), [false, false, true, true, true]);
    cache.get(2); // 2 becomes the newest
    cache.set(5, entry(5));
    assert.ok(cache.peek(2) && !cache.peek(3));
    cache.set(6, entry(6, 'y'.repeat(99)));
    assert.ok(cache.textChars <= 100);
    assert.ok(cache.peek(6));
    cache.deleteFrom(5);
    assert.ok(!cache.peek(5) && !cache.peek(6));
    // A whole line serves every horizontal window; a cut one only its own.
    assert.ok(isWholeLine(entry(1, 'abc')) && coversWindow(entry(1, 'abc'), 2048));
    const cut = { slice: { line: 1, text: 'abc', length: 100000, fromByte: 2048 }, reqFrom: 2048, reqMax: 4096 };
    assert.ok(!isWholeLine(cut) && coversWindow(cut, 2048) && !coversWindow(cut, 2560));
  });
});
