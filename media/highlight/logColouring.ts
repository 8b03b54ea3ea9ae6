/**
 * The text view's log colouring: whether it is on for this file (the setting, else
 * the file's name or look), the class spans of a line's text, the tint of its row,
 * and the theme's colours as CSS variables on the view's root (set through the CSSOM,
 * which the page's CSP allows; logColours.css reads them, with fallbacks). ANSI escape
 * sequences (ansiSgr.ts) colour the text after them, over the log colours, in any file;
 * the log tokenizer reads the text with them blanked out.
 */
import type { LogColoursMessage } from '../../src/editor/logColourProtocol';
import { LOG_KINDS, type LogColourMap, type LogKind, type TokenStyle } from '../../src/highlight/logScopes';
import type { LineSlice } from '../../src/editor/protocol';
import { ansiSpans, blankEscapes } from './ansiSgr';
import { type ClassSpan, layerSpans } from './spanRuns';
import { looksLikeLog } from './logSniff';
import { MAX_SCANNED, tokenizeLogLine } from './logTokens';

/** Lines looked at to decide whether a file looks like a log (fewer when the file is shorter). */
export const SNIFF_LINES = 50;

/**
 * Font styles when the theme could not be read, as VS Code's default themes give them:
 * levels of errors in bold, exceptions and stack traces in italics.
 */
const FALLBACK_STYLES: LogColourMap = {
  error: { bold: true },
  exceptionType: { italic: true },
  stackTrace: { italic: true },
};

/** What one line of text gets: its spans, and the class of its row's tint ('' for none). */
export interface LineColours {
  spans: ClassSpan[];
  tint: string;
}

const PLAIN: LineColours = { spans: [], tint: '' };

export class LogColouring {
  private settings: LogColoursMessage | undefined;
  /** `auto` only: whether the first lines shown look like a log; undefined until they are loaded. */
  private looked: boolean | undefined;
  /** Each kind's class list: its colour class and its font style classes. */
  private readonly classes = new Map<LogKind, string>();

  constructor(private readonly root: HTMLElement) {}

  /** The host's settings and colours (again after a theme or settings change). */
  configure(message: LogColoursMessage): void {
    this.settings = message;
    const colours: LogColourMap = message.colours ?? FALLBACK_STYLES;
    for (const kind of LOG_KINDS) {
      const style: TokenStyle = colours[kind] ?? {};
      const name = `--log-${kind}`;
      // No colour from the theme: logColours.css falls back on the workbench's colour variables.
      if (message.colours && style.foreground) this.root.style.setProperty(name, style.foreground);
      else this.root.style.removeProperty(name);
      this.classes.set(kind, `lg lg-${kind}${style.bold ? ' lg-b' : ''}${style.italic ? ' lg-i' : ''}${style.underline ? ' lg-u' : ''}`);
    }
  }

  /** Colouring waits for the first lines shown to decide whether they look like a log. */
  get deciding(): boolean {
    return this.settings?.mode === 'auto' && !this.settings.logName && this.looked === undefined;
  }

  /** Decides from the first lines shown (`auto`); true when that turned colouring on (rows must be drawn again). */
  decide(lines: readonly LineSlice[]): boolean {
    this.looked = looksLikeLog(lines.map((l) => ({ text: blankEscapes(l.text), atLineStart: l.fromByte === 0 })));
    return this.looked;
  }

  get active(): boolean {
    const s = this.settings;
    if (!s || s.mode === 'off') return false;
    return s.mode === 'on' || s.logName || this.looked === true;
  }

  /**
   * The spans and row tint of `slice`'s text (none while colouring is off, but the ANSI
   * colours); `whole`: all of it (word wrap shows a whole window), not its start only.
   */
  colours(slice: LineSlice, whole = false): LineColours {
    return this.lineColours(slice.text, slice.fromByte === 0, whole);
  }

  /** `colours` of a text that is the start of its line (`atLineStart`) or a window further in. */
  lineColours(text: string, atLineStart: boolean, whole = false): LineColours {
    const ansi = this.settings?.ansi ? ansiSpans(text) : [];
    if (!this.active) return ansi.length > 0 ? { spans: ansi, tint: '' } : PLAIN;
    const blanked = blankEscapes(text);
    const { spans, level } = tokenizeLogLine(blanked, atLineStart);
    const tint = this.settings!.tint && (level === 'error' || level === 'warning') ? `log-tint-${level}` : '';
    const log = spans.map((s) => ({ start: s.start, end: s.end, className: this.classes.get(s.kind)! }));
    // The tokenizer scans MAX_SCANNED units at a time: the rest of a whole text, piece by piece.
    for (let at = MAX_SCANNED; whole && at < text.length && (log.length === 0 || log[log.length - 1].end <= at); at += MAX_SCANNED) {
      for (const t of tokenizeLogLine(blanked.slice(at, at + MAX_SCANNED), false).spans) log.push({ start: t.start + at, end: t.end + at, className: this.classes.get(t.kind)! });
    }
    return { spans: layerSpans(log, ansi), tint };
  }
}
