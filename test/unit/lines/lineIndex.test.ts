import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { LineIndex } from '../../../src/lines';
import { CR_BREAK, detectLineBreak, LF_BREAK, type LineBreakKind } from '../../../src/lines/lineBreak';
import { naiveLines, randInt, random, tempFile, tempPath } from '../testUtil';

function randomText(rand: () => number, lines: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < lines; i++) {
    const len = rand() < 0.1 ? 0 : randInt(rand, rand() < 0.02 ? 5000 : 120);
    const line = Buffer.alloc(len);
    for (let j = 0; j < len; j++) line[j] = [0x61, 0x20, 0xc3, 0xff, 0x09, 0x00][randInt(rand, 6)];
    parts.push(line, Buffer.from(rand() < 0.3 ? '\r\n' : '\n'));
  }
  if (rand() < 0.5) parts.push(Buffer.from('no newline at the end'));
  return Buffer.concat(parts);
}

async function indexOf(file: string, every = 4, workers: 1 | 2 = 1, lineBreak: LineBreakKind = 'lf'): Promise<LineIndex> {
  const index = LineIndex.open(file, { every, workers, lineBreak });
  await index.whenComplete();
  return index;
}

function checkAgainstNaive(index: LineIndex, content: Buffer, rand: () => number): void {
  const expected = naiveLines(content, index.lineBreak.kind);
  assert.strictEqual(index.lineCount, expected.length, 'line count');
  const probes = new Set([0, expected.length - 1, ...Array.from({ length: 300 }, () => randInt(rand, expected.length))]);
  for (const n of probes) {
    if (n < 0) continue;
    const bounds = index.lineBounds(n);
    assert.strictEqual(bounds.start, expected[n].start, `start of line ${n}`);
    assert.strictEqual(bounds.end, expected[n].end, `end of line ${n}`);
    assert.strictEqual(index.offsetOfLine(n), expected[n].start);
    assert.strictEqual(index.lineOfOffset(expected[n].start), n, `line of offset ${expected[n].start}`);
    if (expected[n].end > expected[n].start) assert.strictEqual(index.lineOfOffset(expected[n].end - 1), n);
  }
}

