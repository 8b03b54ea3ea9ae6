/**
 * One contiguous byte range of a file and the line starts found in it. A line index
 * is a list of parts in file order: one part when indexing runs front to back, more
 * when the file grew later or when two workers scanned halves in parallel.
 *
 * Inside a part, newlines are numbered from 1. `starts[j]` is the offset right after
 * the part's ((j + 1) * every)-th newline, which is the start of global line
 * `lineBase + (j + 1) * every`. Sparse checkpoints keep memory at 8 bytes per
 * `every` lines (100 M lines, every 256: 3 MB).
 */
export class IndexPart {
  private starts: Float64Array;
  private count = 0;
  /** Newlines seen in [from, scannedTo). */
  newlines = 0;
  /** How far the scan got; equals `to` when the part is complete. */
  scannedTo: number;
  /** Newlines in the file before `from`; known once every earlier part is complete. */
  lineBase = -1;

  constructor(readonly from: number, readonly to: number, readonly every: number) {
    this.scannedTo = from;
    this.starts = new Float64Array(64);
  }

  get complete(): boolean {
    return this.scannedTo >= this.to;
  }

  /** The checkpoints found so far (a copy). */
  checkpoints(): Float64Array {
    return this.starts.slice(0, this.count);
  }

  /** Bytes of checkpoint storage held. */
  get memoryBytes(): number {
    return this.starts.byteLength;
  }

  /** Appends checkpoints found by the scanner and moves the scanned mark. */
  append(checkpoints: Float64Array, newlines: number, scannedTo: number): void {
    if (this.count + checkpoints.length > this.starts.length) {
      let capacity = this.starts.length;
      while (capacity < this.count + checkpoints.length) capacity *= 2;
      const grown = new Float64Array(capacity);
      grown.set(this.starts.subarray(0, this.count));
      this.starts = grown;
    }
    this.starts.set(checkpoints, this.count);
    this.count += checkpoints.length;
    this.newlines += newlines;
    this.scannedTo = scannedTo;
  }

  /**
   * Where to start scanning for the part's `ordinal`-th newline (1-based): the
   * nearest checkpoint before it, and how many newlines remain to skip from there.
   */
  seekNewline(ordinal: number): { offset: number; skip: number } {
    const j = Math.min(Math.floor(ordinal / this.every), this.count);
    return j === 0 ? { offset: this.from, skip: ordinal } : { offset: this.starts[j - 1], skip: ordinal - j * this.every };
  }

  /** The last checkpoint at or before `offset`: its offset and how many of the part's newlines precede it. */
  seekOffset(offset: number): { offset: number; newlinesBefore: number } {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { offset: this.from, newlinesBefore: 0 } : { offset: this.starts[lo - 1], newlinesBefore: lo * this.every };
  }
}
