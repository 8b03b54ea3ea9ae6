/**
 * The encodings a file can be read and written in, by VS Code's names for them (the
 * values of `files.encoding`), and their codecs. No `vscode`.
 */
import { byteTable, decodeBytes, reverseTable } from './singleByte';

/**
 * How a decoded text's units map to the file's bytes, which is what the view needs to
 * turn a column (bytes from the line's start) into a place in the text: UTF-8 (one to
 * four bytes a character), one byte a character, or two bytes a UTF-16 unit.
 */
export type ColumnUnits = 'utf8' | 'byte' | 'utf16';

export interface TextEncoding {
  /** VS Code's name: 'utf8', 'utf8bom', 'utf16le', 'windows1252'... */
  readonly id: string;
  /** As VS Code's status bar and encoding picker show it. */
  readonly label: string;
  readonly units: ColumnUnits;
  /** Bytes of one code unit, the newline's size: 2 for UTF-16. */
  readonly unitBytes: 1 | 2;
  /** Whether the UTF-16 units are big-endian. */
  readonly bigEndian: boolean;
  /** The byte order mark the file starts with (and keeps); empty when it has none. */
  readonly bom: Buffer;
  /** The text of `bytes` (bytes that mean nothing in the encoding become U+FFFD). */
  decode(bytes: Uint8Array): string;
  /** The bytes of `text`. Throws an UnencodableError (code EUNENCODABLE) for a character the encoding has not. */
  encode(text: string): Buffer;
}

/** A character that the file's encoding cannot hold: refused, never replaced. */
export class UnencodableError extends Error {
  readonly code = 'EUNENCODABLE';
  constructor(readonly character: string, readonly encoding: string) {
    super(`${describe(character)} cannot be written in ${encoding}: the file's encoding has no such character. `
      + 'Reopen the file with an encoding that has it (UTF-8 has every character), or type another.');
  }
}

