import type { LineIndex } from '../lines';
import { LineSlice, MAX_COPY_BYTES, Position } from './protocol';

/**
 * Answers the viewer's reads from a line index, with no `vscode` import: windows
 * of lines, and selections to copy. Everything read is bounded by the protocol's
 * limits, whatever the request asked.
 */

/** Lines whose text is complete now: all of them once indexed, else those ended by a known newline. */
export function availableLines(index: LineIndex): number {
  return index.complete ? index.lineCount ?? 0 : index.knownNewlines;
}

/** Up to `count` lines from `start`, each cut to a byte window [fromByte, fromByte + maxBytes) on UTF-8 boundaries. */
export function readLineSlices(index: LineIndex, start: number, count: number, fromByte: number, maxBytes: number): LineSlice[] {
  const out: LineSlice[] = [];
  const end = Math.min(start + count, availableLines(index));
  for (let line = start; line < end; line++) {
    const bounds = index.lineBounds(line);
    const length = bounds.end - bounds.start;
    const from = charStart(index, bounds.start, Math.min(fromByte, length), length);
    const bytes = index.read(bounds.start + from, Math.min(maxBytes, length - from));
    out.push({ line, text: completeUtf8(bytes, bounds.start + from + bytes.length < bounds.end).toString('utf8'), length, fromByte: from });
  }
  return out;
}

/**
 * The bytes between two positions, decoded. Throws a RangeError naming the size
 * when the selection is larger than the protocol's copy limit.
 */
export function readSelection(index: LineIndex, a: Position, b: Position, limit = MAX_COPY_BYTES): string {
  const [from, to] = a.line < b.line || (a.line === b.line && a.column <= b.column) ? [a, b] : [b, a];
  const lines = availableLines(index);
  if (to.line >= lines) throw new RangeError(`line ${to.line + 1} is not indexed yet`);
  const start = offsetOf(index, from);
  const end = offsetOf(index, to);
  if (end - start > limit) {
    throw new RangeError(`the selection is ${formatBytes(end - start)}; copying is limited to ${formatBytes(limit)}`);
  }
  return index.read(start, end - start).toString('utf8');
}

function offsetOf(index: LineIndex, p: Position): number {
  const bounds = index.lineBounds(p.line);
  return bounds.start + Math.min(p.column, bounds.end - bounds.start);
}

/** Moves a byte column back to the first byte of the UTF-8 character it falls in. */
function charStart(index: LineIndex, lineStart: number, column: number, length: number): number {
  if (column === 0 || column >= length) return column;
  const back = Math.min(3, column);
  const bytes = index.read(lineStart + column - back, back + 1);
  let i = back;
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return column - (back - i);
}

/** Drops a multi-byte character cut by the window's end, when the line goes on past it. */
function completeUtf8(bytes: Buffer, cut: boolean): Buffer {
  if (!cut) return bytes;
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/** "4.00 GiB", "512 B": sizes as people read them. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(2)} ${units[unit]}`;
}
