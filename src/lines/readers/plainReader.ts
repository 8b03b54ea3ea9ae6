import * as fs from 'fs';
import { systemError, usageError } from '../../mmap/errors';
import type { FileReader } from './fileReader';

/**
 * Reads a file with positioned reads through one descriptor, holding no mapping:
 * on Windows a mapped view makes another program's truncate fail
 * (ERROR_USER_MAPPED_FILE) and a mapped file cannot be deleted, while a handle opened
 * with every share mode (as Node opens files) stops neither.
 */
export class PlainReader implements FileReader {
  readonly size: number;
  private fd: number | undefined;

  /** Opens `path`; `size` limits reads to the first `size` bytes (default: the size now). Throws like `fs.openSync`, EISDIR for a folder. */
  constructor(private readonly path: string, size?: number) {
    const fd = openForReading(path);
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) throw systemError('EISDIR', -21, 'open', path);
      this.size = size ?? stat.size;
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
    this.fd = fd;
  }

  read(offset: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    this.readInto(offset, out, 0, length);
    return out;
  }

  readInto(offset: number, dst: Buffer, dstOffset: number, length: number): void {
    if (this.fd === undefined) throw systemError('EBADF', -9, 'read', this.path, 'the reader is closed');
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.size) {
      throw usageError('ERR_OUT_OF_RANGE', `read of ${length} bytes at ${offset} outside ${this.path} (${this.size} bytes)`);
    }
    if (dstOffset < 0 || dstOffset + length > dst.length) throw usageError('ERR_OUT_OF_RANGE', `destination too small: ${dst.length} < ${dstOffset} + ${length}`);
    for (let done = 0; done < length;) {
      const n = fs.readSync(this.fd, dst, dstOffset + done, length - done, offset + done);
      if (n === 0) throw systemError('EFAULT', -14, 'read', this.path, `the file got shorter while it was being read (it ends before byte ${offset + length})`);
      done += n;
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    fs.closeSync(fd);
  }
}

/**
 * Opens `path` with every share mode (as Node always does on Windows); errors name the
 * path as given, as the mmap module's do (Node's own name the resolved path on Windows).
 */
function openForReading(path: string): number {
  try {
    return fs.openSync(path, 'r');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw systemError(e.code ?? 'EIO', e.errno ?? -5, 'open', path);
  }
}
