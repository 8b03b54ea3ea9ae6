import { offsetOf, positionOf } from '../edits/editCommands';
import { encodedOrNone } from '../encoding/textEncoding';
import type { SearchQuery } from '../search/query';
import { HitBuckets } from '../ruler/hitBuckets';
import { searchFile } from '../search/searchFile';
import type { FindMessage, FindOffsetMessage } from './findProtocol';
import type { HugeDocument } from './hugeDocument';
import { MatchOffsets } from './matchOffsets';
import type { HostMessage, Position } from './protocol';
import { linesOfHits, RULER_INTERVAL_MS, rulerMessage } from './rulerLanes';
import { segmentsOf } from './searchSegments';
import { whenIndexed } from './whenIndexed';

/**
 * A match may straddle the point a count has reached and be reported with the next
 * chunk; offsets this close to that point are not trusted as "all recorded".
 */
const SCAN_MARGIN = 1024 * 1024;

interface Count {
  id: number;
  key: string;
  query: SearchQuery;
  size: number;
  offsets: MatchOffsets;
  /** Where the matches are, for the overview ruler. */
  hits: HitBuckets;
  /** The hex view's count: its ruler takes the buckets over bytes (rows), the text view's over lines. */
  overBytes: boolean;
  abort: AbortController;
}

/**
 * The host side of one viewer's find widget: counts every match of the query in
 * the background (off the event loop, in a worker), and answers next/previous from
 * what the count recorded, or by a search of its own from the caret, wrapping at
 * the end. Searches the edited content, not only the file.
 */
export class FindController {
  private count: Count | undefined;
  private lookup: AbortController | undefined;
  /** The match last shown, so the count can tell its rank once it gets there. */
  private shown: { offset: number; length: number } | undefined;

  constructor(private readonly document: HugeDocument, private readonly post: (message: HostMessage) => void) {}

  /** Answers a `find` message with a `found` message; restarts the count for a new query. */
  async find(message: FindMessage): Promise<void> {
    const found = await this.search(message.id, message.query, this.offsetOfPosition(message.from), message.backwards, message.restart, false);
    if (!found) return;
    if (!found.match) {
      this.post(found.error === undefined ? { type: 'found', id: message.id, wrapped: false } : { type: 'found', id: message.id, wrapped: false, error: found.error });
      return;
    }
    const { offset, length, index } = found.match;
    try {
      const [from, to] = await Promise.all([this.positionAt(offset, found.signal), this.positionAt(offset + length, found.signal)]);
      this.post({ type: 'found', id: message.id, match: { from, to, index }, wrapped: found.wrapped });
    } catch (err) {
      if (!found.signal.aborted) this.post({ type: 'found', id: message.id, wrapped: false, error: (err as Error).message });
    }
  }

  /** Answers a `findOffset` message (the hex view) with a `foundOffset` message. */
  async findOffset(message: FindOffsetMessage): Promise<void> {
    const found = await this.search(message.id, message.query, Math.min(message.from, this.document.text!.size), message.backwards, message.restart, true);
    if (found) this.post({ type: 'foundOffset', id: message.id, match: found.match, wrapped: found.wrapped, error: found.error });
  }

  /**
   * The next match from `from`, with its rank when known; undefined when a newer
   * search replaced this one (its answer is not wanted).
   */
  private async search(id: number, query: SearchQuery, from: number, backwards: boolean, restart: boolean, overBytes: boolean)
    : Promise<{ match?: { offset: number; length: number; index?: number }; wrapped: boolean; error?: string; signal: AbortSignal } | undefined> {
    const key = JSON.stringify(query);
    if (restart || this.count?.key !== key || this.count.overBytes !== overBytes) this.startCount(id, query, key, overBytes);
    this.lookup?.abort();
    const abort = new AbortController();
    this.lookup = abort;
    const signal = abort.signal;
    try {
      const found = await this.locate(query, from, backwards, signal);
      if (signal.aborted) return undefined;
      if (!found) return { wrapped: false, signal };
      this.shown = { offset: found.offset, length: found.length };
      const index = found.index ?? await this.rankOf(this.shown, signal);
      if (signal.aborted) return undefined;
      return { match: { offset: found.offset, length: found.length, index }, wrapped: found.wrapped, signal };
    } catch (err) {
      return signal.aborted ? undefined : { wrapped: false, error: (err as Error).message, signal };
    }
  }

  /** The query the find widget searches for now (undefined once it closed). */
  get query(): SearchQuery | undefined {
    return this.count?.query;
  }

  /** Stops the count and any lookup (the widget closed). */
  stop(): void {
    if (this.count) this.post(rulerMessage('find', undefined));
    this.count?.abort.abort();
    this.count = undefined;
    this.lookup?.abort();
    this.lookup = undefined;
  }

  /** The content changed: what the count recorded is stale, so it starts over. */
  contentChanged(): void {
    const count = this.count;
    if (count) this.startCount(count.id, count.query, count.key, count.overBytes);
  }

  private async locate(query: SearchQuery, from: number, backwards: boolean, signal: AbortSignal)
    : Promise<{ offset: number; length: number; index?: number; wrapped: boolean } | undefined> {
    const size = this.document.text!.size;
    const known = this.count?.size === size ? this.count.offsets.next(from, backwards, size) : undefined;
    if (known === null) return undefined;
    if (known) return { ...known, length: await this.matchLength(query, known.offset, signal) };
    const first = await this.searchOne(query, backwards ? { to: from } : { from }, backwards, signal);
    if (first) return { ...first, wrapped: false };
    const wrapped = await this.searchOne(query, {}, backwards, signal);
    return wrapped && { ...wrapped, wrapped: true };
  }

