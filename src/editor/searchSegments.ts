import { flatPieces } from '../edits/flatPieces';
import type { FlatPiece, PieceTable } from '../edits/pieceTable';
import type { PackedSegments } from '../search/segments';

/**
 * The edited content as search segments: original runs as file ranges, typed runs as
 * copies of their bytes (the worker gets its own copy anyway, and the table's buffer
 * may move as it grows), each distinct run copied once (a Replace All puts the same
 * one between hundreds of thousands of file runs). Packed: building and posting them
 * costs a few typed arrays, not an object per piece. Undefined while the content is
 * the file itself.
 */
export function segmentsOf(table: PieceTable): PackedSegments | undefined {
  if (table.isPristine) return undefined;
  const pieces: FlatPiece[] = [...flatPieces(table.list())];
  const inFile = new Uint8Array(pieces.length);
  const start = new Float64Array(pieces.length);
  const length = new Float64Array(pieces.length);
  const copied = new Map<string, number>();
  const runs: Buffer[] = [];
  let dataLength = 0;
  pieces.forEach((piece, i) => {
    length[i] = piece.length;
    if (piece.source === 'original') {
      inFile[i] = 1;
      start[i] = piece.start;
      return;
    }
    const key = `${piece.start}:${piece.length}`;
    let at = copied.get(key);
    if (at === undefined) {
      at = dataLength;
      copied.set(key, at);
      runs.push(table.pieceBytes(piece));
      dataLength += piece.length;
    }
    start[i] = at;
  });
  return { inFile, start, length, data: new Uint8Array(Buffer.concat(runs, dataLength)) };
}
