/** Sizes the engine works in. Tests shrink them so that small files cross every edge. */
export interface ScanLimits {
  /** Bytes read and searched per window; also the longest line searched whole. */
  chunk: number;
  /** Bytes of whole lines decoded into one string for a RegExp. */
  block: number;
  /** Context kept on each side of a cut in a line longer than `chunk` (regex). */
  overlap: number;
}

/**
 * 1 MiB windows (the line indexer's chunk: reads at memcpy speed), 64 KiB decoded
 * blocks (larger strings are much slower for V8 to allocate), 64 KiB of overlap.
 */
export const DEFAULT_LIMITS: ScanLimits = { chunk: 1024 * 1024, block: 64 * 1024, overlap: 64 * 1024 };
