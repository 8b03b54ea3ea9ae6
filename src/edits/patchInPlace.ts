import * as fs from 'fs';
import { formatHex } from '../hex/hexDump';
import { open, pageSize } from '../mmap';
import { checkOffset } from '../mmap/errors';
import { journalPath } from './journal';
import { saveError } from './saveErrors';

/** What a patch found and did. */
export interface PatchResult {
  /** The bytes that were at the offset before the patch. */
  old: Buffer;
  /** False when the file already held exactly the new bytes (nothing was written). */
  changed: boolean;
}

/**
 * Overwrites `bytes.length` bytes of `file` at `offset` in place and flushes them
 * to disk (msync) before returning. Maps only the pages that hold the range, so
 * the cost follows the patch, not the file. Never changes the file's size.
 * Refuses, leaving the file untouched: ERR_OUT_OF_RANGE (the range runs past the
 * end, or no bytes), ECHANGED (`expect` given and the current bytes differ),
 * EBUSY (a crash-safe save of the file is running or was interrupted: rolling it
 * back later would undo the patch), EISDIR/EINVAL (not a regular file), and the
 * OS's errors (ENOENT, EACCES for a read-only file).
 */
export function patchInPlace(file: string, offset: number, bytes: Uint8Array, expect?: Uint8Array): PatchResult {
  checkOffset('offset', offset);
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw saveError('EISDIR', file, `'${file}' is a directory`, 'patch');
  if (!stat.isFile()) throw saveError('EINVAL', file, `'${file}' is not a regular file; only regular files are patched`, 'patch');
  const end = offset + bytes.length;
  if (bytes.length === 0) throw saveError('ERR_OUT_OF_RANGE', file, 'no bytes to write', 'patch');
  if (end > stat.size) {
    throw saveError('ERR_OUT_OF_RANGE', file,
      `bytes ${offset} to ${end - 1} run past the end of '${file}' (${stat.size} bytes); a patch never grows a file; nothing was written`, 'patch');
  }
  if (expect !== undefined && expect.length !== bytes.length) {
    throw saveError('ERR_INVALID_ARG_VALUE', file, `the expected bytes (${expect.length}) and the new bytes (${bytes.length}) differ in length`, 'patch');
  }
  const journal = journalPath(file);
  if (fs.existsSync(journal)) {
    throw saveError('EBUSY', file,
      `'${journal}' exists: a save of '${file}' is in progress, or an interrupted one left it (open the file in the editor to roll it back); nothing was written`, 'patch');
  }
  // The mapping must start on the platform's granularity (4 KiB pages; 64 KiB on Windows).
  const start = offset - (offset % pageSize);
  const mf = open(file, { mode: 'readWriteExisting', offset: start, mappedSize: end - start });
  try {
    const old = mf.read(offset - start, bytes.length);
    if (expect !== undefined && !old.equals(expect)) {
      throw saveError('ECHANGED', file, `the bytes at ${offset} are ${formatHex(old)}, not the expected ${formatHex(expect)}; nothing was written`, 'patch');
    }
    const changed = !old.equals(bytes);
    if (changed) {
      mf.write(offset - start, bytes);
      mf.flush();
    }
    return { old, changed };
  } finally {
    mf.close();
  }
}
