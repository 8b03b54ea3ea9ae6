import * as assert from 'assert';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { redoEdit, undoEdit } from '../../../src/edits/textEdit';
import { encodingOf } from '../../../src/encoding/textEncoding';
import { LineIndex } from '../../../src/lines';
import { withCaseOf } from '../../../src/replace/preserveCase';
import { MatchList } from '../../../src/replace/matchList';
import { MAX_EACH_REPLACEMENTS, MAX_EDITOR_REPLACEMENTS, replaceAll, replaceOne } from '../../../src/replace/replaceEdits';
import { planReplace } from '../../../src/replace/replacePlan';
import { TemplateError } from '../../../src/replace/replaceTemplate';
import { regexFlags, type SearchQuery } from '../../../src/search/query';
import { randInt, random, tempFile } from '../testUtil';

async function textOf(content: string | Buffer, name: string, encoding?: string): Promise<EditedText> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const index = LineIndex.open(tempFile(name, bytes), { every: 2, encoding: encoding ? encodingOf(encoding) : undefined });
  await index.whenComplete();
  return new EditedText(index, new PieceTable(index, bytes.length));
}

/** The matches of `re` in `s` as byte ranges (what the search reports), the way a line search finds them. */
function matchesOf(s: string, re: RegExp): MatchList {
  const out = new MatchList();
  for (const m of s.matchAll(new RegExp(re.source, `${re.flags}g`))) {
    if (m[0].length === 0) continue;
    out.add(Buffer.byteLength(s.slice(0, m.index)), Buffer.byteLength(m[0]));
  }
  return out;
}

/** A MatchList of `count` one-byte matches, at `at(i)`. */
function oneByteMatches(count: number, at: (i: number) => number): MatchList {
  const out = new MatchList();
  for (let i = 0; i < count; i++) out.add(at(i), 1);
  return out;
}

const contentOf = (text: EditedText) => text.read(0, text.size).toString();

describe('Replace in the editor: what matches become', () => {
  it('preserves case as VS Code does', () => {
    assert.strictEqual(withCaseOf('ERROR', 'warning'), 'WARNING');
    assert.strictEqual(withCaseOf('error', 'Warning'), 'warning');
    assert.strictEqual(withCaseOf('Error', 'warning'), 'Warning');
    assert.strictEqual(withCaseOf('eRROR', 'Warning'), 'warning');
    assert.strictEqual(withCaseOf('Foo-bar', 'baz-qux'), 'Baz-qux');
    assert.strictEqual(withCaseOf('FOO_bar', 'baz_qux'), 'BAZ_qux');
    assert.strictEqual(withCaseOf('Foo-bar', 'bazqux'), 'Bazqux', 'a different number of words: cased as one');
    assert.strictEqual(withCaseOf('123', 'abc'), 'ABC', 'no letters: upper case equals it, as in VS Code');
  });

  it('expands $1..$9, $&, $$ and \\n, \\t, \\\\ in a regex replacement; a text replacement is taken as typed', async () => {
    const text = await textOf('id=42 name=bob\nid=7 name=al\n', 'plan.txt');
    const regex = planReplace({ kind: 'regex', source: '(\\w+)=(\\w+)', matchCase: true }, '$2:$1 $& $$1\\t\\n\\\\', false);
    assert.strictEqual(regex.constant, undefined);
    assert.strictEqual(regex.replacementOf(text, 6, 8), 'bob:name name=bob $1\t\n\\');
    const literal = planReplace({ kind: 'text', text: 'id', matchCase: true, wholeWord: false }, '$1\\n', false);
    assert.strictEqual(literal.constant, '$1\\n');
    assert.throws(() => planReplace({ kind: 'regex', source: '(a)', matchCase: true }, '$2', false), TemplateError);
    assert.throws(() => planReplace({ kind: 'bytes', pattern: [0x41] }, 'B', false), /hex byte patterns are not replaced/);
  });

  it('a regex match that changed since the search is refused, not replaced with wrong groups', async () => {
    const text = await textOf('key=value\n', 'stale.txt');
    const plan = planReplace({ kind: 'regex', source: '(\\w+)=(\\w+)', matchCase: true }, '$2', false);
    assert.throws(() => plan.replacementOf(text, 0, 5), /no longer matches/);
  });

  it('Replace One replaces one match and puts the caret after it; undo takes it back', async () => {
    const text = await textOf('ERROR one\nError two\n', 'one.txt');
    const plan = planReplace({ kind: 'text', text: 'error', matchCase: false, wholeWord: false }, 'warning', true);
    const result = replaceOne(text, 10, 5, plan);
    text.invalidate();
    assert.strictEqual(contentOf(text), 'ERROR one\nWarning two\n');
    assert.strictEqual(result.caretOffset, 17);
    undoEdit(text.table, result.edit);
    assert.strictEqual(contentOf(text), 'ERROR one\nError two\n');
  });
});

