// The line index kept between sessions: given back for the same file at once (no scan),
// for a log that only grew with just its tail to index, and never for a file that
// changed otherwise.
import * as assert from 'assert';
import * as fs from 'fs';
import { IndexCache } from '../../../src/editor/indexCache';
import { LineIndex } from '../../../src/lines';
import { randInt, random, tempDir, tempFile } from '../testUtil';

const EVERY = 4;

function logText(seed: number, lines: number): string {
  const rand = random(seed);
  return Array.from({ length: lines }, (_, i) => `line ${i} ${'x'.repeat(randInt(rand, 60))}`).join('\n') + '\n';
}

async function indexed(file: string): Promise<LineIndex> {
  const index = LineIndex.open(file, { every: EVERY });
  await index.whenComplete();
  return index;
}

/** Opens `file` as the editor does: its first MiB scanned at once, the rest by workers only once started. */
function opened(file: string, restore?: ReturnType<IndexCache['load']>): LineIndex {
  return LineIndex.open(file, { every: EVERY, restore, deferWorkers: true });
}

function assertSameLines(got: LineIndex, want: LineIndex, what: string): void {
  assert.strictEqual(got.lineCount, want.lineCount, `${what}: line count`);
  const rand = random(7);
  for (let k = 0; k < 300; k++) {
    const n = randInt(rand, want.lineCount!);
    assert.deepStrictEqual(got.lineBounds(n), want.lineBounds(n), `${what}: line ${n}`);
  }
  assert.strictEqual(got.lineOfOffset(got.fileSize - 1), want.lineOfOffset(want.fileSize - 1));
}

describe('the line index kept between sessions', () => {
  it('is given back for the same file, complete at once, with the lines a fresh index finds', async () => {
    const file = tempFile('app.log', logText(1, 60_000));
    const cache = new IndexCache(tempDir());
    const first = await indexed(file);
    await cache.save(file, first.snapshot()!);
    const snapshot = cache.load(file);
    assert.ok(snapshot, 'kept');
    const fresh = opened(file);
    assert.ok(!fresh.complete, 'a file over a MiB is not indexed at once without its index kept');
    fresh.dispose();
    const restored = opened(file, snapshot);
    assert.ok(restored.complete, 'complete without scanning');
    assertSameLines(restored, first, 'restored');
    assert.ok(fs.statSync(cache['entryOf'](file)).size < 60_000 / EVERY * 8 + 2000, '8 bytes a checkpoint, and a header');
    first.dispose();
    restored.dispose();
  });

  it('for a log that only grew, indexes just the new tail', async () => {
    const file = tempFile('grow.log', logText(2, 30_000));
    const cache = new IndexCache(tempDir());
    const first = await indexed(file);
    await cache.save(file, first.snapshot()!);
    first.dispose();
    fs.appendFileSync(file, `${logText(3, 40_000)}last line without newline`);
    const snapshot = cache.load(file);
    assert.ok(snapshot, 'a grown log keeps its index');
    const restored = opened(file, snapshot);
    assert.ok(!restored.complete, 'the tail (over a MiB) is still to index');
    assert.ok(restored.knownNewlines >= 30_000, 'the old lines are known at once');
    restored.startWorkers();
    await restored.whenComplete();
    const fresh = await indexed(file);
    assertSameLines(restored, fresh, 'grown');
    restored.dispose();
    fresh.dispose();
  });

  it('is never trusted for a file rewritten, replaced, shrunk, or a damaged entry', async () => {
    const cache = new IndexCache(tempDir());
    const keep = async (file: string) => {
      const index = await indexed(file);
      await cache.save(file, index.snapshot()!);
      index.dispose();
      assert.ok(fs.existsSync(cache['entryOf'](file)));
    };
    const rewritten = tempFile('rewritten.log', logText(4, 2000));
    await keep(rewritten);
    const bytes = fs.readFileSync(rewritten);
    bytes[0] = 'L'.charCodeAt(0);
    fs.writeFileSync(rewritten, bytes);
    assert.strictEqual(cache.load(rewritten), undefined, 'same size, new bytes');
    assert.ok(!fs.existsSync(cache['entryOf'](rewritten)), 'its entry is deleted');

    const replaced = tempFile('replaced.log', logText(5, 2000));
    await keep(replaced);
    fs.renameSync(replaced, `${replaced}.1`);
    fs.copyFileSync(`${replaced}.1`, replaced);
    assert.strictEqual(cache.load(replaced), undefined, 'another file (inode) at the path');

    const shrunk = tempFile('shrunk.log', logText(6, 2000));
    await keep(shrunk);
    fs.truncateSync(shrunk, 1000);
    assert.strictEqual(cache.load(shrunk), undefined, 'shrunk');

    const damaged = tempFile('damaged.log', logText(7, 2000));
    await keep(damaged);
    const entry = cache['entryOf'](damaged);
    fs.truncateSync(entry, fs.statSync(entry).size - 8);
    assert.strictEqual(cache.load(damaged), undefined, 'a checkpoint missing');
  });

  it('follows an index: kept once it completes', async () => {
    const file = tempFile('followed.log', logText(8, 4000));
    const cache = new IndexCache(tempDir());
    const index = LineIndex.open(file, { every: EVERY });
    const stop = cache.follow(file, index, false);
    await index.whenComplete();
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    const snapshot = cache.load(file);
    assert.ok(snapshot);
    assert.strictEqual(snapshot.size, fs.statSync(file).size);
    index.dispose();
  });
});
