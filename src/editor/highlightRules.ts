/**
 * Your highlight rules on the host side: the setting `hugefile.highlights` as the
 * message the text view takes, a warning naming the rules that cannot be shown, and
 * the commands that add a rule and switch rules on and off without leaving the editor.
 */
import * as vscode from 'vscode';
import { checkRules, type HighlightRule, type HighlightSetting } from '../highlight/userRules';
import type { SearchQuery } from '../search/query';
import type { HighlightsMessage } from './highlightProtocol';

const SECTION = 'hugefile';
const KEY = 'highlights';

/** Backgrounds to pick from: translucent, so the text stays readable in light and dark themes. */
const COLOURS: { label: string; background: string }[] = [
  { label: 'Red', background: '#e5140066' },
  { label: 'Orange', background: '#f0780066' },
  { label: 'Yellow', background: '#e6c80066' },
  { label: 'Green', background: '#1ea04666' },
  { label: 'Blue', background: '#1e64e666' },
  { label: 'Purple', background: '#a03cdc66' },
];

let warned = '';

function setting(): unknown {
  return vscode.workspace.getConfiguration(SECTION).get(KEY);
}

/** The rules as the text view takes them; says once (per set of problems) which rules cannot be shown, and why. */
export function highlightsMessage(): HighlightsMessage {
  const value = setting();
  const { problems } = checkRules(value);
  const key = problems.join('; ');
  if (key && key !== warned) void vscode.window.showWarningMessage(`Some of your highlight rules (hugefile.highlights) are not shown: ${key}.`);
  warned = key;
  return { type: 'highlights', rules: value ?? [] };
}

/** The rules shown now, in order (those switched off or that cannot work left out). */
export function highlightRulesNow(): HighlightRule[] {
  return checkRules(setting()).rules;
}

/** Calls `listener` when the rules change. */
export function onDidChangeHighlights(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.${KEY}`)) listener();
  });
}

function rulesNow(): HighlightSetting[] {
  const value = setting();
  return Array.isArray(value) ? [...value] : [];
}

async function store(rules: HighlightSetting[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(KEY, rules, vscode.ConfigurationTarget.Global);
}

/**
 * Asks for a pattern (`initial`: the selection or the find's text), what it colours and a colour, then adds
 * the rule after the others. The steps stay open when the focus leaves them (as in VS Code's
 * multi-step input sample): a webview taking the focus back late must not lose what was typed.
 * With `filterRule` (a filter pane's rule), the rule colours the lines it matches: only the
 * colour is asked for.
 */
export async function addHighlightRule(initial: string | undefined, filterRule?: Extract<SearchQuery, { kind: 'text' | 'regex' }>): Promise<void> {
  if (filterRule) {
    const colour = await pickColour('Colour the lines this filter rule matches: the colour');
    if (!colour) return;
    const pattern = filterRule.kind === 'text' ? filterRule.text : filterRule.source;
    const wholeWord = filterRule.kind === 'text' && filterRule.wholeWord ? { wholeWord: true } : {};
    await store([...rulesNow(), { pattern, regex: filterRule.kind === 'regex', matchCase: filterRule.matchCase, ...wholeWord, wholeLine: true, background: colour.background }]);
    return;
  }
  type Kind = vscode.QuickPickItem & { regex: boolean; wholeLine: boolean };
  const kind = await vscode.window.showQuickPick<Kind>([
    { label: 'Text', description: 'colour the text that matches', regex: false, wholeLine: false },
    { label: 'Regular expression', description: 'colour the text that matches (JavaScript syntax, per line)', regex: true, wholeLine: false },
    { label: 'Whole lines with text', description: 'colour every line that holds the text', regex: false, wholeLine: true },
    { label: 'Whole lines matching a regular expression', description: 'colour every line the expression matches', regex: true, wholeLine: true },
  ], { title: 'Add Highlight Rule (1/3): what to colour', ignoreFocusOut: true });
  if (!kind) return;
  const pattern = await vscode.window.showInputBox({
    title: 'Add Highlight Rule (2/3): the pattern',
    ignoreFocusOut: true,
    value: initial,
    prompt: kind.regex ? 'A JavaScript regular expression, matched per line (case-insensitive)' : 'The text to look for (case-insensitive)',
    validateInput: (value) => checkRules([{ pattern: value, regex: kind.regex, background: COLOURS[0].background }]).problems[0]?.replace(/^rule 1: /, ''),
  });
  if (pattern === undefined) return;
  const colour = await pickColour('Add Highlight Rule (3/3): the colour');
  if (!colour) return;
  await store([...rulesNow(), { pattern, regex: kind.regex, wholeLine: kind.wholeLine, background: colour.background }]);
}

function pickColour(title: string): Thenable<{ label: string; background: string } | undefined> {
  return vscode.window.showQuickPick(COLOURS.map((c) => ({ ...c, description: c.background })), { title, ignoreFocusOut: true });
}

/** Lists the rules to switch each on or off (the ones picked are on). */
export async function manageHighlightRules(): Promise<void> {
  const rules = rulesNow();
  if (rules.length === 0) {
    void vscode.window.showInformationMessage('You have no highlight rules yet: add one with "Huge File: Add Highlight Rule".');
    return;
  }
  type Item = vscode.QuickPickItem & { index: number };
  const items: Item[] = rules.map((r, index) => ({
    label: typeof r.pattern === 'string' ? r.pattern : '(no pattern)',
    description: [r.regex === true ? 'regex' : 'text', r.wholeLine === true ? 'whole lines' : '', [r.foreground, r.background].filter(Boolean).join(' on ')].filter(Boolean).join(' · '),
    picked: r.enabled !== false,
    index,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Highlight rules: the ones picked are on (remove one in hugefile.highlights)',
    canPickMany: true,
  });
  if (!picked) return;
  const on = new Set(picked.map((p) => p.index));
  await store(rules.map((r, i) => ({ ...r, enabled: on.has(i) })));
}
