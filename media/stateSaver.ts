import type { VsCodeApi } from './page';

const SAVE_THROTTLE_MS = 300;

/**
 * Keeps a view's state with VS Code (vscode.setState: it outlives the webview when it
 * is hidden or reloaded), at most once per 300 ms, as `snapshot` gives it when the time
 * comes; `schedule` after any change. Each view (text, hex) saves its own shape.
 */
export class StateSaver<T> {
  private timer = 0;

  constructor(private readonly vscode: VsCodeApi, private readonly snapshot: () => T) {}

  /** Saves the state as it will be shortly, unless a save is already due. */
  schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.vscode.setState(this.snapshot());
    }, SAVE_THROTTLE_MS);
  }

  /** Drops a save not made yet (the view is going away). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
