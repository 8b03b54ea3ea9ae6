/**
 * The text view's key bindings: a key press becomes a command, or nothing (then it
 * goes on to VS Code: Ctrl+Z/Y/S, Ctrl+P, Ctrl+PageDown...). No DOM here beyond
 * reading the event.
 */
import { hasMod, IS_MAC, isTyped, isUnbound } from '../keys';

export type TextCommand =
  /** A character left or right, or (`word`) to the next word boundary. */
  | { kind: 'char'; dir: -1 | 1; word: boolean; extend: boolean }
  | { kind: 'line'; dir: -1 | 1; extend: boolean }
  | { kind: 'page'; dir: -1 | 1; extend: boolean }
  /** Home (first non-blank, then column 0) or End of the caret's line. */
  | { kind: 'lineEdge'; end: boolean; extend: boolean }
  | { kind: 'fileEdge'; end: boolean; extend: boolean }
  /** Scroll by lines, caret stays (Ctrl+Up/Down). */
  | { kind: 'scroll'; lines: number }
  /** A printable key, or Enter's '\n'. */
  | { kind: 'type'; text: string }
  /** Types '\t' where the file is editable; elsewhere focus moves on as everywhere else. */
  | { kind: 'tab' }
  | { kind: 'delete'; direction: 'backward' | 'forward'; word: boolean }
  | { kind: 'clipboard'; action: 'copy' | 'cut' | 'paste' }
  | { kind: 'selectAll' }
  | { kind: 'toggleOverwrite' }
  /** Closes find, else drops the selection, else is none of the view's. */
  | { kind: 'escape' }
  /**
   * Undo, redo and save: VS Code runs them on the document, asked by the view so they
   * come after the keys before them, which the view may still hold.
   */
  | { kind: 'host'; command: 'undo' | 'redo' | 'save' };

export function textKeyCommand(e: KeyboardEvent): TextCommand | undefined {
  if (isUnbound(e)) return undefined;
  const mod = hasMod(e);
  const shift = e.shiftKey;
  const key = e.key;
  const lower = key.toLowerCase();
  // With Shift these are other commands (Ctrl+Shift+X: Extensions, Ctrl+Shift+C: a terminal).
  const plainMod = mod && !e.altKey && !shift;
  if (plainMod && lower === 'a') return { kind: 'selectAll' };
  if ((plainMod && lower === 'c') || (e.ctrlKey && key === 'Insert')) return { kind: 'clipboard', action: 'copy' };
  if ((plainMod && lower === 'x') || (shift && key === 'Delete')) return { kind: 'clipboard', action: 'cut' };
  if ((plainMod && lower === 'v') || (shift && key === 'Insert')) return { kind: 'clipboard', action: 'paste' };
  if (plainMod && lower === 'z') return { kind: 'host', command: 'undo' };
  if ((mod && !e.altKey && shift && lower === 'z') || (!IS_MAC && plainMod && lower === 'y')) return { kind: 'host', command: 'redo' };
  if (plainMod && lower === 's') return { kind: 'host', command: 'save' };
  if (isTyped(e)) return { kind: 'type', text: key };
  if (e.altKey && !(IS_MAC && (key === 'ArrowLeft' || key === 'ArrowRight'))) return undefined;
  const word = IS_MAC ? e.altKey : e.ctrlKey;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowDown': {
      const dir = key === 'ArrowUp' ? -1 : 1;
      if (IS_MAC && e.metaKey) return { kind: 'fileEdge', end: dir > 0, extend: shift };
      if (e.ctrlKey) return { kind: 'scroll', lines: dir };
      return { kind: 'line', dir, extend: shift };
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const dir = key === 'ArrowLeft' ? -1 : 1;
      if (IS_MAC && e.metaKey) return { kind: 'lineEdge', end: dir > 0, extend: shift };
      return { kind: 'char', dir, word, extend: shift };
    }
    case 'Home':
    case 'End':
      return { kind: mod ? 'fileEdge' : 'lineEdge', end: key === 'End', extend: shift };
    case 'PageUp':
    case 'PageDown':
      // Ctrl+PageUp/Down switch editors.
      return mod ? undefined : { kind: 'page', dir: key === 'PageUp' ? -1 : 1, extend: shift };
    case 'Escape': return { kind: 'escape' };
    case 'Enter': return mod ? undefined : { kind: 'type', text: '\n' };
    case 'Tab': return mod || shift ? undefined : { kind: 'tab' };
    case 'Backspace': return { kind: 'delete', direction: 'backward', word };
    case 'Delete': return { kind: 'delete', direction: 'forward', word };
    case 'Insert': return mod || shift ? undefined : { kind: 'toggleOverwrite' };
    default: return undefined;
  }
}
