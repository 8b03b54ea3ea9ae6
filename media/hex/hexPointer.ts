/**
 * The mouse on the hex rows: a click puts the caret on a byte (and in that byte's
 * column), Shift+click extends, a click on an offset selects its row, a drag selects
 * from the pressed byte to the one under the pointer, scrolling while the pointer is
 * above or below the rows.
 */
import { clamp } from '../guards';
import { PointerDrag } from '../pointerDrag';
import type { Column, HexCursor } from './hexCursor';
import { dragSelection } from './hexMotion';
import type { HexRow } from './hexRows';

/** What the pointer needs from the view. */
export interface PointerHost {
  readonly cursor: HexCursor;
  readonly size: number;
  readonly bytesPerRow: number;
  readonly topRow: number;
  readonly lineHeight: number;
  /** Whole rows on screen. */
  readonly fullRows: number;
  /** Rows on screen that exist, the one cut by the bottom edge included (fewer at the end of the file). */
  readonly shownRows: number;
  /** A row on screen, to measure where the cells are. */
  firstRow(): HexRow | undefined;
  scrollToRow(row: number): void;
  focus(): void;
  changed(): void;
}

/** Left edges of a row's cells, measured once per layout. */
interface CellEdges {
  hex: number[];
  text: number[];
  /** Points right of this are in the text column. */
  textStart: number;
  /** Points left of this are on the offset column (byte cells may be scrolled under it). */
  offsetEnd: number;
}

export class HexPointer {
  private edges: CellEdges | undefined;
  private drag: PointerDrag | undefined;
  /** Where the drag's selection is anchored: the byte pressed, or the old anchor (Shift). */
  private pressed = 0;

  constructor(private readonly editor: HTMLElement, private readonly rowsEl: HTMLElement, private readonly host: PointerHost) {
    editor.addEventListener('pointerdown', (e) => this.down(e));
    editor.addEventListener('pointermove', (e) => this.drag?.move(e));
    editor.addEventListener('pointerup', (e) => this.up(e));
    editor.addEventListener('pointercancel', (e) => this.up(e));
  }

  /** The cells moved (resize, font, row width): measure again when next needed. */
  relayout(): void {
    this.edges = undefined;
  }

  /** Stops a drag's scrolling timer (the view is going away). */
  dispose(): void {
    this.drag?.dispose();
    this.drag = undefined;
  }

  /** The byte and column under a client point, clamped into the rows on screen. */
  private hit(clientX: number, clientY: number): { offset: number; column: Column; onOffset: boolean } {
    const h = this.host;
    const top = this.rowsEl.getBoundingClientRect().top;
    const r = clamp(Math.floor((clientY - top) / h.lineHeight), 0, Math.max(1, h.shownRows) - 1);
    const edges = this.cellEdges();
    const column: Column = edges && clientX >= edges.textStart ? 'text' : 'hex';
    let i = 0;
    if (edges) {
      const lefts = column === 'text' ? edges.text : edges.hex;
      while (i + 1 < lefts.length && clientX >= lefts[i + 1]) i++;
    }
    const onOffset = edges !== undefined && clientX < edges.offsetEnd;
    return { offset: Math.min(h.size, (h.topRow + r) * h.bytesPerRow + i), column, onOffset };
  }

  private cellEdges(): CellEdges | undefined {
    if (this.edges) return this.edges;
    const row = this.host.firstRow();
    if (!row) return undefined;
    const hex = Array.from(row.el.querySelectorAll('.hex-bytes > span'), (n) => n.getBoundingClientRect().left);
    const text = Array.from(row.el.querySelectorAll('.hex-chars > span'), (n) => n.getBoundingClientRect().left);
    const hexEnd = row.el.querySelector('.hex-bytes')!.getBoundingClientRect().right;
    // A point between the two columns belongs to the nearer one.
    const offsetEnd = row.el.querySelector('.hex-offset')!.getBoundingClientRect().right;
    this.edges = { hex, text, textStart: (hexEnd + (text[0] ?? hexEnd)) / 2, offsetEnd };
    return this.edges;
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    if ((e.target as HTMLElement).closest('.scrollbar')) return;
    e.preventDefault();
    const h = this.host;
    h.focus();
    const hit = this.hit(e.clientX, e.clientY);
    const c = h.cursor;
    if (hit.onOffset && !e.shiftKey) {
      const start = hit.offset - (hit.offset % h.bytesPerRow);
      c.select(start, Math.min(h.size, start + h.bytesPerRow));
    } else {
      c.column = hit.column;
      c.moveTo(hit.offset, e.shiftKey);
    }
    h.changed();
    this.pressed = e.shiftKey ? c.anchor : hit.offset;
    this.drag?.dispose();
    this.drag = new PointerDrag(this.editor, e, () => this.dragTo(), () => this.autoScroll());
  }

  private dragTo(): void {
    const drag = this.drag;
    if (!drag) return;
    const c = this.host.cursor;
    const { anchor, caret } = dragSelection(this.pressed, this.hit(drag.x, drag.y).offset, this.host.size);
    if (anchor === c.anchor && caret === c.caret) return;
    c.select(anchor, caret);
    this.host.changed();
  }

  /** While a drag is above or below the rows, scroll by an amount growing with the distance. */
  private autoScroll(): void {
    const drag = this.drag;
    if (!drag) return;
    const h = this.host;
    const top = this.rowsEl.getBoundingClientRect().top;
    const bottom = top + h.fullRows * h.lineHeight;
    if (drag.y < top) h.scrollToRow(h.topRow - Math.ceil((top - drag.y) / h.lineHeight));
    else if (drag.y > bottom) h.scrollToRow(h.topRow + Math.ceil((drag.y - bottom) / h.lineHeight));
    this.dragTo();
  }

  private up(e: PointerEvent): void {
    if (this.drag?.end(e)) this.drag = undefined;
  }
}
