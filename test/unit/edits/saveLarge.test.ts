import * as assert from 'assert';
import * as fs from 'fs';
import { journalPath, saveInPlace, Segment } from '../../../src/edits/saveEngine';
import { random, randInt, tempPath } from '../testUtil';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A sparse file of `size` bytes with random bytes written in [from, from + length). */
function sparseWithData(size: number, from: number, length: number): { file: string; data: Buffer } {
  const file = tempPath('sparse.bin');
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
  const rand = random(size % 9973);
  const data = Buffer.from(Array.from({ length }, () => randInt(rand, 256)));
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, data, 0, length, from);
  fs.closeSync(fd);
  return { file, data };
}

function readAt(file: string, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, buf, 0, length, offset);
  fs.closeSync(fd);
  return buf;
}

const orig = (offset: number, length: number): Segment => ({ kind: 'original', offset, length });
const bytes = (text: string): Segment => ({ kind: 'bytes', data: Buffer.from(text) });

describe('saveInPlace past 4 GiB (sparse files)', () => {
  it('same-length edits above 4 GiB cost only the edit', async () => {
    const size = 5 * GiB;
    const from = 4 * GiB + 10;
    const { file, data } = sparseWithData(size, from, MiB);
    const at = [4 * GiB + 100, 4 * GiB + 200_000, size - 5];
    const segments = [orig(0, at[0]), bytes('AAAAA'), orig(at[0] + 5, at[1] - at[0] - 5), bytes('BBBBB'), orig(at[1] + 5, at[2] - at[1] - 5), bytes('CCCCC')];
    const result = await saveInPlace({ path: file, segments, originalSize: size });
    assert.deepStrictEqual([result.newSize, result.bytesWritten, result.journalBytes, result.firstChangedOffset], [size, 15, 15, at[0]]);
    const expected = Buffer.from(data);
    expected.write('AAAAA', at[0] - from);
    expected.write('BBBBB', at[1] - from);
    assert.ok(readAt(file, from, MiB).equals(expected));
    assert.strictEqual(readAt(file, size - 5, 5).toString(), 'CCCCC');
    assert.strictEqual(fs.statSync(file).size, size);
  });

  it('an insertion shifts bytes across the 4 GiB boundary', async () => {
    const size = 4 * GiB + 2 * MiB;
    const from = 4 * GiB - MiB;
    const { file, data } = sparseWithData(size, from, size - from);
    const at = from + 12_345;
    const result = await saveInPlace({ path: file, segments: [orig(0, at), bytes('<inserted>'), orig(at, size - at)], originalSize: size });
    assert.deepStrictEqual([result.newSize, result.firstChangedOffset, result.journalBytes], [size + 10, at, size - at]);
    const expected = Buffer.concat([data.subarray(0, at - from), Buffer.from('<inserted>'), data.subarray(at - from)]);
    assert.ok(readAt(file, from, size + 10 - from).equals(expected));
    assert.strictEqual(fs.statSync(file).size, size + 10);
    assert.strictEqual(fs.existsSync(journalPath(file)), false);
  });

  it('a deletion near the end of a 5 GiB file', async () => {
    const size = 5 * GiB;
    const from = size - 2 * MiB;
    const { file, data } = sparseWithData(size, from, 2 * MiB);
    const at = size - MiB;
    const result = await saveInPlace({ path: file, segments: [orig(0, at), orig(at + 100, size - at - 100)], originalSize: size });
    assert.strictEqual(result.newSize, size - 100);
    const expected = Buffer.concat([data.subarray(0, at - from), data.subarray(at + 100 - from)]);
    assert.ok(readAt(file, from, 2 * MiB - 100).equals(expected));
    assert.strictEqual(fs.statSync(file).size, size - 100);
  });

  it('rolls back an overwrite and a truncation above 4 GiB when the save fails after writing', async () => {
    const size = 5 * GiB;
    const from = 4 * GiB + 4 * MiB;
    const { file, data } = sparseWithData(size, from, MiB);
    const at = from + 1000;
    const segments = [orig(0, at), bytes('#'.repeat(5000)), orig(at + 5000, size - at - 5000 - 100)];
    await assert.rejects(saveInPlace({ path: file, segments, originalSize: size }, { hooks: { fault: { step: 'flush', after: 1, action: 'throw' } } }), /rolled back/);
    assert.ok(readAt(file, from, MiB).equals(data));
    assert.strictEqual(fs.statSync(file).size, size);
  });
});
