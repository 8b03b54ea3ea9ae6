import { Backend, MapState, OpenRequest } from './backend';
import { checkOffset, systemError, usageError } from './errors';
import { backend as platformBackend } from './platform';
import { addRegion, checkRegion, removeRegion } from './regions';
import { constants as osConstants } from 'os';

/** Nim's FileMode. `'append'` exists only to be refused, as in the reference. */
export type FileMode = 'read' | 'write' | 'readWrite' | 'readWriteExisting' | 'append';

export interface OpenOptions {
  mode?: FileMode;
  /** Bytes to map from `offset`; -1 maps to the end of the file. */
  mappedSize?: number;
  /** Where the mapping starts in the file; a multiple of the page size. */
  offset?: number;
  /** When >= 0, create (or truncate) the file to this size; not with `'read'`. */
  newFileSize?: number;
  /** Keep the file handle open so `resize` and `mapMem` work. */
  allowRemap?: boolean;
  /** Platform mapping flags (POSIX `mmap` flags); -1 for MAP_SHARED. */
  mapFlags?: number;
}

export interface MapMemOptions {
  mode?: FileMode;
  mappedSize?: number;
  offset?: number;
  mapFlags?: number;
}

const modes: readonly FileMode[] = ['read', 'write', 'readWrite', 'readWriteExisting', 'append'];

function checkMode(mode: unknown): Exclude<FileMode, 'append'> {
  if (mode === 'append') {
    throw usageError('ERR_INVALID_ARG_VALUE', "mode 'append' is not supported by memory-mapped files");
  }
  if (!modes.includes(mode as FileMode)) {
    throw usageError('ERR_INVALID_ARG_VALUE', `mode must be one of ${modes.join(', ')}; got ${String(mode)}`);
  }
  return mode as Exclude<FileMode, 'append'>;
}

function checkMapArgs(b: Backend, mappedSize: number, offset: number): void {
  if (mappedSize !== -1) checkOffset('mappedSize', mappedSize, 1);
  checkOffset('offset', offset);
  if (offset % b.pageSize !== 0) {
    throw usageError('ERR_INVALID_ARG_VALUE', `offset must be a multiple of the page size (${b.pageSize}); got ${offset}`);
  }
}

function closedError(): Error {
  return usageError('ERR_MEMFILE_CLOSED', 'the MemFile is closed');
}

/**
 * A memory-mapped file: the port of Nim's `MemFile`. `mem` is the mapping's
 * address as a number; bytes are reached through `read`/`write` (copies made by
 * the kernel, safe when another process truncates the file) because JavaScript
 * cannot dereference an address. Every method throws once the file is closed,
 * except `close` itself.
 */
export class MemFile {
  private readonly mapped = new Set<number>();
  private closed = false;

  /** Use `open`. */
  constructor(
    private readonly state: MapState,
    private readonly allowRemap: boolean,
    private readonly wholeFile: boolean,
    private readonly backend: Backend,
  ) {
    addRegion(state.mem, state.size);
  }

  /** Address of the mapping; 0 when closed or when the file is empty. */
  get mem(): number { return this.state.mem; }
  /** Mapped bytes; 0 when closed. */
  get size(): number { return this.state.size; }
  /** POSIX descriptor kept for `resize`/`mapMem`; -1 when not kept, closed, or on Windows. */
  get handle(): number { return this.state.handle; }
  /** Windows file handle; 0 elsewhere or when not kept. */
  get fHandle(): number { return this.state.fHandle; }
  /** Windows file-mapping handle; 0 elsewhere. */
  get mapHandle(): number { return this.state.mapHandle; }
  /** Windows: whether `fHandle` was opened by `open` (and so is closed by `close`). */
  get wasOpened(): boolean { return this.state.wasOpened; }
  /** True once `close` ran. */
  get isClosed(): boolean { return this.closed; }
  /** Whether the mapping was opened for writing. */
  get writable(): boolean { return this.state.writable; }
  /** The path given to `open`. */
  get path(): string { return this.state.path; }

