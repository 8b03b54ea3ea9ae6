import * as assert from 'assert';
import { MAX_INSERT_BYTES, MAX_LINE_BYTES, MAX_LINES_PER_REQUEST, validateViewerMessage } from '../../../src/editor/protocol';

describe('webview messages are untrusted input', () => {
  it('accepts well-formed messages and copies only the known fields', () => {
    const m = validateViewerMessage({ type: 'getLines', id: 1, start: 2 ** 40, count: MAX_LINES_PER_REQUEST, fromByte: 0, maxBytes: MAX_LINE_BYTES, extra: 'x' });
    assert.deepStrictEqual(m, { type: 'getLines', id: 1, start: 2 ** 40, count: MAX_LINES_PER_REQUEST, fromByte: 0, maxBytes: MAX_LINE_BYTES });
    assert.deepStrictEqual(validateViewerMessage({ type: 'delete', from: { line: 3, column: 1 }, direction: 'forward' }),
      { type: 'delete', from: { line: 3, column: 1 }, to: undefined, direction: 'forward' });
    assert.ok(validateViewerMessage({ type: 'caret', position: { line: 0, column: 0 }, topLine: 0, overwrite: false }));
  });

  const bad: [string, unknown][] = [
    ['not an object', 'getLines'],
    ['null', null],
    ['an unknown type', { type: 'rm -rf' }],
    ['a negative start', { type: 'getLines', id: 1, start: -1, count: 1, fromByte: 0, maxBytes: 10 }],
    ['a fractional count', { type: 'getLines', id: 1, start: 0, count: 1.5, fromByte: 0, maxBytes: 10 }],
    ['too many lines', { type: 'getLines', id: 1, start: 0, count: MAX_LINES_PER_REQUEST + 1, fromByte: 0, maxBytes: 10 }],
    ['too many bytes per line', { type: 'getLines', id: 1, start: 0, count: 1, fromByte: 0, maxBytes: MAX_LINE_BYTES + 1 }],
    ['a line past 2^53', { type: 'revealLine', line: 2 ** 53 }],
    ['a string number', { type: 'revealLine', line: '5' }],
    ['NaN', { type: 'revealLine', line: NaN }],
    ['a position without column', { type: 'copy', from: { line: 1 }, to: { line: 2, column: 0 } }],
    ['an unknown command', { type: 'command', command: 'deleteFile' }],
    ['a huge insert', { type: 'insert', at: { line: 0, column: 0 }, text: 'x'.repeat(MAX_INSERT_BYTES + 1), overwrite: false }],
    ['an insert without text', { type: 'insert', at: { line: 0, column: 0 }, overwrite: false }],
    ['a delete in no direction', { type: 'delete', from: { line: 0, column: 0 }, direction: 'sideways' }],
  ];
  for (const [what, message] of bad) {
    it(`refuses ${what}`, () => assert.strictEqual(validateViewerMessage(message), undefined));
  }
});
