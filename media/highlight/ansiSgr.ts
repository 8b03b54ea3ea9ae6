/**
 * ANSI escape sequences in a line's text (SGR: 16, 256 and true colour, bold, dim,
 * italic, underline, inverse, reset), as class spans for the renderer: each complete
 * CSI sequence (ESC [ ... final byte) is hidden (zero width; its bytes stay in the text,
 * so caret, selection, copy and find still count them), and the text after an SGR
 * takes its style until the next one or the end of the line. A lone ESC stays visible.
 * An empty parameter counts as 0 (`ESC[;1m` resets, then bolds), as terminals read it.
 */
import type { ClassSpan } from './spanRuns';

const ESC = '\x1b';

interface Sgr {
  fg?: number | string;
  bg?: number | string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** Colour 16..255 of the xterm palette as CSS (0..15 are the theme's terminal colours, by class). */
function xterm256(n: number): string {
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const c = n - 16;
  const level = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${level(Math.floor(c / 36))}, ${level(Math.floor(c / 6) % 6)}, ${level(c % 6)})`;
}

/** Reads an extended colour (38/48 ; 5 ; n or ; 2 ; r ; g ; b) at params[i]; returns it and how many params it took. */
function extended(params: number[], i: number): [number | string | undefined, number] {
  if (params[i + 1] === 5 && params[i + 2] !== undefined) {
    const n = params[i + 2];
    return [!Number.isInteger(n) || n > 255 ? undefined : n < 16 ? n : xterm256(n), 3];
  }
  if (params[i + 1] === 2 && params[i + 4] !== undefined) {
    const [r, g, b] = params.slice(i + 2, i + 5);
    const ok = [r, g, b].every((v) => Number.isInteger(v) && v <= 255);
    return [ok ? `rgb(${r}, ${g}, ${b})` : undefined, 5];
  }
  return [undefined, 1];
}

function applySgr(state: Sgr, params: number[]): Sgr {
  let s: Sgr = { ...state };
  if (params.length === 0) return {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) s = {};
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 22) s.bold = s.dim = undefined;
    else if (p === 23) s.italic = undefined;
    else if (p === 24) s.underline = undefined;
    else if (p === 27) s.inverse = undefined;
    else if (p >= 30 && p <= 37) s.fg = p - 30;
    else if (p >= 90 && p <= 97) s.fg = p - 90 + 8;
    else if (p >= 40 && p <= 47) s.bg = p - 40;
    else if (p >= 100 && p <= 107) s.bg = p - 100 + 8;
    else if (p === 39) s.fg = undefined;
    else if (p === 49) s.bg = undefined;
    else if (p === 38 || p === 48) {
      const [colour, used] = extended(params, i);
      if (p === 38) s.fg = colour;
      else s.bg = colour;
      i += used - 1;
    }
  }
  return s;
}

/** The class span for text drawn in `s`, or undefined for the default style. */
function styled(s: Sgr, start: number, end: number): ClassSpan | undefined {
  const [fg, bg] = s.inverse ? [s.bg ?? 'bg', s.fg ?? 'fg'] : [s.fg, s.bg];
  const classes: string[] = [];
  const style: { color?: string; backgroundColor?: string } = {};
  if (typeof fg === 'number') classes.push(`ansi-fg-${fg}`);
  else if (fg === 'bg') classes.push('ansi-fg-inverse');
  else if (fg !== undefined) style.color = fg;
  if (typeof bg === 'number') classes.push(`ansi-bg-${bg}`);
  else if (bg === 'fg') classes.push('ansi-bg-inverse');
  else if (bg !== undefined) style.backgroundColor = bg;
  if (s.bold) classes.push('ansi-b');
  if (s.dim) classes.push('ansi-dim');
  if (s.italic) classes.push('ansi-i');
  if (s.underline) classes.push('ansi-u');
  if (classes.length === 0 && !style.color && !style.backgroundColor) return undefined;
  return { start, end, className: classes.length > 0 ? `ansi ${classes.join(' ')}` : 'ansi', style };
}

/**
 * Each complete CSI sequence of `text` (ESC [ parameters final-byte), in order: its
 * start, its end (exclusive) and its final byte ('m' for SGR).
 */
function* escapeSequences(text: string): Generator<{ start: number; end: number; final: string }> {
  for (let i = text.indexOf(ESC); i >= 0; i = text.indexOf(ESC, i)) {
    let end = i + 1;
    if (text[end] === '[') {
      end++;
      while (end < text.length && isParameter(text.charCodeAt(end))) end++;
      const final = text.charCodeAt(end);
      if (final >= 0x40 && final <= 0x7e) {
        yield { start: i, end: end + 1, final: text[end] };
        end++;
      }
    }
    i = end;
  }
}

/** 0-9 : ; < = > ? */
function isParameter(code: number): boolean {
  return code >= 0x30 && code <= 0x3f;
}

/**
 * The spans of `text` (its escape sequences, and the styled text between them), in
 * order and apart; none when it holds no ESC.
 */
export function ansiSpans(text: string): ClassSpan[] {
  if (!text.includes(ESC)) return [];
  const spans: ClassSpan[] = [];
  let state: Sgr = {};
  let textStart = 0;
  for (const seq of escapeSequences(text)) {
    const before = styled(state, textStart, seq.start);
    if (before && seq.start > textStart) spans.push(before);
    spans.push({ start: seq.start, end: seq.end, className: 'ansi-esc' });
    if (seq.final === 'm') {
      const body = text.slice(seq.start + 2, seq.end - 1);
      state = applySgr(state, body === '' ? [] : body.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p))));
    }
    textStart = seq.end;
  }
  const rest = styled(state, textStart, text.length);
  if (rest && text.length > textStart) spans.push(rest);
  return spans;
}

/**
 * `text` with each escape sequence blanked out by as many spaces (the same length, so
 * indexes stay the file's): what the log tokenizer reads, so `ESC[31mERROR` is a level.
 */
export function blankEscapes(text: string): string {
  if (!text.includes(ESC)) return text;
  let out = '';
  let at = 0;
  for (const seq of escapeSequences(text)) {
    out += text.slice(at, seq.start) + ' '.repeat(seq.end - seq.start);
    at = seq.end;
  }
  return out + text.slice(at);
}
