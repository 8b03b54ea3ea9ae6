// The replace row's keys against VS Code's own bindings of Replace, Replace All and
// Preserve Case (test/fixtures, from code-server's VS Code), on each platform.
import * as assert from 'assert';
import { type ReplaceKey, replaceKey } from '../../../../media/replace/replaceKeys';
import { type Chord, defaultBindings, parseChord, type Platform } from '../../../keybindings/chords';

const COMMANDS: Record<string, ReplaceKey> = {
  'editor.action.replaceOne': 'replaceOne',
  'editor.action.replaceAll': 'replaceAll',
  togglePreserveCase: 'preserveCase',
};

const press = (c: Chord) => ({ key: c.key, code: c.code, ctrlKey: c.ctrl, altKey: c.alt, shiftKey: c.shift, metaKey: c.meta });

describe('replace row keys', () => {
  for (const platform of ['linux', 'windows', 'mac'] as Platform[]) {
    it(`are VS Code's (${platform})`, () => {
      const bindings = defaultBindings(platform).filter((b) => COMMANDS[b.command]);
      assert.strictEqual(new Set(bindings.map((b) => b.command)).size, 3, 'each command is bound');
      for (const b of bindings) {
        const chord = parseChord(b.key)!;
        const inInput = b.when?.includes('replaceInputFocussed') ?? false;
        assert.strictEqual(replaceKey(press(chord), inInput, platform === 'mac'), COMMANDS[b.command], `${b.key} (${b.when})`);
        if (!inInput) assert.strictEqual(replaceKey(press(chord), true, platform === 'mac'), COMMANDS[b.command], `${b.key} in the replace input too`);
      }
    });
  }

  it('leaves other keys to the find widget: Enter outside the replace input, Shift+Enter, Alt+C', () => {
    const base = { ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };
    assert.strictEqual(replaceKey({ ...base, key: 'Enter', code: 'Enter' }, false, false), undefined);
    assert.strictEqual(replaceKey({ ...base, key: 'Enter', code: 'Enter', shiftKey: true }, true, false), undefined);
    assert.strictEqual(replaceKey({ ...base, key: 'c', code: 'KeyC', altKey: true }, true, false), undefined);
    assert.strictEqual(replaceKey({ ...base, key: 'π', code: 'KeyP', altKey: true }, true, true), undefined, 'Option+P types on macOS');
  });
});
