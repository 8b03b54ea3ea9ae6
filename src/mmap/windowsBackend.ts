import koffi from 'koffi';
import { constants as osConstants } from 'os';
import * as nodePath from 'path';
import { Backend, MapRequest, MapState, OpenRequest } from './backend';
import { systemError, SystemError } from './errors';

/**
 * The kernel32 calls the Windows backend makes. HANDLEs and addresses travel as
 * `intptr_t` (plain numbers); Win32 BOOLs are `int`. JS Buffers are passed only as
 * sources or destinations of copies, never wrapped around mapped memory.
 */
interface Kernel32 {
  CreateFileW(path: string, access: number, share: number, security: number, disposition: number, flags: number, template: number): number;
  GetFileAttributesW(path: string): number;
  GetFileType(file: number): number;
  GetFileSizeEx(file: number, size: [number | bigint]): number;
  SetFilePointerEx(file: number, distance: number, newPosition: number, method: number): number;
  SetEndOfFile(file: number): number;
  FlushFileBuffers(file: number): number;
  CreateFileMappingW(file: number, security: number, protect: number, maxHigh: number, maxLow: number, name: number): number;
  MapViewOfFileEx(mapping: number, access: number, offsetHigh: number, offsetLow: number, bytes: number, base: number): number;
  FlushViewOfFile(address: number, bytes: number): number;
  UnmapViewOfFile(address: number): number;
  CloseHandle(handle: number): number;
  GetLastError(): number;
  GetCurrentProcess(): number;
  ReadProcessMemory(process: number, address: number, dst: Buffer, bytes: number, moved: [number]): number;
  WriteProcessMemory(process: number, address: number, src: Buffer, bytes: number, moved: [number]): number;
  GetSystemInfo(info: { dwAllocationGranularity?: number }): void;
}

const GENERIC_READ = 0x8000_0000;
const GENERIC_WRITE = 0x4000_0000;
const FILE_SHARE_ALL = 0x1 | 0x2 | 0x4; // read | write | delete, as Node's fs opens files
const CREATE_NEW = 1;
const CREATE_ALWAYS = 2;
const OPEN_EXISTING = 3;
const OPEN_ALWAYS = 4;
const TRUNCATE_EXISTING = 5;
const FILE_ATTRIBUTE_NORMAL = 0x80;
const FILE_ATTRIBUTE_DIRECTORY = 0x10;
const INVALID_FILE_ATTRIBUTES = 0xffff_ffff;
const FILE_TYPE_DISK = 1;
const FILE_BEGIN = 0;
const INVALID_HANDLE_VALUE = -1;
const PAGE_READONLY = 0x02;
const PAGE_READWRITE = 0x04;
const FILE_MAP_WRITE = 0x2;
const FILE_MAP_READ = 0x4;
const ERROR_ACCESS_DENIED = 5;
const ERROR_LOCK_VIOLATION = 33;

/** Win32 error codes to Node's codes, as libuv maps them; anything else is EIO. */
const errorCodes = new Map<number, string>([
  [2, 'ENOENT'], [3, 'ENOENT'], // file / path not found
  [5, 'EACCES'],
  [6, 'EBADF'], // invalid handle
  [8, 'ENOMEM'], [14, 'ENOMEM'],
  [32, 'EBUSY'], [33, 'EBUSY'], // sharing / lock violation
  [80, 'EEXIST'], [183, 'EEXIST'],
  [87, 'EINVAL'],
  [112, 'ENOSPC'],
  [299, 'EFAULT'], // partial copy: ReadProcessMemory met an unreadable page
  [487, 'EFAULT'], [998, 'EFAULT'], // invalid address / no access
  [1006, 'EINVAL'], // file invalid: mapping an empty file
  [1224, 'EBUSY'], // user-mapped file: another view stops a size change
]);

function win32Error(win32: number, syscall: string, path?: string, code = errorCodes.get(win32) ?? 'EIO'): SystemError {
  const errno = (osConstants.errno as Record<string, number | undefined>)[code] ?? 0;
  const err = systemError(code, errno, syscall, path);
  err.message += ` (Win32 error ${win32})`;
  return err;
}

