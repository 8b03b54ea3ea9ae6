import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { customizationRules } from '../../../src/highlight/tokenCustomizations';
import { loadThemeRules } from '../../../src/highlight/themeFile';
import { resolveLogColours, ThemeRules } from '../../../src/highlight/themeRules';

// VS Code's own default themes, as code-server ships them (scripts/install.sh fetches it).
const THEMES = path.resolve(__dirname, '../../../.cache/code-server/node_modules/code-server/lib/vscode/extensions/theme-defaults/themes');
const theme = (name: string) => loadThemeRules(path.join(THEMES, `${name}.json`));

(fs.existsSync(THEMES) ? describe : describe.skip)('log colours from the default themes', () => {
  it('Dark Modern: its include chain (Dark+, Dark VS) gives ERROR the string colour in bold, dates the comment colour', () => {
    const map = resolveLogColours(theme('dark_modern'));
    assert.deepStrictEqual(map.error, { foreground: '#ce9178', bold: true, italic: false, underline: false });
    assert.deepStrictEqual(map.date, { foreground: '#6a9955' });
    assert.deepStrictEqual(map.warning, { foreground: '#ce9178' });
    assert.deepStrictEqual(map.info, { foreground: '#b5cea8' });
    assert.deepStrictEqual(map.debug, { foreground: '#569cd6' });
    assert.deepStrictEqual(map.number, { foreground: '#569cd6' });
    assert.strictEqual(map.key?.foreground, '#9cdcfe');
    assert.deepStrictEqual(map.stackTrace, { foreground: '#ce9178', bold: false, italic: true, underline: false });
  });

  it('Light Modern', () => {
    const map = resolveLogColours(theme('light_modern'));
    assert.deepStrictEqual(map.error, { foreground: '#a31515', bold: true, italic: false, underline: false });
    assert.deepStrictEqual(map.date, { foreground: '#008000' });
    assert.deepStrictEqual(map.info, { foreground: '#098658' });
    assert.deepStrictEqual(map.string, { foreground: '#a31515' });
    assert.strictEqual(map.key?.foreground, '#001080');
  });

  it('High Contrast (dark)', () => {
    const map = resolveLogColours(theme('hc_black'));
    assert.deepStrictEqual(map.error, { foreground: '#ce9178', bold: true, italic: false, underline: false });
    assert.deepStrictEqual(map.date, { foreground: '#7ca668' });
    assert.deepStrictEqual(map.url, { foreground: '#569cd6' });
  });

  it('a user customization overrides the theme, the active theme\'s section last', () => {
    const custom = customizationRules({
      comments: '#111111',
      textMateRules: [{ scope: 'log.error', settings: { foreground: '#ff0000' } }],
      '[Default Dark Modern]': { textMateRules: [{ scope: 'log.date', settings: { foreground: '#00ff00', fontStyle: 'underline' } }] },
      '[Other Theme]': { strings: '#999999' },
    }, ['Default Dark Modern']);
    const map = resolveLogColours([...theme('dark_modern'), ...custom]);
    assert.strictEqual(map.error?.foreground, '#ff0000');
    assert.strictEqual(map.error?.bold, true);
    assert.deepStrictEqual(map.date, { foreground: '#00ff00', bold: false, italic: false, underline: true });
    assert.strictEqual(map.verbose?.foreground, '#111111');
    assert.strictEqual(map.string?.foreground, '#ce9178');
  });
});

describe('TextMate scope selectors', () => {
  const rules = new ThemeRules([
    { scope: 'string', settings: { foreground: '#000001' } },
    { scope: 'string.quoted', settings: { foreground: '#000002' } },
    { scope: 'text.log string.quoted', settings: { foreground: '#000003' } },
    { scope: 'source.js string', settings: { foreground: '#000004' } },
    { scope: 'comment, invalid', settings: { foreground: '#000005', fontStyle: 'italic' } },
    { scope: 'comment', settings: { foreground: 'not a colour' } },
  ]);

  it('matches dot-separated prefixes only, the most specific first', () => {
    assert.strictEqual(rules.style(['string.regexp,']).foreground, '#000001');
    assert.strictEqual(rules.style(['stringy']).foreground, undefined);
    assert.strictEqual(rules.style(['string.quoted.double']).foreground, '#000003');
  });

  it('needs a selector\'s parent scopes in the path', () => {
    assert.strictEqual(rules.style(['string.other']).foreground, '#000001');
  });

  it('reads comma-separated selectors and skips invalid colours', () => {
    assert.deepStrictEqual(rules.style(['comment.line']), { foreground: '#000005', bold: false, italic: true, underline: false });
  });
});
