import * as assert from 'assert';
import { MAX_FILTER_LINES_PER_REQUEST, MAX_FILTER_PATTERNS } from '../../../src/editor/findProtocol';
import {
  MAX_BYTES_PER_EDIT, MAX_BYTES_PER_REQUEST, MAX_INSERT_BYTES, MAX_LINE_BYTES, MAX_LINES_PER_REQUEST, MAX_WINDOW_BYTES, validateViewerMessage,
} from '../../../src/editor/protocol';
import { MAX_PATTERN_LENGTH } from '../../../src/search/query';

describe('webview messages are untrusted input', () => {
  it('accepts well-formed messages and copies only the known fields', () => {
    const m = validateViewerMessage({ type: 'getLines', id: 1, start: 2 ** 40, count: MAX_LINES_PER_REQUEST, fromByte: 0, maxBytes: MAX_LINE_BYTES, extra: 'x' });
    assert.deepStrictEqual(m, { type: 'getLines', id: 1, start: 2 ** 40, count: MAX_LINES_PER_REQUEST, fromByte: 0, maxBytes: MAX_LINE_BYTES });
    // One line alone may come in a wider window (a screen of its wrapped rows).
    assert.strictEqual(validateViewerMessage({ type: 'getLines', id: 2, start: 0, count: 1, fromByte: 5, maxBytes: MAX_WINDOW_BYTES })?.type, 'getLines');
    assert.deepStrictEqual(validateViewerMessage({ type: 'delete', id: 4, from: { line: 3, column: 1 }, direction: 'forward' }),
      { type: 'delete', id: 4, from: { line: 3, column: 1 }, to: undefined, direction: 'forward', moved: undefined });
    assert.deepStrictEqual(validateViewerMessage({ type: 'insert', id: 5, at: { line: 0, column: 0 }, text: 'x', overwrite: false, moved: true, extra: 1 }),
      { type: 'insert', id: 5, at: { line: 0, column: 0 }, to: undefined, text: 'x', overwrite: false, moved: true });
    assert.deepStrictEqual(validateViewerMessage({ type: 'command', command: 'undo', id: 5, extra: 1 }), { type: 'command', command: 'undo', id: 5 });
    assert.ok(validateViewerMessage({ type: 'caret', position: { line: 0, column: 0 }, topLine: 0, overwrite: false }));
    assert.deepStrictEqual(validateViewerMessage({ type: 'caret', position: { line: 3, column: 9 }, topLine: 0, overwrite: false, anchor: { line: 3, column: 2 }, extra: 1 }),
      { type: 'caret', position: { line: 3, column: 9 }, topLine: 0, overwrite: false, anchor: { line: 3, column: 2 } });
    assert.deepStrictEqual(validateViewerMessage({ type: 'caretAt', id: 3, position: { line: 7, column: 2, extra: 1 }, extra: 1 }), { type: 'caretAt', id: 3, position: { line: 7, column: 2 } });
    assert.deepStrictEqual(validateViewerMessage({ type: 'caretAt', id: 4, offset: 10 * 2 ** 30 }), { type: 'caretAt', id: 4, offset: 10 * 2 ** 30 });
    // The end of a line the view has not read yet: the host takes the line's end.
    assert.deepStrictEqual(validateViewerMessage({ type: 'caretAt', id: 5, position: { line: 0, column: Number.MAX_SAFE_INTEGER } }),
      { type: 'caretAt', id: 5, position: { line: 0, column: Number.MAX_SAFE_INTEGER } });
    assert.deepStrictEqual(validateViewerMessage({ type: 'addHighlight', query: { kind: 'regex', source: 'a+', matchCase: true, extra: 1 } }), { type: 'addHighlight', query: { kind: 'regex', source: 'a+', matchCase: true } });
    assert.deepStrictEqual(validateViewerMessage({ type: 'filter', id: 3, include: [], exclude: [], marked: true }), { type: 'filter', id: 3, include: [], exclude: [], marked: true });
    assert.deepStrictEqual(validateViewerMessage({ type: 'filter', id: 2, include: [{ kind: 'regex', source: 'a+', matchCase: true, extra: 1 }], exclude: [] }),
      { type: 'filter', id: 2, include: [{ kind: 'regex', source: 'a+', matchCase: true }], exclude: [] });
  });

  it('accepts the hex view\'s messages at their limits, offsets past 4 GiB included', () => {
    assert.deepStrictEqual(validateViewerMessage({ type: 'getBytes', id: 7, offset: 10 * 2 ** 30, length: MAX_BYTES_PER_REQUEST }),
      { type: 'getBytes', id: 7, offset: 10 * 2 ** 30, length: MAX_BYTES_PER_REQUEST });
    const bytes = Array.from({ length: MAX_BYTES_PER_EDIT }, (_, i) => i % 256);
    assert.deepStrictEqual(validateViewerMessage({ type: 'replaceBytes', offset: 2 ** 40, deleteLength: 1, bytes }),
      { type: 'replaceBytes', offset: 2 ** 40, deleteLength: 1, bytes });
    assert.ok(validateViewerMessage({ type: 'pasteBytes', offset: 0, deleteLength: 0, as: 'hex', overwrite: true }));
    assert.ok(validateViewerMessage({ type: 'copyBytes', offset: 0, length: 2 ** 34, as: 'text' }));
    assert.ok(validateViewerMessage({ type: 'byteCaret', offset: 5, selectionLength: 0, insert: false }));
    assert.ok(validateViewerMessage({ type: 'command', command: 'toggleView' }));
    assert.ok(validateViewerMessage({ type: 'command', command: 'goToOffset' }));
  });

  const bad: [string, unknown][] = [
    ['not an object', 'getLines'],
    ['null', null],
    ['an unknown type', { type: 'rm -rf' }],
    ['an edit without its number', { type: 'insert', at: { line: 0, column: 0 }, text: 'x', overwrite: false }],
    ['an edit numbered -1', { type: 'delete', id: -1, from: { line: 0, column: 0 }, direction: 'forward' }],
    ['an edit whose moved flag is not a boolean', { type: 'delete', id: 1, from: { line: 0, column: 0 }, direction: 'forward', moved: 'yes' }],
    ['a command numbered 1.5', { type: 'command', command: 'undo', id: 1.5 }],
    ['a numbered command that is not undo or redo (none answers it)', { type: 'command', command: 'goToLine', id: 2 }],
    ['a negative start', { type: 'getLines', id: 1, start: -1, count: 1, fromByte: 0, maxBytes: 10 }],
    ['a fractional count', { type: 'getLines', id: 1, start: 0, count: 1.5, fromByte: 0, maxBytes: 10 }],
    ['too many lines', { type: 'getLines', id: 1, start: 0, count: MAX_LINES_PER_REQUEST + 1, fromByte: 0, maxBytes: 10 }],
    ['too many bytes per line', { type: 'getLines', id: 1, start: 0, count: 2, fromByte: 0, maxBytes: MAX_LINE_BYTES + 1 }],
    ['too many bytes of one line', { type: 'getLines', id: 1, start: 0, count: 1, fromByte: 0, maxBytes: MAX_WINDOW_BYTES + 1 }],
    ['a line past 2^53', { type: 'revealLine', line: 2 ** 53 }],
    ['a string number', { type: 'revealLine', line: '5' }],
    ['NaN', { type: 'revealLine', line: NaN }],
    ['a position without column', { type: 'copy', from: { line: 1 }, to: { line: 2, column: 0 } }],
    ['an unknown command', { type: 'command', command: 'deleteFile' }],
    ['a huge insert', { type: 'insert', id: 1, at: { line: 0, column: 0 }, text: 'x'.repeat(MAX_INSERT_BYTES + 1), overwrite: false }],
    ['an insert without text', { type: 'insert', id: 1, at: { line: 0, column: 0 }, overwrite: false }],
    ['a delete in no direction', { type: 'delete', id: 1, from: { line: 0, column: 0 }, direction: 'sideways' }],
    ['a byte read over the limit', { type: 'getBytes', id: 1, offset: 0, length: MAX_BYTES_PER_REQUEST + 1 }],
    ['an empty byte read', { type: 'getBytes', id: 1, offset: 0, length: 0 }],
    ['a negative byte offset', { type: 'getBytes', id: 1, offset: -16, length: 16 }],
    ['a byte read ending past 2^53', { type: 'getBytes', id: 1, offset: 2 ** 53 - 10, length: 100 }],
    ['a fractional byte offset', { type: 'replaceBytes', offset: 0.5, deleteLength: 1, bytes: [1] }],
    ['a byte value over 255', { type: 'replaceBytes', offset: 0, deleteLength: 1, bytes: [256] }],
    ['a negative byte value', { type: 'replaceBytes', offset: 0, deleteLength: 1, bytes: [-1] }],
    ['bytes as a string', { type: 'replaceBytes', offset: 0, deleteLength: 1, bytes: 'ff' }],
    ['too many bytes in one edit', { type: 'replaceBytes', offset: 0, deleteLength: 0, bytes: new Array(MAX_BYTES_PER_EDIT + 1).fill(0) }],
    ['a negative delete length', { type: 'replaceBytes', offset: 0, deleteLength: -1, bytes: [] }],
    ['a paste read as something else', { type: 'pasteBytes', offset: 0, deleteLength: 0, as: 'base64', overwrite: false }],
    ['a copy without a form', { type: 'copyBytes', offset: 0, length: 4 }],
    ['a caret without insert flag', { type: 'byteCaret', offset: 0, selectionLength: 0 }],
    ['a highlight rule of bytes', { type: 'addHighlight', query: { kind: 'bytes', pattern: [1, 2] } }],
    ['a highlight rule with a regex that does not compile', { type: 'addHighlight', query: { kind: 'regex', source: '(', matchCase: false } }],
    ['a text caret with a bad anchor', { type: 'caret', position: { line: 0, column: 0 }, topLine: 0, overwrite: false, anchor: { line: -1, column: 0 } }],
    ['a find without a query', { type: 'find', id: 1, from: { line: 0, column: 0 }, backwards: false, restart: true }],
    ['a find with an empty text', { type: 'find', id: 1, query: { kind: 'text', text: '', matchCase: false, wholeWord: false }, from: { line: 0, column: 0 }, backwards: false, restart: true }],
    ['a find with a regex that does not compile', { type: 'find', id: 1, query: { kind: 'regex', source: '(', matchCase: false }, from: { line: 0, column: 0 }, backwards: false, restart: true }],
    ['a find with a huge pattern', { type: 'find', id: 1, query: { kind: 'text', text: 'x'.repeat(MAX_PATTERN_LENGTH + 1), matchCase: false, wholeWord: false }, from: { line: 0, column: 0 }, backwards: false, restart: true }],
    ['a filter with no rule', { type: 'filter', id: 1, include: [], exclude: [] }],
    ['a filter with too many rules', { type: 'filter', id: 1, include: Array.from({ length: MAX_FILTER_PATTERNS + 1 }, () => ({ kind: 'text', text: 'a', matchCase: false, wholeWord: false })), exclude: [] }],
    ['a filter with a bad rule among good ones', { type: 'filter', id: 1, include: [{ kind: 'text', text: 'a', matchCase: false, wholeWord: false }, { kind: 'shell', text: 'rm' }], exclude: [] }],
    ['a caret answer without an id', { type: 'caretAt', offset: 0 }],
    ['a caret answer with a negative id', { type: 'caretAt', id: -1, offset: 0 }],
    ['a caret answer on a negative line', { type: 'caretAt', id: 1, position: { line: -1, column: 0 } }],
    ['a caret answer at a fractional column', { type: 'caretAt', id: 1, position: { line: 0, column: 0.5 } }],
    ['a caret answer at a fractional offset', { type: 'caretAt', id: 1, offset: 1.5 }],
    ['a caret answer at an offset past 2^53', { type: 'caretAt', id: 1, offset: 2 ** 53 }],
    ['a caret answer with a line for a position', { type: 'caretAt', id: 1, position: 7 }],
    ['a caret answer with both a position and an offset', { type: 'caretAt', id: 1, position: { line: 1, column: 0 }, offset: 9 }],
    ['a caret answer with neither a position nor an offset', { type: 'caretAt', id: 1 }],
    ['the old mark answer', { type: 'markAction', action: 'toggleMark', line: 7 }],
    ['a filter with marked not a flag', { type: 'filter', id: 1, include: [], exclude: [], marked: 'yes' }],
    ['a filter with marked off and no rule', { type: 'filter', id: 1, include: [], exclude: [], marked: false }],
    ['too many filter lines', { type: 'getFilterLines', id: 1, filterId: 1, start: 0, count: MAX_FILTER_LINES_PER_REQUEST + 1 }],
  ];
  for (const [what, message] of bad) {
    it(`refuses ${what}`, () => assert.strictEqual(validateViewerMessage(message), undefined));
  }
});
