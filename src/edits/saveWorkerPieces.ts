import type { Piece } from './saveLayout';

/** Pieces in a form a worker can receive without copying each Buffer's whole backing store. */
export interface PackedPieces {
  /** Four numbers per piece: at, length, kind (0 old file, 1 bytes), old offset or offset into `bytes`. */
  table: Float64Array;
  /** Every new byte, back to back (transferred, not copied, to the worker). */
  bytes: ArrayBuffer;
}

/** Packs pieces: one allocation of the new bytes' total size. */
export function packPieces(pieces: readonly Piece[]): PackedPieces {
  const table = new Float64Array(pieces.length * 4);
  let total = 0;
  for (const p of pieces) if (p.from === 'bytes') total += p.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  pieces.forEach((p, i) => {
    table[4 * i] = p.at;
    table[4 * i + 1] = p.length;
    if (p.from === 'bytes') {
      bytes.set(p.data, at);
      table[4 * i + 2] = 1;
      table[4 * i + 3] = at;
      at += p.length;
    } else {
      table[4 * i + 3] = p.offset;
    }
  });
  return { table, bytes: bytes.buffer };
}

/** The inverse of `packPieces`; the pieces' data are views into `bytes`. */
export function unpackPieces({ table, bytes }: PackedPieces): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < table.length; i += 4) {
    const [at, length, kind, from] = [table[i], table[i + 1], table[i + 2], table[i + 3]];
    pieces.push(kind === 1 ? { at, length, from: 'bytes', data: new Uint8Array(bytes, from, length) } : { at, length, from: 'file', offset: from });
  }
  return pieces;
}