describe('Replace All in the editor', () => {
  it('gives what String.replace gives, on random content, patterns and replacements; one undo restores it, redo again', async () => {
    const rand = random(5);
    const words = ['err', 'ERR', 'Err', 'x', 'é', 'a=b', '\n', ' ', 'ok'];
    for (let round = 0; round < 30; round++) {
      const content = Array.from({ length: 50 + randInt(rand, 300) }, () => words[randInt(rand, words.length)]).join('');
      const text = await textOf(content, `all${round}.txt`);
      // Some edits first, so the matches fall across pieces of typed and file bytes.
      let edited = content;
      for (let k = 0; k < 3; k++) {
        const at = Buffer.byteLength(edited.slice(0, randInt(rand, edited.length)).replace(/[\udc00-\udfff]$/, ''));
        text.table.insert(at, Buffer.from('err'));
        const b = Buffer.from(edited);
        edited = Buffer.concat([b.subarray(0, at), Buffer.from('err'), b.subarray(at)]).toString();
      }
      text.invalidate();
      const cases: { query: SearchQuery; replacement: string; expected: (s: string) => string }[] = [
        { query: { kind: 'text', text: 'err', matchCase: true, wholeWord: false }, replacement: 'warning$&', expected: (s) => s.replace(/err/g, () => 'warning$&') },
        { query: { kind: 'regex', source: '(\\w)=(\\w)', matchCase: true }, replacement: '$2==$1', expected: (s) => s.replace(/(\w)=(\w)/gu, '$2==$1') },
        { query: { kind: 'regex', source: 'e(r+)', matchCase: false }, replacement: '', expected: (s) => s.replace(/e(r+)/giu, '') },
      ];
      const c = cases[round % cases.length];
      const re = c.query.kind === 'regex' ? new RegExp(c.query.source, regexFlags(c.query.matchCase)) : /err/u;
      const matches = matchesOf(edited, re);
      const result = replaceAll(text, matches, planReplace(c.query, c.replacement, false));
      text.invalidate();
      const expected = c.expected(edited);
      assert.strictEqual(contentOf(text), expected, `round ${round}`);
      if (!result) {
        assert.strictEqual(matches.count, 0);
        continue;
      }
      undoEdit(text.table, result.edit);
      text.invalidate();
      assert.strictEqual(contentOf(text), edited, `undone, round ${round}`);
      redoEdit(text.table, result.edit);
      text.invalidate();
      assert.strictEqual(contentOf(text), expected, `redone, round ${round}`);
      assert.strictEqual(text.availableLines(), expected.split('\n').length, 'lines counted over the replaced content');
    }
  });

  it('tells marks of each change: a mark between matches keeps its text, through undo and redo', async () => {
    const content = 'aa X bb X cc X dd\n';
    const text = await textOf(content, 'marks.txt');
    let mark = content.indexOf('cc');
    text.table.onShift = (offset, removed, inserted) => {
      if (mark >= offset + removed) mark += inserted - removed;
      else if (mark > offset) mark = offset;
    };
    const matches = matchesOf(content, /X/);
    const result = replaceAll(text, matches, planReplace({ kind: 'text', text: 'X', matchCase: true, wholeWord: false }, 'LONGER', false))!;
    text.invalidate();
    assert.strictEqual(text.read(mark, 2).toString(), 'cc');
    undoEdit(text.table, result.edit);
    assert.strictEqual(text.read(mark, 2).toString(), 'cc');
    assert.strictEqual(mark, content.indexOf('cc'));
    redoEdit(text.table, result.edit);
    assert.strictEqual(text.read(mark, 2).toString(), 'cc');
  });

  it('writes replacements in the file\'s encoding, and refuses one it cannot hold, changing nothing', async () => {
    const latin = Buffer.from([0x63, 0x61, 0x66, 0x65, 0x0a, 0x63, 0x61, 0x66, 0x65, 0x0a]);
    const text = await textOf(latin, 'latin.txt', 'windows1252');
    const matches = oneByteMatches(2, (i) => [3, 8][i]);
    replaceAll(text, matches, planReplace({ kind: 'text', text: 'e', matchCase: true, wholeWord: false }, 'é', false));
    text.invalidate();
    assert.deepStrictEqual([...text.read(0, text.size)], [0x63, 0x61, 0x66, 0xe9, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const before = [...text.read(0, text.size)];
    assert.throws(() => replaceAll(text, oneByteMatches(1, () => 0), planReplace({ kind: 'text', text: 'c', matchCase: true, wholeWord: false }, '€→', false)), { code: 'EUNENCODABLE' });
    assert.deepStrictEqual([...text.read(0, text.size)], before);
  });

  it('refuses more matches than it can hold, changing nothing', async () => {
    const text = await textOf('x'.repeat(MAX_EDITOR_REPLACEMENTS + 1), 'many.txt');
    assert.throws(() => replaceAll(text, oneByteMatches(MAX_EDITOR_REPLACEMENTS + 1, (i) => i), planReplace({ kind: 'text', text: 'x', matchCase: true, wholeWord: false }, 'y', false)), /hugefile replace/);
    assert.ok(text.table.isPristine);
    assert.throws(() => replaceAll(text, oneByteMatches(MAX_EACH_REPLACEMENTS + 1, (i) => i), planReplace({ kind: 'text', text: 'x', matchCase: true, wholeWord: false }, 'y', true)), /200,000/, 'fewer when each has its own replacement');
    assert.ok(text.table.isPristine);
    const result = replaceAll(text, oneByteMatches(MAX_EDITOR_REPLACEMENTS, (i) => i), planReplace({ kind: 'text', text: 'x', matchCase: true, wholeWord: false }, 'yy', false))!;
    assert.strictEqual(text.size, 2 * MAX_EDITOR_REPLACEMENTS + 1);
    undoEdit(text.table, result.edit);
    assert.strictEqual(text.size, MAX_EDITOR_REPLACEMENTS + 1);
  });
});
