import type { SearchQuery } from '../search/query';
import { compileMatcher, lineMatches } from '../search/lineMatches';
import type { LineRun } from '../search/lineRuns';

/**
 * The marked lines a filter's "Show marked lines" rule shows: those no hide rule
 * matches (`textOf` gives a line's text; byte patterns do not apply to text).
 */
export function shownMarkedLines(marked: readonly number[], exclude: readonly SearchQuery[], textOf: (line: number) => string): number[] {
  const hide = exclude.flatMap((q) => compileMatcher(q) ?? []);
  if (hide.length === 0) return [...marked];
  return marked.filter((line) => {
    const text = textOf(line);
    return !hide.some((m) => lineMatches(m, text, 1).length > 0);
  });
}

/** Each line as a run of its own. */
export function runsOf(lines: readonly number[]): LineRun[] {
  return lines.map((line) => ({ firstLine: line, count: 1, firstOffset: -1 }));
}

/**
 * Joins sorted marked lines into the runs a filter finds, as they come (in file
 * order): each marked line goes before the first run after it, unless a run holds it.
 */
export class MarkedRunsMerger {
  private next = 0;

  constructor(private readonly marked: readonly number[]) {}

  /** `runs` (further on than any before) with the marked lines before and among them. */
  merge(runs: readonly LineRun[]): LineRun[] {
    if (this.next >= this.marked.length) return [...runs];
    const out: LineRun[] = [];
    for (const run of runs) {
      out.push(...this.takeBefore(run.firstLine));
      while (this.next < this.marked.length && this.marked[this.next] < run.firstLine + run.count) this.next++;
      out.push(run);
    }
    return out;
  }

  /** The marked lines after the last run (the filter is done). */
  rest(): LineRun[] {
    return this.takeBefore(Infinity);
  }

  private takeBefore(line: number): LineRun[] {
    const start = this.next;
    while (this.next < this.marked.length && this.marked[this.next] < line) this.next++;
    return runsOf(this.marked.slice(start, this.next));
  }
}
