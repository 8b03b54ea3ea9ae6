import * as assert from 'assert';
import { checkQuery, MAX_PATTERN_LENGTH, parseHexPattern, validateQuery } from '../../../src/search/query';

describe('parseHexPattern', () => {
  it('reads hex pairs with or without spaces, any case, and ?? wildcards', () => {
    assert.deepStrictEqual(parseHexPattern('DE AD ?? ef'), [0xde, 0xad, null, 0xef]);
    assert.deepStrictEqual(parseHexPattern('deadbeef'), [0xde, 0xad, 0xbe, 0xef]);
    assert.deepStrictEqual(parseHexPattern('  00??FF\t0a\n'), [0x00, null, 0xff, 0x0a]);
  });

  it('throws a SyntaxError naming the position for anything else', () => {
    assert.throws(() => parseHexPattern('DE A'), { name: 'SyntaxError', message: /character 4.*'A'/ });
    assert.throws(() => parseHexPattern('d e'), { name: 'SyntaxError', message: /character 1/ });
    assert.throws(() => parseHexPattern('zz'), { name: 'SyntaxError', message: /two hex digits or \?\?/ });
    assert.throws(() => parseHexPattern('0x41'), { name: 'SyntaxError', message: /character 1/ });
    assert.throws(() => parseHexPattern('?'), SyntaxError);
    assert.throws(() => parseHexPattern('   '), { name: 'SyntaxError', message: /empty/ });
  });
});

describe('validateQuery', () => {
  it('accepts well-formed queries and returns a copy', () => {
    const bytes = { kind: 'bytes', pattern: [1, null, 255] };
    const copy = validateQuery(bytes);
    assert.deepStrictEqual(copy, bytes);
    assert.notStrictEqual(copy, bytes);
    assert.deepStrictEqual(validateQuery({ kind: 'text', text: 'é', matchCase: false, wholeWord: true, extra: 1 }),
      { kind: 'text', text: 'é', matchCase: false, wholeWord: true });
    assert.deepStrictEqual(validateQuery({ kind: 'regex', source: '\\p{L}+', matchCase: true }), { kind: 'regex', source: '\\p{L}+', matchCase: true });
  });

  it('rejects malformed, empty, huge and invalid queries', () => {
    const long = 'x'.repeat(MAX_PATTERN_LENGTH + 1);
    const bad: unknown[] = [
      undefined, null, 'text', 42, [], {}, { kind: 'grep' },
      { kind: 'text', text: '', matchCase: true, wholeWord: false },
      { kind: 'text', text: 'a', matchCase: 'yes', wholeWord: false },
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'a\nb', matchCase: true, wholeWord: false },
      { kind: 'text', text: 'a\r', matchCase: true, wholeWord: false },
      { kind: 'text', text: 'é'.repeat(MAX_PATTERN_LENGTH / 2 + 1), matchCase: true, wholeWord: false }, // too many UTF-8 bytes
      { kind: 'text', text: long, matchCase: true, wholeWord: false },
      { kind: 'regex', source: '', matchCase: true },
      { kind: 'regex', source: '(', matchCase: true },
      { kind: 'regex', source: '[\\w-a]', matchCase: true }, // invalid in Unicode mode
      { kind: 'regex', source: long, matchCase: true },
      { kind: 'regex', source: 1, matchCase: true },
      { kind: 'bytes', pattern: [] },
      { kind: 'bytes', pattern: [null, null] },
      { kind: 'bytes', pattern: [256] },
      { kind: 'bytes', pattern: [1.5] },
      { kind: 'bytes', pattern: ['a'] },
      { kind: 'bytes', pattern: 'de ad' },
      { kind: 'bytes', pattern: new Array(MAX_PATTERN_LENGTH + 1).fill(0) },
    ];
    for (const q of bad) assert.strictEqual(validateQuery(q), undefined, JSON.stringify(q));
  });

  it('says why through checkQuery', () => {
    assert.throws(() => checkQuery({ kind: 'regex', source: '(', matchCase: true }), { name: 'SyntaxError', message: /Invalid regular expression/ });
    assert.throws(() => checkQuery({ kind: 'bytes', pattern: [null] }), { name: 'TypeError', message: /only wildcards/ });
    assert.throws(() => checkQuery({ kind: 'text', text: 'a\nb', matchCase: true, wholeWord: false }), { message: /line break/ });
  });
});
