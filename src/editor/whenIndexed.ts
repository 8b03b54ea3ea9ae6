import type { LineIndex } from '../lines';

/**
 * Runs `probe` until it stops throwing RangeError ("not indexed yet"), waiting for
 * the index between tries. Throws the RangeError if the index completes and the
 * probe still fails (a line or offset past the end), or an AbortError on `signal`.
 */
export async function whenIndexed<T>(index: LineIndex, probe: () => T, signal?: AbortSignal): Promise<T> {
  for (;;) {
    signal?.throwIfAborted();
    try {
      return probe();
    } catch (err) {
      if (!(err instanceof RangeError) || index.complete) throw err;
    }
    await new Promise<void>((resolve) => {
      const stop = index.onProgress(() => {
        stop();
        resolve();
      });
    });
  }
}
