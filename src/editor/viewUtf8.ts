/**
 * UTF-8 decoded for the viewer webview, which maps its text to the file's byte columns by
 * the characters alone (media/lineRenderer.ts byteLength): 1 to 4 bytes by code point,
 * and 1 for U+FFFD. The standard decoder makes one U+FFFD of a whole invalid sequence
 * (`E2 82` before an ASCII byte is one character for two bytes), which would put every
 * caret after it a byte off, and a typed key at the wrong byte. Here each byte that is no
 * part of a valid character is one U+FFFD, and a real U+FFFD in the file (3 bytes) shows
 * as three. No `vscode`.
 */

import { utf8SequenceAt } from '../search/utf8Cursor';

const REPLACEMENT = '\ufffd';
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `bytes`, each U+FFFD in it standing for exactly one byte. */
export function decodeUtf8ForView(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (!text.includes(REPLACEMENT)) return text;
  let out = '';
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceAt(bytes, i, bytes.length);
    const length = Math.abs(n);
    const replacement = n < 0 || (n === 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd);
    if (replacement) {
      // A broken sequence's bytes are each one U+FFFD, as is each byte of a real one.
      out += decoder.decode(bytes.subarray(run, i)) + REPLACEMENT.repeat(length);
      run = i + length;
    }
    i += length;
  }
  return out + decoder.decode(bytes.subarray(run));
}
