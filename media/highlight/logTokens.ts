/**
 * Splits one line of a log into coloured spans: levels, timestamps, numbers, quoted
 * strings, GUIDs, IP addresses, URLs, paths, `key=value` keys, exception names and
 * stack-trace lines. Our own rules, modelled on what VS Code's Log grammar marks
 * (extensions/log), with the kinds it lacks (IPs, paths, keys, Python tracebacks,
 * syslog and Apache timestamps) added.
 *
 * One regular expression with an alternative per kind scans the line once, left to
 * right; at one position the first alternative listed wins. Spans are UTF-16 indices
 * into the text as rendered and never overlap. Only the first MAX_SCANNED units are
 * scanned: a 60 MB one-line JSON costs what a 4 KiB line does, the rest stays plain.
 */
import type { LogKind } from '../../src/highlight/logScopes';

export interface LogSpan {
  start: number;
  end: number;
  kind: LogKind;
}

/** The kinds a line's level can be, from its first level token. */
export type LogLevel = 'error' | 'warning' | 'info' | 'debug' | 'verbose';

export interface LineTokens {
  spans: LogSpan[];
  level: LogLevel | undefined;
}

/** Units of a line scanned at most: what a view window of a long line holds (4 KiB). */
export const MAX_SCANNED = 4096;
/** Spans per line at most: a line of ten thousand numbers stays a small DOM. */
const MAX_SPANS = 400;

const LEVEL_WORDS: Record<string, LogLevel> = {
  FATAL: 'error', CRITICAL: 'error', CRIT: 'error', ALERT: 'error', EMERG: 'error', EMERGENCY: 'error', SEVERE: 'error',
  ERROR: 'error', ERR: 'error', EROR: 'error', FAIL: 'error', FAILED: 'error', FAILURE: 'error', F: 'error', FTL: 'error', E: 'error', A: 'error', C: 'error',
  WARNING: 'warning', WARN: 'warning', WRN: 'warning', W: 'warning',
  NOTICE: 'info', INFO: 'info', INFORMATION: 'info', INF: 'info', HINT: 'info', I: 'info', N: 'info',
  DEBUG: 'debug', DBG: 'debug', D: 'debug',
  TRACE: 'verbose', TRC: 'verbose', VERBOSE: 'verbose', VRB: 'verbose', FINE: 'verbose', FINER: 'verbose', FINEST: 'verbose', T: 'verbose', V: 'verbose',
};

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const HEX4 = '[0-9a-fA-F]{1,4}';
const PATH_PART = '[\\w.@+~%-]';

/** One capturing group per alternative, in the order of GROUP_KINDS. */
const ALTERNATIVES: [string, Group][] = [
  ['Caused by:|Traceback \\(most recent call last\\):|\\.\\.\\. \\d+ (?:more|common frames omitted)\\b', 'stackTrace'],
  ['\\b(?:'
    + '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}\\b)?)?(?!\\d)' // ISO 8601, RFC 3339
    + `|\\d{2}/${MONTH}/\\d{4}:\\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4})?` // Apache, nginx
    + `|${MONTH} [ \\d]\\d(?: \\d{4})? \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?` // syslog
    + '|\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?' // Android logcat
    + '|\\d{2}/\\d{2}/\\d{4}(?: \\d{2}:\\d{2}:\\d{2})?'
    + '|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}\\b)?' // time only
    + ')', 'date'],
  ['\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b', 'guid'],
  ['\\b[a-zA-Z][a-zA-Z\\d+.-]*://[^\\s"\'<>\\])]*[^\\s"\'<>\\]).,;:!?]', 'url'],
  ['\\b(?:FATAL|Fatal|CRITICAL|Critical|CRIT|ALERT|EMERG(?:ENCY)?|SEVERE|ERROR|Error|ERR|FAIL(?:URE|ED)?'
    + '|WARN(?:ING)?|Warn(?:ing)?|NOTICE|Notice|INFO(?:RMATION)?|Info|HINT|DEBUG|Debug|DBG|TRACE|VERBOSE|FINE(?:R|ST)?)\\b', 'levelWord'],
  ['[\\[<][A-Za-z]{1,11}[\\]>]', 'levelTag'],
  ['\\b[VDIWEFA](?=/(?!O\\b)|[ :]|\\d{4} \\d)', 'levelLetter'],
  ['\\b(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)\\b', 'exceptionType'],
  ['\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b', 'ip'],
  [`(?<![\\w:])(?:(?:${HEX4}:){7}${HEX4}|(?:${HEX4}(?::${HEX4}){0,6})?::(?:${HEX4}(?::${HEX4}){0,6})?)(?![\\w:])`, 'ip'],
  [`(?<![\\w.~/\\\\-])(?:~|\\.{1,2})?/${PATH_PART}+(?:/${PATH_PART}*)*|\\b[A-Za-z]:\\\\[^\\s"'<>|*?:]*`, 'path'],
  ['\\b[A-Za-z_][\\w.-]*(?==(?!=))', 'key'],
  ['"(?:[^"\\\\]|\\\\.){0,1000}"|(?<![\\w\'])\'[^\'\\n]{0,200}\'(?!\\w)', 'string'],
  ['\\b0x[0-9a-fA-F]+\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?:ms|us|ns|s|[kKMGT]i?B|B)?\\b|\\b(?:true|false|null|nil|None|NaN)\\b', 'number'],
];

