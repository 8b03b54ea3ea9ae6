/**
 * Where the text view is scrolled, and what shows it: the scrollbars (drawn by hand,
 * scrollbar.ts) and the shadows along the edges text is scrolled past. Vertically in
 * whole lines, `topLine`: browsers clamp element heights past ~16.7 M px, so a 100
 * M-line file cannot be a tall element. Horizontally in character cells, `scrollCol`:
 * a line's byte window starting at byte F is drawn at cell F.
 *
 * With word wrap on, the top is a row: the one of `topLine` holding byte `topByte`
 * (kept as a byte, so it stays put while the line's rows are not known yet), and the
 * view scrolls by rows. Nobody knows the rows of every line of a huge file, so the
 * vertical scrollbar stands for lines, the top line's part above the top row counted
 * by its bytes: in a 60 MB line the thumb moves through the line, and the end is the
 * row that puts the file's last row at the bottom. Rows of lines not held count one
 * each until they arrive, so the end (Ctrl+End, Follow) and a line centred (Go to Line,
 * a find) are kept where they were asked for as rows arrive, until the user scrolls.
 */
import { el } from '../dom';
import { clamp } from '../guards';
import { OverviewRuler } from '../ruler/overviewRuler';
import { Scrollbar, VBAR_PX } from '../scrollbar';
import type { LineWraps, RowPos } from '../wrap/lineWraps';
import type { TextGeometry } from './textGeometry';
import { wheelMovement } from './wheelMovement';


/** What scrolling needs from the view. */
export interface TextScrollHost {
  /** Lines of the file as shown. */
  lineCount(): number;
  /** The position changed: draw a frame. */
  invalidate(): void;
  /** The user is scrolling up (to read, so Follow stops); the view has not moved yet. */
  scrollingUp(): void;
  /** The rows of the lines while word wrap is on, else undefined. */
  wraps(): LineWraps | undefined;
  /** Length of `line` in bytes, if held. */
  lineLength(line: number): number | undefined;
}

/** The scroll position, clamped to the file and the widest line; drawn by the view's frame (`draw`). */
export class TextScroll {
  topLine = 0;
  /** With word wrap on: a byte of the top row in `topLine`. */
  topByte = 0;
  /**
   * With word wrap on: what the top is kept at as rows arrive: the end of a file of
   * `endOf` lines (more lines unpin it: only Follow follows), or a line's row so many
   * rows down.
   */
  private pinned: { endOf: number } | { line: number; column: number; rowsAbove: number } | undefined;
  scrollCol = 0;
  /** Wheel movement short of a whole line, kept for the next event in the same direction. */
  private wheelLines = 0;
  private readonly shadowTop: HTMLDivElement;
  private readonly shadowLeft: HTMLDivElement;
  private readonly vbar: Scrollbar;
  private readonly hbar: Scrollbar;
  /** Find matches, marks and the caret over the whole file, in the vertical scrollbar. */
  readonly ruler: OverviewRuler;

  constructor(editor: HTMLElement, private readonly geometry: TextGeometry, private readonly host: TextScrollHost) {
    this.shadowTop = el('div', 'shadow-top hidden', editor);
    this.shadowLeft = el('div', 'shadow-left hidden', editor);
    this.vbar = new Scrollbar(editor, {
      orientation: 'vertical', trackClass: 'scroll-track', thumbClass: 'scroll-thumb',
      onScroll: (r) => this.toRatio(r),
    });
    this.ruler = new OverviewRuler(this.vbar.track);
    this.hbar = new Scrollbar(editor, {
      orientation: 'horizontal', trackClass: 'hscroll-track', thumbClass: 'hscroll-thumb',
      onScroll: (r) => this.toCol(r * this.geometry.hMax()),
    });
    editor.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
  }

  /** The last top line: the file's last line (wrapped: its last row) at the bottom of the screen. */
  maxTop(): number {
    const w = this.host.wraps();
    return w ? this.endRow(w).line : Math.max(0, this.host.lineCount() - this.geometry.fullRows);
  }

  /** True when the view shows the file's end (and not just its start). */
  atEnd(): boolean {
    const w = this.host.wraps();
    if (!w) return this.topLine > 0 && this.topLine >= this.maxTop();
    const top = this.topRow(w);
    const end = this.endRow(w);
    return (top.line > 0 || top.row > 0) && (top.line > end.line || (top.line === end.line && top.row >= end.row));
  }

