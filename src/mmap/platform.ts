import { Backend } from './backend';

/**
 * The backend for this process, chosen once at load. `HUGEFILE_MMAP_BACKEND=posix`
 * forces the generic POSIX backend on Linux so its unmap-and-remap resize and
 * pipe-based copies run in the test suite too.
 */
export const backend: Backend = choose();

function choose(): Backend {
  if (process.platform === 'win32') return (require('./windowsBackend') as typeof import('./windowsBackend')).createBackend();
  if (process.platform === 'linux' && process.env.HUGEFILE_MMAP_BACKEND !== 'posix') {
    return (require('./linuxBackend') as typeof import('./linuxBackend')).createBackend();
  }
  return (require('./posixBackend') as typeof import('./posixBackend')).createBackend();
}
