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
