import type { LineBreak } from '../lines/lineBreak';
import { NewlineScanner } from '../lines/newlineScanner';
import { Window } from './matcher';
import { ByteStream } from './segments';

/**
 * Line numbers of increasing stream offsets, counted with the SIMD newline scanner
 * over the windows the search reads anyway (windows must be views of the scanner's
 * scanBuffer, or every count pays a copy).
 */
export class LineCounter {
  /** Starts at stream offset `offset`, which has `newlines` line breaks before it. */
  constructor(private readonly scanner: NewlineScanner, private newlines: number, private offset: number, private readonly lineBreak: LineBreak) {}

  /**
   * Newlines before stream offset `offset` (= the 0-based line holding that byte).
   * `offset` must not be before the last one asked, and the bytes between must lie in `w`.
   */
  at(w: Window, offset: number): number {
    if (offset > this.offset) {
      const from = this.offset - w.start;
      this.newlines += this.lineBreak.count(this.scanner, w.buf.subarray(from), offset - this.offset);
      this.offset = offset;
    }
    return this.newlines;
  }
}

/** Line breaks in stream bytes [from, to), read through `buffer` (a scanBuffer of `scanner`; of even length for two-byte units). */
export function countNewlines(stream: ByteStream, scanner: NewlineScanner, buffer: Buffer, from: number, to: number, lineBreak: LineBreak): number {
  let count = 0;
  for (let at = from; at < to; ) {
    const n = Math.min(buffer.length, to - at);
    stream.read(at, buffer, n);
    count += lineBreak.count(scanner, buffer, n);
    at += n;
  }
  return count;
}
