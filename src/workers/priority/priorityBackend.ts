/**
 * The shape each platform's thread priority calls have (Linux, Windows). In a file of
 * its own, like the mmap backends' shape, so that the implementations and threadPriority.ts,
 * which loads one of them, all import it from below instead of from each other.
 */

/** One platform's calls to read and lower the calling thread's scheduling priority. */
export interface ThreadPriority {
  /** Which implementation this is: 'none' where the platform's per-thread call is not built. */
  readonly name: 'linux' | 'windows' | 'none';
  /**
   * Lowers the calling thread's priority (Linux: nice 10; Windows: below normal).
   * Throws an Error with `code`, `errno` and `syscall` when the OS refuses.
   */
  lowerCurrentThread(): void;
  /** The calling thread's priority as the OS reports it (Linux: nice value; Windows: THREAD_PRIORITY_*). */
  currentThread(): number;
}
