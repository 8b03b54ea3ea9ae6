/**
 * The rows of the lines the text view holds, wrapped at one width (wrapLayout.ts), and
 * moves between them. A line whose rows are not known yet (not loaded, or held as a
 * window of a line short enough to wrap at whitespace) counts as one row until it
 * arrives; a cut line's rows are known from its length alone, their text only where
 * the window held covers them.
 */
import { EOL, isWholeLine, type CachedLine, type LineCache } from '../lineCache';
import { byteLength, unitBytes } from '../lineRenderer';
import { cutRowCount, cutRows, isCutLine, type RowStart, wrapWhole } from './wrapLayout';

/** A row of a line, by its number in the line. */
export interface RowPos {
  line: number;
  row: number;
}

/** One row of a line: its bytes, and its text when held. */
export interface WrappedRow extends RowPos {
  /** Byte columns [start, end) of the line; `end` is EOL while the line's length is not known. */
  start: number;
  end: number;
  /** The line's last row (a selection past it takes the line break). */
  last: boolean;
  /** The held line and the UTF-16 range [from, to) of its text the row shows; absent while not held. */
  entry?: CachedLine;
  from: number;
  to: number;
}

/** Row starts of a held line at one width: the whole line's, or a cut line's within its window from row `first`. */
interface Layout {
  width: number;
  first: number;
  starts: RowStart[];
  /** The text held runs to the line's end. */
  reachesEnd: boolean;
}

export class LineWraps {
  /** Cells a row holds. */
  private cells = 80;
  private layouts = new WeakMap<CachedLine, Layout>();

  constructor(private readonly cache: LineCache) {}

  get width(): number {
    return this.cells;
  }

  /** Wraps at `cells` from now on (rows of held lines are laid out again when asked for). */
  setWidth(cells: number): void {
    const width = Math.max(1, Math.floor(cells));
    if (width === this.cells) return;
    this.cells = width;
    this.layouts = new WeakMap();
  }

  /** Bytes a row of a cut line holds. */
  get cut(): number {
    return this.cells * unitBytes();
  }

  private layout(entry: CachedLine): Layout {
    const known = this.layouts.get(entry);
    if (known && known.width === this.cells) return known;
    const s = entry.slice;
    const layout = isCutLine(s.length)
      ? { width: this.cells, ...cutRows(s.text, s.fromByte, this.cut), reachesEnd: s.fromByte + byteLength(s.text) >= s.length }
      : { width: this.cells, first: 0, starts: wrapWhole(s.text, this.cells), reachesEnd: true };
    this.layouts.set(entry, layout);
    return layout;
  }

  /** The held line whose rows are known, if any. */
  private laidOut(line: number): CachedLine | undefined {
    const entry = this.cache.peek(line);
    return entry && (isCutLine(entry.slice.length) || isWholeLine(entry)) ? entry : undefined;
  }

  /** Rows of `line` (1 while not known). */
  count(line: number): number {
    const entry = this.laidOut(line);
    if (!entry) return 1;
    return isCutLine(entry.slice.length) ? cutRowCount(entry.slice.length, this.cut) : this.layout(entry).starts.length;
  }

  /** The row of `line` holding byte `column` (a row's end is the next row's start); 0 while not known. */
  rowOf(line: number, column: number): number {
    const entry = this.laidOut(line);
    if (!entry) return 0;
    if (isCutLine(entry.slice.length)) return Math.min(this.count(line) - 1, Math.floor(Math.min(column, entry.slice.length) / this.cut));
    const starts = this.layout(entry).starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid].byte <= column) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Row `row` of `line`, with its text when held. */
  row(line: number, row: number): WrappedRow {
    const entry = this.laidOut(line);
    if (!entry) return { line, row: 0, start: 0, end: this.cache.lineLength(line) ?? EOL, last: true, from: 0, to: 0 };
    const s = entry.slice;
    const count = this.count(line);
    const last = row >= count - 1;
    const { first, starts, reachesEnd } = this.layout(entry);
    const k = row - first;
    const start = starts[k];
    const next = starts[k + 1];
    if (!isCutLine(s.length)) {
      return { line, row, start: start.byte, end: next ? next.byte : s.length, last, entry, from: start.index, to: next ? next.index : s.text.length };
    }
    const cut = this.cut;
    const plain = { line, row, start: row * cut, end: Math.min(s.length, (row + 1) * cut), last, from: 0, to: 0 };
    if (!start) return plain;
    // The row's text is held when the window holds its end: the next row's start, or the line's end.
    if (!next && !(last && reachesEnd)) return plain;
    return { ...plain, start: start.byte, end: next ? next.byte : s.length, entry, from: start.index, to: next ? next.index : s.text.length };
  }

  /** The row `delta` rows from `pos` (negative: up), stopping at the first and last rows of the file's `lineCount` lines. */
  step(pos: RowPos, delta: number, lineCount: number): RowPos {
    let { line, row } = pos;
    for (let n = delta; n > 0; n--) {
      if (row + 1 < this.count(line)) row++;
      else if (line + 1 < lineCount) [line, row] = [line + 1, 0];
      else break;
    }
    for (let n = delta; n < 0; n++) {
      if (row > 0) row--;
      else if (line > 0) [line, row] = [line - 1, this.count(line - 1) - 1];
      else break;
    }
    return { line, row };
  }

  /** Rows from `from` down to `to` (0 when `to` is not below), counting at most `limit`. */
  distance(from: RowPos, to: RowPos, limit: number): number {
    if (to.line < from.line || (to.line === from.line && to.row <= from.row)) return 0;
    let n = 0;
    let at = from;
    while (n < limit && (at.line !== to.line || at.row !== to.row)) {
      const next = this.step(at, 1, to.line + 1);
      if (next.line === at.line && next.row === at.row) break;
      at = next;
      n++;
    }
    return n;
  }
}
