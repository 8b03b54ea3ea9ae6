import { MemFile, open } from '../../mmap';
import { usageError } from '../../mmap/errors';
import type { FileReader } from './fileReader';

const WINDOW = 16 * 1024 * 1024;

/**
 * Reads a file front to back through a sliding 16 MiB mapping. Mapping the whole
 * file would leave every scanned page mapped in the process, so its resident size
 * would grow to the file's size; a window keeps it at 16 MiB. 16 MiB is a multiple
 * of every platform's mapping granularity (4 KiB pages, 64 KiB on Windows).
 */
export class WindowedReader implements FileReader {
  private mf: MemFile | undefined;
  private windowStart = -1;

  /** Reads the first `size` bytes of `path`; opens nothing until the first read. */
  constructor(private readonly path: string, readonly size: number) {}

  read(offset: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    this.readInto(offset, out, 0, length);
    return out;
  }

  /** Throws EFAULT if the file shrank under the window. */
  readInto(offset: number, dst: Buffer, dstOffset: number, length: number): void {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw usageError('ERR_OUT_OF_RANGE', `read of ${length} bytes at ${offset} outside ${this.path} (${this.size} bytes)`);
    }
    for (let done = 0; done < length; ) {
      const at = offset + done;
      const window = this.windowAt(at);
      const n = Math.min(length - done, this.windowStart + window.size - at);
      window.readInto(at - this.windowStart, dst, dstOffset + done, n);
      done += n;
    }
  }

  close(): void {
    this.mf?.close();
    this.mf = undefined;
  }

  private windowAt(offset: number): MemFile {
    const start = offset - (offset % WINDOW);
    if (!this.mf || start !== this.windowStart) {
      this.close();
      this.mf = open(this.path, { offset: start, mappedSize: Math.min(WINDOW, this.size - start) });
      this.windowStart = start;
    }
    return this.mf;
  }
}
