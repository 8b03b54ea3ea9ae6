import * as assert from 'assert';
import { Utf8Cursor } from '../../../src/search/utf8Cursor';
import { random, randInt } from '../testUtil';

/** Random bytes rich in UTF-8 lead and continuation bytes, valid and broken sequences. */
function randomBytes(rand: () => number, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    out[i] = r < 0.3 ? 0x80 + randInt(rand, 64) : r < 0.55 ? 0xc0 + randInt(rand, 64) : r < 0.6 ? 0xed : randInt(rand, 256);
  }
  return out;
}

describe('Utf8Cursor', () => {
  it('maps string indices to the bytes Buffer#toString decoded them from', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = random(seed);
      const buf = Buffer.concat([randomBytes(rand, randInt(rand, 12)), Buffer.from('é😀a'), randomBytes(rand, randInt(rand, 12))]);
      const text = buf.toString('utf8');
      // A byte offset b is a character boundary when decoding [0, b) and [b, end) apart gives the same text.
      const boundaries: [number, number][] = [];
      for (let b = 0; b <= buf.length; b++) {
        const head = buf.subarray(0, b).toString('utf8');
        if (head + buf.subarray(b).toString('utf8') === text && (boundaries.length === 0 || boundaries[boundaries.length - 1][1] !== head.length)) {
          boundaries.push([b, head.length]);
        }
      }
      const forward = new Utf8Cursor(buf, 0, buf.length);
      for (const [byte, unit] of boundaries) assert.strictEqual(forward.byteAt(unit), byte, `seed ${seed} unit ${unit}`);
      const back = new Utf8Cursor(buf, 0, buf.length);
      for (const [byte, unit] of boundaries) assert.strictEqual(back.unitAt(byte), unit, `seed ${seed} byte ${byte}`);
      assert.strictEqual(new Utf8Cursor(buf, 0, buf.length).unitAt(buf.length), text.length, `seed ${seed}`);
    }
  });

  it('rounds a byte inside a character up to the next character and can go back to a known position', () => {
    const buf = Buffer.from('a😀b');
    const c = new Utf8Cursor(buf, 0, buf.length);
    assert.strictEqual(c.unitAt(2), 3); // inside the 4-byte emoji: after its surrogate pair
    c.moveTo(1, 1);
    assert.strictEqual(c.byteAt(3), 5);
    assert.strictEqual(c.byteAt(4), 6);
  });
});
