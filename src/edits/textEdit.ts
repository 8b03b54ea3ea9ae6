import type { Piece, PieceTable, Shift } from './pieceTable';

/**
 * One undoable change: at `offset`, the pieces `removed` were replaced by the
 * pieces `inserted`. Pieces keep the bytes (original runs by reference), so undo
 * of a huge deletion costs memory per piece, not per byte.
 */
export interface TextEdit {
  readonly kind: 'insert' | 'delete' | 'replace' | 'overwrite';
  readonly offset: number;
  readonly removed: readonly Piece[];
  readonly inserted: readonly Piece[];
  /**
   * The changes it is made of, in the order redo (`forward`) or undo makes them (see
   * PieceTable.splice), when it is many (Replace All): marks then move change by
   * change. Worked out each time, not kept: a Replace All may be millions.
   */
  readonly shifts?: (forward: boolean) => Iterable<Shift>;
}

export function lengthOf(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.length, 0);
}

/** Replaces `deleteLength` bytes at `offset` with `bytes` and returns the edit. */
export function replaceRange(table: PieceTable, kind: TextEdit['kind'], offset: number, deleteLength: number, bytes: Buffer): TextEdit {
  const removed = table.delete(offset, deleteLength);
  const inserted = table.insert(offset, bytes);
  return { kind, offset, removed, inserted };
}

/** Applies `edit` again after an undo. */
export function redoEdit(table: PieceTable, edit: TextEdit): void {
  if (edit.shifts) {
    table.splice(edit.offset, lengthOf(edit.removed), edit.inserted, edit.shifts(true));
    return;
  }
  table.delete(edit.offset, lengthOf(edit.removed));
  table.insertPieces(edit.offset, edit.inserted);
}

/** Takes `edit` back. */
export function undoEdit(table: PieceTable, edit: TextEdit): void {
  if (edit.shifts) {
    table.splice(edit.offset, lengthOf(edit.inserted), edit.removed, edit.shifts(false));
    return;
  }
  table.delete(edit.offset, lengthOf(edit.inserted));
  table.insertPieces(edit.offset, edit.removed);
}

/** A label for the undo stack ("Typing", "Delete", ...). */
export function editLabel(edit: TextEdit): string {
  return { insert: 'Typing', delete: 'Delete', replace: 'Replace', overwrite: 'Overwrite' }[edit.kind];
}
