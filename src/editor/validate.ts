/** Checks shared by the validators of untrusted webview messages. */
import type { Position } from './position';

/** A whole number in [0, max]. */
export function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

/** A line and byte column, both whole numbers >= 0. */
export function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return typeof p === 'object' && p !== null && isCount(p.line) && isCount(p.column);
}

/** Absent, true or false. */
export function isOptionalFlag(value: unknown): value is boolean | undefined {
  return value === undefined || typeof value === 'boolean';
}
