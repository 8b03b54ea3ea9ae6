/**
 * A line index over bytes in memory, complete from the start: what the fake host gives
 * the host's EditedText in place of a LineIndex over a mapped file. Lines as the index
 * numbers them (as `wc -l`, plus a last line without newline).
 */
import type { IndexedLines } from '../../src/edits/editedText';
import { TextEncoding, UTF8 } from '../../src/encoding/textEncoding';
import { type LineBreak, lineBreakOf, type LineBreakKind, lineTextEnd } from '../../src/lines/lineBreak';

export class MemoryIndex implements IndexedLines {
  /** Offsets right after each newline. */
  private afterNewlines: number[] = [];
  private bytes = Buffer.alloc(0);

  readonly lineBreak: LineBreak;

  constructor(bytes: Uint8Array, readonly encoding: TextEncoding = UTF8, lineBreak: LineBreakKind = 'lf') {
    this.lineBreak = lineBreakOf(lineBreak, encoding);
    this.replace(bytes);
  }

  /** The file's content is now `bytes` (a save or a revert wrote it). */
  replace(bytes: Uint8Array): void {
    this.bytes = Buffer.from(Array.from(bytes));
    this.afterNewlines = [];
    const u = this.lineBreak.unitBytes;
    for (let at = this.lineBreak.indexOf(this.bytes); at >= 0; at = this.lineBreak.indexOf(this.bytes, at + u)) this.afterNewlines.push(at + u);
  }

  get fileSize(): number {
    return this.bytes.length;
  }

  readonly complete = true;

  get lineCount(): number {
    const size = this.bytes.length;
    return size === 0 ? 0 : this.afterNewlines.length + (this.breakEndsAt(size) ? 0 : 1);
  }

  get knownNewlines(): number {
    return this.afterNewlines.length;
  }

  get estimatedLineCount(): number {
    return this.lineCount;
  }

  get progress(): { fileSize: number; indexedBytes: number; scannedBytes: number; complete: boolean } {
    const size = this.bytes.length;
    return { fileSize: size, indexedBytes: size, scannedBytes: size, complete: true };
  }

  offsetAfterNewline(n: number): number {
    if (n > this.afterNewlines.length) throw new RangeError(`newline ${n} is not indexed`);
    return n === 0 ? 0 : this.afterNewlines[n - 1];
  }

  lineBounds(n: number): { start: number; end: number; next: number } {
    if (!Number.isSafeInteger(n) || n < 0 || n >= this.lineCount) throw new RangeError(`line ${n} is not indexed yet`);
    const start = this.offsetAfterNewline(n);
    const next = n < this.afterNewlines.length ? this.afterNewlines[n] : this.bytes.length;
    return { start, end: lineTextEnd(this.lineBreak, start, next, (at, length) => this.bytes.subarray(at, at + length)), next };
  }

  lineOfOffset(offset: number): number {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.bytes.length) throw new RangeError(`offset ${offset} is out of range`);
    return this.newlinesBefore(offset);
  }

  private breakEndsAt(offset: number): boolean {
    const u = this.lineBreak.unitBytes;
    return offset >= u && this.lineBreak.isBreakAt(this.bytes, offset - u);
  }

  newlinesBefore(offset: number): number {
    let lo = 0;
    let hi = this.afterNewlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.afterNewlines[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  read(offset: number, length: number): Buffer {
    return Buffer.from(Array.from(this.bytes.subarray(offset, offset + length)));
  }
}
