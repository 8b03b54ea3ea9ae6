/**
 * Which part of the hex rows is on screen. Rows come from offsets (row = offset /
 * bytesPerRow), so a 10 GB file is 670 M rows: like the text view, `topRow` is a
 * whole number and the hand-drawn scrollbar maps a ratio to a row. A row wider than
 * the view scrolls sideways in pixels (a row is at most 64 bytes, so pixels stay
 * small), the offset column staying put.
 */
import { clamp } from '../guards';
import { OverviewRuler } from '../ruler/overviewRuler';
import { Scrollbar, VBAR_PX } from '../scrollbar';
import type { HexCursor } from './hexCursor';
import { offsetDigits } from './hexFormat';
import { rowCount } from './hexMotion';
import { cellSpan, rowChars } from './hexRows';

/** The rows' scrollbar and a pixel of border. */
const ROW_EXTRA_PX = 15;
/** The horizontal scrollbar's height (viewer.css). */
const HBAR_PX = 12;

/** What the viewport needs from the view. */
export interface ViewportHost {
  readonly cursor: HexCursor;
  readonly size: number;
  readonly bytesPerRow: number;
  /** The cells moved sideways: where they are is measured again. */
  cellsMoved(): void;
  /** The view scrolled: draw again. */
  changed(): void;
}

/**
 * The rows and pixels on screen, moved by the scrollbars, the wheel and the caret;
 * `resize` and `setFont` change its measures, `layout` (each frame) fits it to them.
 */
export class HexViewport {
  /** The first row on screen; brought into range by `layout`. */
  topRow = 0;
  /** The font's cell, as measured (a guess until then). */
  private cell = { lineHeight: 19, charWidth: 8 };
  /** The editor's box. */
  private box = { width: 0, height: 0 };
  /** Rows under the header, as `layout` last fitted them: `full` whole ones, `drawn` with the one cut by the bottom edge. */
  private fit = { full: 1, drawn: 1 };
  /** Pixels the byte and character cells are scrolled left, under the offset column, when a row is wider than the view. */
  private x = 0;
  /** The caret moved by a key or a find: show its cell, scrolling sideways, at the next frame. */
  private revealX = false;
  /** The wheel's part of a row not scrolled yet. */
  private wheelRows = 0;
  private readonly vbar: Scrollbar;
  private readonly hbar: Scrollbar;
  /** The find's matches over the whole file, in the vertical scrollbar (as the text view's ruler, over rows). */
  readonly ruler: OverviewRuler;

  constructor(editor: HTMLElement, private readonly host: ViewportHost) {
    this.vbar = new Scrollbar(editor, {
      orientation: 'vertical', trackClass: 'scroll-track', thumbClass: 'scroll-thumb',
      onScroll: (r) => this.scrollToRow(Math.round(r * this.maxTop())),
    });
    this.hbar = new Scrollbar(editor, {
      orientation: 'horizontal', trackClass: 'hscroll-track', thumbClass: 'hscroll-thumb',
      onScroll: (r) => this.scrollToX(r * this.maxScrollX()),
    });
    this.ruler = new OverviewRuler(this.vbar.track);
  }

  get lineHeight(): number {
    return this.cell.lineHeight;
  }

  get charWidth(): number {
    return this.cell.charWidth;
  }

  /** Whole rows on screen. */
  get fullRows(): number {
    return this.fit.full;
  }

  /** Rows drawn: the whole ones and the one cut by the bottom edge. */
  get drawRows(): number {
    return this.fit.drawn;
  }

  /** Pixels the cells are scrolled left, under the offset column. */
  get scrollX(): number {
    return this.x;
  }

  /** Rows Page Up / Page Down move: a screen less one, so a row stays in sight. */
  get pageRows(): number {
    return Math.max(1, this.fit.full - 1);
  }

  /** The editor's box changed size. */
  resize(width: number, height: number): void {
    this.box = { width, height };
  }

  /** The font was measured (again). */
  setFont(font: { lineHeight: number; charWidth: number }): void {
    this.cell = { lineHeight: font.lineHeight, charWidth: font.charWidth };
  }

  /** Rows the file has, the caret's row after the last byte included. */
  rowTotal(): number {
    return rowCount(this.host.size, this.host.bytesPerRow);
  }

  /** The last top row: the one that shows the end of the file at the bottom. */
  maxTop(): number {
    return Math.max(0, this.rowTotal() - this.fit.full);
  }

  /** Pixels a row of `chars` characters takes, with the rows' scrollbar. */
  rowWidth(chars: number): number {
    return chars * this.cell.charWidth + ROW_EXTRA_PX;
  }

  /** Scrolls `row` (kept in range) to the top. */
  scrollToRow(row: number): void {
    const top = clamp(Math.round(row), 0, this.maxTop());
    if (top === this.topRow) return;
    this.topRow = top;
    this.host.changed();
  }

  scrollBy(rows: number): void {
    this.scrollToRow(this.topRow + rows);
  }

