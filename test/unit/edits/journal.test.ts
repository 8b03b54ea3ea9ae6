import * as assert from 'assert';
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { faultInjector } from '../../../src/edits/faults';
import { journalPath, writeJournal } from '../../../src/edits/journal';
import { decodeRecord, encodeRecord, HEADER_AT, JournalRecord } from '../../../src/edits/journalFormat';
import { layoutOf } from '../../../src/edits/saveLayout';
import { currentOwner, ownerOf } from '../../../src/edits/saveOwner';
import { recoverInterruptedSave, recoverWith, saveInPlace, Segment } from '../../../src/edits/saveEngine';
import { random, randInt, tempFile } from '../testUtil';

function content(seed: number, size: number): Buffer {
  const rand = random(seed);
  return Buffer.from(Array.from({ length: size }, () => randInt(rand, 256)));
}

function reference(old: Buffer, segments: Segment[]): Buffer {
  return Buffer.concat(segments.map((s) => (s.kind === 'original' ? old.subarray(s.offset, s.offset + s.length) : s.data)));
}

/** Writes the journal a save of `segments` would write, and returns what it recorded. */
async function journalFor(file: string, segments: Segment[]) {
  const stat = fs.statSync(file, { bigint: true });
  const layout = layoutOf(segments, Number(stat.size));
  const written = await writeJournal({
    file, journal: journalPath(file), layout, inode: stat.ino, mtimeMs: Number(stat.mtimeMs), mode: 0o644, chunkBytes: 1000,
    fault: faultInjector(undefined), onProgress: () => {},
  });
  return { layout, ...written };
}

/** What a crash in the middle of the apply phase leaves: part of the new bytes written, maybe resized. */
function halfApply(file: string, next: Buffer, upTo: number, resize: boolean): void {
  const fd = fs.openSync(file, 'r+');
  if (resize) fs.ftruncateSync(fd, next.length);
  fs.writeSync(fd, next, 0, Math.min(upTo, next.length), 0);
  fs.closeSync(fd);
}

const insert: Segment[] = [{ kind: 'original', offset: 0, length: 3000 }, { kind: 'bytes', data: Buffer.alloc(777, 0x21) }, { kind: 'original', offset: 3000, length: 7000 }];
const remove: Segment[] = [{ kind: 'original', offset: 0, length: 2000 }, { kind: 'original', offset: 6000, length: 4000 }];

