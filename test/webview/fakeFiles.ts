/**
 * In-memory "files" for the fake host: generated on the fly, so a 100 M-line file or a
 * 100 MB line costs nothing until a window of it is asked for.
 */

export interface FakeFile {
  name: string;
  /** Lines once fully indexed. */
  lineCount: number;
  size: number;
  lineLength(line: number): number;
  /** Bytes [from, to) of a line (without its line ending). */
  lineBytes(line: number, from: number, to: number): Uint8Array;
}

const encoder = new TextEncoder();

const TAILS = [
  'INFO  server: request GET /api/items handled in 12 ms',
  'DEBUG cache: hit ratio 0.93 after 4096 lookups',
  'WARN  pool: 7 of 8 workers busy, queue length 31',
  'INFO  auth: user=alice session=5f2c0e renewed',
  'ERROR db: deadlock detected, retrying transaction 3/5',
  'INFO  http: 200 POST /upload 1.2 MB in 340 ms',
  'TRACE scheduler: tick',
];

/** `#<n> some text …`, n 1-based: what the e2e assertions look for. */
export function hugeLineText(line: number): string {
  return `#${line + 1} some text ${TAILS[line % TAILS.length]}`;
}

export function hugeFile(lines: number, name = 'huge-100M.log'): FakeFile {
  return {
    name,
    lineCount: lines,
    size: lines * 60,
    lineLength: (n) => hugeLineText(n).length,
    lineBytes: (n, from, to) => encoder.encode(hugeLineText(n).slice(from, to)),
  };
}

export const LONG_LINE_BYTES = 100 * 1000 * 1000;

/** Byte b of the long line: ten-byte tokens "@<offset, 9 digits>" (e.g. "@050000000"). */
export function longLineText(from: number, to: number): string {
  let s = '';
  const first = Math.floor(from / 10);
  const last = Math.ceil(to / 10);
  for (let k = first; k < last; k++) s += '@' + String(k * 10).padStart(9, '0');
  const off = from - first * 10;
  return s.slice(off, off + (to - from));
}

export function longLineFile(): FakeFile {
  const rest = ['a short line after the 100 MB one', '\tand an indented one'].map((t) => encoder.encode(t));
  return {
    name: 'one-long-line.txt',
    lineCount: 1 + rest.length,
    size: LONG_LINE_BYTES + 1 + rest.reduce((a, b) => a + b.length + 1, 0),
    lineLength: (n) => (n === 0 ? LONG_LINE_BYTES : rest[n - 1].length),
    lineBytes: (n, from, to) => (n === 0 ? encoder.encode(longLineText(from, to)) : rest[n - 1].subarray(from, to)),
  };
}

/** A file held as byte lines, which the fake host may edit in place. */
export interface BytesFile extends FakeFile {
  lines: Uint8Array[];
}

export function bytesFile(name: string, lines: Uint8Array[]): BytesFile {
  return {
    name,
    lines,
    get lineCount() {
      return lines.length;
    },
    get size() {
      return lines.reduce((a, b) => a + b.length + 1, 0);
    },
    lineLength: (n) => lines[n].length,
    lineBytes: (n, from, to) => lines[n].subarray(from, to),
  };
}

/** The parts joined into one array. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  return concat(...parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : Uint8Array.from(p))));
}

/** Line indexes of the special file, for the tests. */
export const SPECIAL = {
  plain: 0,
  tabs: 1,
  controls: 2,
  invalid: 3,
  utf8: 4,
  empty: 5,
  markup: 6,
} as const;

export function specialFile(): BytesFile {
  const lines = [
    bytes('plain ascii line: the quick brown fox jumps over the lazy dog'),
    bytes('\tone tab\ttwo\t\tthree\tcolumns\t|'),
    bytes('ctrl: NUL=', [0], ' SOH=', [1], ' ESC=', [0x1b], '[31mred', [0x1b], '[0m BEL=', [7], ' DEL=', [0x7f], ' end'),
    bytes('invalid utf-8: ', [0xff, 0xfe], ' latin-1 caf', [0xe9], ' truncated ', [0xe4, 0xb8], ' ok'),
    bytes('utf8: café naïve 中文 😀 ok'),
    bytes(''),
    bytes('<b>not bold</b> &amp; <script>alert(1)</script> <img src=x onerror=alert(2)>'),
    bytes('    indented with spaces, then\ta tab'),
    bytes('trailing spaces   '),
    ...Array.from({ length: 40 }, (_, i) => bytes(`filler line ${i + 1}\tcol2\tcol3`)),
  ];
  return bytesFile('special-chars.txt', lines);
}

