/**
 * Tells the host where the text caret is (for the status bar, and the top line the view
 * starts at when it opens again), and screen readers which line it is on, as VS Code's
 * editor does. Throttled: holding an arrow key sends a message a tenth of a second, not
 * a frame.
 */
import type { Position, ViewerMessage } from '../../src/editor/protocol';
import { EOL, type LineCache } from '../lineCache';

const CARET_THROTTLE_MS = 100;

/** What the reporter reads from the view when its timer fires. */
export interface CaretReporterHost {
  readonly caret: Position;
  /** The other end of the selection (the caret itself when nothing is selected). */
  readonly anchor: Position;
  readonly topLine: number;
  readonly overwrite: boolean;
  /** Only a focused view reads its line out. */
  readonly focused: boolean;
  post(message: ViewerMessage): void;
  /** Says `text` to screen readers. */
  announce(text: string): void;
}

/** Sends the caret (and the selection's anchor) to the host when it (or the top line, or overwrite) changed; announces a new line. */
export class CaretReporter {
  private timer = 0;
  private lastSent = '';

  constructor(private readonly cache: LineCache, private readonly host: CaretReporterHost) {}

  /** Reports the caret as it will be shortly, unless a report is already on its way. */
  schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      const { caret, anchor, topLine, overwrite } = this.host;
      // The end of a line not loaded yet goes as EOL, which the host cuts to the line's length: 0 would put it at the line's start.
      const at = (p: Position): Position => ({ line: p.line, column: p.column === EOL ? this.cache.lineLength(p.line) ?? EOL : p.column });
      const position = at(caret);
      const other = at(anchor);
      const selected = other.line !== position.line || other.column !== position.column;
      const key = `${position.line}:${position.column}:${topLine}:${overwrite}:${selected ? `${other.line}:${other.column}` : ''}`;
      if (key === this.lastSent) return;
      const lineChanged = !this.lastSent.startsWith(`${caret.line}:`);
      this.lastSent = key;
      this.host.post(selected ? { type: 'caret', position, topLine, overwrite, anchor: other } : { type: 'caret', position, topLine, overwrite });
      if (lineChanged && this.host.focused) this.announceLine(caret.line);
    }, CARET_THROTTLE_MS);
  }

  private announceLine(line: number): void {
    const entry = this.cache.peek(line);
    const text = entry ? entry.slice.text.slice(0, 500) : '';
    this.host.announce(`Line ${line + 1}${text ? `: ${text}` : ''}`);
  }
}
