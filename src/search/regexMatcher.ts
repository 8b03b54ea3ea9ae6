import { TextEncoding, UTF8 } from '../encoding/textEncoding';
import { CR, LF, LF_BREAK, type LineBreak } from '../lines/lineBreak';
import { DecodedText } from './decodedText';
import { touchesCrLf } from './lineBreaks';
import { Matcher, OnMatch, STOP, Window } from './matcher';
import { isWholeWord } from './wholeWord';

const LINE_SEPARATOR = Buffer.from('\u2028');
const PARAGRAPH_SEPARATOR = Buffer.from('\u2029');

/** Sizes the regex matcher works in; tests make them tiny so that every edge is crossed. */
export interface RegexLimits {
  /** Bytes decoded into one string at most: a block of whole lines, or a piece of a longer line. */
  block: number;
  /** Context kept on each side of a cut in a line longer than `block`. */
  overlap: number;
}

/**
 * A JavaScript RegExp (Unicode mode) matched per line: `^` and `$` are the line's
 * ends, a line is the text between line breaks (`\n`, whose `\r\n` is eaten, or a lone `\r`), and no match
 * spans lines. Also runs case-insensitive text (an escaped literal).
 *
 * Running the RegExp once per line costs a call per line; instead a block of whole
 * lines is decoded once and searched with the `m` flag, which finds the same matches
 * as long as none touches a line end. A match that does (contains a newline, or the
 * `\r` of a `\r\n`) sends just that line through the exact per-line path. Patterns
 * whose meaning the block could change in ways that check cannot see (look-around,
 * or `^`/`$` in a block holding a lone `\r` (a `\n` in text whose lines end in `\r`) or U+2028/U+2029, which JavaScript
 * treats as line ends) take the per-line path.
 *
 * Strings stay under `block` bytes (V8 is many times slower with strings past 128 KiB),
 * so a line longer than that is searched in pieces, each with `overlap` bytes of
 * context before and after, as are lines cut by the window's end: matches up to
 * `overlap` bytes long are found exactly; a longer one can be missed, cut at a piece's
 * end, found in pieces, or wrongly found when `$`, `\b` or a look-ahead falls on a cut.
 */
export class RegexMatcher implements Matcher {
  readonly lineAligned = true;
  readonly context: number;
  readonly lookahead: number;
  private readonly blockRegex: RegExp;
  private readonly lineRegex: RegExp;
  private readonly blocksAllowed: boolean;
  private readonly anchored: boolean;
  /** Bytes per piece of a long line: at least three overlaps, so each piece moves on by one. */
  private readonly piece: number;
  /** Bytes of a code unit: where a match may start, and how far an empty one steps. */
  private readonly unit: number;
  /** Overlap of the pieces of a long line, in whole units. */
  private readonly overlap: number;

