import type { TextSource } from '../lines/textSource';
import { PieceTable } from './pieceTable';
import { replaceRange, TextEdit } from './textEdit';
import { isSurrogatePairAt } from '../encoding/utf16Units';

/** A line and a byte column in it (0-based), as the viewer sends them. */
export interface LinePosition {
  line: number;
  column: number;
}

export interface EditResult {
  edit: TextEdit;
  /** Where the caret goes: an offset in the edited content. */
  caretOffset: number;
  /** What the user did, for undo grouping (see UndoGroups); absent: anything else (a paste, a replaced selection). */
  action?: 'type' | 'backspace' | 'delete';
}

/**
 * The byte offset of a position; the column is clamped to the line's text, which begins
 * after the byte order mark the content starts with, if any (as in VS Code, nothing is
 * typed, deleted or copied before it: it stays the file's first bytes). A column inside
 * a UTF-16 code unit is taken back to the unit's start. Throws RangeError for unknown lines.
 */
export function offsetOf(text: TextSource, p: LinePosition): number {
  const bounds = text.lineBounds(p.line);
  const floor = p.line === 0 ? bomLength(text) : 0;
  const column = p.column - (p.column % text.encoding.unitBytes);
  return bounds.start + Math.min(Math.max(column, floor), bounds.end - bounds.start);
}

/**
 * `p` with its column cut to its line's length when the line is indexed: the view says
 * "the end of the line" with the largest column when it has not loaded that line yet.
 */
export function clampToLine(text: TextSource, p: LinePosition): LinePosition {
  if (p.line >= text.availableLines()) return p;
  const bounds = text.lineBounds(p.line);
  return { line: p.line, column: Math.min(p.column, bounds.end - bounds.start) };
}

/** Bytes of the byte order mark the content starts with: its encoding's, when the content has it. */
export function bomLength(text: TextSource): number {
  const bom = text.encoding.bom;
  return bom.length > 0 && text.size >= bom.length && text.read(0, bom.length).equals(bom) ? bom.length : 0;
}

/** The position of an offset (the end of the content maps to the end of the last line). */
export function positionOf(text: TextSource, offset: number): LinePosition {
  const lines = text.availableLines();
  if (lines === 0) return { line: 0, column: 0 };
  if (offset >= text.size) {
    const last = text.lineBounds(lines - 1);
    return { line: lines - 1, column: last.end - last.start };
  }
  const line = text.lineOfOffset(offset);
  return { line, column: offset - text.lineBounds(line).start };
}

function ordered(text: TextSource, a: LinePosition, b: LinePosition): [number, number] {
  const x = offsetOf(text, a);
  const y = offsetOf(text, b);
  return x <= y ? [x, y] : [y, x];
}

/**
 * Typing or pasting (`how`, for undo groups): inserts `typed` at `at` (replacing the selection up to `to`),
 * with every line break turned into `eol`, in the text's encoding. In overwrite mode, the typed characters
 * replace as many characters of the line, never its line ending. Throws UnencodableError (before
 * changing anything) for a character the encoding has not.
 */
export function typeText(text: TextSource, table: PieceTable, at: LinePosition, to: LinePosition | undefined, typed: string, overwrite: boolean, eol: string, how: 'typed' | 'paste' = 'typed'): EditResult {
  const bytes = text.encoding.encode(typed.replace(/\r\n|\r|\n/g, eol));
  if (to) {
    const [from, end] = ordered(text, at, to);
    return { edit: replaceRange(table, 'replace', from, end - from, bytes), caretOffset: from + bytes.length };
  }
  const offset = offsetOf(text, at);
  const lineEnd = text.lineBounds(at.line).end;
  // Overwrite replaces as many characters as typed (not bytes: 'a' over 'é' takes both of its bytes); a line break is inserted, as in VS Code.
  const overwritten = overwrite && !/[\r\n]/.test(typed) ? charsBytes(text, offset, lineEnd, [...typed].length) : 0;
  const kind = overwritten > 0 ? 'overwrite' : 'insert';
  // One character is a key typed; more came from a paste or an input method: a group of their own.
  const action = how === 'typed' && [...typed].length === 1 ? 'type' : undefined;
  return { edit: replaceRange(table, kind, offset, overwritten, bytes), caretOffset: offset + bytes.length, action };
}

/**
 * Backspace / Delete: removes the selection [from, to) if given, else one
 * character (a whole UTF-8 sequence in UTF-8) or one line ending (`\r\n` counts as one)
 * before or after `from`. Returns undefined when there is nothing to delete.
 */
export function deleteText(text: TextSource, table: PieceTable, from: LinePosition, to: LinePosition | undefined, direction: 'backward' | 'forward'): EditResult | undefined {
  let start: number;
  let end: number;
  if (to) {
    [start, end] = ordered(text, from, to);
  } else {
    const bounds = text.lineBounds(from.line);
    const offset = offsetOf(text, from);
    if (direction === 'backward') {
      end = offset;
      const lineStart = bounds.start + (from.line === 0 ? bomLength(text) : 0);
      if (offset > lineStart) start = previousCharStart(text, lineStart, offset);
      else if (from.line > 0) start = text.lineBounds(from.line - 1).end;
      else return undefined;
    } else {
      start = offset;
      if (offset < bounds.end) end = nextCharEnd(text, bounds.end, offset);
      else if (bounds.next > bounds.end) end = bounds.next;
      else return undefined;
    }
  }
  if (end === start) return undefined;
  const action = to ? undefined : direction === 'backward' ? 'backspace' : 'delete';
  return { edit: replaceRange(table, 'delete', start, end - start, Buffer.alloc(0)), caretOffset: start, action };
}

function previousCharStart(text: TextSource, lineStart: number, offset: number): number {
  if (text.encoding.units === 'utf16') return offset - (offset - lineStart >= 4 && isSurrogatePair(text, offset - 4) ? 4 : 2);
  if (text.encoding.units !== 'utf8') return offset - 1;
  const back = Math.min(4, offset - lineStart);
  const bytes = text.read(offset - back, back);
  let i = back - 1;
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return offset - back + i;
}

/** Bytes of the first `count` characters from `offset`, up to `lineEnd`. */
function charsBytes(text: TextSource, offset: number, lineEnd: number, count: number): number {
  let end = offset;
  for (let n = 0; n < count && end < lineEnd; n++) end = nextCharEnd(text, lineEnd, end);
  return end - offset;
}

function nextCharEnd(text: TextSource, lineEnd: number, offset: number): number {
  if (text.encoding.units === 'utf16') return offset + (lineEnd - offset >= 4 && isSurrogatePair(text, offset) ? 4 : 2);
  if (text.encoding.units !== 'utf8') return offset + 1;
  const ahead = Math.min(4, lineEnd - offset);
  const bytes = text.read(offset, ahead);
  let i = 1;
  while (i < ahead && (bytes[i] & 0xc0) === 0x80) i++;
  return offset + i;
}

/** Whether the four bytes at `offset` are a UTF-16 surrogate pair (one character, deleted whole). */
function isSurrogatePair(text: TextSource, offset: number): boolean {
  return isSurrogatePairAt(text.read(offset, 4), 0, text.encoding.bigEndian);
}
