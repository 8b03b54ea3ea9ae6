/** Line index and newline scanning over memory-mapped files; no `vscode` import. */
export { LineIndex } from './lineIndex';
export type { IndexProgress, LineIndexOptions, ResetReason } from './lineIndex';
export { createScanner } from './newlineScanner';
