/**
 * Bytes as hex text and back: what "copy as hex" writes and "paste hex" reads.
 * Browser-safe (no Buffer): the webview and the host both use it.
 */

const DIGITS = '0123456789abcdef';

/** `Uint8Array [0xde, 0xad]` -> `"de ad"`: lowercase pairs separated by one space. */
export function formatHex(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = DIGITS[bytes[i] >> 4] + DIGITS[bytes[i] & 15];
  return parts.join(' ');
}

/**
 * Parses hex bytes as people paste them: pairs with or without separators
 * (`"de ad be ef"`, `"DEADBEEF"`, `"0xde, 0xad"`, one byte per line). Throws a
 * SyntaxError naming the first thing that is not hex, or a token with an odd
 * number of digits (which byte it belongs to would be a guess).
 */
export function parseHexBytes(text: string): Uint8Array {
  const tokens = text.split(/[\s,;:]+/).filter((t) => t !== '');
  const out: number[] = [];
  for (const token of tokens) {
    const digits = /^0x/i.test(token) ? token.slice(2) : token;
    if (!/^[0-9a-f]+$/i.test(digits)) throw new SyntaxError(`"${clip(token)}" is not hex bytes (expected pairs like "de ad be ef")`);
    if (digits.length % 2 !== 0) throw new SyntaxError(`"${clip(token)}" has an odd number of hex digits: each byte takes two`);
    for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
  }
  return Uint8Array.from(out);
}

function clip(token: string): string {
  return token.length > 20 ? `${token.slice(0, 20)}…` : token;
}