  /** `flags` from regexFlags(); the bytes are text in `encoding`. Throws SyntaxError like `new RegExp`. */
  constructor(
    source: string, flags: string, private readonly wholeWord: boolean, private readonly limits: RegexLimits,
    private readonly encoding: TextEncoding = UTF8, private readonly lineBreak: LineBreak = LF_BREAK,
  ) {
    this.unit = lineBreak.unitBytes;
    this.overlap = limits.overlap + (limits.overlap % this.unit);
    this.blockRegex = new RegExp(source, `gm${flags}`);
    this.lineRegex = new RegExp(source, `g${flags}`);
    this.blocksAllowed = !/\(\?<?[=!]/.test(source);
    this.anchored = /[$^]/.test(source);
    this.context = this.overlap;
    this.lookahead = this.overlap;
    this.piece = Math.max(limits.block - (limits.block % this.unit), 3 * this.overlap);
  }

  scan(w: Window, onMatch: OnMatch): number {
    const { buf } = w;
    if (w.lineStart >= 0 && !w.cut) return this.scanLines(buf, w.lineStart, w.scanFrom, onMatch);
    // The line holding scanFrom began before this window or goes on after it.
    const newline = w.cut ? -1 : this.lineBreak.indexOf(buf, w.scanFrom);
    const lineEnd = newline < 0 ? buf.length : newline;
    const next = this.scanLongLine(buf, Math.max(w.lineStart, 0), lineEnd, w.scanFrom, !w.cut, w.cut ? w.acceptBefore : Infinity, onMatch);
    if (next === STOP) return STOP;
    if (newline < 0) return Math.max(next, w.acceptBefore);
    return this.scanLines(buf, newline + this.unit, newline + this.unit, onMatch);
  }

  /** Whole lines from `lineStart` to the end of buf (which ends a line), searching from `at`. */
  private scanLines(buf: Buffer, lineStart: number, at: number, onMatch: OnMatch): number {
    for (let start = lineStart; start < buf.length; ) {
      const end = this.blockEnd(buf, start);
      if (end < 0) {
        // One line longer than a block.
        const newline = this.lineBreak.indexOf(buf, start + this.limits.block);
        const lineEnd = newline < 0 ? buf.length : newline;
        if (this.scanLongLine(buf, start, lineEnd, Math.max(at, start), true, Infinity, onMatch) === STOP) return STOP;
        start = at = lineEnd + this.unit;
        continue;
      }
      if (this.blocksAllowed && !(this.anchored && this.hasLoneLineBreak(buf, start, end))) {
        if (this.scanBlock(buf, start, end, at, onMatch) === STOP) return STOP;
      } else {
        for (let line = start; line < end; ) {
          const newline = this.lineBreak.indexOf(buf, line);
          const lineEnd = newline < 0 || newline >= end ? end : newline;
          if (this.scanLine(buf, line, lineEnd, Math.max(at, line), true, Infinity, onMatch) === STOP) return STOP;
          line = lineEnd + this.unit;
        }
      }
      start = at = end;
    }
    return buf.length;
  }

  /** End of the block of whole lines, at most limits.block bytes, that starts at `start`; -1 when its first line is longer. */
  private blockEnd(buf: Buffer, start: number): number {
    const want = start + this.limits.block;
    if (want >= buf.length) return buf.length;
    const before = this.lineBreak.lastIndexOf(buf, want - this.unit);
    return before >= start ? before + this.unit : -1;
  }

  /**
   * A line [start, end) of any length, searched from `at` in pieces of this.piece bytes
   * that overlap by this.overlap (one piece when it is short). Arguments and result
   * as scanLine's.
   */
  private scanLongLine(
    buf: Buffer, start: number, end: number, at: number, realEnd: boolean, acceptBefore: number, onMatch: OnMatch,
  ): number {
    const { overlap, unit } = this;
    for (let from = at; ; ) {
      const pieceStart = Math.max(start, from - overlap);
      const pieceEnd = Math.min(end, pieceStart + this.piece);
      const last = pieceEnd === end;
      const accept = last ? acceptBefore : Math.min(acceptBefore, pieceEnd - overlap);
      const next = this.scanLine(buf, pieceStart, pieceEnd, from, last && realEnd, accept, onMatch);
      if (next === STOP || last) return next;
      from = Math.max(next, accept);
      from += from % unit;
      if (from >= acceptBefore) return from;
    }
  }

  /** Lines [start, end) searched as one string with the `m` flag; see the class comment. */
  private scanBlock(buf: Buffer, start: number, end: number, at: number, onMatch: OnMatch): number {
    const text = new DecodedText(buf, start, end, false, this.encoding);
    const re = this.blockRegex;
    const endsWithNewline = end - this.unit >= start && this.lineBreak.isBreakAt(buf, end - this.unit);
    let from = at;
    let lineEnd = -1; // the newline after the last match start looked at, cached: lines can be long
    re.lastIndex = text.unitAt(at);
    for (;;) {
      const m = re.exec(text.text);
      if (!m) return end;
      const startUnit = m.index;
      // After the block's last newline is the next block's first line.
      if (startUnit === text.length && endsWithNewline) return end;
      const s = text.byteAt(startUnit);
      const e = text.byteAt(startUnit + m[0].length);
      if (lineEnd < s) {
        lineEnd = this.lineBreak.indexOf(buf, s);
        if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      }
      let next: number | undefined;
      if (lineEnd < e || touchesCrLf(buf, e, this.lineBreak)) {
        const before = s > start ? this.lineBreak.lastIndexOf(buf, s - this.unit) : -1;
        const line = before < 0 ? start : Math.max(before + this.unit, start);
        if (this.scanLine(buf, line, lineEnd, Math.max(from, line), true, Infinity, onMatch) === STOP) return STOP;
        next = lineEnd + this.unit;
      } else {
        next = this.report(buf, s, e, onMatch);
        if (next === STOP) return STOP;
      }
      // At the end of the stream (no newline) an empty match can still follow.
      if (next > end || (next === end && endsWithNewline)) return end;
      if (next < e) text.moveTo(s, startUnit);
      re.lastIndex = text.unitAt(next);
      from = next;
    }
  }

  /**
   * One line, or the piece [start, end) of a long one, searched from `at` as one
   * string; matches must start before `acceptBefore`. `realEnd`: `end` is the line's end
   * (its newline or the stream's end), else the line goes on. A piece that does not
   * begin the line is searched from past its start (at > start), so `^` cannot match
   * there. Returns STOP or where the search would go on.
   */
  private scanLine(
    buf: Buffer, start: number, end: number, at: number, realEnd: boolean, acceptBefore: number, onMatch: OnMatch,
  ): number {
    const u = this.unit;
    const textEnd = realEnd && this.lineBreak.eatsCr && end < buf.length && end - u >= start && this.lineBreak.isCrAt(buf, end - u) ? end - u : end;
    if (at > textEnd) return at;
    const text = new DecodedText(buf, start, textEnd, !realEnd, this.encoding);
    const re = this.lineRegex;
    let from = at;
    re.lastIndex = text.unitAt(at);
    for (;;) {
      const m = re.exec(text.text);
      if (!m || m.index > text.length || (!realEnd && m.index === text.length)) return from;
      const s = text.byteAt(m.index);
      if (s >= acceptBefore) return from;
      const e = text.byteAt(m.index + m[0].length);
      const next = this.report(buf, s, e, onMatch);
      if (next === STOP) return STOP;
      if (next > textEnd) return next;
      if (next < e) text.moveTo(s, m.index);
      re.lastIndex = text.unitAt(next);
      from = next;
    }
  }

  /** Checks whole words and hands the match on; returns STOP or where to search next. */
  private report(buf: Buffer, s: number, e: number, onMatch: OnMatch): number {
    if (this.wholeWord && !isWholeWord(buf, s, e, this.encoding)) return s + this.unit;
    const next = onMatch(s, e);
    if (next !== undefined) return next;
    if (e > s) return e;
    // An empty match: step over one character, or over a whole \r\n.
    const u = this.unit;
    return this.lineBreak.eatsCr && this.lineBreak.isCrAt(buf, e) && this.lineBreak.isBreakAt(buf, e + u) ? e + 2 * u : e + u;
  }

  /**
   * Whether [start, end) holds what the `m` flag takes for a line end and the file
   * does not: a `\r` not followed by `\n` (lines ending in `\n`), a `\n` (lines ending
   * in `\r`), or U+2028/U+2029.
   */
  private hasLoneLineBreak(buf: Buffer, start: number, end: number): boolean {
    const block = buf.subarray(start, end);
    if (this.unit === 2) return (this.lineBreak.eatsCr ? /\r(?!\n)|[\u2028\u2029]/ : /[\n\u2028\u2029]/).test(this.encoding.decode(block));
    if (this.lineBreak.eatsCr) {
      for (let i = block.indexOf(CR); i >= 0; i = block.indexOf(CR, i + 1)) {
        if (buf[start + i + 1] !== LF) return true;
      }
    } else if (block.indexOf(LF) >= 0) {
      return true;
    }
    return block.indexOf(LINE_SEPARATOR) >= 0 || block.indexOf(PARAGRAPH_SEPARATOR) >= 0;
  }
}
