import * as fs from 'fs';
import * as path from 'path';
import { flatPieces } from '../edits/flatPieces';
import { FlatPiece, PieceTable } from '../edits/pieceTable';
import { appendedTo, FileMark } from './fileMark';
import { HeldEdit, isHeldEdit } from './heldEdit';

/** What a hot-exit backup holds: the edit list, never the file. */
interface BackupFile {
  version: 1;
  path: string;
  size: number;
  mtimeMs: number;
  /** The file's inode and edges (see FileMark): tell a log that only grew since. */
  inode?: number;
  edges?: string;
  pieces: FlatPiece[];
  /** Bytes of the added pieces, base64, in piece order. */
  added: string;
  /** Edits asked for during a save, to carry out after the pieces (see HeldEdit). */
  held?: HeldEdit[];
}

/** What a restore gives back, or why it refused. */
export type RestoredBackup = { ok: true; appended: number; held: HeldEdit[] } | { ok: false; reason: string };

/**
 * The file as it was before a save that journal recovery rolled back (see
 * RecoveryResult.restored): it has that content again, under a new modification time.
 */
export interface RolledBack {
  size: number;
  mtimeMs: number;
  inode: number;
}

/** Writes the pending edits of `table` to `destination`, then `held`, the edits waiting for a running save. */
export async function writeBackup(destination: string, filePath: string, baseline: FileMark, table: PieceTable, held: readonly HeldEdit[] = []): Promise<void> {
  const pieces = [...flatPieces(table.list())];
  const added = Buffer.concat(pieces.filter((p) => p.source === 'added').map((p) => table.pieceBytes(p)));
  const backup: BackupFile = {
    version: 1, path: filePath, size: baseline.size, mtimeMs: baseline.mtimeMs, inode: baseline.inode, edges: baseline.edges,
    pieces: [...pieces], added: added.toString('base64'), held: held.length > 0 ? [...held] : undefined,
  };
  await fs.promises.mkdir(path.dirname(destination), { recursive: true });
  await fs.promises.writeFile(destination, JSON.stringify(backup));
}

/**
 * The backup to restore for `filePath` when VS Code names `named`: that one, or, when it
 * is gone, the newest backup of the same file beside it (undefined if none). VS Code's
 * window may restore an editor with an older backup id than the last the extension host
 * wrote before it died, and the host deletes each backup once the next one is written.
 */
export async function backupToRestore(named: string, filePath: string): Promise<string | undefined> {
  if (fs.existsSync(named)) return named;
  return (await backupsOf(path.dirname(named), filePath))[0];
}

/** A backup VS Code did not hand over, and when it was written. */
export interface LeftoverBackup {
  at: string;
  mtimeMs: number;
}

/**
 * The newest backup of `filePath` in `dir` (where VS Code has the extension write its
 * backups) that fits the file as it is now, as readBackup decides: unsaved edits from a
 * session whose window reopened the file without naming a backup. Deletes the backups
 * of `filePath` that no longer fit (made before a save or a revert, or before another
 * program changed the file): they can never be restored.
 */
