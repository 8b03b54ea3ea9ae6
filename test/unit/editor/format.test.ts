import * as assert from 'assert';
import { formatBytes } from '../../../src/editor/format';
import { saveProgressText } from '../../../src/editor/saveProgressText';

describe('formatBytes', () => {
  it('says "byte" for one, "bytes" otherwise, and 1024-based units past that', () => {
    assert.strictEqual(formatBytes(0), '0 bytes');
    assert.strictEqual(formatBytes(1), '1 byte');
    assert.strictEqual(formatBytes(2), '2 bytes');
    assert.strictEqual(formatBytes(1023), '1023 bytes');
    assert.strictEqual(formatBytes(1024), '1.0 KB');
    assert.strictEqual(formatBytes(2 * 1024 ** 3), '2.0 GB');
  });
});

describe('saveProgressText', () => {
  it('gives the percentage of the bytes backed up and written', () => {
    assert.strictEqual(saveProgressText({ phase: 'journal', done: 512, total: 1024 }), 'backing up 50 % of 1.0 KB');
    assert.strictEqual(saveProgressText({ phase: 'write', done: 0, total: 1 }), 'writing 0 % of 1 byte');
  });

  it('counts no bytes for the flush, which is one sync', () => {
    assert.strictEqual(saveProgressText({ phase: 'flush', done: 0, total: 1 }), 'flushing to disk');
    assert.strictEqual(saveProgressText({ phase: 'flush', done: 1, total: 1 }), 'flushing to disk');
  });
});
