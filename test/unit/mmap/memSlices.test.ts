import * as assert from 'assert';
import { lineBuffers, lines, memSlices, open } from '../../../src/mmap';
import { randInt, random, tempFile } from '../testUtil';

const MiB = 1024 * 1024;

/** The records memSlices must yield, computed the obvious way on an in-memory copy. */
function naiveRecords(buf: Buffer, delim: number, eat: number): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== delim) continue;
    let end = i;
    if (eat !== 0 && end > start && buf[end - 1] === eat) end--;
    out.push(buf.subarray(start, end));
    start = i + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

function randomContent(rand: () => number, size: number, alphabet: number[]): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = alphabet[randInt(rand, alphabet.length)];
  return buf;
}

function check(content: Buffer, delim: number, eat: number): void {
  const f = open(tempFile('c.bin', content));
  try {
    const expected = naiveRecords(content, delim, eat);
    const slices = [...memSlices(f, delim, eat)];
    assert.strictEqual(slices.length, expected.length, 'record count');
    slices.forEach((s, i) => assert.ok(s.bytes().equals(expected[i]), `record ${i}`));
    assert.deepStrictEqual([...lines(f, delim, eat)], expected.map((b) => b.toString('utf8')));
    const viaBuffers: Buffer[] = [];
    for (const view of lineBuffers(f, Buffer.alloc(4), delim, eat)) viaBuffers.push(Buffer.from(view));
    assert.deepStrictEqual(viaBuffers, expected);
  } finally {
    f.close();
  }
}

describe('memSlices, lines, lineBuffers', () => {
  it('LF, CRLF, mixed endings, empty lines and a final unterminated line', () => {
    const f = open(tempFile('t.txt', 'one\r\ntwo\n\nthree\r\n\r\nfour'));
    assert.deepStrictEqual([...lines(f)], ['one', 'two', '', 'three', '', 'four']);
    const sizes = [...memSlices(f)].map((s) => s.size);
    assert.deepStrictEqual(sizes, [3, 3, 0, 5, 0, 4]);
    f.close();
  });

  it('a file ending in a newline has no extra empty record (agrees with wc -l)', () => {
    const f = open(tempFile('t.txt', 'a\nb\n'));
    assert.deepStrictEqual([...lines(f)], ['a', 'b']);
    f.close();
  });

  it('like Nim, does not eat a \\r that ends the final unterminated record', () => {
    const f = open(tempFile('t.txt', 'a\r\nb\r'));
    assert.deepStrictEqual([...lines(f)], ['a', 'b\r']);
    f.close();
  });

  it('an empty file yields nothing', () => {
    const f = open(tempFile('e.txt', ''));
    assert.deepStrictEqual([...memSlices(f)], []);
    assert.deepStrictEqual([...lines(f)], []);
    f.close();
  });

  it("CR-only files with delim '\\r', eat '\\0'", () => {
    const f = open(tempFile('mac.txt', 'old\rmac\r\rfile'));
    assert.deepStrictEqual([...lines(f, '\r', '\0')], ['old', 'mac', '', 'file']);
    f.close();
  });

  it('NUL-separated records, delimiters given as bytes', () => {
    const f = open(tempFile('z.bin', 'a/b\0c d\0\0e\0'));
    assert.deepStrictEqual([...lines(f, 0, 0)], ['a/b', 'c d', '', 'e']);
    f.close();
  });

  it('eat = \\0 keeps the \\r', () => {
    const f = open(tempFile('t.txt', 'a\r\nb\r\n'));
    assert.deepStrictEqual([...lines(f, '\n', '\0')], ['a\r', 'b\r']);
    f.close();
  });

  it('refuses delimiters that are not one byte', () => {
    const f = open(tempFile('t.txt', 'a'));
    assert.throws(() => [...memSlices(f, 'ab')], /delim must be one byte/);
    assert.throws(() => [...memSlices(f, '\n', 300)], /eat must be one byte/);
    f.close();
  });

  it('matches a naive reference on random small files', () => {
    const rand = random(42);
    for (let round = 0; round < 200; round++) {
      const content = randomContent(rand, randInt(rand, 300), [10, 13, 0, 0x61, 0x62, 0xc3, 0xa9, 0xff]);
      check(content, 10, 13);
      check(content, 0, 0);
      check(content, 13, 0);
    }
  });

  it('matches the reference across 1 MiB scan chunks (records spanning chunks, \\r\\n split by a boundary)', () => {
    const rand = random(7);
    const content = randomContent(rand, 3 * MiB + 123, [0x61, 0x62, 0x63, 0x64, 0x20, 0x31]);
    for (let i = 0; i < 2000; i++) content[randInt(rand, content.length)] = 10;
    content[MiB - 1] = 13;
    content[MiB] = 10;
    content[2 * MiB - 1] = 10;
    content[2 * MiB] = 13;
    content[2 * MiB + 1] = 10;
    check(content, 10, 13);
  });

  it('a record longer than a scan chunk', () => {
    const content = Buffer.concat([Buffer.from('head\n'), Buffer.alloc(2 * MiB + 5, 0x78), Buffer.from('\r\ntail')]);
    check(content, 10, 13);
  });

  it('MemSlice equals compares bytes; toString decodes UTF-8 with replacement characters', () => {
    const f = open(tempFile('eq.txt', 'same\nsame\nSame\nsam\ncaf\u00e9\n'));
    const s = [...memSlices(f)];
    assert.ok(s[0].equals(s[1]));
    assert.ok(!s[0].equals(s[2]));
    assert.ok(!s[0].equals(s[3]));
    assert.strictEqual(s[4].toString(), 'café');
    f.close();
    const bad = open(tempFile('bad.bin', Buffer.from([0x61, 0xff, 0x62, 10])));
    assert.strictEqual([...memSlices(bad)][0].toString(), 'a\ufffdb');
    bad.close();
  });

  it('MemSlice equals works on records longer than its compare buffer', () => {
    const big = Buffer.alloc(200 * 1024, 0x41);
    const other = Buffer.from(big);
    other[150 * 1024] = 0x42;
    const f = open(tempFile('big.txt', Buffer.concat([big, Buffer.from('\n'), big, Buffer.from('\n'), other])));
    const [a, b, c] = [...memSlices(f)];
    assert.ok(a.equals(b));
    assert.ok(!a.equals(c));
    f.close();
  });
});
