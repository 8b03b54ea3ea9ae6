import type { EditedText } from '../edits/editedText';
import { MarkSet } from '../marks/markSet';
import type { MarkStore } from '../marks/markStore';
import type { ResetReason } from '../lines';
import { Disposable } from './dispose';
import { appendedTo, type FileMark } from './fileMark';

/** Marks one file may have: each is a line the view lists and the host places after every edit. */
export const MAX_MARKS = 10_000;

/**
 * A document's marks (bookmarks on lines): kept as content offsets that move with
 * every edit, undo and redo; stored per file for the next session whenever they fit
 * the file on disk (after a save, or set on a document without unsaved edits); a
 * revert takes them back to what was stored; a file truncated or replaced on disk
 * loses them. Marks of a file that only grew since still fit it. No `vscode`.
 */
export class DocumentMarks extends Disposable {
  private marks: MarkSet;
  /** The marks as they fit the file on disk: what a revert returns to. */
  private saved: number[];
  private readonly listeners = new Set<() => void>();
  private firing = false;

  constructor(
    private readonly path: string,
    private readonly text: EditedText,
    private readonly store: MarkStore<FileMark>,
    private readonly baseline: () => FileMark,
    private readonly isDirty: () => boolean,
  ) {
    super();
    this.saved = storedFitting(store, path, baseline());
    this.marks = new MarkSet(this.saved);
    text.table.onShift = (offset, removed, inserted) => {
      this.marks.shift(offset, removed, inserted);
      this.fire();
    };
    this.register({ dispose: () => { text.table.onShift = undefined; this.listeners.clear(); } });
  }

  /**
   * Calls `listener` when the marks, or the lines they are on, may have changed: once
   * for all the changes of one task, after it (an edit moves marks before the text's
   * lines are counted again). Dispose the result to stop.
   */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Runs `work` with the marks left where they are, whatever it changes in the content. */
  async withoutMoving<T>(work: () => Promise<T>): Promise<T> {
    const shift = this.text.table.onShift;
    this.text.table.onShift = undefined;
    try {
      return await work();
    } finally {
      this.text.table.onShift = shift;
    }
  }

  get count(): number {
    return this.marks.size;
  }

  /**
   * The marked lines, in order (marks on one line count once), and how many marks lie
   * past the indexed part of the file (not placed yet: ask again as the index grows).
   */
  lines(): { lines: number[]; unplaced: number } {
    const lines: number[] = [];
    let unplaced = 0;
    for (const offset of this.marks.list()) {
      if (offset > this.text.size) continue;
      try {
        const line = this.text.lineOfOffset(offset);
        if (lines[lines.length - 1] !== line) lines.push(line);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        unplaced++;
      }
    }
    return { lines, unplaced };
  }

  /**
   * Marks line `line` (0-based, indexed), or unmarks it when marked. Returns whether it
   * is marked now. Throws RangeError for a line not indexed, or past MAX_MARKS.
   */
  toggle(line: number): boolean {
    const { start, next } = this.text.lineBounds(line);
    const end = Math.max(next, start + 1);
    let marked: boolean;
    if (this.marks.anyIn(start, end)) {
      this.marks.removeIn(start, end);
      marked = false;
    } else {
      if (this.marks.size >= MAX_MARKS) throw new RangeError(`a file holds at most ${MAX_MARKS.toLocaleString('en-US')} marks`);
      this.marks.add(start);
      marked = true;
    }
    this.changed();
    return marked;
  }

  /** Removes every mark. */
  clear(): void {
    if (this.marks.size === 0) return;
    this.marks = new MarkSet();
    this.changed();
  }

  /** The edits were saved: the marks now fit the file on disk. */
  contentSaved(): void {
    this.saved = this.marks.list();
    this.persist();
  }

  /** The edits were dropped: the marks go back to where they were on the file. */
  reverted(): void {
    this.marks = new MarkSet(this.saved);
    this.marks.clampTo(this.text.size);
    this.fire();
  }

  /**
   * The file changed on disk under a document without edits (see LineIndex.onReset):
   * a rewrite in place keeps the marks; a truncated or replaced file is other text.
   */
  diskReset(reason: ResetReason): void {
    if (reason === 'rewritten') this.marks.clampTo(this.text.size);
    else this.marks = new MarkSet();
    this.changed();
  }

  private changed(): void {
    if (!this.isDirty()) {
      this.saved = this.marks.list();
      this.persist();
    }
    this.fire();
  }

  private fire(): void {
    if (this.firing) return;
    this.firing = true;
    queueMicrotask(() => {
      this.firing = false;
      if (!this.isDisposed) for (const listener of [...this.listeners]) listener();
    });
  }

  private persist(): void {
    void this.store.set(this.path, this.baseline(), this.saved).then(undefined, () => undefined);
  }
}

/** The stored marks of `path` if they fit the file as it is now (unchanged, or grown by appending). */
function storedFitting(store: MarkStore<FileMark>, path: string, now: FileMark): number[] {
  const entry = store.get(path);
  if (!entry || typeof entry.file !== 'object' || entry.file === null) return [];
  const then = entry.file;
  const same = then.size === now.size && then.mtimeMs === now.mtimeMs && then.inode === now.inode && then.edges === now.edges;
  if (!same && !appendedTo(path, then)) return [];
  return entry.offsets.filter((o) => o <= now.size);
}
