import { flatPieces } from './flatPieces';
import { FlatPiece, Piece, PieceTable } from './pieceTable';
import { RunRebaser } from './rebaseRuns';
import type { ReplacedRun } from './replacedRun';
import { TextEdit } from './textEdit';

/** Most bytes of the old file kept in memory for undo across one save. */
export const MAX_UNDO_COPY_BYTES = 64 * 1024 * 1024;

/** A run of the old file that the new file keeps, and where. */
interface Run {
  oldStart: number;
  length: number;
  newStart: number;
}

/**
 * Edits kept for undo and redo name runs of the file as it was; a save in place
 * rewrites it. Call this before saving `table`: runs of the old file the save keeps
 * (original pieces of `table`) are renamed to where they land in the new file, and
 * runs it overwrites or drops are copied now, while they can still be read, into
 * the table's added bytes. Returns `finish`, to call once the save succeeded (not
 * before: a failed save leaves the old file, which the old edits still describe):
 * each edit rebased onto the new file, or undefined when its old bytes did not fit
 * in `limit` bytes (over all edits, oldest first).
 */
export function rebaseForSave(table: PieceTable, edits: readonly TextEdit[], limit = MAX_UNDO_COPY_BYTES): () => (TextEdit | undefined)[] {
  const kept = survivingRuns(table);
  let budget = limit;
  const rebasePieces = (pieces: readonly Piece[]): Piece[] | undefined => {
    const out: Piece[] = [];
    for (const piece of pieces) {
      if (piece.source === 'replaced') {
        const parts = runs.piece(piece);
        if (!parts) return undefined;
        out.push(...parts);
        continue;
      }
      if (piece.source === 'added') {
        out.push(piece);
        continue;
      }
      for (const part of splitByRuns(piece, kept)) {
        if (part.run) {
          out.push({ source: 'original', start: part.run.newStart + part.start - part.run.oldStart, length: part.length });
        } else {
          budget -= part.length;
          if (budget < 0) return undefined;
          out.push(table.addBytes(table.pieceBytes({ source: 'original', start: part.start, length: part.length })));
        }
      }
    }
    return out;
  };
  const runs = new RunRebaser(table, rebasePieces, (bytes) => (budget -= bytes) >= 0);
  const rebased = edits.map((edit) => {
    const [side, run] = runOver(edit) ?? [];
    if (side === 'removed') {
      const inserted = rebasePieces(edit.inserted);
      const removed = inserted && runs.undone(run!, inserted);
      return removed && inserted ? { ...edit, removed, inserted } : undefined;
    }
    const removed = rebasePieces(edit.removed);
    const inserted = removed && (side === 'inserted' ? runs.undone(run!, removed) : rebasePieces(edit.inserted));
    return removed && inserted ? { ...edit, removed, inserted } : undefined;
  });
  return () => rebased;
}

/**
 * When `edit` is a Replace All (or its undo rebased) that put a run in whole over the
 * very pieces on the other side (its base): the side that is the run's base, and the
 * run. That side is then rebased as it is, and the other as the run over it.
 */
function runOver(edit: TextEdit): ['removed' | 'inserted', ReplacedRun] | undefined {
  if (!edit.shifts) return undefined;
  const whole = (pieces: readonly Piece[]) => {
    const [piece] = pieces;
    return pieces.length === 1 && piece.source === 'replaced' && piece.start === 0 && piece.length === piece.run.length ? piece.run : undefined;
  };
  const made = whole(edit.inserted);
  if (made?.base === edit.removed) return ['removed', made];
  const undone = whole(edit.removed);
  return undone?.base === edit.inserted ? ['inserted', undone] : undefined;
}

/** The original pieces of `table`: old-file runs the saved content keeps, by old offset. */
function survivingRuns(table: PieceTable): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const piece of flatPieces(table.list())) {
    if (piece.source === 'original') runs.push({ oldStart: piece.start, length: piece.length, newStart: at });
    at += piece.length;
  }
  return runs.sort((a, b) => a.oldStart - b.oldStart);
}

/** `piece` (of the old file) cut where runs start and end: each part inside a run, or in none. */
function splitByRuns(piece: FlatPiece, runs: Run[]): { start: number; length: number; run: Run | undefined }[] {
  const parts: { start: number; length: number; run: Run | undefined }[] = [];
  const end = piece.start + piece.length;
  let at = piece.start;
  // First run that ends after `at` (runs are sorted and do not overlap).
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (runs[mid].oldStart + runs[mid].length <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; at < end; i++) {
    const run = runs[i];
    if (!run || run.oldStart >= end) {
      parts.push({ start: at, length: end - at, run: undefined });
      break;
    }
    if (run.oldStart > at) {
      parts.push({ start: at, length: run.oldStart - at, run: undefined });
      at = run.oldStart;
    }
    const stop = Math.min(end, run.oldStart + run.length);
    parts.push({ start: at, length: stop - at, run });
    at = stop;
  }
  return parts;
}
