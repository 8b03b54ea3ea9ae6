/**
 * Paints the hex rows on screen: the header for the row width, then one HexRow
 * (hexRows.ts) per row shown, reused while scrolling, its cells marked with the
 * caret, the selection, edited bytes and find matches, and the row with a bookmark
 * where a marked line starts in it. Only the visible rows exist.
 */
import type { ByteCache } from './byteCache';
import type { HexCursor } from './hexCursor';
import { offsetHex } from './hexFormat';
import { type CellMarks, headerRow, HexRow } from './hexRows';

/** One frame's rows: `shown` of them from row `topRow`, `lineHeight` apart, offsets `digits` wide, in a file of `size` bytes. */
export interface RowsFrame {
  topRow: number;
  shown: number;
  lineHeight: number;
  digits: number;
  size: number;
}

/** The header and rows of the hex view; `setBytesPerRow` rebuilds them, `paint` writes each frame. */
export class HexPainter {
  private rows: HexRow[] = [];
  private header: HTMLDivElement | undefined;
  private perRow = 0;

  constructor(private readonly editor: HTMLElement, private readonly rowsEl: HTMLElement, private readonly cursor: HexCursor,
    private readonly cache: ByteCache, private readonly matchAt: (offset: number) => CellMarks['match'],
    private readonly marked: (start: number, perRow: number) => boolean) {}

  /** Whether the header has been built (by `setBytesPerRow`). */
  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /** A row on screen, to measure where the cells are. */
  firstRow(): HexRow | undefined {
    return this.rows[0];
  }

  /** Rows of `perRow` bytes: a new header, and the rows drawn so far dropped. */
  setBytesPerRow(perRow: number): void {
    this.perRow = perRow;
    this.header?.remove();
    this.header = headerRow(perRow);
    this.editor.insertBefore(this.header, this.rowsEl);
    for (const row of this.rows) row.el.remove();
    this.rows = [];
  }

  /** Writes the frame's rows (cells change only where their text or marks do) and hides the rows below them. */
  paint(f: RowsFrame): void {
    const perRow = this.perRow;
    const c = this.cursor;
    const sel = c.selection();
    while (this.rows.length < f.shown) {
      const row = new HexRow(perRow);
      this.rows.push(row);
      this.rowsEl.appendChild(row.el);
    }
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      row.el.classList.toggle('hidden', r >= f.shown);
      if (r >= f.shown) continue;
      const start = (f.topRow + r) * perRow;
      row.offset = start;
      row.el.style.top = `${r * f.lineHeight}px`;
      row.el.dataset.offset = String(start);
      row.setOffset(offsetHex(start, f.digits));
      row.el.classList.toggle('current', c.caret >= start && c.caret < start + perRow);
      row.el.classList.toggle('marked', this.marked(start, perRow));
      for (let i = 0; i < perRow; i++) {
        const at = start + i;
        const byte = at >= f.size ? null : this.cache.byteAt(at);
        const isCaret = at === c.caret;
        row.paint(i, byte, {
          selected: at >= sel.start && at < sel.end,
          edited: byte !== null && this.cache.isEdited(at),
          caret: isCaret ? c.column : undefined,
          match: this.matchAt(at),
        }, isCaret && c.pendingNibble !== undefined ? c.pendingNibble.toString(16) : undefined);
      }
    }
  }
}
