/**
 * Where a line breaks into rows when the text view wraps, in character cells: pure
 * functions over the text the view holds, so any row of any line is found from the
 * part of the line that is shown.
 *
 * Two rules, chosen by the line's length alone (so a line keeps its rows whatever
 * window of it is held):
 * - A line of at most WHOLE_WRAP_BYTES arrives whole and wraps as VS Code's "simple"
 *   wrapping does: a row ends after its last space or tab when its next character
 *   does not fit, else (no whitespace in the row) right before that character. A space
 *   that does not fit hangs at the row's end. Tabs advance to the next stop of the
 *   row; wide characters (CJK, emoji) take two cells.
 * - A longer line (a 60 MB JSON or base64 blob) is cut every `width` units: row r holds
 *   the characters starting in bytes [r x cut, (r + 1) x cut), cut = width x the bytes
 *   of a unit. Its rows are known from its length, and any row's text from a window
 *   around it. A tab there is drawn one cell wide, as the cut counts it (tabs in such
 *   lines are rare; the cut cannot depend on the text).
 */
import { MAX_LINE_BYTES } from '../../src/editor/protocol';
import { charSize } from '../../src/encoding/utf16Units';
import { byteLength } from '../lineRenderer';

/** Lines up to this long wrap at whitespace; longer ones are cut at fixed offsets. Every line this long arrives whole. */
export const WHOLE_WRAP_BYTES = MAX_LINE_BYTES;

/** Cells between tab stops (viewer.css `tab-size`). */
export const TAB_SIZE = 4;

/** Where a row starts: a UTF-16 index in the text held and the byte column in the line. */
export interface RowStart {
  index: number;
  byte: number;
}

const TAB = 9;
const SPACE = 32;

/** Cells a character takes on screen: 2 for wide (East Asian wide and fullwidth, emoji), 0 for combining marks, else 1. */
export function cellWidth(code: number): 0 | 1 | 2 {
  if (code < 0x300) return 1;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0x303e) || (code >= 0x3041 && code <= 0x33ff)
    || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xa000 && code <= 0xa4cf)
    || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f)
    || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f)
    || (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd)) return 2;
  return 1;
}

/** The cell after a character of `code` drawn at `cells` (a tab goes to the next stop). */
function advance(code: number, cells: number): number {
  return code === TAB ? (Math.floor(cells / TAB_SIZE) + 1) * TAB_SIZE : cells + cellWidth(code);
}

/** True when a line of `length` bytes wraps at fixed offsets (see the file's comment). */
export function isCutLine(length: number): boolean {
  return length > WHOLE_WRAP_BYTES;
}

/**
 * The rows of a whole line's `text` wrapped at `width` cells (>= 1): each row's start,
 * the first at 0. An empty line has one row.
 */
export function wrapWhole(text: string, width: number): RowStart[] {
  const rows: RowStart[] = [{ index: 0, byte: 0 }];
  let rowStart = 0;
  let cells = 0;
  /** Index and byte after the row's last whitespace, -1 when it has none. */
  let breakIndex = -1;
  let breakByte = 0;
  let byte = 0;
  for (let i = 0; i < text.length;) {
    const size = charSize(text, i);
    const code = text.codePointAt(i)!;
    const bytes = byteLength(text, i, i + size);
    const next = advance(code, cells);
    if (next > width && i > rowStart && code !== SPACE) {
      const [index, at] = breakIndex > rowStart ? [breakIndex, breakByte] : [i, byte];
      rows.push({ index, byte: at });
      rowStart = index;
      breakIndex = -1;
      // The characters from the break to i move to the new row: lay them out again there.
      cells = 0;
      for (let j = index; j < i; j += charSize(text, j)) cells = advance(text.codePointAt(j)!, cells);
      continue;
    }
    cells = next;
    i += size;
    byte += bytes;
    if (code === SPACE || code === TAB) {
      breakIndex = i;
      breakByte = byte;
    }
  }
  return rows;
}

/** Rows of a cut line of `length` bytes, `cut` bytes a row. */
export function cutRowCount(length: number, cut: number): number {
  return Math.max(1, Math.ceil(length / cut));
}

/**
 * The cut line's rows that start inside a window of it, `text` decoded from byte
 * `fromByte`: row r starts at the first character starting at or after byte r x cut.
 * Returns the first such row's number and the starts of it and the rows after it in
 * the window (a row starting at the window's end is included when the text ends there).
 */
export function cutRows(text: string, fromByte: number, cut: number): { first: number; starts: RowStart[] } {
  const first = Math.ceil(fromByte / cut);
  const starts: RowStart[] = [];
  let next = first * cut;
  let byte = fromByte;
  for (let i = 0; ; i += charSize(text, i)) {
    if (byte >= next) {
      starts.push({ index: i, byte });
      next = (Math.floor(byte / cut) + 1) * cut;
    }
    if (i >= text.length) break;
    byte += byteLength(text, i, i + charSize(text, i));
  }
  return { first, starts };
}

/** Cells from `from` to `to` in `text` (a row's start to a point in it). */
export function cellsBetween(text: string, from: number, to: number): number {
  let cells = 0;
  for (let i = from; i < to; i += charSize(text, i)) cells = advance(text.codePointAt(i)!, cells);
  return cells;
}

/**
 * The character boundary of row [from, to) of `text` nearest to `cells` cells from the
 * row's start (past the row's end: `to`).
 */
export function indexAtCells(text: string, from: number, to: number, cells: number): number {
  let at = 0;
  for (let i = from; i < to;) {
    const size = charSize(text, i);
    const next = advance(text.codePointAt(i)!, at);
    if (cells < (at + next) / 2) return i;
    at = next;
    i += size;
  }
  return to;
}
