// lineMatches serves every highlight drawn in the webview (find in the text and hex
// views, the filter pane, highlight rules): a query the user types must never hang it.
import * as assert from 'assert';
import { compileMatcher, lineMatches } from '../../../src/search/lineMatches';
import type { SearchQuery } from '../../../src/search/query';

describe('lineMatches', () => {
  it('steps over an astral character whole after an empty match (a regex with the u flag resumes at its first half)', () => {
    const matcher = compileMatcher({ kind: 'regex', source: 'x*', matchCase: false });
    assert.deepStrictEqual(lineMatches(matcher, 'a😀b😀x'), [[6, 7]]);
    const emptyOrA = compileMatcher({ kind: 'regex', source: 'a?', matchCase: true });
    assert.deepStrictEqual(lineMatches(emptyOrA, '😀a😀😀a'), [[2, 3], [7, 8]]);
  });

  it('finds non-empty matches only, at most `max`, whole words by word characters', () => {
    const q = (text: string, wholeWord: boolean): SearchQuery => ({ kind: 'text', text, matchCase: false, wholeWord });
    assert.deepStrictEqual(lineMatches(compileMatcher(q('ab', false)), 'ab Ab xab', 2), [[0, 2], [3, 5]]);
    assert.deepStrictEqual(lineMatches(compileMatcher(q('ab', true)), 'ab Ab xab'), [[0, 2], [3, 5]]);
    assert.deepStrictEqual(lineMatches(undefined, 'ab'), []);
  });
});
