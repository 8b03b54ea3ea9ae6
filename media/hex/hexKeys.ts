/**
 * The hex view's key bindings: a key press becomes a command, or nothing (then it
 * goes on to VS Code: Ctrl+Z/Y/S, Ctrl+P, Ctrl+PageDown...). No DOM here beyond
 * reading the event.
 */
import { hasMod, IS_MAC, isTyped, isUnbound } from '../keys';
import type { Motion } from './hexMotion';

export type HexCommand =
  | { kind: 'move'; motion: Motion; extend: boolean }
  /** Scroll by rows, caret stays (Ctrl+Up/Down). */
  | { kind: 'scroll'; rows: number }
  /** A printable key: a hex digit in the hex column, a character in the text column. */
  | { kind: 'type'; key: string }
  | { kind: 'delete'; direction: 'backward' | 'forward' }
  | { kind: 'copy'; asText: boolean }
  | { kind: 'cut' }
  | { kind: 'paste' }
  | { kind: 'selectAll' }
  | { kind: 'toggleInsert' }
  /** Drops a half-typed byte or the selection. */
  | { kind: 'escape' }
  /** Tab / Shift+Tab: to the other column, if there is one that way; else focus moves on. */
  | { kind: 'column'; forward: boolean };

const ARROWS: Record<string, Motion> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export function hexKeyCommand(e: KeyboardEvent): HexCommand | undefined {
  if (isUnbound(e)) return undefined;
  const mod = hasMod(e);
  const shift = e.shiftKey;
  const key = e.key;
  const lower = key.toLowerCase();
  if (mod && !e.altKey) {
    if (lower === 'a' && !shift) return { kind: 'selectAll' };
    if (lower === 'c') return { kind: 'copy', asText: shift };
    if (lower === 'x' && !shift) return { kind: 'cut' };
    if (lower === 'v' && !shift) return { kind: 'paste' };
  }
  if (e.ctrlKey && key === 'Insert') return { kind: 'copy', asText: false };
  if (shift && key === 'Delete') return { kind: 'cut' };
  if (shift && key === 'Insert') return { kind: 'paste' };
  if (isTyped(e)) return { kind: 'type', key };
  if (e.altKey) return undefined;
  if (key in ARROWS) {
    if (IS_MAC && e.metaKey) {
      if (key === 'ArrowUp' || key === 'ArrowDown') return { kind: 'move', motion: key === 'ArrowUp' ? 'fileStart' : 'fileEnd', extend: shift };
      return { kind: 'move', motion: key === 'ArrowLeft' ? 'rowStart' : 'rowEnd', extend: shift };
    }
    if (e.ctrlKey && (key === 'ArrowUp' || key === 'ArrowDown')) return { kind: 'scroll', rows: key === 'ArrowUp' ? -1 : 1 };
    return { kind: 'move', motion: ARROWS[key], extend: shift };
  }
  switch (key) {
    case 'Home': return { kind: 'move', motion: mod ? 'fileStart' : 'rowStart', extend: shift };
    case 'End': return { kind: 'move', motion: mod ? 'fileEnd' : 'rowEnd', extend: shift };
    case 'PageUp':
    case 'PageDown':
      return mod ? undefined : { kind: 'move', motion: key === 'PageUp' ? 'pageUp' : 'pageDown', extend: shift };
    case 'Backspace': return mod ? undefined : { kind: 'delete', direction: 'backward' };
    case 'Delete': return mod ? undefined : { kind: 'delete', direction: 'forward' };
    case 'Insert': return mod || shift ? undefined : { kind: 'toggleInsert' };
    case 'Escape': return { kind: 'escape' };
    case 'Tab': return mod ? undefined : { kind: 'column', forward: !shift };
    default: return undefined;
  }
}
