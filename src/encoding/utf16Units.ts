/** UTF-16 code units read from bytes or strings, and the surrogate ranges. No `vscode`. */

/** The code unit whose two bytes start at `at`, in that byte order. */
export function codeUnitAt(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  return bigEndian ? (bytes[at] << 8) | bytes[at + 1] : bytes[at] | (bytes[at + 1] << 8);
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the four bytes at `at` are a surrogate pair: one character in two units. */
export function isSurrogatePairAt(bytes: Uint8Array, at: number, bigEndian: boolean): boolean {
  return isHighSurrogate(codeUnitAt(bytes, at, bigEndian)) && isLowSurrogate(codeUnitAt(bytes, at + 2, bigEndian));
}

/** Length in UTF-16 units of the character starting at text[i]: 2 for a surrogate pair, else 1. */
export function charSize(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}
