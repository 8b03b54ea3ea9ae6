import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { LineBreakKind } from '../lines/lineBreak';
import type { LineIndex, LineIndexSnapshot } from '../lines/lineIndex';
import { diskChangeOf, FileMark, markOf } from './fileMark';

/** Files whose index is kept (the least recently used go first). */
const MAX_FILES = 64;

/** What a cache file starts with, as one line of JSON; the checkpoints follow, as float64 in the parts' order. */
interface Header {
  version: 1;
  path: string;
  dev: number;
  mark: FileMark;
  every: number;
  /** Absent in entries kept before lines could end in a lone CR: 'lf'. */
  lineBreak?: LineBreakKind;
  parts: { from: number; to: number; newlines: number; count: number }[];
}

/**
 * Line indexes of fully indexed files, kept between sessions in `dir` (the extension's
 * global storage), one file each: 8 bytes a checkpoint (3 MB for 100 M lines at one
 * checkpoint per 256). An index is given back only for the same file (device, inode),
 * with the same size, modification time and first and last 4 KiB, or for that file
 * grown by appending (its old bytes' ends unchanged): then only the new tail is
 * indexed. Anything else is never trusted: its entry is deleted. No `vscode`.
 */
export class IndexCache {
  constructor(private readonly dir: string, private readonly maxFiles = MAX_FILES) {}

  /** The index kept for `filePath`, if it still describes the file (or its start); never throws. */
  load(filePath: string): LineIndexSnapshot | undefined {
    const at = this.entryOf(filePath);
    let data: Buffer;
    try {
      data = fs.readFileSync(at);
    } catch {
      return undefined;
    }
    const snapshot = parse(data, filePath);
    if (snapshot && fits(filePath, snapshot.header)) {
      touch(at);
      return snapshot.snapshot;
    }
    fs.rmSync(at, { force: true });
    return undefined;
  }

  /**
   * Keeps `snapshot` of `filePath` if the file is still as the index saw it (its size);
   * forgets the least recently used beyond `maxFiles`. Failures are ignored: a cache.
   */
  async save(filePath: string, snapshot: LineIndexSnapshot): Promise<void> {
    try {
      const mark = markOf(filePath);
      if (mark.size !== snapshot.size) return;
      const header: Header = {
        version: 1, path: filePath, dev: fs.statSync(filePath).dev, mark, every: snapshot.every, lineBreak: snapshot.lineBreak,
        parts: snapshot.parts.map((p) => ({ from: p.from, to: p.to, newlines: p.newlines, count: p.starts.length })),
      };
      const starts = Buffer.concat(snapshot.parts.map((p) => Buffer.from(p.starts.buffer, p.starts.byteOffset, p.starts.byteLength)));
      await fs.promises.mkdir(this.dir, { recursive: true });
      const at = this.entryOf(filePath);
      const temporary = `${at}.${process.pid}.tmp`;
      await fs.promises.writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), starts]));
      await fs.promises.rename(temporary, at);
      await this.trim();
    } catch {
      // Not kept: the next open indexes the file again.
    }
  }

  /**
   * Keeps `index` of `filePath` each time it becomes complete (the first indexing, a
   * restored index's new tail, and again after a save or a reset), and now if it is
   * complete already, unless it is `kept` as it is (restored whole). Returns the unsubscribe.
   */
  follow(filePath: string, index: LineIndex, kept: boolean): () => void {
    const keep = () => {
      const snapshot = index.snapshot();
      if (snapshot) void this.save(filePath, snapshot);
    };
    let wasComplete = index.complete;
    if (wasComplete && !kept) keep();
    return index.onProgress((progress) => {
      if (progress.complete && !wasComplete) keep();
      wasComplete = progress.complete;
    });
  }

  private entryOf(filePath: string): string {
    return path.join(this.dir, `${createHash('sha256').update(filePath).digest('hex').slice(0, 32)}.lines`);
  }

  private async trim(): Promise<void> {
    const entries = (await fs.promises.readdir(this.dir)).filter((n) => n.endsWith('.lines'))
      .map((n) => path.join(this.dir, n))
      .map((at) => ({ at, used: fs.statSync(at, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.used - a.used);
    for (const { at } of entries.slice(this.maxFiles)) fs.rmSync(at, { force: true });
  }
}

/** The header and snapshot in `data`, or undefined when it is damaged or of another file. */
function parse(data: Buffer, filePath: string): { header: Header; snapshot: LineIndexSnapshot } | undefined {
  const newline = data.indexOf(10);
  if (newline < 0) return undefined;
  let header: Header;
  try {
    header = JSON.parse(data.toString('utf8', 0, newline)) as Header;
  } catch {
    return undefined;
  }
  if (header.version !== 1 || header.path !== filePath || !Array.isArray(header.parts) || !(header.every > 0)) return undefined;
  const body = data.subarray(newline + 1);
  const total = header.parts.reduce((n, p) => n + p.count, 0);
  if (body.length !== total * 8) return undefined;
  const all = new Float64Array(total);
  Buffer.from(all.buffer).set(body);
  let at = 0;
  let from = 0;
  const parts: LineIndexSnapshot['parts'] = [];
  for (const p of header.parts) {
    const starts = all.subarray(at, at + p.count);
    at += p.count;
    const ordered = starts.every((s, i) => s > p.from && s <= p.to && (i === 0 || s > starts[i - 1]));
    if (p.from !== from || !(p.to > p.from) || !ordered || !Number.isSafeInteger(p.newlines) || p.newlines < p.count * header.every) return undefined;
    parts.push({ from: p.from, to: p.to, newlines: p.newlines, starts });
    from = p.to;
  }
  if (from !== header.mark.size) return undefined;
  const lineBreak = header.lineBreak === 'cr' ? 'cr' : 'lf';
  return { header, snapshot: { size: header.mark.size, every: header.every, lineBreak, parts } };
}

/** Whether the file is still the one `header` was taken of, or it grown by appending. */
function fits(filePath: string, header: Header): boolean {
  let dev: number;
  try {
    dev = fs.statSync(filePath).dev;
  } catch {
    return false;
  }
  if (dev !== header.dev) return false;
  const { change } = diskChangeOf(filePath, header.mark);
  return change === 'unchanged' || change === 'appended';
}

function touch(at: string): void {
  try {
    const now = new Date();
    fs.utimesSync(at, now, now);
  } catch {
    // Only the order in which entries are forgotten.
  }
}
