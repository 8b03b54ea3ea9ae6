import { isAscii } from 'buffer';
import { TextEncoding, UTF8 } from '../encoding/textEncoding';
import { Utf8Cursor } from './utf8Cursor';

/**
 * Stands in for the text after the cut when a long line is searched in pieces: it is
 * not a line terminator, so `$` cannot match at the cut, and a match that runs into it
 * is known to be longer than a piece allows. A Latin-1 character, so that an ASCII
 * piece stays a one-byte string: RegExps run about 20 times slower on two-byte ones.
 */
const SENTINEL = '\0';

/**
 * Bytes [start, end) of a buffer decoded for a RegExp, with the mapping of string
 * indices back to byte offsets. ASCII decodes as latin1 (one byte per index, no
 * mapping work), and so does any text in a single-byte encoding, through its table;
 * anything else as UTF-8 through a Utf8Cursor. Decode at most some
 * tens of KiB at a time: V8 allocates bigger strings in a space that is many times
 * slower to fill and collect.
 */
export class DecodedText {
  readonly text: string;
  /** Length of the decoded bytes in the string (without the sentinel). */
  readonly length: number;
  private readonly cursor: Utf8Cursor | undefined;

  /** With `cut`, a sentinel follows the text: the bytes go on past `end` (see SENTINEL). */
  constructor(buf: Buffer, private readonly start: number, private readonly end: number, cut: boolean, encoding: TextEncoding = UTF8) {
    const ascii = isAscii(buf.subarray(start, end));
    const oneByte = ascii || encoding.units === 'byte';
    const text = ascii ? buf.toString('latin1', start, end) : oneByte ? encoding.decode(buf.subarray(start, end)) : buf.toString('utf8', start, end);
    this.length = text.length;
    this.text = cut ? text + SENTINEL : text;
    this.cursor = oneByte ? undefined : new Utf8Cursor(buf, start, end);
  }

  /** Byte offset of string index `unit` (the end for the sentinel). Forward only, see Utf8Cursor. */
  byteAt(unit: number): number {
    return this.cursor ? this.cursor.byteAt(unit) : Math.min(this.start + unit, this.end);
  }

  /** String index of byte `offset` (rounded up to a character boundary). Forward only. */
  unitAt(offset: number): number {
    return this.cursor ? this.cursor.unitAt(offset) : Math.min(offset, this.end) - this.start;
  }

  /** Goes back to `offset`, whose index `unit` an earlier byteAt/unitAt gave. */
  moveTo(offset: number, unit: number): void {
    this.cursor?.moveTo(offset, unit);
  }
}
