import * as assert from 'assert';
import { bytesPerRowSetting, initialViewMode, looksBinary } from '../../../src/editor/viewMode';

describe('view mode', () => {
  it('auto opens files with a NUL byte in their head as hex, others as text', () => {
    const text = new TextEncoder().encode('plain text, even with UTF-8: café\n');
    const binary = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    assert.strictEqual(looksBinary(text), false);
    assert.strictEqual(looksBinary(binary), true);
    assert.strictEqual(looksBinary(new Uint8Array(0)), false, 'an empty file is text');
    assert.strictEqual(initialViewMode('auto', () => binary), 'hex');
    assert.strictEqual(initialViewMode(undefined, () => text), 'text');
    assert.strictEqual(initialViewMode('bogus', () => binary), 'hex');
  });

  it('an explicit setting wins and does not read the file', () => {
    const unread = () => assert.fail('read the head');
    assert.strictEqual(initialViewMode('text', unread), 'text');
    assert.strictEqual(initialViewMode('hex', unread), 'hex');
  });

  it('bytes per row: whole numbers in 1..64, 16 when unusable', () => {
    assert.deepStrictEqual([16, 8, 0, -5, 1000, 7.6, NaN, '32', undefined].map(bytesPerRowSetting), [16, 8, 1, 1, 64, 8, 16, 16, 16]);
  });
});
