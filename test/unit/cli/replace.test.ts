import * as assert from 'assert';
import * as fs from 'fs';
import { journalPath } from '../../../src/edits/saveEngine';
import { randomBytes, random, sha256File, tempFile, tempPath } from '../testUtil';
import { bundleCli, hugefile } from './cliBundle';

describe('hugefile replace (CLI)', function () {
  this.timeout(60_000);
  before(bundleCli);

  it('replaces every match in place, prints the count, exits 0', () => {
    const file = tempFile('a.txt', 'foo bar\nfoofoo\nbar foo');
    const r = hugefile('replace', file, 'foo', 'qux!');
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [0, '4\n', '']);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'qux! bar\nqux!qux!\nbar qux!');
  });

  it('takes $1..$9, $& and $$ with --regex, literal text without', () => {
    const file = tempFile('r.txt', 'k1=10 k2=20\r\nx=$1\n');
    assert.strictEqual(hugefile('replace', file, '(\\w+)=(\\d+)', '$2:$1 [$&] $$ $0', '--regex').status, 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '10:k1 [k1=10] $ $0 20:k2 [k2=20] $ $0\r\nx=$1\n');
    assert.strictEqual(hugefile('replace', file, '$0', '$&', '--word').status, 0, 'text: $ is literal in both');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '10:k1 [k1=10] $ $& 20:k2 [k2=20] $ $&\r\nx=$1\n');
    // ^ and $ are the line's ends, without its \r\n; groups of matches in non-ASCII lines.
    const utf = tempFile('u.txt', 'é=1\r\nñé=22\n');
    assert.strictEqual(hugefile('replace', utf, '^(\\p{L}+)=(\\d+)$', '$2=$1', '--regex').stdout, '2\n');
    assert.strictEqual(fs.readFileSync(utf, 'utf8'), '1=é\r\n22=ñé\n');
  });

  it('matches case-insensitively and whole words when asked', () => {
    const file = tempFile('c.txt', 'Cat cat CAT concat cats\n');
    assert.strictEqual(hugefile('replace', file, 'cat', 'dog', '--ignore-case', '--word').stdout, '3\n');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'dog dog dog concat cats\n');
  });

  it('replaces hex byte patterns with ?? wildcards by hex bytes, leftmost of overlapping matches first', () => {
    const file = tempFile('b.bin', Buffer.from([0, 0xde, 0xad, 0x01, 0xef, 0xaa, 0xaa, 0xaa, 0xde, 0xad, 0x02, 0xef]));
    assert.strictEqual(hugefile('replace', file, 'DE AD ?? EF', 'ca fe', '--hex').stdout, '2\n');
    assert.deepStrictEqual([...fs.readFileSync(file)], [0, 0xca, 0xfe, 0xaa, 0xaa, 0xaa, 0xca, 0xfe]);
    assert.strictEqual(hugefile('replace', file, 'aa aa', '', '--hex').stdout, '1\n', 'aa aa aa holds one non-overlapping match');
    assert.deepStrictEqual([...fs.readFileSync(file)], [0, 0xca, 0xfe, 0xaa, 0xca, 0xfe]);
  });

  it('keeps the inode, the mode and hard links', () => {
    const file = tempFile('l.txt', 'one two one\n'.repeat(1000));
    fs.chmodSync(file, 0o640);
    const link = tempPath('link.txt');
    fs.linkSync(file, link);
    const before = fs.statSync(file);
    assert.strictEqual(hugefile('replace', file, 'one', 'three').stdout, '2000\n');
    const after = fs.statSync(file);
    assert.deepStrictEqual([after.ino, after.mode, after.nlink], [before.ino, before.mode, 2]);
    assert.strictEqual(fs.readFileSync(link, 'utf8'), 'three two three\n'.repeat(1000));
    assert.ok(!fs.existsSync(journalPath(file)));
  });

  it('--dry-run only counts: the file stays byte-identical, mtime included', () => {
    const file = tempFile('d.bin', randomBytes(random(7), 100_000));
    fs.appendFileSync(file, 'needle needle');
    fs.utimesSync(file, new Date(2020, 1, 2), new Date(2020, 1, 2));
    const [hash, mtime] = [sha256File(file), fs.statSync(file).mtimeMs];
    const r = hugefile('replace', file, 'needle', 'x', '--dry-run');
    assert.deepStrictEqual([r.status, r.stdout], [0, '2\n']);
    assert.deepStrictEqual([sha256File(file), fs.statSync(file).mtimeMs], [hash, mtime]);
  });

  it('--expect-count refuses with exit 2 when the count differs, and replaces when it agrees', () => {
    const file = tempFile('e.txt', 'a-a-a\n');
    const mtime = fs.statSync(file).mtimeMs;
    const r = hugefile('replace', file, 'a', 'b', '--expect-count', '2');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^hugefile: found 3 matches, not the 2 expected \(--expect-count\); '.*' was not changed\n$/);
    assert.deepStrictEqual([fs.readFileSync(file, 'utf8'), fs.statSync(file).mtimeMs], ['a-a-a\n', mtime]);
    assert.strictEqual(hugefile('replace', file, 'a', 'b', '--expect-count=3').status, 0);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'b-b-b\n');
  });

  it('exits 1, leaving the file untouched, when nothing matches', () => {
    const file = tempFile('n.txt', 'nothing here\n');
    const mtime = fs.statSync(file).mtimeMs;
    const r = hugefile('replace', file, 'zzz', 'y');
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [1, '0\n', '']);
    assert.deepStrictEqual([fs.readFileSync(file, 'utf8'), fs.statSync(file).mtimeMs], ['nothing here\n', mtime]);
  });

  it('exits 2 with a clear message for bad patterns, bad replacements, wrong arguments and a missing file', () => {
    const file = tempFile('f.txt', 'abc\n');
    const cases: [string[], RegExp][] = [
      [[file, '(', 'x', '--regex'], /Invalid regular expression: \/\(\/u: Unterminated group/],
      [[file, 'DE A', '00', '--hex'], /bad hex pattern/],
      [[file, 'xy', '00', '--hex'], /bad hex pattern at character 1/],
      [[file, '61', 'g1', '--hex'], /not a hex digit/],
      [[file, '(a)', '$2', '--regex'], /REPLACEMENT: \$2 is used but the pattern has 1 group/],
      [[file, 'a', "$'", '--regex'], /\$' is not supported/],
      [[`${file}.missing`, 'a', 'b'], /ENOENT: no such file or directory/],
      [[file, 'a'], /replace takes FILE, PATTERN and REPLACEMENT, got 2/],
      [[file, 'a', 'b', '--nope'], /unknown option --nope/],
      [[file, 'a', 'b', '--expect-count', 'x'], /--expect-count needs a whole number, got x/],
      [[file, 'a', 'b', '--regex', '--word'], /--word works on text patterns/],
    ];
    for (const [args, message] of cases) {
      const r = hugefile('replace', ...args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^hugefile: /, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abc\n');
  });

  it('rolls back a save left half-done (a journal beside the file) first, saying so on stderr', () => {
    const file = tempFile('j.txt', 'x y x\n');
    fs.writeFileSync(journalPath(file), 'garbage: a save killed while journaling');
    const r = hugefile('replace', file, 'x', 'z');
    assert.strictEqual(r.status, 0);
    assert.match(r.stderr, /^hugefile: removed '.*\.hugefile-journal': it has no valid header/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'z y z\n');
    assert.ok(!fs.existsSync(journalPath(file)));
  });
});
