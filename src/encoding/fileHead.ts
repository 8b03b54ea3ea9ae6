import * as fs from 'fs';

/**
 * The first `length` bytes of `filePath` (fewer when it is shorter), for telling its
 * encoding; none when it cannot be read (what opens the file next says why).
 */
export function fileHead(filePath: string, length: number): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    const head = Buffer.alloc(length);
    return head.subarray(0, fs.readSync(fd, head, 0, length, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