describe('LineIndex', () => {
  it('matches a naive reference on random files (empty lines, CRLF, mixed, non-UTF-8, with and without final newline)', async () => {
    const rand = random(99);
    for (let round = 0; round < 12; round++) {
      const content = randomText(rand, 1 + randInt(rand, 3000));
      const index = await indexOf(tempFile(`r${round}.txt`, content), [1, 3, 4, 256][round % 4]);
      try {
        checkAgainstNaive(index, content, rand);
      } finally {
        index.dispose();
      }
    }
  });

  it('agrees with wc -l on a file ending in a newline, and counts a final unterminated line', async () => {
    const file = tempFile('wc.txt', 'a\nb\r\n\nc\n');
    const index = await indexOf(file);
    assert.strictEqual(index.lineCount, Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).split(' ')[0]));
    index.dispose();
    const open = await indexOf(tempFile('open.txt', 'a\nb'));
    assert.strictEqual(open.lineCount, 2);
    open.dispose();
  });

  it('an empty file has 0 lines; a lone newline has 1', async () => {
    const empty = await indexOf(tempFile('e.txt', ''));
    assert.strictEqual(empty.lineCount, 0);
    assert.throws(() => empty.offsetOfLine(0 + 1), RangeError);
    empty.dispose();
    const one = await indexOf(tempFile('n.txt', '\n'));
    assert.strictEqual(one.lineCount, 1);
    assert.deepStrictEqual(one.lineBounds(0), { start: 0, end: 0, next: 1 });
    one.dispose();
  });

  it('a 50 MB single line', async () => {
    const content = Buffer.concat([Buffer.from('first\n'), Buffer.alloc(50 * 1024 * 1024, 0x78), Buffer.from('\nlast')]);
    const index = await indexOf(tempFile('long.txt', content), 256);
    assert.strictEqual(index.lineCount, 3);
    assert.deepStrictEqual(index.lineBounds(1), { start: 6, end: 6 + 50 * 1024 * 1024, next: 7 + 50 * 1024 * 1024 });
    assert.strictEqual(index.lineOfOffset(30 * 1024 * 1024), 1);
    assert.strictEqual(index.read(index.offsetOfLine(2), 4).toString(), 'last');
    index.dispose();
  });

  it('two workers scanning halves give the same answers as one', async () => {
    const rand = random(5);
    const line = (i: number) => `line ${i} ${'x'.repeat(randInt(rand, 200))}${i % 7 === 0 ? '\r' : ''}\n`;
    const content = Buffer.from(Array.from({ length: 600_000 }, (_, i) => line(i)).join(''));
    assert.ok(content.length > 64 * 1024 * 1024, 'large enough to be split');
    const file = tempFile('big.txt', content);
    const index = await indexOf(file, 256, 2);
    try {
      checkAgainstNaive(index, content, rand);
    } finally {
      index.dispose();
    }
  });

  it('answers inside the indexed prefix while indexing, and waitForLine waits for later lines', async () => {
    const content = Buffer.from(Array.from({ length: 5_000_000 }, (_, i) => `#${i}\n`).join(''));
    const index = LineIndex.open(tempFile('grow.txt', content), { every: 64 });
    const seen: number[] = [];
    index.onProgress((p) => seen.push(p.indexedBytes));
    await index.waitForLine(10);
    assert.strictEqual(index.read(index.offsetOfLine(10), 3).toString(), '#10');
    await index.waitForLine(4_999_999);
    assert.strictEqual(index.read(index.offsetOfLine(4_999_999), 8).toString(), '#4999999');
    await index.whenComplete();
    assert.ok(seen.length >= 2, 'progress is reported in batches');
    assert.strictEqual(seen[seen.length - 1], content.length);
    index.dispose();
  });

  it('knows the first screen at once: the first MiB is indexed before open returns, a smaller file completely', () => {
    const big = Buffer.from(Array.from({ length: 500_000 }, (_, i) => `#${i}\n`).join(''));
    const index = LineIndex.open(tempFile('head.txt', big), { every: 64 });
    assert.ok(index.knownNewlines >= 100_000, `${index.knownNewlines} lines known at open`);
    assert.ok(!index.complete);
    assert.strictEqual(index.read(index.offsetOfLine(99_999), 6).toString(), '#99999');
    index.dispose();
    const small = LineIndex.open(tempFile('small.txt', big.subarray(0, 100_000)), { every: 64 });
    assert.ok(small.complete, 'a file under 1 MiB needs no worker');
    assert.strictEqual(small.lineCount, naiveLines(big.subarray(0, 100_000)).length);
    small.dispose();
  });

  it('deferWorkers: only the first MiB until startWorkers, then the whole file; a rescan meanwhile is held too', async () => {
    const content = Buffer.from(Array.from({ length: 400_000 }, (_, i) => `line ${i}\n`).join(''));
    const file = tempFile('deferred.txt', content);
    const index = LineIndex.open(file, { every: 64, deferWorkers: true });
    const head = index.progress.indexedBytes;
    assert.ok(head >= 1024 * 1024 - 64 && head < content.length, `head ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(index.progress.scannedBytes, head, 'no worker scanned before startWorkers');
    fs.truncateSync(file, content.length - 1000);
    assert.strictEqual(index.refresh(), 'shrunk');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(index.progress.scannedBytes, index.progress.indexedBytes, 'the rescan is held too');
    assert.ok(!index.complete);
    index.startWorkers();
    index.startWorkers();
    await index.whenComplete();
    assert.strictEqual(index.lineCount, naiveLines(content.subarray(0, content.length - 1000)).length);
    index.dispose();
  });

  it('stays small: 8 bytes per `every` lines', async () => {
    const content = Buffer.from('x\n'.repeat(1_000_000));
    const index = await indexOf(tempFile('m.txt', content), 256);
    assert.ok(index.memoryBytes <= 8 * 2 * (1_000_000 / 256) + 1024, `index holds ${index.memoryBytes} bytes`);
    index.dispose();
  });

  it('follows growth from where it stopped', async () => {
    const file = tempFile('log.txt', 'one\ntwo\n');
    const index = await indexOf(file);
    fs.appendFileSync(file, 'three\nfour');
    assert.strictEqual(index.refresh(), 'grown');
    await index.whenComplete();
    assert.strictEqual(index.lineCount, 4);
    assert.strictEqual(index.read(index.offsetOfLine(3), 4).toString(), 'four');
    fs.appendFileSync(file, ' more\nfive\n');
    assert.strictEqual(index.refresh(), 'grown');
    await index.whenComplete();
    assert.strictEqual(index.lineCount, 5);
    const b = index.lineBounds(3);
    assert.strictEqual(index.read(b.start, b.end - b.start).toString(), 'four more');
    assert.strictEqual(index.refresh(), 'unchanged');
    index.dispose();
  });

  it('resets when the file shrinks or is replaced, and says so', async () => {
    const file = tempFile('rot.txt', 'a\nb\nc\n');
    const index = await indexOf(file);
    const resets: string[] = [];
    index.onReset((r) => resets.push(r));
    fs.truncateSync(file, 2);
    assert.strictEqual(index.refresh(), 'shrunk');
    await index.whenComplete();
    assert.strictEqual(index.lineCount, 1);
    const replacement = tempPath('new.txt');
    fs.writeFileSync(replacement, 'x\ny\nz\nw\n');
    fs.renameSync(replacement, file);
    assert.strictEqual(index.refresh(), 'replaced');
    await index.whenComplete();
    assert.strictEqual(index.lineCount, 4);
    assert.deepStrictEqual(resets, ['shrunk', 'replaced']);
    index.dispose();
  });

  it('survives the file being truncated while it indexes (no crash, index restarts)', async () => {
    const content = Buffer.from('0123456789abcdef\n'.repeat(8_000_000));
    const file = tempFile('trunc.txt', content);
    const index = LineIndex.open(file, { every: 256 });
    const resets: string[] = [];
    index.onReset((r) => resets.push(r));
    await index.waitForLine(1000);
    fs.truncateSync(file, 17 * 10);
    await index.whenComplete();
    if (resets.length === 0) assert.strictEqual(index.refresh(), 'shrunk', 'the scan finished first: refresh notices');
    await index.whenComplete();
    assert.strictEqual(index.lineCount, 10);
    index.dispose();
  });

  it('dispose cancels indexing and rejects waiters', async () => {
    const file = tempFile('c.txt', Buffer.from('x\n'.repeat(20_000_000)));
    const index = LineIndex.open(file);
    const waiting = index.whenComplete();
    index.dispose();
    await assert.rejects(waiting, /disposed/);
    assert.strictEqual(index.complete, false);
  });

  it('reads lines ending in a lone CR when asked: \\n and the \\r of a \\r\\n stay text; a worker scans past the first MiB', async () => {
    const rand = random(7);
    for (const lines of [0, 1, 40, 3000, 30_000]) {
      const parts: Buffer[] = [];
      for (let i = 0; i < lines; i++) {
        const len = randInt(rand, rand() < 0.01 ? 2000 : 90);
        parts.push(Buffer.from(Array.from({ length: len }, () => [0x61, 0x20, 0x0a, 0xc3, 0xa9][randInt(rand, 5)])), Buffer.from(rand() < 0.2 ? '\n\r' : '\r'));
      }
      if (rand() < 0.5) parts.push(Buffer.from('last\nline'));
      const content = Buffer.concat(parts);
      const index = await indexOf(tempFile(`cr${lines}.txt`, content), 16, 1, 'cr');
      try {
        checkAgainstNaive(index, content, rand);
        assert.notStrictEqual(index.lineCount, naiveLines(content).length || -1, 'counted as LF lines');
      } finally {
        index.dispose();
      }
    }
  });

  it('restores a kept index only for the same line ends', async () => {
    const file = tempFile('restore-cr.txt', 'a\rb\nc\rd\n');
    const lf = await indexOf(file, 1);
    const snapshot = lf.snapshot()!;
    lf.dispose();
    assert.strictEqual(snapshot.lineBreak, 'lf');
    const cr = LineIndex.open(file, { every: 1, lineBreak: 'cr', restore: snapshot });
    await cr.whenComplete();
    assert.deepStrictEqual([cr.lineCount, cr.lineBounds(1)], [3, { start: 2, end: 5, next: 6 }]);
    cr.dispose();
  });

  it('detects lone CR line ends from a file\'s first bytes: a \\r and no \\n', () => {
    assert.strictEqual(detectLineBreak(Buffer.from('a\rb\r')), CR_BREAK);
    assert.strictEqual(detectLineBreak(Buffer.from('a\r\nb')), LF_BREAK);
    assert.strictEqual(detectLineBreak(Buffer.from('a\rb\nc')), LF_BREAK);
    assert.strictEqual(detectLineBreak(Buffer.from('one line')), LF_BREAK);
    assert.strictEqual(detectLineBreak(Buffer.alloc(0)), LF_BREAK);
  });

  it('refuses bad input clearly', async () => {
    assert.throws(() => LineIndex.open(tempPath('missing.txt')), { code: 'ENOENT' });
    const index = await indexOf(tempFile('x.txt', 'a\nb\n'));
    assert.throws(() => index.offsetOfLine(-1), RangeError);
    assert.throws(() => index.offsetOfLine(1.5), RangeError);
    assert.throws(() => index.offsetOfLine(2), RangeError);
    assert.throws(() => index.lineOfOffset(4), RangeError);
    index.dispose();
  });
});
