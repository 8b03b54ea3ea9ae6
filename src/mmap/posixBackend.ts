import * as fs from 'fs';
import { constants as osConstants } from 'os';
import { Backend, MapRequest, MapState, OpenRequest } from './backend';
import { systemError } from './errors';
import { posixConstants } from './posixConstants';
import { lastError, loadPosixLibc, MAP_FAILED, PosixLibc } from './posixLibc';

/** Copies between mapped memory and JS Buffers without dying of SIGBUS. */
export interface SafeCopier {
  copyOut(address: number, dst: Buffer, dstOffset: number, length: number): void;
  copyIn(address: number, src: Buffer, srcOffset: number, length: number): void;
}

/** How the whole-file mapping follows a size change. */
export type Remapper = (libc: PosixLibc, state: MapState, newSize: number) => number;

export interface PosixOptions {
  libc?: PosixLibc;
  remap?: Remapper;
  copier?: SafeCopier;
}

/** The generic POSIX backend (macOS, FreeBSD; forced on Linux by HUGEFILE_MMAP_BACKEND=posix). */
export function createBackend(): Backend {
  return createPosixBackend('posix', {});
}

/**
 * Builds a POSIX backend. Files are opened with Node's own `fs` (its errors are
 * already what callers expect, and its descriptors are real OS descriptors); only
 * the mapping calls go through libc.
 */
export function createPosixBackend(name: Backend['name'], options: PosixOptions): Backend {
  const libc = options.libc ?? loadPosixLibc(posixConstants(process.platform));
  const { c } = libc;
  const remap = options.remap ?? unmapAndMap;
  const copier = options.copier ?? pipeCopier(libc);
  const pageSize = libc.sysconf(c._SC_PAGESIZE);

  function prot(writable: boolean): number {
    return writable ? c.PROT_READ | c.PROT_WRITE : c.PROT_READ;
  }

  function sharedFlags(mapFlags: number): number {
    if (mapFlags === -1) return c.MAP_SHARED;
    return (mapFlags & (c.MAP_SHARED | c.MAP_PRIVATE)) === 0 ? mapFlags | c.MAP_SHARED : mapFlags;
  }

  function mapOrThrow(len: number, writable: boolean, flags: number, fd: number, offset: number, path: string): number {
    const mem = libc.mmap(0, len, prot(writable), flags, fd, offset);
    if (mem === MAP_FAILED) throw lastError('mmap', path);
    return mem;
  }

  function open(req: OpenRequest): MapState {
    const fsc = fs.constants;
    let flags = (req.writable ? fsc.O_RDWR : fsc.O_RDONLY) | fsc.O_NONBLOCK;
    if (req.create !== 'never') flags |= fsc.O_CREAT;
    if (req.create === 'exclusive') flags |= fsc.O_EXCL;
    if (req.newFileSize >= 0) flags |= fsc.O_TRUNC;
    const fd = fs.openSync(req.path, flags, 0o666);
    const state: MapState = {
      path: req.path, mem: 0, size: 0, writable: req.writable, handle: fd,
      fHandle: 0, mapHandle: 0, wasOpened: false, flags: sharedFlags(req.mapFlags),
    };
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) throw systemError('EISDIR', osConstants.errno.EISDIR, 'mmap', req.path);
      if (!stat.isFile()) {
        throw systemError('ENODEV', osConstants.errno.ENODEV, 'mmap', req.path, 'not a regular file, cannot be memory-mapped');
      }
      if (req.newFileSize >= 0) fs.ftruncateSync(fd, req.newFileSize);
      const fileSize = req.newFileSize >= 0 ? req.newFileSize : stat.size;
      state.size = resolveSize(req.mappedSize, req.offset, fileSize, req.path);
      if (state.size > 0) state.mem = mapOrThrow(state.size, req.writable, state.flags, fd, req.offset, req.path);
      if (!req.keepHandle) {
        state.handle = -1;
        fs.closeSync(fd);
      }
      return state;
    } catch (err) {
      if (state.mem !== 0) libc.munmap(state.mem, state.size);
      if (state.handle !== -1) fs.closeSync(fd);
      throw err;
    }
  }

  function close(state: MapState): void {
    let first: Error | undefined;
    if (state.mem !== 0 && libc.munmap(state.mem, state.size) !== 0) first = lastError('munmap', state.path);
    if (state.handle !== -1) {
      try {
        fs.closeSync(state.handle);
      } catch (err) {
        first ??= err as Error;
      }
    }
    state.mem = 0;
    state.size = 0;
    state.handle = -1;
    if (first) throw first;
  }

  function flush(state: MapState): boolean {
    if (state.mem === 0) return true;
    if (libc.msync(state.mem, state.size, c.MS_SYNC | c.MS_INVALIDATE) === 0) return true;
    const err = lastError('msync', state.path);
    if (err.code === 'EBUSY') return false;
    throw err;
  }

  function truncate(state: MapState, size: number): void {
    try {
      fs.ftruncateSync(state.handle, size);
    } catch (err) {
      (err as { path?: string }).path = state.path;
      throw err;
    }
  }

  function resize(state: MapState, newSize: number): void {
    const oldSize = state.size;
    const remapTo = (size: number) => {
      if (state.mem === 0) return mapOrThrow(size, state.writable, state.flags, state.handle, 0, state.path);
      return remap(libc, state, size);
    };
    if (newSize >= oldSize) {
      truncate(state, newSize);
      try {
        state.mem = remapTo(newSize);
      } catch (err) {
        truncate(state, oldSize);
        throw err;
      }
    } else {
      state.mem = remapTo(newSize);
      state.size = newSize;
      try {
        truncate(state, newSize);
      } catch (err) {
        state.mem = remapTo(oldSize);
        state.size = oldSize;
        throw err;
      }
    }
    state.size = newSize;
  }

  function mapMem(state: MapState, req: MapRequest): number {
    return mapOrThrow(req.mappedSize, req.writable, sharedFlags(req.mapFlags), state.handle, req.offset, state.path);
  }

  function unmapMem(state: MapState, address: number, size: number): void {
    if (libc.munmap(address, size) !== 0) throw lastError('munmap', state.path);
  }

  function fileSize(state: MapState): number {
    return fs.fstatSync(state.handle).size;
  }

  return {
    name, pageSize, open, close, flush, resize, mapMem, unmapMem, fileSize,
    copyOut: copier.copyOut, copyIn: copier.copyIn,
  };
}

