/**
 * One save (or revert) at a time per document, and the changes made meanwhile.
 *
 * A save writes the file the pending edits read, so while one runs the content
 * cannot be read or changed; a change asked for meanwhile (a key typed, an undo) is
 * held and carried out, in order, once the last save is over and the editor has
 * taken its result (`settled`): then VS Code counts it as unsaved, and the next save
 * writes it. A save asked for while another runs waits for it and then writes what
 * is left, so saves never overlap. A held change may carry a `record` of itself
 * (data, type R), for a backup taken meanwhile. No `vscode`.
 */
export class SaveGate<R = never> {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;
  private held: { change: () => void; record: R | undefined }[] = [];
  /** Who waits for `idle`. */
  private idleWaiters: (() => void)[] = [];
  private releasing = false;
  /** The save asked for last, with the content version it was asked for at, while it runs or waits. */
  private last: { version: number; result: Promise<unknown> } | undefined;

  /**
   * `settled` resolves once the editor took a save's success (VS Code marks the
   * document saved when the save's promise resolves; a change reaching it before that
   * would be counted as saved). `onError` gets what a held change threw.
   */
  constructor(private readonly settled: () => Promise<void>, private readonly onError: (err: unknown) => void) {}

  /** True while a save runs or waits, or changes are held: the content must not be read or changed now. */
  get busy(): boolean {
    return this.running > 0 || this.held.length > 0 || this.releasing;
  }

  /** Changes held, not carried out yet. */
  get heldCount(): number {
    return this.held.length;
  }

  /**
   * Runs `save` after the saves asked for before it have ended (whatever their
   * outcome); its result is returned. Held changes run after the last save.
   * `version` names the content it saves (see `sameSave`); a run without one (a
   * revert) is never joined, nor is any save asked for before it.
   */
  run<T>(save: () => Promise<T>, version?: number): Promise<T> {
    this.running++;
    const result = this.tail.then(save);
    this.tail = result.catch(() => undefined);
    void result.then(() => this.ended(true), () => this.ended(false));
    const entry = version === undefined ? undefined : { version, result };
    this.last = entry;
    if (entry) {
      const forget = () => {
        if (this.last === entry) this.last = undefined;
      };
      result.then(forget, forget);
    }
    return result;
  }

  /**
   * The result of the save asked for last, if it still runs or waits, was asked for
   * at this content `version` and no change is held: a save asked for now would
   * write nothing more, so it is that save, and shares its outcome (a Cancel of it
   * cancels both: an auto-save asked for meanwhile must not redo a cancelled save).
   */
  sameSave(version: number): Promise<unknown> | undefined {
    return this.last && this.last.version === version && this.held.length === 0 ? this.last.result : undefined;
  }

  /**
   * The records of the held changes, in order, up to the first held without one
   * (the changes after it were asked for on the content it makes).
   */
  get heldRecords(): R[] {
    const records: R[] = [];
    for (const { record } of this.held) {
      if (record === undefined) break;
      records.push(record);
    }
    return records;
  }

  /** Carries out `change` now, or, while the gate is busy, after the saves (in the order asked), keeping its `record`. */
  change(change: () => void, record?: R): void {
    if (this.busy) {
      this.held.push({ change, record });
      return;
    }
    this.apply(change);
  }

  /** Forgets the held changes (a revert discards them with the rest). */
  dropHeld(): void {
    this.held = [];
  }

  /** Resolves once the gate is not busy: no save runs or waits, and the held changes are carried out or dropped. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async ended(succeeded: boolean): Promise<void> {
    this.running--;
    if (this.running > 0 || this.releasing) return;
    if (this.held.length === 0) {
      this.wakeIdle();
      return;
    }
    this.releasing = true;
    try {
      if (succeeded) await this.settled();
    } catch {
      // Not knowing is no reason to keep the changes back.
    }
    this.releasing = false;
    if (this.running > 0) return; // the save that started meanwhile releases them
    const held = this.held;
    this.held = [];
    for (const { change } of held) this.apply(change);
    this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private apply(change: () => void): void {
    try {
      change();
    } catch (err) {
      this.onError(err);
    }
  }
}
