import * as path from 'path';
import * as fs from 'fs';
import { applyInline, applyInWorker, workerAvailable } from './applyRunner';
import { faultInjector } from './faults';
import { journalPath, removeJournal, writeJournal } from './journal';
import { FileIdentity, preflight } from './preflight';
import { recoverFrom } from './recovery';
import { layoutOf, totalBytes } from './saveLayout';
import { abortError, saveError } from './saveErrors';
import type { FaultPoint, RecoveryResult, SaveOptions, SavePlan, SaveProgress, SaveResult } from './saveTypes';

export type { Segment, SavePlan, SaveProgress, SaveResult, SaveOptions, SaveHooks, FaultPoint, SaveStep, RecoveryResult } from './saveTypes';
export { journalPath };

const CHUNK = 8 * 1024 * 1024;
/**
 * Chunk of an apply on the caller's thread: its journal reads are synchronous, and
 * 1 MiB from a cold disk still fits in a time slice.
 */
const INLINE_CHUNK = 1024 * 1024;
/** Saves writing more than this run their apply phase in a worker (see applyRunner). */
const WORKER_MIN = 16 * 1024 * 1024;
/** Mapped pages touched before the apply remaps: they count in the resident size until unmapped. */
const WINDOW = 16 * 1024 * 1024;

/** Journals of saves running in this process (absolute paths). */
const running = new Set<string>();

/**
 * Writes the plan into the file in place, crash-safely, with a rollback journal
 * `<file>.hugefile-journal` beside it: the old bytes of every range the save
 * overwrites or truncates are made durable there first, then the file is changed
 * through the mmap module, fsynced, and the journal deleted. A crash at any point
 * leaves the old content or the new one (after `recoverInterruptedSave`).
 *
 * Same-length edits cost what they change; a length change rewrites from the first
 * change to the end. The event loop is never blocked for long: journal I/O and
 * fsyncs use the thread pool, and an apply phase writing more than 16 MiB runs in
 * a worker thread. Memory stays flat (8 MiB buffers, a 16 MiB mapping window).
 *
 * Rejects, before touching anything, with ENOENT, EISDIR, ECHANGED, EACCES, EBUSY,
 * ENOSPC (see preflight) or ERR_INVALID_ARG_VALUE (bad segments). `signal` aborts:
 * while journaling, the journal is removed; while writing, the file is rolled back
 * from the journal (both reject with an AbortError, file unchanged); once the flush
 * has started the save completes. A failure while writing also rolls back; if
 * even that fails the journal is kept and the next `recoverInterruptedSave` restores
 * the file. Exceptions thrown by `onProgress` are ignored. Invalidates every offset
 * into the old file (and what was read through a mapping of it).
 */
export async function saveInPlace(plan: SavePlan, options: SaveOptions = {}): Promise<SaveResult> {
  const started = performance.now();
  const { signal, hooks = {} } = options;
  const onProgress = (p: SaveProgress) => {
    try {
      options.onProgress?.(p);
    } catch {
      // A failing progress display must not fail the save half-way (or after it completed).
    }
  };
  const file = plan.path;
  const layout = layoutOf(plan.segments, plan.originalSize);
  const journal = journalPath(file);
  const key = path.resolve(journal);
  if (signal?.aborted) throw abortError(file);
  const identity = preflight(plan, layout, journal, running.has(key));
  const result = (): SaveResult => ({
    newSize: layout.newSize, bytesWritten: totalBytes(layout.writes), journalBytes: totalBytes(layout.saved),
    firstChangedOffset: layout.firstChange, ms: performance.now() - started,
  });
  if (layout.writes.length === 0 && layout.newSize === layout.oldSize) return result();

  const chunkBytes = hooks.chunkBytes ?? CHUNK;
  const fault = faultInjector(hooks.fault);
  running.add(key);
  try {
    const written = await writeJournal({
      file, journal, layout, inode: identity.inode, mtimeMs: identity.mtimeMs, mode: identity.mode, chunkBytes, signal, fault,
      onProgress: (done, total) => onProgress({ phase: 'journal', done, total }),
    });
    try {
      fault('synced');
      await recheck(file, identity);
      if (signal?.aborted) throw abortError(file);
    } catch (err) {
      await removeJournal(journal); // the file is untouched: the journal is just in the way
      throw err;
    }
    hooks.beforeApply?.();
    const writeTotal = totalBytes(layout.writes);
    const inWorker = hooks.applyIn === 'worker' || (hooks.applyIn !== 'inline' && writeTotal > WORKER_MIN && workerAvailable());
    const run = {
      job: {
        file, journal, oldSize: layout.oldSize, newSize: layout.newSize, pieces: layout.pieces, writes: layout.writes,
        saved: written.saved, chunkBytes: inWorker ? chunkBytes : Math.min(chunkBytes, INLINE_CHUNK), windowBytes: WINDOW,
        msync: process.platform !== 'linux',
      },
      signal,
      onWrite: (done: number) => onProgress({ phase: 'write', done, total: writeTotal }),
      onFlush: (done: 0 | 1) => onProgress({ phase: 'flush', done, total: 1 }),
    };
    if (inWorker) await applyInWorker(run, hooks.fault);
    else await applyInline(run, fault);
    await removeJournal(journal);
    return result();
  } finally {
    running.delete(key);
  }
}

/**
 * If an interrupted save left a journal for `path`, rolls the file back to its
 * content before that save (byte for byte, old size included) and deletes the
 * journal. A journal without a valid header (the save died while journaling, so
 * the file was never touched) is simply removed. Leaves the journal alone, with
 * `recovered: false` and a `detail` saying why, when another live process is still
 * saving the file, or the file is missing, was replaced, or has a size neither
 * the old nor the new one. Synchronous: call it before reading the file.
 * Idempotent: a crash during recovery leaves a journal that recovers again.
 * Throws only for I/O errors (the journal is then kept).
 */
export function recoverInterruptedSave(path: string): RecoveryResult {
  return recoverWith(path, {});
}

/** @internal `recoverInterruptedSave` with fault injection, for tests. */
export function recoverWith(file: string, options: { fault?: FaultPoint; chunkBytes?: number }): RecoveryResult {
  const journal = journalPath(file);
  return recoverFrom(file, journal, running.has(path.resolve(journal)), { chunkBytes: options.chunkBytes, fault: faultInjector(options.fault) });
}

/** The journal holds bytes of the file as it was checked: it must not have changed meanwhile. */
async function recheck(file: string, before: FileIdentity): Promise<void> {
  const now = await fs.promises.stat(file, { bigint: true }).catch(() => undefined);
  const mtimeMs = (await fs.promises.stat(file).catch(() => undefined))?.mtimeMs;
  if (now && now.ino === before.inode && Number(now.size) === before.size && mtimeMs === before.mtimeMs) return;
  throw saveError('ECHANGED', file, `'${file}' changed while its journal was written (size, mtime or inode); nothing was written`);
}
