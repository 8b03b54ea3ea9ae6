/** Sizes the engine works in. Tests shrink them so that small files cross every edge. */
export interface ScanLimits {
  /** Bytes read and searched per window (windows end at a line end when they hold one). */
  chunk: number;
  /** Bytes decoded into one string for a RegExp at most: lines longer than this are searched in pieces. */
  block: number;
  /** Context kept on each side of a cut in a line longer than `block` (regex). */
  overlap: number;
}

/**
 * 1 MiB windows (the line indexer's chunk: reads at memcpy speed); 96 KiB strings for
 * regex (V8 decodes strings under 128 KiB at 2 to 6 GB/s, longer ones at 0.1 to 0.5
 * GB/s, measured on Node 20 here); 16 KiB of overlap in longer lines.
 */
export const DEFAULT_LIMITS: ScanLimits = { chunk: 1024 * 1024, block: 96 * 1024, overlap: 16 * 1024 };
