import { Readable, Writable } from 'stream';
import { checkOffset, usageError } from './errors';
import { FileMode, MemFile, open } from './memFile';

const LINE_PROBE = 4096;
const CR = 13;
const LF = 10;

/**
 * A position over a MemFile with the operations of Nim's `MemMapFileStream`, as
 * synchronous methods, plus `createReadStream`/`createWriteStream` for Node's
 * `pipeline`. Reads stop at the end of the mapping; writes never grow the file.
 */
export class MemMapFileStream {
  private pos = 0;

  constructor(readonly memFile: MemFile, readonly mode: FileMode) {}

  /** Reads up to the next `\n`, `\r\n` or lone `\r`, without it; throws at the end (like Nim). */
  readLine(): string {
    const line = this.peekLine();
    this.pos = this.lineEnd.next;
    return line;
  }

  /** The line `readLine` would return, without moving. */
  peekLine(): string {
    if (this.atEnd()) throw usageError('ERR_STREAM_EOF', 'readLine: end of stream reached');
    this.findLineEnd();
    return this.memFile.read(this.pos, this.lineEnd.end - this.pos).toString('utf8');
  }

  /** Up to `n` bytes as UTF-8 (fewer at the end), moving past them. */
  readStr(n: number): string {
    return this.readData(n).toString('utf8');
  }

  /** Up to `n` bytes as UTF-8, without moving. */
  peekStr(n: number): string {
    return this.peekData(n).toString('utf8');
  }

  /** Up to `n` bytes, moving past them. */
  readData(n: number): Buffer {
    const data = this.peekData(n);
    this.pos += data.length;
    return data;
  }

  /** Up to `n` bytes, without moving. */
  peekData(n: number): Buffer {
    checkOffset('n', n);
    return this.memFile.read(this.pos, Math.min(n, this.memFile.size - this.pos));
  }

  /** The next byte as a one-character (Latin-1) string, or `''` at the end (Nim returns `'\0'`). */
  readChar(): string {
    return this.readData(1).toString('latin1');
  }

  /**
   * Writes at the current position and moves past what was written. Like Nim, it
   * writes what fits, then throws if the data ran past the end of the mapping.
   */
  write(data: string | Uint8Array): void {
    if (this.mode === 'read') throw usageError('ERR_INVALID_STATE', 'cannot write to a read-only stream');
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const fits = Math.min(bytes.byteLength, this.memFile.size - this.pos);
    this.memFile.write(this.pos, bytes.subarray(0, fits));
    this.pos += fits;
    if (fits < bytes.byteLength) {
      throw usageError('ERR_OUT_OF_RANGE', `cannot write past the end of the stream (${this.memFile.size} bytes)`);
    }
  }

  getPosition(): number {
    return this.pos;
  }

  /** Moves to `p`; throws when `p` is outside 0..size. */
  setPosition(p: number): void {
    checkOffset('position', p);
    if (p > this.memFile.size) throw usageError('ERR_OUT_OF_RANGE', `position ${p} is past the end (${this.memFile.size})`);
    this.pos = p;
  }

  atEnd(): boolean {
    return this.pos >= this.memFile.size;
  }

  flush(): void {
    this.memFile.flush();
  }

  close(): void {
    this.memFile.close();
  }

  /** A Node Readable over [start, end) (default: from the current position to the end); it does not move this stream. */
  createReadStream(options: { start?: number; end?: number; highWaterMark?: number } = {}): Readable {
    const mf = this.memFile;
    let at = options.start ?? this.pos;
    const end = Math.min(options.end ?? mf.size, mf.size);
    const chunk = options.highWaterMark ?? 64 * 1024;
    return new Readable({
      highWaterMark: chunk,
      read() {
        try {
          if (at >= end) return void this.push(null);
          const n = Math.min(chunk, end - at);
          const data = mf.read(at, n);
          at += n;
          this.push(data);
        } catch (err) {
          this.destroy(err as Error);
        }
      },
    });
  }

  /** A Node Writable that writes from `start` (default: the current position) and moves this stream's position. */
  createWriteStream(options: { start?: number } = {}): Writable {
    if (options.start !== undefined) this.setPosition(options.start);
    return new Writable({
      write: (data: Buffer, _encoding, done) => {
        try {
          this.write(data);
          done();
        } catch (err) {
          done(err as Error);
        }
      },
      final: (done) => {
        try {
          this.flush();
          done();
        } catch (err) {
          done(err as Error);
        }
      },
    });
  }

  private lineEnd = { end: 0, next: 0 };

  private findLineEnd(): void {
    const size = this.memFile.size;
    for (let at = this.pos; at < size; at += LINE_PROBE) {
      const probe = this.memFile.read(at, Math.min(LINE_PROBE + 1, size - at));
      const searched = Math.min(LINE_PROBE, probe.length);
      for (let i = 0; i < searched; i++) {
        const b = probe[i];
        if (b === LF || b === CR) {
          const crlf = b === CR && probe[i + 1] === LF;
          this.lineEnd = { end: at + i, next: at + i + (crlf ? 2 : 1) };
          return;
        }
      }
    }
    this.lineEnd = { end: size, next: size };
  }
}

/**
 * Opens `filename` as a stream (Nim's `newMemMapFileStream`). `fileSize` >= 0
 * creates the file with that size (not with `'read'`).
 */
export function newMemMapFileStream(filename: string, mode: FileMode = 'read', fileSize = -1): MemMapFileStream {
  return new MemMapFileStream(open(filename, { mode, newFileSize: fileSize }), mode);
}
