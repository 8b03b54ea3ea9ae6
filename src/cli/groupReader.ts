import * as fs from 'fs';

const LF = 0x0a;
const CR = 0x0d;
/** Bytes read at a time: matches come in file order, so most lines are already in the buffer. */
const BLOCK = 1024 * 1024;
/**
 * Context read on each side of a match inside a line longer than this: the search
 * itself sees long lines in pieces with this much overlap (see RegexMatcher).
 */
const CONTEXT = 16 * 1024;

/**
 * Finds the groups of regex matches the search reported as byte ranges: the search
 * hands over offsets and lengths only, so each match's line is read back and the
 * pattern run again, sticky, at the match's position. Matches must be asked for
 * in file order.
 */
export class GroupReader {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(BLOCK);
  private bufStart = 0;
  private bufEnd = 0;
  private readonly sticky: RegExp;
  private readonly size: number;

  /** `flags` as the search ran the pattern (regexFlags). */
  constructor(private readonly file: string, source: string, flags: string) {
    this.fd = fs.openSync(file, 'r');
    this.sticky = new RegExp(source, `y${flags}`);
    this.size = fs.fstatSync(this.fd).size;
  }

  /**
   * The match at [offset, offset + length) with its groups. Throws (the file is then
   * not changed) when the pattern does not match there again: the file changed since
   * the search, or a line so long that the context read changes the match.
   */
  exec(offset: number, length: number): RegExpExecArray {
    this.load(Math.max(0, offset - CONTEXT), Math.min(this.size, offset + length + CONTEXT));
    const view = this.buf.subarray(0, this.bufEnd - this.bufStart);
    const at = offset - this.bufStart;
    const lineStart = at > 0 ? view.lastIndexOf(LF, at - 1) + 1 : 0;
    let lineEnd = view.indexOf(LF, at + length);
    if (lineEnd < 0) lineEnd = view.length;
    else if (lineEnd > lineStart && view[lineEnd - 1] === CR) lineEnd--;
    const before = view.toString('utf8', lineStart, at);
    const text = before + view.toString('utf8', at, lineEnd);
    this.sticky.lastIndex = before.length;
    const m = this.sticky.exec(text);
    if (!m || Buffer.byteLength(m[0]) !== length) {
      throw new Error(`the pattern no longer matches the ${length} bytes at offset ${offset} of '${this.file}' (was it changed meanwhile?); nothing was replaced`);
    }
    return m;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /** Makes the buffer hold [start, end) (clipped to the file), reading a block from `start` if it does not. */
  private load(start: number, end: number): void {
    if (start >= this.bufStart && end <= this.bufEnd) return;
    const want = Math.min(Math.max(end - start, BLOCK), this.size - start);
    if (want > this.buf.length) this.buf = Buffer.allocUnsafe(want); // a match longer than a block
    let n = 0;
    for (let got = -1; got !== 0 && n < want; n += got) got = fs.readSync(this.fd, this.buf, n, want - n, start + n);
    this.bufStart = start;
    this.bufEnd = start + n;
  }
}
