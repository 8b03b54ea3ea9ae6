import type { PieceTable } from '../edits/pieceTable';
import type { Segment } from '../search/segments';

/**
 * The edited content as search segments: original runs as file ranges, typed runs
 * as copies of their bytes (the worker gets its own copy anyway, and the table's
 * buffer may move as it grows). Undefined while the content is the file itself.
 */
export function segmentsOf(table: PieceTable): Segment[] | undefined {
  if (table.isPristine) return undefined;
  return table.list().map((piece): Segment => (piece.source === 'original'
    ? { kind: 'file', start: piece.start, length: piece.length }
    : { kind: 'bytes', data: new Uint8Array(table.pieceBytes(piece)) }));
}
