/**
 * Shape checks for what the host sends, and position arithmetic. The host is trusted
 * more than the webview is, but a malformed message must not break the view.
 */
import type { FileState, HostMessage, LineSlice, Position } from '../src/editor/protocol';

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** `data` as a host message when it has a message's shape (an object with a string `type`); the fields are each view's to check. */
export function asHostMessage(data: unknown): HostMessage | undefined {
  const m = data as HostMessage;
  return typeof m === 'object' && m !== null && typeof m.type === 'string' ? m : undefined;
}

export function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

export function isPos(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && isCount((p as Position).line) && isCount((p as Position).column);
}

export function comparePos(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.column - b.column;
}

export function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.column === b.column;
}

export function isState(s: unknown): s is FileState {
  const f = s as FileState;
  return typeof f === 'object' && f !== null && typeof f.fileName === 'string' && isCount(f.fileSize)
    && isCount(f.lineCount) && isCount(f.knownLines) && typeof f.complete === 'boolean'
    && typeof f.progress === 'number' && typeof f.following === 'boolean';
}

export function isSlice(s: unknown): s is LineSlice {
  const l = s as LineSlice;
  return typeof l === 'object' && l !== null && isCount(l.line) && typeof l.text === 'string'
    && isCount(l.length) && isCount(l.fromByte);
}
