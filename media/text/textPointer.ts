/**
 * The mouse on the text view: a click puts the caret, Shift+click extends the
 * selection, a double click selects a word and a triple click a line, as does a click
 * on a line number; a drag selects to the point under the pointer, scrolling while
 * the pointer is past an edge.
 */
import type { FileState, Position } from '../../src/editor/protocol';
import { clamp, samePos } from '../guards';
import { EOL, type LineCache } from '../lineCache';
import { byteLength, wordAt } from '../lineRenderer';
import { PointerDrag } from '../pointerDrag';
import { lineEnd, wholeLine } from './caretMotion';
import type { TextColumn, TextRows } from './textRows';

/** Clicks closer than this in time (ms) and distance (px) count as one double or triple click. */
const MULTI_CLICK_MS = 500;
const MULTI_CLICK_PX = 5;

/** What the pointer needs from the view. */
export interface TextPointerHost {
  readonly state: FileState | undefined;
  readonly caret: Position;
  readonly topLine: number;
  /** Whole rows on screen. */
  readonly fullRows: number;
  readonly lineHeight: number;
  readonly gutterWidth: number;
  /** Width of the text column on screen. */
  readonly textWidth: number;
  /** Word wrap is on: rows on screen are wrapped rows, not lines. */
  readonly wrapping: boolean;
  textColumn(): TextColumn;
  /**
   * Moves the caret to `pos`, the anchor too unless `extend`; the pointer is on screen, so nothing scrolls.
   * `atRowEnd`: a click past the end of a wrapped row, whose end is the next row's start.
   */
  setCaret(pos: Position, extend: boolean, atRowEnd: boolean): void;
  /** Selects from `anchor` to `caret`, likewise. */
  select(anchor: Position, caret: Position): void;
  /** User-driven scrolls: by lines, or rows while wrapping. */
  scrollBy(rows: number): void;
  scrollToCol(col: number): void;
  focus(): void;
}

export class TextPointer {
  private drag: PointerDrag | undefined;
  /** Multi-click tracking (PointerEvent.detail is 0 in Chromium). */
  private clicks = { count: 0, at: -Infinity, x: 0, y: 0 };

  constructor(
    private readonly editor: HTMLElement,
    private readonly rows: TextRows,
    private readonly cache: LineCache,
    private readonly host: TextPointerHost,
  ) {
    editor.addEventListener('pointerdown', (e) => this.down(e));
    editor.addEventListener('pointermove', (e) => this.drag?.move(e));
    editor.addEventListener('pointerup', (e) => this.up(e));
    editor.addEventListener('pointercancel', (e) => this.up(e));
  }

  /**
   * File position under a client point; the gutter counts as column 0. `atRowEnd`:
   * past the end of a wrapped row that is not its line's last.
   */
  private positionAt(clientX: number, clientY: number): Position & { atRowEnd: boolean } {
    const h = this.host;
    const rect = this.editor.getBoundingClientRect();
    const lc = h.state?.lineCount ?? 0;
    if (lc === 0) return { line: 0, column: 0, atRowEnd: false };
    const rowIndex = Math.floor((clientY - rect.top) / h.lineHeight);
    const row = h.wrapping ? this.rows.atIndex(rowIndex) : this.rows.at(h.topLine + rowIndex);
    const line = row ? row.line : h.topLine + rowIndex;
    if (line < 0 || rowIndex < 0) return { line: 0, column: 0, atRowEnd: false };
    if (line >= lc || (h.wrapping && !row)) return { ...lineEnd(this.cache, lc - 1), atRowEnd: false };
    const x = clientX - rect.left - h.gutterWidth;
    const at = h.textColumn();
    const column = row ? row.columnAt(Math.max(0, x), at) : Math.max(0, Math.round(x / at.charWidth + at.scrollCol));
    const part = row?.part;
    return { line, column, atRowEnd: part !== undefined && !part.last && column === part.end };
  }

  private down(e: PointerEvent): void {
    const h = this.host;
    if (e.button !== 0 || !h.state) return;
    if ((e.target as HTMLElement).closest('.scrollbar')) return;
    e.preventDefault();
    h.focus();
    const rect = this.editor.getBoundingClientRect();
    const pos = this.positionAt(e.clientX, e.clientY);
    const lc = h.state.lineCount;
    if (lc === 0) return;
    const c = this.clicks;
    const now = performance.now();
    const again = now - c.at < MULTI_CLICK_MS && Math.abs(e.clientX - c.x) < MULTI_CLICK_PX && Math.abs(e.clientY - c.y) < MULTI_CLICK_PX;
    this.clicks = { count: again ? (c.count % 3) + 1 : 1, at: now, x: e.clientX, y: e.clientY };
    const detail = this.clicks.count;
    if (e.clientX - rect.left < h.gutterWidth && !e.shiftKey) {
      // A click on a line number selects the line.
      h.select(...wholeLine(this.cache, pos.line, lc));
    } else if (!e.shiftKey && (detail === 2 || detail === 3)) {
      const entry = this.cache.peek(pos.line);
      if (detail === 3 || !entry) {
        const next = pos.line + 1 < lc ? { line: pos.line + 1, column: 0 } : { line: pos.line, column: entry?.slice.length ?? EOL };
        h.select({ line: pos.line, column: 0 }, next);
      } else {
        const s = entry.slice;
        const at = this.cache.textAt(pos.line, pos.column);
        const [a, b] = wordAt(s.text, at ? at.index : 0);
        h.select({ line: pos.line, column: s.fromByte + byteLength(s.text, 0, a) }, { line: pos.line, column: s.fromByte + byteLength(s.text, 0, b) });
      }
    } else {
      h.setCaret({ line: pos.line, column: pos.column }, e.shiftKey, pos.atRowEnd);
    }
    this.drag?.dispose();
    this.drag = new PointerDrag(this.editor, e, () => this.dragTo(), () => this.autoScroll());
  }

  private dragTo(): void {
    const drag = this.drag;
    if (!drag) return;
    const h = this.host;
    const rect = this.editor.getBoundingClientRect();
    const y = clamp(drag.y, rect.top, rect.top + h.fullRows * h.lineHeight - 1);
    const x = clamp(drag.x, rect.left + h.gutterWidth, rect.left + h.gutterWidth + h.textWidth);
    const pos = this.positionAt(x, y);
    if (!samePos(pos, h.caret)) h.setCaret({ line: pos.line, column: pos.column }, true, pos.atRowEnd);
  }

  /** While a drag is past an edge, scroll by an amount growing with the distance. */
  private autoScroll(): void {
    const drag = this.drag;
    if (!drag) return;
    const h = this.host;
    const rect = this.editor.getBoundingClientRect();
    const bottom = rect.top + h.fullRows * h.lineHeight;
    if (drag.y < rect.top) h.scrollBy(-Math.ceil((rect.top - drag.y) / h.lineHeight));
    else if (drag.y > bottom) h.scrollBy(Math.ceil((drag.y - bottom) / h.lineHeight));
    const left = rect.left + h.gutterWidth;
    const right = left + h.textWidth;
    const { scrollCol, charWidth } = h.textColumn();
    if (drag.x < left) h.scrollToCol(scrollCol - Math.ceil((left - drag.x) / charWidth));
    else if (drag.x > right) h.scrollToCol(scrollCol + Math.ceil((drag.x - right) / charWidth));
    this.dragTo();
  }

  private up(e: PointerEvent): void {
    if (this.drag?.end(e)) this.drag = undefined;
  }
}
