/** Rows per chunk: chunks are never copied to grow, so a million matches cost 12 MB, not a peak of twice that. */
const CHUNK = 65536;

/**
 * The matches a replace will change, in file order and without overlaps: 12 bytes
 * each (a Match object costs about 50, and a replace may have millions).
 */
export class MatchList {
  private readonly offsets: Float64Array[] = [];
  private readonly lengths: Uint32Array[] = [];
  private end = -1;
  count = 0;

  /**
   * Adds a match found in file order; one starting inside the last one kept is
   * skipped (byte patterns report overlapping matches; a replace takes the leftmost
   * of each overlapping run, as sed does).
   */
  add(offset: number, length: number): void {
    if (offset < this.end || (offset === this.end && length === 0 && this.count > 0 && this.length(this.count - 1) === 0)) return;
    if (length > 0xffffffff) throw new RangeError(`a match of ${length} bytes at offset ${offset} is longer than a replace handles (4 GiB)`);
    const row = this.count % CHUNK;
    if (row === 0) {
      this.offsets.push(new Float64Array(CHUNK));
      this.lengths.push(new Uint32Array(CHUNK));
    }
    this.offsets[this.offsets.length - 1][row] = offset;
    this.lengths[this.lengths.length - 1][row] = length;
    this.count++;
    this.end = offset + length;
  }

  offset(i: number): number {
    return this.offsets[Math.floor(i / CHUNK)][i % CHUNK];
  }

  length(i: number): number {
    return this.lengths[Math.floor(i / CHUNK)][i % CHUNK];
  }
}
