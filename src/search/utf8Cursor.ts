/**
 * Maps positions between UTF-8 bytes and the UTF-16 string that Buffer#toString('utf8')
 * (like TextDecoder) makes of them, for regex matches found in the string. The walk
 * follows the WHATWG decoder that Node uses: each maximal invalid subsequence becomes
 * one U+FFFD, so invalid UTF-8 maps back exactly instead of drifting. A cursor only
 * moves forward: ask for increasing positions.
 */
export class Utf8Cursor {
  private byte: number;
  private unit = 0;

  /** A cursor at the start of bytes [start, end) of `buf`, the range that was decoded. */
  constructor(private readonly buf: Uint8Array, start: number, private readonly end: number) {
    this.byte = start;
  }

  /** Byte offset of string index `unit`; an index inside a surrogate pair gives the end of its 4-byte sequence. */
  byteAt(unit: number): number {
    while (this.unit < unit && this.byte < this.end) this.step();
    return this.byte;
  }

  /** String index of byte `offset`; an offset inside a sequence gives the index after that character. */
  unitAt(offset: number): number {
    while (this.byte < offset && this.byte < this.end) this.step();
    return this.unit;
  }

  /** Puts the cursor back to a position it reported earlier (`byte` and its string index `unit`). */
  moveTo(byte: number, unit: number): void {
    this.byte = byte;
    this.unit = unit;
  }

  /** Moves over one decoded character (or one U+FFFD for an invalid subsequence). */
  private step(): void {
    const n = utf8SequenceAt(this.buf, this.byte, this.end);
    // A complete 4-byte sequence is a surrogate pair; anything else is one unit.
    this.unit += n === 4 ? 2 : 1;
    this.byte += Math.abs(n);
  }
}

/**
 * What the WHATWG decoder takes at `at` (before `end`) for one character: the length of
 * the valid sequence there, or minus the length of the broken one it makes one U+FFFD
 * of (the byte that broke it starts the next).
 */
export function utf8SequenceAt(buf: Uint8Array, at: number, end: number): number {
  const b = buf[at];
  let need = 0;
  let lower = 0x80;
  let upper = 0xbf;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lower = 0xa0;
    if (b === 0xed) upper = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lower = 0x90;
    if (b === 0xf4) upper = 0x8f;
  } else return -1;
  let k = 1;
  for (; k <= need; k++) {
    const c = at + k;
    if (c >= end || buf[c] < lower || buf[c] > upper) return -k;
    lower = 0x80;
    upper = 0xbf;
  }
  return k;
}
