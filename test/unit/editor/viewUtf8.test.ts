// The text view maps its text to byte columns by the characters alone (U+FFFD = one
// byte): the host's decoding for it must make that exact for any bytes, or a caret
// after an invalid sequence types at the wrong byte.
import * as assert from 'assert';
import { decodeUtf8ForView } from '../../../src/editor/viewUtf8';
import { byteLength } from '../../../media/lineRenderer';
import { randInt, random } from '../testUtil';

const PIECES: number[][] = [
  [0x61], [0x0a], [0xc3, 0xa9], [0xe4, 0xb8, 0xad], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbf, 0xbd], [0xef, 0xbb, 0xbf],
  [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3], [0x80], [0xbf], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe], [0xe0, 0x80, 0x80],
];

describe('UTF-8 decoded for the view', () => {
  it('one U+FFFD per byte of an invalid sequence: E2 82 then A is three characters, and A at byte 2', () => {
    assert.strictEqual(decodeUtf8ForView(Uint8Array.from([0xe2, 0x82, 0x41])), '\ufffd\ufffdA');
    assert.strictEqual(decodeUtf8ForView(Uint8Array.from([0x61, 0xef, 0xbf, 0xbd, 0x62])), 'a\ufffd\ufffd\ufffdb', 'a real U+FFFD shows as its three bytes');
    assert.strictEqual(decodeUtf8ForView(Buffer.from('héllo 😀')), 'héllo 😀');
  });

  it('any bytes: the view counts exactly their length, at every character boundary, and keeps every valid character', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = random(41_000 + seed);
      const bytes = Uint8Array.from(Array.from({ length: randInt(rand, 24) }, () => PIECES[randInt(rand, PIECES.length)]).flat());
      const text = decodeUtf8ForView(bytes);
      assert.strictEqual(byteLength(text), bytes.length, `seed ${41_000 + seed}: ${Buffer.from(bytes).toString('hex')}`);
      for (let i = 0; i <= text.length; i++) {
        if (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i])) continue;
        const at = byteLength(text, 0, i);
        assert.strictEqual(decodeUtf8ForView(bytes.subarray(0, at)), text.slice(0, i), `seed ${41_000 + seed}: the first ${i} characters are bytes 0..${at}`);
      }
      assert.strictEqual(text.replace(/\ufffd/g, ''), new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/\ufffd/g, ''), 'the same valid characters');
    }
  });
});
