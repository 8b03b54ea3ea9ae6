import type { LineIndex } from '../lines';

/** What EditedText reads of a line index (a LineIndex; tests give an in-memory one). */
export type IndexedLines = Pick<LineIndex, 'encoding' | 'lineBreak' | 'complete' | 'lineCount' | 'knownNewlines' | 'estimatedLineCount' | 'progress'
  | 'lineBounds' | 'lineOfOffset' | 'offsetAfterNewline' | 'newlinesBefore'>;
import type { TextEncoding } from '../encoding/textEncoding';
import { type LineBreak, lineTextEnd } from '../lines/lineBreak';
import type { TextSource } from '../lines/textSource';
import { Piece, PieceTable } from './pieceTable';
import { RunNewlines } from './runNewlines';
import { indexAtOrBefore } from '../util/sortedSearch';

/**
 * An original run this short has its newlines counted in its bytes: asking the index
 * costs a scan from its nearest checkpoint at each end, which a Replace All's hundreds
 * of thousands of short runs would pay each.
 */
const COUNT_DIRECTLY_BYTES = 4096;

/** Per-piece line facts, rebuilt after each edit: where each piece starts and how many newlines precede it. */
interface Layout {
  starts: number[];
  newlinesBefore: number[];
  /** Pieces whose newlines are all known (the rest lie past the indexed prefix). */
  knownPieces: number;
  /** Newlines known in total: in the known pieces plus the indexed part of the next one. */
  knownNewlines: number;
}

/**
 * The lines of a file with pending edits: a piece table over the original file,
 * whose original runs are numbered by the file's line index and whose added runs
 * are counted directly. Unedited, it answers straight from the index.
 */
export class EditedText implements TextSource {
  private layout: Layout | undefined;
  private readonly newlineCache = new Map<number, number>();
  /**
   * Newlines in each whole piece, kept across edits: pieces never change, and an edit
   * makes only a few new ones, so the layout after a key press in content of many
   * pieces (a Replace All) counts those few. Emptied when the table becomes the file again.
   */
  private pieceNewlines = new WeakMap<Piece, number>();
  private runNewlines = this.newRunNewlines();
  private piecesGeneration = -1;
  private lastIsBreak: boolean | undefined;

  constructor(private readonly index: IndexedLines, readonly table: PieceTable) {}

  get size(): number {
    return this.table.size;
  }

  get encoding(): TextEncoding {
    return this.index.encoding;
  }

  get lineBreak(): LineBreak {
    return this.index.lineBreak;
  }

  get complete(): boolean {
    return this.index.complete;
  }

  /** Call after every change to the table or the index (edits, growth, reset). */
  invalidate(): void {
    this.layout = undefined;
    this.lastIsBreak = undefined;
    this.newlineCache.clear();
    if (this.piecesGeneration !== this.table.generation) {
      this.pieceNewlines = new WeakMap();
      this.runNewlines = this.newRunNewlines();
      this.piecesGeneration = this.table.generation;
    }
  }

  /**
   * Lines known now. As in VS Code, a line break ends a line and starts another, so
   * content that ends with one (or is empty) has an empty last line, known once every
   * line is: the place to type after the final newline.
   */
  availableLines(): number {
    const lines = this.brokenLines();
    return lines.known + (lines.all && this.endsWithBreak() ? 1 : 0);
  }

  /**
   * Lines as Count Lines and `wc -l` count them (plus a last line without a break: the
   * empty line after a final break is not one), once every line is known; else undefined.
   */
  countedLines(): number | undefined {
    const lines = this.brokenLines();
    return lines.all ? lines.known : undefined;
  }

  estimatedLineCount(): number {
    if (this.complete && (this.table.isPristine || this.currentLayout().knownPieces === this.table.list().length)) return this.availableLines();
    if (this.table.isPristine) return this.index.estimatedLineCount;
    const original = this.index.knownNewlines;
    return Math.max(this.availableLines(), this.index.estimatedLineCount + this.currentLayout().knownNewlines - original);
  }

  lineBounds(n: number): { start: number; end: number; next: number } {
    if (!Number.isSafeInteger(n) || n < 0 || n >= this.availableLines()) throw new RangeError(`line ${n} is not known`);
    if (n === this.brokenLines().known) return { start: this.size, end: this.size, next: this.size };
    if (this.table.isPristine) return this.index.lineBounds(n);
    const start = n === 0 ? 0 : this.afterNewline(n);
    const next = n + 1 <= this.currentLayout().knownNewlines ? this.afterNewline(n + 1) : this.size;
    return { start, end: lineTextEnd(this.lineBreak, start, next, (at, length) => this.table.read(at, length)), next };
  }

