import * as fs from 'fs';
import * as path from 'path';
import { saveError } from './saveErrors';

/**
 * Makes a created or deleted directory entry durable. Without it a power cut can
 * lose the journal's name even though its bytes were synced. Windows cannot open a
 * directory this way (NTFS journals names itself); some filesystems refuse the
 * call, which is then all they can do.
 */
export async function fsyncDir(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(path.dirname(file), 'r');
    await handle.sync();
  } catch (err) {
    if (!ignorable(err)) throw err;
  } finally {
    await handle?.close();
  }
}

/** `fsyncDir` without the thread pool, for the synchronous rollback. */
export function fsyncDirSync(file: string): void {
  if (process.platform === 'win32') return;
  let fd = -1;
  try {
    fd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    if (!ignorable(err)) throw err;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

function ignorable(err: unknown): boolean {
  return ['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP', 'EBADF'].includes((err as { code?: string }).code ?? '');
}

/** Reads exactly `length` bytes at `position`; EIO if the file ends first. */
export function readFullySync(fd: number, buf: Buffer, length: number, position: number, file: string, offset = 0): void {
  for (let done = 0; done < length; ) {
    const n = fs.readSync(fd, buf, offset + done, length - done, position + done);
    if (n === 0) throw saveError('EIO', file, `unexpected end of '${file}' at ${position + done}`);
    done += n;
  }
}

/** Writes exactly `length` bytes of `buf` at `position`. */
export function writeFullySync(fd: number, buf: Buffer, length: number, position: number): void {
  for (let done = 0; done < length; ) done += fs.writeSync(fd, buf, done, length - done, position + done);
}
