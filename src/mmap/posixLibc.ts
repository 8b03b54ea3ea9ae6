import koffi from 'koffi';
import * as util from 'util';
import { systemError, SystemError } from './errors';
import { PosixConstants } from './posixConstants';

/**
 * The libc calls the POSIX backends make through koffi. Mapped addresses travel
 * as `intptr_t` (plain numbers); JS Buffers are passed as `void *` only as
 * destinations or sources of copies, never wrapped around mapped memory.
 */
export interface PosixLibc {
  readonly c: PosixConstants;
  mmap(addr: number, len: number, prot: number, flags: number, fd: number, offset: number): number;
  munmap(addr: number, len: number): number;
  msync(addr: number, len: number, flags: number): number;
  sysconf(name: number): number;
  /** `mremap`, or undefined where libc has none. */
  mremap?: (addr: number, oldLen: number, newLen: number, flags: number) => number;
  pipe(fds: Int32Array): number;
  /** read()/write() with a mapped address as the user buffer. */
  readToAddress(fd: number, addr: number, len: number): number;
  writeFromAddress(fd: number, addr: number, len: number): number;
  readToBuffer(fd: number, buf: Buffer, len: number): number;
  writeFromBuffer(fd: number, buf: Buffer, len: number): number;
  /** The address of a JS Buffer's first byte (valid while the Buffer lives). */
  addressOf(buf: Buffer): number;
  lib: ReturnType<typeof koffi.load>;
}

/** MAP_FAILED, which is (void *)-1 and never NULL. */
export const MAP_FAILED = -1;

/** Loads libc for the given constants table; throws if the library cannot be loaded. */
export function loadPosixLibc(c: PosixConstants): PosixLibc {
  const lib = koffi.load(c.libc);
  const memmove = lib.func('intptr_t memmove(void *dst, void *src, size_t n)');
  let mremap: PosixLibc['mremap'];
  if (c.MREMAP_MAYMOVE !== 0) {
    const raw = lib.func('intptr_t mremap(intptr_t addr, size_t oldLen, size_t newLen, int flags)');
    mremap = (addr, oldLen, newLen, flags) => raw(addr, oldLen, newLen, flags);
  }
  return {
    c,
    lib,
    mmap: lib.func('intptr_t mmap(intptr_t addr, size_t len, int prot, int flags, int fd, int64_t offset)'),
    munmap: lib.func('int munmap(intptr_t addr, size_t len)'),
    msync: lib.func('int msync(intptr_t addr, size_t len, int flags)'),
    sysconf: lib.func('long sysconf(int name)'),
    mremap,
    pipe: lib.func('int pipe(_Out_ int *fds)'),
    readToAddress: lib.func('intptr_t read(int fd, intptr_t buf, size_t n)'),
    writeFromAddress: lib.func('intptr_t write(int fd, intptr_t buf, size_t n)'),
    readToBuffer: lib.func('intptr_t read(int fd, _Out_ void *buf, size_t n)'),
    writeFromBuffer: lib.func('intptr_t write(int fd, void *buf, size_t n)'),
    addressOf: (buf: Buffer) => memmove(buf, buf, 0),
  };
}

/** The error for the libc call that just failed, read from errno right away. */
export function lastError(syscall: string, path?: string): SystemError {
  const errno = koffi.errno();
  return systemError(errnoName(errno), errno, syscall, path);
}

/** The symbolic name (`EFAULT`) of a positive errno value on this platform. */
export function errnoName(errno: number): string {
  try {
    return util.getSystemErrorName(-errno);
  } catch {
    return `E${errno}`;
  }
}
