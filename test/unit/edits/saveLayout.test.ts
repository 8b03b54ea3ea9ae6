import * as assert from 'assert';
import { layoutOf } from '../../../src/edits/saveLayout';
import type { Segment } from '../../../src/edits/saveEngine';

const orig = (offset: number, length: number): Segment => ({ kind: 'original', offset, length });
const bytes = (text: string): Segment => ({ kind: 'bytes', data: Buffer.from(text) });

describe('save layout', () => {
  it('an unchanged layout writes nothing and journals nothing', () => {
    const l = layoutOf([orig(0, 10), orig(10, 90)], 100);
    assert.deepStrictEqual([l.writes, l.saved, l.firstChange, l.newSize], [[], [], 100, 100]);
  });

  it('a same-length overwrite writes and journals only the changed range', () => {
    const l = layoutOf([orig(0, 40), bytes('abc'), orig(43, 57)], 100);
    assert.deepStrictEqual(l.writes, [{ start: 40, end: 43 }]);
    assert.deepStrictEqual(l.saved, [{ start: 40, end: 43 }]);
    assert.strictEqual(l.firstChange, 40);
  });

  it('an insertion rewrites from the first change to the end', () => {
    const l = layoutOf([orig(0, 10), bytes('xy'), orig(10, 90)], 100);
    assert.deepStrictEqual(l.writes, [{ start: 10, end: 102 }]);
    assert.deepStrictEqual(l.saved, [{ start: 10, end: 100 }]);
    assert.strictEqual(l.newSize, 102);
  });

  it('a deletion journals the truncated tail too', () => {
    const l = layoutOf([orig(0, 10), orig(20, 80)], 100);
    assert.deepStrictEqual(l.writes, [{ start: 10, end: 90 }]);
    assert.deepStrictEqual(l.saved, [{ start: 10, end: 100 }]);
  });

  it('appending journals nothing; truncating journals only the cut tail', () => {
    const append = layoutOf([orig(0, 100), bytes('tail')], 100);
    assert.deepStrictEqual([append.writes, append.saved, append.firstChange], [[{ start: 100, end: 104 }], [], 100]);
    const cut = layoutOf([orig(0, 60)], 100);
    assert.deepStrictEqual([cut.writes, cut.saved, cut.firstChange], [[], [{ start: 60, end: 100 }], 60]);
    const empty = layoutOf([], 100);
    assert.deepStrictEqual([empty.saved, empty.firstChange, empty.newSize], [[{ start: 0, end: 100 }], 0, 0]);
  });

  it('an insertion balanced by a later deletion leaves the rest unchanged', () => {
    const l = layoutOf([orig(0, 10), bytes('ab'), orig(10, 5000), orig(5012, 94_988)], 100_000);
    assert.deepStrictEqual(l.writes, [{ start: 10, end: 5012 }]);
    assert.strictEqual(l.newSize, 100_000);
  });

  it('writes changes closer than a page as one range, keeps distant ones apart, and journals only what changes', () => {
    const near = layoutOf([orig(0, 100), bytes('a'), orig(101, 1000), bytes('b'), orig(1102, 98_898)], 100_000);
    assert.deepStrictEqual(near.writes, [{ start: 100, end: 1102 }]);
    assert.deepStrictEqual(near.saved, [{ start: 100, end: 101 }, { start: 1101, end: 1102 }]);
    const touching = layoutOf([orig(0, 100), bytes('a'), orig(101, 10), bytes('b'), orig(112, 99_888)], 100_000);
    assert.deepStrictEqual(touching.saved, [{ start: 100, end: 112 }], 'a gap cheaper than a range header is journaled');
    const far = layoutOf([orig(0, 100), bytes('a'), orig(101, 50_000), bytes('b'), orig(50_102, 49_898)], 100_000);
    assert.deepStrictEqual(far.writes, [{ start: 100, end: 101 }, { start: 50_101, end: 50_102 }]);
  });

  it('merges scattered edits further when they would overflow the journal header', () => {
    const segments: Segment[] = [];
    for (let i = 0; i < 100; i++) segments.push(orig(i * 10_000, 9_999), bytes('x'));
    const l = layoutOf(segments, 1_000_000, 8);
    assert.ok(l.saved.length <= 8, `${l.saved.length} ranges`);
    assert.strictEqual(l.saved[0].start, 9_999);
    assert.strictEqual(l.saved[l.saved.length - 1].end, 1_000_000);
    assert.strictEqual(l.writes.length, 100, 'the writes are not merged for the header');
  });

  it('offsets past 2^32 stay exact', () => {
    const big = 5 * 1024 ** 3;
    const l = layoutOf([orig(0, 2 ** 32 + 7), bytes('z'), orig(2 ** 32 + 8, big - 2 ** 32 - 8)], big);
    assert.deepStrictEqual(l.writes, [{ start: 2 ** 32 + 7, end: 2 ** 32 + 8 }]);
  });

  it('refuses segments outside the file or malformed', () => {
    const bad: unknown[] = [orig(90, 11), orig(-1, 1), orig(0.5, 1), orig(0, NaN), { kind: 'bytes', data: 'text' }, { kind: 'other' }, null];
    for (const s of bad) assert.throws(() => layoutOf([s as Segment], 100), { code: 'ERR_INVALID_ARG_VALUE' }, JSON.stringify(s));
    assert.throws(() => layoutOf([], -1), { code: 'ERR_INVALID_ARG_VALUE' });
  });
});
