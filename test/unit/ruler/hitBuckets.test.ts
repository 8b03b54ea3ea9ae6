import * as assert from 'assert';
import { HitBuckets } from '../../../src/ruler/hitBuckets';

const hit = (b: HitBuckets) => Array.from({ length: b.count }, (_, i) => i).filter((i) => b.has(i));

describe('hit buckets (the overview ruler\'s find lane)', () => {
  it('keeps one bit per bucket of bytes, whatever the number of hits', () => {
    const b = new HitBuckets(1000, 10);
    for (let i = 0; i < 1_000_000; i++) b.add(250 + (i % 50));
    b.add(0);
    b.add(999);
    b.add(5000); // past the end: the last bucket
    assert.deepStrictEqual(hit(b), [0, 2, 9]);
    assert.strictEqual(b.bytes().length, 2);
  });

  it('moves the hits over lines: a bucket of bytes marks the buckets its lines fall in', () => {
    // 100 lines: the first 90 one byte each (0..89), the last 10 of 91 bytes each (90..999).
    const lineOf = (offset: number) => (offset < 90 ? offset : 90 + Math.floor((offset - 90) / 91));
    const bytes = new HitBuckets(1000, 10);
    bytes.add(45); // line 45: bucket 4 of 10 by lines, though bucket 0 by bytes
    bytes.add(950); // line 99: the last bucket either way
    assert.deepStrictEqual(hit(bytes), [0, 9]);
    const lines = bytes.toLines(lineOf, 100);
    // Byte bucket 0 holds lines 0 to 90 (its whole range is marked, as its hit could be anywhere in it).
    assert.deepStrictEqual(hit(lines), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const sparse = new HitBuckets(1000, 10);
    sparse.add(500);
    assert.deepStrictEqual(hit(sparse.toLines(lineOf, 100)), [9], 'the middle of the bytes is near the end of the lines');
    assert.deepStrictEqual(hit(new HitBuckets(0, 10).toLines(lineOf, 0)), []);
  });
});
