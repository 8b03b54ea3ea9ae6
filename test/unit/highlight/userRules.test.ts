import * as assert from 'assert';
import { checkRules, isColour, MAX_RULES } from '../../../src/highlight/userRules';

describe('your highlight rules (hugefile.highlights)', () => {
  it('keeps the enabled rules that work, in order, and says why each other one is dropped', () => {
    const { rules, problems } = checkRules([
      { pattern: 'ERROR', background: '#ff000066' },
      { pattern: 'took=\\d+ms', regex: true, foreground: 'orange', matchCase: true },
      { pattern: 'off', background: 'red', enabled: false },
      { pattern: '(', regex: true, background: 'red' },
      { pattern: 'x', background: 'url(evil)' },
      { pattern: 'y' },
      { pattern: '', background: 'red' },
      'not a rule',
      { pattern: 'timeout', wholeWord: true, wholeLine: true, background: 'rgba(0, 0, 255, 0.3)' },
    ]);
    assert.deepStrictEqual(rules.map((r) => [r.query, r.foreground, r.background, r.wholeLine]), [
      [{ kind: 'text', text: 'ERROR', matchCase: false, wholeWord: false }, undefined, '#ff000066', false],
      [{ kind: 'regex', source: 'took=\\d+ms', matchCase: true }, 'orange', undefined, false],
      [{ kind: 'text', text: 'timeout', matchCase: false, wholeWord: true }, undefined, 'rgba(0, 0, 255, 0.3)', true],
    ]);
    assert.strictEqual(problems.length, 5);
    assert.match(problems[0], /^rule 4: Invalid regular expression/);
    assert.match(problems[1], /^rule 5: background "url\(evil\)" is not a colour/);
    assert.match(problems[2], /^rule 6 gives no foreground and no background/);
    assert.match(problems[3], /^rule 7: the search text is empty/);
    assert.match(problems[4], /^rule 8 is not an object/);
  });

  it('shows at most 16 rules, and reads anything else as no rules', () => {
    const many = Array.from({ length: MAX_RULES + 2 }, (_, i) => ({ pattern: `p${i}`, background: 'red' }));
    const { rules, problems } = checkRules(many);
    assert.strictEqual(rules.length, MAX_RULES);
    assert.strictEqual(problems.length, 2);
    assert.deepStrictEqual(checkRules(undefined), { rules: [], problems: [] });
    assert.deepStrictEqual(checkRules({ pattern: 'x' }).problems, ['hugefile.highlights must be a list of rules']);
  });

  it('takes colours CSS reads, nothing a style could escape from', () => {
    for (const ok of ['#abc', '#abcd', '#aabbcc', '#aabbcc80', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'rebeccapurple']) assert.ok(isColour(ok), ok);
    for (const bad of ['#ab', 'red; color: blue', 'url(x)', 'var(--x)', '', 'expression(alert(1))', 5]) assert.ok(!isColour(bad), String(bad));
  });
});
