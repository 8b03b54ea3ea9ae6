/** The last `capacity` (offset, length) pairs pushed, in a ring: memory bounded by capacity, not by matches. */
export class LastMatches {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  push(offset: number, length: number): void {
    if (this.offsets.length < this.capacity) {
      this.offsets.push(offset);
      this.lengths.push(length);
      return;
    }
    this.offsets[this.next] = offset;
    this.lengths[this.next] = length;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The kept pairs, last pushed first. */
  newestFirst(): { offset: number; length: number }[] {
    const n = this.offsets.length;
    const out: { offset: number; length: number }[] = [];
    for (let k = 1; k <= n; k++) {
      const i = (this.next - k + n) % n;
      out.push({ offset: this.offsets[i], length: this.lengths[i] });
    }
    return out;
  }
}
