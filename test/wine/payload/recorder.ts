/** What one side found, check by check: JSON values that must be equal on Linux and on Windows. */
export type Results = Record<string, unknown>;

/** Collects results; a check that throws records its error, so a failure on one side shows as a difference. */
export class Recorder {
  readonly results: Results = {};

  async check(name: string, run: () => unknown): Promise<void> {
    if (name in this.results) throw new Error(`check '${name}' recorded twice`);
    try {
      this.results[name] = await run();
    } catch (err) {
      const e = err as Error & { code?: string };
      this.results[name] = { threw: e.code ?? e.name, message: e.message };
    }
  }
}
