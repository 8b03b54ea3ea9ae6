import { encodingOf, TextEncoding } from '../encoding/textEncoding';
import { lineBreakOf } from '../lines/lineBreak';
import { filterStream } from './filterStream';
import { checkQuery } from './query';
import { DEFAULT_LIMITS } from './scanLimits';
import type { ErrorData, FilterJob, SearchJob, WorkerInput, WorkerMessage } from './searchMessages';
import { StreamSearch, searchStream } from './searchStream';
import { SegmentStream } from './segments';

/** Matches or runs per message; a batch also goes out when BATCH_MS passed since the last. */
const BATCH = 4096;
const BATCH_MS = 100;
/** Progress messages at most this often (~10 per second). */
const PROGRESS_MS = 100;

type Post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => void;

function outOfRange(message: string): Error {
  return Object.assign(new RangeError(message), { code: 'ERR_OUT_OF_RANGE' });
}

function checkWhole(name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min || value > max)) {
    throw outOfRange(`${name} must be a whole number in ${min}..${max}, got ${String(value)}`);
  }
}

/** The job's options resolved against the stream's size; throws ERR_OUT_OF_RANGE or the query's error. */
export function resolveSearch(job: SearchJob, size: number): StreamSearch {
  checkWhole('from', job.from, 0, size);
  const from = job.from ?? 0;
  checkWhole('to', job.to, from, size);
  checkWhole('firstLine', job.firstLine, 0);
  checkWhole('maxMatches', job.maxMatches, 1);
  const encoding = encodingNamed(job.encoding);
  return {
    query: checkQuery(job.query),
    from,
    to: job.to ?? size,
    lines: job.lines,
    firstLine: job.firstLine,
    maxMatches: job.maxMatches ?? Infinity,
    backwards: job.backwards,
    encoding,
    lineBreak: lineBreakOf(job.lineBreak, encoding),
  };
}

/** The encoding a job names; throws ERR_INVALID_ARG_VALUE for one not known. */
export function encodingNamed(id: string | undefined): TextEncoding {
  const encoding = encodingOf(id ?? 'utf8');
  if (!encoding) throw Object.assign(new TypeError(`unknown encoding '${String(id).slice(0, 40)}'`), { code: 'ERR_INVALID_ARG_VALUE' });
  return encoding;
}

/** Three typed-array columns filled row by row and posted (transferred) when full or due. */
class Batch {
  private columns = Batch.empty();
  private rows = 0;
  private lastPost = Date.now();

  constructor(private readonly send: (columns: [Float64Array, Float64Array, Float64Array]) => void) {}

  private static empty(): [Float64Array, Float64Array, Float64Array] {
    return [new Float64Array(BATCH), new Float64Array(BATCH), new Float64Array(BATCH)];
  }

  add(a: number, b: number, c: number): void {
    const [x, y, z] = this.columns;
    x[this.rows] = a;
    y[this.rows] = b;
    z[this.rows] = c;
    if (++this.rows === BATCH) this.post();
  }

  /** Posts what is waiting if BATCH_MS passed (or always, with force). */
  post(force = true): void {
    if (this.rows === 0 || (!force && Date.now() - this.lastPost < BATCH_MS)) return;
    const n = this.rows;
    this.send(this.columns.map((c) => (n === BATCH ? c : c.slice(0, n))) as [Float64Array, Float64Array, Float64Array]);
    this.columns = Batch.empty();
    this.rows = 0;
    this.lastPost = Date.now();
  }
}

/**
 * Runs one search or filter job in this (worker) thread, posting batches, throttled
 * progress and the result, or an error. Stops quietly, posting nothing more, once
 * the host sets the cancel flag; the mapping is released in every case.
 */
export function runJob(input: WorkerInput, post: Post): void {
  const flag = new Int32Array(input.cancel);
  const cancelled = (): boolean => Atomics.load(flag, 0) !== 0;
  const { job } = input;
  let stream: SegmentStream | undefined;
  try {
    stream = new SegmentStream(job.path, job.segments);
    const totalBytes = stream.size;
    let matches = 0;
    let lastProgress = 0;
    const progress = (scannedBytes: number, batch: { post(force: boolean): void }): boolean => {
      if (cancelled()) return false;
      batch.post(false);
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        post({ type: 'progress', scannedBytes, totalBytes, matches });
      }
      return true;
    };
    const limits = input.limits ?? DEFAULT_LIMITS;
    let result: Extract<WorkerMessage, { type: 'done' }>['result'];
    if (job.type === 'search') {
      const search = resolveSearch(job, totalBytes);
      const batch = new Batch(([offsets, lengths, lines]) => post(
        { type: 'matches', offsets, lengths, lines: search.lines ? lines : undefined },
        [offsets.buffer, lengths.buffer, lines.buffer] as ArrayBuffer[],
      ));
      result = searchStream(stream, search, limits, {
        match(offset, length, line) {
          matches++;
          batch.add(offset, length, line ?? -1);
        },
        progress: (scanned) => progress(scanned, batch),
      });
      if (cancelled()) return;
      batch.post();
    } else {
      const filter = checkFilter(job);
      const batch = new Batch(([firstLines, counts, firstOffsets]) => post(
        { type: 'runs', firstLines, counts, firstOffsets }, [firstLines.buffer, counts.buffer, firstOffsets.buffer] as ArrayBuffer[],
      ));
      const encoding = encodingNamed(job.encoding);
      result = filterStream(stream, filter.include, filter.exclude, limits, encoding, lineBreakOf(job.lineBreak, encoding), {
        run(run) {
          matches += run.count;
          batch.add(run.firstLine, run.count, run.firstOffset);
        },
        progress: (scanned) => progress(scanned, batch),
      });
      if (cancelled()) return;
      batch.post();
    }
    post({ type: 'progress', scannedBytes: 'scannedBytes' in result ? result.scannedBytes : totalBytes, totalBytes, matches });
    post({ type: 'done', result });
  } catch (err) {
    if (!cancelled()) post({ type: 'error', error: errorData(err, job.path) });
  } finally {
    stream?.close();
  }
}

function checkFilter(job: FilterJob): FilterJob {
  if (!Array.isArray(job.include) || !Array.isArray(job.exclude)) throw new TypeError('a filter needs include and exclude arrays of queries');
  return { ...job, include: job.include.map(checkQuery), exclude: job.exclude.map(checkQuery) };
}

/** `err` as plain data; EFAULT (the file shrank under the mapping) gets a message that says so. */
function errorData(err: unknown, path: string): ErrorData {
  const e = err instanceof Error ? (err as NodeJS.ErrnoException) : new Error(String(err));
  const data: ErrorData = { name: e.name, message: e.message };
  const { code, errno, syscall } = e as NodeJS.ErrnoException;
  if (code !== undefined) data.code = code;
  if (errno !== undefined) data.errno = errno;
  if (syscall !== undefined) data.syscall = syscall;
  if ((e as NodeJS.ErrnoException).path !== undefined) data.path = (e as NodeJS.ErrnoException).path;
  if (code === 'EFAULT') {
    data.message = `${path} shrank while it was being searched (${e.message})`;
    data.path = path;
  }
  return data;
}
