/** Keyboard facts shared by the views. */

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** A key press that types a character (not a shortcut): AltGr and Option combinations count. */
export function isTyped(e: KeyboardEvent): boolean {
  if ([...e.key].length !== 1) return false;
  if (e.metaKey) return false;
  return !e.ctrlKey || e.altKey;
}

/** The platform's command modifier: Cmd on macOS, Ctrl elsewhere. */
export function hasMod(e: KeyboardEvent): boolean {
  return IS_MAC ? e.metaKey : e.ctrlKey;
}

/** A key press no view binds: part of a composition, or with the platform's other modifier (Ctrl on macOS, Meta elsewhere). */
export function isUnbound(e: KeyboardEvent): boolean {
  return e.isComposing || (IS_MAC ? e.ctrlKey : e.metaKey);
}
