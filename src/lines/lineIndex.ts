import * as fs from 'fs';
import type { Worker } from 'worker_threads';
import { TextEncoding, UTF8 } from '../encoding/textEncoding';
import { spawnWorker } from '../workers/spawnWorker';
import { IndexPart } from './indexPart';
import { lineBreakOf, LineBreak, LineBreakKind, lineTextEnd } from './lineBreak';
import type { ScanJob, WorkerMessage } from './indexWorker';
import { createScanner, NewlineScanner } from './newlineScanner';
import { FileReader, fileReaders } from './readers/fileReaders';
import { scanRange } from './scanRange';

export interface LineIndexOptions {
  /** Lines between checkpoints (memory is 8 bytes per checkpoint). */
  every?: number;
  /** Worker threads for the first full scan: 2 scans the halves in parallel. */
  workers?: 1 | 2;
  /**
   * Scan only the first MiB when opening, and start the workers on `startWorkers()`:
   * a viewer shows its first screen before a whole-file scan competes with it.
   */
  deferWorkers?: boolean;
  /** Workers at background priority (see spawnWorker): for the editor, not for a CLI command. */
  background?: boolean;
  /** The file's encoding (UTF-8 when not given): its code units are one byte or two (UTF-16). */
  encoding?: TextEncoding;
  /** How lines end: `\n` (and `\r\n`) when not given, or a lone `\r`; in the encoding's units. */
  lineBreak?: LineBreakKind;
  /**
   * The index of this file, or of its first `restore.size` bytes, as `snapshot` gave it
   * once complete: taken as it is (only bytes past it are scanned). The caller vouches
   * that those bytes did not change since; a snapshot of another `every` or line break is ignored.
   */
  restore?: LineIndexSnapshot;
}

/** A complete index as data (see LineIndex.snapshot): its parts' checkpoints, `every` newlines apart. */
export interface LineIndexSnapshot {
  size: number;
  every: number;
  /** The line break counted ('lf' when absent: snapshots kept before there was a choice). */
  lineBreak?: LineBreakKind;
  parts: { from: number; to: number; newlines: number; starts: Float64Array }[];
}

export interface IndexProgress {
  fileSize: number;
  /** Bytes of the file whose lines are numbered (a prefix of the file). */
  indexedBytes: number;
  /** Bytes scanned by all workers, including parts not yet numbered. */
  scannedBytes: number;
  complete: boolean;
}

/** Why an index started over: the file got shorter, another file replaced it, or it was rewritten in place. */
export type ResetReason = 'shrunk' | 'replaced' | 'rewritten';

const PARALLEL_MIN = 64 * 1024 * 1024;
const PROBE = 64 * 1024;
/**
 * Bytes scanned at once on the calling thread when a scan starts: the first screen
 * of a file is known without waiting for a worker to start (~100 ms), and a file
 * this small needs no worker at all. Scanning it takes well under a millisecond.
 */
const HEAD = 1024 * 1024;

/**
 * Maps line numbers (0-based) to byte offsets and back for a file of any size,
 * built in worker threads so the caller's event loop never stalls. Lines inside
 * the indexed prefix are exact at once; `waitForLine` waits for the indexer to reach
 * a line, never rescanning. Line rules are memSlices': `\n` ends a line, a final
 * line without `\n` counts, an empty file has 0 lines, so a file ending in `\n` has
 * as many lines as `wc -l` says.
 *
 * `refresh()` follows the file: growth is indexed from where the scan stopped;
 * shrinking or replacement resets the index and fires `onReset`. Reads of a file
 * truncated under it throw EFAULT instead of crashing (the mmap module's copies).
 */
export class LineIndex {
  private parts: IndexPart[] = [];
  private mf: FileReader;
  private identity: string;
  private readonly workers = new Set<Worker>();
  private readonly scanner: NewlineScanner = createScanner();
  private readonly probe: Buffer;
  private readonly progressListeners = new Set<(p: IndexProgress) => void>();
  private readonly resetListeners = new Set<(reason: ResetReason) => void>();
  private waiters: { line: number; resolve: () => void; reject: (err: Error) => void }[] = [];
  private failure: Error | undefined;
  private disposed = false;
  private readonly every: number;
  /** Worker starts held back until `startWorkers` (deferWorkers), else undefined. */
  private held: (() => void)[] | undefined;

