/**
 * Background priority for the threads that scan whole files (line index, find and filter
 * counts): on a machine with few cores they would otherwise take the CPU from the editor
 * itself (the extension host, VS Code's window) exactly when a file has just been opened.
 * The OS still gives them every idle cycle, so an idle machine scans as fast as before.
 */
import type { ThreadPriority } from './priorityBackend';

/** The implementation for this platform, chosen once at load. */
export const threadPriority: ThreadPriority = choose();

function choose(): ThreadPriority {
  if (process.platform === 'linux') return (require('./linuxPriority') as typeof import('./linuxPriority')).createPriority();
  if (process.platform === 'win32') return (require('./windowsPriority') as typeof import('./windowsPriority')).createPriority();
  // macOS and the BSDs need other calls (QoS classes, rtprio_thread); not built yet.
  return { name: 'none', lowerCurrentThread: () => undefined, currentThread: () => 0 };
}

/** The worker argument by which spawnWorker asks a worker for background priority. */
export const BACKGROUND_ARG = '--hugefile-background';

/**
 * For a worker thread at its start: lowers its priority when its spawner asked for it
 * (spawnWorker's `background`). If the OS refuses, goes on at normal priority (an
 * index that makes the editor slower beats no index at all).
 */
export function runInBackgroundIfAsked(): void {
  if (!process.argv.includes(BACKGROUND_ARG)) return;
  try {
    threadPriority.lowerCurrentThread();
  } catch {
    // Deliberately ignored: see above; the scan's own errors are reported as usual.
  }
}
