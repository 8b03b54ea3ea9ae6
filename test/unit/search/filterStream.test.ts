import * as assert from 'assert';
import { UTF8 } from '../../../src/encoding/textEncoding';
import { filterStream } from '../../../src/search/filterStream';
import { LineRun } from '../../../src/search/lineRuns';
import { SearchQuery } from '../../../src/search/query';
import { ScanLimits } from '../../../src/search/scanLimits';
import { Segment, SegmentStream } from '../../../src/search/segments';
import { random, randInt, tempFile } from '../testUtil';
import { naiveFilter } from './naive';
import { pick, randomQuery, randomText, smallLimits } from './randomInputs';
import { LF_BREAK } from '../../../src/lines/lineBreak';

function filter(path: string, include: SearchQuery[], exclude: SearchQuery[], limits: ScanLimits, segments?: Segment[], encoding = UTF8, lineBreak = LF_BREAK) {
  const stream = new SegmentStream(path, segments);
  try {
    const runs: LineRun[] = [];
    const summary = filterStream(stream, include, exclude, limits, encoding, lineBreak, { run: (r) => runs.push(r), progress: () => true });
    return { runs, summary };
  } finally {
    stream.close();
  }
}

describe('filterStream against a naive reference', () => {
  it('keeps the lines matching any include and no exclude, as runs', function () {
    this.timeout(120000);
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(4000 + seed);
      const buf = randomText(rand, 100 + randInt(rand, 500), 30);
      const file = tempFile(`f${seed}.txt`, buf);
      const include = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand));
      const exclude = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand));
      const { runs, summary } = filter(file, include, exclude, smallLimits(rand));
      const want = naiveFilter(buf, include, exclude);
      const context = `seed ${4000 + seed}: include ${JSON.stringify(include)} exclude ${JSON.stringify(exclude)}`;
      assert.deepStrictEqual(runs, want, context);
      assert.deepStrictEqual(summary, { lines: want.reduce((n, r) => n + r.count, 0), runs: want.length }, context);
    }
  });

  it('decides lines longer than a window once their end is seen', function () {
    this.timeout(60000);
    const bounded: SearchQuery[] = [
      { kind: 'regex', source: 'a[bé]', matchCase: true }, { kind: 'regex', source: '^a', matchCase: false },
      { kind: 'regex', source: 'b$', matchCase: true }, { kind: 'text', text: 'ab', matchCase: true, wholeWord: true },
      { kind: 'text', text: 'É', matchCase: false, wholeWord: false }, { kind: 'bytes', pattern: [0x61, null, 0x62] },
      { kind: 'text', text: '😀', matchCase: true, wholeWord: false },
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(5000 + seed);
      const buf = randomText(rand, 300 + randInt(rand, 900), rand() < 0.5 ? Infinity : 150);
      const file = tempFile(`fl${seed}.txt`, buf);
      const include = Array.from({ length: randInt(rand, 3) }, () => pick(rand, bounded));
      const exclude = Array.from({ length: randInt(rand, 3) }, () => pick(rand, bounded));
      const { runs } = filter(file, include, exclude, { chunk: 32 + randInt(rand, 16), block: 8, overlap: 8 + randInt(rand, 8) });
      assert.deepStrictEqual(runs, naiveFilter(buf, include, exclude), `seed ${5000 + seed}: ${JSON.stringify({ include, exclude })}`);
    }
  });

  it('filters an edited document given as segments', () => {
    const original = 'keep 1\ndrop 2\nkeep 3\n';
    const file = tempFile('doc.txt', original);
    // The document: "keep 1\n" + "inserted keep\n" + "drop 2\nkeep 3\n", with the insertion held in memory.
    const segments: Segment[] = [
      { kind: 'file', start: 0, length: 7 }, { kind: 'bytes', data: Buffer.from('inserted keep\n') },
      { kind: 'file', start: 7, length: original.length - 7 },
    ];
    const include: SearchQuery[] = [{ kind: 'text', text: 'keep', matchCase: true, wholeWord: true }];
    const { runs } = filter(file, include, [], { chunk: 16, block: 8, overlap: 8 }, segments);
    assert.deepStrictEqual(runs, [{ firstLine: 0, count: 2, firstOffset: 0 }, { firstLine: 3, count: 1, firstOffset: 28 }]);
  });

  it('keeps every line of a file with no include and no exclude, and none of an empty file', () => {
    const file = tempFile('all.txt', 'a\n\nb\r\nlast');
    assert.deepStrictEqual(filter(file, [], [], { chunk: 16, block: 8, overlap: 8 }).runs, [{ firstLine: 0, count: 4, firstOffset: 0 }]);
    assert.deepStrictEqual(filter(tempFile('none.txt', ''), [], [], { chunk: 16, block: 8, overlap: 8 }).runs, []);
  });
});
