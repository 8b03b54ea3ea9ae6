import * as assert from 'assert';
import * as fs from 'fs';
import { journalPath, saveInPlace, Segment, SaveProgress, SavePlan } from '../../../src/edits/saveEngine';
import { random, randInt, tempFile } from '../testUtil';

/** The new content as the segments describe it, built naively in memory. */
function reference(old: Buffer, segments: Segment[]): Buffer {
  return Buffer.concat(segments.map((s) => (s.kind === 'original' ? old.subarray(s.offset, s.offset + s.length) : s.data)));
}

/** Applies `edits` random inserts, deletes and overwrites to a file of `size` bytes, as a piece list. */
function randomSegments(rand: () => number, size: number, edits: number): Segment[] {
  let segs: Segment[] = size > 0 ? [{ kind: 'original', offset: 0, length: size }] : [];
  const len = (s: Segment) => (s.kind === 'original' ? s.length : s.data.length);
  const total = () => segs.reduce((n, s) => n + len(s), 0);
  /** Index of the first segment starting at `pos`, splitting one if needed. */
  const split = (pos: number): number => {
    let at = 0;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (at === pos) return i;
      if (pos < at + len(s)) {
        const k = pos - at;
        const [a, b]: Segment[] = s.kind === 'original'
          ? [{ kind: 'original', offset: s.offset, length: k }, { kind: 'original', offset: s.offset + k, length: s.length - k }]
          : [{ kind: 'bytes', data: s.data.subarray(0, k) }, { kind: 'bytes', data: s.data.subarray(k) }];
        segs.splice(i, 1, a, b);
        return i + 1;
      }
      at += len(s);
    }
    return segs.length;
  };
  const newBytes = () => randomContent(rand, 1 + randInt(rand, rand() < 0.2 ? 3000 : 40));
  for (let e = 0; e < edits; e++) {
    const n = total();
    const pos = [0, n, randInt(rand, n + 1)][randInt(rand, 3)];
    const op = randInt(rand, 3);
    const cut = Math.min(n - pos, 1 + randInt(rand, rand() < 0.2 ? 5000 : 60));
    if (op !== 1 && cut > 0) {
      const from = split(pos);
      const to = split(pos + cut);
      segs.splice(from, to - from);
      if (op === 2) segs.splice(from, 0, { kind: 'bytes', data: randomContent(rand, cut) });
    } else {
      segs.splice(split(pos), 0, { kind: 'bytes', data: newBytes() });
    }
  }
  return segs;
}

function randomContent(rand: () => number, size: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = randInt(rand, 256);
  return buf;
}

function planFor(file: string, segments: Segment[]): SavePlan {
  const stat = fs.statSync(file);
  return { path: file, segments, originalSize: stat.size, originalMtimeMs: stat.mtimeMs };
}

async function saveAndCheck(file: string, segments: Segment[], options: Parameters<typeof saveInPlace>[1] = {}) {
  const old = fs.readFileSync(file);
  const expected = reference(old, segments);
  const result = await saveInPlace(planFor(file, segments), options);
  const actual = fs.readFileSync(file);
  assert.ok(actual.equals(expected), `content differs (got ${actual.length} bytes, expected ${expected.length})`);
  assert.strictEqual(result.newSize, expected.length);
  assert.ok(old.subarray(0, result.firstChangedOffset).equals(actual.subarray(0, result.firstChangedOffset)), 'bytes before firstChangedOffset changed');
  assert.strictEqual(fs.existsSync(journalPath(file)), false, 'journal left behind');
  return { old, expected, result };
}

