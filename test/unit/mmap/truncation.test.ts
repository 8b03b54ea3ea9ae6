import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { memSlices, open, pageSize } from '../../../src/mmap';
import { tempFile } from '../testUtil';

const posix = process.platform !== 'win32';

/** Another process shrinks the file, as log rotation or `truncate` would. */
function truncateFromOutside(file: string, size: number): void {
  execFileSync('truncate', ['-s', String(size), file]);
}

(posix ? describe : describe.skip)('a mapped file truncated by another process', () => {
  it('reads and writes past the new end throw EFAULT; the process lives on', () => {
    const file = tempFile('log.txt', Buffer.alloc(pageSize * 4, 0x61));
    const f = open(file, { mode: 'readWrite' });
    truncateFromOutside(file, 100);
    assert.throws(() => f.read(pageSize * 2, 10), { code: 'EFAULT', path: file });
    assert.throws(() => f.read(pageSize - 4, 8), { code: 'EFAULT' }, 'a read straddling the last valid page');
    assert.throws(() => f.write(pageSize * 3, 'x'), { code: 'EFAULT' });
    assert.strictEqual(f.read(0, 4).toString(), 'aaaa', 'the first page is still backed');
    assert.throws(() => [...memSlices(f)], { code: 'EFAULT' });
    f.close();
  });

  it('the same read with a plain memcpy kills the process with SIGBUS (why the copies go through the kernel)', () => {
    const file = tempFile('victim.txt', Buffer.alloc(pageSize * 4, 0x61));
    const script = `
      const koffi = require('koffi');
      const { open } = require(${JSON.stringify(require.resolve('../../../src/mmap'))});
      const f = open(${JSON.stringify(file)});
      require('child_process').execFileSync('truncate', ['-s', '100', ${JSON.stringify(file)}]);
      const memcpy = koffi.load('libc.so.6').func('void *memcpy(_Out_ void *dst, intptr_t src, size_t n)');
      memcpy(Buffer.alloc(8), f.mem + ${pageSize * 2}, 8);
      console.log('survived');`;
    const out = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8' });
    assert.strictEqual(out.signal, 'SIGBUS', `expected SIGBUS, got status ${out.status}: ${out.stdout}${out.stderr}`);
  });
});
