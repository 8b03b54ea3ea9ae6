import type { Piece } from './pieceTable';
import type { ReplacedRun } from './replacedRun';

/** Blocks up to this long are counted in their bytes, CHUNK_BYTES at a time. */
const READ_BYTES = 256 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** How EditedText counts and finds newlines in a piece (which may be a slice of another run). */
export interface PieceNewlines {
  /** Newlines in the first `length` bytes of `piece`; `cache` false when asked once per piece of a whole run. */
  count(piece: Piece, length: number, cache: boolean): number;
  /** Newlines in `piece`, counted in its bytes. */
  inBytes(piece: Piece): number;
  /** Offset in `piece` right after its k-th newline (1-based); the piece has at least k. */
  after(piece: Piece, k: number): number;
  /** The same, found in its bytes. */
  afterInBytes(piece: Piece, k: number): number;
}

/**
 * Newlines in the runs of Replace Alls: how many precede each checkpoint of a run
 * (see ReplacedRun.blockAt), counted once per run, so a line in a run of a million
 * matches is found by walking one block. 8 bytes per block. Valid while the file the
 * runs read is the same: make a new one when the table is reset.
 */
export class RunNewlines {
  private readonly checkpoints = new WeakMap<ReplacedRun, Float64Array>();

  constructor(private readonly pieces: PieceNewlines) {}

  /** Newlines in bytes [0, offset) of `run`. */
  before(run: ReplacedRun, offset: number): number {
    const block = run.blockAt(offset);
    return this.checkpointsOf(run)[block] + this.countIn(run, run.blockStart(block), offset, true);
  }

  /** Offset in `run` right after its k-th newline (1-based); throws RangeError when it has fewer. */
  after(run: ReplacedRun, k: number): number {
    const checkpoints = this.checkpointsOf(run);
    // The last block with fewer than k newlines before it holds the k-th.
    let lo = 0;
    let hi = checkpoints.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (checkpoints[mid] < k) lo = mid;
      else hi = mid - 1;
    }
    let at = run.blockStart(lo);
    let seen = checkpoints[lo];
    const end = lo + 1 < run.blocks ? run.blockStart(lo + 1) : run.length;
    if (end - at <= READ_BYTES) return at + this.pieces.afterInBytes({ source: 'replaced', run, start: at, length: end - at }, k - seen);
    for (const part of run.parts(at, run.length - at)) {
      const n = this.pieces.count(part, part.length, true);
      if (seen + n >= k) return at + this.pieces.after(part, k - seen);
      seen += n;
      at += part.length;
    }
    throw new RangeError(`the run has ${seen} newlines, not ${k}`);
  }

  private checkpointsOf(run: ReplacedRun): Float64Array {
    let checkpoints = this.checkpoints.get(run);
    if (!checkpoints) {
      checkpoints = new Float64Array(run.blocks);
      for (let block = 1; block < run.blocks; block++) {
        checkpoints[block] = checkpoints[block - 1] + this.countIn(run, run.blockStart(block - 1), run.blockStart(block), false);
      }
      this.checkpoints.set(run, checkpoints);
    }
    return checkpoints;
  }

  /**
   * Newlines in bytes [from, to) of `run`: read in chunks when short (a block of short
   * matches and gaps: one read of the file, not one per gap), else part by part.
   */
  private countIn(run: ReplacedRun, from: number, to: number, cache: boolean): number {
    let n = 0;
    if (to - from <= READ_BYTES) {
      for (let at = from; at < to; at += CHUNK_BYTES) n += this.pieces.inBytes({ source: 'replaced', run, start: at, length: Math.min(to, at + CHUNK_BYTES) - at });
      return n;
    }
    for (const part of run.parts(from, to - from)) n += this.pieces.count(part, part.length, cache);
    return n;
  }
}
