import koffi from 'koffi';
import { constants as osConstants } from 'os';
import { systemError } from '../../mmap/errors';
import type { ThreadPriority } from './priorityBackend';

const THREAD_PRIORITY_BELOW_NORMAL = -1;
/** GetThreadPriority's failure value. */
const THREAD_PRIORITY_ERROR_RETURN = 0x7fffffff;

/**
 * Windows schedules by strict priority: a below-normal thread runs only when no
 * normal one is ready, which is what a background scan wants.
 */
export function createPriority(): ThreadPriority {
  const lib = koffi.load('kernel32.dll');
  const GetCurrentThread = lib.func('intptr_t __stdcall GetCurrentThread()');
  const SetThreadPriority = lib.func('int __stdcall SetThreadPriority(intptr_t thread, int priority)');
  const GetThreadPriority = lib.func('int __stdcall GetThreadPriority(intptr_t thread)');
  const GetLastError = lib.func('uint32_t __stdcall GetLastError()');
  const fail = (syscall: string) => {
    const err = systemError('EPERM', osConstants.errno.EPERM ?? 0, syscall);
    err.message += ` (Win32 error ${GetLastError()})`;
    return err;
  };
  return {
    name: 'windows',
    lowerCurrentThread() {
      if (SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL) === 0) throw fail('SetThreadPriority');
    },
    currentThread() {
      const priority = GetThreadPriority(GetCurrentThread());
      if (priority === THREAD_PRIORITY_ERROR_RETURN) throw fail('GetThreadPriority');
      return priority;
    },
  };
}
