import * as assert from 'assert';
import {
  NewlineScanner, checkpointsIn, countByte, createScanner, nthByte, simdAvailable,
} from '../../../src/lines/newlineScanner';
import { random as prng } from '../testUtil';

/** Random bytes where `byte` appears with probability `density` and never otherwise. */
function randomChunk(rand: () => number, length: number, byte: number, density: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    if (rand() < density) b[i] = byte;
    else {
      let v = Math.floor(rand() * 256);
      if (v === byte) v = (v + 1) & 255;
      b[i] = v;
    }
  }
  return b;
}

function naivePositions(b: Buffer, length: number, byte: number): number[] {
  const r: number[] = [];
  for (let i = 0; i < length; i++) if (b[i] === byte) r.push(i);
  return r;
}

function naiveCheckpoints(pos: number[], every: number, startIndex: number, base: number): number[] {
  return pos.filter((_, i) => (startIndex + i + 1) % every === 0).map((p) => base + p);
}

// Each scanner is run on plain Buffers (copied into wasm memory piece by piece) and on
// its own scanBuffer() (scanned in place), since those are different code paths.
type Place = (s: NewlineScanner, data: Buffer, length: number) => Buffer;
const places: Array<[string, Place]> = [
  ['plain Buffer', (_s, data) => data],
  ['scanBuffer', (s, data) => {
    const b = s.scanBuffer(data.length);
    data.copy(b);
    return b;
  }],
];

// Lengths around the kernel's 16/64-byte blocks, its 4032-byte flush, the 16 KiB
// checkpoint piece (every = 1) and the 64 KiB copy piece.
const LENGTHS = [0, 1, 2, 15, 16, 17, 63, 64, 65, 127, 129, 4031, 4032, 4033, 16383, 16385, 65535, 65536, 65537, 200_003];

const scanners: NewlineScanner[] = [createScanner(), createScanner({ simd: false })];

