import type { LineBreak } from './lineBreak';
import { checkpointsIn, NewlineScanner } from './newlineScanner';

/** What one stretch of scanning found, relative to the part it belongs to. */
export interface ScanBatch {
  /** Line starts at every `every`-th newline of the part (absolute file offsets). */
  checkpoints: Float64Array;
  newlines: number;
  scannedTo: number;
}

/** Copies `length` bytes of the file at `offset` into `dst`. */
export type ChunkReader = (offset: number, dst: Buffer, length: number) => void;

const CHUNK = 1024 * 1024;
const BATCH = 32 * CHUNK;

/**
 * Scans [from, to) for line breaks (`lineBreak`: `\n`, or `\r` for a file read with
 * lone CR line ends; `from` even for two-byte units) in 1 MiB copies and reports after the first 1 MiB
 * (so a viewer can show the first screen as soon as the worker runs), then in
 * batches growing to 32 MiB (fewer messages for the rest).
 * `newlinesBefore` is how many newlines the part had before `from`, so checkpoints
 * stay at multiples of `every` when a part is resumed. Stops early when `onBatch`
 * returns false. Errors of `read` (EFAULT when the file shrank) propagate.
 */
export function scanRange(
  read: ChunkReader, from: number, to: number, every: number, newlinesBefore: number,
  scanner: NewlineScanner, onBatch: (batch: ScanBatch) => boolean, lineBreak: LineBreak,
): void {
  const chunk = scanner.scanBuffer(CHUNK);
  const out = new Float64Array(Math.ceil(BATCH / every) + Math.ceil(CHUNK / every) + 1);
  let ordinal = newlinesBefore;
  let found = 0;
  let batchNewlines = 0;
  let batchStart = from;
  let batchBytes = CHUNK;
  for (let at = from; at < to; ) {
    const n = Math.min(CHUNK, to - at);
    read(at, chunk, n);
    const count = lineBreak.checkpoints(scanner, chunk, n, every, ordinal, out, found, at);
    found += checkpointsIn(ordinal, count, every);
    ordinal += count;
    batchNewlines += count;
    at += n;
    if (at - batchStart >= batchBytes || at >= to) {
      if (!onBatch({ checkpoints: out.slice(0, found), newlines: batchNewlines, scannedTo: at })) return;
      batchBytes = Math.min(BATCH, batchBytes * 4);
      found = 0;
      batchNewlines = 0;
      batchStart = at;
    }
  }
}
