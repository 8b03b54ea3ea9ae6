/** Where a run of bytes of the new file comes from. */
export type Segment =
  | { kind: 'original'; offset: number; length: number } // bytes of the file as it is on disk before the save
  | { kind: 'bytes'; data: Buffer }; // new bytes (typed or pasted)

export interface SavePlan {
  path: string;
  /** The whole new content, in order. */
  segments: Segment[];
  /** The file's size when the edits were made; the save refuses (code 'ECHANGED') if it differs now. */
  originalSize: number;
  /** The file's mtimeMs when the edits were made (optional); same refusal if it differs. */
  originalMtimeMs?: number;
}

export interface SaveProgress {
  phase: 'journal' | 'write' | 'flush';
  done: number;
  total: number;
}

export interface SaveResult {
  newSize: number;
  /** Bytes written into the file (the changed ranges, or the whole moved tail). */
  bytesWritten: number;
  /** Old bytes copied into the journal. */
  journalBytes: number;
  /** First offset whose byte differs from the old layout; the size itself when nothing changed. */
  firstChangedOffset: number;
  ms: number;
}

/**
 * Points where a test can stop a save: after the n-th occurrence of `step`.
 * `journal`: a chunk of old bytes written to the journal; `header`: the journal's
 * header written (not yet synced); `synced`: the journal durable, file untouched;
 * `grow`/`shrink`: the file resized; `write`: a chunk of new bytes written;
 * `flush`: the file durable, journal not yet deleted; `recover`: a chunk of old
 * bytes restored by a rollback.
 */
export type SaveStep = 'journal' | 'header' | 'synced' | 'grow' | 'write' | 'shrink' | 'flush' | 'recover';

/** `kill` SIGKILLs the whole process (fault injection); `throw` raises an error with code 'EINJECTED'. */
export interface FaultPoint {
  step: SaveStep;
  after: number;
  /** `pause` (worker only) waits there until the save is aborted: makes abort tests deterministic. */
  action: 'kill' | 'throw' | 'pause';
}

/** @internal Knobs for tests and benchmarks; the editor passes none. */
export interface SaveHooks {
  fault?: FaultPoint;
  /** Bytes per copy chunk (default 8 MiB). */
  chunkBytes?: number;
  /** Where the apply phase runs; `auto` (default) uses a worker when it writes more than 16 MiB. */
  applyIn?: 'inline' | 'worker' | 'auto';
  /** Runs after the journal is durable and checked, just before the apply phase. */
  beforeApply?: () => void;
}

export interface SaveOptions {
  /** Called per chunk; `done` restarts at 0 with each phase. Exceptions it throws are ignored. */
  onProgress?: (p: SaveProgress) => void;
  signal?: AbortSignal;
  /** @internal */
  hooks?: SaveHooks;
}

export interface RecoveryResult {
  recovered: boolean;
  journal?: string;
  detail: string;
  /**
   * When recovered: the file as it was before the interrupted save, whose content it
   * has again byte for byte (under a new modification time). mtimeMs is NaN when the
   * journal did not record it (version 1).
   */
  restored?: { size: number; mtimeMs: number; inode: number };
}
