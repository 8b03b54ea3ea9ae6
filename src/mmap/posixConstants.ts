/**
 * The values the POSIX backend needs that differ between systems. File open flags
 * and errno names come from Node itself (`fs.constants`, `util.getSystemErrorName`),
 * so only what Node does not expose lives here. macOS and FreeBSD cannot run on
 * the build machine: their values come from their system headers (sys/mman.h,
 * unistd.h) and are untested here, which the README says.
 */
export interface PosixConstants {
  /** What `koffi.load` opens to reach libc. */
  libc: string;
  PROT_READ: number;
  PROT_WRITE: number;
  MAP_SHARED: number;
  MAP_PRIVATE: number;
  MS_SYNC: number;
  MS_INVALIDATE: number;
  _SC_PAGESIZE: number;
  /** Linux only; 0 where there is no mremap. */
  MREMAP_MAYMOVE: number;
}

const table: Record<string, PosixConstants> = {
  linux: {
    libc: 'libc.so.6',
    PROT_READ: 1, PROT_WRITE: 2, MAP_SHARED: 1, MAP_PRIVATE: 2,
    MS_SYNC: 4, MS_INVALIDATE: 2, _SC_PAGESIZE: 30, MREMAP_MAYMOVE: 1,
  },
  darwin: {
    libc: '/usr/lib/libSystem.B.dylib',
    PROT_READ: 1, PROT_WRITE: 2, MAP_SHARED: 1, MAP_PRIVATE: 2,
    MS_SYNC: 0x10, MS_INVALIDATE: 2, _SC_PAGESIZE: 29, MREMAP_MAYMOVE: 0,
  },
  freebsd: {
    libc: 'libc.so.7',
    PROT_READ: 1, PROT_WRITE: 2, MAP_SHARED: 1, MAP_PRIVATE: 2,
    MS_SYNC: 0, MS_INVALIDATE: 2, _SC_PAGESIZE: 47, MREMAP_MAYMOVE: 0,
  },
};

/** The constants for `platform`; throws for a system this module does not know. */
export function posixConstants(platform: string): PosixConstants {
  const found = table[platform];
  if (!found) {
    const err = new Error(`hugefile mmap: no POSIX constants for platform '${platform}'`) as Error & { code: string };
    err.code = 'ERR_PLATFORM';
    throw err;
  }
  return found;
}