  /**
   * Unmaps and closes the handles. Closing twice is a no-op. Regions from `mapMem`
   * stay mapped until `unmapMem`. Throws the OS error if unmapping failed.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    removeRegion(this.state.mem);
    this.backend.close(this.state);
  }

  /**
   * Writes dirty pages to disk and waits (msync MS_SYNC|MS_INVALIDATE, or
   * FlushViewOfFile + FlushFileBuffers). Retries `attempts` times while the OS
   * reports the pages busy, then throws EBUSY.
   */
  flush(attempts = 3): void {
    this.checkOpen();
    checkOffset('attempts', attempts, 1);
    for (let i = 0; i < attempts; i++) {
      if (this.backend.flush(this.state)) return;
    }
    throw systemError('EBUSY', osConstants.errno.EBUSY, 'msync', this.state.path, `still busy after ${attempts} attempts`);
  }

  /**
   * Sets the file's size to `newFileSize` and remaps it (mremap on Linux; unmap and
   * map elsewhere). `mem` may change: addresses derived from the old one are invalid
   * afterwards. Needs `allowRemap` and a mapping of the whole file. On failure the
   * old size and mapping are restored before the error is thrown.
   */
  resize(newFileSize: number): void {
    this.checkOpen();
    if (!this.allowRemap) {
      throw usageError('ERR_INVALID_STATE', 'resize needs a MemFile opened with allowRemap: true');
    }
    if (!this.wholeFile) {
      throw usageError('ERR_INVALID_STATE', 'resize needs the whole file mapped (offset 0, mappedSize -1)');
    }
    if (!this.state.writable) {
      throw usageError('ERR_INVALID_STATE', "resize needs a writable MemFile (mode 'readWrite')");
    }
    checkOffset('newFileSize', newFileSize, 1);
    removeRegion(this.state.mem);
    try {
      this.backend.resize(this.state, newFileSize);
    } finally {
      addRegion(this.state.mem, this.state.size);
    }
  }

  /**
   * Maps another view of the file and returns its address; release it with
   * `unmapMem(address, size)` using the same size. `mappedSize: -1` maps to the end
   * of the file. Needs `allowRemap` (the handle must still be open).
   */
  mapMem(options: MapMemOptions = {}): number {
    this.checkOpen();
    const mode = checkMode(options.mode ?? 'read');
    const offset = options.offset ?? 0;
    let mappedSize = options.mappedSize ?? -1;
    checkMapArgs(this.backend, mappedSize, offset);
    if (!this.allowRemap) {
      throw usageError('ERR_INVALID_STATE', 'mapMem needs a MemFile opened with allowRemap: true');
    }
    const writable = mode !== 'read';
    if (writable && !this.state.writable) {
      throw usageError('ERR_INVALID_STATE', `mapMem mode '${mode}' needs a MemFile opened for writing`);
    }
    if (mappedSize === -1) {
      mappedSize = this.backend.fileSize(this.state) - offset;
      if (mappedSize < 1) throw usageError('ERR_OUT_OF_RANGE', `offset ${offset} leaves nothing to map`);
    }
    const address = this.backend.mapMem(this.state, { writable, mappedSize, offset, mapFlags: options.mapFlags ?? -1 });
    this.mapped.add(address);
    addRegion(address, mappedSize);
    return address;
  }

  /** Unmaps a region returned by `mapMem`; `size` must be the size it was mapped with. */
  unmapMem(address: number, size: number): void {
    this.checkOpenOrMapped(address);
    checkOffset('size', size, 1);
    this.backend.unmapMem(this.state, address, size);
    this.mapped.delete(address);
    removeRegion(address);
  }

  /** A copy of `length` bytes at `offset` in the mapping. Throws EFAULT if the file shrank under them. */
  read(offset: number, length: number): Buffer {
    const out = Buffer.allocUnsafe(this.checkRange(offset, length));
    this.copyOut(offset, out, 0, length);
    return out;
  }

  /** Like `read`, into `dst[dstOffset..]`, with no allocation (for scanners reusing one chunk). */
  readInto(offset: number, dst: Buffer, dstOffset: number, length: number): void {
    this.checkRange(offset, length);
    if (dstOffset < 0 || dstOffset + length > dst.length) {
      throw usageError('ERR_OUT_OF_RANGE', `destination too small: ${dst.length} < ${dstOffset} + ${length}`);
    }
    this.copyOut(offset, dst, dstOffset, length);
  }

