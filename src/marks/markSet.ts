/**
 * Marked places in a content, as byte offsets in order, without duplicates (a
 * line's mark is the offset of its start when it was set). They move with
 * insertions and deletions as the text after them does. No `vscode`.
 */
export class MarkSet {
  private offsets: number[];

  constructor(offsets: readonly number[] = []) {
    this.offsets = [...new Set(offsets.filter((o) => Number.isSafeInteger(o) && o >= 0))].sort((a, b) => a - b);
  }

  get size(): number {
    return this.offsets.length;
  }

  /** The offsets in order (a copy). */
  list(): number[] {
    return [...this.offsets];
  }

  add(offset: number): void {
    const i = this.firstAtOrAfter(offset);
    if (this.offsets[i] !== offset) this.offsets.splice(i, 0, offset);
  }

  /** Removes the marks in [from, to); returns how many there were. */
  removeIn(from: number, to: number): number {
    const first = this.firstAtOrAfter(from);
    const end = this.firstAtOrAfter(to);
    this.offsets.splice(first, end - first);
    return end - first;
  }

  /** Whether a mark lies in [from, to). */
  anyIn(from: number, to: number): boolean {
    const i = this.firstAtOrAfter(from);
    return i < this.offsets.length && this.offsets[i] < to;
  }

  /**
   * Bytes [offset, offset + removed) were replaced by `inserted` bytes. Marks after
   * them move by the difference; a mark at `offset` moves with the text inserted
   * before it (typing at a marked line's start keeps the mark on that line); marks
   * inside the removed bytes go to where they were (their text is gone).
   */
  shift(offset: number, removed: number, inserted: number): void {
    // A Replace All tells of each match: those past the last mark move none (and cost nothing).
    if (this.offsets.length === 0 || this.offsets[this.offsets.length - 1] < offset) return;
    const delta = inserted - removed;
    const moved: number[] = [];
    for (const mark of this.offsets) {
      if (mark < offset) moved.push(mark);
      else if (mark >= offset + removed && (removed > 0 || inserted > 0)) moved.push(mark + delta);
      else moved.push(offset);
    }
    this.offsets = dedupeSorted(moved);
  }

  /** Drops the marks past `size` (the content got shorter under them). */
  clampTo(size: number): void {
    this.offsets.splice(this.firstAtOrAfter(size + 1));
  }

  /** Index of the first mark at or after `offset` (the count when there is none). */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function dedupeSorted(sorted: number[]): number[] {
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