describe('saveInPlace', () => {
  it('matches a naive in-memory reference on 150 random edit plans', async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = random(seed);
      const size = [0, 1, 4096, randInt(rand, 70_000)][randInt(rand, 4)];
      const file = tempFile(`r${seed}.bin`, randomContent(rand, size));
      const segments = randomSegments(rand, size, randInt(rand, 8));
      const chunkBytes = size < 5000 && rand() < 0.5 ? 1 + randInt(rand, 16) : [1021, 4096, 65_536][randInt(rand, 3)];
      try {
        await saveAndCheck(file, segments, { hooks: { chunkBytes, applyIn: 'inline' } });
      } catch (err) {
        (err as Error).message = `seed ${seed}: ${(err as Error).message}`;
        throw err;
      }
    }
  });

  it('handles the edges: insert at 0, append, empty result, empty original, no change', async () => {
    const text = (s: string): Segment => ({ kind: 'bytes', data: Buffer.from(s) });
    const file = tempFile('edge.txt', 'middle');
    await saveAndCheck(file, [text('>> '), { kind: 'original', offset: 0, length: 6 }]);
    await saveAndCheck(file, [{ kind: 'original', offset: 0, length: 9 }, text(' <<')]);
    await saveAndCheck(file, []);
    assert.strictEqual(fs.statSync(file).size, 0);
    await saveAndCheck(file, [text('from nothing')]);
    const { result } = await saveAndCheck(file, [{ kind: 'original', offset: 0, length: 12 }]);
    assert.deepStrictEqual([result.bytesWritten, result.journalBytes, result.firstChangedOffset], [0, 0, 12]);
  });

  it('a same-length edit journals and writes only the changed bytes', async () => {
    const file = tempFile('same.bin', Buffer.alloc(1 << 20, 0x61));
    const { result } = await saveAndCheck(file, [
      { kind: 'original', offset: 0, length: 500_000 }, { kind: 'bytes', data: Buffer.from('0123456789') },
      { kind: 'original', offset: 500_010, length: (1 << 20) - 500_010 },
    ]);
    assert.deepStrictEqual([result.bytesWritten, result.journalBytes, result.firstChangedOffset], [10, 10, 500_000]);
  });

  it('runs the apply phase in a worker thread with the same result', async () => {
    for (let seed = 500; seed < 504; seed++) {
      const rand = random(seed);
      const size = 200_000 + randInt(rand, 100_000);
      const file = tempFile(`w${seed}.bin`, randomContent(rand, size));
      await saveAndCheck(file, randomSegments(rand, size, 1 + randInt(rand, 6)), { hooks: { applyIn: 'worker', chunkBytes: 8192 } });
    }
  });

  for (const applyIn of ['inline', 'worker'] as const) it(`reports progress phase by phase, ending at each total (${applyIn})`, async () => {
    const file = tempFile('progress.bin', Buffer.alloc(100_000, 1));
    const seen: SaveProgress[] = [];
    await saveAndCheck(file, [{ kind: 'bytes', data: Buffer.from('head') }, { kind: 'original', offset: 0, length: 100_000 }], {
      onProgress: (p) => seen.push({ ...p }), hooks: { chunkBytes: 16_384, applyIn },
    });
    const phases = [...new Set(seen.map((p) => p.phase))];
    assert.deepStrictEqual(phases, ['journal', 'write', 'flush']);
    for (const phase of phases) {
      const ps = seen.filter((p) => p.phase === phase);
      assert.ok(ps.every((p, i) => i === 0 || p.done >= ps[i - 1].done), `${phase} progress goes back`);
      assert.strictEqual(ps[ps.length - 1].done, ps[ps.length - 1].total);
    }
    assert.strictEqual(seen.filter((p) => p.phase === 'journal').pop()!.total, 100_000);
    assert.strictEqual(seen.filter((p) => p.phase === 'write').pop()!.total, 100_004);
  });

  it('ignores a progress callback that throws', async () => {
    for (const applyIn of ['inline', 'worker'] as const) {
      const file = tempFile(`throwing-${applyIn}.bin`, Buffer.alloc(100_000, 1));
      await saveAndCheck(file, [{ kind: 'bytes', data: Buffer.from('x') }, { kind: 'original', offset: 0, length: 100_000 }], {
        onProgress: () => {
          throw new Error('broken progress bar');
        },
        hooks: { chunkBytes: 16_384, applyIn },
      });
    }
  });

  describe('abort and failure', () => {
    const insertAtStart = (size: number): Segment[] => [{ kind: 'bytes', data: Buffer.from('new') }, { kind: 'original', offset: 0, length: size }];

    async function expectUnchanged(file: string, run: () => Promise<unknown>, code: string): Promise<void> {
      const before = fs.readFileSync(file);
      await assert.rejects(run(), (err: Error & { code?: string }) => err.code === code || assert.fail(`${err.code}: ${err.message}`));
      assert.ok(fs.readFileSync(file).equals(before), 'file changed');
      assert.strictEqual(fs.existsSync(journalPath(file)), false, 'journal left behind');
    }

    it('an already aborted signal rejects without touching anything', async () => {
      const file = tempFile('a0.bin', Buffer.alloc(10_000, 2));
      await expectUnchanged(file, () => saveInPlace(planFor(file, insertAtStart(10_000)), { signal: AbortSignal.abort() }), 'ABORT_ERR');
    });

    for (const [phase, applyIn] of [['journal', 'inline'], ['write', 'inline'], ['write', 'worker']] as const) {
      it(`aborting during the ${phase} phase (${applyIn}) leaves the old content and no journal`, async () => {
        // The worker gets the stop request through a shared flag while it writes; it
        // pauses at its second chunk until then, so a busy machine cannot let it finish first.
        const size = 4_000_000;
        const file = tempFile('a1.bin', Buffer.alloc(size, 0x5a));
        const ac = new AbortController();
        const onProgress = (p: SaveProgress) => {
          if (p.phase === phase) ac.abort();
        };
        const fault = applyIn === 'worker' ? { step: 'write' as const, after: 2, action: 'pause' as const } : undefined;
        await expectUnchanged(file, () => saveInPlace(planFor(file, insertAtStart(size)), { signal: ac.signal, onProgress, hooks: { chunkBytes: 1024, applyIn, fault } }), 'ABORT_ERR');
      });
    }

    for (const step of ['journal', 'header', 'synced', 'grow', 'write', 'flush'] as const) {
      it(`a failure after step '${step}' rolls the file back`, async () => {
        const file = tempFile('f.bin', randomContent(random(8), 50_000));
        const hooks = { chunkBytes: 4096, fault: { step, after: 2 - Number(step !== 'journal' && step !== 'write'), action: 'throw' as const } };
        await expectUnchanged(file, () => saveInPlace(planFor(file, insertAtStart(50_000)), { hooks }), 'EINJECTED');
      });
    }

    for (const [name, same] of [['a same-length save', true], ['an insertion', false]] as const) {
      for (const applyIn of ['inline', 'worker'] as const) {
        it(`${name} (${applyIn}) refuses with ECHANGED, writing nothing, when a program appended after the journal was checked`, async () => {
          const old = randomContent(random(10), 50_000);
          const file = tempFile('grew.bin', old);
          const segments: Segment[] = same
            ? [{ kind: 'original', offset: 0, length: 100 }, { kind: 'bytes', data: Buffer.from('EDIT') }, { kind: 'original', offset: 104, length: 49_896 }]
            : insertAtStart(50_000);
          const line = Buffer.from('appended while saving\n');
          const hooks = { chunkBytes: 4096, applyIn, beforeApply: () => fs.appendFileSync(file, line) };
          await assert.rejects(saveInPlace(planFor(file, segments), { hooks }), (err: Error & { code?: string }) => {
            assert.strictEqual(err.code, 'ECHANGED', err.message);
            assert.match(err.message, /nothing was written/);
            return true;
          });
          assert.ok(fs.readFileSync(file).equals(Buffer.concat([old, line])), 'the file is not its old content plus the appended line');
          assert.strictEqual(fs.existsSync(journalPath(file)), false, 'journal left behind');
        });
      }
    }

    it('a failure in the worker rolls the file back too', async () => {
      const file = tempFile('fw.bin', randomContent(random(9), 50_000));
      const hooks = { chunkBytes: 4096, applyIn: 'worker' as const, fault: { step: 'write' as const, after: 3, action: 'throw' as const } };
      await expectUnchanged(file, () => saveInPlace(planFor(file, insertAtStart(50_000)), { hooks }), 'EINJECTED');
    });
  });
});
