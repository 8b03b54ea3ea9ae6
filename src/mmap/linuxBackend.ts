import { constants as osConstants } from 'os';
import { Backend } from './backend';
import { systemError } from './errors';
import { createPosixBackend, pipeCopier, Remapper, SafeCopier } from './posixBackend';
import { posixConstants } from './posixConstants';
import { lastError, loadPosixLibc, MAP_FAILED, PosixLibc } from './posixLibc';

/**
 * Linux: the POSIX backend plus `mremap` for resize (no unmap/remap cycle) and
 * `process_vm_readv`/`process_vm_writev` on our own pid for copies, which report a
 * page lost to truncation as EFAULT at memcpy speed. Where those calls are
 * forbidden (some seccomp profiles), copies fall back to the pipe copier.
 */
export function createBackend(): Backend {
  const libc = loadPosixLibc(posixConstants('linux'));
  return createPosixBackend('linux', { libc, remap: mremapper, copier: processVmCopier(libc) ?? pipeCopier(libc) });
}

const mremapper: Remapper = (libc, state, newSize) => {
  const mem = libc.mremap!(state.mem, state.size, newSize, libc.c.MREMAP_MAYMOVE);
  if (mem === MAP_FAILED) throw lastError('mremap', state.path);
  return mem;
};

/** The kernel caps one read/write at a little under 2 GiB. */
const MAX_CALL = 1 << 30;

function processVmCopier(libc: PosixLibc): SafeCopier | undefined {
  const readv = libc.lib.func(
    'intptr_t process_vm_readv(int pid, void *local, unsigned long liovcnt, void *remote, unsigned long riovcnt, unsigned long flags)');
  const writev = libc.lib.func(
    'intptr_t process_vm_writev(int pid, void *local, unsigned long liovcnt, void *remote, unsigned long riovcnt, unsigned long flags)');
  const local = Buffer.alloc(16);
  const remote = Buffer.alloc(16);
  const pid = process.pid;

  function transfer(call: typeof readv, syscall: string, address: number, buf: Buffer, offset: number, length: number): void {
    if (length === 0) return;
    const base = libc.addressOf(buf) + offset;
    for (let done = 0; done < length; ) {
      const n = Math.min(MAX_CALL, length - done);
      setIovec(local, base + done, n);
      setIovec(remote, address + done, n);
      const moved = call(pid, local, 1, remote, 1, 0);
      if (moved < 0) throw lastError(syscall);
      if (moved < n) throw systemError('EFAULT', osConstants.errno.EFAULT, syscall);
      done += n;
    }
  }

  const copier: SafeCopier = {
    copyOut: (address, dst, dstOffset, length) => transfer(readv, 'process_vm_readv', address, dst, dstOffset, length),
    copyIn: (address, src, srcOffset, length) => transfer(writev, 'process_vm_writev', address, src, srcOffset, length),
  };
  const probe = Buffer.alloc(8);
  try {
    copier.copyOut(libc.addressOf(probe), Buffer.alloc(8), 0, 8);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOSYS' || code === 'EPERM') return undefined;
    throw err;
  }
  return copier;
}

function setIovec(iov: Buffer, address: number, length: number): void {
  writeU64(iov, 0, address);
  writeU64(iov, 8, length);
}

function writeU64(buf: Buffer, at: number, value: number): void {
  buf.writeUInt32LE(value % 0x1_0000_0000, at);
  buf.writeUInt32LE(Math.floor(value / 0x1_0000_0000), at + 4);
}
