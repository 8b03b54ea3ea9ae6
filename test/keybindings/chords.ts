/**
 * Key chords as VS Code writes them ("ctrl+shift+[", "alt+z", "cmd+alt+f"): parsed into
 * the modifiers and the physical key (KeyboardEvent.code, also Playwright's key name),
 * with the `key` a US layout gives. The default keybindings (test/fixtures, written by
 * scripts/extract-keybindings.ts) and package.json's keybindings, as chords that reach
 * a focused custom editor.
 */
import * as fs from 'fs';
import * as path from 'path';
import { mayHold } from './whenClause';

export type Platform = 'linux' | 'windows' | 'mac';

export interface Chord {
  /** As VS Code writes it (the first chord of a sequence such as "ctrl+k ctrl+c"). */
  text: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  code: string;
  /** What a US layout reports as `KeyboardEvent.key` (with Shift applied). */
  key: string;
}

const NAMED: Record<string, [code: string, key: string, shifted?: string]> = {
  '`': ['Backquote', '`', '~'], '-': ['Minus', '-', '_'], '=': ['Equal', '=', '+'], '[': ['BracketLeft', '[', '{'],
  ']': ['BracketRight', ']', '}'], '\\': ['Backslash', '\\', '|'], ';': ['Semicolon', ';', ':'], "'": ['Quote', "'", '"'],
  ',': ['Comma', ',', '<'], '.': ['Period', '.', '>'], '/': ['Slash', '/', '?'],
  up: ['ArrowUp', 'ArrowUp'], down: ['ArrowDown', 'ArrowDown'], left: ['ArrowLeft', 'ArrowLeft'], right: ['ArrowRight', 'ArrowRight'],
  pageup: ['PageUp', 'PageUp'], pagedown: ['PageDown', 'PageDown'], home: ['Home', 'Home'], end: ['End', 'End'],
  insert: ['Insert', 'Insert'], delete: ['Delete', 'Delete'], backspace: ['Backspace', 'Backspace'], tab: ['Tab', 'Tab'],
  enter: ['Enter', 'Enter'], escape: ['Escape', 'Escape'], space: ['Space', ' '],
  numpad_multiply: ['NumpadMultiply', '*'], numpad_add: ['NumpadAdd', '+'], numpad_subtract: ['NumpadSubtract', '-'],
  numpad_divide: ['NumpadDivide', '/'], numpad_decimal: ['NumpadDecimal', '.'],
};
const DIGIT_SHIFTED = ')!@#$%^&*(';

/** Parses one chord; undefined for keys a US keyboard has no code for (e.g. "oem_102"). */
export function parseChord(text: string): Chord | undefined {
  const parts = text.toLowerCase().split('+');
  // "ctrl+shift+=" and "ctrl++" end in a key that is itself a '+' or '='.
  const base = text.endsWith('++') ? '+' : parts[parts.length - 1];
  const mods = new Set(parts.slice(0, text.endsWith('++') ? -2 : -1));
  const chord = { text, ctrl: mods.has('ctrl'), shift: mods.has('shift'), alt: mods.has('alt'), meta: mods.has('cmd') || mods.has('meta') || mods.has('win') };
  if (/^[a-z]$/.test(base)) return { ...chord, code: `Key${base.toUpperCase()}`, key: chord.shift ? base.toUpperCase() : base };
  if (/^[0-9]$/.test(base)) return { ...chord, code: `Digit${base}`, key: chord.shift ? DIGIT_SHIFTED[Number(base)] : base };
  if (/^f([1-9]|1[0-9])$/.test(base)) return { ...chord, code: base.toUpperCase(), key: base.toUpperCase() };
  if (/^numpad[0-9]$/.test(base)) return { ...chord, code: `Numpad${base.slice(6)}`, key: base.slice(6) };
  const named = NAMED[base];
  if (!named) return undefined;
  return { ...chord, code: named[0], key: chord.shift && named[2] ? named[2] : named[1] };
}

interface Binding {
  key: string;
  command: string;
  when?: string;
}

export const ROOT = path.resolve(__dirname, '../..');

/** VS Code's default keybindings on `platform` (from code-server's VS Code, see test/fixtures). */
export function defaultBindings(platform: Platform): Binding[] {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, `test/fixtures/vscode-keybindings.${platform}.json`), 'utf8')) as { bindings: Binding[] }).bindings;
}

/** This extension's keybindings on `platform`, from package.json. */
export function extensionBindings(platform: Platform): Binding[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { keybindings: (Binding & { mac?: string; linux?: string; win?: string })[] } };
  return pkg.contributes.keybindings.map((b) => ({
    key: (platform === 'mac' ? b.mac : platform === 'windows' ? b.win : b.linux) ?? b.key,
    command: b.command,
    when: b.when,
  }));
}

/**
 * The distinct first chords of the bindings whose `when` may hold while a Huge File
 * Editor webview has the focus, with the commands they may run there.
 */
export function chordsReachingWebview(bindings: Binding[]): Map<string, { chord: Chord; commands: string[] }> {
  const out = new Map<string, { chord: Chord; commands: string[] }>();
  for (const b of bindings) {
    if (b.command.startsWith('-') || !mayHold(b.when)) continue;
    const first = b.key.split(' ')[0];
    const chord = parseChord(first);
    if (!chord) continue;
    const entry = out.get(first) ?? { chord, commands: [] };
    entry.commands.push(b.command);
    out.set(first, entry);
  }
  return out;
}
