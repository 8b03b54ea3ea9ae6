import * as assert from 'assert';
import { AUTO_SAVE_MAX_WRITE_BYTES, autoSaveWaits, SaveRequest } from '../../../src/editor/autoSavePolicy';

describe('autoSaveWaits', () => {
  const big: SaveRequest = { autoSaveOn: true, explicit: false, changedSinceLastRequest: true, writeBytes: 2 * 1024 ** 3 };

  it('holds back a save that may be an auto-save and would rewrite more than the limit', () => {
    assert.strictEqual(autoSaveWaits(big), true);
  });

  it('never holds back a short save, an explicit one, one with auto-save off, or a second request with no change between', () => {
    assert.strictEqual(autoSaveWaits({ ...big, writeBytes: AUTO_SAVE_MAX_WRITE_BYTES }), false);
    assert.strictEqual(autoSaveWaits({ ...big, explicit: true }), false);
    assert.strictEqual(autoSaveWaits({ ...big, autoSaveOn: false }), false);
    assert.strictEqual(autoSaveWaits({ ...big, changedSinceLastRequest: false }), false);
  });
});
