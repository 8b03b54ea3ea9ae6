import * as fs from 'fs';
import type { Fault } from './faults';
import { fsyncDir } from './fsSync';
import { dataOffsetFor, decodeRecord, claimedLength, encodeRecord, HEADER_AT, JournalRecord, LOCK_AT } from './journalFormat';
import { placeSaved, SavedRange, SaveLayout, totalBytes } from './saveLayout';
import { abortError, journalDirError, saveError } from './saveErrors';
import { currentOwner } from './saveOwner';

/** Suffix of the rollback journal kept beside the file during a save. */
export const JOURNAL_SUFFIX = '.hugefile-journal';

/** The journal path used for `file`: `<file>.hugefile-journal`, in the same folder. */
export function journalPath(file: string): string {
  return file + JOURNAL_SUFFIX;
}

export interface JournalJob {
  file: string;
  journal: string;
  layout: SaveLayout;
  /** Inode of `file`, recorded so a journal is never applied to a different file. */
  inode: bigint;
  /** The file's mtimeMs before the save, recorded so a rollback can say whose content it restored. */
  mtimeMs: number;
  /** Permission bits for the journal: it holds the file's bytes, so no looser than the file. */
  mode: number;
  chunkBytes: number;
  signal?: AbortSignal;
  fault: Fault;
  onProgress(done: number, total: number): void;
}

export interface WrittenJournal {
  header: JournalRecord;
  saved: SavedRange[];
  bytes: number;
}

/**
 * Writes the rollback journal for a save and makes it durable, leaving the file
 * untouched: lock record, old bytes of every saved range, fdatasync, then the
 * header, fsync, and the folder's fsync. A crash before the header is durable
 * leaves a journal without a valid header, which recovery discards. Throws EBUSY
 * when a journal already exists, the journal-folder EACCES, ENOSPC, ECHANGED if the
 * file shrank meanwhile, or AbortError; on any failure the journal is removed.
 */
export async function writeJournal(job: JournalJob): Promise<WrittenJournal> {
  const { layout } = job;
  const dataOffset = dataOffsetFor(layout.saved.length);
  const header: JournalRecord = {
    complete: true, oldSize: layout.oldSize, newSize: layout.newSize, inode: job.inode,
    oldMtimeMs: job.mtimeMs, dataOffset, ranges: layout.saved, owner: currentOwner(),
  };
  const jh = await create(job);
  try {
    const lock = encodeRecord({ ...header, complete: false });
    await writeFully(jh, lock, lock.length, LOCK_AT);
    const saved = placeSaved(layout.saved, dataOffset);
    await copyOldBytes(job, jh, saved);
    await jh.datasync();
    const encoded = encodeRecord(header);
    await writeFully(jh, encoded, encoded.length, HEADER_AT);
    job.fault('header');
    await jh.sync();
    await fsyncDir(job.journal);
    await checkStillOurs(jh, job);
    if (job.signal?.aborted) throw abortError(job.file);
    return { header, saved, bytes: totalBytes(saved) };
  } catch (err) {
    await removeIfOurs(jh, job.journal);
    throw err;
  } finally {
    await jh.close();
  }
}

/** What a journal on disk says. */
export type JournalState =
  | { state: 'absent' }
  | { state: 'garbage' } // created but never got a valid lock or header: the file was not touched
  | { state: 'locked'; lock: JournalRecord } // still journaling (or crashed while journaling)
  | { state: 'complete'; header: JournalRecord }; // the file may be half-written: roll back

