import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { open, pageSize } from '../../../src/mmap';
import { openFdCount, tempDir, tempFile, tempPath } from '../testUtil';

const posix = process.platform !== 'win32';

describe('mmap open', () => {
  it('maps a whole file read-only by default', () => {
    const file = tempFile('a.txt', 'hello world');
    const f = open(file);
    assert.strictEqual(f.size, 11);
    assert.notStrictEqual(f.mem, 0);
    assert.strictEqual(f.read(0, 11).toString(), 'hello world');
    assert.strictEqual(f.writable, false);
    if (posix) assert.strictEqual(f.handle, -1, 'handle is closed without allowRemap');
    f.close();
    assert.strictEqual(f.mem, 0);
    assert.strictEqual(f.size, 0);
  });

  it('keeps the handle with allowRemap', () => {
    const f = open(tempFile('a.txt', 'x'), { allowRemap: true });
    if (posix) assert.ok(f.handle >= 0);
    else assert.notStrictEqual(f.fHandle, 0);
    f.close();
    if (posix) assert.strictEqual(f.handle, -1);
  });

  it('opens an empty file with size 0 and no mapping', () => {
    const f = open(tempFile('empty', ''));
    assert.strictEqual(f.size, 0);
    assert.strictEqual(f.mem, 0);
    assert.strictEqual(f.read(0, 0).length, 0);
    assert.throws(() => f.read(0, 1), { code: 'ERR_OUT_OF_RANGE' });
    f.close();
  });

  it('creates a zero-filled file with readWrite + newFileSize, truncating an old one', () => {
    const file = tempFile('new.bin', 'old content that is longer than 16 bytes');
    const f = open(file, { mode: 'readWrite', newFileSize: 16 });
    assert.strictEqual(f.size, 16);
    assert.deepStrictEqual(f.read(0, 16), Buffer.alloc(16));
    f.write(3, 'abc');
    f.close();
    assert.strictEqual(fs.readFileSync(file).toString('latin1'), '\0\0\0abc' + '\0'.repeat(10));
  });

  it("mode 'write' with newFileSize creates a file that must not exist", () => {
    const file = tempPath('w.bin');
    const f = open(file, { mode: 'write', newFileSize: 8 });
    f.write(0, '12345678');
    f.close();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '12345678');
    assert.throws(() => open(file, { mode: 'write', newFileSize: 8 }), { code: 'EEXIST', syscall: 'open', path: file });
  });

  it("mode 'readWriteExisting' never creates", () => {
    const file = tempPath('missing.bin');
    assert.throws(() => open(file, { mode: 'readWriteExisting', newFileSize: 8 }), { code: 'ENOENT' });
    assert.strictEqual(fs.existsSync(file), false);
    fs.writeFileSync(file, 'abcdef');
    const f = open(file, { mode: 'readWriteExisting' });
    f.write(0, 'X');
    f.close();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'Xbcdef');
  });

  it('maps a part of a file with mappedSize and a page-aligned offset', () => {
    const content = Buffer.alloc(pageSize * 3);
    for (let i = 0; i < content.length; i++) content[i] = i % 251;
    const file = tempFile('parts.bin', content);
    const part = open(file, { mappedSize: 512 });
    assert.strictEqual(part.size, 512);
    assert.deepStrictEqual(part.read(0, 512), content.subarray(0, 512));
    part.close();
    const mid = open(file, { mappedSize: 512, offset: pageSize });
    assert.deepStrictEqual(mid.read(0, 512), content.subarray(pageSize, pageSize + 512));
    mid.close();
    const tail = open(file, { offset: pageSize * 2 });
    assert.strictEqual(tail.size, pageSize, 'mappedSize -1 with an offset maps to the end, not past it');
    tail.close();
  });

  describe('refuses misuse with an error naming the parameter', () => {
    const file = () => tempFile('m.txt', 'abc');
    it("mode 'append'", () => assert.throws(() => open(file(), { mode: 'append' }), /append/));
    it('an unknown mode', () => assert.throws(() => open(file(), { mode: 'rw' as never }), /mode must be one of/));
    it("newFileSize with 'read'", () => assert.throws(() => open(file(), { newFileSize: 10 }), /newFileSize/));
    it('an unaligned offset', () => assert.throws(() => open(file(), { offset: 100 }), /offset must be a multiple of the page size/));
    it('a negative offset', () => assert.throws(() => open(file(), { offset: -4096 }), /offset/));
    it('mappedSize 0', () => assert.throws(() => open(file(), { mappedSize: 0 }), /mappedSize/));
    it('an offset past the end', () => assert.throws(() => open(file(), { offset: pageSize * 4 }), { code: 'EINVAL' }));
    it('an empty filename', () => assert.throws(() => open(''), /filename/));
  });

  describe('bad files', () => {
    it('a missing file: ENOENT with syscall and path', () => {
      const missing = path.join(tempDir(), 'nope.txt');
      assert.throws(() => open(missing), (err: NodeJS.ErrnoException) => {
        assert.strictEqual(err.code, 'ENOENT');
        assert.strictEqual(typeof err.errno, 'number');
        assert.strictEqual(err.syscall, 'open');
        assert.strictEqual(err.path, missing);
        return true;
      });
    });

    it('a directory: EISDIR', () => {
      assert.throws(() => open(tempDir()), { code: 'EISDIR' });
      assert.throws(() => open(tempDir(), { mode: 'readWrite' }), { code: 'EISDIR' });
    });

    (posix ? it : it.skip)('a FIFO: refused at once, without blocking', () => {
      const fifo = tempPath('fifo');
      execFileSync('mkfifo', [fifo]);
      assert.throws(() => open(fifo), { code: 'ENODEV' });
    });

    (posix ? it : it.skip)('a file without read permission: EACCES (checked as an unprivileged user)', function () {
      const file = tempFile('secret.txt', 'secret');
      fs.chmodSync(file, 0o000);
      fs.chmodSync(tempDir(), 0o755);
      const script = `try { require(${JSON.stringify(require.resolve('../../../src/mmap'))}).open(${JSON.stringify(file)}); console.log('opened') } catch (e) { console.log(e.code) }`;
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const out = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { ...asNobody, encoding: 'utf8' });
      assert.strictEqual(out.stdout.trim(), 'EACCES', out.stderr);
    });

    (posix ? it : it.skip)('a failed open leaves no descriptor or mapping behind', () => {
      const before = openFdCount();
      const file = tempFile('x.txt', 'abc');
      for (let i = 0; i < 50; i++) {
        assert.throws(() => open(tempDir()));
        assert.throws(() => open(file, { offset: pageSize * 8 }));
        assert.throws(() => open(file, { mappedSize: 2 ** 52 }), { code: 'ENOMEM', syscall: 'mmap' });
      }
      assert.strictEqual(openFdCount(), before);
      const maps = fs.readFileSync('/proc/self/maps', 'utf8');
      assert.ok(!maps.includes(file), 'no mapping of the file survives');
    });
  });
});
