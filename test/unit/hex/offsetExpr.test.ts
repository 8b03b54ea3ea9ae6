import * as assert from 'assert';
import { parseOffset } from '../../../src/hex/offsetExpr';
import { random, randInt } from '../testUtil';

describe('parseOffset', () => {
  it('reads decimal, hex and relative offsets, checked against the obvious arithmetic', () => {
    const rand = random(11);
    for (let n = 0; n < 500; n++) {
      const size = randInt(rand, 2 ** 40);
      const current = randInt(rand, size + 1);
      const target = randInt(rand, size + 1);
      assert.strictEqual(parseOffset(String(target), current, size), target);
      assert.strictEqual(parseOffset(`0x${target.toString(16)}`, current, size), target);
      assert.strictEqual(parseOffset(` 0X${target.toString(16).toUpperCase()} `, current, size), target);
      assert.strictEqual(parseOffset(target.toLocaleString('en-US'), current, size), target);
      const delta = target - current;
      assert.strictEqual(parseOffset(delta >= 0 ? `+${delta}` : `-${-delta}`, current, size), target);
      assert.strictEqual(parseOffset(delta >= 0 ? `+0x${delta.toString(16)}` : `-0x${(-delta).toString(16)}`, current, size), target);
    }
  });

  it('accepts the end of the file (the caret after the last byte) and offsets past 4 GiB', () => {
    assert.strictEqual(parseOffset('100', 0, 100), 100);
    assert.strictEqual(parseOffset('0x2_0000_0000', 0, 10 * 2 ** 30), 2 ** 33);
  });

  it('says what is wrong: not an offset, before the start, past the end', () => {
    for (const bad of ['', 'abc', '0x', '12ab', '+', '1.5', '--3', '0x_1', '1,']) {
      assert.throws(() => parseOffset(bad, 0, 1000), SyntaxError, bad);
    }
    assert.throws(() => parseOffset('-11', 10, 1000), (e: Error) => e instanceof RangeError && /before the start/.test(e.message));
    assert.throws(() => parseOffset('1001', 0, 1000), (e: Error) => e instanceof RangeError && /past the end .*1000 bytes/.test(e.message));
    assert.throws(() => parseOffset('0xffffffffffffffff', 0, 1000), RangeError);
  });
});
