import { regexFlags, SearchQuery } from '../../../src/search/query';
import { naiveLines } from '../testUtil';

/**
 * Reference implementations of the search rules, written the obvious way: one line at a
 * time, every byte position tried, string positions mapped back to bytes by decoding
 * prefixes. Slow, and independent of the engine's windows, blocks and cursors.
 */

export interface NaiveMatch {
  offset: number;
  length: number;
}

function isWord(b: number | undefined): boolean {
  return b !== undefined && (b >= 0x80 || /[A-Za-z0-9_]/.test(String.fromCharCode(b)));
}

function wholeWord(buf: Buffer, s: number, e: number): boolean {
  return !(isWord(buf[s - 1]) && isWord(buf[s])) && !(isWord(buf[e - 1]) && isWord(buf[e]));
}

/** For each string index of the decoded line, the byte offset where it starts (boundaries only). */
function unitToByte(line: Buffer): Map<number, number> {
  const whole = line.toString('utf8');
  const map = new Map<number, number>();
  for (let b = 0; b <= line.length; b++) {
    const head = line.subarray(0, b).toString('utf8');
    if (head + line.subarray(b).toString('utf8') === whole && !map.has(head.length)) map.set(head.length, b);
  }
  return map;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Matches of a text (any case) or regex query in one line's text, searched from byte `from` of it. */
function lineMatches(text: Buffer, source: string, flags: string, word: boolean, from: number): NaiveMatch[] {
  const str = text.toString('utf8');
  const re = new RegExp(source, `g${flags}`);
  if (from === 0 && !re.test(str)) return []; // most lines: no need to map positions
  const toByte = unitToByte(text);
  const toUnit = new Map([...toByte].map(([u, b]) => [b, u]));
  let start = from;
  while (!toUnit.has(start)) start++; // the engine rounds a start inside a character up
  re.lastIndex = toUnit.get(start)!;
  const out: NaiveMatch[] = [];
  for (let m = re.exec(str); m; m = re.exec(str)) {
    const s = toByte.get(m.index)!;
    const e = toByte.get(m.index + m[0].length)!;
    const step = (str.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
    if (word && !wholeWord(text, s, e)) {
      re.lastIndex = m.index + step;
      continue;
    }
    out.push({ offset: s, length: e - s });
    if (e === s) re.lastIndex = m.index + step;
  }
  return out;
}

function bytesAt(buf: Buffer, i: number, pattern: readonly (number | null)[]): boolean {
  return i + pattern.length <= buf.length && pattern.every((p, k) => p === null || buf[i + k] === p);
}

/** Every match of `query` in `buf` found by searching from `from`, before the `to` rule is applied. */
function allMatches(buf: Buffer, query: SearchQuery, from: number): NaiveMatch[] {
  const out: NaiveMatch[] = [];
  if (query.kind === 'bytes') {
    for (let i = from; i < buf.length; i++) if (bytesAt(buf, i, query.pattern)) out.push({ offset: i, length: query.pattern.length });
    return out;
  }
  if (query.kind === 'text' && query.matchCase) {
    const needle = Buffer.from(query.text);
    for (let i = from; i + needle.length <= buf.length; ) {
      if (buf.subarray(i, i + needle.length).equals(needle) && (!query.wholeWord || wholeWord(buf, i, i + needle.length))) {
        out.push({ offset: i, length: needle.length });
        i += needle.length;
      } else i++;
    }
    return out;
  }
  const source = query.kind === 'text' ? escapeRegExp(query.text) : query.source;
  const word = query.kind === 'text' && query.wholeWord;
  for (const line of naiveLines(buf)) {
    const lineEnd = buf.indexOf(10, line.start) < 0 ? buf.length : buf.indexOf(10, line.start);
    if (lineEnd < from) continue;
    const text = buf.subarray(line.start, line.end);
    const startAt = Math.max(0, from - line.start);
    if (startAt > text.length) continue;
    // Around a line's text are line breaks or the stream's ends: non-word, like the ends of `text`.
    for (const m of lineMatches(text, source, regexFlags(query.matchCase), word, startAt)) out.push({ offset: line.start + m.offset, length: m.length });
  }
  return out;
}

/** What searchStream must report: matches from `from` that end by `to`, stopping at the first past it. */
export function naiveSearch(buf: Buffer, query: SearchQuery, from = 0, to = buf.length): NaiveMatch[] {
  const out: NaiveMatch[] = [];
  for (const m of allMatches(buf, query, from)) {
    if (m.offset + m.length > to || (m.offset === to && to !== buf.length)) break;
    out.push(m);
  }
  return out;
}

/** `matches` (in increasing order) with their lines: the newlines before each, counted one byte at a time. */
export function withLines(buf: Buffer, matches: NaiveMatch[]): (NaiveMatch & { line: number })[] {
  let line = 0;
  let at = 0;
  return matches.map((m) => {
    for (; at < m.offset; at++) if (buf[at] === 10) line++;
    return { ...m, line };
  });
}

/** True when `query` has a match inside one line's `text` (the line without its line break). */
function lineHas(text: Buffer, query: SearchQuery): boolean {
  if (query.kind === 'bytes' || (query.kind === 'text' && query.matchCase)) return allMatches(text, query, 0).length > 0;
  const source = query.kind === 'text' ? escapeRegExp(query.text) : query.source;
  return lineMatches(text, source, regexFlags(query.matchCase), query.kind === 'text' && query.wholeWord, 0).length > 0;
}

/** The lines a filter keeps, as runs, the obvious way. */
export function naiveFilter(buf: Buffer, include: SearchQuery[], exclude: SearchQuery[]): { firstLine: number; count: number; firstOffset: number }[] {
  const runs: { firstLine: number; count: number; firstOffset: number }[] = [];
  naiveLines(buf).forEach((line, n) => {
    const text = buf.subarray(line.start, line.end);
    const keep = (include.length === 0 || include.some((q) => lineHas(text, q))) && !exclude.some((q) => lineHas(text, q));
    if (!keep) return;
    const last = runs[runs.length - 1];
    if (last && last.firstLine + last.count === n) last.count++;
    else runs.push({ firstLine: n, count: 1, firstOffset: line.start });
  });
  return runs;
}
