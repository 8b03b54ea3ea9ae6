/**
 * The log colouring's settings and the active theme's colours for it, as the message
 * the text view takes (see logColourProtocol.ts). Webviews get the workbench's colours
 * as CSS variables but no token colours, so the host reads the active theme's file and
 * resolves the Log grammar's scopes itself (src/highlight). When the theme cannot be
 * found or read, the message carries no colours and the view uses its CSS fallbacks.
 */
import * as vscode from 'vscode';
import type { LogColourMap } from '../highlight/logScopes';
import { findTheme } from '../highlight/themeLookup';
import { loadThemeRules } from '../highlight/themeFile';
import { resolveLogColours } from '../highlight/themeRules';
import { customizationRules } from '../highlight/tokenCustomizations';
import { isLogFileName, logColourSetting, type LogColoursMessage, rendersAnsi } from './logColourProtocol';

/** The settings that change what the message says. */
const SETTINGS = ['hugefile.logColours', 'hugefile.tintLevelLines', 'hugefile.ansiEscapes', 'editor.tokenColorCustomizations', 'workbench.colorTheme',
  'workbench.preferredDarkColorTheme', 'workbench.preferredLightColorTheme', 'workbench.preferredHighContrastColorTheme',
  'workbench.preferredHighContrastLightColorTheme', 'window.autoDetectColorScheme'];

/** The last theme resolved, by theme file and customizations: every view of every file shares it. */
let cached: { key: string; colours: LogColourMap | undefined } | undefined;

const UI_THEMES: Record<vscode.ColorThemeKind, string> = {
  [vscode.ColorThemeKind.Light]: 'vs',
  [vscode.ColorThemeKind.Dark]: 'vs-dark',
  [vscode.ColorThemeKind.HighContrast]: 'hc-black',
  [vscode.ColorThemeKind.HighContrastLight]: 'hc-light',
};

/** The name of the theme VS Code shows, as its settings say (a high-contrast or auto-detected one in place of `colorTheme`). */
function activeThemeName(): string | undefined {
  const workbench = vscode.workspace.getConfiguration('workbench');
  const kind = vscode.window.activeColorTheme.kind;
  const light = kind === vscode.ColorThemeKind.Light || kind === vscode.ColorThemeKind.HighContrastLight;
  const chosen = workbench.get<string>('colorTheme');
  const chosenTheme = chosen ? findTheme(vscode.extensions.all, chosen) : undefined;
  if (chosenTheme?.uiTheme === UI_THEMES[kind]) return chosen;
  if (kind === vscode.ColorThemeKind.HighContrast) return workbench.get<string>('preferredHighContrastColorTheme');
  if (kind === vscode.ColorThemeKind.HighContrastLight) return workbench.get<string>('preferredHighContrastLightColorTheme');
  return workbench.get<string>(light ? 'preferredLightColorTheme' : 'preferredDarkColorTheme');
}

function themeColours(): LogColourMap | undefined {
  const name = activeThemeName();
  const theme = name ? findTheme(vscode.extensions.all, name) : undefined;
  // A theme of another kind than the one shown would colour a dark view for a light one: fall back instead.
  if (!theme || theme.uiTheme !== UI_THEMES[vscode.window.activeColorTheme.kind]) return undefined;
  const customizations = vscode.workspace.getConfiguration('editor').get('tokenColorCustomizations');
  const key = JSON.stringify([theme.file, customizations]);
  if (cached?.key === key) return cached.colours;
  let colours: LogColourMap | undefined;
  try {
    colours = resolveLogColours([...loadThemeRules(theme.file), ...customizationRules(customizations, theme.names)]);
  } catch (err) {
    console.warn(`hugefile: could not read the colour theme ${theme.file}; log colours fall back on the workbench's`, err);
  }
  cached = { key, colours };
  return colours;
}

/** The message that sets up log colouring in a view of `fileName`. */
export function logColoursMessage(fileName: string): LogColoursMessage {
  const config = vscode.workspace.getConfiguration('hugefile');
  const mode = logColourSetting(config.get('logColours'));
  return {
    type: 'logColours',
    mode,
    logName: isLogFileName(fileName),
    tint: config.get<boolean>('tintLevelLines') === true,
    ansi: rendersAnsi(config.get('ansiEscapes')),
    colours: mode === 'off' ? undefined : themeColours(),
  };
}

/** Switches `hugefile.ansiEscapes` between rendering the sequences as colours and showing them raw (for every view). */
export async function toggleAnsiEscapes(): Promise<void> {
  const config = vscode.workspace.getConfiguration('hugefile');
  await config.update('ansiEscapes', rendersAnsi(config.get('ansiEscapes')) ? 'raw' : 'colours', vscode.ConfigurationTarget.Global);
}

/** Calls `listener` when the theme or a setting the message depends on changes. */
export function onDidChangeLogColours(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveColorTheme(() => listener()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SETTINGS.some((s) => e.affectsConfiguration(s))) listener();
    }),
  );
}
