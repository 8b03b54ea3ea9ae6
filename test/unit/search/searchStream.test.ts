import * as assert from 'assert';
import * as fs from 'fs';
import { UTF8 } from '../../../src/encoding/textEncoding';
import { SearchQuery } from '../../../src/search/query';
import { ScanLimits } from '../../../src/search/scanLimits';
import { searchStream, StreamSearch } from '../../../src/search/searchStream';
import { packSegments, Segment, SegmentStream } from '../../../src/search/segments';
import { random, randInt, tempFile } from '../testUtil';
import { naiveSearch, withLines } from './naive';
import { pick, randomQuery, randomText, smallLimits, TEXTS } from './randomInputs';
import { LF_BREAK } from '../../../src/lines/lineBreak';

interface Found { offset: number; length: number; line?: number }

function run(path: string, options: Partial<StreamSearch> & { query: SearchQuery }, limits: ScanLimits, segments?: Segment[]) {
  const stream = new SegmentStream(path, segments);
  try {
    const found: Found[] = [];
    const summary = searchStream(stream, {
      from: 0, to: stream.size, lines: true, maxMatches: Infinity, backwards: false, encoding: UTF8, lineBreak: LF_BREAK, ...options,
    }, limits, {
      match: (offset, length, line) => found.push(line === undefined ? { offset, length } : { offset, length, line }),
      progress: () => true,
    });
    return { found, summary };
  } finally {
    stream.close();
  }
}

function expected(buf: Buffer, query: SearchQuery, from = 0, to = buf.length): Found[] {
  return withLines(buf, naiveSearch(buf, query, from, to));
}

