import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { random, randInt, tempPath } from '../testUtil';
import { bundleCli, hugefile } from './cliBundle';

/** Random ASCII text made of tokens the patterns below find, split into lines (some \r\n, maybe no last newline). */
function randomText(rand: () => number, bytes: number): string {
  const tokens = ['foo', 'Foo', 'bar', 'foobar', 'x=12', 'ab=7', 'a', 'b', 'aab', '42', ' ', ' ', '-', 'baz', 'FOO'];
  let text = '';
  while (text.length < bytes) {
    const r = rand();
    text += r < 0.08 ? '\n' : r < 0.1 ? '\r\n' : tokens[randInt(rand, tokens.length)];
  }
  return text;
}

/**
 * A pattern both understand the same way: [hugefile arguments, sed -E script]. Literal
 * patterns use no character sed treats specially; regexes only classes, +, *,
 * alternation and groups (\1 for $1), none of which can match empty.
 */
const cases: [string[], string][] = [
  [['foo', 'X'], 's/foo/X/g'],
  [['foo', 'ZZZ'], 's/foo/ZZZ/g'],
  [['foo', ''], 's/foo//g'],
  [['ab', 'cd'], 's/ab/cd/g'],
  [['foo', 'q', '--ignore-case'], 's/foo/q/gI'],
  [['[0-9]+', '#', '--regex'], 's/[0-9]+/#/g'],
  [['a*b', '<$&>', '--regex'], 's/a*b/<&>/g'],
  [['(foo|bar)+', '[$1]', '--regex'], 's/(foo|bar)+/[\\1]/g'],
  [['([a-z]+)=([0-9]+)', '$2=$1', '--regex'], 's/([a-z]+)=([0-9]+)/\\2=\\1/g'],
  [['F(o+)|b(a)r', '$2$1$$', '--regex'], 's/F(o+)|b(a)r/\\2\\1$/g'],
  [['[A-Z][a-z]*', 'Up', '--regex'], 's/[A-Z][a-z]*/Up/g'],
];

describe('hugefile replace against sed on random files', function () {
  this.timeout(120_000);
  before(bundleCli);

  it('leaves the same bytes as sed -E for literal and regex patterns', () => {
    const rand = random(20261207);
    for (let round = 0; round < 3; round++) {
      const text = randomText(rand, 2000 + randInt(rand, 60_000));
      for (const [ours, script] of cases) {
        const mine = tempPath('mine.txt');
        const theirs = tempPath('theirs.txt');
        fs.writeFileSync(mine, text);
        fs.writeFileSync(theirs, text);
        execFileSync('sed', ['-E', '-i', script, theirs], { env: { ...process.env, LC_ALL: 'C' } });
        const r = hugefile('replace', mine, ...ours);
        const label = `round ${round}: ${ours.join(' ')} vs sed -E '${script}'`;
        const changed = !fs.readFileSync(theirs).equals(Buffer.from(text));
        assert.strictEqual(r.status, changed ? 0 : 1, `${label}: ${r.stderr}`);
        assert.ok(fs.readFileSync(mine).equals(fs.readFileSync(theirs)), `${label}: the files differ`);
      }
    }
  });
});
