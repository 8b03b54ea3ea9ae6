import koffi from 'koffi';
import { lastError } from '../../mmap/posixLibc';
import type { ThreadPriority } from './priorityBackend';

const PRIO_PROCESS = 0;
/** Like `nice`'s default: the scan still gets about a tenth of a core the editor wants. */
const BACKGROUND_NICE = 10;

/**
 * Linux gives every thread its own nice value: setpriority(PRIO_PROCESS, gettid())
 * changes the calling thread only (POSIX would mean the whole process; Linux does not).
 */
export function createPriority(): ThreadPriority {
  const lib = koffi.load('libc.so.6');
  const gettid = lib.func('int gettid()');
  const setpriority = lib.func('int setpriority(int which, uint32_t who, int prio)');
  const getpriority = lib.func('int getpriority(int which, uint32_t who)');
  return {
    name: 'linux',
    lowerCurrentThread() {
      if (setpriority(PRIO_PROCESS, gettid(), BACKGROUND_NICE) !== 0) throw lastError('setpriority');
    },
    currentThread() {
      // -1 is also a valid nice value: only errno tells an error apart.
      koffi.errno(0);
      const nice = getpriority(PRIO_PROCESS, gettid());
      if (nice === -1 && koffi.errno() !== 0) throw lastError('getpriority');
      return nice;
    },
  };
}
