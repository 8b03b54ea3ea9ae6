/** Keyboard facts shared by the views. */

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** What `isTyped` reads of a key event (a KeyboardEvent has it all). */
export type KeyChord = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'getModifierState'>;

/**
 * Option(+Shift) chords that VS Code on macOS binds where a custom editor has focus
 * (test/unit/keys checks this against its default keybindings): by `e.code`, since
 * Option changes `e.key` into the character it would type (Option+Z is "Ω").
 */
export const MAC_OPTION_CHORDS: readonly string[] = ['alt+KeyZ'];

/**
 * A key press that types a character rather than running a shortcut. A chord VS Code
 * or this extension binds never types: the webview forwards every key to the
 * workbench, which runs the chord's command, so typing it too would edit the file.
 * AltGr characters type (the browser says AltGraph; Ctrl+Alt alone is a shortcut);
 * on macOS Option characters type, unless the chord is bound.
 */
export function isTyped(e: KeyChord, mac = IS_MAC): boolean {
  if ([...e.key].length !== 1 || e.metaKey) return false;
  if (e.getModifierState('AltGraph')) return true;
  if (e.ctrlKey) return false;
  if (!e.altKey) return true;
  return mac && !isBoundOptionChord(e, mac);
}

/** An Option chord (macOS) that VS Code runs: its character must not reach the text input either. */
export function isBoundOptionChord(e: KeyChord, mac = IS_MAC): boolean {
  if (!mac || !e.altKey || e.ctrlKey || e.metaKey) return false;
  return MAC_OPTION_CHORDS.includes(`${e.shiftKey ? 'shift+' : ''}alt+${e.code}`);
}

/** The platform's command modifier: Cmd on macOS, Ctrl elsewhere. */
export function hasMod(e: KeyboardEvent): boolean {
  return IS_MAC ? e.metaKey : e.ctrlKey;
}

/** A key press no view binds: part of a composition, or with the platform's other modifier (Ctrl on macOS, Meta elsewhere). */
export function isUnbound(e: KeyboardEvent): boolean {
  return e.isComposing || (IS_MAC ? e.ctrlKey : e.metaKey);
}
