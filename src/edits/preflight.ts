import * as fs from 'fs';
import * as path from 'path';
import { dataOffsetFor } from './journalFormat';
import { SaveLayout, totalBytes } from './saveLayout';
import { journalDirError, saveError } from './saveErrors';
import type { SavePlan } from './saveTypes';

/** The file as the checks saw it: a save goes on only while it still looks like this. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  inode: bigint;
  mode: number;
}

/** Room left on top of the journal and the file's growth, for the filesystem's own metadata. */
const SPACE_MARGIN = 1024 * 1024;

/**
 * Refuses a save before anything is written: ENOENT (file missing), EISDIR/EINVAL
 * (not a regular file), ECHANGED (size or mtime differ from the plan's), EACCES
 * (read-only file, or a folder where the journal cannot be created), EBUSY (a
 * save of this file is running, or a journal is left over), ENOSPC (no room for
 * the journal plus the file's growth). `running` is this process's own lock.
 */
export function preflight(plan: SavePlan, layout: SaveLayout, journal: string, running: boolean): FileIdentity {
  const file = plan.path;
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw saveError('EISDIR', file, `'${file}' is a directory`);
  if (!stat.isFile()) throw saveError('EINVAL', file, `'${file}' is not a regular file; only regular files are saved in place`);
  const identity: FileIdentity = { size: stat.size, mtimeMs: stat.mtimeMs, inode: fs.statSync(file, { bigint: true }).ino, mode: stat.mode & 0o666 };
  checkUnchanged(plan, identity);
  checkWritable(file);
  if (running || fs.existsSync(journal)) {
    throw saveError('EBUSY', file, running
      ? `a save of '${file}' is already running`
      : `'${journal}' exists: another save of '${file}' is in progress, or an interrupted one left it (reopen the file to roll it back)`);
  }
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK | fs.constants.X_OK);
  } catch (err) {
    throw journalDirError(file, journal, (err as { code?: string }).code ?? String(err));
  }
  checkSpace(file, layout);
  return identity;
}

/** ECHANGED unless the file still has the size and mtime the edits were made against. */
export function checkUnchanged(plan: SavePlan, now: Pick<FileIdentity, 'size' | 'mtimeMs'>): void {
  if (now.size !== plan.originalSize) {
    throw saveError('ECHANGED', plan.path, `'${plan.path}' is now ${now.size} bytes, not the ${plan.originalSize} the edits were made on; nothing was written`);
  }
  if (plan.originalMtimeMs !== undefined && now.mtimeMs !== plan.originalMtimeMs) {
    throw saveError('ECHANGED', plan.path, `'${plan.path}' was modified since the edits were made (mtime ${now.mtimeMs}, expected ${plan.originalMtimeMs}); nothing was written`);
  }
}

/** The bytes the journal will take on disk. */
export function journalSize(layout: SaveLayout): number {
  return layout.saved.length === 0 ? 0 : dataOffsetFor(layout.saved.length) + totalBytes(layout.saved);
}

function checkWritable(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM') throw saveError('EACCES', file, `'${file}' is read-only; nothing was written`);
    throw err;
  }
  fs.closeSync(fd);
}

function checkSpace(file: string, layout: SaveLayout): void {
  if (typeof fs.statfsSync !== 'function') return; // Node < 18.15: the writes will report ENOSPC themselves
  const need = journalSize(layout) + Math.max(0, layout.newSize - layout.oldSize);
  if (need === 0) return;
  const fsStat = fs.statfsSync(path.dirname(file));
  const free = fsStat.bavail * fsStat.bsize;
  if (free < need + SPACE_MARGIN) {
    throw saveError('ENOSPC', file,
      `not enough free disk space to save '${file}' crash-safely: the journal and the file's growth need ${mib(need)} MiB, ${mib(free)} MiB are free; nothing was written`);
  }
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
