import { offsetOf } from '../edits/editCommands';
import { codeUnitAt, isHighSurrogate, isSurrogatePairAt } from '../encoding/utf16Units';
import { decodeUtf8ForView } from './viewUtf8';
import type { TextSource } from '../lines/textSource';
import { formatBytes } from './format';
import { LineSlice, MAX_COPY_BYTES, Position } from './protocol';

/**
 * Answers the viewer's reads from the text (the file with its pending edits), with
 * no `vscode` import: windows of lines, and selections to copy. Everything read is
 * bounded by the protocol's limits, whatever the request asked.
 */

/** Up to `count` lines from `start`, decoded, each cut to a byte window [fromByte, fromByte + maxBytes) on character boundaries. */
export function readLineSlices(text: TextSource, start: number, count: number, fromByte: number, maxBytes: number): LineSlice[] {
  const out: LineSlice[] = [];
  const end = Math.min(start + count, text.availableLines());
  for (let line = start; line < end; line++) {
    const bounds = text.lineBounds(line);
    const length = bounds.end - bounds.start;
    const { units } = text.encoding;
    const column = Math.min(fromByte, length);
    const from = units === 'utf8' ? charStart(text, bounds.start, column, length) : units === 'utf16' ? utf16CharStart(text, bounds.start, column) : column;
    const bytes = text.read(bounds.start + from, Math.min(maxBytes, length - from));
    const cut = bounds.start + from + bytes.length < bounds.end;
    const whole = units === 'utf8' ? completeUtf8(bytes, cut) : units === 'utf16' ? completeUtf16(bytes, cut, text.encoding.bigEndian) : bytes;
    out.push({ line, text: units === 'utf8' ? decodeUtf8ForView(whole) : text.encoding.decode(whole), length, fromByte: from });
  }
  return out;
}

/**
 * The bytes between two positions, decoded. Throws a RangeError naming the size
 * when the selection is larger than the protocol's copy limit.
 */
export function readSelection(text: TextSource, a: Position, b: Position, limit = MAX_COPY_BYTES): string {
  const [from, to] = a.line < b.line || (a.line === b.line && a.column <= b.column) ? [a, b] : [b, a];
  const lines = text.availableLines();
  if (to.line >= lines) throw new RangeError(`line ${to.line + 1} is not indexed yet`);
  const start = offsetOf(text, from);
  const end = offsetOf(text, to);
  if (end - start > limit) {
    throw new RangeError(`the selection is ${formatBytes(end - start)}; copying is limited to ${formatBytes(limit)}`);
  }
  return text.encoding.decode(text.read(start, end - start));
}

/** Moves a byte column back to the first byte of the UTF-8 character it falls in. */
function charStart(text: TextSource, lineStart: number, column: number, length: number): number {
  if (column === 0 || column >= length) return column;
  const back = Math.min(3, column);
  const bytes = text.read(lineStart + column - back, back + 1);
  let i = back;
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return column - (back - i);
}

/** Moves a byte column back to the start of the UTF-16 character it falls in (a whole unit, and not the low half of a pair). */
function utf16CharStart(text: TextSource, lineStart: number, column: number): number {
  const unit = column - (column & 1);
  if (unit < 2) return unit;
  return isSurrogatePairAt(text.read(lineStart + unit - 2, 4), 0, text.encoding.bigEndian) ? unit - 2 : unit;
}

/** Drops an odd byte and a high surrogate cut from its pair by the window's end, when the line goes on past it. */
function completeUtf16(bytes: Buffer, cut: boolean, bigEndian: boolean): Buffer {
  const even = bytes.subarray(0, bytes.length - (bytes.length & 1));
  if (!cut || even.length < 2) return even;
  return isHighSurrogate(codeUnitAt(even, even.length - 2, bigEndian)) ? even.subarray(0, even.length - 2) : even;
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
