import { parentPort, workerData } from 'worker_threads';
import * as fs from 'fs';
import { runInBackgroundIfAsked } from '../workers/priority/threadPriority';
import { lineBreakOf, type LineBreakKind } from './lineBreak';
import { createScanner } from './newlineScanner';
import { scanRange } from './scanRange';
import { fileReaders } from './readers/fileReaders';

/** The job a worker gets: scan [from, to) of `path` for one index part. */
export interface ScanJob {
  path: string;
  from: number;
  to: number;
  every: number;
  newlinesBefore: number;
  /** What ends a line, in code units of `unitBytes` (see LineBreak). */
  lineBreak: LineBreakKind;
  unitBytes: 1 | 2;
  bigEndian: boolean;
}

/** What a worker posts back: batches as it goes, then done or an error. */
export type WorkerMessage =
  | { type: 'batch'; checkpoints: Float64Array; newlines: number; scannedTo: number }
  | { type: 'done' }
  | { type: 'error'; code: string; message: string };

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

function run(job: ScanJob): void {
  const size = fs.statSync(job.path).size;
  if (job.to > size) {
    post({ type: 'error', code: 'ESHRUNK', message: `${job.path} is now ${size} bytes, shorter than the ${job.to} to index` });
    return;
  }
  const reader = fileReaders.openSequential(job.path, size);
  try {
    scanRange((at, dst, n) => reader.readInto(at, dst, 0, n), job.from, job.to, job.every, job.newlinesBefore, createScanner(), (batch) => {
      post({ type: 'batch', ...batch }, [batch.checkpoints.buffer as ArrayBuffer]);
      return true;
    }, lineBreakOf(job.lineBreak, job));
    post({ type: 'done' });
  } finally {
    reader.close();
  }
}

runInBackgroundIfAsked();
try {
  run(workerData as ScanJob);
} catch (err) {
  const e = err as { code?: string; message: string };
  post({ type: 'error', code: e.code ?? 'EIO', message: e.message });
}
