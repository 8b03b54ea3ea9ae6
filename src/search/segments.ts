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

function outOfRange(message: string): Error & { code: string } {
  const err = new Error(message) as Error & { code: string };
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

/**
 * The stream made of `segments` over the file at `path` (the whole file when
 * segments is undefined), read through this platform's sequential reader (see fileReaders) so memory stays bounded.
 * Throws ERR_OUT_OF_RANGE for a file segment outside the file, and fs errors
 * (ENOENT, ...) for the file. Call `close` to let go of it.
 */
export class SegmentStream implements ByteStream {
  readonly size: number;
  private readonly segments: Segment[];
  /** Stream offset where each segment starts. */
  private readonly starts: number[] = [];
  private readonly file: FileReader;

  constructor(path: string, segments?: readonly Segment[]) {
    const fileSize = fs.statSync(path).size;
    this.segments = segments ? [...segments] : [{ kind: 'file', start: 0, length: fileSize }];
    let size = 0;
    this.segments.forEach((s, i) => {
      if (s.kind === 'file') {
        if (!Number.isSafeInteger(s.start) || !Number.isSafeInteger(s.length) || s.start < 0 || s.length < 0 || s.start + s.length > fileSize) {
          throw outOfRange(`segment ${i} (file bytes ${s.start}..${s.start + s.length}) lies outside ${path} (${fileSize} bytes)`);
        }
      }
      this.starts.push(size);
      size += s.kind === 'file' ? s.length : s.data.length;
    });
    this.size = size;
    this.file = fileReaders.openSequential(path, fileSize);
  }

  read(offset: number, dst: Buffer, length: number): void {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw outOfRange(`read of ${length} bytes at ${offset} outside the stream (${this.size} bytes)`);
    }
    let done = 0;
    for (let i = this.segmentAt(offset); done < length; i++) {
      const s = this.segments[i];
      const inSegment = offset + done - this.starts[i];
      const segmentLength = s.kind === 'file' ? s.length : s.data.length;
      const n = Math.min(length - done, segmentLength - inSegment);
      if (s.kind === 'file') this.file.readInto(s.start + inSegment, dst, done, n);
      else dst.set(s.data.subarray(inSegment, inSegment + n), done);
      done += n;
    }
  }

  close(): void {
    this.file.close();
  }

  /** Index of the last segment starting at or before `offset`: the one holding that byte (empty ones are skipped). */
  private segmentAt(offset: number): number {
    return indexAtOrBefore(this.starts, offset);
  }
}
