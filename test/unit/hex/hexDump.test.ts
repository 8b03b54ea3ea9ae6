import * as assert from 'assert';
import { formatHex, parseHexBytes } from '../../../src/hex/hexDump';
import { random, randInt } from '../testUtil';

describe('hexDump', () => {
  it('formats random bytes as Node\'s hex encoding does, in spaced pairs, and parses them back', () => {
    const rand = random(6);
    for (let n = 0; n < 200; n++) {
      const bytes = Buffer.from(Array.from({ length: randInt(rand, 40) }, () => randInt(rand, 256)));
      const text = formatHex(bytes);
      assert.strictEqual(text, (bytes.toString('hex').match(/../g) ?? []).join(' '));
      assert.deepStrictEqual(Buffer.from(parseHexBytes(text)), bytes);
      assert.deepStrictEqual(Buffer.from(parseHexBytes(text.toUpperCase().replace(/ /g, ''))), bytes);
    }
  });

  it('reads hex the way people paste it', () => {
    assert.deepStrictEqual([...parseHexBytes('0xDE, 0xad\n be\tEF')], [0xde, 0xad, 0xbe, 0xef]);
    assert.deepStrictEqual([...parseHexBytes('  ')], []);
  });

  it('refuses what is not hex bytes, saying what', () => {
    assert.throws(() => parseHexBytes('de ad bx'), (e: Error) => e instanceof SyntaxError && /"bx" is not hex/.test(e.message));
    assert.throws(() => parseHexBytes('abc'), (e: Error) => e instanceof SyntaxError && /odd number/.test(e.message));
    assert.throws(() => parseHexBytes('hello world'), SyntaxError);
  });
});