  /** Puts the row of `offset` in the middle of the screen. */
  centerOn(offset: number): void {
    this.topRow = Math.floor(offset / this.host.bytesPerRow) - Math.floor(this.fit.full / 2);
  }

  /** Shows the byte at `offset` (a find match, Go to Offset): in the middle of the screen if it is off it. */
  revealOffset(offset: number): void {
    const row = Math.floor(offset / this.host.bytesPerRow);
    if (row < this.topRow || row >= this.topRow + this.fit.full) this.centerOn(offset);
    this.revealX = true;
  }

  /** Scrolls the caret's row just onto the screen, and its cell at the next frame. */
  revealCaret(): void {
    this.revealX = true;
    const row = Math.floor(this.host.cursor.caret / this.host.bytesPerRow);
    if (row < this.topRow) this.scrollToRow(row);
    else if (row >= this.topRow + this.fit.full) this.scrollToRow(row - this.fit.full + 1);
  }

  /** At the next frame, scrolls sideways to the caret's cell (it changed column). */
  revealCaretCell(): void {
    this.revealX = true;
  }

  /**
   * Fits the viewport to the frame about to be drawn, with an offset column
   * `offsetPx` wide: the caret's cell scrolled into sight if asked, the rows that
   * fit under the header, the top row in range.
   */
  layout(offsetPx: number): void {
    const hMax = this.maxScrollX();
    if (this.revealX) {
      this.revealX = false;
      this.scrollCaretIntoView(offsetPx);
    }
    this.x = Math.min(this.x, hMax);
    // The header takes one row, the horizontal scrollbar (when rows are wider than the view) some more.
    const lh = this.cell.lineHeight;
    const rowsHeight = Math.max(lh, this.box.height - lh - (hMax > 0 ? HBAR_PX : 0));
    this.fit = { full: Math.max(1, Math.floor(rowsHeight / lh)), drawn: Math.ceil(rowsHeight / lh) };
    this.topRow = clamp(this.topRow, 0, this.maxTop());
  }

  /** Draws both scrollbars, and the ruler with the caret on `caretRow`, for the frame `layout` fitted. */
  updateBars(offsetPx: number, caretRow: number): void {
    const maxTop = this.maxTop();
    const hMax = this.maxScrollX();
    this.vbar.update(maxTop > 0 ? this.topRow / maxTop : 0, this.fit.full / this.rowTotal(), maxTop > 0, this.box.height);
    if (maxTop > 0) this.ruler.draw(this.rowTotal(), caretRow, this.box.height, VBAR_PX);
    this.hbar.update(hMax > 0 ? this.x / hMax : 0, (this.box.width - ROW_EXTRA_PX) / (this.box.width - ROW_EXTRA_PX + hMax), hMax > 0, this.box.width - ROW_EXTRA_PX - offsetPx);
  }

  /** Scrolls by a wheel or touchpad movement, whatever unit it came in: rows down, pixels sideways. */
  onWheel(e: WheelEvent): void {
    if (e.ctrlKey) return; // zoom belongs to VS Code
    e.preventDefault();
    // Shift turns a mouse wheel sideways, as in VS Code.
    const [dx, dy] = e.shiftKey && e.deltaX === 0 ? [e.deltaY, 0] : [e.deltaX, e.deltaY];
    const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? this.cell.lineHeight : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? this.box.width : 1;
    if (dx !== 0) this.scrollToX(this.x + dx * unit);
    if (dy === 0) return;
    const rows = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? dy
      : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? dy * this.fit.full : dy / this.cell.lineHeight;
    if (Math.sign(rows) !== Math.sign(this.wheelRows)) this.wheelRows = 0;
    this.wheelRows += rows;
    const whole = Math.trunc(this.wheelRows);
    this.wheelRows -= whole;
    if (whole !== 0) this.scrollToRow(this.topRow + whole);
  }

  /** The widest the cells scroll left: the row's width past the view's. */
  private maxScrollX(): number {
    return Math.max(0, this.rowWidth(rowChars(offsetDigits(this.host.size), this.host.bytesPerRow)) - this.box.width);
  }

  private scrollToX(x: number): void {
    const to = clamp(Math.round(x), 0, this.maxScrollX());
    if (to === this.x) return;
    this.x = to;
    this.host.cellsMoved();
    this.host.changed();
  }

  /** Scrolls sideways just enough to show the caret's cell beside the offset column. */
  private scrollCaretIntoView(offsetPx: number): void {
    const c = this.host.cursor;
    const perRow = this.host.bytesPerRow;
    const [a, b] = cellSpan(perRow, c.caret % perRow, c.column);
    const room = this.box.width - ROW_EXTRA_PX - offsetPx;
    const x1 = a * this.cell.charWidth;
    const x2 = Math.ceil(b * this.cell.charWidth) + 1; // the text column's border
    if (x1 < this.x) this.scrollToX(x1);
    else if (x2 > this.x + room) this.scrollToX(x2 - room);
  }
}
