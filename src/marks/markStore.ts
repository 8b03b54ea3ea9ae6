/** What the store keeps in (VS Code's global state, a Memento; tests give a Map). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** A file's marks as saved: `file` says which content they fit (the caller checks it). */
export interface StoredMarks<F> {
  file: F;
  offsets: number[];
  /** When they were stored (ms since the epoch): the oldest files are forgotten first. */
  at: number;
}

const KEY = 'hugefile.marks';

/** Files whose marks are kept; marks of files not opened since are dropped beyond this. */
export const MAX_FILES = 500;

/**
 * Marks kept per file (by path) across sessions, in one entry of `store`. No `vscode`.
 * Reads never throw: an entry of the wrong shape counts as none.
 */
export class MarkStore<F> {
  constructor(private readonly store: KeyValueStore, private readonly maxFiles = MAX_FILES) {}

  /** The marks stored for `path`, if any. */
  get(path: string): StoredMarks<F> | undefined {
    const entry = this.all()[path];
    if (typeof entry !== 'object' || entry === null || !Array.isArray(entry.offsets)) return undefined;
    if (!entry.offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) return undefined;
    return { file: entry.file, offsets: entry.offsets, at: Number(entry.at) || 0 };
  }

  /** Stores `offsets` for `path` as fitting `file`; none forgets the file. */
  async set(path: string, file: F, offsets: readonly number[]): Promise<void> {
    const all = { ...this.all() };
    if (offsets.length === 0) {
      if (!(path in all)) return;
      delete all[path];
    } else {
      all[path] = { file, offsets: [...offsets], at: Date.now() };
      const paths = Object.keys(all);
      if (paths.length > this.maxFiles) {
        paths.sort((a, b) => (Number(all[a].at) || 0) - (Number(all[b].at) || 0));
        for (const old of paths.slice(0, paths.length - this.maxFiles)) delete all[old];
      }
    }
    await this.store.update(KEY, all);
  }

  private all(): Record<string, StoredMarks<F>> {
    const value = this.store.get<unknown>(KEY);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, StoredMarks<F>> : {};
  }
}
