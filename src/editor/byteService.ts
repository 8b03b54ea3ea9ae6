import type { PieceTable } from '../edits/pieceTable';
import { type TextEncoding, UTF8 } from '../encoding/textEncoding';
import { formatHex } from '../hex/hexDump';
import { formatBytes } from './format';
import { MAX_COPY_BYTES, MAX_HEX_COPY_BYTES } from './protocol';

/**
 * Answers the hex view's reads from the edited content, with no `vscode` import:
 * windows of bytes by offset (no line index needed), and selections to copy.
 */

export interface ByteWindow {
  offset: number;
  /** A copy, not a view of the mapping or of the added-bytes buffer. */
  data: Uint8Array;
  /** [start, end) pairs, absolute offsets, of bytes edited and not saved yet. */
  edited: number[];
}

/** Bytes [offset, offset + length) of the content, cut at its end, with the edited ranges among them. */
export function readByteWindow(table: PieceTable, offset: number, length: number): ByteWindow {
  const from = Math.min(offset, table.size);
  const n = Math.min(length, table.size - from);
  const data = new Uint8Array(n);
  data.set(table.read(from, n));
  return { offset: from, data, edited: table.addedRanges(from, n).flat() };
}

/**
 * A selection for the clipboard, as hex pairs ("de ad be ef") or as text in the file's
 * `encoding`. Throws a RangeError naming the size when it is over the copy limit for that form.
 */
export function readByteSelection(table: PieceTable, offset: number, length: number, as: 'hex' | 'text', encoding: TextEncoding = UTF8): string {
  const from = Math.min(offset, table.size);
  const n = Math.min(length, table.size - from);
  const limit = as === 'hex' ? MAX_HEX_COPY_BYTES : MAX_COPY_BYTES;
  if (n > limit) throw new RangeError(`the selection is ${formatBytes(n)}; copying as ${as} is limited to ${formatBytes(limit)}`);
  const bytes = table.read(from, n);
  return as === 'hex' ? formatHex(bytes) : encoding.decode(bytes);
}
