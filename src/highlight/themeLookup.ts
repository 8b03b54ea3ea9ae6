/**
 * Finds a colour theme's file among the installed extensions' contributions
 * (`contributes.themes`), by the name the `workbench.colorTheme` setting holds: a
 * theme's `id`, or its `label` when it has none. Labels may be localized placeholders
 * ("%darkPlusColorThemeLabel%") resolved from the extension's package.nls.json. Plain
 * Node: the caller passes `vscode.extensions.all`.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What we read of an installed extension. */
export interface InstalledExtension {
  extensionPath: string;
  packageJSON: unknown;
}

export interface FoundTheme {
  /** The theme's JSON file. */
  file: string;
  /** Its id and label: `editor.tokenColorCustomizations` sections may name either. */
  names: string[];
  /** vs, vs-dark, hc-black or hc-light. */
  uiTheme: string;
}

interface ThemeContribution {
  id?: unknown;
  label?: unknown;
  uiTheme?: unknown;
  path?: unknown;
}

function localized(label: string, extensionPath: string): string {
  const key = /^%(.+)%$/.exec(label)?.[1];
  if (!key) return label;
  try {
    const nls = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.nls.json'), 'utf8')) as Record<string, unknown>;
    const value = nls[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
  } catch {
    // No translations shipped: the placeholder stays, and only the theme's id can name it.
  }
  return label;
}

/** The theme called `name`, or undefined when no installed extension contributes it. */
export function findTheme(extensions: readonly InstalledExtension[], name: string): FoundTheme | undefined {
  for (const ext of extensions) {
    const themes = (ext.packageJSON as { contributes?: { themes?: unknown } } | undefined)?.contributes?.themes;
    if (!Array.isArray(themes)) continue;
    for (const t of themes as ThemeContribution[]) {
      if (typeof t.path !== 'string') continue;
      const id = typeof t.id === 'string' ? t.id : undefined;
      const label = typeof t.label === 'string' ? localized(t.label, ext.extensionPath) : undefined;
      if (name !== id && name !== label) continue;
      return {
        file: path.join(ext.extensionPath, t.path),
        names: [id, label].filter((n): n is string => n !== undefined),
        uiTheme: typeof t.uiTheme === 'string' ? t.uiTheme : 'vs-dark',
      };
    }
  }
  return undefined;
}
