/**
 * What a Replace All leaves in the piece table: one run that is an old span of the
 * content with its matches replaced, kept as numbers in typed arrays instead of two
 * pieces per match, so a million replacements cost a few megabytes. No `vscode`.
 */
import type { Piece, Shift } from './pieceTable';
import { indexAtOrBefore } from '../util/sortedSearch';

/**
 * Matches per checkpoint. A place in the run is found by a binary search over the
 * checkpoints, then a walk of at most this many matches: 24 bytes per block, 0.4 byte
 * per match.
 */
const BLOCK = 64;

/** Whole numbers in the smallest typed array that holds them all. */
type Counts = Uint8Array | Uint16Array | Uint32Array | Float64Array;

function countsFor(count: number, max: number): Counts {
  if (max < 0x100) return new Uint8Array(count);
  if (max < 0x10000) return new Uint16Array(count);
  if (max <= 0xffffffff) return new Uint32Array(count);
  return new Float64Array(count);
}

/** Matches in a span, in order and not overlapping: offsets from the span's start. */
export interface SpanMatches {
  readonly count: number;
  offset(i: number): number;
  length(i: number): number;
}

/**
 * The replacements' bytes, in the added bytes of the table: `bytes` holds the one
 * replacement of every match when `lengths` is undefined; else replacement i follows
 * replacement i - 1 in `bytes` and is `lengths(i)` bytes long.
 */
export interface Replacements {
  readonly bytes: Piece;
  readonly lengths?: (i: number) => number;
}

/** Where a walk through the run is: item i is the old bytes before match i (the tail after the last one when i = count), then match i's replacement. */
interface Cursor {
  i: number;
  /** Offset of item i in the old span, in the run, and in the replacements' bytes. */
  old: number;
  edited: number;
  replaced: number;
}

export class ReplacedRun {
  /** Bytes of the run: the old span with every match replaced. */
  readonly length: number;
  readonly count: number;
  /** Largest end of a file range the run reads (the file must be indexed that far to count its lines). */
  readonly originalEnd: number;
  private readonly baseStarts: Float64Array;
  /** Old bytes before match i, from the end of match i - 1 (or the span's start). */
  private readonly gaps: Counts;
  private readonly matchLengths: Counts;
  /** Replacement i's length; undefined when every match has the same replacement. */
  private readonly replacedLengths: Counts | undefined;
  private readonly tail: number;
  /** The replacements' bytes (see Replacements). */
  private readonly replaced: Piece;
  /** Per block b, the cursor at item b * BLOCK. */
  private readonly oldAt: Float64Array;
  private readonly editedAt: Float64Array;
  private readonly replacedAt: Float64Array;

  /**
   * The run over the old span made of the pieces `base`, whose `matches` (offsets from
   * the span's start) are replaced by `replacements`. Throws RangeError for matches out
   * of order, overlapping or outside the span, and for replacements' lengths that do
   * not add up to their bytes. Nothing invalidates it: it is never changed.
   */
  constructor(readonly base: readonly Piece[], matches: SpanMatches, replacements: Replacements) {
    this.count = matches.count;
    // Not the Replacements: its `lengths` may hold on to a larger array than ours.
    this.replaced = replacements.bytes;
    this.baseStarts = startsOf(base);
    this.originalEnd = originalEndOf(base);
    const baseLength = base.length > 0 ? this.baseStarts[base.length - 1] + base[base.length - 1].length : 0;
    let maxGap = 0;
    let maxLength = 0;
    let maxReplaced = 0;
    let end = 0;
    for (let i = 0; i < this.count; i++) {
      const offset = matches.offset(i);
      const length = matches.length(i);
      if (!(offset >= end && offset + length <= baseLength)) throw new RangeError(`match ${i} at ${offset} (+${length}) overlaps the one before it or leaves the span (${baseLength} bytes)`);
      maxGap = Math.max(maxGap, offset - end);
      maxLength = Math.max(maxLength, length);
      if (replacements.lengths) maxReplaced = Math.max(maxReplaced, replacements.lengths(i));
      end = offset + length;
    }
    this.gaps = countsFor(this.count, maxGap);
    this.matchLengths = countsFor(this.count, maxLength);
    this.replacedLengths = replacements.lengths ? countsFor(this.count, maxReplaced) : undefined;
    this.tail = baseLength - end;
    const blocks = Math.floor(this.count / BLOCK) + 1;
    this.oldAt = new Float64Array(blocks);
    this.editedAt = new Float64Array(blocks);
    this.replacedAt = new Float64Array(blocks);
    const at: Cursor = { i: 0, old: 0, edited: 0, replaced: 0 };
    for (; at.i < this.count; this.step(at)) {
      if (at.i % BLOCK === 0) this.mark(at);
      const offset = matches.offset(at.i);
      this.gaps[at.i] = offset - at.old;
      this.matchLengths[at.i] = matches.length(at.i);
      if (this.replacedLengths) this.replacedLengths[at.i] = replacements.lengths!(at.i);
    }
    if (at.i % BLOCK === 0) this.mark(at);
    this.length = at.edited + this.tail;
    if (replacements.lengths && at.replaced !== replacements.bytes.length) {
      throw new RangeError(`the replacements are ${at.replaced} bytes, not the ${replacements.bytes.length} given`);
    }
  }

  /** Checkpoints: one per BLOCK matches, and where each starts in the run. */
  get blocks(): number {
    return this.editedAt.length;
  }

  blockStart(block: number): number {
    return this.editedAt[block];
  }

  /** The last block that starts at or before `offset` of the run. */
  blockAt(offset: number): number {
    return indexAtOrBefore(this.editedAt, offset);
  }

