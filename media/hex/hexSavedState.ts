/**
 * What the hex view keeps across a reload of its webview (VS Code's getState and
 * setState): where it is scrolled, the caret and selection, the column typed into,
 * and the data inspector's byte order and visibility. The text view keeps its own.
 */
import { isCount } from '../guards';
import type { VsCodeApi } from '../page';
import type { Column } from './hexCursor';

/** The state as saved: plain data, as setState keeps it. */
export interface SavedHexState {
  topRow: number;
  caret: number;
  anchor: number;
  column: Column;
  littleEndian: boolean;
  inspector: boolean;
}

/** The state saved by an earlier page of this view, when there is one whole enough to restore. */
export function readSavedHexState(vscode: VsCodeApi): SavedHexState | undefined {
  const saved = vscode.getState() as Partial<SavedHexState> | undefined;
  if (!saved || !isCount(saved.topRow) || !isCount(saved.caret) || !isCount(saved.anchor)) return undefined;
  return {
    topRow: saved.topRow,
    caret: saved.caret,
    anchor: saved.anchor,
    column: saved.column === 'text' ? 'text' : 'hex',
    littleEndian: saved.littleEndian !== false,
    inspector: saved.inspector !== false,
  };
}
