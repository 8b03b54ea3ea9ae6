/**
 * The number grammar of Go to Offset and of the CLI's OFFSET and LEN arguments:
 * decimal `1234`, hex `0x4D2` or `4D2h` (the suffix form is how disassemblers and
 * assembler listings print addresses, so users paste it). Pure: also bundled into
 * the webview.
 */

const forms = 'decimal (1234), hex (0x4D2 or 4D2h)';

/**
 * Parses a non-negative whole number in decimal or hex; `what` names it in errors.
 * Throws SyntaxError for anything else and RangeError past 2^53 - 1 (offsets are
 * JS numbers, exact only up to there).
 */
export function parseUnsigned(text: string, what: string): number {
  const t = text.trim();
  const m = /^(?:(\d+)|0x([0-9a-f]+)|([0-9a-f]+)h)$/i.exec(t);
  if (!m) throw new SyntaxError(`${what} "${text}" is not a number: use ${forms}`);
  const value = m[1] !== undefined ? BigInt(m[1]) : BigInt(`0x${m[2] ?? m[3]}`);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} "${text}" is too large: the largest is ${Number.MAX_SAFE_INTEGER} (0x${Number.MAX_SAFE_INTEGER.toString(16)})`);
  }
  return Number(value);
}

/**
 * Parses a Go to Offset entry: an absolute offset (`1234`, `0x4D2`, `4D2h`) or one
 * relative to `current` (`+16`, `-0x10`). The result may equal `size`: that is the
 * caret position after the last byte, where insert mode appends (and the only
 * position in an empty file). Throws SyntaxError for text that is none of these,
 * RangeError for a result before 0 or after `size`.
 */
export function parseOffset(text: string, current: number, size: number): number {
  const m = /^\s*([+-]?)\s*(.*)$/s.exec(text);
  const sign = m?.[1] ?? '';
  let amount: number;
  try {
    amount = parseUnsigned(m?.[2] ?? '', 'offset');
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new SyntaxError(`"${text.trim()}" is not an offset: use ${forms}, or +N / -N for a relative move`);
    }
    throw err;
  }
  const target = sign === '+' ? current + amount : sign === '-' ? current - amount : amount;
  if (target < 0) throw new RangeError(`offset ${target} is before the start of the file`);
  if (target > size) {
    throw new RangeError(`offset ${target} (0x${target.toString(16)}) is past the end of the file (${size} bytes)`);
  }
  return target;
}
