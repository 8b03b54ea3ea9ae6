import type { FlatPiece, Piece } from './pieceTable';

/**
 * `pieces` as runs of the file and of added bytes only: what a Replace All made is
 * taken apart (see ReplacedRun.parts), two pieces or so per match, made as they are
 * asked for. For saves, searches and backups, which go through the content once.
 */
export function* flatPieces(pieces: Iterable<Piece>): Generator<FlatPiece> {
  for (const piece of pieces) {
    if (piece.source === 'replaced') yield* flatPieces(piece.run.parts(piece.start, piece.length));
    else yield piece;
  }
}