describe('searchStream against a naive reference', () => {
  it('finds every match of random queries in random text, across window and block edges', function () {
    this.timeout(120000);
    for (let seed = 1; seed <= 400; seed++) {
      const rand = random(seed);
      const buf = randomText(rand, 100 + randInt(rand, 500), 30);
      const file = tempFile(`t${seed}.txt`, buf);
      const query = randomQuery(rand);
      const limits = smallLimits(rand);
      const from = rand() < 0.5 ? 0 : randInt(rand, buf.length + 1);
      const to = rand() < 0.5 ? buf.length : from + randInt(rand, buf.length - from + 1);
      const { found, summary } = run(file, { query, from, to }, limits);
      const want = expected(buf, query, from, to);
      const context = `seed ${seed}: ${JSON.stringify(query)} from ${from} to ${to} limits ${JSON.stringify(limits)}`;
      assert.deepStrictEqual(found, want, context);
      assert.strictEqual(summary.matches, want.length, context);
      assert.strictEqual(summary.matchingLines, new Set(want.map((m) => m.line)).size, context);
      assert.strictEqual(summary.stoppedEarly, false, context);
    }
  });

  it('stops after maxMatches and finds the last ones backwards', function () {
    this.timeout(120000);
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(1000 + seed);
      const buf = randomText(rand, 100 + randInt(rand, 500), 30);
      const file = tempFile(`m${seed}.txt`, buf);
      const query = randomQuery(rand);
      const limits = smallLimits(rand);
      const from = randInt(rand, buf.length + 1);
      const to = from + randInt(rand, buf.length - from + 1);
      const all = expected(buf, query, from, to);
      const max = 1 + randInt(rand, 5);
      const context = `seed ${1000 + seed}: ${JSON.stringify(query)} from ${from} to ${to} max ${max}`;
      const forward = run(file, { query, from, to, maxMatches: max }, limits);
      assert.deepStrictEqual(forward.found, all.slice(0, max), context);
      assert.strictEqual(forward.summary.stoppedEarly, all.length >= max, context);
      const lines = rand() < 0.5;
      const backward = run(file, { query, from, to, maxMatches: max, backwards: true, lines }, limits);
      const last = all.slice(-max).reverse().map((m) => (lines ? m : { offset: m.offset, length: m.length }));
      assert.deepStrictEqual(backward.found, last, `${context} backwards`);
      assert.strictEqual(backward.summary.stoppedEarly, all.length >= max, `${context} backwards`);
      const everything = run(file, { query, from, to, backwards: true }, limits);
      assert.deepStrictEqual(everything.found, [...all].reverse(), `${context} all backwards`);
    }
  });

  it('searches an edited document: segments mixing file ranges and bytes', function () {
    this.timeout(60000);
    for (let seed = 1; seed <= 150; seed++) {
      const rand = random(2000 + seed);
      const buf = randomText(rand, 100 + randInt(rand, 400), 30);
      // Cut the document into pieces; some live in the file (shuffled, among filler), some in memory.
      const pieces: { from: number; to: number; inFile: boolean }[] = [];
      for (let at = 0; at < buf.length; ) {
        const len = Math.min(buf.length - at, randInt(rand, 40));
        pieces.push({ from: at, to: at + len, inFile: rand() < 0.6 });
        at += len;
      }
      const fileParts: Buffer[] = [];
      const where = new Map<number, number>();
      let fileSize = 0;
      for (const i of [...pieces.keys()].sort(() => rand() - 0.5)) {
        const filler = randomText(rand, randInt(rand, 10));
        fileParts.push(filler, buf.subarray(pieces[i].from, pieces[i].to));
        where.set(i, fileSize + filler.length);
        fileSize += filler.length + pieces[i].to - pieces[i].from;
      }
      const file = tempFile(`s${seed}.bin`, Buffer.concat(fileParts));
      const segments: Segment[] = pieces.map((p, i) => (p.inFile
        ? { kind: 'file', start: where.get(i)!, length: p.to - p.from }
        : { kind: 'bytes', data: new Uint8Array(buf.subarray(p.from, p.to)) }));
      const query = randomQuery(rand);
      const limits = smallLimits(rand);
      const { found } = run(file, { query }, limits, segments);
      assert.deepStrictEqual(found, expected(buf, query), `seed ${2000 + seed}: ${JSON.stringify(query)}`);
    }
  });

  it('keeps exact results in lines longer than a window for matches up to the overlap', function () {
    this.timeout(60000);
    const bounded = ['a[bé]', '^a', 'b$', '\\bab\\b', 'x*', '(?<=a)b', 'a(?=b)', '[^ab]{2}', 'ab|ba', '^$', 'é', '.$'];
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(3000 + seed);
      const buf = randomText(rand, 200 + randInt(rand, 800), rand() < 0.5 ? Infinity : 200);
      const file = tempFile(`l${seed}.txt`, buf);
      const query: SearchQuery = rand() < 0.5
        ? { kind: 'regex', source: pick(rand, bounded), matchCase: rand() < 0.5 }
        : { kind: 'text', text: pick(rand, TEXTS), matchCase: rand() < 0.5, wholeWord: rand() < 0.5 };
      const limits = { chunk: 32 + randInt(rand, 16), block: 8, overlap: 8 + randInt(rand, 8) };
      const from = rand() < 0.5 ? 0 : randInt(rand, buf.length + 1);
      const to = rand() < 0.5 ? buf.length : from + randInt(rand, buf.length - from + 1);
      const want = expected(buf, query, from, to);
      const context = `seed ${3000 + seed}: ${JSON.stringify(query)} ${JSON.stringify(limits)} from ${from} to ${to}`;
      assert.deepStrictEqual(run(file, { query, from, to }, limits).found, want, context);
      assert.deepStrictEqual(run(file, { query, from, to, backwards: true, maxMatches: 3 }, limits).found, want.slice(-3).reverse(), context);
    }
  });
});

