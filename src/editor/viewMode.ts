import { MAX_BYTES_PER_ROW, ViewMode } from './protocol';

/**
 * Which view a file opens in, and the hex row width, from the settings as read
 * (untyped: settings.json can hold anything). No `vscode` import.
 */

/** How much of a file's start is looked at to tell binary from text. */
export const SNIFF_BYTES = 8 * 1024;

/** Text files practically never hold a NUL byte; binaries nearly always do early on. */
export function looksBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/**
 * `hugefile.defaultView`: "text" or "hex" as set; anything else means auto: hex when the
 * head looks binary, unless the file is read as UTF-16 (whose text is full of NULs).
 */
export function initialViewMode(setting: unknown, head: () => Uint8Array, utf16 = false): ViewMode {
  if (setting === 'text' || setting === 'hex') return setting;
  return !utf16 && looksBinary(head()) ? 'hex' : 'text';
}

/** `hugefile.hexBytesPerRow` as a whole number of bytes in 1..MAX_BYTES_PER_ROW; 16 when unusable. */
export function bytesPerRowSetting(setting: unknown): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting)) return 16;
  return Math.min(MAX_BYTES_PER_ROW, Math.max(1, Math.round(setting)));
}
