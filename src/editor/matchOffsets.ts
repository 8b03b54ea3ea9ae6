/**
 * Where the matches of a count found so far are, in file order: answers "next" and
 * "previous" without searching again, as far as the count has scanned. Keeps at
 * most `limit` offsets (8 bytes each); past that it only knows the prefix.
 */
export class MatchOffsets {
  private readonly offsets: number[] = [];
  private full = false;
  /** Every match starting before this offset is recorded (while not full). */
  private scannedTo = 0;

  constructor(private readonly limit = 1_000_000) {}

  /** Records matches (in order) and how far the scan got. */
  add(offsets: readonly number[], scannedTo: number): void {
    for (const offset of offsets) {
      if (this.offsets.length >= this.limit) {
        this.full = true;
        break;
      }
      this.offsets.push(offset);
    }
    if (!this.full) this.scannedTo = Math.max(this.scannedTo, scannedTo);
  }

  /** The scan reached `size`: everything is recorded if not full. */
  finish(size: number): void {
    if (!this.full) this.scannedTo = Math.max(this.scannedTo, size);
  }

  /**
   * The first match at or after `from` (forward) or the last one before it
   * (backward), with its rank; `wrapped` when it came from the other end. Undefined
   * when the recorded part cannot tell; `null` when there is no match at all.
   */
  next(from: number, backwards: boolean, size: number): { offset: number; index: number; wrapped: boolean } | null | undefined {
    const all = this.scannedTo >= size;
    const n = this.offsets.length;
    const i = lowerBound(this.offsets, from);
    if (!backwards) {
      if (i < n) return { offset: this.offsets[i], index: i, wrapped: false };
      if (!all) return undefined;
      return n > 0 ? { offset: this.offsets[0], index: 0, wrapped: true } : null;
    }
    if (from > this.scannedTo) return undefined;
    if (i > 0) return { offset: this.offsets[i - 1], index: i - 1, wrapped: false };
    if (!all) return undefined;
    return n > 0 ? { offset: this.offsets[n - 1], index: n - 1, wrapped: true } : null;
  }

  /** The rank of the match at `offset`, if recorded. */
  rankOf(offset: number): number | undefined {
    const i = lowerBound(this.offsets, offset);
    return this.offsets[i] === offset ? i : undefined;
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
