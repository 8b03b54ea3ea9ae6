/**
 * The replace row's keys, as VS Code binds them in its find widget: Ctrl+Shift+1 and
 * Ctrl+Alt+Enter (Cmd on macOS) anywhere in the widget, Preserve Case (Alt+P, ⌥⌘P on
 * macOS), and Enter (⌘Enter: Replace All on macOS) in the replace input. No DOM here
 * beyond reading the event.
 */
import { IS_MAC, type KeyChord } from '../keys';

export type ReplaceKey = 'replaceOne' | 'replaceAll' | 'preserveCase';

/** What a key press in the find widget asks of the replace row (`inInput`: pressed in the replace input), or undefined. */
export function replaceKey(e: Omit<KeyChord, 'getModifierState'>, inInput: boolean, mac = IS_MAC): ReplaceKey | undefined {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (mac ? e.ctrlKey : e.metaKey) return undefined;
  const enter = e.key === 'Enter' && !e.shiftKey;
  if (enter && mod && (e.altKey || (mac && inInput))) return 'replaceAll';
  if (e.code === 'Digit1' && mod && e.shiftKey && !e.altKey) return 'replaceOne';
  // By code: Option+P types "π" on macOS.
  if (e.code === 'KeyP' && e.altKey && mod === mac && !e.shiftKey) return 'preserveCase';
  if (enter && inInput && !mod && !e.altKey) return 'replaceOne';
  return undefined;
}

/** The keys as the buttons' titles show them. */
export const REPLACE_KEY_LABELS = IS_MAC
  ? { replaceAll: '⌥⌘Enter', preserveCase: '⌥⌘P' }
  : { replaceAll: 'Ctrl+Alt+Enter', preserveCase: 'Alt+P' };
