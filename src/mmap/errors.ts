/**
 * Errors shaped like Node's own fs errors, so callers can branch on `code`
 * exactly as they would after `fs.openSync`.
 */
export interface SystemError extends Error {
  code: string;
  errno: number;
  syscall: string;
  path?: string;
}

/** Builds an `Error` with `code`, `errno`, `syscall` and optional `path`, like Node's fs. */
export function systemError(code: string, errno: number, syscall: string, path?: string, detail?: string): SystemError {
  const where = path === undefined ? syscall : `${syscall} '${path}'`;
  const err = new Error(`${code}: ${detail ?? describe(code)}, ${where}`) as SystemError;
  err.code = code;
  err.errno = errno;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  return err;
}

/** An error for a misused API (bad argument, wrong mode): not the OS's fault. */
export function usageError(code: string, message: string): Error & { code: string } {
  const err = new Error(message) as Error & { code: string };
  err.code = code;
  return err;
}

/** Throws unless `value` is a safe non-negative integer; `name` is the parameter's name. */
export function checkOffset(name: string, value: number, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw usageError('ERR_OUT_OF_RANGE', `${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

const descriptions: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  EINVAL: 'invalid argument',
  ENOMEM: 'not enough memory',
  ENOSPC: 'no space left on device',
  EBUSY: 'resource busy or locked',
  EFAULT: 'bad address (the mapped file was truncated or the range is not mapped)',
  ENODEV: 'the file cannot be memory-mapped',
  EBADF: 'bad file descriptor',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
};

function describe(code: string): string {
  return descriptions[code] ?? 'system call failed';
}