  /** Writes `bytes` into the mapping at `offset` (reaches disk on `flush` or `close`). */
  write(offset: number, bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.checkRange(offset, data.length);
    if (!this.state.writable) throw usageError('ERR_INVALID_STATE', 'the MemFile was opened read-only');
    this.withPath(() => this.backend.copyIn(this.state.mem + offset, data, 0, data.length));
  }

  private copyOut(offset: number, dst: Buffer, dstOffset: number, length: number): void {
    this.withPath(() => this.backend.copyOut(this.state.mem + offset, dst, dstOffset, length));
  }

  /** Names this file in copy errors (the copier only sees addresses). */
  private withPath(copy: () => void): void {
    try {
      copy();
    } catch (err) {
      const e = err as { path?: string; message: string };
      if (e.path === undefined) {
        e.path = this.state.path;
        e.message += ` '${this.state.path}'`;
      }
      throw err;
    }
  }

  private checkOpen(): void {
    if (this.closed) throw closedError();
  }

  private checkOpenOrMapped(address: number): void {
    if (this.closed && !this.mapped.has(address)) throw closedError();
  }

  private checkRange(offset: number, length: number): number {
    this.checkOpen();
    checkOffset('offset', offset);
    checkOffset('length', length);
    if (offset + length > this.state.size) {
      throw usageError('ERR_OUT_OF_RANGE', `range ${offset} + ${length} is past the end of the mapping (${this.state.size} bytes)`);
    }
    return length;
  }
}

/**
 * Opens `filename` and maps it (the port of Nim's `memfiles.open`). Throws Node-style
 * errors (`ENOENT`, `EACCES`, `EISDIR`, ...) for OS failures and `ERR_*` errors for
 * misuse; a failed open leaves no descriptor or mapping behind. An empty file opens
 * with `mem` 0 and `size` 0.
 */
export function open(filename: string, options: OpenOptions = {}): MemFile {
  const mode = checkMode(options.mode ?? 'read');
  const mappedSize = options.mappedSize ?? -1;
  const offset = options.offset ?? 0;
  const newFileSize = options.newFileSize ?? -1;
  const allowRemap = options.allowRemap ?? false;
  if (typeof filename !== 'string' || filename.length === 0) {
    throw usageError('ERR_INVALID_ARG_TYPE', 'filename must be a non-empty string');
  }
  checkMapArgs(platformBackend, mappedSize, offset);
  if (newFileSize !== -1) {
    checkOffset('newFileSize', newFileSize);
    if (mode === 'read') throw usageError('ERR_INVALID_ARG_VALUE', "newFileSize cannot be used with mode 'read'");
  }
  const createFor: Record<typeof mode, OpenRequest['create']> = {
    read: 'never',
    write: newFileSize === -1 ? 'never' : 'exclusive',
    readWrite: newFileSize === -1 ? 'never' : 'allowed',
    readWriteExisting: 'never',
  };
  const state = platformBackend.open({
    path: filename, writable: mode !== 'read', create: createFor[mode], newFileSize,
    mappedSize, offset, keepHandle: allowRemap, mapFlags: options.mapFlags ?? -1,
  });
  return new MemFile(state, allowRemap, offset === 0 && mappedSize === -1, platformBackend);
}

/** A copy of `length` bytes at `address` inside a live mapping (from `mapMem` or `mem`). */
export function readBytes(address: number, length: number): Buffer {
  checkRegion(address, length);
  const out = Buffer.allocUnsafe(length);
  platformBackend.copyOut(address, out, 0, length);
  return out;
}

/** Writes `bytes` at `address` inside a live writable mapping. */
export function writeBytes(address: number, bytes: Uint8Array): void {
  checkRegion(address, bytes.byteLength);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  platformBackend.copyIn(address, data, 0, data.length);
}

/** The OS page size: `offset` arguments must be multiples of it. */
export const pageSize: number = platformBackend.pageSize;
