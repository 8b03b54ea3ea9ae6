import * as assert from 'assert';
import * as fs from 'fs';
import koffi from 'koffi';
import { backend, open, pageSize, writeBytes } from '../../../src/mmap';
import { tempDir, tempFile, tempPath } from '../testUtil';

const FILE_MAP_WRITE = 0x2;

/** Runs for real under Wine: `bash test/wine/run.sh`. */
(process.platform === 'win32' ? describe : describe.skip)('Windows backend', () => {
  it('uses the 64 KiB allocation granularity as the page size', () => {
    assert.strictEqual(backend.name, 'windows');
    assert.strictEqual(pageSize, 65536);
  });

  it('sets fHandle, mapHandle and wasOpened; close releases them', () => {
    const file = tempFile('h.bin', 'handles');
    const kept = open(file, { allowRemap: true });
    assert.notStrictEqual(kept.fHandle, 0);
    assert.notStrictEqual(kept.mapHandle, 0);
    assert.strictEqual(kept.wasOpened, true);
    assert.strictEqual(kept.handle, -1, 'no POSIX descriptor on Windows');
    kept.close();
    assert.strictEqual(kept.fHandle, 0);
    assert.strictEqual(kept.mapHandle, 0);
    const plain = open(file);
    assert.strictEqual(plain.fHandle, 0, 'the file handle is closed without allowRemap');
    assert.notStrictEqual(plain.mapHandle, 0, 'the mapping handle lives until close');
    plain.close();
  });

  it('an empty file has no mapping handle until it grows', () => {
    const f = open(tempFile('e.bin', ''), { mode: 'readWrite', allowRemap: true });
    assert.strictEqual(f.mapHandle, 0);
    f.resize(5);
    assert.notStrictEqual(f.mapHandle, 0);
    f.write(0, 'grown');
    f.close();
  });

  it('resize unmaps, changes the size and remaps, keeping the content', () => {
    const file = tempPath('r.bin');
    const f = open(file, { mode: 'readWrite', newFileSize: pageSize, allowRemap: true });
    f.write(0, 'head');
    f.resize(3 * pageSize + 1);
    assert.strictEqual(fs.statSync(file).size, 3 * pageSize + 1);
    f.write(3 * pageSize, 'T');
    f.flush();
    const disk = fs.readFileSync(file);
    assert.strictEqual(disk.subarray(0, 4).toString(), 'head');
    assert.strictEqual(disk.subarray(3 * pageSize).toString(), 'T');
    f.resize(2);
    f.close();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'he');
  });

  it('another view blocks a size change: EBUSY, and the old mapping is restored', () => {
    const file = tempFile('v.bin', Buffer.alloc(pageSize, 0x61));
    const f = open(file, { mode: 'readWrite', allowRemap: true });
    const view = f.mapMem({ mappedSize: 16 });
    assert.throws(() => f.resize(10), { code: 'EBUSY', syscall: 'SetEndOfFile' });
    assert.strictEqual(f.size, pageSize);
    assert.strictEqual(f.read(pageSize - 2, 2).toString(), 'aa');
    f.unmapMem(view, 16);
    f.resize(10);
    assert.strictEqual(f.size, 10);
    f.close();
    assert.strictEqual(fs.statSync(file).size, 10);
  });

  it('flush writes through with and without a kept handle', () => {
    const file = tempFile('f.bin', Buffer.alloc(100));
    for (const allowRemap of [false, true]) {
      const f = open(file, { mode: 'readWrite', allowRemap });
      const text = `remap=${allowRemap}`;
      f.write(0, text);
      f.flush();
      assert.strictEqual(fs.readFileSync(file).subarray(0, text.length).toString(), text);
      f.close();
    }
  });

  it('maps Win32 errors to Node codes, keeping the Win32 number in the message', () => {
    const missing = tempPath('missing.bin');
    assert.throws(() => open(missing), (err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' && err.syscall === 'open' && /Win32 error 2\b/.test(err.message));
    assert.throws(() => open(tempDir()), { code: 'EISDIR' });
    const file = tempFile('x.bin', 'x');
    assert.throws(() => open(file, { mode: 'write', newFileSize: 1 }), { code: 'EEXIST' });
  });

  it('a failed open leaves no handle or view behind', () => {
    const kernel32 = koffi.load('kernel32.dll');
    const getHandleCount = kernel32.func('int __stdcall GetProcessHandleCount(intptr_t process, _Out_ uint32_t *count)');
    const handleCount = () => {
      const n = [0];
      assert.notStrictEqual(getHandleCount(-1, n), 0);
      return n[0];
    };
    const file = tempFile('x.bin', 'abc');
    const before = handleCount();
    for (let i = 0; i < 50; i++) {
      assert.throws(() => open(tempDir()), { code: 'EISDIR' });
      assert.throws(() => open(file, { offset: pageSize * 8 }), { code: 'EINVAL' });
      assert.throws(() => open(file, { mappedSize: 2 ** 40 }), { code: 'EINVAL' });
      // A read-only mapping refuses a writable view: fails after both handles were made.
      assert.throws(() => open(file, { mapFlags: FILE_MAP_WRITE }), { code: 'EACCES', syscall: 'MapViewOfFileEx' });
    }
    assert.strictEqual(handleCount(), before);
    fs.unlinkSync(file); // Windows refuses to delete a file that is still mapped
  });

  it('copying from an unreadable address throws EFAULT instead of crashing', () => {
    // The first 64 KiB of the address space are never mapped. (An address whose view was
    // unmapped would do on Windows, but Wine reads its own memory through /proc/pid/mem,
    // which still sees the reserved pages.)
    assert.throws(() => backend.copyOut(4096, Buffer.alloc(8), 0, 8), { code: 'EFAULT', syscall: 'ReadProcessMemory' });
    assert.throws(() => backend.copyIn(4096, Buffer.alloc(8), 0, 8), { code: 'EFAULT', syscall: 'WriteProcessMemory' });
  });

  it('writing into a read-only view throws EFAULT and leaves the file alone', () => {
    const file = tempFile('ro.bin', Buffer.alloc(pageSize, 0x63));
    const f = open(file, { mode: 'readWrite', allowRemap: true });
    const view = f.mapMem({ mode: 'read', mappedSize: 16 });
    try {
      assert.throws(() => writeBytes(view, Buffer.from('x')), { code: 'EFAULT' });
    } finally {
      f.unmapMem(view, 16);
      f.close();
    }
    assert.strictEqual(fs.readFileSync(file, 'latin1').slice(0, 2), 'cc');
  });
});
