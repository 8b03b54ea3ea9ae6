import * as assert from 'assert';
import { FilterResult } from '../../../src/editor/filterResult';
import { random } from '../testUtil';

describe('FilterResult: filter rows as runs of lines', () => {
  it('maps every row to its line, like a plain list, on random runs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = random(seed);
      const result = new FilterResult();
      const naive: number[] = [];
      let line = 0;
      for (let batch = 0; batch < 10; batch++) {
        const runs = [];
        for (let i = 0; i < 1 + Math.floor(rnd() * 5); i++) {
          line += Math.floor(rnd() * 3); // 0: continues the previous run
          const count = Math.floor(rnd() * 4);
          runs.push({ firstLine: line, count, firstOffset: line * 10 });
          for (let k = 0; k < count; k++) naive.push(line + k);
          line += count;
        }
        result.append(runs);
        assert.strictEqual(result.lineCount, naive.length);
      }
      naive.forEach((expected, row) => assert.strictEqual(result.lineAt(row), expected, `seed ${seed} row ${row}`));
      assert.throws(() => result.lineAt(naive.length), RangeError);
      assert.throws(() => result.lineAt(-1), RangeError);
    }
  });

  it('holds one run for adjacent runs, so "everything but B" stays small', () => {
    const result = new FilterResult();
    for (let i = 0; i < 1000; i++) result.append([{ firstLine: i * 100, count: 100, firstOffset: 0 }]);
    assert.strictEqual(result.runCount, 1);
    assert.strictEqual(result.lineCount, 100_000);
    assert.strictEqual(result.lineAt(99_999), 99_999);
  });

  it('counts lines past 2^32', () => {
    const result = new FilterResult();
    result.append([{ firstLine: 2 ** 40, count: 3, firstOffset: 2 ** 45 }]);
    assert.strictEqual(result.lineAt(2), 2 ** 40 + 2);
  });
});

describe('filter result runs (the overview ruler\'s filter lane)', () => {
  it('visits each run of lines once, in order, runs that continue each other joined', () => {
    const r = new FilterResult();
    r.append([{ firstLine: 3, count: 2, firstOffset: 30 }, { firstLine: 5, count: 1, firstOffset: 50 }, { firstLine: 10, count: 4, firstOffset: 100 }]);
    r.append([{ firstLine: 20, count: 1, firstOffset: 200 }]);
    const seen: [number, number][] = [];
    r.forEachRun((first, count) => seen.push([first, count]));
    assert.deepStrictEqual(seen, [[3, 3], [10, 4], [20, 1]]);
  });
});
