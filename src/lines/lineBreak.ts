/**
 * How a file's lines end, as it is read: which code unit ends a line (LF, or a lone
 * CR), whether a CR right before it belongs to the line ending, and how wide a code
 * unit is (one byte, or two in UTF-16, little- or big-endian). Every scan for line
 * breaks goes through it. No `vscode`.
 *
 * Buffers handed to it must start at an even offset of the text when units are two
 * bytes wide: a line break is a whole unit at an even offset (a `0A` byte elsewhere is
 * half of another character, e.g. U+010A or U+0A05).
 */
import type { TextEncoding } from '../encoding/textEncoding';
import { checkpointsIn, type NewlineScanner, type Probe } from './newlineScanner';

/** `lf`: `\n` ends a line, `\r\n` too (its `\r` is not text); `cr`: a lone `\r` ends a line (classic Mac OS). */
export type LineBreakKind = 'lf' | 'cr';

export const CR = 0x0d;
export const LF = 0x0a;

export interface LineBreak {
  readonly kind: LineBreakKind;
  /** As VS Code's status bar names a line ending. */
  readonly label: 'LF' | 'CR';
  /** Bytes of a code unit, and of the unit that ends a line. */
  readonly unitBytes: 1 | 2;
  /** True when a `\r` right before the line break is part of the line ending (`\r\n`), not of the text. */
  readonly eatsCr: boolean;
  /** Where the first line break at or after `from` starts, or -1. */
  indexOf(buf: Buffer, from?: number): number;
  /** Where the last line break starting at or before `at` starts (whole inside buf), or -1. */
  lastIndexOf(buf: Buffer, at?: number): number;
  /** Whether the unit starting at `at` of `buf` is this line break. */
  isBreakAt(buf: Uint8Array, at: number): boolean;
  /** Whether the unit starting at `at` of `buf` is a `\r`. */
  isCrAt(buf: Uint8Array, at: number): boolean;
  /** Line breaks starting in chunk[0..length) (whole inside it). `chunk` is best a scanBuffer of `scanner`. */
  count(scanner: NewlineScanner, chunk: Buffer, length: number): number;
  /** Where the `n`-th (0-based) line break of chunk[0..length) starts, or -1. */
  nth(scanner: NewlineScanner, chunk: Buffer, length: number, n: number): number;
  /**
   * NewlineScanner.checkpoints for this line break: counts the breaks of chunk[0..length)
   * and stores `base` + the offset where the line after every `every`-th one starts.
   */
  checkpoints(
    scanner: NewlineScanner, chunk: Buffer, length: number, every: number, startIndex: number,
    out: Float64Array, outStart: number, base: number,
  ): number;
}

/** One-byte units: the scanner's kernels do the work. */
class ByteLineBreak implements LineBreak {
  readonly unitBytes = 1;

  constructor(readonly kind: LineBreakKind, readonly label: 'LF' | 'CR', private readonly byte: number, readonly eatsCr: boolean) {}

  indexOf(buf: Buffer, from = 0): number {
    return buf.indexOf(this.byte, from);
  }

  lastIndexOf(buf: Buffer, at = buf.length - 1): number {
    return at < 0 ? -1 : buf.lastIndexOf(this.byte, at);
  }

  isBreakAt(buf: Uint8Array, at: number): boolean {
    return buf[at] === this.byte;
  }

  isCrAt(buf: Uint8Array, at: number): boolean {
    return buf[at] === CR;
  }

  count(scanner: NewlineScanner, chunk: Buffer, length: number): number {
    return scanner.countByte(chunk, length, this.byte);
  }

  nth(scanner: NewlineScanner, chunk: Buffer, length: number, n: number): number {
    return scanner.nthByte(chunk, length, this.byte, n);
  }

  checkpoints(
    scanner: NewlineScanner, chunk: Buffer, length: number, every: number, startIndex: number,
    out: Float64Array, outStart: number, base: number,
  ): number {
    return scanner.checkpoints(chunk, length, this.byte, every, startIndex, out, outStart, base + 1);
  }
}

/** Candidates found per probe call in a two-byte scan. */
const CANDIDATES = 16 * 1024;

/**
 * Two-byte units (UTF-16): the unit is `char 00` (little-endian) or `00 char`
 * (big-endian) at an even offset. The scanner's SIMD probe finds the byte pairs;
 * those at odd offsets (the pair straddling two characters) are skipped.
 */
class UnitLineBreak implements LineBreak {
  readonly unitBytes = 2;
  /** Where in the unit the character's byte is (the other is 0). */
  private readonly low: number;
  private readonly probes: readonly Probe[];
  private readonly candidates = new Uint32Array(CANDIDATES);

  constructor(readonly kind: LineBreakKind, readonly label: 'LF' | 'CR', private readonly char: number, readonly eatsCr: boolean, bigEndian: boolean) {
    this.low = bigEndian ? 1 : 0;
    this.probes = [{ offset: this.low, byte: char }, { offset: 1 - this.low, byte: 0 }];
  }

  indexOf(buf: Buffer, from = 0): number {
    const start = from + (from & 1);
    for (let i = buf.indexOf(this.char, start + this.low); i >= 0; i = buf.indexOf(this.char, i + 1)) {
      const unit = i - this.low;
      if ((unit & 1) === 0 && unit + 1 < buf.length && buf[unit + 1 - this.low] === 0) return unit;
    }
    return -1;
  }

