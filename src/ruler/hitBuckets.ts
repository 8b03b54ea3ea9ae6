/**
 * Which of `count` equal parts of [0, size) hold at least one hit (a find match): a
 * bitset, so memory is fixed however many hits there are (a log may have tens of
 * millions). An overview ruler draws it. No `vscode`.
 */
export class HitBuckets {
  private readonly bits: Uint8Array;

  constructor(readonly size: number, readonly count = 4096) {
    this.bits = new Uint8Array(Math.ceil(count / 8));
  }

  /** Records a hit at `offset` (clamped into [0, size)). */
  add(offset: number): void {
    if (this.size > 0) this.set(this.bucketOf(offset));
  }

  /** Records hits all over [start, end) (a run of lines, an edited range). */
  addRange(start: number, end: number): void {
    if (this.size <= 0 || end <= start) return;
    for (let b = this.bucketOf(start), last = this.bucketOf(end - 1); b <= last; b++) this.set(b);
  }

  has(bucket: number): boolean {
    return (this.bits[bucket >> 3] & (1 << (bucket & 7))) !== 0;
  }

  /** The bitset, bucket i at bit i % 8 of byte i / 8. */
  bytes(): Uint8Array {
    return this.bits;
  }

  /**
   * The same hits over lines instead of bytes: bucket i of the result covers lines
   * [i, i + 1) * lineCount / count. `lineOf` gives the line of a byte offset (an
   * estimate where the file is not indexed yet); a byte bucket with a hit marks every
   * line bucket its lines reach.
   */
  toLines(lineOf: (offset: number) => number, lineCount: number): HitBuckets {
    const lines = new HitBuckets(lineCount, this.count);
    if (lineCount <= 0) return lines;
    for (let i = 0; i < this.count; i++) {
      if (!this.has(i)) continue;
      let end = i + 1;
      while (end < this.count && this.has(end)) end++;
      const first = lineOf(Math.floor((i * this.size) / this.count));
      const last = lineOf(Math.max(0, Math.ceil((end * this.size) / this.count) - 1));
      const from = Math.min(this.count - 1, Math.floor((first / lineCount) * this.count));
      const to = Math.min(this.count - 1, Math.floor((last / lineCount) * this.count));
      for (let b = from; b <= to; b++) lines.set(b);
      i = end - 1;
    }
    return lines;
  }

  private bucketOf(offset: number): number {
    return Math.min(this.count - 1, Math.max(0, Math.floor((offset / this.size) * this.count)));
  }

  private set(bucket: number): void {
    this.bits[bucket >> 3] |= 1 << (bucket & 7);
  }
}
