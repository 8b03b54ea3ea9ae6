import * as assert from 'assert';
import { MarkedRunsMerger, shownMarkedLines } from '../../../src/editor/markedFilter';
import type { LineRun } from '../../../src/search/lineRuns';
import { random, randInt } from '../testUtil';

const run = (firstLine: number, count: number): LineRun => ({ firstLine, count, firstOffset: firstLine * 10 });

describe('the filter\'s "Show marked lines" rule', () => {
  it('shows the marked lines no hide rule matches', () => {
    const text = (line: number) => ['ok', 'timeout here', 'fine', 'TIMEOUT'][line];
    assert.deepStrictEqual(shownMarkedLines([0, 1, 2, 3], [{ kind: 'text', text: 'timeout', matchCase: false, wholeWord: false }], text), [0, 2]);
    assert.deepStrictEqual(shownMarkedLines([0, 1, 2, 3], [{ kind: 'regex', source: '^ok$', matchCase: true }], text), [1, 2, 3]);
    assert.deepStrictEqual(shownMarkedLines([1, 3], [{ kind: 'bytes', pattern: [0x74] }], text), [1, 3], 'byte patterns do not apply to text');
  });

  it('merges marked lines into the runs a filter streams: every line once, in order (random runs against a set)', () => {
    const rand = random(5);
    for (let round = 0; round < 200; round++) {
      const lines = 300;
      const shown = new Set<number>();
      for (let l = 0; l < lines; l++) if (rand() < 0.3) shown.add(l);
      const marked = [...new Set(Array.from({ length: randInt(rand, 20) }, () => randInt(rand, lines)))].sort((a, b) => a - b);
      // The filter's runs of shown lines, streamed in batches of any size.
      const runs: LineRun[] = [];
      for (let l = 0; l < lines; l++) {
        if (!shown.has(l)) continue;
        const last = runs[runs.length - 1];
        if (last && last.firstLine + last.count === l) last.count++;
        else runs.push(run(l, 1));
      }
      const merger = new MarkedRunsMerger(marked);
      const out: LineRun[] = [];
      for (let i = 0; i < runs.length;) {
        const n = 1 + randInt(rand, 4);
        out.push(...merger.merge(runs.slice(i, i + n)));
        i += n;
      }
      out.push(...merger.rest());
      const got = out.flatMap((r) => Array.from({ length: r.count }, (_, k) => r.firstLine + k));
      const want = [...new Set([...shown, ...marked])].sort((a, b) => a - b);
      assert.deepStrictEqual(got, want, `round ${round}`);
    }
  });
});
