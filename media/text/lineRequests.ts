/**
 * The lines the text view asks the host for: the screen's missing lines and a page
 * either side, one `getLines` request at a time (a reply to an older one is dropped,
 * an unanswered one is given up after a while). Lines the host did not send, not
 * indexed yet, are not asked again until the file's state moves.
 */
import type { FileState, ViewerMessage } from '../../src/editor/protocol';
import { MAX_LINES_PER_REQUEST } from '../../src/editor/protocol';
import { isSlice } from '../guards';
import { coversWindow, type LineCache } from '../lineCache';

const REQUEST_TIMEOUT_MS = 5000;
/** Past this many absent lines they are all forgotten, so the set stays bounded. */
const MAX_ABSENT = 20000;

/** A `getLines` request on its way. */
export interface LineRequest {
  id: number;
  start: number;
  count: number;
  fromByte: number;
  maxBytes: number;
  sentAt: number;
}

/** A byte window of a line: [fromByte, fromByte + maxBytes). */
export interface LineWindow {
  fromByte: number;
  maxBytes: number;
}

export interface LineRequestHost {
  post(message: ViewerMessage): void;
  /** A request went unanswered: draw again, which asks again. */
  redraw(): void;
}

export class LineRequests {
  private inflight: LineRequest | undefined;
  private nextId = 1;
  /** The last line the host was asked to index up to (`revealLine`). */
  private lastRevealAsk = -1;
  /** Lines asked for and not sent (not indexed yet); asked again when the state moves. */
  private readonly absent = new Set<number>();
  private timer = 0;

  constructor(private readonly cache: LineCache, private readonly host: LineRequestHost) {}

  /** Forgets the request in flight: its reply would predate a change. */
  drop(): void {
    this.inflight = undefined;
  }

  /** The file shrank (truncated, rotated): lines past its index are asked for again too. */
  restart(): void {
    this.inflight = undefined;
    this.lastRevealAsk = -1;
  }

  /** The file's lines moved: those not sent before may be there now. */
  forgetAbsent(): void {
    this.absent.clear();
  }

  /** The request in flight if reply `id` answers it (else the reply is stale); it is no longer in flight. */
  take(id: number): LineRequest | undefined {
    const request = this.inflight;
    if (!request || request.id !== id) return undefined;
    this.inflight = undefined;
    return request;
  }

  /** Caches the lines of `request`'s reply and notes the ones it did not send. */
  store(request: LineRequest, lines: unknown[]): void {
    const got = new Set<number>();
    for (const s of lines) {
      if (!isSlice(s)) continue;
      this.cache.set(s.line, { slice: s, reqFrom: request.fromByte, reqMax: request.maxBytes });
      got.add(s.line);
    }
    if (this.absent.size > MAX_ABSENT) this.absent.clear();
    for (let l = request.start; l < request.start + request.count; l++) if (!got.has(l)) this.absent.add(l);
  }

  /**
   * Asks for the missing lines of the `rows` lines from `top` (+ a page either side) in
   * the horizontal window `win`, unless a request is on its way. `own`: lines that want a
   * window of their own (word wrap's long lines on screen), each asked for alone, first.
   */
  fetch(state: FileState, top: number, rows: number, win: LineWindow, own?: ReadonlyMap<number, LineWindow>): void {
    const now = performance.now();
    if (this.inflight && now - this.inflight.sentAt < REQUEST_TIMEOUT_MS) return;
    this.inflight = undefined;
    const lc = state.lineCount;
    const available = state.complete ? lc : Math.min(lc, state.knownLines);

    if (!state.complete && top + rows > state.knownLines) {
      const want = Math.min(lc, top + rows) - 1;
      if (want > this.lastRevealAsk) {
        this.lastRevealAsk = want;
        this.host.post({ type: 'revealLine', line: want });
      }
    }

    const needsIn = (line: number, w: LineWindow): boolean => {
      if (line >= available || this.absent.has(line)) return false;
      const entry = this.cache.peek(line);
      return !entry || entry.stale === true || !coversWindow(entry, w.fromByte, w.maxBytes);
    };
    for (const [line, w] of own ?? []) if (needsIn(line, w)) return this.send(line, line + 1, w, now);
    const needs = (line: number): boolean => !own?.has(line) && needsIn(line, win);
    const margin = Math.min(rows, Math.max(0, Math.floor((MAX_LINES_PER_REQUEST - rows) / 2)));
    let start = Math.max(0, top - margin);
    let end = Math.min(available, top + rows + margin);
    let firstVisible = -1;
    for (let l = top; l < Math.min(end, top + rows); l++) {
      if (needs(l)) {
        firstVisible = l;
        break;
      }
    }
    while (start < end && !needs(start)) start++;
    while (end > start && !needs(end - 1)) end--;
    // A line in a window of its own is never asked for again in the others': the run that holds the first line on screen to ask for goes.
    for (const line of [...own?.keys() ?? []].sort((a, b) => a - b)) {
      if (line < start || line >= end) continue;
      if (firstVisible > line) start = line + 1;
      else end = line;
    }
    if (start >= end) return;
    if (end - start > MAX_LINES_PER_REQUEST) {
      if (firstVisible >= 0) start = firstVisible;
      end = Math.min(end, start + MAX_LINES_PER_REQUEST);
    }
    this.send(start, end, win, now);
  }

  private send(start: number, end: number, win: LineWindow, now: number): void {
    const id = this.nextId++;
    this.inflight = { id, start, count: end - start, fromByte: win.fromByte, maxBytes: win.maxBytes, sentAt: now };
    this.host.post({ type: 'getLines', id, start, count: end - start, fromByte: win.fromByte, maxBytes: win.maxBytes });
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.host.redraw(), REQUEST_TIMEOUT_MS + 50);
  }
}
