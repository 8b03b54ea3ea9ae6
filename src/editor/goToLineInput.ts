/**
 * What the Go to Line box accepts, as VS Code's own Go to Line does: a line number,
 * optionally followed by `:`, `,` or `#` and a character column (`120:8`, `120,8`);
 * a negative line counts from the end (`-1` is the last line). A leading `:` (the
 * prefix VS Code's Ctrl+G box starts with) is allowed. Columns are 1-based
 * characters (UTF-16 code units, as VS Code counts them).
 */
export interface LineAndColumn {
  /** 0-based line; may lie past the end (the caller says so and shows the last). */
  line: number;
  /** 0-based character column within the line. */
  character: number;
}

/** Parses the box's text; undefined when it names no line. */
export function parseGoToLine(text: string, lineCount: number): LineAndColumn | undefined {
  const m = /^\s*:?\s*(-?\d+)\s*(?:[:,#]\s*(\d+)\s*)?$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n) || n === 0) return undefined;
  const line = n > 0 ? n - 1 : Math.max(0, lineCount + n);
  const column = m[2] === undefined ? 1 : Math.max(1, Number(m[2]));
  return { line, character: Number.isSafeInteger(column) ? column - 1 : 0 };
}

/**
 * The byte offset within UTF-8 `bytes` (a line's start) of character `character`
 * (UTF-16 units: a 4-byte sequence counts 2), or `bytes.length` when the line is
 * shorter. Bytes that are not valid UTF-8 count one character each.
 */
export function byteColumn(bytes: Uint8Array, character: number): number {
  let units = 0;
  let i = 0;
  while (i < bytes.length && units < character) {
    const b = bytes[i];
    const length = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc0 && b < 0xe0 ? 2 : 1;
    let valid = i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    i += valid ? length : 1;
    units += valid && length === 4 ? 2 : 1;
  }
  return i;
}
