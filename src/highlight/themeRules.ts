/**
 * Resolves TextMate scopes to colours from a colour theme's `tokenColors`, the way
 * VS Code's TextMate engine (vscode-textmate) does for a token: a rule's selector
 * matches a scope when it equals it or is a dot-separated prefix of it ("string"
 * matches "string.quoted"); the most specific match wins (more segments, then more
 * parent scopes, then the later rule); each scope of a token's path, outermost first,
 * overrides only the fields its own match sets. No `vscode` import: unit-tested on
 * the default themes' JSON.
 */
import { LOG_KINDS, LOG_SCOPES, type LogColourMap, type TokenStyle } from './logScopes';

/** One entry of a theme's `tokenColors` (or of `editor.tokenColorCustomizations.textMateRules`). */
export interface TokenColorRule {
  scope?: string | string[];
  settings?: { foreground?: string; fontStyle?: string };
}

/** The root scope of VS Code's Log grammar, the first of every token's path there. */
const ROOT_SCOPE = 'text.log';

interface Selector {
  scope: string;
  /** Parent scopes the selector requires, outermost first ("source.css variable" → ["source.css"]). */
  parents: string[];
  rule: number;
}

function matches(selector: string, scope: string): boolean {
  return scope === selector || (scope.startsWith(selector) && scope[selector.length] === '.');
}

function hasParents(parents: string[], path: readonly string[]): boolean {
  let at = 0;
  for (const scope of path) if (at < parents.length && matches(parents[at], scope)) at++;
  return at === parents.length;
}

function selectorsOf(rules: readonly TokenColorRule[]): Selector[] {
  const out: Selector[] = [];
  rules.forEach((rule, index) => {
    const scopes = typeof rule.scope === 'string' ? rule.scope.split(',') : Array.isArray(rule.scope) ? rule.scope : [];
    for (const raw of scopes) {
      if (typeof raw !== 'string') continue;
      const parts = raw.trim().split(/\s+/).filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      out.push({ scope: parts[parts.length - 1], parents: parts.slice(0, -1), rule: index });
    }
  });
  return out;
}

/** True when `a` is more specific than `b` (vscode-textmate's order). */
function moreSpecific(a: Selector, b: Selector): boolean {
  const da = a.scope.split('.').length;
  const db = b.scope.split('.').length;
  if (da !== db) return da > db;
  if (a.parents.length !== b.parents.length) return a.parents.length > b.parents.length;
  return a.rule > b.rule;
}

const COLOUR = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A compiled theme: call `style` with a token's scope path. */
export class ThemeRules {
  private readonly selectors: Selector[];

  constructor(private readonly rules: readonly TokenColorRule[]) {
    this.selectors = selectorsOf(rules);
  }

  /** The style VS Code gives a token whose scopes are `path` (outermost first, `text.log` implied). */
  style(path: readonly string[]): TokenStyle {
    const full = [ROOT_SCOPE, ...path];
    const out: TokenStyle = {};
    full.forEach((scope, depth) => {
      const parentsPath = full.slice(0, depth);
      let colour: Selector | undefined;
      let font: Selector | undefined;
      for (const s of this.selectors) {
        if (!matches(s.scope, scope) || !hasParents(s.parents, parentsPath)) continue;
        const settings = this.rules[s.rule].settings ?? {};
        if (typeof settings.foreground === 'string' && COLOUR.test(settings.foreground) && (!colour || moreSpecific(s, colour))) colour = s;
        if (typeof settings.fontStyle === 'string' && (!font || moreSpecific(s, font))) font = s;
      }
      if (colour) out.foreground = this.rules[colour.rule].settings!.foreground!.toLowerCase();
      if (font) {
        const words = this.rules[font.rule].settings!.fontStyle!.split(/\s+/);
        out.bold = words.includes('bold');
        out.italic = words.includes('italic');
        out.underline = words.includes('underline');
      }
    });
    return out;
  }
}

/** Each log kind's style under `rules` (a theme's tokenColors, customizations appended). */
export function resolveLogColours(rules: readonly TokenColorRule[]): LogColourMap {
  const theme = new ThemeRules(rules);
  const map: LogColourMap = {};
  for (const kind of LOG_KINDS) map[kind] = theme.style(LOG_SCOPES[kind]);
  return map;
}
