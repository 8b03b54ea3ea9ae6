/**
 * The host's message that sets up the text view's log colouring: the three settings,
 * whether the file's name says it is a log, and the active theme's colours. Sent after
 * `init`, and again when the theme or the settings change.
 */
import type { LogColourMap } from '../highlight/logScopes';

/** `hugefile.logColours`: colour logs found by their look (auto), every file (on), none (off). */
export type LogColourSetting = 'auto' | 'on' | 'off';

export interface LogColoursMessage {
  type: 'logColours';
  mode: LogColourSetting;
  /** The file's name says it is a log (`.log`, `.log.1`): `auto` colours it without looking. */
  logName: boolean;
  /** `hugefile.tintLevelLines`: error and warning lines get a tinted background. */
  tint: boolean;
  /** `hugefile.ansiEscapes` is `colours`: ANSI escape sequences are hidden and colour the text after them (in any file). */
  ansi: boolean;
  /** Each kind's style in the active theme; absent when the theme could not be read (the view then uses its CSS fallbacks). */
  colours?: LogColourMap;
}

export function logColourSetting(value: unknown): LogColourSetting {
  return value === 'on' || value === 'off' ? value : 'auto';
}

/** `hugefile.ansiEscapes`: `raw` shows escape sequences as they are; anything else renders them. */
export function rendersAnsi(value: unknown): boolean {
  return value !== 'raw';
}

/** What VS Code's Log language claims by name: `*.log` and `*.log.?` (rotated logs: app.log.1), here with any number. */
export function isLogFileName(name: string): boolean {
  return /\.log(\.\d+)?$/i.test(name);
}
