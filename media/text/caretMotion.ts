/**
 * Where the text caret goes for a key (or a line number click): worked out from the
 * lines the cache holds and the caret's position alone, so the view only places the
 * caret and scrolls. Columns are UTF-8 bytes; EOL stands for the end of a line whose
 * length is not known yet (replies resolve it). Every answer holds only until the
 * cache or the line count changes.
 */
import type { Position } from '../../src/editor/protocol';
import { clamp } from '../guards';
import { EOL, isWholeLine, type LineCache } from '../lineCache';
import { byteLength, firstNonBlank, nextIndex, prevIndex, wordLeft, wordRight } from '../lineRenderer';

/** The end of `line`: its length when held, else EOL. */
export function lineEnd(cache: LineCache, line: number): Position {
  return { line, column: cache.lineLength(line) ?? EOL };
}

/**
 * `line` with its line break, as a selection: to the next line's start, or to its end
 * on the last line (a line number click, a copy with nothing selected).
 */
export function wholeLine(cache: LineCache, line: number, lineCount: number): [Position, Position] {
  return [{ line, column: 0 }, line + 1 < lineCount ? { line: line + 1, column: 0 } : lineEnd(cache, line)];
}

/**
 * Left or Right (`dir`) by a character, or by a word with `word`, crossing line breaks.
 * Undefined at the start or end of the file: the caret stays. Where the line's text
 * is not held, a byte at a time.
 */
export function charTarget(cache: LineCache, caret: Position, dir: -1 | 1, word: boolean, lineCount: number): Position | undefined {
  const { line } = caret;
  const len = cache.lineLength(line);
  const column = len === undefined ? caret.column : Math.min(caret.column, len);
  const at = cache.textAt(line, column);
  if (dir < 0) {
    if (column === 0) return line > 0 ? lineEnd(cache, line - 1) : undefined;
    if (at && (at.index > 0 || at.slice.fromByte === 0)) {
      const i = word ? wordLeft(at.slice.text, at.index) : prevIndex(at.slice.text, at.index);
      return { line, column: at.slice.fromByte + byteLength(at.slice.text, 0, i) };
    }
    return { line, column: column - 1 };
  }
  if (len !== undefined && column >= len) return line + 1 < lineCount ? { line: line + 1, column: 0 } : undefined;
  if (at && at.index < at.slice.text.length) {
    const t = at.slice.text;
    const i = word ? wordRight(t, at.index) : nextIndex(t, at.index);
    // At the end of a line held whole the column is its length, not the bytes decoded back.
    const end = i === t.length && isWholeLine(cache.peek(line)!);
    return { line, column: end ? at.slice.length : at.slice.fromByte + byteLength(t, 0, i) };
  }
  return { line, column: column + 1 };
}

/**
 * Up or Down by `delta` lines (the file has some), to the column nearest `goalX`
 * (column-space px: cells from the line start). Already on the first or last line, the
 * caret goes to its start or end instead. The column is a first guess in cells: the
 * view corrects it to the characters once the target line is drawn.
 */
export function lineTarget(cache: LineCache, caret: Position, delta: number, lineCount: number, goalX: number, charWidth: number): Position {
  const line = clamp(caret.line + delta, 0, lineCount - 1);
  if (line === caret.line) return delta < 0 ? { line, column: 0 } : lineEnd(cache, line);
  return { line, column: Math.max(0, Math.round(goalX / charWidth)) };
}

/** Smart Home: the line's first non-blank character, or its start when the caret is there already (or the line's start is not held). */
export function homeTarget(cache: LineCache, caret: Position): Position {
  const { line, column } = caret;
  const entry = cache.peek(line);
  if (!entry || entry.doubt || entry.slice.fromByte !== 0) return { line, column: 0 };
  const first = byteLength(entry.slice.text, 0, firstNonBlank(entry.slice.text));
  return { line, column: column === first ? 0 : first };
}

/** Lines Page Up / Page Down move: VS Code's page, the whole rows on screen less two. */
export function pageLines(fullRows: number): number {
  return Math.max(1, fullRows - 2);
}
