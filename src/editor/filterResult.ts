import type { LineRun } from '../search/filterFile';
import { indexAtOrBefore } from '../util/sortedSearch';

/**
 * The lines of a filter view, as runs of consecutive line numbers: memory grows
 * with the runs, so "everything except the rare lines that match B" stays small.
 * Maps a row of the view (0-based rank) to its line in the file.
 */
export class FilterResult {
  private readonly firstLines: number[] = [];
  /** Rows before each run. */
  private readonly rowsBefore: number[] = [];
  private rows = 0;

  /** Rows (matching lines) so far. */
  get lineCount(): number {
    return this.rows;
  }

  /** Appends runs found further on in the file (in order; a run continuing the last one merges into it). */
  append(runs: readonly LineRun[]): void {
    for (const run of runs) {
      if (run.count <= 0) continue;
      const last = this.firstLines.length - 1;
      if (last >= 0 && this.firstLines[last] + this.rows - this.rowsBefore[last] === run.firstLine) {
        this.rows += run.count;
        continue;
      }
      this.firstLines.push(run.firstLine);
      this.rowsBefore.push(this.rows);
      this.rows += run.count;
    }
  }

  /** The file line shown at `row`; throws RangeError past the rows found so far. */
  lineAt(row: number): number {
    if (!Number.isSafeInteger(row) || row < 0 || row >= this.rows) throw new RangeError(`row ${row} is not in the filter result (${this.rows} rows)`);
    const i = indexAtOrBefore(this.rowsBefore, row);
    return this.firstLines[i] + row - this.rowsBefore[i];
  }

  /** Calls `visit` with each run of lines, in order. */
  forEachRun(visit: (firstLine: number, count: number) => void): void {
    for (let i = 0; i < this.firstLines.length; i++) {
      const rowsAfter = i + 1 < this.rowsBefore.length ? this.rowsBefore[i + 1] : this.rows;
      visit(this.firstLines[i], rowsAfter - this.rowsBefore[i]);
    }
  }

  /** Runs held (what the memory grows with). */
  get runCount(): number {
    return this.firstLines.length;
  }
}
