import type { LineBreakKind } from '../lines/lineBreak';
import type { SearchQuery } from './query';
import type { ScanLimits } from './scanLimits';
import type { PackedSegments, Segment } from './segments';

/** A search for the worker: SearchOptions without the callbacks. */
export interface SearchJob {
  type: 'search';
  path: string;
  segments?: Segment[] | PackedSegments;
  query: SearchQuery;
  from?: number;
  to?: number;
  lines: boolean;
  firstLine?: number;
  maxMatches?: number;
  backwards: boolean;
  /** The file's encoding, VS Code's name for it (see src/encoding): text is looked for in it. UTF-8 when absent. */
  encoding?: string;
  /** How the file's lines end: 'lf' when absent. */
  lineBreak?: LineBreakKind;
}

/** A filter for the worker: FilterOptions without the callbacks. */
export interface FilterJob {
  type: 'filter';
  path: string;
  segments?: Segment[] | PackedSegments;
  include: SearchQuery[];
  exclude: SearchQuery[];
  /** The file's encoding, VS Code's name for it (see src/encoding): text is looked for in it. UTF-8 when absent. */
  encoding?: string;
  /** How the file's lines end: 'lf' when absent. */
  lineBreak?: LineBreakKind;
}

/** workerData: the job, a shared flag the host sets to cancel, and (for tests) smaller limits. */
export interface WorkerInput {
  job: SearchJob | FilterJob;
  /** Int32Array over it: 0 = run, 1 = cancel. */
  cancel: SharedArrayBuffer;
  limits?: ScanLimits;
}

/** An error as it crosses the thread boundary (Node's fs error fields kept). */
export interface ErrorData {
  name: string;
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** What the worker posts. Batches are typed arrays, transferred rather than copied. */
export type WorkerMessage =
  | { type: 'matches'; offsets: Float64Array; lengths: Float64Array; lines?: Float64Array }
  | { type: 'runs'; firstLines: Float64Array; counts: Float64Array; firstOffsets: Float64Array }
  | { type: 'progress'; scannedBytes: number; totalBytes: number; matches: number }
  | { type: 'done'; result: { matches: number; matchingLines?: number; scannedBytes: number; stoppedEarly: boolean } | { lines: number; runs: number } }
  | { type: 'error'; error: ErrorData };