function loadKernel32(): Kernel32 {
  const lib = koffi.load('kernel32.dll');
  const f = (proto: string) => lib.func(proto);
  const systemInfo = koffi.struct({
    wProcessorArchitecture: 'uint16_t', wReserved: 'uint16_t', dwPageSize: 'uint32_t',
    lpMinimumApplicationAddress: 'void *', lpMaximumApplicationAddress: 'void *',
    dwActiveProcessorMask: 'uintptr_t', dwNumberOfProcessors: 'uint32_t', dwProcessorType: 'uint32_t',
    dwAllocationGranularity: 'uint32_t', wProcessorLevel: 'uint16_t', wProcessorRevision: 'uint16_t',
  });
  return {
    CreateFileW: f('intptr_t __stdcall CreateFileW(const char16_t *path, uint32_t access, uint32_t share, intptr_t security, uint32_t disposition, uint32_t flags, intptr_t template)'),
    GetFileAttributesW: f('uint32_t __stdcall GetFileAttributesW(const char16_t *path)'),
    GetFileType: f('uint32_t __stdcall GetFileType(intptr_t file)'),
    GetFileSizeEx: f('int __stdcall GetFileSizeEx(intptr_t file, _Out_ int64_t *size)'),
    SetFilePointerEx: f('int __stdcall SetFilePointerEx(intptr_t file, int64_t distance, intptr_t newPosition, uint32_t method)'),
    SetEndOfFile: f('int __stdcall SetEndOfFile(intptr_t file)'),
    FlushFileBuffers: f('int __stdcall FlushFileBuffers(intptr_t file)'),
    CreateFileMappingW: f('intptr_t __stdcall CreateFileMappingW(intptr_t file, intptr_t security, uint32_t protect, uint32_t maxHigh, uint32_t maxLow, intptr_t name)'),
    MapViewOfFileEx: f('intptr_t __stdcall MapViewOfFileEx(intptr_t mapping, uint32_t access, uint32_t offsetHigh, uint32_t offsetLow, size_t bytes, intptr_t base)'),
    FlushViewOfFile: f('int __stdcall FlushViewOfFile(intptr_t address, size_t bytes)'),
    UnmapViewOfFile: f('int __stdcall UnmapViewOfFile(intptr_t address)'),
    CloseHandle: f('int __stdcall CloseHandle(intptr_t handle)'),
    // Koffi saves the thread's last-error value after every call and restores it before
    // the next, so this reads the error of the previous koffi call even if Node's own
    // code ran Win32 calls in between (koffi.errno() is only the C runtime's errno).
    GetLastError: f('uint32_t __stdcall GetLastError()'),
    GetCurrentProcess: f('intptr_t __stdcall GetCurrentProcess()'),
    ReadProcessMemory: f('int __stdcall ReadProcessMemory(intptr_t process, intptr_t address, _Out_ void *dst, size_t bytes, _Out_ size_t *moved)'),
    WriteProcessMemory: f('int __stdcall WriteProcessMemory(intptr_t process, intptr_t address, void *src, size_t bytes, _Out_ size_t *moved)'),
    GetSystemInfo: lib.func('__stdcall', 'GetSystemInfo', 'void', [koffi.out(koffi.pointer(systemInfo))]),
  };
}