  /** The file's encoding, as opened. */
  readonly encoding: TextEncoding;
  /** How the file's lines end, as opened. */
  readonly lineBreak: LineBreak;

  private constructor(readonly path: string, private readonly options: LineIndexOptions) {
    this.encoding = options.encoding ?? UTF8;
    this.lineBreak = lineBreakOf(options.lineBreak, this.encoding);
    this.every = options.every ?? 256;
    if (options.deferWorkers) this.held = [];
    this.probe = this.scanner.scanBuffer(PROBE);
    this.mf = fileReaders.openRandom(path);
    this.identity = identityOf(fs.statSync(path));
    const restore = options.restore;
    if (restore && restore.every === this.every && (restore.lineBreak ?? 'lf') === this.lineBreak.kind && restore.size <= this.mf.size && restore.parts.length > 0) {
      this.restoreFrom(restore);
    } else {
      this.startScan(0, this.mf.size, 0, options.workers ?? 1);
    }
  }

  /** Opens `path` and starts indexing it in the background. Throws like `open` (ENOENT, EISDIR, ...). */
  static open(filePath: string, options: LineIndexOptions = {}): LineIndex {
    return new LineIndex(filePath, options);
  }

  get fileSize(): number {
    return this.mf.size;
  }

  get complete(): boolean {
    return this.parts.every((p) => p.complete && p.lineBase >= 0);
  }

  /** The error that stopped indexing, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  get progress(): IndexProgress {
    const numbered = this.parts.filter((p) => p.lineBase >= 0);
    return {
      fileSize: this.mf.size,
      indexedBytes: numbered.length === 0 ? 0 : numbered[numbered.length - 1].scannedTo,
      scannedBytes: this.parts.reduce((sum, p) => sum + (p.scannedTo - p.from), 0),
      complete: this.complete,
    };
  }

  /** Newlines in the numbered prefix. */
  get knownNewlines(): number {
    const numbered = this.parts.filter((p) => p.lineBase >= 0);
    const last = numbered[numbered.length - 1];
    return last ? last.lineBase + last.newlines : 0;
  }

  /** The number of lines; only known once the index is complete (undefined before). */
  get lineCount(): number | undefined {
    if (!this.complete) return undefined;
    const size = this.mf.size;
    if (size === 0) return 0;
    return this.knownNewlines + (this.breakEndsAt(size) ? 0 : 1);
  }

  /** A line count while indexing: exact when complete, else extrapolated from the indexed prefix. */
  get estimatedLineCount(): number {
    const exact = this.lineCount;
    if (exact !== undefined) return exact;
    const { indexedBytes } = this.progress;
    if (indexedBytes === 0) return Math.max(1, this.knownNewlines);
    return Math.max(this.knownNewlines + 1, Math.round((this.knownNewlines * this.mf.size) / indexedBytes));
  }

  /** The index as data, to restore later (see LineIndexOptions.restore); undefined until it is complete. */
  snapshot(): LineIndexSnapshot | undefined {
    if (!this.complete || this.failure) return undefined;
    return {
      size: this.mf.size,
      every: this.every,
      lineBreak: this.lineBreak.kind,
      parts: this.parts.map((p) => ({ from: p.from, to: p.to, newlines: p.newlines, starts: p.checkpoints() })),
    };
  }

  /** Bytes held by checkpoints (the index's memory). */
  get memoryBytes(): number {
    return this.parts.reduce((sum, p) => sum + p.memoryBytes, 0);
  }

  /** True when line `n`'s start and end are both known. */
  isLineKnown(n: number): boolean {
    return n + 1 <= this.knownNewlines || (this.complete && n < (this.lineCount ?? 0));
  }

