/**
 * Where the text view was, kept by VS Code (vscode.setState) while the webview is
 * hidden or reloaded, so it comes back at the same lines with the same selection.
 */
import type { Position } from '../../src/editor/protocol';
import { isCount, isPos } from '../guards';
import type { VsCodeApi } from '../page';

const SAVE_THROTTLE_MS = 300;

/** The text view's position as saved. */
export interface SavedState {
  topLine: number;
  scrollCol: number;
  caret: Position;
  anchor: Position;
}

/** The position an earlier webview of this editor saved, if there is a whole one (a bad scroll column reads as 0). */
export function restoreState(vscode: VsCodeApi): SavedState | undefined {
  const saved = vscode.getState() as Partial<SavedState> | undefined;
  if (!saved || !isCount(saved.topLine) || !isPos(saved.caret) || !isPos(saved.anchor)) return undefined;
  const scrollCol = typeof saved.scrollCol === 'number' && Number.isFinite(saved.scrollCol) && saved.scrollCol >= 0 ? saved.scrollCol : 0;
  return { topLine: saved.topLine, scrollCol, caret: saved.caret, anchor: saved.anchor };
}

/** Saves the position `current` gives, shortly after it is asked to: at most one save per interval. */
export class StateSaver {
  private timer = 0;

  constructor(private readonly vscode: VsCodeApi, private readonly current: () => SavedState) {}

  /** Saves the position as it will be shortly, unless a save is already due. */
  schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.vscode.setState(this.current());
    }, SAVE_THROTTLE_MS);
  }
}
