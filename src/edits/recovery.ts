import * as fs from 'fs';
import type { Fault } from './faults';
import { fsyncDirSync, readFullySync, writeFullySync } from './fsSync';
import { readJournal } from './journal';
import { placeSaved, SavedRange, totalBytes } from './saveLayout';
import { saveError } from './saveErrors';
import { isSelf, ownerAlive, Owner } from './saveOwner';
import type { RecoveryResult } from './saveTypes';

const CHUNK = 8 * 1024 * 1024;

export interface RollbackOptions {
  /** Only old bytes below this offset were overwritten (a save stopped early); default all. */
  limit?: number;
  fault?: Fault;
  chunkBytes?: number;
  /** Leave the size alone: a same-length save changed none, and what was appended since stays. */
  keepSize?: boolean;
}

/**
 * Puts the old bytes back: truncates `file` to `oldSize` first (so at any crash
 * point its size is the old or the new one; not with `keepSize`), copies every saved range from the
 * journal, fsyncs, then deletes the journal and fsyncs the folder. Idempotent: the
 * journal is only read, and only deleted once the file is durable, so a crash at
 * any point leaves a journal that rolls back again. Synchronous (it runs at open,
 * before anything reads the file). Throws EIO if the journal is shorter than its
 * header says; the journal is then kept.
 */
export function rollBack(file: string, journal: string, oldSize: number, saved: readonly SavedRange[], options: RollbackOptions = {}): void {
  const limit = options.limit ?? Infinity;
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(options.chunkBytes ?? CHUNK, totalBytes(saved))));
  const jfd = fs.openSync(journal, 'r');
  let fd = -1;
  try {
    const last = saved[saved.length - 1];
    if (last && fs.fstatSync(jfd).size < last.at + (last.end - last.start)) {
      throw saveError('EIO', file, `the journal '${journal}' is shorter than its header says; kept as is, the file was not rolled back`);
    }
    fd = fs.openSync(file, 'r+');
    if (!options.keepSize) fs.ftruncateSync(fd, oldSize);
    for (const r of saved) {
      const end = Math.min(r.end, limit);
      for (let start = r.start; start < end; start += buf.length) {
        const n = Math.min(buf.length, end - start);
        readFullySync(jfd, buf, n, r.at + (start - r.start), journal);
        writeFullySync(fd, buf, n, start);
        options.fault?.('recover');
      }
    }
    fs.fsyncSync(fd);
  } finally {
    if (fd >= 0) fs.closeSync(fd);
    fs.closeSync(jfd);
  }
  fs.unlinkSync(journal);
  fsyncDirSync(journal);
}

/**
 * Recovery for `file` from `journal` (see `recoverInterruptedSave`). `running` is
 * true while this process itself is saving the file.
 */
export function recoverFrom(file: string, journal: string, running: boolean, options: RollbackOptions = {}): RecoveryResult {
  if (running) return { recovered: false, journal, detail: `a save of '${file}' is running in this process; nothing to recover` };
  const found = readJournal(journal);
  switch (found.state) {
    case 'absent':
      return { recovered: false, detail: `no interrupted save of '${file}'` };
    case 'garbage':
      return discard(journal, 'it has no valid header: the save was interrupted while journaling, before it touched the file');
    case 'locked':
      if (busy(found.lock.owner)) return busyResult(file, journal, found.lock.owner);
      return discard(journal, 'the save was interrupted while journaling, before it touched the file');
    case 'complete': {
      const { header } = found;
      if (busy(header.owner)) return busyResult(file, journal, header.owner);
      const size = sizeIfFor(file, header.inode, header.oldSize, header.newSize);
      if (typeof size === 'string') return { recovered: false, journal, detail: `kept '${journal}' without using it: ${size}` };
      const saved = placeSaved(header.ranges, header.dataOffset);
      rollBack(file, journal, header.oldSize, saved, { ...options, keepSize: header.oldSize === header.newSize });
      return {
        recovered: true, journal, restored: { size: header.oldSize, mtimeMs: header.oldMtimeMs, inode: Number(header.inode) },
        detail: `rolled '${file}' back to its ${header.oldSize} bytes from before an interrupted save (${totalBytes(saved)} bytes restored)`,
      };
    }
  }
}

function busy(owner: Owner): boolean {
  return !isSelf(owner) && ownerAlive(owner);
}

function busyResult(file: string, journal: string, owner: Owner): RecoveryResult {
  return { recovered: false, journal, detail: `process ${owner.pid} is saving '${file}' right now; left its journal alone` };
}

function discard(journal: string, why: string): RecoveryResult {
  fs.rmSync(journal, { force: true });
  fsyncDirSync(journal);
  return { recovered: false, journal, detail: `removed '${journal}': ${why}` };
}

/** The file's size if the journal belongs to the file as it is now, else why not. */
function sizeIfFor(file: string, inode: bigint, oldSize: number, newSize: number): number | string {
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(file, { bigint: true });
  } catch (err) {
    return `the file cannot be read (${(err as { code?: string }).code ?? String(err)})`;
  }
  if (inode !== 0n && stat.ino !== inode) return 'the file was replaced since (another inode)';
  const size = Number(stat.size);
  // A save and a rollback only ever set the size to the old or the new one; a
  // same-length save sets none, so a log may have grown under it.
  const appendedTo = oldSize === newSize && size > oldSize;
  if (size !== oldSize && size !== newSize && !appendedTo) {
    return `the file is ${size} bytes, neither its old ${oldSize} nor its new ${newSize}: something else changed it since`;
  }
  return size;
}