  /** The length of the match known to start at `offset` (a regex match's length is only known by matching). */
  private async matchLength(query: SearchQuery, offset: number, signal: AbortSignal): Promise<number> {
    if (query.kind === 'bytes') return query.pattern.length;
    // Text the file's encoding cannot hold: the search below says what, if anything, matched.
    const bytes = query.kind === 'text' ? encodedOrNone(this.document.text!.encoding, query.text) : undefined;
    if (bytes) return bytes.length;
    const found = await this.searchOne(query, { from: offset }, false, signal);
    return found && found.offset === offset ? found.length : 0;
  }

  /** The first match of `query` at or after byte `from` of the edited content, if any. */
  firstMatchFrom(query: SearchQuery, from: number, signal: AbortSignal): Promise<{ offset: number; length: number } | undefined> {
    return this.searchOne(query, { from }, false, signal);
  }

  private async searchOne(query: SearchQuery, range: { from?: number; to?: number }, backwards: boolean, signal: AbortSignal)
    : Promise<{ offset: number; length: number } | undefined> {
    let match: { offset: number; length: number } | undefined;
    await searchFile({
      path: this.document.uri.fsPath,
      segments: segmentsOf(this.document.text!.table),
      encoding: this.document.text!.encoding.id,
      lineBreak: this.document.text!.lineBreak.kind,
      ...range,
      query,
      maxMatches: 1,
      backwards,
      signal,
      onMatches: (batch) => { match ??= batch[0]; },
    });
    return match;
  }

  private startCount(id: number, query: SearchQuery, key: string, overBytes: boolean): void {
    this.count?.abort.abort();
    this.shown = undefined;
    const text = this.document.text!;
    const count: Count = { id, key, query, size: text.size, offsets: new MatchOffsets(), hits: new HitBuckets(text.size), overBytes, abort: new AbortController() };
    this.count = count;
    let matches = 0;
    let rulerAt = 0;
    const report = (progress: number, done: boolean, error?: string): void => {
      if (this.count !== count) return;
      if (done || performance.now() - rulerAt >= RULER_INTERVAL_MS) {
        rulerAt = performance.now();
        this.postRuler(count);
      }
      const current = this.shown && count.offsets.rankOf(this.shown.offset);
      this.post({ type: 'findCount', id, matches, progress, done, current: current?.countFrom === undefined ? current?.rank : undefined, error });
      const shown = this.shown;
      // Past the offsets kept, the rank takes a short search: sent once it is known.
      if (done && !error && shown && current?.countFrom !== undefined) {
        void this.rankOf(shown, count.abort.signal).then((rank) => {
          if (this.count === count && this.shown === shown && rank !== undefined) this.post({ type: 'findCount', id, matches, progress, done, current: rank });
        }, () => undefined);
      }
    };
    searchFile({
      path: this.document.uri.fsPath,
      segments: segmentsOf(text.table),
      encoding: text.encoding.id,
      lineBreak: text.lineBreak.kind,
      query,
      background: true,
      signal: count.abort.signal,
      onMatches: (batch) => {
        matches += batch.length;
        count.offsets.add(batch.map((m) => m.offset), 0);
        for (const m of batch) count.hits.add(m.offset);
      },
      onProgress: (p) => {
        count.offsets.add([], p.scannedBytes - SCAN_MARGIN);
        report(p.totalBytes > 0 ? p.scannedBytes / p.totalBytes : 1, false);
      },
    }).then(() => {
      count.offsets.finish(count.size);
      report(1, true);
    }, (err: Error) => {
      if (!count.abort.signal.aborted) report(0, true, err.message);
    });
  }

  /**
   * Sends the view's overview ruler where the count found matches so far: over bytes to
   * the hex view, over lines to the text view (not during a save: lines cannot be read then).
   */
  private postRuler(count: Count): void {
    const text = this.document.text!;
    if (text.size !== count.size) return;
    if (count.overBytes) this.post(rulerMessage('find', count.hits));
    else if (!this.document.isSaving) this.post(rulerMessage('find', linesOfHits(text, count.hits)));
  }

  /**
   * The rank of `match` among all matches, once the count has got there; past the
   * offsets the count keeps, by counting the matches between the nearest mark and it.
   */
  private async rankOf(match: { offset: number; length: number }, signal: AbortSignal): Promise<number | undefined> {
    const count = this.count;
    if (!count || count.size !== this.document.text!.size) return undefined;
    const known = count.offsets.rankOf(match.offset);
    if (known?.countFrom === undefined) return known?.rank;
    let between = 0;
    // A match that starts before `match` ends before its end (matches of a query have one length, or do not overlap).
    await searchFile({
      path: this.document.uri.fsPath,
      segments: segmentsOf(this.document.text!.table),
      encoding: this.document.text!.encoding.id,
      lineBreak: this.document.text!.lineBreak.kind,
      from: known.countFrom,
      to: match.offset + match.length,
      query: count.query,
      signal,
      onMatches: (batch) => { between += batch.filter((m) => m.offset < match.offset).length; },
    });
    return signal.aborted || this.count !== count ? undefined : known.rank + between;
  }

  private offsetOfPosition(p: Position): number {
    const text = this.document.text!;
    if (p.line >= text.availableLines()) return p.line === 0 ? 0 : text.size;
    return offsetOf(text, p);
  }

  private positionAt(offset: number, signal: AbortSignal): Promise<Position> {
    const text = this.document.text!;
    return whenIndexed(this.document.index!, () => positionOf(text, offset), signal);
  }
}
