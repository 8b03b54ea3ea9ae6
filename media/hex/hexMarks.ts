/**
 * The marks as the hex view shows them: the byte offset where each marked line starts
 * (the host sends them; marks are on lines, the same set the text view shows), for the
 * bookmark in a row's offset column and the caret-wide tick on the overview ruler.
 */
import { indexAtOrBefore } from '../../src/util/sortedSearch';

export class HexMarks {
  private offsets: readonly number[] = [];
  /** The rows of the marks at `perRow` bytes a row, drawn on the ruler; recomputed when either changes. */
  private rowsOf: { perRow: number; rows: number[] } | undefined;

  /** The marked offsets, in order (see MarksMessage). */
  set(offsets: readonly number[]): void {
    this.offsets = offsets;
    this.rowsOf = undefined;
  }

  /** Whether a mark falls in [start, start + perRow). */
  inRow(start: number, perRow: number): boolean {
    const n = this.offsets.length;
    if (n === 0) return false;
    const i = indexAtOrBefore(this.offsets, start + perRow - 1, n);
    return this.offsets[i] >= start && this.offsets[i] < start + perRow;
  }

  /** The rows the marks are on, with `perRow` bytes a row; the same array while nothing changed (the ruler redraws on a new one). */
  rows(perRow: number): number[] {
    if (this.rowsOf?.perRow !== perRow) this.rowsOf = { perRow, rows: [...new Set(this.offsets.map((o) => Math.floor(o / perRow)))] };
    return this.rowsOf.rows;
  }
}
