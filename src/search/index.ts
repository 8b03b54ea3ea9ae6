/** Search and filter over files and edited documents, in worker threads; no `vscode` import. */
export { searchFile } from './searchFile';
export type { Match, SearchOptions, SearchProgress, SearchResult } from './searchFile';
export { filterFile } from './filterFile';
export type { FilterOptions, LineRun } from './filterFile';
export { checkQuery, parseHexPattern, validateQuery, MAX_PATTERN_LENGTH } from './query';
export type { SearchQuery } from './query';
export type { PackedSegments, Segment } from './segments';