  /**
   * Byte offset where line `n` starts. Throws RangeError when `n` is not inside the
   * indexed prefix yet (see `waitForLine`) or past the last line.
   */
  offsetOfLine(n: number): number {
    checkLine(n);
    if (n === 0) return 0;
    if (n > this.knownNewlines || (this.complete && n >= (this.lineCount ?? 0))) {
      throw new RangeError(`line ${n} is not indexed (${this.knownNewlines} newlines known, complete: ${this.complete})`);
    }
    return this.offsetAfterNewline(n);
  }

  /** The offset right after the `n`-th newline of the file (1-based; 0 gives 0). Throws RangeError unless `n` <= knownNewlines. */
  offsetAfterNewline(n: number): number {
    checkLine(n);
    if (n > this.knownNewlines) throw new RangeError(`newline ${n} is not indexed (${this.knownNewlines} known)`);
    if (n === 0) return 0;
    const part = this.parts.find((p) => p.lineBase >= 0 && n > p.lineBase && n <= p.lineBase + p.newlines)!;
    const seek = part.seekNewline(n - part.lineBase);
    return seek.skip === 0 ? seek.offset : this.nthNewlineAfter(seek.offset, seek.skip) + this.lineBreak.unitBytes;
  }

  /**
   * Where line `n`'s text ends (exclusive, before its line break; a `\r` before a `\n`
   * is excluded, as memSlices eats it) and where the next line starts.
   */
  lineBounds(n: number): { start: number; end: number; next: number } {
    if (!this.isLineKnown(n)) throw new RangeError(`line ${n} is not indexed yet`);
    const start = this.offsetOfLine(n);
    const next = n + 1 <= this.knownNewlines ? this.offsetAfterNewline(n + 1) : this.mf.size;
    const end = next <= this.mf.size ? lineTextEnd(this.lineBreak, start, next, (at, length) => this.mf.read(at, length)) : next;
    return { start, end, next };
  }

  /** A copy of `length` bytes at `offset` of the file as mapped now. Throws EFAULT if it shrank under them. */
  read(offset: number, length: number): Buffer {
    return this.mf.read(offset, length);
  }

  /** The line containing byte `offset`. Throws RangeError when that byte is not indexed yet. */
  lineOfOffset(offset: number): number {
    checkLine(offset);
    const part = this.parts.find((p) => p.lineBase >= 0 && offset >= p.from && offset < p.scannedTo);
    if (!part) throw new RangeError(`offset ${offset} is not indexed (${this.progress.indexedBytes} bytes indexed)`);
    const seek = part.seekOffset(offset);
    return part.lineBase + seek.newlinesBefore + this.countNewlines(seek.offset, offset);
  }

  /** Newlines in the file before byte `offset` (0..size). Throws RangeError past the indexed prefix. */
  newlinesBefore(offset: number): number {
    checkLine(offset);
    if (offset === 0) return 0;
    if (offset > this.mf.size) throw new RangeError(`offset ${offset} is past the end (${this.mf.size})`);
    return this.lineOfOffset(offset - 1) + (this.breakEndsAt(offset) ? 1 : 0);
  }

