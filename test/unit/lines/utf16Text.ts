/** Random UTF-16 test text, full of traps for a line break scan. */
import type { LineBreakKind } from '../../../src/lines/lineBreak';
import { randInt } from '../testUtil';

const PIECES = ['a', 'b', ' ', 'é', 'Ċ', '\u0a0d', '\u0d0a', '\u0a00', '\u0a0a', '\u2028', '😀', '\r', 'x'];

/** Random text of about `length` characters: lines ending in \n, \r\n or (cr) \r. */
export function wideText(rand: () => number, length: number, kind: LineBreakKind): string {
  let text = '';
  while (text.length < length) {
    const r = rand();
    text += r < 0.08 ? (kind === 'cr' ? '\r' : rand() < 0.3 ? '\r\n' : '\n') : r < 0.09 ? 'z'.repeat(randInt(rand, 3000)) : PIECES[randInt(rand, PIECES.length)];
  }
  return text;
}

/** The text's bytes in UTF-16 of that byte order, after the byte order mark if asked. */
export function utf16Bytes(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const bytes = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return bigEndian ? bytes.swap16() : bytes;
}

