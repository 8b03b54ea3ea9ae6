/**
 * Find in the hex view (hex bytes with ?? wildcards, or text): the find session
 * (findSession.ts: the widget, the host's search over the whole file and its count)
 * tied to the caret and the bytes held. Each match found becomes the selection, as
 * a byte range; the other matches on screen are found here, in the bytes held
 * (hexMatches.ts): no round trip.
 */
import type { FoundOffsetMessage } from '../../src/editor/findProtocol';
import type { ViewerMessage } from '../../src/editor/protocol';
import { FindSession } from '../findSession';
import type { ByteCache } from './byteCache';
import type { HexCursor } from './hexCursor';
import { byteHex } from './hexFormat';
import type { TextReading } from '../../src/search/textReading';
import { MatchMarks } from './hexMatches';
import type { CellMarks } from './hexRows';

/** What find needs from the view. */
export interface HexFindHost {
  post(message: ViewerMessage): void;
  /** Tells screen readers (the view's live region). */
  announce(text: string): void;
  redraw(): void;
  focusView(): void;
  /** Selects [offset, offset + length) and scrolls to it, the keys staying in the find widget. */
  select(offset: number, length: number): void;
}

/** The hex view's find: what it searches from, the match it selected, the matches on screen; `update` follows the bytes and the selection. */
export class HexFind {
  readonly session: FindSession;
  private readonly matches = new MatchMarks();
  /** [start, end) of the match find selected, while it is the selection and its query the current one. */
  private found: { start: number; end: number; version: number } | undefined;

  constructor(root: HTMLElement, private readonly cursor: HexCursor, private readonly cache: ByteCache, private readonly host: HexFindHost) {
    this.session = new FindSession(root, {
      post: (m) => host.post(m),
      send: (id, query, backwards, restart) => {
        const c = this.cursor;
        const { start } = c.selection();
        // Next skips the match selected now but not one overlapping it (byte patterns can overlap).
        const from = restart || backwards ? start : c.hasSelection ? start + 1 : c.caret;
        host.post({ type: 'findOffset', id, query, from, backwards, restart });
      },
      announce: (text) => host.announce(text),
      redraw: () => host.redraw(),
      focusView: () => host.focusView(),
    }, { hex: true });
  }

  /** Ctrl+F: the find widget, filled with the selected bytes (up to 64, when they are here). */
  open(): void {
    const { start, end } = this.cursor.selection();
    const bytes: string[] = [];
    for (let at = start; at < end && end - start <= 64; at++) {
      const byte = this.cache.byteAt(at);
      if (byte === undefined) break;
      bytes.push(byteHex(byte));
    }
    this.session.open(bytes.length === end - start && bytes.length > 0 ? bytes.join(' ') : undefined);
  }

  /** The host's answer to a search: its match, if any, becomes the selection, marked as the one found. */
  answered(m: FoundOffsetMessage): void {
    this.session.answered(m, (match) => {
      this.host.select(match.offset, match.length);
      this.found = { ...this.cursor.selection(), version: this.session.version };
    });
  }

  /**
   * Finds the matches touching bytes [from, to) of a file of `size` bytes in the
   * bytes held, read as text as `reading` says, and forgets the match found once the selection or the query moved
   * off it. Each frame, before `markAt`.
   */
  update(from: number, to: number, size: number, reading: TextReading): void {
    const s = this.session;
    const key = `${s.version}:${this.cache.version}:${reading.units}:${reading.bigEndian}:${reading.lineBreak}`;
    this.matches.update(key, s.currentQuery, s.matcher, reading, (at) => this.cache.byteAt(at), from, to, size);
    const sel = this.cursor.selection();
    const f = this.found;
    if (f && (f.start !== sel.start || f.end !== sel.end || f.version !== s.version)) this.found = undefined;
  }

  /** How the byte at `offset` is marked: in the match found, in another match, or neither. */
  markAt(offset: number): CellMarks['match'] {
    const f = this.found;
    return f && offset >= f.start && offset < f.end ? 'found' : this.matches.has(offset) ? 'other' : undefined;
  }
}
