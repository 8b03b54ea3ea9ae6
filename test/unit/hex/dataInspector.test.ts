import * as assert from 'assert';
import { encodeValue, inspect, InspectorLabel, inspectorLabels, PAST_END } from '../../../src/hex/dataInspector';
import { randInt, random, randomBytes } from '../testUtil';

type Endian = 'LE' | 'BE';
const endians: [Endian, boolean][] = [['LE', true], ['BE', false]];

/** Node's Buffer readers: the reference for every numeric row. */
function reference(label: InspectorLabel, b: Buffer, e: Endian): number | bigint {
  switch (label) {
    case 'int8': return b.readInt8(0);
    case 'uint8': return b.readUInt8(0);
    case 'int16': return e === 'LE' ? b.readInt16LE(0) : b.readInt16BE(0);
    case 'uint16': return e === 'LE' ? b.readUInt16LE(0) : b.readUInt16BE(0);
    case 'int32': return e === 'LE' ? b.readInt32LE(0) : b.readInt32BE(0);
    case 'uint32': return e === 'LE' ? b.readUInt32LE(0) : b.readUInt32BE(0);
    case 'int64': return e === 'LE' ? b.readBigInt64LE(0) : b.readBigInt64BE(0);
    case 'uint64': return e === 'LE' ? b.readBigUInt64LE(0) : b.readBigUInt64BE(0);
    case 'float32': return e === 'LE' ? b.readFloatLE(0) : b.readFloatBE(0);
    case 'float64': return e === 'LE' ? b.readDoubleLE(0) : b.readDoubleBE(0);
    default: throw new Error(`no numeric reference for ${label}`);
  }
}

/** Node's Buffer writers, for the bytes an edit must produce. */
function referenceBytes(label: InspectorLabel, value: number | bigint, e: Endian): Buffer {
  const size = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8 }[label as string] as number;
  const b = Buffer.alloc(size);
  const name = {
    int8: 'writeInt8', uint8: 'writeUInt8', int16: 'writeInt16', uint16: 'writeUInt16', int32: 'writeInt32', uint32: 'writeUInt32',
    int64: 'writeBigInt64', uint64: 'writeBigUInt64', float32: 'writeFloat', float64: 'writeDouble',
  }[label as string] as string;
  const method = size === 1 ? name : name + e;
  (b as unknown as Record<string, (v: number | bigint, o: number) => number>)[method](value, 0);
  return b;
}

const numeric = inspectorLabels.filter((l) => l !== 'binary' && l !== 'UTF-8');
const integers = numeric.filter((l) => l.includes('int'));

function row(bytes: Uint8Array, le: boolean, label: InspectorLabel) {
  const r = inspect(bytes, le).find((x) => x.label === label);
  assert.ok(r, label);
  return r;
}

