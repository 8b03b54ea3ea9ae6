import * as assert from 'assert';
import * as fs from 'fs';
import { patchInPlace } from '../../../src/edits/patchInPlace';
import { journalPath } from '../../../src/edits/journal';
import { pageSize } from '../../../src/mmap';
import { permissionsApply, randInt, random, randomBytes, readAt, tempDir, tempFile } from '../testUtil';

describe('edits/patchInPlace', () => {
  it('overwrites exactly the given bytes anywhere, across page boundaries, and returns the old ones', () => {
    const rand = random(91);
    const size = 3 * pageSize + 123;
    const want = randomBytes(rand, size);
    const file = tempFile('patch.bin', want);
    const offsets = [0, pageSize - 1, pageSize - 3, 2 * pageSize, size - 1, size - 7];
    for (let i = 0; i < 60; i++) {
      const offset = i < offsets.length ? offsets[i] : randInt(rand, size);
      const bytes = randomBytes(rand, 1 + randInt(rand, Math.min(40, size - offset)));
      const expect = want.subarray(offset, offset + bytes.length);
      const result = patchInPlace(file, offset, bytes, randInt(rand, 2) ? Buffer.from(expect) : undefined);
      assert.deepStrictEqual(result.old, Buffer.from(expect));
      assert.strictEqual(result.changed, !bytes.equals(expect));
      bytes.copy(want, offset);
      assert.deepStrictEqual(fs.readFileSync(file), want, `patch of ${bytes.length} at ${offset}`);
    }
  });

  it('reaches offsets past 4 GiB in a sparse file without growing it', () => {
    const file = tempFile('sparse.bin', '');
    const size = 5 * 1024 ** 3 + 17;
    fs.truncateSync(file, size);
    const offset = 2 ** 32 + 4093;
    const result = patchInPlace(file, offset, Buffer.from('cafebabe', 'hex'), Buffer.alloc(4));
    assert.deepStrictEqual(result.old, Buffer.alloc(4));
    assert.deepStrictEqual(readAt(file, offset - 1, 6), Buffer.from('00cafebabe00', 'hex'));
    patchInPlace(file, size - 2, Buffer.from('ffee', 'hex'));
    assert.strictEqual(fs.statSync(file).size, size);
    assert.deepStrictEqual(readAt(file, size - 3, 3), Buffer.from('00ffee', 'hex'));
  });

  it('refuses, leaving the file untouched, when the expected bytes differ', () => {
    const file = tempFile('expect.bin', 'hello world');
    const before = fs.statSync(file).mtimeMs;
    assert.throws(() => patchInPlace(file, 6, Buffer.from('WORLD'), Buffer.from('words')),
      { code: 'ECHANGED', message: /bytes at 6 are 77 6f 72 6c 64, not the expected 77 6f 72 64 73; nothing was written/ });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hello world');
    assert.strictEqual(fs.statSync(file).mtimeMs, before);
    assert.throws(() => patchInPlace(file, 6, Buffer.from('WORLD'), Buffer.from('wor')), { code: 'ERR_INVALID_ARG_VALUE' });
  });

  it('refuses ranges past the end and empty patches: a patch never grows the file', () => {
    const file = tempFile('short.bin', 'abcdef');
    for (const [offset, len] of [[6, 1], [5, 2], [0, 7], [100, 1]]) {
      assert.throws(() => patchInPlace(file, offset, Buffer.alloc(len, 0x41)), { code: 'ERR_OUT_OF_RANGE', message: /past the end .* \(6 bytes\)/ });
    }
    assert.throws(() => patchInPlace(file, 0, Buffer.alloc(0)), { code: 'ERR_OUT_OF_RANGE', message: /no bytes/ });
    assert.throws(() => patchInPlace(file, -1, Buffer.from('A')), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => patchInPlace(file, 0.5, Buffer.from('A')), { code: 'ERR_OUT_OF_RANGE' });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  });

  it('leaves a file with a save journal alone: rolling that save back would undo the patch', () => {
    const file = tempFile('journaled.bin', 'abcdef');
    fs.writeFileSync(journalPath(file), 'x');
    assert.throws(() => patchInPlace(file, 0, Buffer.from('A')), { code: 'EBUSY', message: /hugefile-journal' exists/ });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  });

  it('names what is not a patchable file', () => {
    assert.throws(() => patchInPlace(tempDir(), 0, Buffer.from('A')), { code: 'EISDIR' });
    assert.throws(() => patchInPlace(`${tempDir()}/missing`, 0, Buffer.from('A')), { code: 'ENOENT' });
    assert.throws(() => patchInPlace('/dev/null', 0, Buffer.from('A')), { code: 'EINVAL' });
  });

  it('refuses a read-only file with EACCES', function () {
    if (!permissionsApply) this.skip();
    const file = tempFile('ro.bin', 'abcdef');
    fs.chmodSync(file, 0o444);
    assert.throws(() => patchInPlace(file, 0, Buffer.from('A')), { code: 'EACCES' });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  });
});
