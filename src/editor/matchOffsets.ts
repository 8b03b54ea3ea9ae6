/**
 * Where the matches of a count found so far are, in file order: answers "next" and
 * "previous" without searching again, as far as the count has scanned. Keeps the
 * first `limit` offsets (8 bytes each, 1 MB by default); past those, one mark every
 * `stride` matches, from which the rank of any later match is found by counting the
 * few matches between the mark and it. The marks stay under `maxMarks` (512 KB) by
 * keeping every other one and doubling the stride, so memory is bounded however
 * many matches there are (a log may have tens of millions).
 */
export class MatchOffsets {
  private offsets = new Float64Array(1024);
  private kept = 0;
  /** Past the first `limit`: the offset of match `limit + k * stride` at k. */
  private marks = new Float64Array(1024);
  private markCount = 0;
  private total = 0;
  /** Every match starting before this offset is recorded (counted, and kept or marked). */
  private scannedTo = 0;

  constructor(private readonly limit = 131_072, private stride = 256, private readonly maxMarks = 65_536) {}

  /** Records matches (in order) and how far the scan got. */
  add(offsets: readonly number[], scannedTo: number): void {
    for (const offset of offsets) {
      if (this.total < this.limit) {
        if (this.kept === this.offsets.length) this.offsets = grown(this.offsets, this.limit);
        this.offsets[this.kept++] = offset;
      } else if ((this.total - this.limit) % this.stride === 0) {
        if (this.markCount === this.maxMarks) this.thinMarks();
        // After thinning, this match is a mark only if it falls on the doubled stride.
        if ((this.total - this.limit) % this.stride === 0) {
          if (this.markCount === this.marks.length) this.marks = grown(this.marks, this.maxMarks);
          this.marks[this.markCount++] = offset;
        }
      }
      this.total++;
    }
    this.scannedTo = Math.max(this.scannedTo, scannedTo);
  }

  /** Keeps every other mark (those on the doubled stride). */
  private thinMarks(): void {
    const kept = Math.ceil(this.markCount / 2);
    for (let k = 0; k < kept; k++) this.marks[k] = this.marks[2 * k];
    this.markCount = kept;
    this.stride *= 2;
  }

  /** The scan reached `size`: everything is recorded. */
  finish(size: number): void {
    this.scannedTo = Math.max(this.scannedTo, size);
  }

  /** More matches than the offsets kept. */
  private get full(): boolean {
    return this.total > this.kept;
  }

  /**
   * The first match at or after `from` (forward) or the last one before it
   * (backward), with its rank; `wrapped` when it came from the other end. Undefined
   * when the kept offsets cannot tell; `null` when there is no match at all.
   */
  next(from: number, backwards: boolean, size: number): { offset: number; index: number; wrapped: boolean } | null | undefined {
    const all = this.scannedTo >= size && !this.full;
    const n = this.kept;
    const i = lowerBound(this.offsets, n, from);
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
    const n = this.kept;
    const i = lowerBound(this.offsets, n, offset);
    if (i < n) return this.offsets[i] === offset ? { rank: i } : undefined;
    if (!this.full || offset >= this.scannedTo) return undefined;
    // The last mark at or before `offset`, else the last offset kept.
    const j = lowerBound(this.marks, this.markCount, offset + 1) - 1;
    return j >= 0 ? { rank: this.limit + j * this.stride, countFrom: this.marks[j] } : { rank: n - 1, countFrom: this.offsets[n - 1] };
  }
}

/** A copy of `a` twice as long (at most `max`). */
function grown(a: Float64Array, max: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.min(max, a.length * 2));
  b.set(a);
  return b;
}

/** The first index in sorted[0, length) whose value is at least `value`. */
function lowerBound(sorted: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
