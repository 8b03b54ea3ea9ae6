/**
 * Lines of a text, original or edited: what the viewer reads through. Line numbers
 * are 0-based; offsets are bytes. Methods throw RangeError for lines or offsets not
 * known yet (still being indexed) or out of range.
 */
import type { TextEncoding } from '../encoding/textEncoding';
import type { LineBreak } from './lineBreak';

export interface TextSource {
  /** How its bytes are characters: columns step over whole characters, typed text is written in it. */
  readonly encoding: TextEncoding;
  /** How its lines end: `\n` (or `\r\n`), or a lone `\r`. */
  readonly lineBreak: LineBreak;
  /** Size in bytes. */
  readonly size: number;
  /** True once every line is known. */
  readonly complete: boolean;
  /** Lines whose bounds are known now (all of them once complete). */
  availableLines(): number;
  /** Total lines: exact once complete, else an estimate. */
  estimatedLineCount(): number;
  /** Where line `n` starts, where its text ends (before its line break), where the next line starts. */
  lineBounds(n: number): { start: number; end: number; next: number };
  /** The line containing byte `offset`. */
  lineOfOffset(offset: number): number;
  /** A copy of `length` bytes at `offset`. */
  read(offset: number, length: number): Buffer;
}