  /** Clamps the top line to the file after a layout; `stayAtEnd` keeps the end in view when the rows that fit changed. */
  clampTop(stayAtEnd: boolean): void {
    const w = this.host.wraps();
    if (!w) {
      this.topLine = stayAtEnd ? this.maxTop() : clamp(this.topLine, 0, this.maxTop());
      this.pinned = undefined;
      return;
    }
    const lc = this.host.lineCount();
    this.topLine = clamp(this.topLine, 0, Math.max(0, lc - 1));
    const pin = this.pinned;
    if (pin && 'line' in pin && pin.line < lc) this.setTop(w, w.step({ line: pin.line, row: w.rowOf(pin.line, pin.column) }, -pin.rowsAbove, lc));
    if (stayAtEnd || (pin && 'endOf' in pin && pin.endOf === lc) || this.atEnd()) this.setTop(w, this.endRow(w));
  }

  /** Scrolls to put `line` on top; `user`: the user asked for it (scrolling up then stops Follow). */
  toLine(line: number, user: boolean): void {
    const w = this.host.wraps();
    if (w) return this.toRow(w, { line: clamp(Math.round(line), 0, Math.max(0, this.host.lineCount() - 1)), row: 0 }, user);
    const top = clamp(Math.round(line), 0, this.maxTop());
    if (user && top < this.topLine) this.host.scrollingUp();
    if (top !== this.topLine) {
      this.topLine = top;
      this.host.invalidate();
    }
  }

  /** Scrolls by `delta` lines, or rows while wrapping; `user` as for toLine. */
  scrollBy(delta: number, user: boolean): void {
    const w = this.host.wraps();
    if (w) this.toRow(w, w.step(this.topRow(w), delta, this.host.lineCount()), user);
    else this.toLine(this.topLine + delta, user);
  }

  /** Scrolls to the file's end. */
  toEnd(user: boolean): void {
    const w = this.host.wraps();
    if (w) this.toRow(w, this.endRow(w), user, true);
    else this.toLine(this.maxTop(), user);
  }

  /** The top row (word wrap). */
  topRow(w: LineWraps): RowPos {
    return { line: this.topLine, row: w.rowOf(this.topLine, this.topByte) };
  }

  /** The top row that puts the file's last row at the bottom, as far as the rows held tell. */
  private endRow(w: LineWraps): RowPos {
    const lc = this.host.lineCount();
    if (lc === 0) return { line: 0, row: 0 };
    return w.step({ line: lc - 1, row: w.count(lc - 1) - 1 }, -(this.geometry.fullRows - 1), lc);
  }

  private setTop(w: LineWraps, pos: RowPos): void {
    this.topLine = pos.line;
    this.topByte = w.row(pos.line, pos.row).start;
  }

  private toRow(w: LineWraps, pos: RowPos, user: boolean, toEnd = false): void {
    this.pinned = toEnd ? { endOf: this.host.lineCount() } : undefined;
    const top = this.topRow(w);
    if (pos.line === top.line && pos.row === top.row) return;
    if (user && (pos.line < top.line || (pos.line === top.line && pos.row < top.row))) this.host.scrollingUp();
    this.setTop(w, pos);
    this.host.invalidate();
  }

  /** Where the top is in the file as a number of lines (wrapped: with the top line's bytes above the top row). */
  private position(w: LineWraps, pos: RowPos): number {
    const len = this.host.lineLength(pos.line);
    return pos.line + (len ? Math.min(1, w.row(pos.line, pos.row).start / len) : 0);
  }

  /** The scrollbar was dragged or clicked to `ratio` of its track. */
  private toRatio(ratio: number): void {
    const w = this.host.wraps();
    if (!w) return this.toLine(Math.round(ratio * this.maxTop()), true);
    const end = this.endRow(w);
    if (ratio >= 1) return this.toRow(w, end, true, true);
    this.pinned = undefined;
    const at = ratio * this.position(w, end);
    const line = Math.floor(at);
    const byte = Math.floor((at - line) * (this.host.lineLength(line) ?? 0));
    if (line < this.topLine || (line === this.topLine && byte < this.topByte)) this.host.scrollingUp();
    this.topLine = line;
    this.topByte = byte;
    this.host.invalidate();
  }

  /** Scrolls horizontally to cell `col`. */
  toCol(col: number): void {
    const c = clamp(col, 0, Math.max(this.geometry.hMax(), 0));
    if (c !== this.scrollCol) {
      this.scrollCol = c;
      this.host.invalidate();
    }
  }

  /**
   * Scrolls `line` to the middle of the view, clamped at once: the caret message may
   * go out before the next frame clamps, and the host refuses a negative top line.
   */
  centreOn(line: number, column = 0): void {
    const w = this.host.wraps();
    if (w) {
      this.pinned = { line, column, rowsAbove: Math.floor(this.geometry.fullRows / 2) };
      return this.setTop(w, w.step({ line, row: w.rowOf(line, column) }, -this.pinned.rowsAbove, this.host.lineCount()));
    }
    this.topLine = clamp(line - Math.floor(this.geometry.fullRows / 2), 0, this.maxTop());
  }

