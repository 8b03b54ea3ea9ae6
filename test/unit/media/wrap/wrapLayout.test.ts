// The wrap layout's rows, against hand-worked cases and, for random text, the rules it
// promises: rows cover the text in order, none is wider than the width unless one
// character alone is, a whitespace-wrapped row ends after whitespace, a cut line's rows
// start where its offset says whatever window they are computed from.
import * as assert from 'assert';
import { setColumnUnits } from '../../../../media/lineRenderer';
import { cellsBetween, cellWidth, cutRowCount, cutRows, indexAtCells, isCutLine, TAB_SIZE, WHOLE_WRAP_BYTES, wrapWhole } from '../../../../media/wrap/wrapLayout';
import { seeded } from '../../../seededRandom';

/** The rows' texts. */
function rowTexts(text: string, width: number): string[] {
  const rows = wrapWhole(text, width);
  return rows.map((r, i) => text.slice(r.index, rows[i + 1]?.index ?? text.length));
}

describe('wrap layout', () => {
  beforeEach(() => setColumnUnits('utf8'));

  it('breaks after the last whitespace that fits, as VS Code\'s simple wrapping', () => {
    assert.deepStrictEqual(rowTexts('the quick brown fox jumps', 10), ['the quick ', 'brown fox ', 'jumps']);
    assert.deepStrictEqual(rowTexts('short', 10), ['short']);
    assert.deepStrictEqual(rowTexts('', 10), ['']);
  });

  it('breaks hard at the width when a row has no whitespace', () => {
    assert.deepStrictEqual(rowTexts('abcdefghijklmnopqrstuvwxy', 10), ['abcdefghij', 'klmnopqrst', 'uvwxy']);
    assert.deepStrictEqual(rowTexts('ab abcdefghijklmnop', 10), ['ab ', 'abcdefghij', 'klmnop']);
  });

  it('lets spaces that do not fit hang at the row\'s end', () => {
    assert.deepStrictEqual(rowTexts('abcdefghij   klm', 10), ['abcdefghij   ', 'klm']);
  });

  it('counts tabs to the next stop and wide characters as two cells', () => {
    assert.strictEqual(TAB_SIZE, 4);
    assert.deepStrictEqual(rowTexts('a\tb\tc\td', 8), ['a\tb\t', 'c\td']);
    assert.strictEqual(cellsBetween('a\tb', 0, 2), 4);
    assert.deepStrictEqual(rowTexts('中文中文中文', 5), ['中文', '中文', '中文']);
    assert.deepStrictEqual(rowTexts('😀😀😀', 4), ['😀😀', '😀']);
    assert.strictEqual(cellWidth('中'.codePointAt(0)!), 2);
    assert.strictEqual(cellWidth('é'.codePointAt(0)!), 1);
    assert.strictEqual(cellWidth(0x301), 0);
  });

  it('gives each row its byte column in UTF-8', () => {
    const rows = wrapWhole('café au lait crème', 6);
    assert.deepStrictEqual(rows.map((r) => r.byte), [0, 6, 9, 14]);
    assert.deepStrictEqual(rows.map((r) => r.index), [0, 5, 8, 13]);
  });

  it('maps cells to the nearest character boundary of a row and back', () => {
    const text = 'ab\tc中d';
    assert.strictEqual(indexAtCells(text, 0, text.length, 0), 0);
    assert.strictEqual(indexAtCells(text, 0, text.length, 1.4), 1);
    assert.strictEqual(indexAtCells(text, 0, text.length, 2.9), 2); // the tab runs from cell 2 to 4
    assert.strictEqual(indexAtCells(text, 0, text.length, 3.1), 3);
    assert.strictEqual(indexAtCells(text, 0, text.length, 5.6), 4); // 中 spans cells 5-7
    assert.strictEqual(indexAtCells(text, 0, text.length, 6.2), 5);
    assert.strictEqual(indexAtCells(text, 0, text.length, 99), text.length);
    assert.strictEqual(cellsBetween(text, 0, 5), 7);
    assert.strictEqual(indexAtCells(text, 3, 6, 1), 4); // within the row from 'c'
  });

  it('wraps random text into rows that cover it, fit the width, and end after whitespace when they can', () => {
    const rand = seeded(16);
    const chars = ['a', 'b', ' ', '\t', 'é', '中', '😀', 'x', 'y', ' '];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(rand() * 80) }, () => chars[Math.floor(rand() * chars.length)]).join('');
      const width = 1 + Math.floor(rand() * 20);
      const rows = wrapWhole(text, width);
      assert.strictEqual(rows[0].index, 0);
      for (let i = 0; i < rows.length; i++) {
        const from = rows[i].index;
        const to = rows[i + 1]?.index ?? text.length;
        assert.ok(to > from || text.length === 0, `row ${i} of ${JSON.stringify(text)} is empty`);
        assert.strictEqual(rows[i].byte, Buffer.byteLength(text.slice(0, from)));
        const row = text.slice(from, to).replace(/ +$/, '');
        const single = [...row].length <= 1;
        assert.ok(single || cellsBetween(row, 0, row.length) <= width, `row ${JSON.stringify(row)} is wider than ${width}`);
        if (i + 1 < rows.length && /[ \t]/.test(row.slice(0, -1))) {
          assert.ok(/[ \t]$/.test(text.slice(from, to)), `row ${JSON.stringify(text.slice(from, to))} could have broken at whitespace`);
        }
      }
    }
  });

  it('cuts a long line at fixed offsets, the same rows from any window', () => {
    assert.ok(!isCutLine(WHOLE_WRAP_BYTES));
    assert.ok(isCutLine(WHOLE_WRAP_BYTES + 1));
    assert.strictEqual(cutRowCount(100, 10), 10);
    assert.strictEqual(cutRowCount(101, 10), 11);
    assert.strictEqual(cutRowCount(0, 10), 1);
    const line = 'aé中😀b'.repeat(50);
    const bytes = Buffer.from(line);
    const whole = cutRows(line, 0, 7);
    assert.strictEqual(whole.first, 0);
    // Row r starts at the first character starting at or after byte 7r.
    for (const s of whole.starts) {
      assert.strictEqual(s.byte, Buffer.byteLength(line.slice(0, s.index)));
      assert.ok(s.byte - Math.floor(s.byte / 7) * 7 < 4, `row start ${s.byte}`);
    }
    for (let from = 1; from < 60; from++) {
      // A window decoded from byte `from`: the host cuts whole characters, so start it on one.
      let start = from;
      while ((bytes[start] & 0xc0) === 0x80) start++;
      const text = bytes.subarray(start).toString();
      const part = cutRows(text, start, 7);
      const expected = whole.starts.filter((s) => s.byte >= part.first * 7 && s.byte >= start).map((s) => s.byte);
      assert.deepStrictEqual(part.starts.map((s) => s.byte), expected.slice(0, part.starts.length), `window from ${start}`);
    }
  });

  it('cuts in units of two bytes for UTF-16 text', () => {
    setColumnUnits('utf16');
    const { starts } = cutRows('abcdefgh', 0, 6);
    assert.deepStrictEqual(starts.map((s) => [s.index, s.byte]), [[0, 0], [3, 6], [6, 12]]);
  });
});
