/**
 * The edited content of a file as a list of pieces: runs of the original file
 * (read through the mapping when needed) and runs of an append-only buffer of
 * added bytes. Memory grows with the edits, never with the file. No `vscode`.
 */
import { flatPieces } from './flatPieces';
import type { ReplacedRun } from './replacedRun';
import { indexAtOrBefore } from '../util/sortedSearch';

/** Most bytes of the file read at once for a slice of a Replace All (see replacedBytes). */
const WINDOW_BYTES = 1024 * 1024;

/** A run of bytes: from the original file, or from the added-bytes buffer. */
export interface FlatPiece {
  readonly source: 'original' | 'added';
  readonly start: number;
  readonly length: number;
}

/** Bytes [start, start + length) of what a Replace All made (see ReplacedRun). */
export interface ReplacedPiece {
  readonly source: 'replaced';
  readonly run: ReplacedRun;
  readonly start: number;
  readonly length: number;
}

export type Piece = FlatPiece | ReplacedPiece;

/** Reads bytes of the original file (the mapping). */
export interface ByteSource {
  read(offset: number, length: number): Buffer;
}

/** Bytes [offset, offset + removed) of the content were replaced by `inserted` bytes. */
export type ContentShift = (offset: number, removed: number, inserted: number) => void;

/** A ContentShift as data: [offset, removed, inserted]. */
export type Shift = readonly [number, number, number];

export class PieceTable {
  /**
   * Told of every insertion and deletion (edits, undo, redo), after it: what refers to
   * places in the content (marks) moves with it. Not told of `appendOriginal`, which
   * moves nothing, nor of `reset`, which is no edit.
   */
  onShift: ContentShift | undefined;
  private pieces: Piece[];
  /** Where each piece starts in the content, built when first needed after a change: reads find their piece by binary search. */
  private startsCache: Float64Array | undefined;
  private added = Buffer.alloc(4096);
  private addedLength = 0;
  private total: number;
  private resets = 0;

  constructor(private readonly original: ByteSource, private originalSize: number) {
    this.pieces = originalSize > 0 ? [{ source: 'original', start: 0, length: originalSize }] : [];
    this.total = originalSize;
  }

  /** How many times the file became the content again (`reset`): edits of an earlier generation were saved or dropped. */
  get generation(): number {
    return this.resets;
  }

  /** Size of the edited content in bytes. */
  get size(): number {
    return this.total;
  }

  /** True while the content is the original file, unchanged. */
  get isPristine(): boolean {
    if (this.pieces.length === 0) return this.originalSize === 0;
    const [only] = this.pieces;
    return this.pieces.length === 1 && only.source === 'original' && only.start === 0 && only.length === this.originalSize;
  }

  /** The pieces in order (do not mutate). */
  list(): readonly Piece[] {
    return this.pieces;
  }

  /**
   * Bytes of one piece (added pieces only hold what was typed; original ones are read
   * from the file; a Replace All's are put together from both).
   */
  pieceBytes(piece: Piece, from = 0, length = piece.length - from): Buffer {
    if (piece.source === 'replaced') return this.replacedBytes(piece, from, length);
    return piece.source === 'added'
      ? this.added.subarray(piece.start + from, piece.start + from + length)
      : this.original.read(piece.start + from, length);
  }

  /** Copies of the pieces of [offset, offset + length), cut to fit; the content does not change. */
  piecesIn(offset: number, length: number): Piece[] {
    this.checkRange(offset, length);
    const out: Piece[] = [];
    const end = offset + length;
    for (let i = this.pieceAt(offset); i < this.pieces.length && this.starts()[i] < end; i++) {
      const piece = this.pieces[i];
      const into = Math.max(0, offset - this.starts()[i]);
      out.push({ ...piece, start: piece.start + into, length: Math.min(end, this.starts()[i] + piece.length) - this.starts()[i] - into });
    }
    return out;
  }

  /** Inserts `bytes` at `offset`; returns the pieces inserted (for undo). */
  insert(offset: number, bytes: Buffer): Piece[] {
    if (bytes.length === 0) return [];
    const piece = this.addBytes(bytes);
    this.insertPieces(offset, [piece]);
    return [piece];
  }

