import * as fs from 'fs';

const FLUSH_AT = 64 * 1024;

/** Buffered writes to a file descriptor (stdout): one write call per 64 KiB instead of one per line. */
export class Output {
  private readonly buf = Buffer.allocUnsafe(FLUSH_AT * 2);
  private used = 0;

  constructor(private readonly fd = 1) {}

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.used + bytes.length > this.buf.length) this.flush();
    if (bytes.length > this.buf.length) {
      writeAll(this.fd, bytes);
      return;
    }
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
    if (this.used >= FLUSH_AT) this.flush();
  }

  flush(): void {
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

/** Writes all of `data`, however many calls it takes. Throws EPIPE when the reader went away. */
export function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done);
}
