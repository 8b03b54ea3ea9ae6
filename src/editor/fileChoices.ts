import type { KeyValueStore } from '../marks/markStore';

/** Files whose choice is kept (the oldest choices are forgotten first). */
const MAX_FILES = 200;

/**
 * A choice made per file (by path), such as its encoding, kept for the workspace under
 * `key`. Values `valid` refuses (from an older version) read as no choice. No reads throw.
 */
export class FileChoices {
  constructor(private readonly store: KeyValueStore, private readonly key: string, private readonly valid: (id: string) => boolean) {}

  /** The choice made for `path`, if any. */
  get(path: string): string | undefined {
    const id = this.all()[path];
    return typeof id === 'string' && this.valid(id) ? id : undefined;
  }

  async set(path: string, id: string): Promise<void> {
    const all = { ...this.all() };
    delete all[path];
    all[path] = id;
    const paths = Object.keys(all);
    for (const old of paths.slice(0, Math.max(0, paths.length - MAX_FILES))) delete all[old];
    await this.store.update(this.key, all);
  }

  private all(): Record<string, unknown> {
    const stored = this.store.get<Record<string, unknown>>(this.key);
    return typeof stored === 'object' && stored !== null ? stored : {};
  }
}
