/**
 * How a file's bytes read as lines of text, as a plain object the host sends the webview
 * (FileState): its encoding's units and byte order, a single-byte encoding's table, and
 * what ends a line. The webview's hex view finds text in the bytes it holds with it, by
 * the same rules as the search engine (src/search), which needs Buffers and the scanner.
 * No `vscode`, no Buffer.
 */
import type { ColumnUnits, TextEncoding } from '../encoding/textEncoding';
import type { LineBreakKind } from '../lines/lineBreak';
import { Utf8Cursor } from './utf8Cursor';

export interface TextReading {
  readonly units: ColumnUnits;
  /** UTF-16's byte order. */
  readonly bigEndian: boolean;
  /** A single-byte encoding's character for each byte value (256 UTF-16 units); absent for UTF-8 and UTF-16. */
  readonly byteChars?: string;
  /** 'lf': a line ends at LF (a CR before it is no text); 'cr': at CR. */
  readonly lineBreak: LineBreakKind;
}

export const UTF8_READING: TextReading = { units: 'utf8', bigEndian: false, lineBreak: 'lf' };

const made = new Map<string, TextReading>();

/** The reading of text in `encoding` whose lines end as `lineBreak` says (made once: every state message carries it). */
export function textReadingOf(encoding: TextEncoding, lineBreak: LineBreakKind): TextReading {
  const key = `${encoding.id}:${lineBreak}`;
  let reading = made.get(key);
  if (!reading) {
    const byteChars = encoding.units === 'byte' ? encoding.decode(Uint8Array.from({ length: 256 }, (_, b) => b)) : undefined;
    made.set(key, (reading = { units: encoding.units, bigEndian: encoding.bigEndian, byteChars, lineBreak }));
  }
  return reading;
}

/** A line of text found in a run of bytes: its bytes [start, end) (no line break) and text. */
export interface ReadLine {
  start: number;
  end: number;
  text: string;
  /** The offset in the run of the byte where string index `index` of `text` starts (increasing indexes only). */
  byteAt(index: number): number;
}

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label, { ignoreBOM: true })));
  return d;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Calls `visit` with each line of `bytes`, a run of a file's bytes starting at file
 * offset `base` (the first and last lines may be parts of lines). UTF-16 units start
 * at even file offsets: a run starting at an odd one skips its first byte, and an odd
 * byte at its end is no text.
 */
export function forEachLine(reading: TextReading, bytes: Uint8Array, base: number, visit: (line: ReadLine) => void): void {
  const unit = reading.units === 'utf16' ? 2 : 1;
  const end = bytes.length - ((bytes.length - (base % unit)) % unit);
  const code = reading.lineBreak === 'cr' ? CR : LF;
  const isUnit = (at: number, value: number) => unit === 1
    ? bytes[at] === value
    : bytes[at + (reading.bigEndian ? 1 : 0)] === value && bytes[at + (reading.bigEndian ? 0 : 1)] === 0;
  for (let start = base % unit; start <= end;) {
    let breakAt = start;
    while (breakAt < end && !isUnit(breakAt, code)) breakAt += unit;
    const lineEnd = code === LF && breakAt > start && breakAt < end && isUnit(breakAt - unit, CR) ? breakAt - unit : breakAt;
    visit(readLine(reading, bytes, start, lineEnd));
    if (breakAt >= end) break;
    start = breakAt + unit;
  }
}

function readLine(reading: TextReading, bytes: Uint8Array, start: number, end: number): ReadLine {
  const line = bytes.subarray(start, end);
  if (reading.units === 'utf8') {
    const cursor = new Utf8Cursor(bytes, start, end);
    return { start, end, text: decoder('utf-8').decode(line), byteAt: (i) => cursor.byteAt(i) };
  }
  if (reading.units === 'utf16') {
    return { start, end, text: decoder(reading.bigEndian ? 'utf-16be' : 'utf-16le').decode(line), byteAt: (i) => start + 2 * i };
  }
  const chars = reading.byteChars ?? '';
  const units = new Uint16Array(line.length);
  for (let i = 0; i < line.length; i++) units[i] = chars.charCodeAt(line[i]);
  return { start, end, text: decoder('utf-16le').decode(units), byteAt: (i) => start + i };
}
