import { filterFile } from '../search/filterFile';
import type { FilterMessage, GetFilterLinesMessage } from './findProtocol';
import { FILTER_LINE_BYTES } from './findProtocol';
import { FilterResult } from './filterResult';
import type { HugeDocument } from './hugeDocument';
import { HitBuckets } from '../ruler/hitBuckets';
import { readLineSlices } from './lineService';
import { MarkedRunsMerger, runsOf, shownMarkedLines } from './markedFilter';
import { RULER_INTERVAL_MS, rulerMessage } from './rulerLanes';
import type { HostMessage } from './protocol';
import { segmentsOf } from './searchSegments';
import { whenIndexed } from './whenIndexed';

interface Job {
  id: number;
  message: FilterMessage;
  result: FilterResult;
  abort: AbortController;
}

/**
 * The host side of one viewer's filter pane: builds the list of matching lines in
 * a worker, streaming progress, and serves rows of it on request (the line's
 * number and the start of its text). One filter at a time per viewer.
 */
export class FilterController {
  private job: Job | undefined;

  constructor(private readonly document: HugeDocument, private readonly post: (message: HostMessage) => void) {}

  /** Starts building the filter of `message` (replacing any other). */
  start(message: FilterMessage): void {
    this.job?.abort.abort();
    const job: Job = { id: message.id, message, result: new FilterResult(), abort: new AbortController() };
    this.job = job;
    let rulerAt = 0;
    const report = (progress: number, done: boolean, error?: string): void => {
      if (this.job !== job) return;
      this.post({ type: 'filterProgress', id: job.id, lines: job.result.lineCount, progress, done, error });
      if (done || performance.now() - rulerAt >= RULER_INTERVAL_MS) {
        rulerAt = performance.now();
        this.postRuler(job);
      }
    };
    const marked = message.marked ? this.markedLines(message) : [];
    if (message.marked && message.include.length === 0) {
      // Marked lines are the only lines shown: nothing to scan.
      job.result.append(runsOf(marked));
      report(1, true);
      return;
    }
    const merger = new MarkedRunsMerger(marked);
    filterFile({
      path: this.document.uri.fsPath,
      segments: segmentsOf(this.document.text!.table),
      encoding: this.document.text!.encoding.id,
      lineBreak: this.document.text!.lineBreak.kind,
      background: true,
      include: message.include,
      exclude: message.exclude,
      signal: job.abort.signal,
      onLines: (runs) => job.result.append(merger.merge(runs)),
      onProgress: (p) => report(p.totalBytes > 0 ? p.scannedBytes / p.totalBytes : 1, false),
    }).then(() => {
      job.result.append(merger.rest());
      report(1, true);
    }, (err: Error) => {
      if (!job.abort.signal.aborted) report(0, true, err.message);
    });
  }

  /** The marks changed: a filter showing marked lines is built again. */
  marksChanged(): void {
    if (this.job?.message.marked) this.start(this.job.message);
  }

  /** The marked lines the filter of `message` shows (no hide rule matches them). */
  private markedLines(message: FilterMessage): number[] {
    const text = this.document.text!;
    const lines = this.document.marks?.lines().lines ?? [];
    return shownMarkedLines(lines, message.exclude, (line) => readLineSlices(text, line, 1, 0, FILTER_LINE_BYTES * 32)[0]?.text ?? '');
  }

  /** Answers `getFilterLines`, once the index knows the lines asked for. Stale filter ids get no answer. */
  async lines(message: GetFilterLinesMessage): Promise<void> {
    const job = this.job;
    if (!job || job.id !== message.filterId) return;
    const end = Math.min(message.start + message.count, job.result.lineCount);
    const rows: { index: number; line: number }[] = [];
    for (let index = message.start; index < end; index++) rows.push({ index, line: job.result.lineAt(index) });
    if (rows.length === 0) {
      this.post({ type: 'filterLines', id: message.id, filterId: job.id, lines: [] });
      return;
    }
    const text = this.document.text!;
    const last = rows[rows.length - 1].line;
    try {
      await whenIndexed(this.document.index!, () => text.lineBounds(last), job.abort.signal);
    } catch {
      return;
    }
    if (this.job !== job || this.document.isSaving) return;
    const lines = rows.flatMap(({ index, line }) => {
      if (line >= text.availableLines()) return [];
      const [slice] = readLineSlices(text, line, 1, 0, FILTER_LINE_BYTES);
      return [{ index, line, text: slice.text, length: slice.length }];
    });
    this.post({ type: 'filterLines', id: message.id, filterId: job.id, lines });
  }

  /** Sends the view's overview ruler the lines the filter shows so far. */
  private postRuler(job: Job): void {
    const lines = new HitBuckets(this.document.text!.estimatedLineCount());
    job.result.forEachRun((first, count) => lines.addRange(first, first + count));
    this.post(rulerMessage('filter', lines));
  }

  /** Rebuilds the current filter (the content changed under it). */
  contentChanged(): void {
    if (this.job) this.start(this.job.message);
  }

  /** Stops building and forgets the result; the ruler's lane goes with it. */
  stop(): void {
    if (!this.job) return;
    this.job.abort.abort();
    this.job = undefined;
    this.post(rulerMessage('filter', undefined));
  }
}
