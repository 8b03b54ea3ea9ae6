/**
 * What the user types into Go to Offset: `4096`, `0x1000`, `1,048,576`, or a move
 * from the current offset, `+16` / `-0x10`. Browser-safe.
 */

const NUMBER = /^(0x[0-9a-f][0-9a-f_]*|[0-9][0-9_,]*)$/i;

/**
 * The absolute offset `text` names, `current` being where the caret is and `size`
 * the file's size (the end, `size`, is a valid target: the caret after the last
 * byte). Throws a SyntaxError when `text` is not an offset, a RangeError when it
 * lies outside 0..size or past 2^53.
 */
export function parseOffset(text: string, current: number, size: number): number {
  const trimmed = text.trim();
  const sign = trimmed[0] === '+' || trimmed[0] === '-' ? trimmed[0] : '';
  const body = trimmed.slice(sign.length).trim();
  if (!NUMBER.test(body) || /[_,]$/.test(body)) {
    throw new SyntaxError(`"${trimmed}" is not an offset: type a decimal number (4096), hex (0x1000), or a relative move (+16, -0x10)`);
  }
  const digits = body.replace(/[_,]/g, '');
  const value = BigInt(digits); // "0x..." parses as hex
  const target = sign === '+' ? BigInt(current) + value : sign === '-' ? BigInt(current) - value : value;
  if (target < 0n) throw new RangeError(`${trimmed} goes before the start of the file (offset ${current} ${sign} ${value})`);
  if (target > BigInt(size)) {
    throw new RangeError(`offset ${target} (0x${target.toString(16)}) is past the end of the file (${size} bytes, last offset 0x${Math.max(0, size - 1).toString(16)})`);
  }
  return Number(target);
}
