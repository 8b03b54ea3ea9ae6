/**
 * Crash-safe in-place saves of edited files, their recovery after a crash, and
 * single-range patches; no `vscode` import. Bundled as dist/edits.js, which runs its
 * apply phase in dist/saveWorker.js beside it.
 */
export { saveInPlace, recoverInterruptedSave, journalPath } from './saveEngine';
export type { Segment, SavePlan, SaveOptions, SaveProgress, SaveResult, RecoveryResult } from './saveEngine';
export { patchInPlace } from './patchInPlace';
export type { PatchResult } from './patchInPlace';
