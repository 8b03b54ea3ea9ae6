import * as assert from 'assert';
import * as fs from 'fs';
import type { FileReader } from '../../../src/lines/readers/fileReader';
import { PlainReader } from '../../../src/lines/readers/plainReader';
import { WindowedReader } from '../../../src/lines/readers/windowedReader';
import { open } from '../../../src/mmap';
import { random, randInt, tempDir, tempFile, tempPath } from '../testUtil';

const MiB = 1024 * 1024;

describe('file readers (mapped on POSIX, plain reads on Windows)', () => {
  const kinds: [string, (path: string, size: number) => FileReader, boolean][] = [
    ['plain reads', (path, size) => new PlainReader(path, size), false],
    ['a sliding mapping', (path, size) => new WindowedReader(path, size), true],
    ['a whole-file mapping', (path) => open(path), true],
  ];

  for (const [name, openReader, maps] of kinds) {
    it(`${name}: random reads give the file's bytes, across 16 MiB windows, into any destination offset`, () => {
      const rand = random(3);
      const content = Buffer.alloc(17 * MiB + 123);
      for (let i = 0; i < content.length; i += 4096) content.writeUInt32LE(randInt(rand, 2 ** 32), i);
      const file = tempFile('bytes.bin', content);
      const reader = openReader(file, content.length);
      try {
        assert.strictEqual(reader.size, content.length);
        for (let i = 0; i < 200; i++) {
          const length = randInt(rand, 3 * MiB);
          const offset = randInt(rand, content.length - length + 1);
          const at = randInt(rand, 16);
          const dst = Buffer.alloc(at + length);
          reader.readInto(offset, dst, at, length);
          assert.ok(dst.subarray(at).equals(content.subarray(offset, offset + length)), `${length} bytes at ${offset}`);
        }
        assert.ok(reader.read(16 * MiB - 2, 4).equals(content.subarray(16 * MiB - 2, 16 * MiB + 2)));
        assert.throws(() => reader.read(content.length - 1, 2), { code: 'ERR_OUT_OF_RANGE' });
      } finally {
        reader.close();
      }
    });

    // Windows refuses to truncate a mapped file: the reason it reads without mappings.
    const truncateRefused = maps && process.platform === 'win32';
    it(`${name}: ${truncateRefused ? 'Windows refuses to truncate the file under it' : 'a file truncated under the reader gives EFAULT, not a crash'}`, () => {
      const file = tempFile('shrinks.txt', 'x'.repeat(256 * 1024));
      const reader = openReader(file, 256 * 1024);
      try {
        reader.read(200 * 1024, 10);
        if (truncateRefused) {
          assert.throws(() => fs.truncateSync(file, 1000));
          return;
        }
        fs.truncateSync(file, 1000);
        assert.throws(() => reader.read(200 * 1024, 10), { code: 'EFAULT' });
      } finally {
        reader.close();
      }
    });
  }

  it('plain reads: limited to the size given, refused once closed, and errors like Node\'s for a missing file or a folder', () => {
    const file = tempFile('limit.txt', '0123456789');
    const reader = new PlainReader(file, 4);
    assert.strictEqual(reader.read(0, 4).toString(), '0123');
    assert.throws(() => reader.read(2, 3), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => reader.readInto(0, Buffer.alloc(2), 0, 3), { code: 'ERR_OUT_OF_RANGE' });
    reader.close();
    reader.close();
    assert.throws(() => reader.read(0, 1), { code: 'EBADF' });
    const whole = new PlainReader(file);
    assert.strictEqual(whole.size, 10);
    whole.close();
    assert.throws(() => new PlainReader(tempPath('missing.txt')), { code: 'ENOENT', syscall: 'open' });
    assert.throws(() => new PlainReader(tempDir()), { code: 'EISDIR' });
  });
});