describe('journal', () => {
  it('lives beside the file', () => {
    assert.strictEqual(journalPath('/data/big.log'), '/data/big.log.hugefile-journal');
  });

  describe('format', () => {
    const record: JournalRecord = {
      complete: true, oldSize: 5 * 2 ** 32 + 3, newSize: 2 ** 40, inode: 2n ** 63n + 5n, oldMtimeMs: 1765043714123.4567, dataOffset: 8192,
      ranges: [{ start: 7, end: 9 }, { start: 2 ** 33, end: 2 ** 33 + 2 ** 32 + 1 }], owner: currentOwner(),
    };

    it('round-trips 64-bit offsets, sizes and inodes', () => {
      assert.deepStrictEqual(decodeRecord(encodeRecord(record)), record);
      const lock = decodeRecord(encodeRecord({ ...record, complete: false }))!;
      assert.deepStrictEqual([lock.complete, lock.ranges], [false, []]);
    });

    it('still reads a version 1 record (before oldMtimeMs was recorded): a journal left by an older build recovers', () => {
      const v2 = encodeRecord(record);
      const body = Buffer.concat([v2.subarray(0, 104), v2.subarray(112, v2.length - 32)]);
      body.writeUInt32LE(1, 8);
      body.writeBigUInt64LE(BigInt(body.length + 32), 16);
      const v1 = Buffer.concat([body, createHash('sha256').update(body).digest()]);
      assert.deepStrictEqual(decodeRecord(v1), { ...record, oldMtimeMs: Number.NaN });
    });

    it('rejects every single flipped byte, truncation, and inconsistent ranges', () => {
      const bytes = encodeRecord(record);
      for (let i = 0; i < bytes.length; i++) {
        const bad = Buffer.from(bytes);
        bad[i] ^= 0x40;
        assert.strictEqual(decodeRecord(bad), undefined, `byte ${i} flipped`);
      }
      assert.strictEqual(decodeRecord(bytes.subarray(0, bytes.length - 1)), undefined);
      assert.strictEqual(decodeRecord(Buffer.alloc(4096)), undefined);
      const overlapping = { ...record, ranges: [{ start: 0, end: 10 }, { start: 5, end: 20 }] };
      assert.strictEqual(decodeRecord(encodeRecord(overlapping)), undefined);
      assert.strictEqual(decodeRecord(encodeRecord({ ...record, ranges: [{ start: 0, end: record.oldSize + 1 }] })), undefined);
    });
  });

  describe('recovery', () => {
    for (const [name, segments, resize] of [['an insertion', insert, true], ['a deletion', remove, true], ['a deletion not yet truncated', remove, false]] as const) {
      it(`rolls back ${name} interrupted half-way, byte for byte`, async () => {
        const old = content(1, 10_000);
        const file = tempFile('half.bin', old);
        await journalFor(file, segments);
        halfApply(file, reference(old, segments), 5000, resize);
        const result = recoverInterruptedSave(file);
        assert.strictEqual(result.recovered, true, result.detail);
        assert.ok(fs.readFileSync(file).equals(old));
        assert.strictEqual(fs.existsSync(journalPath(file)), false);
        assert.strictEqual(recoverInterruptedSave(file).recovered, false);
      });
    }

    it('is idempotent: a recovery interrupted part-way recovers again', async () => {
      const old = content(2, 10_000);
      const file = tempFile('twice.bin', old);
      await journalFor(file, insert);
      halfApply(file, reference(old, insert), 10_777, true);
      for (let after = 1; after <= 3; after++) {
        assert.throws(() => recoverWith(file, { chunkBytes: 1000, fault: { step: 'recover', after, action: 'throw' } }), { code: 'EINJECTED' });
        assert.ok(fs.existsSync(journalPath(file)));
      }
      assert.strictEqual(recoverInterruptedSave(file).recovered, true);
      assert.ok(fs.readFileSync(file).equals(old));
    });

    it('removes a journal without a valid header: the file was never touched', async () => {
      const file = tempFile('torn.bin', content(3, 10_000));
      await journalFor(file, insert);
      const fd = fs.openSync(journalPath(file), 'r+');
      fs.writeSync(fd, Buffer.alloc(200), 0, 200, HEADER_AT + 50); // a header torn by the crash
      fs.closeSync(fd);
      const result = recoverInterruptedSave(file);
      assert.deepStrictEqual([result.recovered, fs.existsSync(journalPath(file))], [false, false]);
      assert.match(result.detail, /interrupted while journaling/);
      fs.writeFileSync(journalPath(file), 'random garbage');
      assert.match(recoverInterruptedSave(file).detail, /no valid header/);
      assert.ok(fs.readFileSync(file).equals(content(3, 10_000)));
    });

    it("leaves alone the journal of a save another live process is running", async () => {
      const old = content(4, 10_000);
      const file = tempFile('other.bin', old);
      const { header } = await journalFor(file, insert);
      halfApply(file, reference(old, insert), 4000, true);
      const halfDone = fs.readFileSync(file);
      const other = spawn('sleep', ['30']);
      try {
        const fd = fs.openSync(journalPath(file), 'r+');
        const forged = encodeRecord({ ...header, owner: ownerOf(other.pid!)! });
        fs.writeSync(fd, forged, 0, forged.length, HEADER_AT);
        fs.closeSync(fd);
        const result = recoverInterruptedSave(file);
        assert.strictEqual(result.recovered, false);
        assert.match(result.detail, new RegExp(`process ${other.pid} is saving`));
        assert.ok(fs.readFileSync(file).equals(halfDone));
      } finally {
        other.kill('SIGKILL');
        await new Promise((resolve) => other.once('exit', resolve));
      }
      assert.strictEqual(recoverInterruptedSave(file).recovered, true, 'once that process is gone, it rolls back');
      assert.ok(fs.readFileSync(file).equals(old));
    });

    it('keeps the journal when it does not fit the file: replaced, resized by someone else, or missing', async () => {
      const file = tempFile('mismatch.bin', content(5, 10_000));
      await journalFor(file, insert);
      fs.writeFileSync(`${file}.new`, 'a different file');
      fs.renameSync(`${file}.new`, file);
      assert.match(recoverInterruptedSave(file).detail, /replaced/);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'a different file');
      fs.rmSync(file);
      assert.match(recoverInterruptedSave(file).detail, /cannot be read \(ENOENT\)/);
      assert.ok(fs.existsSync(journalPath(file)));

      const resized = tempFile('resized.bin', content(6, 10_000));
      await journalFor(resized, insert);
      fs.appendFileSync(resized, 'appended by another program');
      const result = recoverInterruptedSave(resized);
      assert.deepStrictEqual([result.recovered, fs.existsSync(journalPath(resized))], [false, true]);
      assert.match(result.detail, /neither its old 10000 nor its new 10777/);
    });

    it('rolls back a same-length save that a program appended to meanwhile, keeping what it appended', async () => {
      const old = content(7, 10_000);
      const overwrite: Segment[] = [{ kind: 'original', offset: 0, length: 4000 }, { kind: 'bytes', data: Buffer.alloc(500, 0x3d) }, { kind: 'original', offset: 4500, length: 5500 }];
      const file = tempFile('appended.bin', old);
      await journalFor(file, overwrite);
      halfApply(file, reference(old, overwrite), 4200, false);
      fs.appendFileSync(file, 'a new log line\n');
      const result = recoverInterruptedSave(file);
      assert.strictEqual(result.recovered, true, result.detail);
      assert.ok(fs.readFileSync(file).equals(Buffer.concat([old, Buffer.from('a new log line\n')])));
      assert.strictEqual(fs.existsSync(journalPath(file)), false);
    });

    it('does not touch a save running in this very process', async () => {
      const file = tempFile('self.bin', content(7, 10_000));
      let during: ReturnType<typeof recoverInterruptedSave> | undefined;
      await saveInPlace({ path: file, segments: insert, originalSize: 10_000 }, {
        hooks: { chunkBytes: 1000 },
        onProgress: (p) => {
          if (p.phase === 'write') during ??= recoverInterruptedSave(file);
        },
      });
      assert.strictEqual(during?.recovered, false);
      assert.match(during!.detail, /running in this process/);
      assert.ok(fs.readFileSync(file).equals(reference(content(7, 10_000), insert)));
    });
  });
});