/** The Windows backend: the port of Nim's memfiles Windows code over kernel32 through koffi. */
export function createBackend(): Backend {
  const k = loadKernel32();
  const self = k.GetCurrentProcess();
  const moved: [number] = [0];
  const info: { dwAllocationGranularity?: number } = {};
  k.GetSystemInfo(info);
  // Views must start at a multiple of the allocation granularity (64 KiB), not of the
  // 4 KiB page: that is the "page size" offsets are checked against.
  const pageSize = info.dwAllocationGranularity ?? 65536;

  const lastError = (syscall: string, path?: string) => win32Error(k.GetLastError(), syscall, path);

  function check(ok: number, syscall: string, path: string): void {
    if (ok === 0) throw lastError(syscall, path);
  }

  function viewAccess(writable: boolean, mapFlags: number): number {
    if (mapFlags !== -1) return mapFlags;
    return writable ? FILE_MAP_READ | FILE_MAP_WRITE : FILE_MAP_READ;
  }

  function getFileSize(file: number, path: string): number {
    const size: [number | bigint] = [0];
    check(k.GetFileSizeEx(file, size), 'GetFileSizeEx', path);
    return Number(size[0]);
  }

  function setFileSize(file: number, size: number, path: string): void {
    check(k.SetFilePointerEx(file, size, 0, FILE_BEGIN), 'SetFilePointerEx', path);
    check(k.SetEndOfFile(file), 'SetEndOfFile', path);
  }

  function createMapping(file: number, writable: boolean, path: string): number {
    // Maximum size 0: the mapping is exactly the file's current size.
    const mapping = k.CreateFileMappingW(file, 0, writable ? PAGE_READWRITE : PAGE_READONLY, 0, 0, 0);
    if (mapping === 0) throw lastError('CreateFileMappingW', path);
    return mapping;
  }

  function mapView(mapping: number, access: number, offset: number, size: number, path: string): number {
    const mem = k.MapViewOfFileEx(mapping, access, Math.floor(offset / 2 ** 32), offset % 2 ** 32, size, 0);
    if (mem === 0) throw lastError('MapViewOfFileEx', path);
    return mem;
  }

  /** Maps the whole file (`size` bytes) into `state`, leaving nothing behind on failure. */
  function mapWhole(state: MapState, size: number): void {
    const mapping = createMapping(state.fHandle, state.writable, state.path);
    try {
      state.mem = mapView(mapping, state.flags, 0, size, state.path);
    } catch (err) {
      k.CloseHandle(mapping);
      throw err;
    }
    state.mapHandle = mapping;
    state.size = size;
  }

  /** Unmaps the main view and closes the mapping; the file handle stays. */
  function unmapWhole(state: MapState): void {
    if (state.mem !== 0) {
      check(k.UnmapViewOfFile(state.mem), 'UnmapViewOfFile', state.path);
      state.mem = 0;
      state.size = 0;
    }
    if (state.mapHandle !== 0) {
      const mapping = state.mapHandle;
      state.mapHandle = 0;
      check(k.CloseHandle(mapping), 'CloseHandle', state.path);
    }
  }

  /** Releases everything `state` holds, carrying on past failures; returns the first. */
  function release(state: MapState): SystemError | undefined {
    let first: SystemError | undefined;
    const attempt = (ok: number, syscall: string) => {
      if (ok === 0) first ??= lastError(syscall, state.path);
    };
    if (state.mem !== 0) attempt(k.UnmapViewOfFile(state.mem), 'UnmapViewOfFile');
    if (state.mapHandle !== 0) attempt(k.CloseHandle(state.mapHandle), 'CloseHandle');
    if (state.fHandle !== 0) attempt(k.CloseHandle(state.fHandle), 'CloseHandle');
    state.mem = 0;
    state.size = 0;
    state.mapHandle = 0;
    state.fHandle = 0;
    return first;
  }

  function openFile(req: OpenRequest, winPath: string): number {
    // With a new size the old content goes, like O_TRUNC: the size is set after opening.
    const truncate = req.newFileSize >= 0;
    const disposition = {
      never: truncate ? TRUNCATE_EXISTING : OPEN_EXISTING,
      allowed: truncate ? CREATE_ALWAYS : OPEN_ALWAYS,
      exclusive: CREATE_NEW,
    }[req.create];
    const access = req.writable ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ;
    const file = k.CreateFileW(winPath, access, FILE_SHARE_ALL, 0, disposition, FILE_ATTRIBUTE_NORMAL, 0);
    if (file !== INVALID_HANDLE_VALUE) return file;
    const win32 = k.GetLastError();
    // Without FILE_FLAG_BACKUP_SEMANTICS a directory cannot be opened: "access denied".
    if (win32 === ERROR_ACCESS_DENIED) {
      const attributes = k.GetFileAttributesW(winPath);
      if (attributes !== INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) !== 0) {
        throw win32Error(win32, 'open', req.path, 'EISDIR');
      }
    }
    throw win32Error(win32, 'open', req.path);
  }

  function open(req: OpenRequest): MapState {
    // The namespaced form (\\?\C:\...) lifts the 260-character path limit, as in Node's fs.
    const file = openFile(req, nodePath.toNamespacedPath(nodePath.resolve(req.path)));
    const state: MapState = {
      path: req.path, mem: 0, size: 0, writable: req.writable, handle: -1,
      fHandle: file, mapHandle: 0, wasOpened: true, flags: viewAccess(req.writable, req.mapFlags),
    };
    try {
      if (k.GetFileType(file) !== FILE_TYPE_DISK) {
        throw systemError('ENODEV', osConstants.errno.ENODEV ?? 0, 'open', req.path, 'not a regular file, cannot be memory-mapped');
      }
      if (req.newFileSize >= 0) setFileSize(file, req.newFileSize, req.path);
      const fileSize = getFileSize(file, req.path);
      const size = resolveSize(req.mappedSize, req.offset, fileSize, req.path);
      // CreateFileMappingW refuses an empty file: an empty file has no mapping.
      if (fileSize > 0 && size > 0) {
        checkWithinFile(req.offset, size, fileSize, req.path);
        state.mapHandle = createMapping(file, req.writable, req.path);
        state.mem = mapView(state.mapHandle, state.flags, req.offset, size, req.path);
        state.size = size;
      }
      if (!req.keepHandle) {
        state.fHandle = 0;
        check(k.CloseHandle(file), 'CloseHandle', req.path);
      }
      return state;
    } catch (err) {
      release(state);
      throw err;
    }
  }

  function close(state: MapState): void {
    const err = release(state);
    if (err) throw err;
  }

  function flush(state: MapState): boolean {
    if (state.mem === 0) return true;
    if (k.FlushViewOfFile(state.mem, state.size) === 0) {
      const win32 = k.GetLastError();
      if (win32 === ERROR_LOCK_VIOLATION) return false;
      throw win32Error(win32, 'FlushViewOfFile', state.path);
    }
    // FlushViewOfFile only starts the writes; FlushFileBuffers waits for them to reach
    // the disk. It needs a writable handle, so it runs only when one was kept.
    if (state.fHandle !== 0 && state.writable) check(k.FlushFileBuffers(state.fHandle), 'FlushFileBuffers', state.path);
    return true;
  }

  function resize(state: MapState, newFileSize: number): void {
    const oldSize = state.size;
    // Windows refuses to change the size of a file that has a view (ERROR_USER_MAPPED_FILE),
    // so the mapping goes first. Unmapping loses nothing: dirty pages stay in the file cache.
    unmapWhole(state);
    try {
      setFileSize(state.fHandle, newFileSize, state.path);
      mapWhole(state, newFileSize);
    } catch (err) {
      // Best effort: after a shrink the old tail is already gone (it comes back as zeros).
      try {
        setFileSize(state.fHandle, oldSize, state.path);
        if (oldSize > 0) mapWhole(state, oldSize);
      } catch {
        // The first error is the one to report; the state stays unmapped (mem 0, size 0).
      }
      throw err;
    }
  }

  function mapMem(state: MapState, req: MapRequest): number {
    checkWithinFile(req.offset, req.mappedSize, getFileSize(state.fHandle, state.path), state.path);
    if (state.mapHandle === 0) state.mapHandle = createMapping(state.fHandle, state.writable, state.path);
    return mapView(state.mapHandle, viewAccess(req.writable, req.mapFlags), req.offset, req.mappedSize, state.path);
  }

  function unmapMem(state: MapState, address: number): void {
    check(k.UnmapViewOfFile(address), 'UnmapViewOfFile', state.path);
  }

  function fileSize(state: MapState): number {
    return getFileSize(state.fHandle, state.path);
  }

  // Read/WriteProcessMemory on our own process report a page that cannot be read or
  // written (a file on a vanished network share, a view already unmapped, a read-only
  // view) as an error instead of an access violation that would kill the process, like
  // process_vm_readv on Linux. On our own process any failure means exactly that: EFAULT.
  function transfer(call: Kernel32['ReadProcessMemory'], syscall: string, address: number, buf: Buffer, offset: number, length: number): void {
    if (length === 0) return;
    moved[0] = 0;
    if (call(self, address, buf.subarray(offset, offset + length), length, moved) === 0) {
      throw win32Error(k.GetLastError(), syscall, undefined, 'EFAULT');
    }
    if (moved[0] !== length) throw win32Error(299, syscall, undefined, 'EFAULT');
  }

  return {
    name: 'windows', pageSize, open, close, flush, resize, mapMem, unmapMem, fileSize,
    copyOut: (address, dst, dstOffset, length) => transfer(k.ReadProcessMemory, 'ReadProcessMemory', address, dst, dstOffset, length),
    copyIn: (address, src, srcOffset, length) => transfer(k.WriteProcessMemory, 'WriteProcessMemory', address, src, srcOffset, length),
  };
}

/** As in the POSIX backend: -1 maps to the end of the file, never past it. */
function resolveSize(mappedSize: number, offset: number, fileSize: number, path: string): number {
  if (mappedSize !== -1) return mappedSize;
  if (offset > fileSize) {
    throw systemError('EINVAL', osConstants.errno.EINVAL, 'MapViewOfFileEx', path, `offset ${offset} is past the end of the file (${fileSize} bytes)`);
  }
  return fileSize - offset;
}

/**
 * Unlike mmap, a view cannot reach past the end of the file (MapViewOfFileEx would
 * say "access denied"): refuse it with a clear EINVAL instead.
 */
function checkWithinFile(offset: number, size: number, fileSize: number, path: string): void {
  if (offset + size > fileSize) {
    throw systemError('EINVAL', osConstants.errno.EINVAL, 'MapViewOfFileEx', path,
      `${offset} + ${size} is past the end of the file (${fileSize} bytes); Windows cannot map beyond it`);
  }
}
