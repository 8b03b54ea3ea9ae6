/**
 * Your own highlight rules (klogg's highlighters, lnav's highlights), from the setting
 * `hugefile.highlights`: each colours the text matching it, or the whole line holding
 * a match, in the colours it names. Checked here, once, for the host and the views
 * alike: a rule that cannot work is dropped with the reason, never half-applied.
 * No `vscode`.
 */
import { checkQuery, type SearchQuery } from '../search/query';

/** Rules shown at most: each is a CSS class of the text view, and a screen of regexes per line. */
export const MAX_RULES = 16;

/** A rule as the setting holds it. */
export interface HighlightSetting {
  pattern?: unknown;
  regex?: unknown;
  matchCase?: unknown;
  wholeWord?: unknown;
  foreground?: unknown;
  background?: unknown;
  wholeLine?: unknown;
  enabled?: unknown;
}

/** A rule checked: its query, colours (CSS), and whether it colours the whole line. */
export interface HighlightRule {
  query: Extract<SearchQuery, { kind: 'text' | 'regex' }>;
  foreground?: string;
  background?: string;
  wholeLine: boolean;
}

/** Colours a rule may give: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() or a CSS colour name (nothing a style could escape from). */
const COLOUR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|rgba?\(\s*[\d.%\s,/]+\)|[a-z]{3,20})$/i;

export function isColour(value: unknown): value is string {
  return typeof value === 'string' && COLOUR.test(value.trim());
}

/**
 * The enabled rules of the setting `value`, in order, and why each dropped one was
 * dropped (its 1-based number and the reason).
 */
export function checkRules(value: unknown): { rules: HighlightRule[]; problems: string[] } {
  const rules: HighlightRule[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (!Array.isArray(value)) return { rules, problems: ['hugefile.highlights must be a list of rules'] };
  value.forEach((raw: HighlightSetting, i) => {
    const n = i + 1;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`rule ${n} is not an object`);
      return;
    }
    if (raw.enabled === false) return;
    if (rules.length >= MAX_RULES) {
      problems.push(`rule ${n}: at most ${MAX_RULES} rules are shown`);
      return;
    }
    if (raw.foreground !== undefined && !isColour(raw.foreground)) {
      problems.push(`rule ${n}: foreground ${JSON.stringify(raw.foreground)} is not a colour (#rrggbb, rgb(), a name)`);
      return;
    }
    if (raw.background !== undefined && !isColour(raw.background)) {
      problems.push(`rule ${n}: background ${JSON.stringify(raw.background)} is not a colour (#rrggbb, rgb(), a name)`);
      return;
    }
    if (raw.foreground === undefined && raw.background === undefined) {
      problems.push(`rule ${n} gives no foreground and no background`);
      return;
    }
    const matchCase = raw.matchCase === true;
    let query: SearchQuery;
    try {
      query = checkQuery(raw.regex === true
        ? { kind: 'regex', source: raw.pattern, matchCase }
        : { kind: 'text', text: raw.pattern, matchCase, wholeWord: raw.wholeWord === true });
    } catch (err) {
      problems.push(`rule ${n}: ${(err as Error).message}`);
      return;
    }
    if (query.kind === 'bytes') return;
    rules.push({
      query,
      foreground: raw.foreground === undefined ? undefined : String(raw.foreground).trim(),
      background: raw.background === undefined ? undefined : String(raw.background).trim(),
      wholeLine: raw.wholeLine === true,
    });
  });
  return { rules, problems };
}
