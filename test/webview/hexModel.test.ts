// The hex view's pure parts, in plain Node: the chunk cache, what to fetch next, caret
// motion and drag selection, offset and byte formatting.
import * as assert from 'assert';
import { ByteCache, CHUNK_BYTES } from '../../media/hex/byteCache';
import { nextFetch } from '../../media/hex/fetchPlan';
import { byteHex, hexDigitValue, offsetDigits, offsetHex, printable } from '../../media/hex/hexFormat';
import { visibleMatches } from '../../media/hex/hexMatches';
import { dragSelection, moveCaret, rowCount, selectionOf } from '../../media/hex/hexMotion';
import { compileMatcher } from '../../src/search/lineMatches';
import type { SearchQuery } from '../../src/search/query';
import { UTF8_READING } from '../../src/search/textReading';
import { MAX_BYTES_PER_REQUEST } from '../../src/editor/protocol';
import { random, randInt } from '../unit/testUtil';
import { byteMatches } from './fakeSearch';

describe('hex view model', () => {
  it('the cache answers like the file for what it holds, edited marks included, and forgets the oldest', () => {
    const rand = random(21);
    const size = 10 * CHUNK_BYTES + 123;
    const file = Uint8Array.from({ length: size }, () => randInt(rand, 256));
    const edited = new Set<number>();
    for (let i = 0; i < 300; i++) edited.add(randInt(rand, size));
    const ranges = (from: number, to: number) => {
      const out: number[] = [];
      for (let i = from; i < to; i++) if (edited.has(i)) out.push(i, i + 1);
      return out;
    };
    const cache = new ByteCache(4);
    for (const chunk of [0, 3, 9, 10]) {
      const offset = chunk * CHUNK_BYTES;
      const end = Math.min(size, offset + 2 * CHUNK_BYTES);
      cache.store(offset, file.slice(offset, end), ranges(offset, end), end === size);
    }
    // Chunks 0, 3, 4, 9, 10 were stored; capacity 4 dropped chunk 0.
    assert.strictEqual(cache.size, 4);
    assert.strictEqual(cache.byteAt(5), undefined);
    for (const chunk of [3, 4, 9, 10]) {
      assert.ok(cache.isFresh(chunk));
      for (let i = chunk * CHUNK_BYTES; i < Math.min(size, (chunk + 1) * CHUNK_BYTES); i++) {
        assert.strictEqual(cache.byteAt(i), file[i]);
        assert.strictEqual(cache.isEdited(i), edited.has(i), `offset ${i}`);
      }
    }
    assert.strictEqual(cache.byteAt(size), undefined, 'nothing past the end');
    cache.patch(3 * CHUNK_BYTES + 7, Uint8Array.of(0xaa));
    assert.strictEqual(cache.byteAt(3 * CHUNK_BYTES + 7), 0xaa);
    assert.ok(cache.isEdited(3 * CHUNK_BYTES + 7) && !cache.isFresh(3));
    cache.markStale(9 * CHUNK_BYTES + 1);
    assert.deepStrictEqual([4, 9, 10].map((c) => cache.isFresh(c)), [true, false, false]);
  });

  it('keeps a short reply only when it ends at the end of the file', () => {
    const cache = new ByteCache();
    cache.store(0, new Uint8Array(CHUNK_BYTES + 10), [], false);
    assert.ok(cache.isFresh(0) && !cache.isFresh(1), 'a partial chunk in the middle is not kept');
    cache.store(CHUNK_BYTES, new Uint8Array(10), [], true);
    assert.ok(cache.isFresh(1));
    cache.store(2 * CHUNK_BYTES, new Uint8Array(0), [], true);
    assert.ok(cache.isFresh(2), 'an empty chunk at the end is known to be empty');
  });

  it('fetches the screen first, then below, then above, aligned and within the request limit', () => {
    const size = 2 ** 34;
    const have = new Set<number>();
    const needs = (c: number) => !have.has(c);
    const screen = 40 * 16;
    const start = 2 ** 33 + CHUNK_BYTES + 100; // the screen above starts in the chunk before
    const first = nextFetch(start, screen, size, needs)!;
    assert.strictEqual(first.offset, Math.floor(start / CHUNK_BYTES) * CHUNK_BYTES);
    assert.ok(first.length <= MAX_BYTES_PER_REQUEST && first.length % CHUNK_BYTES === 0);
    assert.strictEqual(first.length, MAX_BYTES_PER_REQUEST, 'then the chunks after it, up to a full request');
    for (let c = first.offset / CHUNK_BYTES; c < (first.offset + first.length) / CHUNK_BYTES; c++) have.add(c);
    const above = nextFetch(start, screen, size, needs)!;
    assert.strictEqual(above.offset, first.offset - CHUNK_BYTES, 'below is held: the screen above');
    have.add(above.offset / CHUNK_BYTES);
    assert.strictEqual(nextFetch(start, screen, size, needs), undefined);
    // At the end of the file the last chunk is short; nothing past it is asked for.
    const tail = nextFetch(size - 100, screen, size, () => true)!;
    assert.strictEqual(tail.offset + tail.length, Math.ceil(size / CHUNK_BYTES) * CHUNK_BYTES);
    assert.strictEqual(nextFetch(0, screen, 0, () => true), undefined, 'an empty file needs nothing');
  });

  it('moves the caret by bytes, rows, pages, to row and file ends, clamped to 0..size', () => {
    const size = 100;
    const m = (caret: number, motion: Parameters<typeof moveCaret>[1], extend = false) => moveCaret(caret, motion, size, 16, 4, extend);
    assert.deepStrictEqual([m(0, 'left'), m(5, 'right'), m(100, 'right'), m(20, 'up'), m(5, 'up'), m(90, 'down'), m(20, 'down')], [0, 6, 100, 4, 0, 100, 36]);
    assert.deepStrictEqual([m(70, 'pageUp'), m(10, 'pageUp'), m(10, 'pageDown'), m(60, 'pageDown')], [6, 0, 74, 100]);
    assert.deepStrictEqual([m(37, 'rowStart'), m(37, 'rowEnd'), m(37, 'rowEnd', true), m(99, 'rowEnd'), m(37, 'fileStart'), m(37, 'fileEnd')], [32, 47, 48, 100, 0, 100]);
    // Shift+End from 37 (anchor 37) selects to 48, just after row 32..47: that end is still on row 32.
    assert.strictEqual(moveCaret(48, 'rowEnd', size, 16, 4, true, 37), 48, 'Shift+End again keeps the selection');
    assert.strictEqual(moveCaret(48, 'rowStart', size, 16, 4, true, 37), 32, 'Shift+Home goes to the start of the row it ends on');
    assert.strictEqual(moveCaret(48, 'rowEnd', size, 16, 4, true, 60), 64, 'a backward selection\'s caret at 48 is on row 48');
    assert.strictEqual(rowCount(0, 16), 1, 'an empty file has the row the caret is on');
    assert.strictEqual(rowCount(32, 16), 3, 'the end of a full row starts a row');
    assert.strictEqual(rowCount(10 * 2 ** 30, 16), 671088641);
    assert.deepStrictEqual(selectionOf(9, 4), { start: 4, end: 9 });
  });

  it('a drag selects the pressed byte and the byte under the pointer, either way', () => {
    assert.deepStrictEqual(dragSelection(5, 5, 100), { anchor: 5, caret: 6 });
    assert.deepStrictEqual(dragSelection(5, 9, 100), { anchor: 5, caret: 10 });
    assert.deepStrictEqual(dragSelection(5, 2, 100), { anchor: 6, caret: 2 });
    assert.deepStrictEqual(dragSelection(99, 100, 100), { anchor: 99, caret: 100 });
  });

  it('formats bytes, characters and offsets', () => {
    assert.deepStrictEqual([0, 0x0f, 0xab, 0xff].map(byteHex), ['00', '0f', 'ab', 'ff']);
    assert.strictEqual([0x41, 0x20, 0x7e, 0x7f, 0x00, 0x0a, 0xe9].map(printable).join(''), 'A ~....');
    assert.deepStrictEqual([0, 2 ** 32 - 1, 2 ** 32, 10 * 2 ** 30].map(offsetDigits), [8, 8, 9, 9]);
    assert.strictEqual(offsetHex(0x123456789, 9), '123456789');
    assert.strictEqual(offsetHex(0xab, 8), '000000AB');
    assert.deepStrictEqual(['0', '9', 'a', 'F', 'g', 'Enter', ''].map(hexDigitValue), [0, 9, 10, 15, undefined, undefined, undefined]);
  });

  it('visible matches of a wildcard pattern: every position, overlapping, only touching the window, only in loaded bytes', () => {
    const rand = random(6);
    const data = Uint8Array.from({ length: 5000 }, () => randInt(rand, 4)); // four byte values: many matches
    const pattern = [1, null, 2, 1];
    const query: SearchQuery = { kind: 'bytes', pattern };
    const all = byteMatches(data, pattern);
    // The window's ends fall inside matches.
    const [from, to] = [all.find((a) => a > 1000)! + 2, all.find((a) => a > 1600)! + 1];
    const got = visibleMatches(query, undefined, UTF8_READING, (i) => data[i], from, to, data.length);
    assert.deepStrictEqual(got, all.filter((a) => a + 4 > from && a < to).map((a) => [a, a + 4]));
    assert.ok(got.some(([a]) => a < from) && got.some(([, b]) => b > to), 'matches cut by the window are whole');
    // Bytes 1200..1299 not loaded: no match touches them.
    const holed = visibleMatches(query, undefined, UTF8_READING, (i) => (i >= 1200 && i < 1300 ? undefined : data[i]), from, to, data.length);
    assert.deepStrictEqual(holed, got.filter(([a, b]) => b <= 1200 || a >= 1300));
    assert.ok(holed.length < got.length);
  });

  it('visible text matches: per line, case and whole word as the engine, UTF-8 mapped back to bytes', () => {
    const bytes = new TextEncoder().encode('Grüße grüße\r\ngrüßen x\nGRÜSSE');
    const at = (q: SearchQuery) => visibleMatches(q, compileMatcher(q), UTF8_READING, (i) => bytes[i], 0, bytes.length, bytes.length);
    const text = (q: Partial<Extract<SearchQuery, { kind: 'text' }>>) => at({ kind: 'text', text: 'grüße', matchCase: false, wholeWord: false, ...q });
    // "Grüße" is 7 bytes (ü and ß take two); the second line starts at 15, after CR LF.
    assert.deepStrictEqual(text({}), [[0, 7], [8, 15], [17, 24]]);
    assert.deepStrictEqual(text({ matchCase: true }), [[8, 15], [17, 24]]);
    assert.deepStrictEqual(text({ wholeWord: true }), [[0, 7], [8, 15]]);
    // A regex sees lines without their CR: "e$" ends the first line.
    assert.deepStrictEqual(at({ kind: 'regex', source: 'e$', matchCase: true }), [[14, 15]]);
  });
});
