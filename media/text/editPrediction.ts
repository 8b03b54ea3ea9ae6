/**
 * What an edit will do to the lines the text view holds, worked out before the host
 * answers, exactly as the host applies it (src/edits/editCommands.ts): keys pressed
 * meanwhile (Right after Enter, typing after a delete) then act on the text the file
 * will have, not on the text it had. Only edits whose lines are all held whole are
 * predicted; for the others the view waits for the host.
 */
import type { Position } from '../../src/editor/protocol';
import { EOL, isWholeLine, type LineCache } from '../lineCache';
import { byteLength, byteToIndex, nextIndex, prevIndex } from '../lineRenderer';

/** An edit as a replacement of [from, to) by `text` (lines joined by '\n'). */
export interface Replacement {
  from: Position;
  to: Position;
  text: string;
}

/** The predicted effect: where the caret goes, and how many lines the file gains (or loses, negative). */
export interface Prediction {
  caret: Position;
  lineDelta: number;
}

/** The whole text of `line` if the cache holds all of it and trusts it. */
function wholeText(cache: LineCache, line: number): string | undefined {
  const entry = cache.peek(line);
  return entry && !entry.doubt && isWholeLine(entry) && entry.slice.fromByte === 0 ? entry.slice.text : undefined;
}

/** `column` (bytes) as an index into `text`, clamped to its end as the host clamps it; undefined past the line's end marker. */
function indexOf(text: string, column: number): number | undefined {
  if (column >= EOL) return undefined;
  return byteToIndex(text, Math.min(column, byteLength(text)));
}

/**
 * Applies `edit` to the cached lines and returns its effect, or returns undefined and
 * changes nothing when a line it touches is not held whole.
 */
export function predictReplace(cache: LineCache, edit: Replacement): Prediction | undefined {
  const { from, to } = edit;
  const first = wholeText(cache, from.line);
  const last = to.line === from.line ? first : wholeText(cache, to.line);
  if (first === undefined || last === undefined) return undefined;
  const a = indexOf(first, from.column);
  const b = indexOf(last, to.column);
  if (a === undefined || b === undefined) return undefined;
  const parts = (first.slice(0, a) + edit.text + last.slice(b)).split('\n');
  const tailLength = parts[parts.length - 1].length - (last.length - b);
  for (let l = from.line + 1; l <= to.line; l++) cache.delete(l);
  const lineDelta = parts.length - 1 - (to.line - from.line);
  cache.shift(to.line, lineDelta);
  const reqMax = cache.peek(from.line)!.reqMax;
  parts.forEach((text, i) => {
    const line = from.line + i;
    const length = byteLength(text);
    cache.set(line, { slice: { line, text, length, fromByte: 0 }, reqFrom: 0, reqMax: Math.max(reqMax, length), stale: true });
  });
  const endLine = from.line + parts.length - 1;
  return { caret: { line: endLine, column: byteLength(parts[parts.length - 1], 0, tailLength) }, lineDelta };
}

/**
 * The range Backspace (`backward`) or Delete removes at `at`: one character (a UTF-8
 * sequence) or the line break before / after the line; undefined when that needs a
 * line not held whole, `null` when there is nothing to remove (start / end of the file).
 */
export function charRange(cache: LineCache, at: Position, direction: 'backward' | 'forward', lineCount: number): [Position, Position] | null | undefined {
  const text = wholeText(cache, at.line);
  if (text === undefined) return undefined;
  const i = indexOf(text, at.column);
  if (i === undefined) return undefined;
  const here = { line: at.line, column: byteLength(text, 0, i) };
  if (direction === 'backward') {
    if (i > 0) return [{ line: at.line, column: byteLength(text, 0, prevIndex(text, i)) }, here];
    if (at.line === 0) return null;
    const above = wholeText(cache, at.line - 1);
    return above === undefined ? undefined : [{ line: at.line - 1, column: byteLength(above) }, here];
  }
  if (i < text.length) return [here, { line: at.line, column: byteLength(text, 0, nextIndex(text, i)) }];
  return at.line + 1 < lineCount ? [here, { line: at.line + 1, column: 0 }] : null;
}

/** The bytes of the `count` characters after `at` on its line (what overwrite replaces); undefined when the line is not held whole. */
export function overwrittenEnd(cache: LineCache, at: Position, count: number): Position | undefined {
  const text = wholeText(cache, at.line);
  if (text === undefined) return undefined;
  const start = indexOf(text, at.column);
  if (start === undefined) return undefined;
  let i = start;
  for (let n = 0; n < count && i < text.length; n++) i = nextIndex(text, i);
  return { line: at.line, column: byteLength(text, 0, i) };
}