/** What a group found: a kind, or a level form whose word says which level. */
type Group = LogKind | 'levelWord' | 'levelTag' | 'levelLetter';

const GROUPS: Group[] = ALTERNATIVES.map(([, g]) => g);
const SCANNER = new RegExp(ALTERNATIVES.map(([source]) => `(${source})`).join('|'), 'y');

/**
 * Where a token may start, by ASCII code: WORD inside a word (a token starts only at
 * its first character: every alternative that starts with a word character starts
 * with `\b`), START for the punctuation some alternative starts with, 0 elsewhere.
 * Trying the scanner only there, instead of at every position, makes it several
 * times faster on long lines.
 */
const WORD = 1;
const START = 2;
const STARTS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/\w/.test(ch)) STARTS[c] = WORD;
  else if ('"\'[</~.:-'.includes(ch)) STARTS[c] = START;
}

/** A stack frame (Java, .NET, JavaScript `at …`; Python `File "…", line N`): coloured whole, as VS Code's grammar does. */
const FRAME = /^[\t ]*(?:at[\t ]|File "[^"]*", line \d+)/;

/** Keys whose value is a level, written in any case (`level=warn`, `"severity":"error"`). */
const LEVEL_KEY = /^(?:level|lvl|severity|loglevel|log\.level)$/i;
const LEVEL_VALUE = /^(?:=|\s*:\s*)"?([A-Za-z]{1,11})\b/;

/** The span of the level after key `key` (its text ends at `end`) if it names one, and where scanning goes on (past a closing quote). */
function levelValue(key: string, text: string, end: number): { span: LogSpan; next: number } | undefined {
  if (!LEVEL_KEY.test(key)) return undefined;
  const m = LEVEL_VALUE.exec(text.slice(end, end + 24));
  const found = m && m[1].length > 1 ? LEVEL_WORDS[m[1].toUpperCase()] : undefined;
  if (!m || !found) return undefined;
  const start = end + m[0].length - m[1].length;
  const after = start + m[1].length;
  const quoted = m[0].endsWith(`"${m[1]}`) && text[after] === '"';
  return { span: { start, end: after, kind: found }, next: quoted ? after + 1 : after };
}

/**
 * A word starting with a lower-case letter starts a token only when one of these
 * follows it (a key's `=`, a URL's `:`, a dotted name, a logcat `x/`), or when it is
 * one of LOWER_WORDS (`undefined` after the end of the text never is).
 */
const AFTER_LOWER = '=:.-+/';
const LOWER_WORDS = new Set(['true', 'false', 'null', 'nil']);

/** The end of the run of word characters at `pos`. */
function wordEnd(text: string, pos: number): number {
  let i = pos + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128 || STARTS[c] !== WORD) break;
    i++;
  }
  return i;
}

function isFirstLetter(text: string, index: number): boolean {
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return true;
}

/**
 * The spans of `text`, one line (or a window of one, `atLineStart` false when it does
 * not start at the line's start: then rules about the start of the line do not apply).
 */
export function tokenizeLogLine(text: string, atLineStart = true): LineTokens {
  const scanned = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  if (atLineStart && FRAME.test(scanned)) return { spans: [{ start: 0, end: text.length, kind: 'stackTrace' }], level: undefined };
  const spans: LogSpan[] = [];
  let level: LogLevel | undefined;
  const re = SCANNER;
  let pos = 0;
  while (pos < scanned.length && spans.length < MAX_SPANS) {
    const c = scanned.charCodeAt(pos);
    const where = c < 128 ? STARTS[c] : 0;
    if (where === 0) {
      pos++;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) {
      // Most words of a message are lower-case words that start no token: skipped whole.
      const e = wordEnd(scanned, pos);
      if (!AFTER_LOWER.includes(scanned[e]) && !(e - pos <= 5 && LOWER_WORDS.has(scanned.slice(pos, e)))) {
        pos = e;
        continue;
      }
    }
    re.lastIndex = pos;
    const m = re.exec(scanned);
    if (!m) {
      pos = where === WORD ? wordEnd(scanned, pos) : pos + 1;
      continue;
    }
    let g = 1;
    while (m[g] === undefined) g++;
    const group = GROUPS[g - 1];
    const start = m.index;
    const end = start + m[0].length;
    if (group === 'levelWord' || group === 'levelTag' || group === 'levelLetter') {
      const found = LEVEL_WORDS[(group === 'levelTag' ? m[0].slice(1, -1) : m[0]).toUpperCase()];
      if (!found || (group === 'levelLetter' && !(atLineStart && isFirstLetter(text, start)))) {
        pos = start + 1;
        continue;
      }
      spans.push({ start, end, kind: found });
      level ??= found;
      pos = end;
      continue;
    }
    pos = end;
    if (group === 'ip' && m[0] === '::') continue;
    // A JSON key ("name": value) is a key too.
    const key = group === 'key' ? m[0] : group === 'string' && /^\s*:/.test(scanned.slice(end, end + 8)) ? m[0].slice(1, -1) : undefined;
    spans.push({ start, end, kind: key === undefined ? group : 'key' });
    const value = key === undefined ? undefined : levelValue(key, scanned, end);
    if (value) {
      spans.push(value.span);
      level ??= value.span.kind as LogLevel;
      pos = value.next;
    }
  }
  return { spans, level };
}