describe('searchStream in lines longer than a window (the documented limit)', () => {
  // 50 x, 300 a, b, 40 y: one line of 392 bytes, searched in 64-byte windows with 16 bytes of overlap.
  const line = `${'x'.repeat(50)}${'a'.repeat(300)}b${'y'.repeat(40)}\n`;
  const small = { chunk: 64, block: 16, overlap: 16 };
  const whole = { chunk: 1024, block: 1024, overlap: 16 };
  const find = (source: string, limits: ScanLimits): [number, number][] =>
    run(tempFile('long.txt', line), { query: { kind: 'regex', source, matchCase: true } }, limits).found.map((m) => [m.offset, m.offset + m.length]);

  it('finds matches up to the overlap exactly', () => {
    assert.deepStrictEqual(find('xa{10}', small), [[49, 60]]);
    assert.deepStrictEqual(find('a{5}b', small), [[345, 351]]);
    assert.deepStrictEqual(find('^x', small), [[0, 1]]);
    assert.deepStrictEqual(find('y$', small), [[390, 391]]);
  });

  it('can miss, cut or split a longer match', () => {
    assert.deepStrictEqual(find('a+b', whole), [[50, 351]]);
    const cut = find('a+b', small);
    assert.ok(cut.length <= 1 && cut.every(([s, e]) => s >= 50 && e === 351), `cut: ${JSON.stringify(cut)}`);
    const pieces = find('a+', small);
    assert.ok(pieces.every(([s, e], i) => s === (i === 0 ? 50 : pieces[i - 1][1]) && e > s), `pieces: ${JSON.stringify(pieces)}`);
    assert.strictEqual(pieces[pieces.length - 1][1], 350);
    const missed = find('xa{200}', small);
    assert.ok(missed.every(([s, e]) => s === 49 && e === 250), `missed or exact: ${JSON.stringify(missed)}`);
    assert.deepStrictEqual(find('xa{200}', whole), [[49, 250]]);
  });
});

