import type { EditResult } from './editCommands';
import { PieceTable } from './pieceTable';
import { replaceRange, TextEdit } from './textEdit';

/**
 * An edit of the hex view, by byte offset (no lines involved, so it works before
 * the line index reaches `offset`): replaces `deleteLength` bytes at `offset` with
 * `bytes`. `deleteLength` is clamped to the bytes that exist after `offset`, so an
 * overwrite at the end of the file appends. Returns undefined when nothing would
 * change; throws a RangeError when `offset` is past the end of the content.
 */
export function replaceBytes(table: PieceTable, offset: number, deleteLength: number, bytes: Uint8Array): EditResult | undefined {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > table.size) {
    throw new RangeError(`offset ${offset} is outside the content (${table.size} bytes)`);
  }
  const removed = Math.min(deleteLength, table.size - offset);
  if (removed === 0 && bytes.length === 0) return undefined;
  const kind: TextEdit['kind'] = bytes.length === 0 ? 'delete' : removed === 0 ? 'insert' : removed === bytes.length ? 'overwrite' : 'replace';
  const edit = replaceRange(table, kind, offset, removed, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { edit, caretOffset: offset + bytes.length };
}
