import * as assert from 'assert';
import { encodeValue, inspect } from '../../../src/hex/dataInspector';
import { random, randInt } from '../testUtil';

/** Node's own Buffer readers: an independent reference for every type and byte order. */
function reference(buf: Buffer, le: boolean): Record<string, string> {
  const e = le ? 'LE' : 'BE';
  const r = (name: string) => (buf as unknown as Record<string, (o: number) => number | bigint>)[name].call(buf, 0);
  return {
    int8: String(buf.readInt8(0)),
    uint8: String(buf.readUInt8(0)),
    int16: String(r(`readInt16${e}`)),
    uint16: String(r(`readUInt16${e}`)),
    int32: String(r(`readInt32${e}`)),
    uint32: String(r(`readUInt32${e}`)),
    int64: String(r(`readBigInt64${e}`)),
    uint64: String(r(`readBigUInt64${e}`)),
    float32: String(r(`readFloat${e}`)),
    float64: String(r(`readDouble${e}`)),
  };
}

describe('data inspector', () => {
  it('reads random bytes as Node\'s Buffer readers do, both byte orders, and writes them back', () => {
    const rand = random(3);
    for (let n = 0; n < 300; n++) {
      const buf = Buffer.from(Array.from({ length: 8 }, () => randInt(rand, 256)));
      for (const le of [true, false]) {
        const values = inspect(new Uint8Array(buf), le);
        const expected = reference(buf, le);
        assert.deepStrictEqual(Object.fromEntries(values.map((v) => [v.label, v.value])), expected);
        for (const v of values) {
          if (v.label.startsWith('float') && v.value === 'NaN') continue; // NaN payloads are not kept by a text round trip
          assert.deepStrictEqual(Buffer.from(encodeValue(v.label, v.value, le)), buf.subarray(0, v.byteLength), `${v.label} ${v.value}`);
        }
      }
    }
  });

  it('a known sequence: 0x12345678 little and big endian', () => {
    const bytes = Uint8Array.from([0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0]);
    const le = Object.fromEntries(inspect(bytes, true).map((v) => [v.label, v.value]));
    assert.strictEqual(le.uint32, String(0x12345678));
    assert.strictEqual(le.uint16, String(0x5678));
    const be = Object.fromEntries(inspect(bytes, false).map((v) => [v.label, v.value]));
    assert.strictEqual(be.uint32, String(0x78563412));
  });

  it('near the end of the file, readings that need more bytes are empty and not editable', () => {
    const values = inspect(Uint8Array.from([0xff, 0xff, 0xff]), true);
    const by = Object.fromEntries(values.map((v) => [v.label, v]));
    assert.strictEqual(by.int8.value, '-1');
    assert.strictEqual(by.uint16.value, '65535');
    assert.strictEqual(by.uint32.value, '');
    assert.strictEqual(by.uint32.editable, false);
    assert.strictEqual(by.int16.editable, true);
    // A subarray (an offset into a bigger buffer) reads its own bytes.
    const big = Uint8Array.from([9, 9, 1, 0]);
    assert.strictEqual(inspect(big.subarray(2), true).find((v) => v.label === 'uint16')!.value, '1');
  });

  it('encodes typed values in range, hex too, and refuses the rest with a RangeError', () => {
    assert.deepStrictEqual([...encodeValue('int16', '-2', true)], [0xfe, 0xff]);
    assert.deepStrictEqual([...encodeValue('uint32', '0x12345678', false)], [0x12, 0x34, 0x56, 0x78]);
    assert.deepStrictEqual([...encodeValue('uint64', '18446744073709551615', true)], Array(8).fill(0xff));
    assert.deepStrictEqual([...encodeValue('float32', '1', false)], [0x3f, 0x80, 0, 0]);
    for (const [label, text] of [['uint8', '256'], ['int8', '-129'], ['uint16', '-1'], ['int64', '9223372036854775808'],
      ['int32', '1.5'], ['uint8', 'ten'], ['float32', '1e39'], ['float64', '1e999'], ['float64', 'x'], ['int128', '1']]) {
      assert.throws(() => encodeValue(label, text, true), RangeError, `${label} ${text}`);
    }
    assert.deepStrictEqual([...encodeValue('float64', '-Infinity', true)], [...new Uint8Array(new Float64Array([-Infinity]).buffer)]);
  });
});
