/**
 * Decides whether a file "looks like a log" from the first lines the view shows: most
 * of its non-blank lines carry a timestamp or a level, or are stack-trace lines (a
 * Java trace's `at …` lines come between the lines that have both).
 */
import { tokenizeLogLine } from './logTokens';

/** Units of each line looked at: timestamps and levels come first in a log line. */
const HEAD = 256;

/** True when at least half the non-blank `lines` (one at least) have a timestamp, a level or a stack frame. */
export function looksLikeLog(lines: readonly { text: string; atLineStart: boolean }[]): boolean {
  let nonBlank = 0;
  let logLike = 0;
  for (const { text, atLineStart } of lines) {
    if (text.trim() === '') continue;
    nonBlank++;
    const { spans, level } = tokenizeLogLine(text.slice(0, HEAD), atLineStart);
    if (level || spans.some((s) => s.kind === 'date' || s.kind === 'stackTrace')) logLike++;
  }
  return nonBlank > 0 && 2 * logLike >= nonBlank;
}
