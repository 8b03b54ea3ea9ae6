/**
 * Word wrap in the text view: the host's setting (editor.wordWrap, or Toggle Word
 * Wrap), the width it wraps at, the rows a frame shows, the windows its long lines are
 * asked for in, and where the caret goes by visual row (Up/Down, Home/End) as in VS
 * Code. The rows themselves are lineWraps.ts's.
 */
import type { Position } from '../../src/editor/protocol';
import { MAX_LINE_BYTES, MAX_WINDOW_BYTES } from '../../src/editor/protocol';
import type { WordWrapSetting } from '../../src/editor/wordWrapProtocol';
import { EOL, type LineCache } from '../lineCache';
import { byteLength, byteToIndex, unitBytes } from '../lineRenderer';
import { homeTarget, lineEnd } from '../text/caretMotion';
import type { LineWindow } from '../text/lineRequests';
import { LineWraps, type RowPos, type WrappedRow } from './lineWraps';
import { cellsBetween, indexAtCells, isCutLine } from './wrapLayout';

/** Windows of a long line start on multiples of this, so scrolling a few rows keeps its window. */
const WINDOW_STEP = 4096;

/** Where the caret goes, and whether it shows at the end of the row before when it is on a row boundary. */
export interface WrapTarget {
  pos: Position;
  atRowEnd: boolean;
}

export class WordWrap {
  readonly lines: LineWraps;
  private setting: WordWrapSetting = 'off';
  private column = 80;
  private configured = false;

  constructor(private readonly cache: LineCache) {
    this.lines = new LineWraps(cache);
  }

  get active(): boolean {
    return this.setting !== 'off';
  }

  /**
   * The host's word wrap setting; true when wrapping turned on or off, not for the
   * first setting (the host sends it as the view starts, maybe where a reloaded view
   * was left, which must not move).
   */
  configure(wrap: WordWrapSetting, column: number): boolean {
    const was = this.configured ? this.active : wrap !== 'off';
    this.configured = true;
    this.setting = wrap;
    this.column = column;
    return was !== this.active;
  }

  /**
   * Wraps at the text column's width (`textWidth` px of `charWidth` cells) or at the
   * setting's column, as VS Code does; a column wider than the view wraps at the view's
   * width (VS Code would scroll sideways, which nothing does while wrapping here).
   */
  fit(textWidth: number, charWidth: number): void {
    // A pixel stays free for the caret after a full row.
    const viewport = Math.max(1, Math.floor((textWidth - 2) / charWidth));
    this.lines.setWidth(this.setting === 'on' ? viewport : Math.min(viewport, this.column));
  }

  /** Up to `count` rows from `top` down, of a file of `lineCount` lines. */
  rowsFrom(top: RowPos, count: number, lineCount: number): WrappedRow[] {
    const rows: WrappedRow[] = [];
    let pos = top;
    while (rows.length < count && pos.line < lineCount) {
      rows.push(this.lines.row(pos.line, pos.row));
      const next = this.lines.step(pos, 1, lineCount);
      if (next.line === pos.line && next.row === pos.row) break;
      pos = next;
    }
    return rows;
  }

  /**
   * The windows the lines of `rows` (the rows on screen, from byte `topByte` of the top
   * line) want when the screen shows a part of a long line past what a line's first
   * window holds: a cut line scrolled into, or more of one than that window holds (a
   * large screen). Each starts a few bytes before a row's start, so a character across
   * the row's start decodes whole. A top line not held yet counts as cut when its top
   * is far into it.
   */
  lineWindows(rows: readonly WrappedRow[], topByte: number): Map<number, LineWindow> {
    const windows = new Map<number, LineWindow>();
    const cut = this.lines.cut;
    const lead = unitBytes() === 2 ? 2 : 3;
    for (let i = 0; i < rows.length;) {
      const line = rows[i].line;
      let j = i;
      while (j < rows.length && rows[j].line === line) j++;
      const length = this.cache.lineLength(line);
      const first = i === 0 && length === undefined ? Math.floor(topByte / cut) * cut : rows[i].start;
      const end = first + (j - i) * cut;
      if ((length === undefined ? i === 0 : isCutLine(length)) && end > MAX_LINE_BYTES) {
        windows.set(line, { fromByte: Math.max(0, Math.floor(first / WINDOW_STEP) * WINDOW_STEP - lead), maxBytes: MAX_WINDOW_BYTES });
      }
      i = j;
    }
    return windows;
  }

  /** The row the caret shows in: on a row boundary, the row it starts, unless `atRowEnd`. */
  caretRow(caret: Position, atRowEnd: boolean): RowPos {
    const row = this.lines.rowOf(caret.line, caret.column);
    const back = atRowEnd && row > 0 && this.lines.row(caret.line, row).start === caret.column;
    return { line: caret.line, row: back ? row - 1 : row };
  }

  /** Cells from the caret's row start to the caret (the x Up/Down keep). */
  cellsOf(caret: Position, atRowEnd: boolean): number {
    const pos = this.caretRow(caret, atRowEnd);
    const r = this.lines.row(pos.line, pos.row);
    const column = Math.min(caret.column, r.end);
    if (!r.entry) return Math.max(0, (column - r.start) / unitBytes());
    const text = r.entry.slice.text;
    return cellsBetween(text, r.from, r.from + byteToIndex(text.slice(r.from, r.to), column - r.start));
  }

  /**
   * Up or Down by `delta` rows to the character nearest `goalCells` cells into the row;
   * on the first row up goes to the line's start, on the last down to its end. A row
   * not held yet gets its start: `guessed` says the view should settle the column once
   * the row is drawn.
   */
  verticalTarget(caret: Position, atRowEnd: boolean, delta: number, goalCells: number, lineCount: number): WrapTarget & { guessed: boolean } {
    const from = this.caretRow(caret, atRowEnd);
    const to = this.lines.step(from, delta, lineCount);
    if (to.line === from.line && to.row === from.row) {
      const end = this.cache.lineLength(caret.line) ?? EOL;
      return { pos: { line: caret.line, column: delta < 0 ? 0 : end }, atRowEnd: false, guessed: false };
    }
    const r = this.lines.row(to.line, to.row);
    if (!r.entry) return { pos: { line: to.line, column: r.start }, atRowEnd: false, guessed: true };
    const text = r.entry.slice.text;
    const index = indexAtCells(text, r.from, r.to, goalCells);
    const column = index >= r.to ? r.end : r.start + byteLength(text, r.from, index);
    return { pos: { line: to.line, column }, atRowEnd: index >= r.to && !r.last, guessed: false };
  }

  /**
   * Home or End (`end`): while wrapping, the caret's row's start or end first, as in VS
   * Code (Home on a line's first row, End on its last, and a second press go on); then
   * the line's smart Home or its end.
   */
  edgeTarget(caret: Position, atRowEnd: boolean, end: boolean): WrapTarget {
    if (this.active) {
      const r = this.lines.row(caret.line, this.caretRow(caret, atRowEnd).row);
      if (end && !r.last && caret.column < r.end) return { pos: { line: caret.line, column: r.end }, atRowEnd: true };
      if (!end && r.row > 0 && caret.column > r.start) return { pos: { line: caret.line, column: r.start }, atRowEnd: false };
    }
    return { pos: end ? lineEnd(this.cache, caret.line) : homeTarget(this.cache, caret), atRowEnd: false };
  }
}
