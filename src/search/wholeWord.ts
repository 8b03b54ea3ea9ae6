import { codeUnitAt } from '../encoding/utf16Units';

/**
 * Word characters for "whole word": ASCII letters, digits and `_`, and every
 * non-ASCII character (all bytes of a multi-byte UTF-8 character are >= 0x80, so
 * one byte decides; in UTF-16 one code unit decides). Non-ASCII punctuation counts as
 * a word character too: the engine works on code units and does not classify Unicode.
 */
export function isWordByte(b: number): boolean {
  return b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
}

/** How wide the text's code units are: one byte, or two (UTF-16) in either byte order. */
export interface CodeUnits {
  readonly unitBytes: 1 | 2;
  readonly bigEndian: boolean;
}

const BYTES: CodeUnits = { unitBytes: 1, bigEndian: false };

/**
 * True when match [start, end) of `buf` does not cut a word: its first character and
 * the one before it are not both word characters, and likewise its last character and
 * the one after it. Byte 0 and the end of `buf` must be line starts/ends (or the
 * stream's ends), which count as non-word.
 */
export function isWholeWord(buf: Uint8Array, start: number, end: number, units: CodeUnits = BYTES): boolean {
  const u = units.unitBytes;
  const word = (at: number): boolean => isWordByte(u === 1 ? buf[at] : codeUnitAt(buf, at, units.bigEndian));
  if (start >= u && word(start - u) && word(start)) return false;
  return !(end + u <= buf.length && end > start && word(end - u) && word(end));
}
