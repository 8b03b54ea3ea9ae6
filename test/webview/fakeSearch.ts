/**
 * Find and filter for the fake host: a naive line-by-line search of a fake file
 * with the viewer's own matcher (media/lineMatches.ts), answering as the real host
 * does (positions in bytes, match ranks, a count, filter rows). Only for files of
 * a few hundred thousand lines: it is the reference, not the engine.
 */
import type { FilterLine } from '../../src/editor/findProtocol';
import type { Position } from '../../src/editor/protocol';
import type { SearchQuery } from '../../src/search/query';
import { compileMatcher, type LineMatcher, lineMatches } from '../../src/search/lineMatches';
import type { FakeFile } from './fakeFiles';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Match {
  from: Position;
  to: Position;
}

function lineText(file: FakeFile, line: number): string {
  return decoder.decode(file.lineBytes(line, 0, file.lineLength(line)));
}

/** Every match in file order, as byte positions. */
export function allMatches(file: FakeFile, query: SearchQuery): Match[] {
  const matcher = compileMatcher(query);
  const out: Match[] = [];
  for (let line = 0; line < file.lineCount; line++) {
    const text = lineText(file, line);
    for (const [a, b] of lineMatches(matcher, text)) {
      const column = encoder.encode(text.slice(0, a)).length;
      out.push({ from: { line, column }, to: { line, column: column + encoder.encode(text.slice(a, b)).length } });
    }
  }
  return out;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * Which of `count` matches in file order is next: the first not before the start
 * point (forward) or the last before it (backwards), wrapping; with its rank.
 */
function pick(count: number, isBefore: (i: number) => boolean, backwards: boolean): { index: number; wrapped: boolean } | undefined {
  if (count === 0) return undefined;
  let i = -1;
  if (!backwards) {
    for (let k = 0; k < count && i < 0; k++) if (!isBefore(k)) i = k;
    return i >= 0 ? { index: i, wrapped: false } : { index: 0, wrapped: true };
  }
  for (let k = 0; k < count; k++) if (isBefore(k)) i = k;
  return i >= 0 ? { index: i, wrapped: false } : { index: count - 1, wrapped: true };
}

/** The next match at or after `from` (or the last before it), wrapping, with its rank. */
export function findMatch(file: FakeFile, query: SearchQuery, from: Position, backwards: boolean)
  : { match?: Match & { index: number }; wrapped: boolean } {
  const all = allMatches(file, query);
  const found = pick(all.length, (i) => before(all[i].from, from), backwards);
  return found ? { match: { ...all[found.index], index: found.index }, wrapped: found.wrapped } : { wrapped: false };
}

/** Lines matching any include (all lines when none) and no exclude. */
export function filterLines(file: FakeFile, include: SearchQuery[], exclude: SearchQuery[]): number[] {
  const inc = include.map(compileMatcher);
  const exc = exclude.map(compileMatcher);
  const out: number[] = [];
  for (let line = 0; line < file.lineCount; line++) {
    const text = lineText(file, line);
    const hit = (m: LineMatcher | undefined) => lineMatches(m, text).length > 0;
    if ((inc.length === 0 || inc.some(hit)) && !exc.some(hit)) out.push(line);
  }
  return out;
}

/** Rows [start, start + count) of a filter result. */
export function filterRows(file: FakeFile, lines: number[], start: number, count: number): FilterLine[] {
  return lines.slice(start, start + count).map((line, i) => ({ index: start + i, line, text: lineText(file, line), length: file.lineLength(line) }));
}

/** Byte offsets of every match of a byte pattern (null: any byte), overlapping ones included. */
export function byteMatches(data: Uint8Array, pattern: (number | null)[]): number[] {
  const out: number[] = [];
  for (let at = 0; at + pattern.length <= data.length; at++) {
    if (pattern.every((b, i) => b === null || data[at + i] === b)) out.push(at);
  }
  return out;
}

/** The next byte match from `from` (or the last before it), wrapping, with its rank. */
export function findOffset(all: number[], from: number, backwards: boolean): { index: number; wrapped: boolean } | undefined {
  return pick(all.length, (i) => all[i] < from, backwards);
}
