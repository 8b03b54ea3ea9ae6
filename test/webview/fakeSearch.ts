/**
 * Find and filter for the fake host: a naive line-by-line search of a fake file
 * with the viewer's own matcher (media/lineMatches.ts), answering as the real host
 * does (positions in bytes, match ranks, a count, filter rows). Only for files of
 * a few hundred thousand lines: it is the reference, not the engine.
 */
import type { FilterLine } from '../../src/editor/findProtocol';
import type { Position } from '../../src/editor/protocol';
import type { SearchQuery } from '../../src/search/query';
import { compileMatcher, type LineMatcher, lineMatches } from '../../media/lineMatches';
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

/** The next match at or after `from` (or the last before it), wrapping, with its rank. */
export function findMatch(file: FakeFile, query: SearchQuery, from: Position, backwards: boolean)
  : { match?: Match & { index: number }; wrapped: boolean } {
  const all = allMatches(file, query);
  if (all.length === 0) return { wrapped: false };
  if (!backwards) {
    const i = all.findIndex((m) => !before(m.from, from));
    return i >= 0 ? { match: { ...all[i], index: i }, wrapped: false } : { match: { ...all[0], index: 0 }, wrapped: true };
  }
  let i = -1;
  all.forEach((m, k) => { if (before(m.from, from)) i = k; });
  return i >= 0 ? { match: { ...all[i], index: i }, wrapped: false } : { match: { ...all[all.length - 1], index: all.length - 1 }, wrapped: true };
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
