/**
 * The user's `editor.tokenColorCustomizations` as token rules to append to a theme's:
 * its `textMateRules`, the shorthands that touch log kinds (`comments`, `strings`,
 * `variables`), and the same inside a `[Theme Name]` section for the active theme,
 * which comes after the global ones as in VS Code.
 */
import type { TokenColorRule } from './themeRules';

/** Shorthand setting → the scope VS Code applies it to (only the ones log kinds use). */
const SHORTHANDS: Record<string, string> = {
  comments: 'comment',
  strings: 'string',
  variables: 'variable',
};

type Customizations = Record<string, unknown>;

function rulesOf(section: Customizations): TokenColorRule[] {
  const out: TokenColorRule[] = [];
  for (const [key, scope] of Object.entries(SHORTHANDS)) {
    const value = section[key];
    if (typeof value === 'string') out.push({ scope, settings: { foreground: value } });
    else if (typeof value === 'object' && value !== null) out.push({ scope, settings: value as TokenColorRule['settings'] });
  }
  const textMate = section.textMateRules;
  if (Array.isArray(textMate)) {
    for (const rule of textMate) if (typeof rule === 'object' && rule !== null && typeof rule.settings === 'object') out.push(rule as TokenColorRule);
  }
  return out;
}

/** Rules from `customizations` (the setting's value) for the theme whose id or label is in `themeNames`. */
export function customizationRules(customizations: unknown, themeNames: readonly string[]): TokenColorRule[] {
  if (typeof customizations !== 'object' || customizations === null) return [];
  const all = customizations as Customizations;
  const out = rulesOf(all);
  for (const name of themeNames) {
    const section = all[`[${name}]`];
    if (typeof section === 'object' && section !== null) out.push(...rulesOf(section as Customizations));
  }
  return out;
}