/** Line indexes of the word wrap file, for the tests. */
export const WRAP = {
  words: 0,
  long: 1,
  tabs: 2,
  utf8: 3,
  longTabs: 4,
} as const;

/** Bytes of the word wrap file's long line (longLineText's tokens: wrapped rows hold no whitespace). */
export const WRAP_LONG_BYTES = 300_000;

/** Lines to wrap: words, a 300 KB line (cut at fixed offsets), tabs, wide characters, a 20 KB line of tabs, and short lines after them. */
export function wrapFile(): BytesFile {
  return bytesFile('wrap.txt', [
    bytes('plain words: the quick brown fox jumps over the lazy dog and keeps running far away from here'),
    bytes(longLineText(0, WRAP_LONG_BYTES)),
    bytes('\tone tab\ttwo\t\tthree\tcolumns\t|\tfour\tfive\tsix\tseven\teight\tnine\tten'),
    bytes('utf8: café naïve 中文中文中文中文中文中文中文中文中文中文 😀😀😀😀 ok'),
    bytes('\tx234567'.repeat(2500)),
    ...Array.from({ length: 60 }, (_, i) => bytes(`filler line ${i + 1}: a few words that wrap once the view is narrow enough`)),
  ]);
}

export function smallFile(count: number, name = 'growing.log'): FakeFile & { append(n: number): void; rotate(n: number): void } {
  let lines = count;
  let generation = 0;
  const text = (n: number) => `line ${n + 1}: ${generation ? `rewritten (generation ${generation})` : `appended at step ${Math.floor(n / 5)}`}`;
  return {
    name,
    get lineCount() {
      return lines;
    },
    get size() {
      let s = 0;
      for (let i = 0; i < lines; i++) s += text(i).length + 1;
      return s;
    },
    lineLength: (n) => text(n).length,
    lineBytes: (n, from, to) => encoder.encode(text(n).slice(from, to)),
    append(n: number) {
      lines += n;
    },
    /** Log rotation: the file is truncated and rewritten with n different lines. */
    rotate(n: number) {
      lines = n;
      generation++;
    },
  };
}

export function emptyFile(): BytesFile {
  return bytesFile('empty.txt', []);
}

const RICH = [
  '2026-12-06T15:04:05.123Z ERROR [main] c.e.Service - Request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed: user_id=42 path=/var/log/app.log',
  '203.0.113.7 - - [06/Dec/2026:15:04:05 +0000] "GET /api/v1/users?id=42 HTTP/1.1" 200 1534 "https://example.com/start" "Mozilla/5.0"',
  '\x1b[2m2026-12-06T15:04:05.123Z\x1b[0m \x1b[31;1mERROR\x1b[0m [main] \x1b[36mc.e.Service\x1b[0m - failed: \x1b[38;5;208muser_id=42\x1b[0m',
  'level=warn ts=2026-12-06T15:04:05Z msg="slow query" duration=1.5s ok=true addr=[2001:db8::1]:8080',
];

/** Line n of a log whose lines are 200 characters of what the log colouring marks, ANSI colours on a quarter of them. */
export function richLogLineText(line: number): string {
  let text = `#${line + 1} `;
  for (let k = line; text.length < 200; k++) text += `${RICH[k % RICH.length]} `;
  return text.slice(0, 200);
}

/** A `lines`-line log of richLogLineText lines (the colouring benchmark scrolls it). */
export function richLogFile(lines: number): FakeFile {
  return {
    name: 'rich.log',
    lineCount: lines,
    size: lines * 210,
    lineLength: (n) => richLogLineText(n).length,
    lineBytes: (n, from, to) => encoder.encode(richLogLineText(n).slice(from, to)),
  };
}
