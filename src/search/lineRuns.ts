/** Consecutive matching lines: the first one's number (0-based) and start offset, and how many. */
export interface LineRun {
  firstLine: number;
  count: number;
  firstOffset: number;
}

/** Joins matching lines, given in increasing order, into runs; hands on each run when it ends. */
export class LineRuns {
  private run: LineRun | undefined;
  /** Lines and runs handed on so far. */
  lines = 0;
  runs = 0;

  constructor(private readonly onRun: (run: LineRun) => void) {}

  /** Lines firstLine .. firstLine + count - 1 match; firstOffset is where firstLine starts. */
  add(firstLine: number, count: number, firstOffset: number): void {
    if (count <= 0) return;
    if (this.run && this.run.firstLine + this.run.count === firstLine) {
      this.run.count += count;
      return;
    }
    this.flush();
    this.run = { firstLine, count, firstOffset };
  }

  /** Hands on the run being built, if any. */
  flush(): void {
    if (!this.run) return;
    this.lines += this.run.count;
    this.runs++;
    this.onRun(this.run);
    this.run = undefined;
  }
}