  lastIndexOf(buf: Buffer, at = buf.length - 1): number {
    let unit = Math.min(at, buf.length - 2);
    unit -= unit & 1;
    for (let i = unit < 0 ? -1 : buf.lastIndexOf(this.char, unit + this.low); i >= 0; i = i > 0 ? buf.lastIndexOf(this.char, i - 1) : -1) {
      const start = i - this.low;
      if ((start & 1) === 0 && buf[start + 1 - this.low] === 0) return start;
    }
    return -1;
  }

  isBreakAt(buf: Uint8Array, at: number): boolean {
    return buf[at + this.low] === this.char && buf[at + 1 - this.low] === 0;
  }

  isCrAt(buf: Uint8Array, at: number): boolean {
    return buf[at + this.low] === CR && buf[at + 1 - this.low] === 0;
  }

  count(scanner: NewlineScanner, chunk: Buffer, length: number): number {
    let n = 0;
    this.forEach(scanner, chunk, length, () => {
      n++;
      return true;
    });
    return n;
  }

  nth(scanner: NewlineScanner, chunk: Buffer, length: number, n: number): number {
    let found = -1;
    let left = n;
    this.forEach(scanner, chunk, length, (at) => {
      if (left-- > 0) return true;
      found = at;
      return false;
    });
    return found;
  }

  checkpoints(
    scanner: NewlineScanner, chunk: Buffer, length: number, every: number, startIndex: number,
    out: Float64Array, outStart: number, base: number,
  ): number {
    let ordinal = startIndex;
    let stored = outStart;
    this.forEach(scanner, chunk, length, (at) => {
      ordinal++;
      if (ordinal % every === 0) {
        if (stored >= out.length) throw new RangeError(`checkpoint output full at ${stored}`);
        out[stored++] = base + at + 2;
      }
      return true;
    });
    const count = ordinal - startIndex;
    if (stored - outStart !== checkpointsIn(startIndex, count, every)) throw new Error('checkpoint count mismatch');
    return count;
  }

  /** Calls `visit` with the start of each line break in chunk[0..length), in order, until it returns false. */
  private forEach(scanner: NewlineScanner, chunk: Buffer, length: number, visit: (at: number) => boolean): void {
    const to = length - 1; // a unit starting at `to` would reach past the end
    const out = this.candidates;
    for (let from = 0; from < to; ) {
      const n = scanner.probe(chunk, from, to, this.probes, out);
      for (let k = 0; k < n; k++) {
        const at = out[k];
        if ((at & 1) === 0 && !visit(at)) return;
      }
      if (n < out.length) return;
      from = out[n - 1] + 1;
    }
  }
}

export const LF_BREAK: LineBreak = new ByteLineBreak('lf', 'LF', LF, true);
export const CR_BREAK: LineBreak = new ByteLineBreak('cr', 'CR', CR, false);

const WIDE: Record<string, LineBreak> = {
  'lf-le': new UnitLineBreak('lf', 'LF', LF, true, false),
  'cr-le': new UnitLineBreak('cr', 'CR', CR, false, false),
  'lf-be': new UnitLineBreak('lf', 'LF', LF, true, true),
  'cr-be': new UnitLineBreak('cr', 'CR', CR, false, true),
};

/** The line break of a kind ('lf' for anything else: an old or foreign value) in text of `encoding` (one-byte units when absent). */
export function lineBreakOf(kind: string | undefined, encoding?: Pick<TextEncoding, 'unitBytes' | 'bigEndian'>): LineBreak {
  const cr = kind === 'cr';
  if (!encoding || encoding.unitBytes === 1) return cr ? CR_BREAK : LF_BREAK;
  return WIDE[`${cr ? 'cr' : 'lf'}-${encoding.bigEndian ? 'be' : 'le'}`];
}

/**
 * The line break a file's first bytes show: CR when they hold a `\r` and no `\n` (a
 * file from classic Mac OS, or a tool that writes lone CRs), else LF (which reads
 * `\r\n` too); in units of `encoding`.
 */
export function detectLineBreak(head: Buffer, encoding?: Pick<TextEncoding, 'unitBytes' | 'bigEndian'>): LineBreak {
  const lf = lineBreakOf('lf', encoding);
  const cr = lineBreakOf('cr', encoding);
  return lf.indexOf(head) >= 0 || cr.indexOf(head) < 0 ? lf : cr;
}

/**
 * Where the text of the line [start, next) ends: before its line break, if it has one,
 * and before a `\r` of a `\r\n` the line break eats. `read` gives `length` bytes at an offset.
 */
export function lineTextEnd(lineBreak: LineBreak, start: number, next: number, read: (offset: number, length: number) => Uint8Array): number {
  const u = lineBreak.unitBytes;
  const breakAt = next - u;
  if (breakAt < start || !lineBreak.isBreakAt(read(breakAt, u), 0)) return next;
  return lineBreak.eatsCr && breakAt - u >= start && lineBreak.isCrAt(read(breakAt - u, u), 0) ? breakAt - u : breakAt;
}