/** Reads the journal's lock record and header. Throws only for I/O errors other than ENOENT. */
export function readJournal(journal: string): JournalState {
  let fd: number;
  try {
    fd = fs.openSync(journal, 'r');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { state: 'absent' };
    throw err;
  }
  try {
    const header = readRecord(fd, HEADER_AT);
    if (header?.complete) return { state: 'complete', header };
    const lock = readRecord(fd, LOCK_AT);
    return lock && !lock.complete ? { state: 'locked', lock } : { state: 'garbage' };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Deletes a finished journal and makes the deletion durable. If it cannot be
 * deleted (Windows: another program holds it open), it is emptied instead: a
 * journal left valid would roll the saved file back at the next open, an empty one
 * is discarded. Throws only when neither works.
 */
export async function removeJournal(journal: string): Promise<void> {
  try {
    await fs.promises.unlink(journal);
  } catch (err) {
    const fh = await fs.promises.open(journal, 'r+').catch(() => Promise.reject(err));
    try {
      await fh.truncate(0);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return;
  }
  await fsyncDir(journal);
}

function readRecord(fd: number, at: number): JournalRecord | undefined {
  const head = Buffer.alloc(24);
  if (fs.readSync(fd, head, 0, head.length, at) < head.length) return undefined;
  const length = claimedLength(head);
  if (length === undefined) return undefined;
  const buf = Buffer.alloc(length);
  return fs.readSync(fd, buf, 0, length, at) === length ? decodeRecord(buf) : undefined;
}

async function create(job: JournalJob): Promise<fs.promises.FileHandle> {
  try {
    return await fs.promises.open(job.journal, 'wx', job.mode);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'EEXIST') {
      throw saveError('EBUSY', job.file, `another save of '${job.file}' is in progress, or an interrupted one left '${job.journal}' (reopen the file to roll it back)`);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw journalDirError(job.file, job.journal, code);
    throw err;
  }
}

/** Copies the saved ranges into the journal, reading the next chunk while the last one is written. */
async function copyOldBytes(job: JournalJob, jh: fs.promises.FileHandle, saved: SavedRange[]): Promise<void> {
  const total = totalBytes(saved);
  const size = saved.length === 0 ? 1 : Math.max(1, Math.min(job.chunkBytes, saved[saved.length - 1].end - saved[0].start));
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  const fh = await fs.promises.open(job.file, 'r');
  const chunks = journalChunks(saved, job.chunkBytes);
  let turn = 0;
  let reading: Promise<Chunk> | undefined;
  const readNext = () => {
    const next = chunks.next();
    if (next.done) return undefined;
    const buf = buffers[turn++ % 2];
    return readFully(fh, buf, next.value.span, next.value.start, job.file).then(() => ({ ...next.value, buf }));
  };
  try {
    reading = readNext();
    let done = 0;
    while (reading) {
      const chunk = await reading;
      reading = readNext();
      compact(chunk);
      await writeFully(jh, chunk.buf, chunk.length, chunk.at);
      done += chunk.length;
      job.onProgress(done, total);
      job.fault('journal');
      if (job.signal?.aborted) throw abortError(job.file);
    }
  } finally {
    await reading?.catch(() => undefined);
    await fh.close();
  }
}

/**
 * Saved ranges this close are read in one call with the bytes between them: dense
 * small edits (a replace of a million words) would otherwise cost two calls each.
 */
const JOIN_GAP = 64 * 1024;

/**
 * Old bytes [start, start + span) read in one call; the saved ones among them go
 * to the journal at `at`, `length` bytes back to back: `parts` lists them (offset
 * in the span, length), or is absent when the whole span is saved.
 */
interface ChunkPlan {
  start: number;
  span: number;
  at: number;
  length: number;
  parts?: number[];
}

interface Chunk extends ChunkPlan {
  buf: Buffer;
}

/** Moves a chunk's saved parts to the front of its buffer, in order (each moves down, never over one not moved yet). */
function compact(chunk: Chunk): void {
  if (!chunk.parts) return;
  let to = 0;
  for (let i = 0; i < chunk.parts.length; i += 2) {
    const [from, length] = [chunk.parts[i], chunk.parts[i + 1]];
    if (from !== to) chunk.buf.copyWithin(to, from, from + length);
    to += length;
  }
}

/** @internal The reads and writes that copy `saved` into the journal, in order (tests count them). */
export function* journalChunks(saved: readonly SavedRange[], chunkBytes: number): Generator<ChunkPlan> {
  for (let i = 0; i < saved.length;) {
    const r = saved[i];
    if (r.end - r.start >= chunkBytes || i + 1 === saved.length || !joinable(r, saved[i + 1], r.start, chunkBytes)) {
      for (let start = r.start; start < r.end; start += chunkBytes) {
        const length = Math.min(chunkBytes, r.end - start);
        yield { start, span: length, at: r.at + (start - r.start), length };
      }
      i++;
      continue;
    }
    const parts: number[] = [];
    let end = r.start;
    let length = 0;
    for (; i < saved.length && (parts.length === 0 || joinable(saved[i - 1], saved[i], r.start, chunkBytes)); i++) {
      parts.push(saved[i].start - r.start, saved[i].end - saved[i].start);
      length += saved[i].end - saved[i].start;
      end = saved[i].end;
    }
    yield { start: r.start, span: end - r.start, at: r.at, length, parts };
  }
}

/** Whether `next` can join a chunk starting at `start` whose last range is `last`. */
function joinable(last: SavedRange, next: SavedRange, start: number, chunkBytes: number): boolean {
  return next.start - last.end <= JOIN_GAP && next.end - start <= chunkBytes;
}

async function readFully(fh: fs.promises.FileHandle, buf: Buffer, length: number, position: number, file: string): Promise<void> {
  for (let done = 0; done < length; ) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw saveError('ECHANGED', file, `'${file}' shrank while it was being saved; nothing was written`);
    done += bytesRead;
  }
}

async function writeFully(fh: fs.promises.FileHandle, buf: Buffer, length: number, position: number): Promise<void> {
  for (let done = 0; done < length; ) {
    const { bytesWritten } = await fh.write(buf, done, length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * A recovery in another process may have deleted our journal while it had no
 * valid record yet; the save must not go on without one on disk.
 */
async function checkStillOurs(jh: fs.promises.FileHandle, job: JournalJob): Promise<void> {
  if (!(await isOurs(jh, job.journal))) {
    throw saveError('EBUSY', job.file, `'${job.journal}' was removed or replaced by another process during the save; the file was not touched`);
  }
}

async function isOurs(jh: fs.promises.FileHandle, journal: string): Promise<boolean> {
  try {
    const [mine, named] = await Promise.all([jh.stat({ bigint: true }), fs.promises.lstat(journal, { bigint: true })]);
    return mine.ino === named.ino && mine.dev === named.dev;
  } catch {
    return false;
  }
}

async function removeIfOurs(jh: fs.promises.FileHandle, journal: string): Promise<void> {
  if (!(await isOurs(jh, journal))) return;
  await fs.promises.unlink(journal);
  await fsyncDir(journal).catch(() => undefined);
}
