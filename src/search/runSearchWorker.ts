import { spawnWorker } from '../workers/spawnWorker';
import type { ErrorData, FilterJob, SearchJob, WorkerMessage } from './searchMessages';
import type { ScanLimits } from './scanLimits';

/**
 * How long a cancelled worker may take to notice the flag before it is terminated.
 * It checks after every window (about 1 MiB of work); only a runaway RegExp takes
 * longer, and terminating mid-window leaves its 16 MiB mapping behind.
 */
const CANCEL_GRACE_MS = 1000;

/** An error named AbortError, like Node's own for an aborted operation. */
export function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The search was aborted', { cause: signal.reason }), { name: 'AbortError', code: 'ABORT_ERR' });
}

function errorFrom(data: ErrorData): Error {
  const make = { SyntaxError, TypeError, RangeError }[data.name] ?? Error;
  const err = new make(data.message);
  const { code, errno, syscall, path } = data;
  return Object.assign(err, code !== undefined && { code }, errno !== undefined && { errno }, syscall !== undefined && { syscall }, path !== undefined && { path });
}

/**
 * Runs `job` in a worker thread; `onMessage` gets its batches and progress. Resolves
 * with the job's result, rejects with its error (rebuilt with code/errno/syscall/path),
 * or with an AbortError as soon as `signal` aborts: the worker is told to stop and
 * releases its mapping by itself within a window's work (terminated if it does not).
 */
export function runSearchWorker<R>(
  job: SearchJob | FilterJob, signal: AbortSignal | undefined, onMessage: (m: WorkerMessage) => void, limits?: ScanLimits, background = false,
): Promise<R> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const cancel = new SharedArrayBuffer(4);
  const worker = spawnWorker(__dirname, 'searchWorker', { job, cancel, limits }, [], background);
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const stop = (err: Error): void => {
      Atomics.store(new Int32Array(cancel), 0, 1);
      setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
      settle(() => reject(err));
    };
    const onAbort = (): void => stop(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if (m.type === 'done') settle(() => resolve(m.result as R));
      else if (m.type === 'error') settle(() => reject(errorFrom(m.error)));
      else {
        try {
          onMessage(m);
        } catch (err) {
          stop(err as Error); // a throwing callback ends the search with its error
        }
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the search worker stopped unexpectedly (exit code ${code})`))));
  });
}
