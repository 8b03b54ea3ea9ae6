import * as assert from 'assert';
import { parseOffset, parseUnsigned } from '../../../src/hex/offsetExpr';
import { randInt, random } from '../testUtil';

/** A random way of writing `n`: decimal, 0x hex (either case), or the h suffix. */
function spell(n: number, rand: () => number): string {
  const hex = n.toString(16);
  switch (randInt(rand, 5)) {
    case 0: return String(n);
    case 1: return `0x${hex}`;
    case 2: return `0X${hex.toUpperCase()}`;
    case 3: return `${hex.toUpperCase()}h`;
    default: return ` ${n}\t`;
  }
}

describe('hex/offsetExpr', () => {
  it('reads absolute offsets in every notation, up to and including the size', () => {
    const rand = random(61);
    for (let i = 0; i < 2000; i++) {
      const size = randInt(rand, 2) === 0 ? randInt(rand, 5000) : Math.floor(rand() * Number.MAX_SAFE_INTEGER);
      const n = randInt(rand, 4) === 0 ? size : Math.floor(rand() * (size + 1));
      const text = spell(n, rand);
      assert.strictEqual(parseOffset(text, randInt(rand, size + 1), size), n, text);
    }
  });

  it('moves relative to the current offset with +N and -N, within 0..size', () => {
    const rand = random(62);
    for (let i = 0; i < 2000; i++) {
      const size = randInt(rand, 1e6);
      const current = randInt(rand, size + 1);
      const target = randInt(rand, size + 1);
      const delta = target - current;
      const text = `${delta < 0 ? '-' : '+'}${randInt(rand, 2) ? ' ' : ''}${spell(Math.abs(delta), rand).trim()}`;
      assert.strictEqual(parseOffset(text, current, size), target, `${text} from ${current}`);
    }
  });

  it('is exact up to 2^53 - 1 and refuses what a JS number cannot hold', () => {
    const max = Number.MAX_SAFE_INTEGER;
    assert.strictEqual(parseOffset('0x1fffffffffffff', 0, max), max);
    assert.strictEqual(parseOffset(String(max), 0, max), max);
    assert.strictEqual(parseOffset('0x100000001', 0, max), 2 ** 32 + 1);
    assert.throws(() => parseOffset('0x20000000000000', 0, max), RangeError);
    assert.throws(() => parseOffset('9007199254740992', 0, max), RangeError);
    assert.throws(() => parseUnsigned('99999999999999999999', 'LEN'), /LEN .* too large/);
  });

  it('refuses offsets before the start or past the end with RangeError', () => {
    assert.throws(() => parseOffset('-1', 0, 100), { name: 'RangeError', message: /before the start/ });
    assert.throws(() => parseOffset('-0x11', 0x10, 100), RangeError);
    assert.throws(() => parseOffset('101', 0, 100), { name: 'RangeError', message: /past the end of the file \(100 bytes\)/ });
    assert.throws(() => parseOffset('+2', 99, 100), RangeError);
    assert.throws(() => parseOffset('1', 0, 0), RangeError);
    assert.strictEqual(parseOffset('0', 0, 0), 0);
  });

  it('refuses anything that is not an offset with SyntaxError', () => {
    for (const text of ['', '  ', 'abc', '0x', '0xg1', '12abc', '1.5', '1e3', '--1', '+-1', '0b101', 'h', '12 34', '٣', '0x-1']) {
      assert.throws(() => parseOffset(text, 0, 1e6), { name: 'SyntaxError', message: /is not an offset: use decimal/ }, JSON.stringify(text));
    }
  });
});
