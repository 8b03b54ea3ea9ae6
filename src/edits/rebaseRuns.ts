import type { Piece, PieceTable, ReplacedPiece } from './pieceTable';
import type { ReplacedRun } from './replacedRun';

/** A slice of a run that the content being saved holds, and where it lands in the new file. */
interface Landed {
  start: number;
  length: number;
  newStart: number;
}

/**
 * Rebasing (see rebaseForSave) what Replace Alls made without taking it apart into two
 * pieces per match: undo across a save (made every second with auto-save) then costs
 * what the Replace All cost. A slice of a run that the saved content holds becomes that
 * range of the new file; any other slice stays a slice of the run, over its base
 * rebased; a Replace All's old content becomes the run that takes it back over its new
 * content. Call before the save, as rebaseForSave: it reads the old file.
 */
export class RunRebaser {
  private readonly landed = new Map<ReplacedRun, Landed[]>();
  private readonly moved = new Map<ReplacedRun, ReplacedRun | undefined>();

  /**
   * `rebase` rebases pieces of the old file (undefined past the budget); `charge` takes
   * bytes of the old file copied into memory off the same budget (false: past it).
   */
  constructor(private readonly table: PieceTable, private readonly rebase: (pieces: readonly Piece[]) => Piece[] | undefined,
    private readonly charge: (bytes: number) => boolean) {
    let at = 0;
    for (const piece of table.list()) {
      if (piece.source === 'replaced') {
        const slices = this.landed.get(piece.run) ?? [];
        slices.push({ start: piece.start, length: piece.length, newStart: at });
        this.landed.set(piece.run, slices);
      }
      at += piece.length;
    }
    for (const slices of this.landed.values()) slices.sort((a, b) => a.start - b.start);
  }

  /** `piece` as pieces of the new file and of runs over it; undefined past the budget. */
  piece(piece: ReplacedPiece): Piece[] | undefined {
    const out: Piece[] = [];
    const end = piece.start + piece.length;
    let at = piece.start;
    const elsewhere = (length: number): boolean => {
      const run = this.movedRun(piece.run);
      if (run) out.push({ source: 'replaced', run, start: at, length });
      at += length;
      return run !== undefined;
    };
    for (const slice of this.landed.get(piece.run) ?? []) {
      if (slice.start + slice.length <= at) continue;
      if (slice.start >= end) break;
      if (slice.start > at && !elsewhere(slice.start - at)) return undefined;
      const stop = Math.min(end, slice.start + slice.length);
      out.push({ source: 'original', start: slice.newStart + at - slice.start, length: stop - at });
      at = stop;
    }
    if (at < end && !elsewhere(end - at)) return undefined;
    return out;
  }

  /**
   * What undo of the Replace All that made `run` puts back, once its content is
   * `content` (rebased): the run that takes it back, its matches' old bytes copied now.
   * Undefined past the budget.
   */
  undone(run: ReplacedRun, content: readonly Piece[]): Piece[] | undefined {
    let total = 0;
    for (const parts of run.oldMatches()) total += parts.reduce((n, p) => n + p.length, 0);
    if (!this.charge(total)) return undefined;
    // Copied one after another: the inverse run finds match i's bytes after those of i - 1.
    const start = this.table.addBytes(Buffer.alloc(0)).start;
    let length = 0;
    for (const parts of run.oldMatches()) {
      for (const part of parts) length += this.table.addBytes(this.table.pieceBytes(part)).length;
    }
    const back = run.inverse(content, { source: 'added', start, length });
    return back.length > 0 ? [{ source: 'replaced', run: back, start: 0, length: back.length }] : [];
  }

  /** `run` over its base rebased; undefined past the budget. */
  private movedRun(run: ReplacedRun): ReplacedRun | undefined {
    if (!this.moved.has(run)) {
      const base = this.rebase(run.base);
      this.moved.set(run, base && run.withBase(base));
    }
    return this.moved.get(run);
  }
}
