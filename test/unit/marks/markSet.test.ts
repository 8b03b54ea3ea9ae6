import * as assert from 'assert';
import { MarkSet } from '../../../src/marks/markSet';
import { MarkStore } from '../../../src/marks/markStore';
import { memoryStore } from '../testUtil';

describe('mark set', () => {
  it('keeps offsets in order, once each, and drops what is not an offset', () => {
    const marks = new MarkSet([30, 10, 10, -1, 2.5, 20]);
    assert.deepStrictEqual(marks.list(), [10, 20, 30]);
    marks.add(15);
    marks.add(20);
    assert.deepStrictEqual(marks.list(), [10, 15, 20, 30]);
    assert.strictEqual(marks.anyIn(16, 20), false);
    assert.strictEqual(marks.anyIn(16, 21), true);
    assert.strictEqual(marks.removeIn(11, 30), 2);
    assert.deepStrictEqual(marks.list(), [10, 30]);
  });

  it('moves marks after an insertion; one at the insertion point moves with the text after it', () => {
    const marks = new MarkSet([0, 10, 20]);
    marks.shift(10, 0, 5);
    assert.deepStrictEqual(marks.list(), [0, 15, 25]);
    marks.shift(16, 0, 1);
    assert.deepStrictEqual(marks.list(), [0, 15, 26]);
  });

  it('a deletion moves later marks back and those inside it to where it was, merging them', () => {
    const marks = new MarkSet([5, 10, 12, 20, 30]);
    marks.shift(8, 14, 0); // [8, 22) removed
    assert.deepStrictEqual(marks.list(), [5, 8, 16]);
    marks.shift(0, 5, 0);
    assert.deepStrictEqual(marks.list(), [0, 3, 11]);
  });

  it('clamps to a shorter content (an empty last line keeps its mark)', () => {
    const marks = new MarkSet([0, 10, 11, 20]);
    marks.clampTo(11);
    assert.deepStrictEqual(marks.list(), [0, 10, 11]);
  });
});

describe('mark store', () => {
  it('stores marks per path, forgets a path with none, and drops the oldest files beyond its limit', async () => {
    const store = new MarkStore<{ size: number }>(memoryStore(), 2);
    await store.set('/a', { size: 1 }, [1, 2]);
    assert.deepStrictEqual(store.get('/a')?.offsets, [1, 2]);
    assert.deepStrictEqual(store.get('/a')?.file, { size: 1 });
    await store.set('/a', { size: 1 }, []);
    assert.strictEqual(store.get('/a'), undefined);
    await store.set('/a', { size: 1 }, [1]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.set('/b', { size: 2 }, [2]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.set('/c', { size: 3 }, [3]);
    assert.strictEqual(store.get('/a'), undefined, 'the oldest is forgotten');
    assert.deepStrictEqual([store.get('/b')?.offsets, store.get('/c')?.offsets], [[2], [3]]);
  });

  it('reads a damaged entry as none', () => {
    const kv = memoryStore();
    void kv.update('hugefile.marks', { '/x': { offsets: ['a'] }, '/y': 'text', '/z': { file: 1, offsets: [4] } });
    const store = new MarkStore(kv);
    assert.strictEqual(store.get('/x'), undefined);
    assert.strictEqual(store.get('/y'), undefined);
    assert.deepStrictEqual(store.get('/z')?.offsets, [4]);
  });
});
