import * as assert from 'assert';
import { HexMarks } from '../../../../media/hex/hexMarks';

describe('the hex view\'s marks', () => {
  it('tells which rows hold a marked offset, and the rows for the ruler at any row width', () => {
    const marks = new HexMarks();
    assert.strictEqual(marks.inRow(0, 16), false, 'none yet');
    marks.set([0, 17, 40, 47, 1000]);
    const rows = (perRow: number, count: number) => Array.from({ length: count }, (_, r) => marks.inRow(r * perRow, perRow));
    assert.deepStrictEqual(rows(16, 4), [true, true, true, false]);
    assert.deepStrictEqual(rows(8, 7), [true, false, true, false, false, true, false]);
    assert.strictEqual(marks.inRow(992, 16), true);
    assert.strictEqual(marks.inRow(1008, 16), false);
    assert.deepStrictEqual(marks.rows(16), [0, 1, 2, 62]);
    assert.strictEqual(marks.rows(16), marks.rows(16), 'the same array until something changes (the ruler redraws on a new one)');
    assert.deepStrictEqual(marks.rows(32), [0, 1, 31]);
    marks.set([]);
    assert.deepStrictEqual(marks.rows(32), []);
    assert.strictEqual(marks.inRow(0, 16), false);
  });
});
