/**
 * Bytes as hex text and back: the `hexdump -C` layout of the CLI's dump, "copy as
 * hex" and "paste hex text". Pure: also bundled into the webview.
 */

/** Bytes per dump row, as in `hexdump -C` and `xxd`. */
export const DUMP_ROW_BYTES = 16;

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Bytes as lowercase hex pairs separated by single spaces: "de ad be ef" ("" for none). */
export function formatHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (i === 0 ? '' : ' ') + hexByte[bytes[i]];
  return out;
}

/** An offset as `hexdump -C` prints it: lowercase hex, at least 8 digits. */
export function formatDumpOffset(offset: number): string {
  return offset.toString(16).padStart(8, '0');
}

/**
 * `bytes`, which sit at `offset` in the file, as `hexdump -C -v` rows, each ending
 * in "\n": offset, 16 hex bytes in two groups of 8, and the printable ASCII between
 * bars (other bytes as "."). Rows start at `offset` (not rounded down to 16), as with
 * `hexdump -s`; a short last row is padded so the bars line up. A long dump can be
 * formatted in pieces whose lengths are multiples of 16; `hexdump`'s closing line
 * (the end offset alone) is `formatDumpOffset(end)`.
 */
export function formatDumpRows(bytes: Uint8Array, offset: number): string {
  let out = '';
  for (let row = 0; row < bytes.length; row += DUMP_ROW_BYTES) {
    let hex = '';
    let text = '';
    for (let i = 0; i < DUMP_ROW_BYTES; i++) {
      const b = bytes[row + i];
      hex += (i === 8 ? '  ' : ' ') + (row + i < bytes.length ? hexByte[b] : '  ');
      if (row + i < bytes.length) text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    out += `${formatDumpOffset(offset + row)} ${hex}  |${text}|\n`;
  }
  return out;
}

/** A SyntaxError in hex text, with the 0-based index in the text where it was found. */
export class HexSyntaxError extends SyntaxError {
  constructor(problem: string, readonly position: number, hint?: string) {
    super(`${problem} at position ${position}${hint === undefined ? '' : `: ${hint}`}`);
    this.name = 'HexSyntaxError';
  }
}

/**
 * Parses pasted or typed hex text to bytes. Accepts pairs of hex digits, either
 * packed ("deadbeef") or separated by spaces, tabs, newlines or commas, each run
 * optionally prefixed with `0x` ("0xde, 0xad", "0xdeadbeef"); any case. An empty or
 * blank text gives no bytes. Throws HexSyntaxError (a SyntaxError with `position`)
 * for a run with an odd number of digits or any other character.
 */
export function parseHexBytes(text: string): Uint8Array {
  const out: number[] = [];
  const token = /[^\s,]+/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    const prefixed = /^0x/i.test(m[0]);
    const digits = prefixed ? m[0].slice(2) : m[0];
    const start = m.index + (prefixed ? 2 : 0);
    const bad = digits.search(/[^0-9a-f]/i);
    if (bad >= 0) throw new HexSyntaxError(`"${digits[bad]}" is not a hex digit`, start + bad);
    if (digits.length === 0) throw new HexSyntaxError('0x without digits', m.index);
    if (digits.length % 2 !== 0) {
      throw new HexSyntaxError(`odd number of hex digits in "${m[0]}"`, m.index, 'write each byte as two digits (0a, not a)');
    }
    for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
  }
  return Uint8Array.from(out);
}
