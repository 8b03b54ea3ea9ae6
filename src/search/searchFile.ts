import type { LineBreakKind } from '../lines/lineBreak';
import { checkQuery, SearchQuery } from './query';
import { runSearchWorker } from './runSearchWorker';
import type { ScanLimits } from './scanLimits';
import type { SearchJob } from './searchMessages';
import type { PackedSegments, Segment } from './segments';

/** A match: stream offset and length in bytes; line (0-based) when options.lines. */
export interface Match {
  offset: number;
  length: number;
  line?: number;
}

export interface SearchProgress {
  scannedBytes: number;
  totalBytes: number;
  matches: number;
}

export interface SearchOptions {
  path: string;
  /** The stream to search: default the whole file as one segment. */
  segments?: Segment[] | PackedSegments;
  /** Stream range to search, default the whole stream; matches lie inside it. */
  from?: number;
  to?: number;
  query: SearchQuery;
  /** The file's encoding, VS Code's name for it (see src/encoding): text is looked for in it. UTF-8 when absent. */
  encoding?: string;
  /** How the file's lines end: 'lf' (`\n`, `\r\n`) when absent, or 'cr'. */
  lineBreak?: LineBreakKind;
  /** Report line numbers (0-based, counted from stream offset 0 unless firstLine is given). */
  lines?: boolean;
  /** The line number at `from`, if the caller knows it (saves counting). */
  firstLine?: number;
  /** Stop after this many (1 for "find next"). */
  maxMatches?: number;
  /** Find previous: the LAST matches in [from, to), reported last first. */
  backwards?: boolean;
  /** Cancels: the promise rejects with an AbortError and the worker stops. */
  signal?: AbortSignal;
  /** Throttled to about 10 calls per second. */
  onProgress?(p: SearchProgress): void;
  /** Matches in batches, in search order, while searching. */
  onMatches?(batch: Match[]): void;
  /** Search at background priority (see spawnWorker): for the editor, not for a CLI command. */
  background?: boolean;
}

export interface SearchResult {
  matches: number;
  /** Distinct lines holding a match (start), when options.lines. */
  matchingLines?: number;
  scannedBytes: number;
  /** True when the search stopped at maxMatches (more matches may exist). */
  stoppedEarly: boolean;
}

/**
 * Searches a file, or an edited document given as segments over it, in a worker
 * thread, streaming matches as they are found. Matches of text and regex queries never
 * span lines (see README "Search" for regex, case and whole-word rules); bytes queries
 * report every position, overlapping ones included. Rejects with TypeError/SyntaxError
 * for a bad query, ERR_OUT_OF_RANGE for bad offsets or segments, fs errors for the
 * file, EFAULT when the file shrinks while being searched, AbortError on `signal`.
 * `limits` is for tests (small windows to cross every edge).
 */
export async function searchFile(options: SearchOptions, limits?: ScanLimits): Promise<SearchResult> {
  const job: SearchJob = {
    type: 'search',
    path: options.path,
    segments: options.segments,
    query: checkQuery(options.query),
    from: options.from,
    to: options.to,
    lines: options.lines ?? false,
    firstLine: options.firstLine,
    maxMatches: options.maxMatches,
    backwards: options.backwards ?? false,
    encoding: options.encoding,
    lineBreak: options.lineBreak,
  };
  return runSearchWorker<SearchResult>(job, options.signal, (m) => {
    if (m.type === 'progress') options.onProgress?.({ scannedBytes: m.scannedBytes, totalBytes: m.totalBytes, matches: m.matches });
    else if (m.type === 'matches' && options.onMatches) {
      const batch: Match[] = [];
      for (let i = 0; i < m.offsets.length; i++) {
        batch.push(m.lines ? { offset: m.offsets[i], length: m.lengths[i], line: m.lines[i] } : { offset: m.offsets[i], length: m.lengths[i] });
      }
      options.onMatches(batch);
    }
  }, limits, options.background);
}
