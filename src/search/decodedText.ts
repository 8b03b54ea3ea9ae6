import { isAscii } from 'buffer';
import { TextEncoding, UTF8 } from '../encoding/textEncoding';
import { isHighSurrogate, isLowSurrogate } from '../encoding/utf16Units';
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
 * UTF-16 maps each string index to its two bytes; anything else decodes as UTF-8
 * through a Utf8Cursor. Decode at most some
 * tens of KiB at a time: V8 allocates bigger strings in a space that is many times
 * slower to fill and collect.
 */
export class DecodedText {
  readonly text: string;
  /** Length of the decoded bytes in the string (without the sentinel). */
  readonly length: number;
  private readonly cursor: Utf8Cursor | undefined;
  /** Bytes per string index when that is fixed: 1, or 2 for UTF-16; 0 when a Utf8Cursor maps them. */
  private readonly width: number;

  /** With `cut`, a sentinel follows the text: the bytes go on past `end` (see SENTINEL). */
  constructor(buf: Buffer, private readonly start: number, private readonly end: number, cut: boolean, encoding: TextEncoding = UTF8) {
    let text: string;
    if (encoding.units === 'utf16') {
      // A unit cut by `end` (a window's edge) is left out: every index stays two bytes.
      text = encoding.decode(buf.subarray(start, end - ((end - start) & 1)));
      this.width = 2;
    } else {
      const ascii = isAscii(buf.subarray(start, end));
      const oneByte = ascii || encoding.units === 'byte';
      text = ascii ? buf.toString('latin1', start, end) : oneByte ? encoding.decode(buf.subarray(start, end)) : buf.toString('utf8', start, end);
      this.width = oneByte ? 1 : 0;
    }
    this.length = text.length;
    this.text = cut ? text + SENTINEL : text;
    this.cursor = this.width === 0 ? new Utf8Cursor(buf, start, end) : undefined;
  }

  /** Byte offset of string index `unit` (the end for the sentinel). Forward only, see Utf8Cursor. */
  byteAt(unit: number): number {
    return this.cursor ? this.cursor.byteAt(unit) : Math.min(this.start + unit * this.width, this.end);
  }

  /** String index of byte `offset` (rounded up to a character boundary). Forward only. */
  unitAt(offset: number): number {
    if (this.cursor) return this.cursor.unitAt(offset);
    const unit = Math.ceil((Math.min(offset, this.end) - this.start) / this.width);
    // Never between the halves of a surrogate pair: a RegExp in Unicode mode would step back to the pair's start.
    return this.width === 2 && unit < this.length && isLowSurrogate(this.text.charCodeAt(unit)) && isHighSurrogate(this.text.charCodeAt(unit - 1)) ? unit + 1 : unit;
  }

  /** Goes back to `offset`, whose index `unit` an earlier byteAt/unitAt gave. */
  moveTo(offset: number, unit: number): void {
    this.cursor?.moveTo(offset, unit);
  }
}
