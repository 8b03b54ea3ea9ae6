// Search and filter in a file read with lone CR line ends. The reference is the same
// engine on the same text with LF line ends: a text without any CR whose LFs become
// CRs must give the same matches (byte patterns with their LF and CR swapped) and
// the same lines, whatever the windows and blocks.
import * as assert from 'assert';
import { UTF8 } from '../../../src/encoding/textEncoding';
import { CR_BREAK, LF_BREAK, type LineBreak } from '../../../src/lines/lineBreak';
import { filterStream } from '../../../src/search/filterStream';
import type { SearchQuery } from '../../../src/search/query';
import type { ScanLimits } from '../../../src/search/scanLimits';
import { searchStream } from '../../../src/search/searchStream';
import { SegmentStream } from '../../../src/search/segments';
import { random, randInt, tempFile } from '../testUtil';
import { randomQuery, randomText, smallLimits } from './randomInputs';

const LF = 0x0a;
const CR = 0x0d;

/** `buf` with its LF and CR bytes swapped. */
function swapped(buf: Buffer): Buffer {
  return Buffer.from(buf.map((b) => (b === LF ? CR : b === CR ? LF : b)));
}

/** A query as it reads with LF and CR swapped; undefined for text or a regex that names either (they mean other things then). */
function swappedQuery(query: SearchQuery): SearchQuery | undefined {
  if (query.kind === 'bytes') return { kind: 'bytes', pattern: query.pattern.map((b) => (b === LF ? CR : b === CR ? LF : b)) };
  const text = query.kind === 'text' ? query.text : query.source;
  return /\\[rnsS]|[\r\n]/.test(text) ? undefined : query;
}

function search(file: string, query: SearchQuery, lineBreak: LineBreak, limits: ScanLimits, backwards = false): [number, number, number | undefined][] {
  const stream = new SegmentStream(file);
  try {
    const found: [number, number, number | undefined][] = [];
    searchStream(stream, { query, from: 0, to: stream.size, lines: true, maxMatches: Infinity, backwards, encoding: UTF8, lineBreak }, limits, {
      match: (offset, length, line) => found.push([offset, length, line]),
      progress: () => true,
    });
    return found;
  } finally {
    stream.close();
  }
}

function filter(file: string, include: SearchQuery[], exclude: SearchQuery[], lineBreak: LineBreak, limits: ScanLimits): number[] {
  const stream = new SegmentStream(file);
  try {
    const lines: number[] = [];
    filterStream(stream, include, exclude, limits, UTF8, lineBreak, {
      run: (r) => { for (let i = 0; i < r.count; i++) lines.push(r.firstLine + i); },
      progress: () => true,
    });
    return lines;
  } finally {
    stream.close();
  }
}

/** Random text with LF line ends and no CR at all. */
function lfText(rand: () => number): Buffer {
  return Buffer.from(randomText(rand, 100 + randInt(rand, 500), 30).filter((b) => b !== CR));
}

describe('search and filter in text whose lines end in a lone CR', () => {
  it('find the same matches and lines as in the same text with LF line ends, forwards and backwards', function () {
    this.timeout(120_000);
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(9000 + seed);
      const lf = lfText(rand);
      const query = randomQuery(rand);
      const limits = smallLimits(rand);
      const crQuery = swappedQuery(query);
      if (!crQuery) continue;
      const backwards = rand() < 0.3;
      const want = search(tempFile(`lf${seed}.txt`, lf), query, LF_BREAK, limits, backwards);
      const got = search(tempFile(`cr${seed}.txt`, swapped(lf)), crQuery, CR_BREAK, limits, backwards);
      assert.deepStrictEqual(got, want, `seed ${9000 + seed}: ${JSON.stringify(query)} limits ${JSON.stringify(limits)} backwards ${backwards}`);
      compared++;
    }
    assert.ok(compared > 200, `only ${compared} cases compared`);
  });

  it('filter the same lines as in the same text with LF line ends', function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(9500 + seed);
      const lf = lfText(rand);
      const include = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand)).filter((q) => q.kind !== 'bytes' && swappedQuery(q));
      const exclude = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand)).filter((q) => q.kind !== 'bytes' && swappedQuery(q));
      const limits = smallLimits(rand);
      const want = filter(tempFile(`flf${seed}.txt`, lf), include, exclude, LF_BREAK, limits);
      const got = filter(tempFile(`fcr${seed}.txt`, swapped(lf)), include, exclude, CR_BREAK, limits);
      assert.deepStrictEqual(got, want, `seed ${9500 + seed}: include ${JSON.stringify(include)} exclude ${JSON.stringify(exclude)}`);
    }
  });

  it('take a \\n inside such a line for text: ^ and $ do not match beside it', () => {
    const file = tempFile('cr-with-lf.txt', 'a\nb\rb\rb\na\r');
    const limits = { chunk: 1 << 16, block: 1 << 12, overlap: 64 };
    assert.deepStrictEqual(search(file, { kind: 'regex', source: '^b', matchCase: true }, CR_BREAK, limits), [[4, 1, 1], [6, 1, 2]]);
    assert.deepStrictEqual(search(file, { kind: 'regex', source: 'b$', matchCase: true }, CR_BREAK, limits), [[2, 1, 0], [4, 1, 1]]);
    assert.deepStrictEqual(search(file, { kind: 'regex', source: 'a\\nb', matchCase: true }, CR_BREAK, limits), [[0, 3, 0]]);
    assert.deepStrictEqual(filter(file, [{ kind: 'text', text: 'a', matchCase: true, wholeWord: false }], [], CR_BREAK, limits), [0, 2]);
  });
});