  /**
   * The pieces that make up bytes [from, from + length) of the run, in order: slices
   * of the base (which may be slices of another run) and of the replacements' bytes.
   */
  *parts(from: number, length: number): Generator<Piece> {
    const end = from + length;
    if (length <= 0) return;
    const at = this.cursorAt(this.blockAt(from));
    for (;;) {
      const gap = this.gapOf(at.i);
      if (at.edited + gap > from) yield* this.baseParts(at.old + Math.max(0, from - at.edited), Math.min(end, at.edited + gap) - Math.max(from, at.edited));
      if (at.i === this.count || at.edited + gap >= end) return;
      const put = at.edited + gap;
      const putLength = this.replacedLength(at.i);
      if (put + putLength > from && putLength > 0) {
        const into = Math.max(0, from - put);
        const bytes = this.replaced;
        yield { ...bytes, start: bytes.start + (this.replacedLengths ? at.replaced : 0) + into, length: Math.min(end, put + putLength) - put - into };
      }
      if (put + putLength >= end) return;
      this.step(at);
    }
  }

  /**
   * The run's changes one by one, in the content it was made in (starting at
   * `offset`): made (`forward`) last match first, each [offset, old length, new
   * length]; taken back first match first, each [offset, new length, old length].
   * Either way each change's offset holds when it comes (see PieceTable.splice).
   */
  *shifts(offset: number, forward: boolean): Generator<Shift> {
    if (!forward) {
      for (const at: Cursor = this.cursorAt(0); at.i < this.count; this.step(at)) {
        yield [offset + at.old + this.gaps[at.i], this.replacedLength(at.i), this.matchLengths[at.i]];
      }
      return;
    }
    const starts: number[] = [];
    for (let block = this.blocks - 1; block >= 0; block--) {
      starts.length = 0;
      const at = this.cursorAt(block);
      for (; at.i < this.count && at.i < (block + 1) * BLOCK; this.step(at)) starts.push(at.old + this.gaps[at.i]);
      for (let k = starts.length - 1; k >= 0; k--) {
        const i = block * BLOCK + k;
        yield [offset + starts[k], this.matchLengths[i], this.replacedLength(i)];
      }
    }
  }

  /**
   * This run over `base`, other pieces with the same bytes (a save moved them in the
   * file). It shares this run's numbers, which never change.
   */
  withBase(base: readonly Piece[]): ReplacedRun {
    const run = Object.create(ReplacedRun.prototype) as ReplacedRun;
    return Object.assign(run, this, { base, baseStarts: startsOf(base), originalEnd: originalEndOf(base) });
  }

  /**
   * The run that takes this one back: over `base` (pieces with this run's bytes), each
   * replacement is replaced by its match's old bytes, which `oldBytes` holds one after
   * another (see oldMatches). What undo puts back once a save made this run the file.
   */
  inverse(base: readonly Piece[], oldBytes: Piece): ReplacedRun {
    const offsets = new Float64Array(this.count);
    for (const at = this.cursorAt(0); at.i < this.count; this.step(at)) offsets[at.i] = at.edited + this.gaps[at.i];
    return new ReplacedRun(base, { count: this.count, offset: (i) => offsets[i], length: (i) => this.replacedLength(i) }, { bytes: oldBytes, lengths: (i) => this.matchLengths[i] });
  }

  /** Each match's old bytes, in order, as base pieces (which may be slices of another run). */
  *oldMatches(): Generator<Piece[]> {
    for (const at = this.cursorAt(0); at.i < this.count; this.step(at)) yield [...this.baseParts(at.old + this.gaps[at.i], this.matchLengths[at.i])];
  }

  /** Base pieces of old bytes [from, from + length), cut to fit. */
  private *baseParts(from: number, length: number): Generator<Piece> {
    const end = from + length;
    for (let i = indexAtOrBefore(this.baseStarts, from); i < this.base.length && this.baseStarts[i] < end; i++) {
      const piece = this.base[i];
      const into = Math.max(0, from - this.baseStarts[i]);
      const n = Math.min(end, this.baseStarts[i] + piece.length) - this.baseStarts[i] - into;
      if (n > 0) yield { ...piece, start: piece.start + into, length: n };
    }
  }

  private gapOf(i: number): number {
    return i === this.count ? this.tail : this.gaps[i];
  }

  private replacedLength(i: number): number {
    return this.replacedLengths ? this.replacedLengths[i] : this.replaced.length;
  }

  private cursorAt(block: number): Cursor {
    return { i: block * BLOCK, old: this.oldAt[block], edited: this.editedAt[block], replaced: this.replacedAt[block] };
  }

  private mark(at: Cursor): void {
    const block = at.i / BLOCK;
    this.oldAt[block] = at.old;
    this.editedAt[block] = at.edited;
    this.replacedAt[block] = at.replaced;
  }

  /** Moves `at` from item i to item i + 1 (i < count). */
  private step(at: Cursor): void {
    const put = this.replacedLength(at.i);
    at.old += this.gaps[at.i] + this.matchLengths[at.i];
    at.edited += this.gaps[at.i] + put;
    at.replaced += put;
    at.i++;
  }
}

function startsOf(pieces: readonly Piece[]): Float64Array {
  const starts = new Float64Array(pieces.length);
  let at = 0;
  pieces.forEach((piece, i) => {
    starts[i] = at;
    at += piece.length;
  });
  return starts;
}

function originalEndOf(pieces: readonly Piece[]): number {
  let end = 0;
  for (const piece of pieces) end = Math.max(end, piece.source === 'original' ? piece.start + piece.length : piece.source === 'replaced' ? piece.run.originalEnd : 0);
  return end;
}
