import * as fs from 'fs';
import { FileReader, fileReaders } from '../lines/readers/fileReaders';
import { indexAtOrBefore } from '../util/sortedSearch';

/**
 * One run of the byte stream to search: a range of the original file, or bytes
 * held in memory (what an edit inserted). An edited document is a list of these,
 * in order; the unedited file is one 'file' segment covering it.
 */
export type Segment = { kind: 'file'; start: number; length: number } | { kind: 'bytes'; data: Uint8Array };

/** A byte stream the engine reads in chunks. */
export interface ByteStream {
  readonly size: number;
  /** Copies stream bytes [offset, offset + length) into dst[0..length). Throws EFAULT if the file shrank under them. */
  read(offset: number, dst: Buffer, length: number): void;
}

/**
 * File segments shorter than this, next to each other in the stream, are read with one
 * read of the file around them (when it spans at most WINDOW_BYTES): a Replace All
 * leaves hundreds of thousands of short runs of the file, one read each took seconds.
 */
const SHORT_BYTES = 16 * 1024;
const WINDOW_BYTES = 1024 * 1024;

function outOfRange(message: string): Error & { code: string } {
  const err = new Error(message) as Error & { code: string };
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

/**
 * Segments as typed arrays, cheap to build and to post to a worker when there are
 * hundreds of thousands (the pieces a Replace All leaves): segment i is file bytes
 * [start[i], start[i] + length[i]) when inFile[i] is 1, else bytes [start[i],
 * start[i] + length[i]) of `data`.
 */
export interface PackedSegments {
  inFile: Uint8Array;
  start: Float64Array;
  length: Float64Array;
  data: Uint8Array;
}

/** `segments` packed (their bytes copied into one buffer). */
export function packSegments(segments: readonly Segment[]): PackedSegments {
  const packed: PackedSegments = {
    inFile: new Uint8Array(segments.length),
    start: new Float64Array(segments.length),
    length: new Float64Array(segments.length),
    data: new Uint8Array(segments.reduce((sum, s) => sum + (s.kind === 'bytes' ? s.data.length : 0), 0)),
  };
  let at = 0;
  segments.forEach((s, i) => {
    if (s.kind === 'file') {
      packed.inFile[i] = 1;
      packed.start[i] = s.start;
      packed.length[i] = s.length;
    } else {
      packed.data.set(s.data, at);
      packed.start[i] = at;
      packed.length[i] = s.data.length;
      at += s.data.length;
    }
  });
  return packed;
}

/**
 * The stream made of `segments` over the file at `path` (the whole file when
 * segments is undefined), read through this platform's sequential reader (see fileReaders) so memory stays bounded.
 * Throws ERR_OUT_OF_RANGE for a file segment outside the file, and fs errors
 * (ENOENT, ...) for the file. Call `close` to let go of it.
 */
export class SegmentStream implements ByteStream {
  readonly size: number;
  private readonly segments: PackedSegments;
  /** Stream offset where each segment starts. */
  private readonly starts: Float64Array;
  private readonly file: FileReader;
  private window: Buffer | undefined;

  constructor(path: string, segments?: readonly Segment[] | PackedSegments) {
    const fileSize = fs.statSync(path).size;
    const packed = segments === undefined ? packSegments([{ kind: 'file', start: 0, length: fileSize }])
      : Array.isArray(segments) ? packSegments(segments) : segments as PackedSegments;
    const count = packed.inFile.length;
    if (packed.start.length !== count || packed.length.length !== count) throw outOfRange(`packed segments of ${count}, ${packed.start.length} and ${packed.length.length} entries`);
    this.starts = new Float64Array(count);
    let size = 0;
    for (let i = 0; i < count; i++) {
      const [start, length] = [packed.start[i], packed.length[i]];
      const limit = packed.inFile[i] ? fileSize : packed.data.length;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0 || start + length > limit) {
        throw outOfRange(packed.inFile[i]
          ? `segment ${i} (file bytes ${start}..${start + length}) lies outside ${path} (${fileSize} bytes)`
          : `segment ${i} (bytes ${start}..${start + length}) lies outside its data (${limit} bytes)`);
      }
      this.starts[i] = size;
      size += length;
    }
    this.segments = packed;
    this.size = size;
    this.file = fileReaders.openSequential(path, fileSize);
  }

  read(offset: number, dst: Buffer, length: number): void {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw outOfRange(`read of ${length} bytes at ${offset} outside the stream (${this.size} bytes)`);
    }
    const s = this.segments;
    let done = 0;
    for (let i = this.segmentAt(offset); done < length; i++) {
      const inSegment = offset + done - this.starts[i];
      const n = Math.min(length - done, s.length[i] - inSegment);
      if (!s.inFile[i]) dst.set(s.data.subarray(s.start[i] + inSegment, s.start[i] + inSegment + n), done);
      else if (n >= SHORT_BYTES) this.file.readInto(s.start[i] + inSegment, dst, done, n);
      else {
        const last = this.readShortRuns(i, inSegment, dst, done, length);
        done = Math.min(length, this.starts[last] + s.length[last] - offset);
        i = last;
        continue;
      }
      done += n;
    }
  }

  close(): void {
    this.file.close();
  }

  /**
   * Copies into dst, from `done` on, segment `first` (a file one) from `inFirst` and
   * the segments after it up to byte `length` of this read, while the file ones are
   * short and lie within one window of the file after the first (bytes ones are
   * copied as they are), with one read of the file. Returns the last segment copied.
   */
  private readShortRuns(first: number, inFirst: number, dst: Buffer, done: number, length: number): number {
    const s = this.segments;
    const fileStart = s.start[first] + inFirst;
    let fileEnd = fileStart;
    let last = first;
    let filled = done;
    const parts: { from: number; n: number; at: number; inFile: boolean }[] = [];
    for (let i = first; i < s.inFile.length && filled < length; i++) {
      const skip = i === first ? inFirst : 0;
      const n = Math.min(length - filled, s.length[i] - skip);
      const from = s.start[i] + skip;
      if (s.inFile[i]) {
        if (i > first && (n >= SHORT_BYTES || from < fileStart || Math.max(fileEnd, from + n) - fileStart > WINDOW_BYTES)) break;
        fileEnd = Math.max(fileEnd, from + n);
      }
      parts.push({ from, n, at: filled, inFile: s.inFile[i] === 1 });
      filled += n;
      last = i;
    }
    this.window ??= Buffer.allocUnsafe(WINDOW_BYTES);
    this.file.readInto(fileStart, this.window, 0, fileEnd - fileStart);
    for (const p of parts) {
      if (p.inFile) this.window.copy(dst, p.at, p.from - fileStart, p.from - fileStart + p.n);
      else dst.set(s.data.subarray(p.from, p.from + p.n), p.at);
    }
    return last;
  }

  /** Index of the last segment starting at or before `offset`: the one holding that byte (empty ones are skipped). */
  private segmentAt(offset: number): number {
    return indexAtOrBefore(this.starts, offset);
  }
}
