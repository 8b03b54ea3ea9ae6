/**
 * Codecs of single-byte encodings (Latin-1, Windows-1252 and the other legacy code
 * pages): a table of the 256 characters, built once. Every character is one UTF-16
 * unit and one byte, so columns in the file are indexes in the decoded text. No `vscode`.
 */

/** What bytes 0x80 to 0x9F are in Windows-1252 (WHATWG's table; five unassigned bytes stay C1 controls). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The character each byte stands for, from `decoderLabel` (a WHATWG label), or 'latin1' / 'windows-1252' built in. */
export function byteTable(decoderLabel: string): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  // Node's TextDecoder decodes windows-1252 as ISO-8859-1 (0x80..0x9F as C1 controls): the table is kept here.
  if (decoderLabel === 'latin1') return table;
  if (decoderLabel === 'windows-1252') {
    table.set(WINDOWS_1252_HIGH, 0x80);
    return table;
  }
  const decoder = new TextDecoder(decoderLabel);
  for (let b = 0; b < 256; b++) table[b] = decoder.decode(Uint8Array.of(b)).charCodeAt(0);
  return table;
}

/** Decodes `bytes` through `table`, in pieces (String.fromCharCode takes a bounded argument list). */
export function decodeBytes(table: Uint16Array, bytes: Uint8Array): string {
  const PIECE = 8192;
  const units = new Uint16Array(Math.min(PIECE, bytes.length));
  let out = '';
  for (let at = 0; at < bytes.length; at += PIECE) {
    const n = Math.min(PIECE, bytes.length - at);
    for (let i = 0; i < n; i++) units[i] = table[bytes[at + i]];
    out += String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  }
  return out;
}

/** The byte of each character of `table` (the first byte when two decode alike; U+FFFD, an unassigned byte, has none). */
export function reverseTable(table: Uint16Array): Map<number, number> {
  const reverse = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    if (table[b] !== 0xfffd && !reverse.has(table[b])) reverse.set(table[b], b);
  }
  return reverse;
}
