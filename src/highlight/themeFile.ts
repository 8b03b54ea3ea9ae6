/**
 * Reads a colour theme's token rules from its JSON file, following `include` chains
 * (Dark Modern includes Dark+, which includes Dark (Visual Studio)): the included
 * theme's rules come first, so the including theme's rules override them, as in VS
 * Code. Plain Node, no `vscode` import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonc } from '../util/jsonc';
import type { TokenColorRule } from './themeRules';

/** Deeper include chains than this are taken for a loop. */
const MAX_INCLUDES = 10;

interface ThemeJson {
  include?: unknown;
  tokenColors?: unknown;
}

/**
 * The token rules of the theme at `file`, included themes' first. A theme whose
 * `tokenColors` names a .tmTheme (plist) file contributes no rules (rare today; its
 * kinds then take the fallback colours).
 */
export function loadThemeRules(file: string, depth = 0): TokenColorRule[] {
  const theme = parseJsonc(fs.readFileSync(file, 'utf8')) as ThemeJson;
  if (typeof theme !== 'object' || theme === null) return [];
  const included = typeof theme.include === 'string' && depth < MAX_INCLUDES
    ? loadThemeRules(path.resolve(path.dirname(file), theme.include), depth + 1)
    : [];
  const own = Array.isArray(theme.tokenColors) ? theme.tokenColors.filter(isRule) : [];
  return [...included, ...own];
}

function isRule(value: unknown): value is TokenColorRule {
  return typeof value === 'object' && value !== null && typeof (value as TokenColorRule).settings === 'object';
}