  /** Keeps a copy of `bytes` in the added buffer, outside the content: a piece to insert later (undo after a save). */
  addBytes(bytes: Buffer): FlatPiece {
    return { source: 'added', start: this.appendAdded(bytes), length: bytes.length };
  }

  /** Inserts pieces (from an earlier `delete`, to undo it) at `offset`. */
  insertPieces(offset: number, pieces: readonly Piece[]): void {
    this.checkRange(offset, 0);
    const at = this.split(offset);
    // Not splice(at, 0, ...pieces): a Replace All inserts more pieces than a call takes arguments.
    this.pieces = this.pieces.slice(0, at).concat(pieces, this.pieces.slice(at));
    this.startsCache = undefined;
    const inserted = pieces.reduce((sum, p) => sum + p.length, 0);
    this.total += inserted;
    this.mergeAround(at, at + pieces.length);
    if (inserted > 0) this.onShift?.(offset, 0, inserted);
  }

  /** Removes [offset, offset + length); returns the removed pieces, which keep the bytes for undo. */
  delete(offset: number, length: number): Piece[] {
    this.checkRange(offset, length);
    if (length === 0) return [];
    const from = this.split(offset);
    const to = this.split(offset + length);
    const removed = this.pieces.splice(from, to - from);
    this.startsCache = undefined;
    this.total -= length;
    this.mergeAround(from, from);
    this.onShift?.(offset, length, 0);
    return removed;
  }

  /**
   * Replaces [offset, offset + length) by `pieces` as one change that is made of the
   * smaller `shifts` (each [offset, removed, inserted], in the content as the ones
   * before it leave it): onShift hears of those, so what refers to places between
   * them (marks) keeps its place. Returns the removed pieces.
   */
  splice(offset: number, length: number, pieces: readonly Piece[], shifts: Iterable<Shift>): Piece[] {
    const told = this.onShift;
    this.onShift = undefined;
    let removed: Piece[];
    try {
      removed = this.delete(offset, length);
      this.insertPieces(offset, pieces);
    } finally {
      this.onShift = told;
    }
    for (const [at, gone, put] of shifts) told?.(at, gone, put);
    return removed;
  }

  /** A copy of `length` bytes at `offset` of the edited content. */
  read(offset: number, length: number): Buffer {
    this.checkRange(offset, length);
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    for (let i = this.pieceAt(offset); done < length; i++) {
      const piece = this.pieces[i];
      const from = offset + done - this.starts()[i];
      const n = Math.min(piece.length - from, length - done);
      this.pieceBytes(piece, from, n).copy(out, done);
      done += n;
    }
    return out;
  }

  /**
   * The parts of [offset, offset + length) that hold added bytes (typed, pasted,
   * not saved yet), as [start, end) pairs in order, adjacent runs joined.
   */
  addedRanges(offset: number, length: number): [number, number][] {
    const out: [number, number][] = [];
    let at = offset;
    for (const piece of flatPieces(this.piecesIn(offset, length))) {
      if (piece.source === 'added') {
        const last = out[out.length - 1];
        if (last && last[1] === at) last[1] = at + piece.length;
        else out.push([at, at + piece.length]);
      }
      at += piece.length;
    }
    return out;
  }

  /**
   * Where bytes of the file were taken out: offsets in the edited content, in order, one
   * for each place the file's pieces skip some (text put in their place counts there too).
   */
  removedAt(): number[] {
    const out: number[] = [];
    let at = 0;
    let next = 0;
    for (const piece of flatPieces(this.pieces)) {
      if (piece.source === 'original') {
        if (piece.start > next) out.push(at);
        next = piece.start + piece.length;
      }
      at += piece.length;
    }
    if (next < this.originalSize) out.push(at);
    return out;
  }

  /** Offset in the edited content where piece `index` starts. */
  offsetOfPiece(index: number): number {
    return index < this.pieces.length ? this.starts()[index] : this.total;
  }

