/**
 * The shape every platform backend has (Linux, other POSIX, Windows). One of them
 * is chosen once when the module loads; `MemFile` validates arguments and keeps
 * state, the backend only talks to the OS. Addresses are plain JS numbers: user
 * space addresses fit well inside 2^53 on every supported platform.
 */

/** What the caller asked of `open`, after validation and defaults. */
export interface OpenRequest {
  path: string;
  writable: boolean;
  /** 'never': the file must exist; 'allowed': created if missing; 'exclusive': must not exist. */
  create: 'never' | 'allowed' | 'exclusive';
  /** When >= 0 the file is truncated to this size (after being created, if it was); -1 keeps it. */
  newFileSize: number;
  mappedSize: number;
  offset: number;
  keepHandle: boolean;
  /** Backend-specific mapping flags, or -1 for the default (MAP_SHARED / full view). */
  mapFlags: number;
}

/** The OS state of one open MemFile; backends fill and update it. */
export interface MapState {
  path: string;
  mem: number;
  size: number;
  writable: boolean;
  /** POSIX file descriptor, -1 when not kept. */
  handle: number;
  /** Windows file handle, 0 when not kept or not on Windows. */
  fHandle: number;
  /** Windows file mapping handle, 0 when none. */
  mapHandle: number;
  wasOpened: boolean;
  /** Flags the main mapping was made with (POSIX mmap flags, Windows view access). */
  flags: number;
}

export interface MapRequest {
  writable: boolean;
  mappedSize: number;
  offset: number;
  mapFlags: number;
}

export interface Backend {
  readonly name: 'linux' | 'posix' | 'windows';
  readonly pageSize: number;
  /** Opens (or creates) and maps; on failure releases everything it made, then throws. */
  open(req: OpenRequest): MapState;
  /** Unmaps and releases every handle; throws the first OS error after releasing the rest. */
  close(state: MapState): void;
  /** One attempt to write dirty pages back; returns false when the OS says "busy, retry". */
  flush(state: MapState): boolean;
  /** Changes the file's size and remaps the whole file; updates `mem` and `size`. */
  resize(state: MapState, newFileSize: number): void;
  /** Maps another view of the file; `mappedSize` is already resolved to bytes. */
  mapMem(state: MapState, req: MapRequest): number;
  unmapMem(state: MapState, address: number, size: number): void;
  /** The file's current size on disk (it may differ from the mapped size). */
  fileSize(state: MapState): number;
  /**
   * Copies `length` mapped bytes at `address` into `dst[dstOffset..]`. Survives pages
   * that vanished (file truncated by another process): throws EFAULT instead of SIGBUS.
   */
  copyOut(address: number, dst: Buffer, dstOffset: number, length: number): void;
  /** Copies `src[srcOffset..srcOffset+length]` into mapped memory at `address`; same safety. */
  copyIn(address: number, src: Buffer, srcOffset: number, length: number): void;
}
