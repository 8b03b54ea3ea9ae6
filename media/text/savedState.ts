/**
 * Where the text view was, kept by VS Code (vscode.setState) while the webview is
 * hidden or reloaded, so it comes back at the same lines with the same selection.
 */
import type { Position } from '../../src/editor/protocol';
import { isCount, isPos } from '../guards';
import type { VsCodeApi } from '../page';

/** The text view's position as saved. */
export interface SavedState {
  topLine: number;
  /** Word wrap: a byte of the top row in the top line (0 unwrapped). */
  topByte: number;
  scrollCol: number;
  caret: Position;
  anchor: Position;
}

/** The position an earlier webview of this editor saved, if there is a whole one (a bad scroll column reads as 0). */
export function restoreState(vscode: VsCodeApi): SavedState | undefined {
  const saved = vscode.getState() as Partial<SavedState> | undefined;
  if (!saved || !isCount(saved.topLine) || !isPos(saved.caret) || !isPos(saved.anchor)) return undefined;
  const scrollCol = typeof saved.scrollCol === 'number' && Number.isFinite(saved.scrollCol) && saved.scrollCol >= 0 ? saved.scrollCol : 0;
  return { topLine: saved.topLine, topByte: isCount(saved.topByte) ? saved.topByte : 0, scrollCol, caret: saved.caret, anchor: saved.anchor };
}