  /**
   * True when `line` (wrapped: its row holding byte `column`) is wholly on screen, and
   * not on its first `skipTop` rows.
   */
  shows(line: number, column = 0, skipTop = 0): boolean {
    const w = this.host.wraps();
    const rows = this.geometry.fullRows;
    if (!w) return line >= this.topLine + skipTop && line < this.topLine + rows;
    const top = this.topRow(w);
    const row = w.rowOf(line, column);
    if (line < top.line || (line === top.line && row < top.row)) return false;
    const down = w.distance(top, { line, row }, rows);
    return down >= skipTop && down < rows;
  }

  /** Scrolls (as the user) the least that shows `line` whole, or with word wrap its row holding byte `column`. */
  showLine(line: number, column = 0): void {
    const w = this.host.wraps();
    const rows = this.geometry.fullRows;
    if (!w) {
      if (line < this.topLine) this.toLine(line, true);
      else if (line >= this.topLine + rows) this.toLine(line - rows + 1, true);
      return;
    }
    if (this.shows(line, column)) return;
    const row = w.rowOf(line, column);
    const top = this.topRow(w);
    const above = line < top.line || (line === top.line && row < top.row);
    this.toRow(w, above ? { line, row } : w.step({ line, row }, -(rows - 1), this.host.lineCount()), true);
  }

  /** Scrolls horizontally the least that leaves a margin either side of `x` (px from the text column's left edge). */
  showX(x: number): void {
    const { charWidth: cw, textWidth } = this.geometry;
    const margin = Math.min(4 * cw, textWidth / 4);
    if (x < margin && this.scrollCol > 0) {
      this.scrollCol = Math.max(0, this.scrollCol + (x - margin) / cw);
    } else if (x > textWidth - margin) {
      this.scrollCol += (x - textWidth + margin) / cw;
    }
  }

  /**
   * Draws the scrollbars, their ruler and the shadows for this frame's position and
   * layout; `empty`: the file has no lines to scroll.
   */
  draw(empty: boolean, caretLine: number): void {
    const g = this.geometry;
    const lc = this.host.lineCount();
    const w = this.host.wraps();
    const maxTop = w ? this.position(w, this.endRow(w)) : this.maxTop();
    const top = w ? this.position(w, this.topRow(w)) : this.topLine;
    const scrolls = maxTop > 0 && !empty;
    const rows = w ? this.rowsEstimate(w, lc) : lc;
    this.vbar.update(maxTop > 0 ? top / maxTop : 0, rows > 0 ? g.fullRows / rows : 1, scrolls, g.height);
    if (scrolls) this.ruler.draw(lc, caretLine, g.height, VBAR_PX);
    const hMax = g.hMax();
    const viewCols = g.textWidth / g.charWidth;
    this.hbar.update(hMax > 0 ? this.scrollCol / hMax : 0, viewCols / (viewCols + hMax), g.hVisible, g.textWidth);
    this.shadowTop.classList.toggle('hidden', this.topLine === 0 && (!w || this.topRow(w).row === 0));
    this.shadowLeft.classList.toggle('hidden', this.scrollCol <= 0);
  }

  /** Rows of the file as far as the rows on screen tell: the lines shown count their rows, the others one each. */
  private rowsEstimate(w: LineWraps, lineCount: number): number {
    let rows = 0;
    let line = this.topLine;
    for (; line < lineCount && rows < this.geometry.fullRows; line++) rows += w.count(line);
    return rows + lineCount - line + this.topLine;
  }

  private wheel(e: WheelEvent): void {
    if (e.ctrlKey) return; // zoom belongs to VS Code
    e.preventDefault();
    const g = this.geometry;
    const { lines, cols } = wheelMovement(e, { lineHeight: g.lineHeight, charWidth: g.charWidth, rows: g.fullRows, textWidth: g.textWidth });
    if (lines !== 0) {
      if (Math.sign(lines) !== Math.sign(this.wheelLines)) this.wheelLines = 0;
      this.wheelLines += lines;
      const whole = Math.trunc(this.wheelLines);
      this.wheelLines -= whole;
      if (whole !== 0) {
        const before = [this.topLine, this.topByte];
        this.scrollBy(whole, true);
        if (this.topLine === before[0] && this.topByte === before[1]) this.wheelLines = 0;
      }
    }
    if (cols !== 0) this.toCol(this.scrollCol + cols);
  }
}