describe('newlineScanner', () => {
  it('uses WebAssembly SIMD on Node 20 and can be forced to JS', () => {
    assert.strictEqual(simdAvailable(), true);
    assert.strictEqual(scanners[0].kind, 'wasm-simd');
    assert.strictEqual(scanners[1].kind, 'js');
  });

  it('module-level functions use the default scanner', () => {
    const b = Buffer.from('a\nbb\n\nccc');
    assert.strictEqual(countByte(b, b.length), 3);
    assert.strictEqual(nthByte(b, b.length, 10, 2), 5);
  });

  it('checkpointsIn counts multiples of every past 2^32', () => {
    assert.strictEqual(checkpointsIn(0, 64, 64), 1);
    assert.strictEqual(checkpointsIn(63, 1, 64), 1);
    assert.strictEqual(checkpointsIn(64, 63, 64), 0);
    assert.strictEqual(checkpointsIn(2 ** 32 + 1, 10, 3), 4); // 2^32 + 1 ≡ 2 (mod 3)
  });

  for (const s of scanners) {
    for (const [where, place] of places) {
      describe(`${s.kind} on ${where}`, () => {
        it('matches a naive loop on random data', function () {
          this.timeout(30_000); // about 1 s alone; other test suites may share the 2 cores
          const rand = prng(0xC0FFEE);
          const out = new Float64Array(250_000);
          for (const length of LENGTHS) {
            for (const [byte, density] of [[10, 0.01], [10, 0.2], [0, 0.05], [13, 0.7], [255, 0.03]]) {
              const data = randomChunk(rand, length, byte, density);
              const chunk = place(s, data, length);
              const pos = naivePositions(data, length, byte);
              const what = `length ${length} byte ${byte} density ${density}`;
              assert.strictEqual(s.countByte(chunk, length, byte), pos.length, what);
              for (const n of [0, 1, pos.length >> 1, pos.length - 1, pos.length, pos.length + 1]) {
                if (n < 0) continue;
                assert.strictEqual(s.nthByte(chunk, length, byte, n), n < pos.length ? pos[n] : -1, `${what} n ${n}`);
              }
              for (const every of [1, 3, 64, 128]) {
                for (const startIndex of [0, 5, 2 ** 32 + 7, 2 ** 40 + 63]) {
                  const base = startIndex === 0 ? 0 : 2 ** 33 + 1;
                  const c = s.checkpoints(chunk, length, byte, every, startIndex, out, 2, base);
                  assert.strictEqual(c, pos.length, `${what} every ${every} start ${startIndex}`);
                  const want = naiveCheckpoints(pos, every, startIndex, base);
                  assert.strictEqual(checkpointsIn(startIndex, c, every), want.length);
                  for (let i = 0; i < want.length; i++) {
                    if (out[2 + i] !== want[i]) {
                      assert.fail(`${what} every ${every} start ${startIndex}: checkpoint ${i} at ${out[2 + i]}, want ${want[i]}`);
                    }
                  }
                }
              }
            }
          }
        });

        it('finds substring candidates with probe like a naive filter', () => {
          const rand = prng(0xBEEF);
          for (let round = 0; round < 300; round++) {
            const length = Math.floor(rand() * 700);
            const data = Buffer.alloc(length);
            for (let i = 0; i < length; i++) data[i] = 97 + Math.floor(rand() * 3); // 'a'..'c': many candidates
            const chunk = place(s, data, length);
            const probes = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({ offset: Math.floor(rand() * 70), byte: 97 + Math.floor(rand() * 3) }));
            const reach = Math.max(...probes.map((p) => p.offset));
            if (reach > length) continue;
            const to = Math.floor(rand() * (length - reach + 1));
            const from = Math.floor(rand() * (to + 1));
            const want: number[] = [];
            for (let i = from; i < to; i++) if (probes.every((p) => data[i + p.offset] === p.byte)) want.push(i);
            // A small output array: the caller goes on after the last candidate.
            const out = new Uint32Array(1 + Math.floor(rand() * 9));
            const got: number[] = [];
            for (let at = from; ; ) {
              const n = s.probe(chunk, at, to, probes, out);
              got.push(...out.subarray(0, n));
              if (n < out.length) break;
              at = out[n - 1] + 1;
            }
            assert.deepStrictEqual(got, want, `round ${round}: ${JSON.stringify(probes)} ${from}..${to} of ${length}`);
          }
          assert.throws(() => s.probe(place(s, Buffer.alloc(10), 10), 0, 8, [{ offset: 3, byte: 1 }], new Uint32Array(4)), RangeError);
          assert.throws(() => s.probe(place(s, Buffer.alloc(10), 10), 0, 5, [], new Uint32Array(4)), RangeError);
        });

        it('finds every occurrence with nthByte', () => {
          const data = randomChunk(prng(7), 5000, 10, 0.1);
          const chunk = place(s, data, data.length);
          const pos = naivePositions(data, data.length, 10);
          for (let n = 0; n < pos.length; n++) assert.strictEqual(s.nthByte(chunk, data.length, 10, n), pos[n]);
          assert.strictEqual(s.nthByte(chunk, data.length, 10, 2 ** 40), -1);
        });

        it('handles delimiters at the first and last byte, all and none', () => {
          for (const length of [1, 16, 64, 65, 1000, 70_001]) {
            const edges = Buffer.alloc(length, 0x61);
            edges[0] = 10;
            edges[length - 1] = 10;
            const chunk = place(s, edges, length);
            const k = length === 1 ? 1 : 2;
            assert.strictEqual(s.countByte(chunk, length), k);
            assert.strictEqual(s.nthByte(chunk, length, 10, 0), 0);
            assert.strictEqual(s.nthByte(chunk, length, 10, k - 1), length - 1);
            assert.strictEqual(s.nthByte(chunk, length, 10, k), -1);
            const out = new Float64Array(4);
            assert.strictEqual(s.checkpoints(chunk, length, 10, 1, 0, out), k);
            assert.deepStrictEqual(Array.from(out.subarray(0, k)), k === 1 ? [0] : [0, length - 1]);

            const all = place(s, Buffer.alloc(length, 13), length);
            assert.strictEqual(s.countByte(all, length, 13), length);
            assert.strictEqual(s.nthByte(all, length, 13, length - 1), length - 1);
            const marks = new Float64Array(length);
            // 255..257 put checkpoints on and around the kernel's 256-byte skip steps.
            for (const every of [3, 64, 255, 256, 257]) {
              assert.strictEqual(s.checkpoints(all, length, 13, every, 1, marks), length);
              const want = Array.from({ length: checkpointsIn(1, length, every) }, (_, i) => every - 2 + every * i);
              assert.deepStrictEqual(Array.from(marks.subarray(0, want.length)), want, `every ${every}`);
            }

            const none = place(s, Buffer.alloc(length, 0), length);
            assert.strictEqual(s.countByte(none, length), 0);
            assert.strictEqual(s.nthByte(none, length, 10, 0), -1);
            assert.strictEqual(s.checkpoints(none, length, 10, 1, 0, out), 0);
          }
        });

        it('ignores bytes past length', () => {
          // The SIMD kernel loads whole 64-byte blocks; what follows `length` must not count.
          for (const length of [0, 1, 31, 64, 100]) {
            const chunk = place(s, Buffer.alloc(length + 200, 10), length + 200);
            const out = new Float64Array(400);
            assert.strictEqual(s.countByte(chunk, length), length);
            assert.strictEqual(s.nthByte(chunk, length, 10, length), -1);
            assert.strictEqual(s.checkpoints(chunk, length, 10, 1, 0, out), length);
          }
        });

        it('scans unaligned views', () => {
          const data = randomChunk(prng(3), 3000, 10, 0.05);
          const chunk = place(s, data, data.length);
          for (const skip of [1, 3, 17, 63]) {
            const view = chunk.subarray(skip);
            const pos = naivePositions(data.subarray(skip), view.length, 10);
            assert.strictEqual(s.countByte(view, view.length), pos.length);
            assert.strictEqual(s.nthByte(view, view.length, 10, 5), pos[5]);
          }
        });

        it('rejects bad arguments and a full output array', () => {
          const chunk = place(s, Buffer.alloc(100, 10), 100);
          assert.throws(() => s.countByte(chunk, 101), RangeError);
          assert.throws(() => s.countByte(chunk, -1), RangeError);
          assert.throws(() => s.countByte(chunk, 10, 256), RangeError);
          assert.throws(() => s.nthByte(chunk, 10, 10, -1), RangeError);
          assert.throws(() => s.checkpoints(chunk, 100, 10, 0, 0, new Float64Array(100)), RangeError);
          assert.throws(() => s.checkpoints(chunk, 100, 10, 1, -1, new Float64Array(100)), RangeError);
          assert.throws(() => s.checkpoints(chunk, 100, 10, 1, 0, new Float64Array(99)), RangeError);
          assert.throws(() => s.checkpoints(chunk, 100, 10, 1, 0, new Float64Array(100), 101), RangeError);
        });
      });
    }
  }

  it('scanBuffer growth leaves earlier buffers empty, not aliased to moved memory', () => {
    const s = createScanner();
    const small = s.scanBuffer(16);
    small.fill(10);
    const big = s.scanBuffer(4 << 20);
    assert.strictEqual(big.length, 4 << 20);
    assert.strictEqual(small.length, 0);
    assert.throws(() => s.countByte(small, 16), RangeError);
    big.fill(10);
    assert.strictEqual(s.countByte(big, big.length), 4 << 20);
    assert.strictEqual(s.scanBuffer(1000).buffer, big.buffer); // no growth, same memory
  });
});
