import * as fs from 'fs';
import { MemFile, open } from '../mmap';
import type { Fault } from './faults';
import { fsyncDirSync, readFullySync } from './fsSync';
import { rollBack } from './recovery';
import { saveError } from './saveErrors';
import { lastAtOrBefore, Piece, Range, SavedRange, totalBytes } from './saveLayout';

/** Everything the apply phase needs; structured-clonable once pieces are packed (see saveWorkerPieces). */
export interface ApplyJob {
  file: string;
  journal: string;
  oldSize: number;
  newSize: number;
  pieces: Piece[];
  writes: Range[];
  saved: SavedRange[];
  chunkBytes: number;
  /**
   * Written bytes after which the mapping is closed and reopened: pages touched
   * through a mapping count in the process's resident size until it is unmapped
   * (their data stays in the page cache, dirty, for the final fsync).
   */
  windowBytes: number;
  /** msync the mapping at the end (blocking: only where blocking is harmless). */
  msync: boolean;
}

/** How far an apply got: what a rollback of a stopped apply must restore. */
export interface ApplyState {
  /** New bytes written so far. */
  done: number;
  /** Old bytes at offsets >= limit are untouched. */
  limit: number;
  /** False until the first resize or write: until then the file is as it was. */
  touched: boolean;
}

/** A fresh state: nothing written. */
export function untouched(): ApplyState {
  return { done: 0, limit: 0, touched: false };
}

/**
 * Writes the new content into the file through the mmap module, one chunk per
 * iteration (yields bytes written so far): grow first, then every write range in
 * file order, then shrink. New bytes that come from the old file are read from the
 * journal when their old place is among the saved (overwritten) ranges, else from
 * the file, where they are still intact. Closing the generator early closes the
 * mapping; the caller then undoes it with `undoApply`.
 *
 * Throws ECHANGED before touching the file when it is no longer `oldSize` bytes
 * long: a program appending to a log would otherwise lose what it appended since
 * the journal was checked (to the resize), or have it overwritten by the move.
 */
export function* applySteps(job: ApplyJob, fault: Fault, state: ApplyState): Generator<number, void, void> {
  let mf = openMapped(job.file);
  const jfd = fs.openSync(job.journal, 'r');
  const ffd = fs.openSync(job.file, 'r');
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(job.chunkBytes, totalBytes(job.writes))));
  const readFile: OldReader = (offset, dst, at, n) => readFullySync(ffd, dst, n, offset, job.file, at);
  const gather = gatherer(job, readFile, (offset, dst, at, n) => {
    const i = lastAtOrBefore(job.saved, offset, (r) => r.start);
    const inJournal = i >= 0 && offset < job.saved[i].end;
    if (inJournal) readFullySync(jfd, dst, n, job.saved[i].at + (offset - job.saved[i].start), job.journal, at);
    else readFile(offset, dst, at, n);
  });
  try {
    const size = fs.fstatSync(ffd).size;
    if (size !== job.oldSize) {
      throw saveError('ECHANGED', job.file, `'${job.file}' is now ${size} bytes, not the ${job.oldSize} the save was planned for (another program changed it); nothing was written`);
    }
    state.touched = true;
    if (job.newSize > job.oldSize) {
      mf.resize(job.newSize);
      fault('grow');
    }
    let sinceOpen = 0;
    for (const w of job.writes) {
      for (let at = w.start; at < w.end; at += buf.length) {
        const n = Math.min(buf.length, w.end - at);
        gather(at, n, buf);
        state.limit = at + n;
        mf.write(at, buf.subarray(0, n));
        state.done += n;
        fault('write');
        sinceOpen += n;
        if (sinceOpen >= job.windowBytes) {
          mf.close();
          mf = openMapped(job.file);
          sinceOpen = 0;
        }
        yield state.done;
      }
    }
    if (job.newSize < job.oldSize) {
      state.limit = Infinity;
      shrink(mf, job.file, job.newSize);
      fault('shrink');
    }
    if (job.msync && !mf.isClosed) mf.flush();
  } finally {
    mf.close();
    fs.closeSync(ffd);
    fs.closeSync(jfd);
  }
}

/**
 * Undoes a stopped or failed apply: rolls the file back from the journal, or,
 * when the apply had not touched it yet, only removes the journal (a rollback
 * would truncate whatever another program appended meanwhile). Throws what the
 * rollback throws; the journal is then kept for recovery.
 */
export function undoApply(job: ApplyJob, state: ApplyState, fault?: Fault): void {
  if (state.touched) {
    rollBack(job.file, job.journal, job.oldSize, job.saved, { limit: state.limit, fault, chunkBytes: job.chunkBytes, keepSize: job.oldSize === job.newSize });
    return;
  }
  fs.rmSync(job.journal, { force: true });
  fsyncDirSync(job.journal);
}

function openMapped(file: string): MemFile {
  return open(file, { mode: 'readWrite', allowRemap: true });
}

/** MemFile.resize needs at least one byte: an empty result is a plain truncate. */
function shrink(mf: MemFile, file: string, newSize: number): void {
  if (newSize > 0) {
    mf.resize(newSize);
  } else {
    mf.close();
    fs.truncateSync(file, 0);
  }
}

type OldReader = (offset: number, dst: Buffer, at: number, length: number) => void;

/**
 * Returns gather(at, n, dst): fills dst[0..n) with the new file's bytes [at, at+n).
 * `readOld` reads a run of old bytes that lies entirely inside or entirely outside
 * the saved ranges. Bytes that stay where they are (the gaps between dense edits,
 * rewritten with their own value) are still intact in the file, which is written in
 * order: they are read with the rest of [at, at+n) in one call of `readFile`, not
 * one call per gap.
 */
function gatherer(job: ApplyJob, readFile: OldReader, readOld: OldReader): (at: number, n: number, dst: Buffer) => void {
  const { pieces, saved } = job;
  return (at, n, dst) => {
    let i = lastAtOrBefore(pieces, at, (p) => p.at);
    let inPlaceRead = false;
    for (let pos = at; pos < at + n; i++) {
      const p = pieces[i];
      const len = Math.min(p.at + p.length, at + n) - pos;
      if (p.from === 'bytes') {
        dst.set(p.data.subarray(pos - p.at, pos - p.at + len), pos - at);
      } else if (p.offset === p.at) {
        if (!inPlaceRead) readFile(pos, dst, pos - at, Math.min(at + n, job.oldSize) - pos);
        inPlaceRead = true;
      } else {
        // Split the old run where it enters or leaves a saved range.
        for (let off = p.offset + (pos - p.at), left = len; left > 0; ) {
          const s = lastAtOrBefore(saved, off, (r) => r.start);
          const edge = s >= 0 && off < saved[s].end ? saved[s].end : (saved[s + 1]?.start ?? Infinity);
          const m = Math.min(left, edge - off);
          readOld(off, dst, pos - at + (len - left), m);
          off += m;
          left -= m;
        }
      }
      pos += len;
    }
  };
}
