import * as assert from 'assert';
import { MatchOffsets } from '../../../src/editor/matchOffsets';
import { random } from '../testUtil';

/** What next/previous must answer, from the full list of match offsets. */
function expected(all: number[], from: number, backwards: boolean): { offset: number; index: number; wrapped: boolean } | null {
  if (all.length === 0) return null;
  if (!backwards) {
    const i = all.findIndex((o) => o >= from);
    return i >= 0 ? { offset: all[i], index: i, wrapped: false } : { offset: all[0], index: 0, wrapped: true };
  }
  let i = -1;
  all.forEach((o, k) => { if (o < from) i = k; });
  return i >= 0 ? { offset: all[i], index: i, wrapped: false } : { offset: all[all.length - 1], index: all.length - 1, wrapped: true };
}

describe('MatchOffsets: next and previous from a running count', () => {
  it('answers like a full list once complete, and never wrongly while scanning', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = random(seed);
      const size = 1000;
      const all = [...new Set(Array.from({ length: Math.floor(rnd() * 20) }, () => Math.floor(rnd() * size)))].sort((a, b) => a - b);
      const offsets = new MatchOffsets();
      const scanned = Math.floor(rnd() * size);
      offsets.add(all.filter((o) => o < scanned), scanned);
      for (let q = 0; q < 50; q++) {
        const from = Math.floor(rnd() * (size + 1));
        const backwards = rnd() < 0.5;
        const partial = offsets.next(from, backwards, size);
        // While scanning, an answer may be missing but never different.
        if (partial !== undefined) assert.deepStrictEqual(partial, expected(all, from, backwards), `seed ${seed} from ${from} ${backwards}`);
      }
      offsets.add(all.filter((o) => o >= scanned), size);
      offsets.finish(size);
      for (let from = 0; from <= size; from += 7) {
        for (const backwards of [false, true]) assert.deepStrictEqual(offsets.next(from, backwards, size), expected(all, from, backwards));
      }
      all.forEach((o, i) => assert.deepStrictEqual(offsets.rankOf(o), { rank: i }));
    }
  });

  it('past its limit keeps the prefix and never claims to know the rest', () => {
    const offsets = new MatchOffsets(3);
    offsets.add([1, 2, 3, 4, 5], 10);
    offsets.finish(10);
    assert.deepStrictEqual(offsets.next(2, false, 10), { offset: 2, index: 1, wrapped: false });
    assert.strictEqual(offsets.next(4, false, 10), undefined);
    assert.strictEqual(offsets.next(9, true, 10), undefined);
  });

  it('past its limit tells the rank of any match from the nearest mark and the matches between', () => {
    const rnd = random(7);
    const all = [...new Set(Array.from({ length: 400 }, () => Math.floor(rnd() * 100_000)))].sort((a, b) => a - b);
    const offsets = new MatchOffsets(50, 16);
    const half = all[200];
    offsets.add(all.filter((o) => o < half), half);
    assert.strictEqual(offsets.rankOf(all[300]), undefined, 'not scanned yet');
    offsets.add(all.filter((o) => o >= half), 100_000);
    offsets.finish(100_000);
    all.forEach((o, rank) => {
      const known = offsets.rankOf(o);
      assert.ok(known, `rank of ${o}`);
      const between = known.countFrom === undefined ? 0 : all.filter((m) => m >= known.countFrom! && m < o).length;
      assert.strictEqual(known.rank + between, rank, `match ${rank} at ${o}`);
      assert.ok(between <= 16, 'at most a stride of matches to count');
    });
    assert.strictEqual(offsets.rankOf(all[10] + 0.5), undefined, 'no match there');
  });

  it('keeps at most maxMarks marks, doubling the stride, and still tells every rank', () => {
    const all = Array.from({ length: 5000 }, (_, i) => i * 3 + 1);
    const offsets = new MatchOffsets(100, 4, 16);
    for (let at = 0; at < all.length; at += 37) offsets.add(all.slice(at, at + 37), all[Math.min(all.length, at + 37)] ?? 20_000);
    offsets.finish(20_000);
    let widest = 0;
    all.forEach((o, rank) => {
      const known = offsets.rankOf(o)!;
      const between = known.countFrom === undefined ? 0 : all.filter((m) => m >= known.countFrom! && m < o).length;
      assert.strictEqual(known.rank + between, rank, `match ${rank} at ${o}`);
      widest = Math.max(widest, between);
    });
    // 4900 matches past the limit in at most 16 marks: a stride of 512 (4, doubled 7 times).
    assert.ok(widest > 256 && widest < 512, `matches counted from a mark: at most ${widest}`);
  });
});
