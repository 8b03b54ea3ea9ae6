import * as assert from 'assert';
import { byteColumn, parseGoToLine } from '../../../src/editor/goToLineInput';

describe('Go to Line input: VS Code\'s syntax', () => {
  it('takes a line, line:column, line,column and line#column; a negative line counts from the end', () => {
    assert.deepStrictEqual(parseGoToLine('6000000', 10), { line: 5_999_999, character: 0 });
    assert.deepStrictEqual(parseGoToLine('1:1000', 10), { line: 0, character: 999 });
    assert.deepStrictEqual(parseGoToLine(' 12 , 5 ', 100), { line: 11, character: 4 });
    assert.deepStrictEqual(parseGoToLine('12#5', 100), { line: 11, character: 4 });
    assert.deepStrictEqual(parseGoToLine('-1', 100), { line: 99, character: 0 });
    assert.deepStrictEqual(parseGoToLine('-500', 100), { line: 0, character: 0 });
    assert.deepStrictEqual(parseGoToLine('3:0', 100), { line: 2, character: 0 });
    assert.deepStrictEqual(parseGoToLine(':5', 100), { line: 4, character: 0 }, 'the prefix of VS Code\'s box');
    assert.deepStrictEqual(parseGoToLine(':12:5', 100), { line: 11, character: 4 });
  });

  it('refuses what names no line', () => {
    for (const text of ['', ' ', '0', ':', 'abc', '1:', '::5', '1:2:3', '1.5', '1e3', '99999999999999999999']) {
      assert.strictEqual(parseGoToLine(text, 100), undefined, JSON.stringify(text));
    }
  });

  it('counts columns in characters, bytes as UTF-8 holds them', () => {
    const line = Buffer.from('aé€😀b');
    assert.deepStrictEqual([0, 1, 2, 3, 5, 6, 9].map((c) => byteColumn(line, c)), [0, 1, 3, 6, 10, 11, 11]);
    assert.strictEqual(byteColumn(Buffer.from([0xff, 0xfe, 0x41]), 2), 2, 'a bad byte is one character');
  });
});
