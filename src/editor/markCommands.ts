import * as vscode from 'vscode';
import type { HugeDocument } from './hugeDocument';

/** What the mark commands act on: the active viewer. */
export interface MarkTarget {
  readonly document: HugeDocument;
  /** The caret's line (0-based). */
  caretLine(): number;
  /** Shows `line` with the caret at its start. */
  reveal(line: number): Promise<void>;
}

/** Characters of a line a Quick Pick shows. */
const PREVIEW_CHARS = 200;

/** Marks the caret's line, or unmarks it; says which in the status bar. */
export function toggleMark(target: MarkTarget): void {
  const marks = target.document.marks;
  if (!marks) return;
  const line = target.caretLine();
  try {
    const marked = marks.toggle(line);
    vscode.window.setStatusBarMessage(`${marked ? 'Marked' : 'Unmarked'} line ${(line + 1).toLocaleString('en-US')}`, 2000);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    void vscode.window.showWarningMessage(`Line ${(line + 1).toLocaleString('en-US')} cannot be marked: ${err.message}.`);
  }
}

/** Moves the caret to the next marked line after the caret's (`direction` 1) or before it (-1), wrapping around. */
export async function goToMark(target: MarkTarget, direction: 1 | -1): Promise<void> {
  const marks = target.document.marks;
  if (!marks) return;
  const { lines, unplaced } = marks.lines();
  if (lines.length === 0) {
    void vscode.window.showInformationMessage(unplaced > 0
      ? `${target.document.fileName}'s marks are past the part indexed so far; try again in a moment.`
      : `${target.document.fileName} has no marks. Mark the caret's line with "Huge File: Toggle Mark" (Ctrl+F2).`);
    return;
  }
  const caret = target.caretLine();
  const next = direction > 0
    ? lines.find((l) => l > caret) ?? lines[0]
    : [...lines].reverse().find((l) => l < caret) ?? lines[lines.length - 1];
  await target.reveal(next);
}

/** Lists the marked lines with their text in a Quick Pick; the one picked is shown. */
export async function listMarks(target: MarkTarget): Promise<void> {
  const { document } = target;
  const text = document.text;
  const marks = document.marks;
  if (!text || !marks) return;
  const { lines, unplaced } = marks.lines();
  if (lines.length === 0 && unplaced === 0) {
    void vscode.window.showInformationMessage(`${document.fileName} has no marks. Mark the caret's line with "Huge File: Toggle Mark" (Ctrl+F2).`);
    return;
  }
  type Item = vscode.QuickPickItem & { line: number };
  const items: Item[] = lines.map((line) => ({ label: `Line ${(line + 1).toLocaleString('en-US')}`, description: preview(document, line), line }));
  const caret = target.caretLine();
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Marks in ${document.fileName}`;
  pick.placeholder = unplaced > 0 ? `${unplaced} more past the part indexed so far` : 'Type to filter by line number or text';
  pick.matchOnDescription = true;
  pick.items = items;
  const nearest = items.find((i) => i.line >= caret);
  if (nearest) pick.activeItems = [nearest];
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen) await target.reveal(chosen.line);
}

/** The start of `line`'s text, one line of it (tabs and controls as spaces). */
function preview(document: HugeDocument, line: number): string {
  try {
    const text = document.text!;
    const { start, end } = text.lineBounds(line);
    // Up to 4 bytes a character: enough bytes for PREVIEW_CHARS characters.
    const bytes = text.read(start, Math.min(end - start, PREVIEW_CHARS * 4));
    const shown = [...text.encoding.decode(bytes).replace(/[\u0000-\u001f\u007f]/g, ' ')];
    return shown.length > PREVIEW_CHARS ? `${shown.slice(0, PREVIEW_CHARS).join('')}…` : shown.join('');
  } catch {
    return '';
  }
}
