/**
 * The text view's measures: the font's cell, the editor's size, the line number
 * gutter, the rows that fit and the widest line drawn, and the horizontal scroll range
 * and byte window they give. Font and size are measured again when they change (see
 * `watch`), the rest on every frame (`layOut`, `measureContent`).
 */
import { MAX_LINE_BYTES } from '../../src/editor/protocol';
import { measureFont, onFontChange } from '../fontMetrics';
import type { TextRows } from './textRows';

const VBAR_PX = 14;
const HBAR_PX = 12;
const MIN_GUTTER_CHARS = 5;
/** Horizontal windows start on multiples of this many bytes, so small scrolls reuse them. */
const H_STEP = 512;
/** Bytes asked per line: lines up to this long arrive whole and scroll exactly. */
const WINDOW_BYTES = 4096;

/** Sizes of the text view, in px unless said otherwise; valid from one frame's layout to the next. */
export class TextGeometry {
  lineHeight = 19;
  charWidth = 8;
  private digitWidth = 8;
  private fontDirty = true;
  /** The editor's client size. */
  private width = 0;
  height = 0;
  gutterWidth = 0;
  private gutterChars = 0;
  /** Rows wholly on screen, and rows drawn (the last one may be cut). */
  fullRows = 1;
  drawRows = 1;
  textWidth = 0;
  /** The widest drawn line, in character cells. */
  private contentCols = 0;
  /** The horizontal scrollbar shows: it takes a row's room. */
  hVisible = false;
  /** Client x of the editor's left edge, read once per frame. */
  editorLeft = 0;
  /** Word wrap is on: nothing scrolls sideways, and every line is asked for from its start. */
  wrapping = false;

  /** `probe`: an invisible element in the editor's font; `rows` are measured again when the font changes. */
  constructor(private readonly root: HTMLElement, private readonly probe: HTMLElement, private readonly rows: TextRows) {}

  /** Calls `changed` when the editor's size or the font changed, until `signal` aborts. */
  watch(editor: HTMLElement, signal: AbortSignal, changed: () => void): void {
    const resize = new ResizeObserver(() => {
      this.width = editor.clientWidth;
      this.height = editor.clientHeight;
      changed();
    });
    resize.observe(editor);
    signal.addEventListener('abort', () => resize.disconnect());
    onFontChange(() => {
      this.fontDirty = true;
      changed();
    }, signal);
  }

  /** Measures the font again if it may have changed since it was last measured. */
  measureFontIfChanged(): void {
    if (!this.fontDirty) return;
    this.fontDirty = false;
    ({ lineHeight: this.lineHeight, charWidth: this.charWidth, digitWidth: this.digitWidth } = measureFont(this.probe));
    this.root.style.setProperty('--line-height', `${this.lineHeight}px`);
    this.root.style.setProperty('--char-width', `${this.charWidth}px`);
    this.rows.remeasure();
    this.gutterChars = 0;
  }

  /** Lays out a frame of a file of `lineCount` lines: gutter, text width and the rows that fit. */
  layOut(lineCount: number): void {
    this.updateGutter(lineCount);
    this.textWidth = Math.max(this.charWidth, this.width - this.gutterWidth - VBAR_PX);
    this.hVisible = this.hMax() > 0.5;
    const rowsHeight = Math.max(this.lineHeight, this.height - (this.hVisible ? HBAR_PX : 0));
    this.fullRows = Math.max(1, Math.floor(rowsHeight / this.lineHeight));
    this.drawRows = Math.ceil(rowsHeight / this.lineHeight);
  }

  private updateGutter(lineCount: number): void {
    const chars = Math.max(MIN_GUTTER_CHARS, String(Math.max(1, lineCount)).length);
    if (chars === this.gutterChars) return;
    this.gutterChars = chars;
    this.gutterWidth = Math.round(chars * this.digitWidth + 16 + 2 * this.charWidth);
    this.root.style.setProperty('--gutter-width', `${this.gutterWidth}px`);
  }

  /**
   * Measures the widest line the rows drew. False when a row of the first `available`
   * lines has no text yet: the width may still grow.
   */
  measureContent(available: number): boolean {
    if (this.wrapping) {
      this.contentCols = 0;
      return true;
    }
    let cols = 0;
    let allLoaded = true;
    for (const row of this.rows.all()) {
      const rowCols = row.contentCols(this.charWidth);
      if (rowCols !== undefined) cols = Math.max(cols, rowCols);
      else if (row.line < available) allLoaded = false;
    }
    this.contentCols = cols;
    return allLoaded;
  }

  /** Shows or hides the horizontal scrollbar for the content measured; true when that changed (the rows need laying out again). */
  updateHBar(): boolean {
    const hVisible = this.hMax() > 0.5;
    if (hVisible === this.hVisible) return false;
    this.hVisible = hVisible;
    return true;
  }

  /** The horizontal scroll range, in character cells. */
  hMax(): number {
    if (this.wrapping) return 0;
    return Math.max(0, this.contentCols + 2 - this.textWidth / this.charWidth);
  }

  /** The byte window every line is asked with when scrolled `scrollCol` cells right. */
  hWindow(scrollCol: number): { fromByte: number; maxBytes: number } {
    if (this.wrapping) return { fromByte: 0, maxBytes: MAX_LINE_BYTES };
    const viewCols = Math.ceil(this.textWidth / this.charWidth);
    const maxBytes = viewCols + 2 * H_STEP > WINDOW_BYTES / 2 ? MAX_LINE_BYTES : WINDOW_BYTES;
    if (scrollCol + viewCols + H_STEP <= maxBytes) return { fromByte: 0, maxBytes };
    return { fromByte: Math.max(0, Math.floor(scrollCol / H_STEP) * H_STEP - H_STEP), maxBytes };
  }
}
