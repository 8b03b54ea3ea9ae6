import * as assert from 'assert';
import { detectEncoding, isUtf8 } from '../../../src/encoding/detectEncoding';
import { ENCODING_IDS, encodingOf, UnencodableError } from '../../../src/encoding/textEncoding';

describe('text encodings', () => {
  it('decode and encode every byte of each single-byte encoding back to itself, where the byte is a character', () => {
    for (const id of ENCODING_IDS) {
      const encoding = encodingOf(id)!;
      assert.strictEqual(encoding.id, id);
      if (encoding.units !== 'byte') continue;
      for (let b = 0; b < 256; b++) {
        const text = encoding.decode(Uint8Array.of(b));
        assert.strictEqual(text.length, 1, `${id} byte ${b}: one character`);
        if (text === '\ufffd') continue;
        assert.deepStrictEqual([...encoding.encode(text)], [b], `${id}: byte ${b} (${text}) round trip`);
      }
    }
  });

  it('Windows-1252 has the euro sign and curly quotes where ISO 8859-1 has C1 controls', () => {
    const bytes = Uint8Array.of(0x80, 0x93, 0x94, 0xe9);
    assert.strictEqual(encodingOf('windows1252')!.decode(bytes), '€“”é');
    assert.strictEqual(encodingOf('iso88591')!.decode(bytes), '\u0080\u0093\u0094é');
    assert.deepStrictEqual([...encodingOf('windows1252')!.encode('€uro café')], [0x80, 0x75, 0x72, 0x6f, 0x20, 0x63, 0x61, 0x66, 0xe9]);
  });

  it('refuse a character the encoding has not, naming it, and never replace it', () => {
    const latin1 = encodingOf('iso88591')!;
    assert.throws(() => latin1.encode('price: 5 €'), (err: UnencodableError) => err.code === 'EUNENCODABLE'
      && /"€" \(U\+20AC\) cannot be written in Western \(ISO 8859-1\)/.test(err.message));
    assert.throws(() => encodingOf('utf8')!.encode('a\ud800b'), UnencodableError);
    assert.throws(() => encodingOf('utf16le')!.encode('\udc00'), UnencodableError);
    assert.deepStrictEqual([...encodingOf('utf8')!.encode('é😀')], [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
    assert.deepStrictEqual([...encodingOf('utf16be')!.encode('é😀')], [0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00]);
    assert.strictEqual(encodingOf('utf16le')!.decode(Buffer.from('é😀', 'utf16le')), 'é😀');
  });

  it('knows no encoding it does not offer', () => {
    assert.strictEqual(encodingOf('ebcdic'), undefined);
    assert.strictEqual(encodingOf('__proto__'), undefined);
  });
});

describe('encoding detection', () => {
  const head = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);

  it('a byte order mark wins over every setting', () => {
    const settings = { encoding: 'windows1252', autoGuess: true };
    assert.deepStrictEqual(ids(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), head('é')]), settings)), ['utf8bom', 'bom']);
    assert.deepStrictEqual(ids(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), head('log', 'utf16le')]), settings)), ['utf16le', 'bom']);
    assert.deepStrictEqual(ids(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), head('log', 'utf16le').swap16()]), settings)), ['utf16be', 'bom']);
  });

  it('UTF-16 without a byte order mark, from where its NULs fall; a binary with NULs is not UTF-16', () => {
    const line = '2026-12-07 ERROR something failed\n';
    assert.deepStrictEqual(ids(detectEncoding(head(line, 'utf16le'))), ['utf16le', 'nul-pattern']);
    assert.deepStrictEqual(ids(detectEncoding(head(line, 'utf16le').swap16())), ['utf16be', 'nul-pattern']);
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0]);
    assert.deepStrictEqual(ids(detectEncoding(binary)), ['utf8', 'default']);
  });

  it('files.encoding names the encoding of a file without a mark; autoGuessEncoding guesses Windows-1252 for text that is not UTF-8', () => {
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    assert.deepStrictEqual(ids(detectEncoding(latin)), ['utf8', 'default']);
    assert.deepStrictEqual(ids(detectEncoding(latin, { encoding: 'iso88591' })), ['iso88591', 'setting']);
    assert.deepStrictEqual(ids(detectEncoding(latin, { autoGuess: true })), ['windows1252', 'guessed']);
    assert.deepStrictEqual(ids(detectEncoding(head('café\n'), { autoGuess: true, encoding: 'koi8r' })), ['koi8r', 'setting']);
    assert.deepStrictEqual(ids(detectEncoding(head('plain'), { encoding: 'no-such' })), ['utf8', 'default']);
    assert.deepStrictEqual(ids(detectEncoding(head('plain'), { encoding: 'utf8bom' })), ['utf8', 'default'], 'no mark: not "with BOM"');
  });

  it('tells UTF-8 from other bytes, but for a character cut at the end', () => {
    assert.ok(isUtf8(Buffer.from('naïve 😀')));
    assert.ok(isUtf8(Buffer.from('naïve 😀').subarray(0, 9)), 'cut inside the emoji');
    assert.ok(!isUtf8(Buffer.from([0x61, 0xe9, 0x62])));
    assert.ok(!isUtf8(Buffer.from([0xc0, 0x80])), 'overlong');
  });
});

function ids(found: { encoding: { id: string }; reason: string }): [string, string] {
  return [found.encoding.id, found.reason];
}