  /** Resolves when line `n` is fully known, or the index is complete (then `n` may be past the end). */
  waitForLine(n: number): Promise<void> {
    checkLine(n);
    if (this.failure) return Promise.reject(this.failure);
    if (this.isLineKnown(n) || this.complete) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ line: n, resolve, reject }));
  }

  /** Resolves when the whole file is indexed. */
  whenComplete(): Promise<void> {
    return this.waitForLine(Number.MAX_SAFE_INTEGER);
  }

  /** Calls `listener` after every batch the workers report and on completion. */
  onProgress(listener: (p: IndexProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Calls `listener` when the index starts over because the file shrank or was replaced. */
  onReset(listener: (reason: ResetReason) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * Looks at the file again: growth is indexed from where the scan stopped; a file
   * that shrank or was replaced resets the index. Returns what it found.
   */
  refresh(): 'unchanged' | 'grown' | ResetReason {
    if (this.disposed) return 'unchanged';
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.path);
    } catch (err) {
      this.fail(err as Error);
      throw err;
    }
    const replaced = identityOf(stat) !== this.identity;
    if (replaced || stat.size < this.mf.size) {
      this.reset(replaced ? 'replaced' : 'shrunk');
      return replaced ? 'replaced' : 'shrunk';
    }
    if (stat.size === this.mf.size) return 'unchanged';
    if (this.mf.size % this.lineBreak.unitBytes !== 0) {
      // It ended inside a two-byte unit, which the growth completes: scan it whole again.
      this.reset(undefined);
      return 'grown';
    }
    const last = this.parts[this.parts.length - 1];
    if (last && !(last.complete && this.complete)) return 'unchanged';
    const from = this.mf.size;
    this.reopen();
    this.startScan(from, this.mf.size, this.knownNewlines, 1);
    return 'grown';
  }

  /**
   * Stops indexing and unmaps the file until `reload`: Windows cannot resize a file
   * another view maps, and a save must not race a scan. Reads throw meanwhile.
   */
  release(): void {
    this.stopWorkers();
    this.mf.close();
  }

  /** Indexes the file again from the start, e.g. after this process rewrote it; fires no reset. */
  reload(): void {
    this.reset(undefined);
  }

  /**
   * Another program rewrote the file in place (its size does not show it: the caller
   * saw a new modification time or new bytes): indexes it again from the start and
   * fires `onReset('rewritten')`.
   */
  rewritten(): void {
    if (!this.disposed) this.reset('rewritten');
  }

  /**
   * Starts the workers that `deferWorkers` held back (also those of a rescan since);
   * from then on workers start at once. Does nothing otherwise, or twice.
   */
  startWorkers(): void {
    const held = this.held;
    this.held = undefined;
    held?.forEach((start) => start());
  }

  /** Stops the workers and releases the mapping. Pending waits are rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopWorkers();
    this.fail(new Error('the line index was disposed'));
    this.mf.close();
  }

  private reset(reason: ResetReason | undefined): void {
    this.stopWorkers();
    this.parts = [];
    this.reopen();
    this.identity = identityOf(fs.statSync(this.path));
    if (reason) for (const listener of this.resetListeners) listener(reason);
    this.startScan(0, this.mf.size, 0, this.options.workers ?? 1);
  }

  /** Takes the parts of `snapshot` as they are, then scans what the file has past them. */
  private restoreFrom(snapshot: LineIndexSnapshot): void {
    let lineBase = 0;
    for (const saved of snapshot.parts) {
      const part = new IndexPart(saved.from, saved.to, this.every);
      part.lineBase = lineBase;
      part.append(saved.starts, saved.newlines, saved.to);
      this.parts.push(part);
      lineBase += saved.newlines;
    }
    if (snapshot.size < this.mf.size) this.startScan(snapshot.size, this.mf.size, lineBase, 1);
    else this.settle();
  }

  private reopen(): void {
    const next = fileReaders.openRandom(this.path);
    this.mf.close();
    this.mf = next;
  }

  private startScan(from: number, to: number, lineBase: number, workers: number): void {
    // Parts meet at an even offset: a two-byte unit is never cut between two scans.
    const middle = from + Math.floor((to - from) / 4) * 2;
    const ranges = workers > 1 && to - from >= PARALLEL_MIN ? [from, middle, to] : [from, to];
    for (let i = 0; i + 1 < ranges.length; i++) {
      const part = new IndexPart(ranges[i], ranges[i + 1], this.every);
      if (i === 0) {
        part.lineBase = lineBase;
        this.scanHead(part);
      }
      this.parts.push(part);
      if (part.complete) continue;
      this.spawn(part, {
        path: this.path, from: part.scannedTo, to: part.to, every: this.every, newlinesBefore: part.newlines,
        lineBreak: this.lineBreak.kind, unitBytes: this.encoding.unitBytes, bigEndian: this.encoding.bigEndian,
      });
    }
    this.settle();
  }

  /** Scans the start of `part` here and now; a failure (the file shrank) is left to the worker to meet and report. */
  private scanHead(part: IndexPart): void {
    const end = Math.min(part.to, part.from + HEAD);
    try {
      // A scanner of its own: growing this.scanner's memory would detach this.probe.
      scanRange((at, dst, n) => this.mf.readInto(at, dst, 0, n), part.from, end, this.every, 0, createScanner(), (batch) => {
        part.append(batch.checkpoints, batch.newlines, batch.scannedTo);
        return true;
      }, this.lineBreak);
    } catch {
      // The worker starts from wherever this got to.
    }
  }

  private spawn(part: IndexPart, job: ScanJob): void {
    if (this.held) {
      this.held.push(() => this.spawn(part, job));
      return;
    }
    const worker = spawnWorker(__dirname, 'indexWorker', job, [], this.options.background ?? false);
    this.workers.add(worker);
    const parts = this.parts;
    worker.on('message', (message: WorkerMessage) => {
      if (parts !== this.parts) return;
      if (message.type === 'batch') {
        part.append(message.checkpoints, message.newlines, message.scannedTo);
        this.settle();
      } else if (message.type === 'error') {
        this.onWorkerError(message.code, message.message);
      }
    });
    worker.on('error', (err) => {
      if (parts === this.parts) this.onWorkerError('EWORKER', err.message);
    });
    worker.on('exit', () => this.workers.delete(worker));
  }

  private onWorkerError(code: string, message: string): void {
    if (code === 'EFAULT' || code === 'ESHRUNK' || code === 'ENOENT') {
      try {
        if (this.refresh() !== 'unchanged') return;
      } catch {
        return;
      }
    }
    const err = new Error(`indexing ${this.path} failed: ${message}`) as Error & { code: string };
    err.code = code;
    this.fail(err);
  }

  /** Numbers parts whose predecessors are complete, then tells waiters and listeners. */
  private settle(): void {
    for (let i = 1; i < this.parts.length; i++) {
      const prev = this.parts[i - 1];
      if (this.parts[i].lineBase < 0 && prev.lineBase >= 0 && prev.complete) this.parts[i].lineBase = prev.lineBase + prev.newlines;
    }
    const complete = this.complete;
    const ready = this.waiters.filter((w) => complete || this.isLineKnown(w.line));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
    const progress = this.progress;
    for (const listener of this.progressListeners) listener(progress);
  }

  private fail(err: Error): void {
    this.failure = err;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(err);
  }

  private stopWorkers(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers.clear();
    if (this.held) this.held = [];
  }

  /** Whether a line break ends right before `offset` (0 < offset <= size). */
  private breakEndsAt(offset: number): boolean {
    const unit = this.lineBreak.unitBytes;
    if (offset < unit) return false;
    this.mf.readInto(offset - unit, this.probe, 0, unit);
    return this.lineBreak.isBreakAt(this.probe, 0);
  }

  /** Offset of the `n`-th (1-based) newline at or after `from`. */
  private nthNewlineAfter(from: number, n: number): number {
    let left = n;
    for (let at = from; at < this.mf.size; at += PROBE) {
      const len = Math.min(PROBE, this.mf.size - at);
      this.mf.readInto(at, this.probe, 0, len);
      const count = this.lineBreak.count(this.scanner, this.probe, len);
      if (count >= left) return at + this.lineBreak.nth(this.scanner, this.probe, len, left - 1);
      left -= count;
    }
    throw new RangeError(`newline not found: the file changed under the index`);
  }

  private countNewlines(from: number, to: number): number {
    let count = 0;
    for (let at = from; at < to; at += PROBE) {
      const len = Math.min(PROBE, to - at);
      this.mf.readInto(at, this.probe, 0, len);
      count += this.lineBreak.count(this.scanner, this.probe, len);
    }
    return count;
  }
}

function checkLine(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`expected a line number or offset >= 0, got ${String(n)}`);
}

/** Device and inode: a rotated log is a new file at the same path. */
function identityOf(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}
