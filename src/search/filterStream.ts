import type { TextEncoding } from '../encoding/textEncoding';
import type { LineBreak } from '../lines/lineBreak';
import { createScanner } from '../lines/newlineScanner';
import { compileQuery } from './compileQuery';
import { insideLine } from './lineBreaks';
import { LineCounter } from './lineCounter';
import { LineRun, LineRuns } from './lineRuns';
import { Matcher, STOP, Window } from './matcher';
import { SearchQuery } from './query';
import { ScanLimits } from './scanLimits';
import { ByteStream } from './segments';
import { forEachWindow, windowBytes, windowPlan } from './windows';

/** Where filter results go. `progress` gets the bytes scanned so far and returns false to cancel. */
export interface FilterSink {
  run(run: LineRun): void;
  progress(scannedBytes: number): boolean;
}

/** A line that a window cut: it is decided once its end is seen. */
interface OpenLine {
  start: number;
  line: number;
  included: boolean;
  excluded: boolean;
}

/**
 * klogg-style filter over `stream` in this thread: the lines that match any of
 * `include` (every line when there is none) and none of `exclude`, reported as runs
 * of consecutive lines in order. A line matches a query when a match lies inside its
 * text (for byte patterns: no line break and not the `\r` of its `\r\n`). Memory: one
 * scan buffer and, per window, the lines the queries hit. Throws like searchStream.
 */
export function filterStream(
  stream: ByteStream, include: readonly SearchQuery[], exclude: readonly SearchQuery[], limits: ScanLimits, encoding: TextEncoding, lineBreak: LineBreak,
  sink: FilterSink,
): { lines: number; runs: number } {
  const scanner = createScanner();
  const u = lineBreak.unitBytes;
  const inc = include.map((q) => compileQuery(q, limits, scanner, encoding, lineBreak));
  const exc = exclude.map((q) => compileQuery(q, limits, scanner, encoding, lineBreak));
  const plan = windowPlan([...inc, ...exc], limits.chunk, lineBreak, true);
  const counter = new LineCounter(scanner, 0, 0, lineBreak);
  const runs = new LineRuns((run) => sink.run(run));
  let open: OpenLine | undefined;

  forEachWindow(stream, scanner.scanBuffer(windowBytes(plan)), 0, stream.size, plan, (w) => {
    const first = open ? open.start : w.start + w.lineStart;
    const included = mergeHits(inc.map((m) => linesHit(m, w, first, lineBreak)));
    const excluded = mergeHits(exc.map((m) => linesHit(m, w, first, lineBreak)));
    if (w.cut) {
      // Every hit is in the one line this window cuts.
      open ??= { start: first, line: counter.at(w, first), included: false, excluded: false };
      open.included ||= included.length > 0;
      open.excluded ||= excluded.length > 0;
      return w.acceptBefore;
    }
    const firstLine = open ? open.line : counter.at(w, first);
    if (open?.included && included[0] !== first) included.unshift(first);
    if (open?.excluded && excluded[0] !== first) excluded.unshift(first);
    open = undefined;
    const lineOf = (offset: number): number => (offset === first ? firstLine : counter.at(w, offset));
    if (inc.length > 0) {
      let x = 0;
      for (const offset of included) {
        while (x < excluded.length && excluded[x] < offset) x++;
        if (excluded[x] !== offset) runs.add(lineOf(offset), 1, offset);
      }
    } else {
      let line = firstLine;
      let offset = first;
      for (const x of excluded) {
        const xLine = lineOf(x);
        runs.add(line, xLine - line, offset);
        line = xLine + 1;
        const newline = lineBreak.indexOf(w.buf, Math.max(x - w.start, w.scanFrom));
        offset = newline < 0 ? stream.size : w.start + newline + u; // no newline: x was the last line
      }
      const atStreamEnd = w.start + w.buf.length === stream.size;
      const endLine = counter.at(w, w.start + w.buf.length) + (atStreamEnd && !(w.buf.length >= u && lineBreak.isBreakAt(w.buf, w.buf.length - u)) ? 1 : 0);
      runs.add(line, endLine - line, offset);
    }
    return w.buf.length;
  }, { counter, onProgress: (pos) => sink.progress(pos) });
  runs.flush();
  return { lines: runs.lines, runs: runs.runs };
}

/** Start offsets of the lines in which `matcher` finds a match in window `w`, in order; `first`: where w's first line starts. */
function linesHit(matcher: Matcher, w: Window, first: number, lineBreak: LineBreak): number[] {
  const hits: number[] = [];
  const { buf } = w;
  matcher.scan(w, (s, e) => {
    if (!matcher.lineAligned && !insideLine(buf, s, e, lineBreak)) return undefined;
    const u = lineBreak.unitBytes;
    const newline = s >= u ? lineBreak.lastIndexOf(buf, s - u) : -1;
    hits.push(newline >= 0 ? w.start + newline + u : first);
    const end = lineBreak.indexOf(buf, s);
    return end < 0 ? STOP : end + u;
  });
  return hits;
}

/** Union of sorted offset lists, sorted, without duplicates. */
function mergeHits(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0];
  const all = lists.flat().sort((a, b) => a - b);
  return all.filter((v, i) => i === 0 || v !== all[i - 1]);
}