  lineOfOffset(offset: number): number {
    if (this.table.isPristine) return this.index.lineOfOffset(offset);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.size) throw new RangeError(`offset ${offset} is out of range`);
    const layout = this.currentLayout();
    const i = indexAtOrBefore(layout.starts, offset);
    if (i >= layout.knownPieces && !this.isOriginalKnownAt(this.table.list()[i], offset - layout.starts[i])) {
      throw new RangeError(`offset ${offset} is not indexed yet`);
    }
    return layout.newlinesBefore[i] + this.newlinesIn(this.table.list()[i], offset - layout.starts[i]);
  }

  read(offset: number, length: number): Buffer {
    return this.table.read(offset, length);
  }

  /** Lines with bytes or a line break (as `wc -l` counts, plus a last line without one), and whether all are known. */
  private brokenLines(): { known: number; all: boolean } {
    if (this.table.isPristine) {
      return this.index.complete ? { known: this.index.lineCount ?? 0, all: true } : { known: this.index.knownNewlines, all: false };
    }
    const layout = this.currentLayout();
    if (!this.complete || layout.knownPieces < this.table.list().length) return { known: layout.knownNewlines, all: false };
    return { known: layout.knownNewlines + (this.endsWithBreak() ? 0 : 1), all: true };
  }

  /** Empty, or the last byte is a line break (read once per change: lineBounds asks for every line). */
  private endsWithBreak(): boolean {
    this.lastIsBreak ??= this.size === 0 || this.breakEndsAt(this.size);
    return this.lastIsBreak;
  }

  /** Whether a line break ends right before `offset`. */
  private breakEndsAt(offset: number): boolean {
    const unit = this.lineBreak.unitBytes;
    return offset >= unit && this.lineBreak.isBreakAt(this.table.read(offset - unit, unit), 0);
  }

  /** Edited offset right after the `m`-th newline (1-based). */
  private afterNewline(m: number): number {
    const layout = this.currentLayout();
    const pieces = this.table.list();
    const i = lastBelow(layout.newlinesBefore, m, Math.min(pieces.length, layout.knownPieces + 1));
    return layout.starts[i] + this.afterNewlineIn(pieces[i], m - layout.newlinesBefore[i]);
  }

  /** Offset in `piece` right after its k-th newline (1-based). */
  private afterNewlineIn(piece: Piece, k: number): number {
    if (piece.source === 'added') return this.afterNewlineInBytes(piece, k);
    if (piece.source === 'replaced') return this.runNewlines.after(piece.run, this.runNewlines.before(piece.run, piece.start) + k) - piece.start;
    return this.index.offsetAfterNewline(this.originalNewlinesBefore(piece.start) + k) - piece.start;
  }

  /** Offset in `piece` right after its k-th newline (1-based), found in its bytes. */
  private afterNewlineInBytes(piece: Piece, k: number): number {
    const bytes = this.table.pieceBytes(piece);
    const unit = this.lineBreak.unitBytes;
    let at = -unit;
    for (let seen = 0; seen < k; seen++) at = this.lineBreak.indexOf(bytes, at + unit);
    return at + unit;
  }

  private newRunNewlines(): RunNewlines {
    return new RunNewlines({
      count: (piece, length, cache) => this.newlinesIn(piece, length, cache),
      inBytes: (piece) => this.newlinesInBytes(piece, piece.length),
      afterInBytes: (piece, k) => this.afterNewlineInBytes(piece, k),
      after: (piece, k) => this.afterNewlineIn(piece, k),
    });
  }

  private newlinesInPiece(piece: Piece): number {
    let n = this.pieceNewlines.get(piece);
    if (n === undefined) {
      n = this.newlinesIn(piece, piece.length);
      this.pieceNewlines.set(piece, n);
    }
    return n;
  }

  /** Newlines in the first `length` bytes of `piece`; `cache` false to keep the index's answers out of newlineCache. */
  private newlinesIn(piece: Piece, length: number, cache = true): number {
    if (piece.source === 'replaced' && length > COUNT_DIRECTLY_BYTES) {
      return this.runNewlines.before(piece.run, piece.start + length) - this.runNewlines.before(piece.run, piece.start);
    }
    if (piece.source !== 'original' || length <= COUNT_DIRECTLY_BYTES) return this.newlinesInBytes(piece, length);
    if (!cache) return this.index.newlinesBefore(piece.start + length) - this.index.newlinesBefore(piece.start);
    return this.originalNewlinesBefore(piece.start + length) - this.originalNewlinesBefore(piece.start);
  }

  /** Newlines in the first `length` bytes of `piece`, counted in its bytes. */
  private newlinesInBytes(piece: Piece, length: number): number {
    const bytes = this.table.pieceBytes(piece, 0, length);
    const { lineBreak } = this;
    let count = 0;
    for (let at = lineBreak.indexOf(bytes); at !== -1; at = lineBreak.indexOf(bytes, at + lineBreak.unitBytes)) count++;
    return count;
  }

  private isOriginalKnownAt(piece: Piece, within: number): boolean {
    return piece.source === 'added' || (piece.source === 'original' && piece.start + within < this.index.progress.indexedBytes);
  }

  private originalNewlinesBefore(offset: number): number {
    let n = this.newlineCache.get(offset);
    if (n === undefined) {
      n = this.index.newlinesBefore(offset);
      this.newlineCache.set(offset, n);
    }
    return n;
  }

  private currentLayout(): Layout {
    if (this.layout) return this.layout;
    const pieces = this.table.list();
    const indexed = this.index.complete ? Number.POSITIVE_INFINITY : this.index.progress.indexedBytes;
    const starts: number[] = [];
    const newlinesBefore: number[] = [];
    let offset = 0;
    let newlines = 0;
    let knownPieces = pieces.length;
    let knownNewlines = -1;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      starts.push(offset);
      newlinesBefore.push(newlines);
      if (knownPieces === pieces.length && piece.source === 'original' && piece.start + piece.length > indexed) {
        knownPieces = i;
        knownNewlines = newlines + (piece.start < indexed ? this.index.knownNewlines - this.originalNewlinesBefore(piece.start) : 0);
      }
      // Lines in a run are counted only once all the file it reads is indexed.
      if (knownPieces === pieces.length && piece.source === 'replaced' && piece.run.originalEnd > indexed) {
        knownPieces = i;
        knownNewlines = newlines;
      }
      if (knownPieces === pieces.length) newlines += this.newlinesInPiece(piece);
      offset += piece.length;
    }
    this.layout = { starts, newlinesBefore, knownPieces, knownNewlines: knownNewlines < 0 ? newlines : knownNewlines };
    return this.layout;
  }
}

/** Index of the last element < value among the first `count` (0 if none). */
function lastBelow(sorted: number[], value: number, count: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sorted[mid] < value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
