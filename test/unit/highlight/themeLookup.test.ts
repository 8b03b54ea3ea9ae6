import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findTheme } from '../../../src/highlight/themeLookup';

const DEFAULTS = path.resolve(__dirname, '../../../.cache/code-server/node_modules/code-server/lib/vscode/extensions/theme-defaults');

(fs.existsSync(DEFAULTS) ? describe : describe.skip)('finding the active colour theme among the installed extensions', () => {
  const installed = [
    { extensionPath: '/elsewhere/no-themes', packageJSON: { contributes: { grammars: [] } } },
    { extensionPath: '/elsewhere/broken', packageJSON: { contributes: { themes: [{ id: 'Broken', label: 'Broken' }] } } },
    { extensionPath: DEFAULTS, packageJSON: JSON.parse(fs.readFileSync(path.join(DEFAULTS, 'package.json'), 'utf8')) as unknown },
  ];

  it('finds a theme by the id the setting holds or by its translated label, with its file and kind', () => {
    const byId = findTheme(installed, 'Default Dark Modern');
    assert.deepStrictEqual(byId, { file: path.join(DEFAULTS, 'themes/dark_modern.json'), names: ['Default Dark Modern', 'Dark Modern'], uiTheme: 'vs-dark' });
    assert.deepStrictEqual(findTheme(installed, 'Dark Modern'), byId, 'the label VS Code 1.100 writes in workbench.colorTheme');
    assert.strictEqual(findTheme(installed, 'Dark High Contrast')?.uiTheme, 'hc-black');
    assert.strictEqual(findTheme(installed, 'Light Modern')?.file, path.join(DEFAULTS, 'themes/light_modern.json'));
    assert.ok(fs.existsSync(findTheme(installed, 'Light High Contrast')!.file));
  });

  it('finds nothing for a theme no extension contributes, or one without a file', () => {
    assert.strictEqual(findTheme(installed, 'Solarized Dark'), undefined);
    assert.strictEqual(findTheme(installed, 'Broken'), undefined);
    assert.strictEqual(findTheme([], 'Dark Modern'), undefined);
  });
});