function describe(character: string): string {
  const code = character.codePointAt(0)!;
  return `"${character}" (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

interface SingleByteEntry { id: string; label: string; decoder: string }

/** The single-byte encodings known, with the decoder (WHATWG label) that gives their table. */
const SINGLE_BYTE_KNOWN: readonly SingleByteEntry[] = [
  { id: 'windows1252', label: 'Western (Windows 1252)', decoder: 'windows-1252' },
  { id: 'iso88591', label: 'Western (ISO 8859-1)', decoder: 'latin1' },
  { id: 'iso885915', label: 'Western (ISO 8859-15)', decoder: 'iso-8859-15' },
  { id: 'macroman', label: 'Western (Mac Roman)', decoder: 'macintosh' },
  { id: 'windows1250', label: 'Central European (Windows 1250)', decoder: 'windows-1250' },
  { id: 'iso88592', label: 'Central European (ISO 8859-2)', decoder: 'iso-8859-2' },
  { id: 'windows1251', label: 'Cyrillic (Windows 1251)', decoder: 'windows-1251' },
  { id: 'iso88595', label: 'Cyrillic (ISO 8859-5)', decoder: 'iso-8859-5' },
  { id: 'koi8r', label: 'Cyrillic (KOI8-R)', decoder: 'koi8-r' },
  { id: 'koi8u', label: 'Cyrillic (KOI8-U)', decoder: 'koi8-u' },
  { id: 'cp866', label: 'Cyrillic (CP 866)', decoder: 'ibm866' },
  { id: 'windows1253', label: 'Greek (Windows 1253)', decoder: 'windows-1253' },
  { id: 'iso88597', label: 'Greek (ISO 8859-7)', decoder: 'iso-8859-7' },
  { id: 'windows1254', label: 'Turkish (Windows 1254)', decoder: 'windows-1254' },
  { id: 'windows1255', label: 'Hebrew (Windows 1255)', decoder: 'windows-1255' },
  { id: 'iso88598', label: 'Hebrew (ISO 8859-8)', decoder: 'iso-8859-8' },
  { id: 'windows1256', label: 'Arabic (Windows 1256)', decoder: 'windows-1256' },
  { id: 'iso88596', label: 'Arabic (ISO 8859-6)', decoder: 'iso-8859-6' },
  { id: 'windows1257', label: 'Baltic (Windows 1257)', decoder: 'windows-1257' },
  { id: 'iso88594', label: 'Baltic (ISO 8859-4)', decoder: 'iso-8859-4' },
  { id: 'iso885913', label: 'Estonian (ISO 8859-13)', decoder: 'iso-8859-13' },
  { id: 'iso88593', label: 'Western European (ISO 8859-3)', decoder: 'iso-8859-3' },
  { id: 'iso885910', label: 'Nordic (ISO 8859-10)', decoder: 'iso-8859-10' },
  { id: 'iso885914', label: 'Celtic (ISO 8859-14)', decoder: 'iso-8859-14' },
  { id: 'iso885916', label: 'Romanian (ISO 8859-16)', decoder: 'iso-8859-16' },
  { id: 'windows1258', label: 'Vietnamese (Windows 1258)', decoder: 'windows-1258' },
  { id: 'windows874', label: 'Thai (Windows 874)', decoder: 'windows-874' },
];

/** Those this runtime's TextDecoder has (Node without full ICU has few), offered. */
const SINGLE_BYTE = SINGLE_BYTE_KNOWN.filter(({ decoder }) => {
  try {
    return decoder === 'latin1' || decoder === 'windows-1252' || new TextDecoder(decoder).encoding !== undefined;
  } catch {
    return false;
  }
});

// Keeping a leading byte order mark: the text's units must match the file's bytes, BOM included.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Half a surrogate pair has no bytes in UTF-8 or UTF-16 (a paste can hold one). */
function refuseLoneSurrogate(text: string, label: string): void {
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  if (lone) throw new UnencodableError(lone[0], label);
}

function utf8(id: string, label: string, bom: Buffer): TextEncoding {
  return {
    id, label, units: 'utf8', unitBytes: 1, bigEndian: false, bom,
    decode: (bytes) => utf8Decoder.decode(bytes),
    encode: (text) => {
      refuseLoneSurrogate(text, label);
      return Buffer.from(text, 'utf8');
    },
  };
}

function utf16(bigEndian: boolean): TextEncoding {
  const label = bigEndian ? 'UTF-16 BE' : 'UTF-16 LE';
  const decoder = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { ignoreBOM: true });
  return {
    id: bigEndian ? 'utf16be' : 'utf16le', label, units: 'utf16', unitBytes: 2, bigEndian,
    bom: Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]),
    decode: (bytes) => decoder.decode(bytes),
    encode: (text) => {
      refuseLoneSurrogate(text, label);
      const bytes = Buffer.from(text, 'utf16le');
      return bigEndian ? bytes.swap16() : bytes;
    },
  };
}

function singleByte({ id, label, decoder }: SingleByteEntry): TextEncoding {
  const table = byteTable(decoder);
  let reverse: Map<number, number> | undefined;
  return {
    id, label, units: 'byte', unitBytes: 1, bigEndian: false, bom: Buffer.alloc(0),
    decode: (bytes) => decodeBytes(table, bytes),
    encode: (text) => {
      reverse ??= reverseTable(table);
      const out = Buffer.allocUnsafe(text.length);
      for (let i = 0; i < text.length; i++) {
        const b = reverse.get(text.charCodeAt(i));
        if (b === undefined) throw new UnencodableError(String.fromCodePoint(text.codePointAt(i)!), label);
        out[i] = b;
      }
      return out;
    },
  };
}

const made = new Map<string, TextEncoding>();

/** Every encoding offered, UTF-8 first (as VS Code's picker lists them). */
export const ENCODING_IDS: readonly string[] = ['utf8', 'utf8bom', 'utf16le', 'utf16be', ...SINGLE_BYTE.map((e) => e.id)];

/** The encoding VS Code calls `id`, or undefined when it is not one offered here. */
export function encodingOf(id: string): TextEncoding | undefined {
  let encoding = made.get(id);
  if (encoding) return encoding;
  if (id === 'utf8') encoding = utf8('utf8', 'UTF-8', Buffer.alloc(0));
  else if (id === 'utf8bom') encoding = utf8('utf8bom', 'UTF-8 with BOM', Buffer.from([0xef, 0xbb, 0xbf]));
  else if (id === 'utf16le' || id === 'utf16be') encoding = utf16(id === 'utf16be');
  else {
    const entry = SINGLE_BYTE.find((e) => e.id === id);
    if (entry) encoding = singleByte(entry);
  }
  if (encoding) made.set(id, encoding);
  return encoding;
}

/** The bytes of `text` in `encoding`, or undefined when the encoding cannot hold it (text that cannot be in such a file). */
export function encodedOrNone(encoding: TextEncoding, text: string): Buffer | undefined {
  try {
    return encoding.encode(text);
  } catch (err) {
    if (err instanceof UnencodableError) return undefined;
    throw err;
  }
}

/** `bytes` of text in `encoding` as UTF-8: as they are in UTF-8, else decoded and encoded again. */
export function asUtf8(encoding: TextEncoding, bytes: Buffer): Buffer {
  return encoding.units === 'utf8' ? bytes : Buffer.from(encoding.decode(bytes));
}

/** UTF-8, the default. */
export const UTF8: TextEncoding = encodingOf('utf8')!;
