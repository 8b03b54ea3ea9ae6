import { flatPieces } from './flatPieces';
import type { PieceTable } from './pieceTable';
import { lengthOf, TextEdit } from './textEdit';

/**
 * One change of the content as data that outlives the table it was made on: at
 * `offset`, `deleteLength` bytes are replaced by `insert`, runs of the original file
 * (by offset) or typed bytes (base64). An undo or redo held during a save is kept so
 * in a hot-exit backup, whose pieces name the same original file.
 */
export interface SpliceRecord {
  offset: number;
  deleteLength: number;
  insert: ({ start: number; length: number } | { base64: string })[];
}

/** What undoing (`forward` false) or redoing `edits`, one group, changes, in the order it changes it. */
export function spliceRecords(table: PieceTable, edits: readonly TextEdit[], forward: boolean): SpliceRecord[] {
  return (forward ? edits : [...edits].reverse()).map((edit) => {
    const [gone, put] = forward ? [edit.removed, edit.inserted] : [edit.inserted, edit.removed];
    return {
      offset: edit.offset,
      deleteLength: lengthOf(gone),
      insert: [...flatPieces(put)].map((piece) => piece.source === 'original'
        ? { start: piece.start, length: piece.length }
        : { base64: table.pieceBytes(piece).toString('base64') }),
    };
  });
}

/**
 * Carries out `records` on `table` in order. Throws RangeError (from the table)
 * for a range outside the content; records before it stay applied.
 */
export function applySplices(table: PieceTable, records: readonly SpliceRecord[]): void {
  for (const { offset, deleteLength, insert } of records) {
    table.delete(offset, deleteLength);
    table.insertPieces(offset, insert.map((part) => 'base64' in part
      ? table.addBytes(Buffer.from(part.base64, 'base64'))
      : { source: 'original' as const, start: part.start, length: part.length }));
  }
}

/** Whether `value` (read from a backup) is a list of SpliceRecords. */
export function isSpliceRecordList(value: unknown): value is SpliceRecord[] {
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null
    && count(r.offset) && count(r.deleteLength) && Array.isArray(r.insert)
    && r.insert.every((p: unknown) => typeof p === 'object' && p !== null && ('base64' in p
      ? typeof p.base64 === 'string'
      : count((p as { start?: unknown }).start) && count((p as { length?: unknown }).length))));
}
