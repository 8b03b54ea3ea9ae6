/**
 * UTF-8 decoded for the viewer webview, which maps its text to the file's byte columns by
 * the characters alone (media/lineRenderer.ts byteLength): 1 to 4 bytes by code point,
 * and 1 for U+FFFD. The standard decoder makes one U+FFFD of a whole invalid sequence
 * (`E2 82` before an ASCII byte is one character for two bytes), which would put every
 * caret after it a byte off, and a typed key at the wrong byte. Here each byte that is no
 * part of a valid character is one U+FFFD, and a real U+FFFD in the file (3 bytes) shows
 * as three. No `vscode`.
 */

const REPLACEMENT = '\ufffd';
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `bytes`, each U+FFFD in it standing for exactly one byte. */
export function decodeUtf8ForView(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (!text.includes(REPLACEMENT)) return text;
  let out = '';
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    const replacement = n === 0 || (n === 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd);
    if (!replacement) {
      i += n;
      continue;
    }
    out += decoder.decode(bytes.subarray(run, i)) + REPLACEMENT.repeat(n || 1);
    i += n || 1;
    run = i;
  }
  return out + decoder.decode(bytes.subarray(run));
}

/** Bytes of the valid UTF-8 character at `i` (the WHATWG decoder's rules), 0 when there is none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [lo, hi] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