  /**
   * The file grew by appending, to `originalSize` bytes: its new bytes join the
   * content at the end, after the edits, as they join the file. Throws RangeError
   * unless the file got larger.
   */
  appendOriginal(originalSize: number): void {
    if (!Number.isSafeInteger(originalSize) || originalSize <= this.originalSize) {
      throw new RangeError(`the file can only grow from ${this.originalSize} bytes, not to ${originalSize}`);
    }
    this.pieces.push({ source: 'original', start: this.originalSize, length: originalSize - this.originalSize });
    this.startsCache = undefined;
    this.total += originalSize - this.originalSize;
    this.originalSize = originalSize;
    this.mergeAround(this.pieces.length - 1, this.pieces.length - 1);
  }

  /**
   * Makes the file of `originalSize` bytes the content again (after a save, a
   * revert, a reload). The added bytes stay: edits kept for undo and redo refer to them.
   */
  reset(originalSize: number): void {
    this.resets++;
    this.originalSize = originalSize;
    this.pieces = originalSize > 0 ? [{ source: 'original', start: 0, length: originalSize }] : [];
    this.startsCache = undefined;
    this.total = originalSize;
  }

  /**
   * Bytes of a slice of a Replace All. Its runs of the file are short and close together:
   * when they lie within WINDOW_BYTES they are read with one read, not one each.
   */
  private replacedBytes(piece: ReplacedPiece, from: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    const parts = flatPieces(piece.run.parts(piece.start + from, length));
    let at = 0;
    if (length > WINDOW_BYTES) {
      for (const part of parts) at += this.pieceBytes(part).copy(out, at);
      return out;
    }
    const list = [...parts];
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (const part of list) {
      if (part.source !== 'original') continue;
      lo = Math.min(lo, part.start);
      hi = Math.max(hi, part.start + part.length);
    }
    const window = hi > lo && hi - lo <= WINDOW_BYTES ? this.original.read(lo, hi - lo) : undefined;
    for (const part of list) {
      const bytes = window && part.source === 'original' ? window.subarray(part.start - lo, part.start - lo + part.length) : this.pieceBytes(part);
      at += bytes.copy(out, at);
    }
    return out;
  }

  private appendAdded(bytes: Buffer): number {
    if (this.addedLength + bytes.length > this.added.length) {
      const grown = Buffer.alloc(Math.max(this.added.length * 2, this.addedLength + bytes.length));
      this.added.copy(grown, 0, 0, this.addedLength);
      this.added = grown;
    }
    const start = this.addedLength;
    bytes.copy(this.added, start);
    this.addedLength += bytes.length;
    return start;
  }

  /** Splits the piece containing `offset` so that a piece starts there; returns that piece's index. */
  private split(offset: number): number {
    const i = this.pieceAt(offset);
    if (i === this.pieces.length) return i;
    const head = offset - this.starts()[i];
    if (head === 0) return i;
    const piece = this.pieces[i];
    this.pieces.splice(i, 1, { ...piece, length: head }, { ...piece, start: piece.start + head, length: piece.length - head });
    this.startsCache = undefined;
    return i + 1;
  }

  /** Index of the piece holding byte `offset` of the content (the number of pieces at its end). */
  private pieceAt(offset: number): number {
    return offset >= this.total ? this.pieces.length : indexAtOrBefore(this.starts(), offset);
  }

  private starts(): Float64Array {
    if (!this.startsCache) {
      const starts = new Float64Array(this.pieces.length);
      let at = 0;
      for (let i = 0; i < this.pieces.length; i++) {
        starts[i] = at;
        at += this.pieces[i].length;
      }
      this.startsCache = starts;
    }
    return this.startsCache;
  }

  /**
   * Joins each pair (i - 1, i), for i from `last` down to `first`, when the second
   * piece continues the first: typing char by char then makes one piece.
   */
  private mergeAround(first: number, last: number): void {
    for (let i = Math.min(last, this.pieces.length - 1); i >= Math.max(1, first); i--) {
      const a = this.pieces[i - 1];
      const b = this.pieces[i];
      if (a.source === b.source && a.start + a.length === b.start && (a.source !== 'replaced' || a.run === (b as ReplacedPiece).run)) {
        this.pieces.splice(i - 1, 2, { ...a, length: a.length + b.length });
        this.startsCache = undefined;
      }
    }
  }

  private checkRange(offset: number, length: number): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.total) {
      throw new RangeError(`range ${offset} + ${length} is outside the content (${this.total} bytes)`);
    }
  }
}