/**
 * `size` bytes from `offset`, or the rest of the file for -1. Unlike Nim (which maps
 * the whole file size even past `offset`), never maps past the end of the file:
 * those pages would fault on first touch.
 */
function resolveSize(mappedSize: number, offset: number, fileSize: number, path: string): number {
  if (mappedSize !== -1) return mappedSize;
  if (offset > fileSize) {
    throw systemError('EINVAL', osConstants.errno.EINVAL, 'mmap', path, `offset ${offset} is past the end of the file (${fileSize} bytes)`);
  }
  return fileSize - offset;
}

/** The portable resize: unmap, then map the new size; restores the old mapping if that fails. */
const unmapAndMap: Remapper = (libc, state, newSize) => {
  const { c } = libc;
  const prot = state.writable ? c.PROT_READ | c.PROT_WRITE : c.PROT_READ;
  if (libc.munmap(state.mem, state.size) !== 0) throw lastError('munmap', state.path);
  const mem = libc.mmap(0, newSize, prot, state.flags, state.handle, 0);
  if (mem !== MAP_FAILED) return mem;
  const err = lastError('mmap', state.path);
  const restored = libc.mmap(0, state.size, prot, state.flags, state.handle, 0);
  if (restored === MAP_FAILED) {
    state.mem = 0;
    state.size = 0;
  } else {
    state.mem = restored;
  }
  throw err;
};

const PIPE_CHUNK = 16 * 1024;

/**
 * Copies through a pipe: the kernel reads or writes the mapped pages itself and
 * reports a vanished page as EFAULT, where a user-space memcpy would raise SIGBUS.
 * 16 KiB per round trip stays under every system's minimum pipe buffer, so the
 * pipe never blocks.
 */
export function pipeCopier(libc: PosixLibc): SafeCopier {
  let fds: Int32Array | undefined;
  const scratch = Buffer.alloc(PIPE_CHUNK);
  const pipe = () => {
    if (!fds) {
      const made = new Int32Array(2);
      if (libc.pipe(made) !== 0) throw lastError('pipe');
      fds = made;
    }
    return fds;
  };
  const fault = (syscall: string) => systemError('EFAULT', osConstants.errno.EFAULT, syscall);
  return {
    copyOut(address, dst, dstOffset, length) {
      const [r, w] = pipe();
      for (let done = 0; done < length; ) {
        const n = Math.min(PIPE_CHUNK, length - done);
        const wrote = libc.writeFromAddress(w, address + done, n);
        if (wrote < 0) throw lastError('write');
        const got = libc.readToBuffer(r, dst.subarray(dstOffset + done), wrote);
        if (got !== wrote) throw lastError('read');
        done += wrote;
        if (wrote < n) throw fault('read');
      }
    },
    copyIn(address, src, srcOffset, length) {
      const [r, w] = pipe();
      for (let done = 0; done < length; ) {
        const n = Math.min(PIPE_CHUNK, length - done);
        if (libc.writeFromBuffer(w, src.subarray(srcOffset + done), n) !== n) throw lastError('write');
        const got = libc.readToAddress(r, address + done, n);
        if (got !== n) {
          const left = got < 0 ? n : n - got;
          libc.readToBuffer(r, scratch, left);
          throw fault('write');
        }
        done += n;
      }
    },
  };
}
