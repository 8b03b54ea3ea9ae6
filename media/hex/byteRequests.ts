/**
 * The bytes the hex view asks the host for: the chunks of the screen that are
 * missing or stale, then a screen either side (fetchPlan.ts), one `getBytes`
 * request at a time (a reply to an older one is dropped, an unanswered one is given
 * up after a while). Chunks the host answered empty (it is saving) are not asked
 * again until the content or the file's size changes.
 */
import type { ViewerMessage } from '../../src/editor/protocol';
import { type ByteCache, CHUNK_BYTES } from './byteCache';
import { nextFetch } from './fetchPlan';

const REQUEST_TIMEOUT_MS = 5000;

/** A `getBytes` request on its way. */
export interface ByteRequest {
  id: number;
  offset: number;
  length: number;
  sentAt: number;
}

/** What the requests need from the view. */
export interface ByteRequestHost {
  post(message: ViewerMessage): void;
  /** A request went unanswered: draw again, which asks again. */
  redraw(): void;
}

/** The view's `getBytes` requests and their replies, stored in the cache; see `reset` and `drop` for what invalidates them. */
export class ByteRequests {
  private inflight: ByteRequest | undefined;
  private nextId = 1;
  /** Chunks the host answered empty (it is saving): asked again after the next change. */
  private readonly absent = new Set<number>();
  private timer = 0;

  constructor(private readonly cache: ByteCache, private readonly host: ByteRequestHost) {}

  /** Asks for the chunks of the screen [viewStart, viewStart + viewBytes) of a file of `size` bytes (then a screen either side) that are missing or stale. */
  fetch(viewStart: number, viewBytes: number, size: number): void {
    if (size === 0) return;
    const now = performance.now();
    if (this.inflight && now - this.inflight.sentAt < REQUEST_TIMEOUT_MS) return;
    this.inflight = undefined;
    const next = nextFetch(viewStart, viewBytes, size, (chunk) => !this.cache.isFresh(chunk) && !this.absent.has(chunk));
    if (!next) return;
    const id = this.nextId++;
    const { offset, length } = next;
    this.inflight = { id, offset, length, sentAt: now };
    this.host.post({ type: 'getBytes', id, offset, length });
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.host.redraw(), REQUEST_TIMEOUT_MS + 50);
  }

  /** The request a reply with `id` answers, which is then no longer on its way; undefined for a reply to an older one. */
  take(id: number): ByteRequest | undefined {
    const req = this.inflight;
    if (!req || req.id !== id) return undefined;
    this.inflight = undefined;
    return req;
  }

  /** Stores the reply to `req` in the cache; an empty one before the end of the file (the host is saving) marks its chunks absent. */
  received(req: ByteRequest, offset: number, data: Uint8Array, edited: number[], size: number): void {
    if (data.length === 0 && offset < size) {
      for (let c = req.offset / CHUNK_BYTES; c < (req.offset + req.length) / CHUNK_BYTES; c++) this.absent.add(c);
    } else {
      this.cache.store(offset, data, edited, offset + data.length >= size);
    }
  }

  /** Forgets the request on its way: its reply, asked before an edit, would bring the old bytes back. */
  drop(): void {
    this.inflight = undefined;
  }

  /** The content or the file's size changed: forgets the request on its way and asks again for the chunks answered empty. */
  reset(): void {
    this.inflight = undefined;
    this.absent.clear();
  }

  /** Stops the timer that gives up on an unanswered request (the view is going away). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
