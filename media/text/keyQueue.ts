/**
 * Keys the text view holds while it cannot tell what they would do (an edit it could
 * not predict is on its way, or the lines around the caret are being fetched again):
 * they run in the order pressed once it can. Nothing typed is dropped, and no key acts
 * on text the file no longer has.
 */
export class KeyQueue {
  private readonly held: (() => void)[] = [];

  /** `ready`: true when a key may act now. */
  constructor(private readonly ready: () => boolean) {}

  /** Keys held. */
  get size(): number {
    return this.held.length;
  }

  /** Runs `action` now when nothing is held and the view is ready; else holds it behind the others. */
  run(action: () => void): void {
    if (this.held.length === 0 && this.ready()) action();
    else this.held.push(action);
  }

  /** Runs held keys, in order, while the view is ready. */
  drain(): void {
    while (this.held.length > 0 && this.ready()) this.held.shift()!();
  }
}
