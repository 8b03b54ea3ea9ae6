import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { ApplyJob, applySteps, undoApply, untouched } from './applyWrites';
import { faultInjector } from './faults';
import { PackedPieces, unpackPieces } from './saveWorkerPieces';
import { totalBytes } from './saveLayout';
import type { FaultPoint } from './saveTypes';

/**
 * The apply phase of a big save, off the caller's thread: writes through the
 * mapping, msync and fsync all block for as long as the disk needs (seconds for
 * GBs), which is harmless here.
 */
export interface WorkerJob {
  job: Omit<ApplyJob, 'pieces'>;
  pieces: PackedPieces;
  fault?: FaultPoint;
  /** Set to 1 by the caller to stop before the last chunk (the apply then rolls back). */
  stop: Int32Array;
}

/** What the worker posts: progress as it goes, then exactly one of done, stopped, failed. */
export type WorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'flushing' }
  | { type: 'done' }
  | { type: 'stopped' }
  | { type: 'failed'; code: string; message: string; rolledBack: boolean; touched: boolean };

const STOPPED = Symbol('stopped');

function run(data: WorkerJob): WorkerReply {
  const job: ApplyJob = { ...data.job, pieces: unpackPieces(data.pieces) };
  const fault = faultInjector(data.fault, () => Atomics.wait(data.stop, 0, 0, 30_000));
  const state = untouched();
  const total = totalBytes(job.writes);
  try {
    if (total === 0) post({ type: 'flushing' });
    for (const done of applySteps(job, fault, state)) {
      post({ type: 'progress', done });
      if (Atomics.load(data.stop, 0) !== 0) throw STOPPED;
      // The generator's last step (shrink, msync) comes next: the flush phase.
      if (done === total) post({ type: 'flushing' });
    }
    fsyncFile(job.file);
    fault('flush');
    return { type: 'done' };
  } catch (err) {
    try {
      undoApply(job, state, fault);
    } catch (undo) {
      return failed(err === STOPPED ? undo : err, false, true);
    }
    return err === STOPPED ? { type: 'stopped' } : failed(err, true, state.touched);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function failed(err: unknown, rolledBack: boolean, touched: boolean): WorkerReply {
  const e = err as { code?: string; message?: string };
  return { type: 'failed', code: e.code ?? 'EIO', message: e.message ?? String(err), rolledBack, touched };
}

function post(reply: WorkerReply): void {
  parentPort!.postMessage(reply);
}

post(run(workerData as WorkerJob));
