/**
 * Word characters for "whole word": ASCII letters, digits and `_`, and every
 * non-ASCII character (all bytes of a multi-byte UTF-8 character are >= 0x80, so
 * one byte decides). Non-ASCII punctuation counts as a word character too: the
 * engine works on bytes and does not classify Unicode.
 */
export function isWordByte(b: number): boolean {
  return b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
}

/**
 * True when match [start, end) of `buf` does not cut a word: its first character and
 * the one before it are not both word characters, and likewise its last character and
 * the one after it. Byte 0 and the end of `buf` must be line starts/ends (or the
 * stream's ends), which count as non-word.
 */
export function isWholeWord(buf: Uint8Array, start: number, end: number): boolean {
  if (start > 0 && isWordByte(buf[start - 1]) && isWordByte(buf[start])) return false;
  return !(end < buf.length && end > start && isWordByte(buf[end - 1]) && isWordByte(buf[end]));
}
