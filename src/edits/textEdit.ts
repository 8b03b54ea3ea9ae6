import { Piece, PieceTable, Shift } from './pieceTable';

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
   * The changes it is made of, in order (see PieceTable.splice), when it is many
   * (Replace All): undo and redo then move marks change by change.
   */
  readonly shifts?: readonly Shift[];
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
    table.splice(edit.offset, lengthOf(edit.removed), edit.inserted, edit.shifts);
    return;
  }
  table.delete(edit.offset, lengthOf(edit.removed));
  table.insertPieces(edit.offset, edit.inserted);
}

/** Takes `edit` back. */
export function undoEdit(table: PieceTable, edit: TextEdit): void {
  if (edit.shifts) {
    // Forward, each change's offset holds once the ones after it are done; back, once the ones before it are undone.
    const back = [...edit.shifts].reverse().map(([at, removed, inserted]): Shift => [at, inserted, removed]);
    table.splice(edit.offset, lengthOf(edit.inserted), edit.removed, back);
    return;
  }
  table.delete(edit.offset, lengthOf(edit.inserted));
  table.insertPieces(edit.offset, edit.removed);
}

/** A label for the undo stack ("Typing", "Delete", ...). */
export function editLabel(edit: TextEdit): string {
  return { insert: 'Typing', delete: 'Delete', replace: 'Replace', overwrite: 'Overwrite' }[edit.kind];
}
