import * as assert from 'assert';
import { createScanner } from '../../../src/lines/newlineScanner';
import { BytePattern } from '../../../src/search/bytePattern';
import { random, randInt } from '../testUtil';

function naive(buf: Buffer, pattern: (number | null)[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (pattern.every((b, k) => b === null || buf[i + k] === b)) out.push(i);
  return out;
}

describe('BytePattern', () => {
  for (const simd of [true, false]) {
    it(`finds every position of random patterns over successive windows (${simd ? 'SIMD probes' : 'JS scanner'})`, () => {
      const scanner = createScanner({ simd });
      const window = scanner.scanBuffer(4096);
      for (let seed = 1; seed <= 300; seed++) {
        const rand = random(seed);
        const pattern = Array.from({ length: 1 + randInt(rand, 8) }, () => (rand() < 0.2 ? null : 97 + randInt(rand, 3)));
        if (!pattern.some((b) => b !== null)) pattern[0] = 97;
        const bytes = new BytePattern(pattern, scanner);
        // Several windows with the same BytePattern, as a search uses it (probes picked on the first).
        for (let w = 0; w < 4; w++) {
          const length = randInt(rand, 4096);
          for (let i = 0; i < length; i++) window[i] = 97 + randInt(rand, seed % 2 ? 3 : 26);
          const buf = window.subarray(0, length);
          const to = Math.max(0, length - pattern.length + 1);
          const from = randInt(rand, to + 1);
          const got: number[] = [];
          bytes.forEach(buf, from, to, (i) => (got.push(i), i + 1));
          assert.deepStrictEqual(got, naive(buf, pattern, from, to), `seed ${seed} window ${w}: ${JSON.stringify(pattern)}`);
        }
      }
    });
  }

  it('switches to indexOf when the probes pass too many positions, with the same results', () => {
    const scanner = createScanner();
    const buf = scanner.scanBuffer(1 << 20);
    const rand = random(99);
    for (let i = 0; i < buf.length; i++) buf[i] = 97 + randInt(rand, 2);
    const pattern = [97, 98, null, 97];
    const bytes = new BytePattern(pattern, scanner);
    for (let round = 0; round < 3; round++) {
      const got: number[] = [];
      bytes.forEach(buf, 0, buf.length - 3, (i) => (got.push(i), i + 1));
      assert.deepStrictEqual(got, naive(buf, pattern, 0, buf.length - 3), `round ${round}`);
    }
    // Non-overlapping use: visit says where to go on.
    const got: number[] = [];
    bytes.forEach(buf, 0, buf.length - 3, (i) => (got.push(i), i + 4));
    const want: number[] = [];
    for (const i of naive(buf, pattern, 0, buf.length - 3)) if (want.length === 0 || i >= want[want.length - 1] + 4) want.push(i);
    assert.deepStrictEqual(got, want);
  });
});
