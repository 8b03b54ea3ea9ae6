import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { DUMP_ROW_BYTES, formatDumpOffset, formatDumpRows, formatHex, HexSyntaxError, parseHexBytes } from '../../../src/hex/hexDump';
import { randInt, random, randomBytes, tempFile } from '../testUtil';

const hasHexdump = spawnSync('hexdump', ['-C'], { input: '' }).status === 0;

/** The dump read back the naive way: offset column and hex columns of every row. */
function readBack(dump: string): { offsets: number[]; bytes: Buffer; texts: string[] } {
  const offsets: number[] = [];
  const texts: string[] = [];
  const bytes: number[] = [];
  for (const line of dump.split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{8,}) {2}(.{23}) {2}(.{23}) {2}\|(.*)\|$/.exec(line);
    assert.ok(m, `row layout: ${JSON.stringify(line)}`);
    offsets.push(parseInt(m[1], 16));
    for (const h of `${m[2]} ${m[3]}`.trim().split(/ +/).filter(Boolean)) bytes.push(parseInt(h, 16));
    texts.push(m[4]);
  }
  return { offsets, bytes: Buffer.from(bytes), texts };
}

describe('hex/hexDump', () => {
  it('formats bytes as spaced lowercase hex pairs, like Buffer hex', () => {
    const rand = random(81);
    for (let n = 0; n < 300; n++) {
      const b = randomBytes(rand, n);
      assert.strictEqual(formatHex(b), (b.toString('hex').match(/../g) ?? []).join(' '));
    }
  });

  it('lays out dump rows that read back to the bytes, offsets and printable text', () => {
    const rand = random(82);
    for (let i = 0; i < 500; i++) {
      const b = randomBytes(rand, randInt(rand, 100));
      const offset = randInt(rand, 2) ? randInt(rand, 1000) : Math.floor(rand() * 2 ** 40);
      const back = readBack(formatDumpRows(b, offset));
      assert.deepStrictEqual(back.bytes, b);
      assert.deepStrictEqual(back.offsets, Array.from({ length: Math.ceil(b.length / 16) }, (_, r) => offset + r * DUMP_ROW_BYTES));
      const text = [...b].map((c) => (c >= 32 && c < 127 ? String.fromCharCode(c) : '.')).join('');
      assert.strictEqual(back.texts.join(''), text);
    }
  });

  it('prints exactly what `hexdump -C -v -s OFF -n LEN` prints', function () {
    if (!hasHexdump) this.skip();
    const rand = random(83);
    const data = randomBytes(rand, 5000);
    const file = tempFile('dump.bin', data);
    for (let i = 0; i < 40; i++) {
      const off = randInt(rand, data.length);
      const len = 1 + randInt(rand, i < 20 ? 40 : 600);
      const end = Math.min(data.length, off + len);
      const want = spawnSync('hexdump', ['-C', '-v', '-s', String(off), '-n', String(len), file], { encoding: 'utf8' }).stdout;
      assert.strictEqual(formatDumpRows(data.subarray(off, end), off) + `${formatDumpOffset(end)}\n`, want, `-s ${off} -n ${len}`);
    }
  });

  it('widens the offset column past 32 bits, as hexdump does', () => {
    assert.strictEqual(formatDumpOffset(0x1f), '0000001f');
    assert.strictEqual(formatDumpOffset(2 ** 32 + 0xabc), '100000abc');
    assert.strictEqual(formatDumpOffset(Number.MAX_SAFE_INTEGER), '1fffffffffffff');
  });

  it('parses hex text written in any of the accepted ways back to the bytes', () => {
    const rand = random(84);
    for (let i = 0; i < 1000; i++) {
      const b = randomBytes(rand, randInt(rand, 40));
      const pairs = (b.toString('hex').match(/../g) ?? []).map((p) => (randInt(rand, 2) ? p.toUpperCase() : p));
      let text = '';
      for (const p of pairs) {
        const sep = [' ', '', ', ', ',', '\n', '\t', '  '][randInt(rand, 7)];
        const pre = randInt(rand, 4) === 0 && (sep !== '' || text === '') ? ['0x', '0X'][randInt(rand, 2)] : '';
        text += (text === '' ? '' : sep) + pre + p;
      }
      if (randInt(rand, 3) === 0) text = ` ${text} \n`;
      assert.deepStrictEqual(Buffer.from(parseHexBytes(text)), b, JSON.stringify(text));
      assert.deepStrictEqual(Buffer.from(parseHexBytes(formatHex(b))), b);
    }
    assert.deepStrictEqual([...parseHexBytes('0xdeadBEEF')], [0xde, 0xad, 0xbe, 0xef]);
    assert.strictEqual(parseHexBytes('  ,\n').length, 0);
  });

  it('refuses odd digit counts and other characters with the position', () => {
    const cases: [string, number, RegExp][] = [
      ['abc', 0, /odd number of hex digits in "abc"/],
      ['de ad b', 6, /odd number/],
      ['de 0xa', 3, /odd number of hex digits in "0xa"/],
      ['de ag', 4, /"g" is not a hex digit/],
      ['de,0x', 3, /0x without digits/],
      ['de\\xad', 2, /"\\" is not a hex digit/],
      ['de;ad', 2, /";" is not a hex digit/],
      ['0xzz', 2, /"z" is not a hex digit/],
    ];
    for (const [text, position, message] of cases) {
      assert.throws(() => parseHexBytes(text), (err: unknown) => {
        assert.ok(err instanceof HexSyntaxError && err instanceof SyntaxError, String(err));
        assert.strictEqual(err.position, position, text);
        assert.match(err.message, message);
        assert.match(err.message, new RegExp(`at position ${position}`));
        return true;
      });
    }
  });
});
