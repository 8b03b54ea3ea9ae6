import * as assert from 'assert';
import * as fs from 'fs';
import { open, pageSize, readBytes, writeBytes } from '../../../src/mmap';
import { tempFile, tempPath } from '../testUtil';

const GiB = 1024 ** 3;

describe('MemFile', () => {
  it('writes through the mapping and flushes them to disk', () => {
    const file = tempFile('w.bin', Buffer.alloc(pageSize * 2, 0x2e));
    const f = open(file, { mode: 'readWrite' });
    f.write(pageSize - 2, 'span');
    f.flush();
    assert.strictEqual(fs.readFileSync(file).subarray(pageSize - 2, pageSize + 2).toString(), 'span');
    f.write(0, new Uint8Array([1, 2, 3]));
    f.close();
    assert.deepStrictEqual([...fs.readFileSync(file).subarray(0, 4)], [1, 2, 3, 0x2e]);
  });

  it('refuses to write to a read-only mapping and out-of-range access', () => {
    const f = open(tempFile('r.bin', 'abcdef'));
    assert.throws(() => f.write(0, 'x'), /read-only/);
    assert.throws(() => f.read(4, 3), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => f.read(-1, 1), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => f.read(0.5, 1), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => f.readInto(0, Buffer.alloc(2), 0, 3), /destination too small/);
    f.close();
  });

  it('closing twice is a no-op; using a closed file throws', () => {
    const f = open(tempFile('c.bin', 'abc'), { allowRemap: true });
    f.close();
    f.close();
    assert.strictEqual(f.isClosed, true);
    assert.throws(() => f.read(0, 1), { code: 'ERR_MEMFILE_CLOSED' });
    assert.throws(() => f.flush(), { code: 'ERR_MEMFILE_CLOSED' });
    assert.throws(() => f.resize(10), { code: 'ERR_MEMFILE_CLOSED' });
    assert.throws(() => f.mapMem(), { code: 'ERR_MEMFILE_CLOSED' });
  });

  it('flush validates attempts and succeeds on a clean mapping', () => {
    const f = open(tempFile('f.bin', 'abc'), { mode: 'readWrite' });
    assert.throws(() => f.flush(0), /attempts/);
    f.flush(1);
    f.close();
    const empty = open(tempFile('e.bin', ''), { mode: 'readWrite' });
    empty.flush();
    empty.close();
  });

  describe('resize', () => {
    it('grows and shrinks the file and the mapping, keeping the content', () => {
      const file = tempPath('grow.bin');
      const f = open(file, { mode: 'readWrite', newFileSize: 1024, allowRemap: true });
      f.write(0, 'first');
      f.flush();
      f.resize(3 * pageSize + 7);
      assert.strictEqual(f.size, 3 * pageSize + 7);
      assert.strictEqual(fs.statSync(file).size, 3 * pageSize + 7);
      f.write(3 * pageSize, 'tail');
      assert.strictEqual(f.read(0, 5).toString(), 'first');
      f.resize(3);
      assert.strictEqual(f.size, 3);
      f.close();
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'fir');
    });

    it('grows an empty file', () => {
      const file = tempFile('empty.bin', '');
      const f = open(file, { mode: 'readWrite', allowRemap: true });
      f.resize(10);
      f.write(0, '0123456789');
      f.close();
      assert.strictEqual(fs.readFileSync(file, 'utf8'), '0123456789');
    });

    it('needs allowRemap, a whole-file writable mapping and a size >= 1', () => {
      const file = tempFile('r.bin', Buffer.alloc(pageSize * 2));
      const noRemap = open(file, { mode: 'readWrite' });
      assert.throws(() => noRemap.resize(10), /allowRemap/);
      noRemap.close();
      const part = open(file, { mode: 'readWrite', allowRemap: true, mappedSize: 10 });
      assert.throws(() => part.resize(10), /whole file/);
      part.close();
      const readOnly = open(file, { allowRemap: true });
      assert.throws(() => readOnly.resize(10), /writable/);
      readOnly.close();
      const f = open(file, { mode: 'readWrite', allowRemap: true });
      assert.throws(() => f.resize(0), /newFileSize/);
      assert.strictEqual(f.size, pageSize * 2);
      f.close();
    });
  });

  describe('mapMem / unmapMem / readBytes / writeBytes', () => {
    it('maps another view, reads and writes through it, and unmaps it', () => {
      const content = Buffer.alloc(pageSize * 3);
      content.write('page two', pageSize * 2);
      const file = tempFile('m.bin', content);
      const f = open(file, { mode: 'readWrite', allowRemap: true });
      const p = f.mapMem({ mode: 'readWrite', mappedSize: 512, offset: pageSize * 2 });
      assert.strictEqual(readBytes(p, 8).toString(), 'page two');
      writeBytes(p, Buffer.from('PAGE'));
      assert.strictEqual(f.read(pageSize * 2, 8).toString(), 'PAGE two', 'both views show the same pages');
      f.unmapMem(p, 512);
      assert.throws(() => readBytes(p, 8), /not inside a live mapping/);
      const whole = f.mapMem();
      assert.strictEqual(readBytes(whole + pageSize * 2, 4).toString(), 'PAGE');
      f.unmapMem(whole, pageSize * 3);
      f.close();
    });

    it('a region from mapMem stays usable after close until unmapMem', () => {
      const f = open(tempFile('k.bin', Buffer.alloc(pageSize, 0x41)), { allowRemap: true });
      const p = f.mapMem({ mappedSize: 16 });
      f.close();
      assert.strictEqual(readBytes(p, 4).toString(), 'AAAA');
      f.unmapMem(p, 16);
    });

    it('refuses stray addresses, misuse and append mode', () => {
      const f = open(tempFile('s.bin', Buffer.alloc(pageSize)), { allowRemap: true });
      assert.throws(() => readBytes(f.mem + pageSize - 2, 4), /not inside a live mapping/);
      assert.throws(() => writeBytes(12345, Buffer.from('x')), /not inside a live mapping/);
      assert.throws(() => readBytes(f.mem, -1), /invalid address range/);
      assert.throws(() => f.mapMem({ mode: 'append' }), /append/);
      assert.throws(() => f.mapMem({ mode: 'readWrite' }), /opened for writing/);
      assert.throws(() => f.mapMem({ offset: 10 }), /page size/);
      assert.throws(() => f.mapMem({ offset: pageSize }), /nothing to map/);
      f.close();
      const noRemap = open(tempFile('n.bin', 'abc'));
      assert.throws(() => noRemap.mapMem(), /allowRemap/);
      noRemap.close();
    });
  });

  it('keeps offsets exact past 4 GiB (sparse file, mapped at an offset above 4 GiB)', function () {
    const file = tempPath('sparse.bin');
    const size = 5 * GiB;
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, size);
    const offset = 4 * GiB + 16 * pageSize;
    const high = open(file, { mode: 'readWrite', offset, mappedSize: pageSize });
    high.write(100, 'above four gigabytes');
    high.close();
    const fd = fs.openSync(file, 'r');
    const check = Buffer.alloc(20);
    fs.readSync(fd, check, 0, 20, offset + 100);
    fs.closeSync(fd);
    assert.strictEqual(check.toString(), 'above four gigabytes');
    const whole = open(file, { mode: 'readWrite' });
    assert.strictEqual(whole.size, size);
    assert.strictEqual(whole.read(offset + 100, 20).toString(), 'above four gigabytes');
    whole.write(size - 3, 'end');
    assert.strictEqual(whole.read(size - 3, 3).toString(), 'end');
    whole.close();
    assert.strictEqual(fs.statSync(file).size, size);
  });
});