export async function leftoverBackup(dir: string, filePath: string, current: FileMark, rolledBack?: RolledBack): Promise<LeftoverBackup | undefined> {
  let found: LeftoverBackup | undefined;
  for (const at of await backupsOf(dir, filePath)) {
    const backup = await parseBackup(at);
    if (backup !== undefined && hasEdits(backup) && fitOf(backup, filePath, current, rolledBack) !== undefined) {
      found ??= { at, mtimeMs: fs.statSync(at, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    } else {
      fs.rmSync(at, { force: true });
    }
  }
  return found;
}

/** Deletes every backup of `filePath` in `dir`. */
export async function deleteBackupsOf(dir: string, filePath: string): Promise<void> {
  for (const at of await backupsOf(dir, filePath)) fs.rmSync(at, { force: true });
}

/** The backups of `filePath` in `dir`, newest first. */
async function backupsOf(dir: string, filePath: string): Promise<string[]> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const candidates = entries.filter((e) => e.isFile()).map((e) => path.join(dir, e.name))
    .map((at) => ({ at, mtimeMs: fs.statSync(at, { throwIfNoEntry: false })?.mtimeMs ?? -1 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  const found: string[] = [];
  for (const { at } of candidates) {
    if (await backedUpPath(at) === filePath) found.push(at);
  }
  return found;
}

/** Bytes read of a backup to learn its file: the path comes first, after the version. */
const HEAD_BYTES = 64 * 1024;

/**
 * The file the backup at `at` is of, read from its head only (a backup holds the bytes
 * typed or pasted, possibly many), or undefined when it is not a backup of ours.
 */
async function backedUpPath(at: string): Promise<string | undefined> {
  let head: string;
  try {
    const fh = await fs.promises.open(at, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
      head = buf.toString('utf8', 0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return undefined; // removed meanwhile
  }
  const match = /^\{"version":1,"path":("(?:[^"\\]|\\.)*")/.exec(head);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]) as string;
  } catch {
    return undefined;
  }
}

async function parseBackup(source: string): Promise<BackupFile | undefined> {
  try {
    return JSON.parse(await fs.promises.readFile(source, 'utf8')) as BackupFile;
  } catch {
    return undefined;
  }
}

/**
 * How `backup` fits the file now: 'same' file (same size and modification time, or
 * rolled back by journal recovery to the backup's content), 'grown' by appending since,
 * or undefined: other content.
 */
/** Whether `backup` holds any change: one VS Code took just as an undo made the content the file again holds none. */
function hasEdits(backup: BackupFile): boolean {
  const [only] = backup.pieces;
  const whole = backup.pieces.length === 1 && only.source === 'original' && only.start === 0 && only.length === backup.size;
  return !(whole || (backup.pieces.length === 0 && backup.size === 0)) || (backup.held?.length ?? 0) > 0;
}

function fitOf(backup: BackupFile, filePath: string, current: FileMark, rolledBack: RolledBack | undefined): 'same' | 'grown' | undefined {
  if (backup.size === current.size && (backup.mtimeMs === current.mtimeMs || rolledBackTo(backup, current, rolledBack))) return 'same';
  return grewFrom(filePath, backup, current) ? 'grown' : undefined;
}

/**
 * Re-applies a backup's edits to a fresh `table`, but only if the file on disk
 * (`current`) is the one the edits were made on (same size and modification
 * time), or that file grown by appending: its new bytes then follow the edits
 * (`appended` says how many). A file that journal recovery rolled back to the
 * content the backup was made on (`rolledBack`: its size, modification time and
 * inode then, and the same first and last bytes now) counts as the same. `held`
 * are the backup's edits still to carry out, in order, on the restored content.
 */
export async function readBackup(source: string, filePath: string, current: FileMark, table: PieceTable, rolledBack?: RolledBack):
Promise<RestoredBackup> {
  let backup: BackupFile;
  try {
    backup = JSON.parse(await fs.promises.readFile(source, 'utf8')) as BackupFile;
  } catch (err) {
    return { ok: false, reason: `the backup could not be read (${(err as Error).message})` };
  }
  if (backup.version !== 1 || backup.path !== filePath) return { ok: false, reason: 'the backup belongs to another file' };
  const held = backup.held ?? [];
  if (!Array.isArray(held) || !held.every((edit) => isHeldEdit(edit) && withinFile(edit, backup.size))) return { ok: false, reason: 'the backup is damaged' };
  const fit = fitOf(backup, filePath, current, rolledBack);
  if (fit === undefined) return { ok: false, reason: 'the file changed on disk since they were made' };
  const added = Buffer.from(backup.added, 'base64');
  table.reset(backup.size);
  table.delete(0, backup.size);
  let offset = 0;
  let addedAt = 0;
  for (const piece of backup.pieces) {
    if (piece.source === 'original') {
      if (piece.start + piece.length > backup.size) {
        table.reset(backup.size);
        return { ok: false, reason: 'the backup is damaged' };
      }
      table.insertPieces(offset, [piece]);
    } else {
      table.insert(offset, added.subarray(addedAt, addedAt + piece.length));
      addedAt += piece.length;
    }
    offset += piece.length;
  }
  if (fit === 'grown') table.appendOriginal(current.size);
  return { ok: true, appended: current.size - backup.size, held };
}

/** Whether the runs of the file that `edit` names (an undo or redo's splices) lie inside its `size` bytes. */
function withinFile(edit: HeldEdit, size: number): boolean {
  return edit.kind !== 'splices' || edit.records.every((r) => r.insert.every((part) => 'base64' in part || part.start + part.length <= size));
}

/**
 * Whether recovery rolled the file back to the backup's content: the journal's
 * record of the file before the save (size, time, inode) is the backup's, and the
 * file has that size, inode and first and last bytes now.
 */
function rolledBackTo(backup: BackupFile, current: FileMark, rolledBack: RolledBack | undefined): boolean {
  return rolledBack !== undefined && backup.inode !== undefined && backup.edges !== undefined
    && rolledBack.mtimeMs === backup.mtimeMs && rolledBack.size === backup.size && rolledBack.inode === backup.inode
    && current.inode === backup.inode && current.edges === backup.edges;
}

/** Whether the file is the backup's, grown by appending to `current`'s size. */
function grewFrom(filePath: string, backup: BackupFile, current: FileMark): boolean {
  if (backup.edges === undefined || backup.inode === undefined || current.size <= backup.size) return false;
  const grown = appendedTo(filePath, { size: backup.size, mtimeMs: backup.mtimeMs, inode: backup.inode, mode: current.mode, edges: backup.edges });
  return grown !== undefined && grown.inode === current.inode && grown.size >= current.size;
}
