/**
 * Where the matches of a count found so far are, in file order: answers "next" and
 * "previous" without searching again, as far as the count has scanned. Keeps the
 * first `limit` offsets (8 bytes each); past those, one mark every `stride` matches,
 * from which the rank of any later match is found by counting the few matches
 * between the mark and it.
 */
export class MatchOffsets {
  private readonly offsets: number[] = [];
  /** Past the first `limit`: every `stride`-th match, its rank and offset. */
  private readonly marks: { rank: number; offset: number }[] = [];
  private total = 0;
  /** Every match starting before this offset is recorded (counted, and kept or marked). */
  private scannedTo = 0;

  constructor(private readonly limit = 1_000_000, private readonly stride = 256) {}

  /** Records matches (in order) and how far the scan got. */
  add(offsets: readonly number[], scannedTo: number): void {
    for (const offset of offsets) {
      if (this.total < this.limit) this.offsets.push(offset);
      else if ((this.total - this.limit) % this.stride === 0) this.marks.push({ rank: this.total, offset });
      this.total++;
    }
    this.scannedTo = Math.max(this.scannedTo, scannedTo);
  }

  /** The scan reached `size`: everything is recorded. */
  finish(size: number): void {
    this.scannedTo = Math.max(this.scannedTo, size);
  }

  /** More matches than the offsets kept. */
  private get full(): boolean {
    return this.total > this.offsets.length;
  }

  /**
   * The first match at or after `from` (forward) or the last one before it
   * (backward), with its rank; `wrapped` when it came from the other end. Undefined
   * when the kept offsets cannot tell; `null` when there is no match at all.
   */
  next(from: number, backwards: boolean, size: number): { offset: number; index: number; wrapped: boolean } | null | undefined {
    const all = this.scannedTo >= size && !this.full;
    const n = this.offsets.length;
    const i = lowerBound(this.offsets, from);
    if (!backwards) {
      if (i < n) return { offset: this.offsets[i], index: i, wrapped: false };
      if (!all) return undefined;
      return n > 0 ? { offset: this.offsets[0], index: 0, wrapped: true } : null;
    }
    if (from > this.scannedTo) return undefined;
    // Past the kept offsets, a match not kept may lie between the last one and `from`.
    if (i > 0 && (i < n || !this.full)) return { offset: this.offsets[i - 1], index: i - 1, wrapped: false };
    if (!all) return undefined;
    return n > 0 ? { offset: this.offsets[n - 1], index: n - 1, wrapped: true } : null;
  }

  /**
   * The rank of the match at `offset`: `{ rank }` when it is a kept offset; past
   * them, `{ rank, countFrom }`: its rank is `rank` plus the number of matches
   * starting in [countFrom, offset) (`offset` is taken to be a match's start: only
   * a search can tell there). Undefined when the count has not got there, or when
   * no kept match starts at `offset`.
   */
  rankOf(offset: number): { rank: number; countFrom?: number } | undefined {
    const n = this.offsets.length;
    const i = lowerBound(this.offsets, offset);
    if (i < n) return this.offsets[i] === offset ? { rank: i } : undefined;
    if (!this.full || offset >= this.scannedTo) return undefined;
    const j = lastMarkAtOrBefore(this.marks, offset);
    const base = j >= 0 ? this.marks[j] : { rank: n - 1, offset: this.offsets[n - 1] };
    return { rank: base.rank, countFrom: base.offset };
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

/** Index of the last mark at or before `offset`, -1 when none is. */
function lastMarkAtOrBefore(marks: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (marks[mid].offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
