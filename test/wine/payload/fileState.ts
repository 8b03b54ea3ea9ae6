import { createHash } from 'crypto';
import * as fs from 'fs';

/** A file as the comparison sees it: its size and the sha256 of its bytes (read in chunks: the log is big). */
export function fileState(file: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; size += n) hash.update(chunk.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}
