import { MemFile, open } from '../mmap';

const WINDOW = 16 * 1024 * 1024;

/**
 * Reads a file front to back through a sliding 16 MiB mapping. Mapping the whole
 * file would leave every scanned page mapped in the process, so its resident size
 * would grow to the file's size; a window keeps it at 16 MiB. 16 MiB is a multiple
 * of every platform's mapping granularity (4 KiB pages, 64 KiB on Windows).
 */
export class WindowedReader {
  private mf: MemFile | undefined;
  private windowStart = -1;

  constructor(private readonly path: string, private readonly fileSize: number) {}

  /** Copies `length` bytes at `offset` into `dst`; throws EFAULT if the file shrank under the window. */
  read(offset: number, dst: Buffer, length: number): void {
    for (let done = 0; done < length; ) {
      const at = offset + done;
      const window = this.windowAt(at);
      const n = Math.min(length - done, this.windowStart + window.size - at);
      window.readInto(at - this.windowStart, dst, done, n);
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
      this.mf = open(this.path, { offset: start, mappedSize: Math.min(WINDOW, this.fileSize - start) });
      this.windowStart = start;
    }
    return this.mf;
  }
}
