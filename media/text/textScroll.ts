/**
 * Where the text view is scrolled, and what shows it: the scrollbars (drawn by hand,
 * scrollbar.ts) and the shadows along the edges text is scrolled past. Vertically in
 * whole lines, `topLine`: browsers clamp element heights past ~16.7 M px, so a 100
 * M-line file cannot be a tall element. Horizontally in character cells, `scrollCol`:
 * a line's byte window starting at byte F is drawn at cell F.
 */
import { el } from '../dom';
import { clamp } from '../guards';
import { OverviewRuler } from '../ruler/overviewRuler';
import { Scrollbar, VBAR_PX } from '../scrollbar';
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
}

/** The scroll position, clamped to the file and the widest line; drawn by the view's frame (`draw`). */
export class TextScroll {
  topLine = 0;
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
      onScroll: (r) => this.toLine(Math.round(r * this.maxTop()), true),
    });
    this.ruler = new OverviewRuler(this.vbar.track);
    this.hbar = new Scrollbar(editor, {
      orientation: 'horizontal', trackClass: 'hscroll-track', thumbClass: 'hscroll-thumb',
      onScroll: (r) => this.toCol(r * this.geometry.hMax()),
    });
    editor.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
  }

  /** The last top line: the file's last line at the bottom of the screen. */
  maxTop(): number {
    return Math.max(0, this.host.lineCount() - this.geometry.fullRows);
  }

  /** True when the view shows the file's end (and not just its start). */
  atEnd(): boolean {
    return this.topLine > 0 && this.topLine >= this.maxTop();
  }

  /** Clamps the top line to the file after a layout; `stayAtEnd` keeps the end in view when the rows that fit changed. */
  clampTop(stayAtEnd: boolean): void {
    this.topLine = stayAtEnd ? this.maxTop() : clamp(this.topLine, 0, this.maxTop());
  }

  /** Scrolls to put `line` on top; `user`: the user asked for it (scrolling up then stops Follow). */
  toLine(line: number, user: boolean): void {
    const top = clamp(Math.round(line), 0, this.maxTop());
    if (user && top < this.topLine) this.host.scrollingUp();
    if (top !== this.topLine) {
      this.topLine = top;
      this.host.invalidate();
    }
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
  centreOn(line: number): void {
    this.topLine = clamp(line - Math.floor(this.geometry.fullRows / 2), 0, this.maxTop());
  }

  /** Scrolls (as the user) the least that shows `line` whole. */
  showLine(line: number): void {
    const rows = this.geometry.fullRows;
    if (line < this.topLine) this.toLine(line, true);
    else if (line >= this.topLine + rows) this.toLine(line - rows + 1, true);
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
    const maxTop = this.maxTop();
    const scrolls = maxTop > 0 && !empty;
    this.vbar.update(maxTop > 0 ? this.topLine / maxTop : 0, lc > 0 ? g.fullRows / lc : 1, scrolls, g.height);
    if (scrolls) this.ruler.draw(lc, caretLine, g.height, VBAR_PX);
    const hMax = g.hMax();
    const viewCols = g.textWidth / g.charWidth;
    this.hbar.update(hMax > 0 ? this.scrollCol / hMax : 0, viewCols / (viewCols + hMax), g.hVisible, g.textWidth);
    this.shadowTop.classList.toggle('hidden', this.topLine === 0);
    this.shadowLeft.classList.toggle('hidden', this.scrollCol <= 0);
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
        const before = this.topLine;
        this.toLine(this.topLine + whole, true);
        if (this.topLine === before) this.wheelLines = 0;
      }
    }
    if (cols !== 0) this.toCol(this.scrollCol + cols);
  }
}
