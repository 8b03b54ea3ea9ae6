import { createHash } from 'crypto';
import * as fs from 'fs';
import { readFullySync } from '../edits/fsSync';

/** Bytes kept from each end of the file: a rewrite almost always changes one of them. */
const EDGE = 4096;

/**
 * The file as the pending edits know it. Its first and last bytes tell a log that
 * grew by appending (the edits still fit) from a file that was rewritten.
 */
export interface FileMark {
  size: number;
  mtimeMs: number;
  inode: number;
  /** Permission bits, to write the file again as it was. */
  mode: number;
  /** SHA-256 (hex) of the first and the last EDGE bytes of [0, size). */
  edges: string;
}

/** The mark of `file` now; size -1 when it cannot be read. */
export function markOf(file: string): FileMark {
  try {
    const stat = fs.statSync(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs, inode: stat.ino, mode: stat.mode & 0o7777, edges: edgesOf(file, stat.size) };
  } catch {
    return { size: -1, mtimeMs: -1, inode: -1, mode: 0o644, edges: '' };
  }
}

/**
 * The new mark when `file` is the file `before` describes, grown by appending:
 * the same inode, larger, and its first `before.size` bytes still begin and end
 * with the same bytes. Undefined otherwise (unchanged, shrunk, replaced, rewritten,
 * or unreadable). A change inside, away from both ends, goes unseen.
 */
export function appendedTo(file: string, before: FileMark): FileMark | undefined {
  return grownFrom(file, before, markOf(file));
}

/** `now` (the mark of `file` just taken) when it is `before` grown by appending, as appendedTo decides. */
function grownFrom(file: string, before: FileMark, now: FileMark): FileMark | undefined {
  if (before.size < 0 || now.inode !== before.inode || now.size <= before.size) return undefined;
  try {
    return edgesOf(file, before.size) === before.edges ? now : undefined;
  } catch {
    return undefined;
  }
}

function edgesOf(file: string, size: number): string {
  const head = Math.min(EDGE, size);
  const tail = Math.min(EDGE, size - head);
  const buf = Buffer.alloc(head + tail);
  const fd = fs.openSync(file, 'r');
  try {
    readFullySync(fd, buf, head, 0, file, 0);
    readFullySync(fd, buf, tail, size - tail, file, head);
  } finally {
    fs.closeSync(fd);
  }
  return createHash('sha256').update(buf).digest('hex');
}

/** How the file on disk differs from the one a mark describes. */
export type DiskChange = 'unchanged' | 'appended' | 'shrunk' | 'replaced' | 'rewritten' | 'gone';

/**
 * What happened to `file` since `before`, and its mark now. Rewritten: the same
 * file (inode) and not shorter, but a new modification time with the same size, or
 * new bytes at either end of the old extent. A rewrite of the same size within the
 * file system's time resolution that leaves both ends alone goes unseen.
 */
export function diskChangeOf(file: string, before: FileMark): { change: DiskChange; mark: FileMark } {
  const mark = markOf(file);
  if (mark.size < 0) return { change: before.size < 0 ? 'unchanged' : 'gone', mark };
  if (before.size < 0 || mark.inode !== before.inode) return { change: 'replaced', mark };
  if (mark.size < before.size) return { change: 'shrunk', mark };
  if (mark.size > before.size) return { change: grownFrom(file, before, mark) ? 'appended' : 'rewritten', mark };
  const same = mark.mtimeMs === before.mtimeMs && mark.edges === before.edges;
  return { change: same ? 'unchanged' : 'rewritten', mark };
}
