/**
 * Which encoding a file is read in, from its first bytes and the user's settings, as
 * VS Code decides it: a byte order mark wins; then UTF-16 without one, told by where
 * its NUL bytes fall; then `files.encoding`, unless `files.autoGuessEncoding` is on and
 * the text is not UTF-8. No `vscode`.
 */
import { encodingOf, TextEncoding, UTF8 } from './textEncoding';

/** Bytes of the head looked at for UTF-16 without a byte order mark (VS Code looks at 512). */
const NUL_PATTERN_BYTES = 512;

/** Bytes of the head checked to be UTF-8 before guessing another encoding. */
export const GUESS_BYTES = 64 * 1024;

export interface EncodingSettings {
  /** `files.encoding` (untyped: settings.json can hold anything). */
  encoding?: unknown;
  /** `files.autoGuessEncoding`. */
  autoGuess?: unknown;
}

/** How the encoding was chosen, for the status bar's tooltip. */
export type EncodingReason = 'bom' | 'nul-pattern' | 'setting' | 'guessed' | 'default' | 'chosen';

/** The encoding of a file whose first bytes are `head` (at least GUESS_BYTES of them when the file has that many). */
export function detectEncoding(head: Uint8Array, settings: EncodingSettings = {}): { encoding: TextEncoding; reason: EncodingReason } {
  const bom = byBom(head);
  if (bom) return { encoding: bom, reason: 'bom' };
  const nul = byNulPattern(head.subarray(0, NUL_PATTERN_BYTES));
  if (nul) return { encoding: nul, reason: 'nul-pattern' };
  const set = typeof settings.encoding === 'string' ? encodingOf(settings.encoding) : undefined;
  if (settings.autoGuess === true && !isUtf8(head)) return { encoding: encodingOf('windows1252')!, reason: 'guessed' };
  // A byte order mark is what makes UTF-8 "with BOM": without one the file is read as UTF-8.
  if (set && set.id !== 'utf8bom' && set.units !== 'utf16') return { encoding: set, reason: set === UTF8 ? 'default' : 'setting' };
  return { encoding: UTF8, reason: 'default' };
}

/** The encoding a byte order mark at the start of `head` names, if any. */
export function byBom(head: Uint8Array): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return encodingOf('utf8bom');
  if (head[0] === 0xff && head[1] === 0xfe) return encodingOf('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return encodingOf('utf16be');
  return undefined;
}

/**
 * UTF-16 without a byte order mark: text in Latin script has a NUL in every other
 * byte, odd ones (LE) or even ones (BE), and none in the others. Binary files have
 * NULs too, but not so neatly.
 */
function byNulPattern(head: Uint8Array): TextEncoding | undefined {
  const pairs = head.length >> 1;
  if (pairs < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const mostly = (n: number) => n >= pairs * 0.6;
  if (mostly(oddNul) && evenNul === 0) return encodingOf('utf16le');
  if (mostly(evenNul) && oddNul === 0) return encodingOf('utf16be');
  return undefined;
}

/** Whether `bytes` are valid UTF-8, but for a character cut at their end. */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, GUESS_BYTES);
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return false;
    for (let k = 1; k < size; k++) {
      if (i + k >= n) return true;
      if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    }
    i += size;
  }
  return true;
}
