import { constants as osConstants } from 'os';
import { systemError, SystemError } from '../mmap/errors';

/** A Node-style error with `code`, `errno` (when the code is an OS one), `syscall` (default 'save') and `path`. */
export function saveError(code: string, path: string, message: string, syscall = 'save'): SystemError {
  const errno = (osConstants.errno as Record<string, number>)[code] ?? 0;
  const err = systemError(code, errno === 0 ? 0 : -errno, syscall, path, message);
  err.message = `${code}: ${message}`;
  return err;
}

/** The error a save rejects with when its signal fires. */
export function abortError(path: string): Error & { code: string } {
  const err = new Error(`the save of '${path}' was aborted; the file is unchanged`) as Error & { code: string };
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

/** EACCES/EPERM/EROFS on the journal, explained: a crash-safe save needs it. */
export function journalDirError(file: string, journal: string, cause: string): SystemError {
  return saveError('EACCES', file,
    `cannot save '${file}' crash-safely: a crash-safe save first writes the old bytes to '${journal}' ` +
    `beside the file, and its folder is not writable (${cause})`);
}