describe('searchStream edge cases', () => {
  const limits = { chunk: 64, block: 16, overlap: 16 };
  const regex = (source: string, matchCase = true): SearchQuery => ({ kind: 'regex', source, matchCase });
  const text = (t: string, matchCase = true, wholeWord = false): SearchQuery => ({ kind: 'text', text: t, matchCase, wholeWord });

  it('finds nothing in an empty file, not even an empty match', () => {
    const file = tempFile('empty', '');
    for (const q of [regex('^'), regex('$'), regex('x*'), text('a'), { kind: 'bytes', pattern: [0x61] } as SearchQuery]) {
      assert.deepStrictEqual(run(file, { query: q }, limits).found, [], JSON.stringify(q));
    }
  });

  it('treats CRLF and a last line without newline by the line rules', () => {
    const buf = Buffer.from('ab\r\nb\r\n\r\nlast b\r');
    const file = tempFile('crlf', buf);
    // `$` is before each \r\n; the final "\r" without \n belongs to the last line's text.
    assert.deepStrictEqual(run(file, { query: regex('$') }, limits).found.map((m) => m.offset), [2, 5, 7, 16]);
    assert.deepStrictEqual(run(file, { query: regex('b$') }, limits).found.map((m) => m.offset), [1, 4]);
    assert.deepStrictEqual(run(file, { query: regex('\\r') }, limits).found.map((m) => m.offset), [15]);
    assert.deepStrictEqual(run(file, { query: regex('^') }, limits).found.map((m) => m.line), [0, 1, 2, 3]);
    assert.deepStrictEqual(run(file, { query: regex('b$') }, limits).found, expected(buf, regex('b$')));
  });

  it('maps matches in invalid UTF-8 back to the right bytes', () => {
    const buf = Buffer.concat([Buffer.from([0xe2, 0x80]), Buffer.from('é'), Buffer.from([0xff, 0xc3]), Buffer.from('x😀é\n')]);
    const file = tempFile('bad', buf);
    const found = run(file, { query: regex('é|x', false) }, limits).found;
    assert.deepStrictEqual(found.map((m) => [m.offset, m.length]), [[2, 2], [6, 1], [11, 2]]);
    assert.deepStrictEqual(run(file, { query: regex('\\ufffd') }, limits).found.map((m) => [m.offset, m.length]), [[0, 2], [4, 1], [5, 1]]);
  });

  it('matches case-insensitively by Unicode simple case folding', () => {
    const file = tempFile('case', 'Straße STRASSE éÉ \u212a k K\n');
    const offsets = (q: SearchQuery): number[] => run(file, { query: q }, limits).found.map((m) => m.offset);
    assert.deepStrictEqual(offsets(text('straße', false)), [0]); // ß does not fold to "ss"
    assert.deepStrictEqual(offsets(text('É', false)), [16, 18]);
    assert.deepStrictEqual(offsets(text('k', false)), [21, 25, 27]); // the Kelvin sign folds to k
    assert.deepStrictEqual(offsets(text('k', true)), [25]);
  });

  it('counts only whole words when asked, with non-ASCII letters as word characters', () => {
    const file = tempFile('word', 'ab abc xab ab_ ab-ab éab abé (ab)\n');
    const offsets = (q: SearchQuery): number[] => run(file, { query: q }, limits).found.map((m) => m.offset);
    assert.deepStrictEqual(offsets(text('ab', true, true)), [0, 15, 18, 32]);
    assert.deepStrictEqual(offsets(text('AB', false, true)), [0, 15, 18, 32]);
    assert.deepStrictEqual(offsets(text('-ab', true, true)), [17]); // a non-word edge needs no boundary
  });

  it('finds byte patterns with wildcards, overlapping ones included', () => {
    const file = tempFile('bytes', Buffer.from([0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 0xde, 0x0a, 0xbe]));
    const offsets = (pattern: (number | null)[]): number[] => run(file, { query: { kind: 'bytes', pattern } }, limits).found.map((m) => m.offset);
    assert.deepStrictEqual(offsets([0, 0]), [0, 1]);
    assert.deepStrictEqual(offsets([0xde, null, 0xbe]), [4, 8]);
    assert.deepStrictEqual(offsets([null, 0xbe]), [5, 9]);
  });

  it('reads like the concatenation of its segments: many short file runs in and out of order, bytes among them, packed or not', () => {
    const rand = random(41);
    const content = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, () => randInt(rand, 256)));
    const file = tempFile('segments.bin', content);
    for (let round = 0; round < 20; round++) {
      const segments: Segment[] = [];
      const parts: Buffer[] = [];
      let at = randInt(rand, 1000);
      for (let i = 0; i < 2000; i++) {
        const r = rand();
        if (r < 0.2) {
          const data = Buffer.from(Array.from({ length: randInt(rand, 40) }, () => randInt(rand, 256)));
          segments.push({ kind: 'bytes', data: new Uint8Array(data) });
          parts.push(data);
          continue;
        }
        // Mostly short runs going forward with small gaps (a Replace All), now and then a long one or a jump back.
        const length = r < 0.25 ? 20_000 + randInt(rand, 50_000) : 1 + randInt(rand, 300);
        if (r > 0.97 || at + length > content.length) at = randInt(rand, content.length - length);
        segments.push({ kind: 'file', start: at, length });
        parts.push(content.subarray(at, at + length));
        at += length + randInt(rand, 10);
      }
      const expected = Buffer.concat(parts);
      const form = round % 2 === 0 ? segments : packSegments(segments);
      const stream = new SegmentStream(file, form);
      try {
        assert.strictEqual(stream.size, expected.length);
        for (let k = 0; k < 30; k++) {
          const offset = randInt(rand, expected.length);
          const length = randInt(rand, Math.min(2 * 1024 * 1024, expected.length - offset) + 1);
          const dst = Buffer.alloc(length);
          stream.read(offset, dst, length);
          assert.ok(dst.equals(expected.subarray(offset, offset + length)), `round ${round}, read ${length} at ${offset}`);
        }
      } finally {
        stream.close();
      }
    }
  });

  it('rejects offsets outside the stream', () => {
    const file = tempFile('short', 'abc');
    const stream = new SegmentStream(file);
    try {
      assert.throws(() => stream.read(2, Buffer.alloc(4), 4), { code: 'ERR_OUT_OF_RANGE' });
    } finally {
      stream.close();
    }
    assert.throws(() => new SegmentStream(file, [{ kind: 'file', start: 2, length: 5 }]), { code: 'ERR_OUT_OF_RANGE' });
    assert.ok(fs.existsSync(file));
  });
});
