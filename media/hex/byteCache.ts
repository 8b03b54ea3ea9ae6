/**
 * The bytes the hex view holds: fixed, aligned chunks of the file as the host sent
 * them, each with its edited (unsaved) ranges, in a bounded LRU. Offsets are plain
 * numbers (files past 4 GiB); chunk indexes are offset / CHUNK_BYTES, never `| 0`.
 */

/** Requests and the cache work in these units (a 16-byte row never straddles more than two). */
export const CHUNK_BYTES = 4096;

interface Chunk {
  /** Shorter than CHUNK_BYTES only for the chunk holding the end of the file. */
  data: Uint8Array;
  /** [start, end) pairs of absolute offsets inside this chunk. */
  edited: number[];
  /** Still shown, but the content changed there: fetch again. */
  stale: boolean;
}

export class ByteCache {
  private readonly chunks = new Map<number, Chunk>();
  /** Changes whenever the bytes held change (what is derived from them is computed again). */
  version = 0;

  /** `capacity` chunks at most (512: 2 MiB). */
  constructor(private readonly capacity = 512) {}

  get size(): number {
    return this.chunks.size;
  }

  /** True when chunk `index` is held and current. */
  isFresh(index: number): boolean {
    const chunk = this.chunks.get(index);
    return chunk !== undefined && !chunk.stale;
  }

  /** The byte at `offset`, or undefined when its chunk is not held or the file ends before it. */
  byteAt(offset: number): number | undefined {
    const chunk = this.touch(Math.floor(offset / CHUNK_BYTES));
    const i = offset - Math.floor(offset / CHUNK_BYTES) * CHUNK_BYTES;
    return chunk && i < chunk.data.length ? chunk.data[i] : undefined;
  }

  /** True when the byte at `offset` is held and was edited since the last save. */
  isEdited(offset: number): boolean {
    const edited = this.chunks.get(Math.floor(offset / CHUNK_BYTES))?.edited ?? [];
    for (let i = 0; i < edited.length; i += 2) if (offset >= edited[i] && offset < edited[i + 1]) return true;
    return false;
  }

  /**
   * Stores a reply: `data` read at `offset` (a chunk boundary), `edited` its edited
   * ranges. Whole chunks are kept, and the last one when the reply ends at the end
   * of the file (`atEnd`).
   */
  store(offset: number, data: Uint8Array, edited: number[], atEnd: boolean): void {
    this.version++;
    for (let at = 0; at < data.length || (at === 0 && atEnd); at += CHUNK_BYTES) {
      const part = data.subarray(at, at + CHUNK_BYTES);
      if (part.length < CHUNK_BYTES && !atEnd) break;
      const start = offset + at;
      const end = start + part.length;
      const mine: number[] = [];
      for (let i = 0; i + 1 < edited.length; i += 2) {
        const a = Math.max(edited[i], start);
        const b = Math.min(edited[i + 1], end);
        if (a < b) mine.push(a, b);
      }
      this.put(start / CHUNK_BYTES, { data: part.slice(), edited: mine, stale: false });
      if (part.length < CHUNK_BYTES) break;
    }
  }

  /** Shows an overwrite at once (marked edited, stale until the host's bytes replace it). */
  patch(offset: number, bytes: Uint8Array): void {
    this.version++;
    for (let k = 0; k < bytes.length; k++) {
      const at = offset + k;
      const chunk = this.chunks.get(Math.floor(at / CHUNK_BYTES));
      const i = at - Math.floor(at / CHUNK_BYTES) * CHUNK_BYTES;
      if (!chunk || i >= chunk.data.length) continue;
      chunk.data[i] = bytes[k];
      chunk.edited.push(at, at + 1);
      chunk.stale = true;
    }
  }

  /**
   * The file's size changed without an edit. Grown: the old last chunk was short, so
   * it is stale. Shrunk: truncated, maybe rewritten: everything is dropped, so that
   * no byte of the old file shows while the new ones load.
   */
  resized(oldSize: number, newSize: number): void {
    if (newSize > oldSize) this.markStale(oldSize);
    else this.clear();
  }

  /** Marks every chunk holding bytes at or after `offset` stale: shown until replaced, fetched again. */
  markStale(offset: number): void {
    const first = Math.floor(offset / CHUNK_BYTES);
    for (const [index, chunk] of this.chunks) if (index >= first) chunk.stale = true;
  }

  clear(): void {
    this.version++;
    this.chunks.clear();
  }

  private touch(index: number): Chunk | undefined {
    const chunk = this.chunks.get(index);
    if (chunk) {
      this.chunks.delete(index);
      this.chunks.set(index, chunk);
    }
    return chunk;
  }

  private put(index: number, chunk: Chunk): void {
    this.chunks.delete(index);
    this.chunks.set(index, chunk);
    while (this.chunks.size > this.capacity) {
      const oldest = this.chunks.keys().next();
      if (oldest.done) break;
      this.chunks.delete(oldest.value);
    }
  }
}
