/**
 * Tells the host where the hex caret is (`byteCaret`, for the status bar), at most
 * every 100 ms and only when something changed; and screen readers the caret's
 * offset and byte, when it moved while the view has the focus.
 */
import type { ViewerMessage } from '../../src/editor/protocol';
import type { ByteCache } from './byteCache';
import type { HexCursor } from './hexCursor';
import { byteHex, printable } from './hexFormat';

const CARET_THROTTLE_MS = 100;

/** What the caret report needs from the view. */
export interface CaretReportHost {
  readonly size: number;
  /** The rows have the keyboard focus. */
  readonly focused: boolean;
  post(message: ViewerMessage): void;
  /** Tells screen readers (the view's live region). */
  announce(text: string): void;
}

/** The caret as last reported to the host; `schedule` after any change. */
export class CaretReport {
  private timer = 0;
  private lastSent = '';

  constructor(private readonly cursor: HexCursor, private readonly cache: ByteCache, private readonly host: CaretReportHost) {}

  /** Reports the caret shortly, if it or the selection changed by then. */
  schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      const c = this.cursor;
      const { start, end } = c.selection();
      const key = `${c.caret}:${end - start}:${c.insert}`;
      if (key === this.lastSent) return;
      const moved = !this.lastSent.startsWith(`${c.caret}:`);
      this.lastSent = key;
      this.host.post({ type: 'byteCaret', offset: c.caret, selectionLength: end - start, insert: c.insert });
      if (moved && this.host.focused) this.announce();
    }, CARET_THROTTLE_MS);
  }

  /** Drops a report not sent yet (the view is going away). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  /** Screen readers hear the caret's offset and byte. */
  private announce(): void {
    const at = this.cursor.caret;
    const byte = this.cache.byteAt(at);
    const what = at >= this.host.size ? 'end of file' : byte === undefined ? 'loading' : `byte ${byteHex(byte)}, ${printable(byte)}`;
    this.host.announce(`Offset 0x${at.toString(16)}: ${what}`);
  }
}