describe('hex/dataInspector', () => {
  for (const [e, le] of endians) {
    it(`reads every number like Buffer's readers (${e}, random bytes)`, () => {
      const rand = random(e === 'LE' ? 71 : 72);
      for (let i = 0; i < 3000; i++) {
        const buf = randomBytes(rand, 8);
        // An unaligned view into a larger buffer, as the webview passes a slice of its page.
        const host = Buffer.concat([randomBytes(rand, 3), buf]);
        const bytes = new Uint8Array(host.buffer, host.byteOffset + 3, 8);
        const rows = inspect(bytes, le);
        assert.deepStrictEqual(rows.map((r) => r.label), [...inspectorLabels]);
        for (const r of rows) {
          assert.strictEqual(r.editable, true);
          if (r.label === 'binary' || r.label === 'UTF-8') continue;
          const want = reference(r.label, buf, e);
          if (typeof want === 'bigint' || r.label.includes('int')) {
            assert.strictEqual(r.value, String(want), `${r.label} of ${buf.toString('hex')}`);
          } else if (Number.isNaN(want)) {
            assert.strictEqual(r.value, 'NaN');
          } else {
            const read = r.label === 'float32' ? Math.fround(Number(r.value)) : Number(r.value);
            assert.ok(Object.is(read, want), `${r.label} of ${buf.toString('hex')}: ${r.value} vs ${want}`);
          }
        }
        assert.strictEqual(row(bytes, le, 'binary').value, buf[0].toString(2).padStart(8, '0'));
      }
    });

    it(`writes every integer like Buffer's writers, and reads it back (${e})`, () => {
      const rand = random(e === 'LE' ? 73 : 74);
      for (let i = 0; i < 3000; i++) {
        const label = integers[randInt(rand, integers.length)];
        const bits = BigInt(Number(/\d+/.exec(label)?.[0]));
        const signed = !label.startsWith('u');
        const min = signed ? -(1n << (bits - 1n)) : 0n;
        const span = 1n << bits;
        const value = min + (BigInt.asUintN(64, randomBytes(rand, 8).readBigUInt64LE(0)) % span);
        const text = randInt(rand, 2) === 0 || value < 0n ? value.toString() : `0x${value.toString(16)}`;
        const bytes = encodeValue(label, text, le);
        const asRef = bits === 64n ? value : Number(value);
        assert.deepStrictEqual(Buffer.from(bytes), referenceBytes(label, asRef, e), `${label} ${text}`);
        assert.strictEqual(row(Buffer.concat([bytes, Buffer.alloc(8)]), le, label).value, value.toString());
      }
    });

    it(`writes floats like Buffer's writers, and the shown float32 reads back to the same bits (${e})`, () => {
      const rand = random(e === 'LE' ? 75 : 76);
      for (let i = 0; i < 3000; i++) {
        const buf = randomBytes(rand, 8);
        for (const label of ['float32', 'float64'] as const) {
          const shown = row(buf, le, label).value;
          const bytes = encodeValue(label, shown, le);
          const want = reference(label, buf, e) as number;
          if (Number.isNaN(want)) {
            assert.ok(Number.isNaN(reference(label, Buffer.from(bytes), e) as number));
          } else {
            assert.deepStrictEqual(Buffer.from(bytes), buf.subarray(0, label === 'float32' ? 4 : 8), `${label} ${shown}`);
          }
        }
        const typed = (rand() - 0.5) * 10 ** randInt(rand, 40);
        assert.deepStrictEqual(Buffer.from(encodeValue('float64', String(typed), le)), referenceBytes('float64', typed, e));
        if (Number.isFinite(Math.fround(typed))) {
          assert.deepStrictEqual(Buffer.from(encodeValue('float32', String(typed), le)), referenceBytes('float32', typed, e));
        } else {
          assert.throws(() => encodeValue('float32', String(typed), le), RangeError);
        }
      }
    });
  }

  it('shows float32 values in their shortest form and -0 as -0', () => {
    assert.strictEqual(row(encodeValue('float32', '0.1', true), true, 'float32').value, '0.1');
    assert.strictEqual(row(encodeValue('float32', '-0', true), true, 'float32').value, '-0');
    assert.strictEqual(row(encodeValue('float64', '-0', false), false, 'float64').value, '-0');
    assert.strictEqual(row(encodeValue('float64', '-inf', false), false, 'float64').value, '-Infinity');
    assert.strictEqual(row(encodeValue('float32', 'NaN', false), false, 'float32').value, 'NaN');
  });

  it('shows rows that run past the end of the data as "—", not editable', () => {
    const rand = random(77);
    for (let n = 0; n < 8; n++) {
      const rows = inspect(randomBytes(rand, n), true);
      for (const r of rows) {
        const fits = n > 0 && r.byteLength <= n;
        assert.strictEqual(r.value === PAST_END, !fits, `${r.label} with ${n} bytes`);
        assert.strictEqual(r.editable, fits);
      }
    }
  });

  it('shows the UTF-8 character at the caret, its code point and length, like Buffer.toString', () => {
    const rand = random(78);
    for (let i = 0; i < 3000; i++) {
      let cp = randInt(rand, 0x110000);
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x41;
      const char = String.fromCodePoint(cp);
      const enc = Buffer.from(char, 'utf8');
      const r = row(Buffer.concat([enc, randomBytes(rand, 4)]), true, 'UTF-8');
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      assert.strictEqual(r.byteLength, enc.length);
      assert.ok(r.value === code || r.value === `${char} (${code})`, `${r.value} for ${code}`);
      assert.deepStrictEqual(Buffer.from(encodeValue('UTF-8', char, true)), enc);
    }
    assert.strictEqual(row(Buffer.from('A'), true, 'UTF-8').value, 'A (U+0041)');
    assert.strictEqual(row(Buffer.from('\n'), true, 'UTF-8').value, 'U+000A');
    assert.strictEqual(row(Buffer.from('\ufeffx'), true, 'UTF-8').value, 'U+FEFF');
  });

  it('calls invalid UTF-8 invalid, and a sequence cut by the end of the data "—"', () => {
    for (const hex of ['80', 'bf', 'c0 80', 'c1 bf', 'ed a0 80', 'f4 90 80 80', 'f5 80 80 80', 'ff', 'e2 82 41', 'f0 9f 98']) {
      const bytes = Buffer.from(`${hex.replace(/ /g, '')}41414141`, 'hex');
      assert.strictEqual(row(bytes, true, 'UTF-8').value, 'invalid UTF-8', hex);
    }
    assert.strictEqual(row(Buffer.from('e282', 'hex'), true, 'UTF-8').value, PAST_END);
    assert.strictEqual(row(Buffer.from('e282ac', 'hex'), true, 'UTF-8').value, '€ (U+20AC)');
  });

  it('edits binary and reads it back', () => {
    for (let b = 0; b < 256; b++) {
      const text = b.toString(2);
      assert.deepStrictEqual([...encodeValue('binary', text, true)], [b]);
      assert.deepStrictEqual([...encodeValue('binary', `0b${text.padStart(8, '0')}`, false)], [b]);
    }
    assert.throws(() => encodeValue('binary', '102', true), SyntaxError);
    assert.throws(() => encodeValue('binary', '111111111', true), SyntaxError);
  });

  it('takes hex up to the width as a bit pattern in signed rows', () => {
    assert.deepStrictEqual([...encodeValue('int8', '0xff', true)], [0xff]);
    assert.deepStrictEqual([...encodeValue('int16', '0x8000', false)], [0x80, 0]);
    assert.deepStrictEqual([...encodeValue('int8', '-0x80', true)], [0x80]);
    assert.deepStrictEqual([...encodeValue('int64', '0xffffffffffffffff', true)], Array(8).fill(0xff));
    assert.throws(() => encodeValue('int8', '0x100', true), RangeError);
    assert.throws(() => encodeValue('int8', '-0x81', true), RangeError);
  });

  it('refuses integers out of range with RangeError naming the range', () => {
    for (const label of integers) {
      const bits = BigInt(Number(/\d+/.exec(label)?.[0]));
      const signed = !label.startsWith('u');
      const min = signed ? -(1n << (bits - 1n)) : 0n;
      const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      assert.doesNotThrow(() => encodeValue(label, String(max), true));
      assert.doesNotThrow(() => encodeValue(label, String(min), true));
      assert.throws(() => encodeValue(label, String(max + 1n), true), { name: 'RangeError', message: new RegExp(`does not fit in ${label}: the range is ${min} to ${max}`) });
      assert.throws(() => encodeValue(label, String(min - 1n), true), RangeError);
    }
  });

  it('refuses text that is not a value with SyntaxError', () => {
    for (const text of ['', ' ', '1.5', '1e3', 'abc', '0x', '--1', '+-2', '12 3', '0b11']) {
      assert.throws(() => encodeValue('int32', text, true), SyntaxError, JSON.stringify(text));
    }
    for (const text of ['', 'abc', '0x10', '1..2', '1e', 'e5', 'infinit', '0b1']) {
      assert.throws(() => encodeValue('float64', text, true), SyntaxError, JSON.stringify(text));
    }
    for (const text of ['', 'ab', 'e\u0301']) assert.throws(() => encodeValue('UTF-8', text, true), SyntaxError, JSON.stringify(text));
    assert.throws(() => encodeValue('UTF-8', '\ud800', true), RangeError);
  });

  it('refuses floats out of range with RangeError', () => {
    assert.throws(() => encodeValue('float32', '3.5e38', true), { name: 'RangeError', message: /float32/ });
    assert.throws(() => encodeValue('float32', '-1e39', true), RangeError);
    assert.throws(() => encodeValue('float64', '1e309', true), { name: 'RangeError', message: /float64/ });
    assert.deepStrictEqual(Buffer.from(encodeValue('float32', '3.4028235e38', true)), referenceBytes('float32', 3.4028234663852886e38, 'LE'));
    assert.deepStrictEqual(Buffer.from(encodeValue('float32', 'Infinity', true)), referenceBytes('float32', Infinity, 'LE'));
  });
});
