/**
 * Where your highlight rules match in the whole file, for the overview ruler: one
 * background scan a rule (at search speed, off the event loop), each into a bitset of
 * the ruler's buckets, sent as the lane `highlight` of that rule as it fills. Scanned
 * again when the rules change and, a moment after the last change, when the content
 * changes (typing would otherwise restart it at each key). No `vscode`.
 */
import { type HighlightRule } from '../highlight/userRules';
import { HitBuckets } from '../ruler/hitBuckets';
import { searchFile } from '../search/searchFile';
import type { HugeDocument } from './hugeDocument';
import type { HostMessage } from './protocol';
import { linesOfHits, RULER_INTERVAL_MS, rulerMessage } from './rulerLanes';
import { segmentsOf } from './searchSegments';

/** Quiet time after a change of content before the rules are scanned again. */
const RESCAN_DELAY_MS = 1000;

export class HighlightLanes {
  private rules: readonly HighlightRule[] = [];
  /** Lanes the view shows now (their rule numbers), to take away when the rules change. */
  private shown = 0;
  private scan: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the lanes the last change asked for are all sent (or will never be: stopped, or the scan failed). */
  private done = true;
  private doneWaiters: (() => void)[] = [];

  constructor(private readonly document: HugeDocument, private readonly post: (message: HostMessage) => void) {}

  /** Scans for `rules` from now (the previous rules' lanes go). */
  setRules(rules: readonly HighlightRule[]): void {
    this.rules = rules;
    this.restart(0);
  }

  /** The content changed: scans again once it has been quiet for a moment. */
  contentChanged(): void {
    if (this.rules.length > 0) this.restart(RESCAN_DELAY_MS);
  }

  /** Stops scanning (the view closed or shows hex). */
  stop(): void {
    this.cancel();
    this.finished();
  }

  /** Resolves once every rule's lane is sent after the last change of rules or content (at once when none is coming). */
  scanned(): Promise<void> {
    return this.done ? Promise.resolve() : new Promise((resolve) => this.doneWaiters.push(resolve));
  }

  private cancel(): void {
    this.scan?.abort();
    this.scan = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private finished(): void {
    this.done = true;
    const waiters = this.doneWaiters;
    this.doneWaiters = [];
    for (const wake of waiters) wake();
  }

  private restart(delayMs: number): void {
    this.cancel();
    this.done = false;
    const abort = new AbortController();
    this.scan = abort;
    for (let rule = this.rules.length; rule < this.shown; rule++) this.post(rulerMessage('highlight', undefined, rule));
    this.shown = Math.min(this.shown, this.rules.length);
    if (this.rules.length === 0) {
      this.finished();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.scanAll(abort.signal);
    }, delayMs);
  }

  private async scanAll(signal: AbortSignal): Promise<void> {
    for (let rule = 0; rule < this.rules.length && !signal.aborted; rule++) {
      const text = this.document.text;
      if (!text) break;
      const hits = new HitBuckets(text.size);
      let sentAt = performance.now();
      const send = (): void => {
        sentAt = performance.now();
        // Lines cannot be read during a save: the lane waits for the next send.
        if (signal.aborted || this.document.isSaving || text.size !== hits.size) return;
        this.post(rulerMessage('highlight', linesOfHits(text, hits), rule));
        this.shown = Math.max(this.shown, rule + 1);
      };
      try {
        await searchFile({
          path: this.document.uri.fsPath,
          segments: segmentsOf(text.table),
          encoding: text.encoding.id,
          lineBreak: text.lineBreak.kind,
          query: this.rules[rule].query,
          background: true,
          signal,
          onMatches: (batch) => { for (const m of batch) hits.add(m.offset); },
          onProgress: () => { if (performance.now() - sentAt >= RULER_INTERVAL_MS) send(); },
        });
      } catch {
        // Cancelled, or the file went away: the next change of content or rules scans again.
        break;
      }
      send();
    }
    if (!signal.aborted) this.finished();
  }
}
