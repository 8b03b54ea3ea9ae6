/**
 * The host's message that turns word wrap on or off in the text view: VS Code's
 * `editor.wordWrap` and `editor.wordWrapColumn` for the file, or what Toggle Word Wrap
 * (Alt+Z) made of them. Sent after `init`, and again when either changes.
 */

/** `editor.wordWrap`: no wrap, at the viewport, at `wordWrapColumn`, or at the smaller of the two. */
export type WordWrapSetting = 'off' | 'on' | 'wordWrapColumn' | 'bounded';

export interface WordWrapMessage {
  type: 'wordWrap';
  wrap: WordWrapSetting;
  /** `editor.wordWrapColumn`, in character cells. */
  column: number;
}

/** VS Code's default `editor.wordWrapColumn`. */
export const DEFAULT_WRAP_COLUMN = 80;

/** A setting's value as a wrap mode: anything unknown is off, as VS Code's default is. */
export function wordWrapSetting(value: unknown): WordWrapSetting {
  return value === 'on' || value === 'wordWrapColumn' || value === 'bounded' ? value : 'off';
}

/** A setting's value as a wrap column: a whole number of cells, at least 1. */
export function wordWrapColumn(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_WRAP_COLUMN;
}

/** What Toggle Word Wrap turns `current` into, as VS Code's does: off when wrapping, else the configured mode, or `on` when that is off. */
export function toggledWordWrap(current: WordWrapSetting, configured: WordWrapSetting): WordWrapSetting {
  if (current !== 'off') return 'off';
  return configured === 'off' ? 'on' : configured;
}
