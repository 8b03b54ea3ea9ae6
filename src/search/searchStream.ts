import type { TextEncoding } from '../encoding/textEncoding';
import type { LineBreak } from '../lines/lineBreak';
import { createScanner } from '../lines/newlineScanner';
import { compileQuery } from './compileQuery';
import { countNewlines, LineCounter } from './lineCounter';
import { SearchQuery } from './query';
import { ScanLimits } from './scanLimits';
import { searchBackward } from './searchBackward';
import { RangeReader, searchRange } from './searchRange';
import { ByteStream } from './segments';
import { windowBytes, windowPlan } from './windows';

/** A search as the engine runs it: every option resolved (see SearchOptions for their meaning). */
export interface StreamSearch {
  query: SearchQuery;
  from: number;
  to: number;
  lines: boolean;
  firstLine?: number;
  maxMatches: number;
  backwards: boolean;
  /** The stream's encoding: text queries look for its bytes, regexes read its characters. */
  encoding: TextEncoding;
  /** How the stream's lines end: matches of text never span one. */
  lineBreak: LineBreak;
}

/** Where results go. `progress` gets the bytes scanned so far and returns false to cancel. */
export interface SearchSink {
  match(offset: number, length: number, line: number | undefined): void;
  progress(scannedBytes: number): boolean;
}

export interface SearchSummary {
  matches: number;
  /** Distinct lines holding a match start, when lines were counted. */
  matchingLines?: number;
  scannedBytes: number;
  /** True when the search stopped at maxMatches (more matches may exist). */
  stoppedEarly: boolean;
}

/**
 * Runs `search` over `stream` in this thread (searchFile runs it in a worker).
 * Memory: one scan buffer of about limits.chunk bytes, plus the matches kept by a
 * backwards search. Throws SyntaxError for a regex that does not compile, and the
 * stream's read errors (EFAULT when the file shrinks underneath).
 */
export function searchStream(stream: ByteStream, search: StreamSearch, limits: ScanLimits, sink: SearchSink): SearchSummary {
  const scanner = createScanner();
  const matcher = compileQuery(search.query, limits, scanner, search.encoding, search.lineBreak);
  const plan = windowPlan([matcher], limits.chunk, search.lineBreak);
  const reader: RangeReader = { stream, buffer: scanner.scanBuffer(windowBytes(plan)), plan };
  const { from, to, maxMatches } = search;
  const linesBefore = (): number => search.firstLine ?? countNewlines(stream, scanner, reader.buffer, 0, from, search.lineBreak);
  let matches = 0;
  let matchingLines = 0;
  let lastLine = -1;
  /** How far the search got when it stopped early: to the last match reported. */
  let scanned = 0;
  const take = (offset: number, length: number, line: number): void => {
    sink.match(offset, length, search.lines ? line : undefined);
    matches++;
    if (line !== lastLine) matchingLines++;
    lastLine = line;
  };
  let stoppedEarly: boolean;
  if (search.backwards) {
    // Line numbers need the newlines before each match: count them forward once the matches are known.
    const kept: { offset: number; length: number }[] = [];
    ({ stoppedEarly } = searchBackward(reader, matcher, from, to, maxMatches, (found) => {
      if (search.lines) kept.push(...found);
      else for (const m of found) take(m.offset, m.length, -1);
      scanned = to - found[found.length - 1].offset;
      return true;
    }, (covered) => sink.progress(covered)));
    if (search.lines && kept.length > 0) {
      const lines = new Map<number, number>();
      let at = from;
      let newlines = linesBefore();
      for (const m of [...kept].reverse()) {
        newlines += countNewlines(stream, scanner, reader.buffer, at, m.offset, search.lineBreak);
        at = m.offset;
        lines.set(m.offset, newlines);
      }
      for (const m of kept) take(m.offset, m.length, lines.get(m.offset)!);
    }
  } else {
    const counter = search.lines ? new LineCounter(scanner, linesBefore(), from, search.lineBreak) : undefined;
    stoppedEarly = false;
    searchRange(reader, matcher, from, to, counter, (offset, length, line) => {
      take(offset, length, line);
      stoppedEarly = matches >= maxMatches;
      scanned = offset + length - from;
      return !stoppedEarly;
    }, (pos) => sink.progress(Math.min(pos, to) - from));
  }
  return {
    matches,
    matchingLines: search.lines ? matchingLines : undefined,
    scannedBytes: stoppedEarly ? scanned : to - from,
    stoppedEarly,
  };
}
