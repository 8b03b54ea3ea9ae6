/** How bytes and offsets look in the hex view. */

const HEX = '0123456789abcdef';

/** Two lowercase hex digits. */
export function byteHex(byte: number): string {
  return HEX[byte >> 4] + HEX[byte & 15];
}

/** The character column's picture of a byte: printable ASCII as itself, anything else a dot. */
export function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/** Hex digits of the offset column: 8, or more for files past 4 GiB, so every offset in the file fits. */
export function offsetDigits(size: number): number {
  return Math.max(8, size.toString(16).length);
}

/** An offset as the offset column shows it: uppercase hex, zero-padded. */
export function offsetHex(offset: number, digits: number): string {
  return offset.toString(16).toUpperCase().padStart(digits, '0');
}

/** The value of a typed hex digit, or undefined for any other key. */
export function hexDigitValue(key: string): number | undefined {
  return key.length === 1 && /[0-9a-f]/i.test(key) ? parseInt(key, 16) : undefined;
}
