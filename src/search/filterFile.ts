import type { LineBreakKind } from '../lines/lineBreak';
import type { LineRun } from './lineRuns';
import { checkQuery, SearchQuery } from './query';
import { runSearchWorker } from './runSearchWorker';
import type { ScanLimits } from './scanLimits';
import type { SearchProgress } from './searchFile';
import type { FilterJob } from './searchMessages';
import type { PackedSegments, Segment } from './segments';

export type { LineRun } from './lineRuns';

export interface FilterOptions {
  path: string;
  segments?: Segment[] | PackedSegments;
  /** A line is kept when any of these matches in it (every line when empty)... */
  include: SearchQuery[];
  /** ...and none of these. */
  exclude: SearchQuery[];
  /** The file's encoding, VS Code's name for it (see src/encoding): text is looked for in it. UTF-8 when absent. */
  encoding?: string;
  /** How the file's lines end: 'lf' (`\n`, `\r\n`) when absent, or 'cr'. */
  lineBreak?: LineBreakKind;
  signal?: AbortSignal;
  /** Throttled to about 10 calls per second; `matches` counts kept lines. */
  onProgress?(p: SearchProgress): void;
  /** Runs of consecutive kept lines, in order, in batches. */
  onLines?(runs: LineRun[]): void;
  /** Filter at background priority (see spawnWorker): for the editor, not for a CLI command. */
  background?: boolean;
}

/**
 * klogg-style filter in a worker thread: the lines of a file (or edited document)
 * that match any include query and no exclude query, streamed as runs. The caller
 * holds the result (runs); the engine's memory stays bounded. Rejects like searchFile.
 */
export async function filterFile(options: FilterOptions, limits?: ScanLimits): Promise<{ lines: number; runs: number }> {
  const job: FilterJob = {
    type: 'filter',
    path: options.path,
    segments: options.segments,
    include: options.include.map(checkQuery),
    exclude: options.exclude.map(checkQuery),
    encoding: options.encoding,
    lineBreak: options.lineBreak,
  };
  return runSearchWorker<{ lines: number; runs: number }>(job, options.signal, (m) => {
    if (m.type === 'progress') options.onProgress?.({ scannedBytes: m.scannedBytes, totalBytes: m.totalBytes, matches: m.matches });
    else if (m.type === 'runs' && options.onLines) {
      const runs: LineRun[] = [];
      for (let i = 0; i < m.counts.length; i++) runs.push({ firstLine: m.firstLines[i], count: m.counts[i], firstOffset: m.firstOffsets[i] });
      options.onLines(runs);
    }
  }, limits, options.background);
}
