import * as fs from 'fs';
import { setImmediate as yieldToLoop } from 'timers/promises';
import { ApplyJob, applySteps, ApplyState, undoApply, untouched } from './applyWrites';
import type { Fault } from './faults';
import { packPieces } from './saveWorkerPieces';
import { abortError, saveError } from './saveErrors';
import type { FaultPoint } from './saveTypes';
import { spawnWorker, workerScriptExists } from '../workers/spawnWorker';
import type { WorkerJob, WorkerReply } from './saveWorker';

export interface ApplyRun {
  job: ApplyJob;
  signal?: AbortSignal;
  /** Progress reports; they must not throw. */
  onWrite(done: number): void;
  onFlush(done: 0 | 1): void;
}

/** A worker that died without replying may have written anything. */
const UNKNOWN: ApplyState = { done: 0, limit: Infinity, touched: true };

/** Longest stretch of synchronous work between two yields to the event loop. */
const SLICE_MS = 20;

/**
 * The apply phase on the caller's thread, for small saves (a worker costs ~90 ms
 * to start): writes chunk by chunk, yielding to the event loop between slices.
 * The file is then made durable with an fsync on the thread pool rather than
 * MemFile.flush(), whose msync blocks the thread as long as the disk needs (2.6 s
 * for 2 GiB written through the mapping, measured here). On Linux msync(MS_SYNC)
 * is an fsync of the mapped range, and pages dirtied through any mapping of the
 * file are in the page cache that fsync writes back. Other systems msync as well
 * (job.msync), over a dirty set this small.
 * Stopping (signal, checked after each chunk) or failing rolls the file back from
 * the journal; once the flush has started the save completes.
 */
export async function applyInline(run: ApplyRun, fault: Fault): Promise<void> {
  const { job } = run;
  const state = untouched();
  const steps = applySteps(job, fault, state);
  try {
    let slice = performance.now();
    for (let step = steps.next(); !step.done; step = steps.next()) {
      run.onWrite(step.value);
      if (run.signal?.aborted) throw abortError(job.file);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToLoop();
        slice = performance.now();
      }
    }
    run.onFlush(0);
    await fsyncFile(job.file);
    fault('flush');
    run.onFlush(1);
  } catch (err) {
    steps.return();
    throw undo(job, state, err);
  }
}

/**
 * The apply phase in a worker thread (big saves): the same steps, plus msync,
 * where blocking costs nothing. The signal asks the worker to stop and roll back.
 */
export async function applyInWorker(run: ApplyRun, fault: FaultPoint | undefined): Promise<void> {
  const { job } = run;
  const { pieces, ...rest } = job;
  const packed = packPieces(pieces);
  const data: WorkerJob = { job: { ...rest, msync: true }, pieces: packed, fault, stop: new Int32Array(new SharedArrayBuffer(4)) };
  const worker = spawnWorker(__dirname, 'saveWorker', data, [packed.bytes]);
  const stop = () => {
    Atomics.store(data.stop, 0, 1);
    Atomics.notify(data.stop, 0);
  };
  run.signal?.addEventListener('abort', stop, { once: true });
  if (run.signal?.aborted) stop();
  let last: WorkerReply | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        last = reply;
        if (reply.type === 'progress') run.onWrite(reply.done);
        else if (reply.type === 'flushing') run.onFlush(0);
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  } catch (err) {
    // The worker died without replying: it may have written part of the file.
    throw undo(job, UNKNOWN, err);
  } finally {
    run.signal?.removeEventListener('abort', stop);
  }
  switch (last?.type) {
    case 'done':
      run.onFlush(1);
      return;
    case 'stopped':
      throw abortError(job.file);
    case 'failed':
      throw last.touched ? failure(job, last) : saveError(last.code, job.file, last.message);
    default:
      throw undo(job, UNKNOWN, saveError('EIO', job.file, 'the save worker exited without finishing'));
  }
}

/** Whether the save worker's script exists (bundled in dist/, or the source under tsx). */
export function workerAvailable(): boolean {
  return workerScriptExists(__dirname, 'saveWorker');
}

async function fsyncFile(file: string): Promise<void> {
  const fh = await fs.promises.open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Undoes a stopped or failed apply (see undoApply) and returns the error to throw. */
function undo(job: ApplyJob, state: ApplyState, err: unknown): Error {
  try {
    undoApply(job, state);
  } catch (undoErr) {
    return failure(job, { code: codeOf(err), message: messageOf(err), rolledBack: false, cause: messageOf(undoErr) });
  }
  if ((err as { name?: string }).name === 'AbortError' || !state.touched) return err as Error;
  return failure(job, { code: codeOf(err), message: messageOf(err), rolledBack: true });
}

interface FailureInfo {
  code: string;
  message: string;
  rolledBack: boolean;
  cause?: string;
}

function failure(job: ApplyJob, f: FailureInfo): Error {
  const outcome = f.rolledBack
    ? 'the file was rolled back to its content before the save'
    : `rolling back failed${f.cause ? ` (${f.cause})` : ''}; '${job.journal}' is kept and restores the file when it is opened again`;
  const err = saveError(f.code, job.file, `saving '${job.file}' failed: ${f.message}; ${outcome}`);
  return err;
}

function codeOf(err: unknown): string {
  return (err as { code?: string }).code ?? 'EIO';
}

function messageOf(err: unknown): string {
  return (err as { message?: string }).message ?? String(err);
}
