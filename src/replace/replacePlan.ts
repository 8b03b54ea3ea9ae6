import type { TextSource } from '../lines/textSource';
import { regexFlags, type SearchQuery } from '../search/query';
import { withCaseOf } from './preserveCase';
import { expand, groupCount, isConstant, parseTemplate, type TemplatePart } from './replaceTemplate';

/**
 * Text read on each side of a regex match to run the pattern again for its groups: the
 * search itself sees long lines in windows with this much overlap (see RegexMatcher).
 */
const CONTEXT = 16 * 1024;

/** What each match of a query becomes: see planReplace. */
export interface ReplacePlan {
  readonly query: SearchQuery;
  /** The replacement when it does not depend on the match (no group, no case to preserve). */
  readonly constant: string | undefined;
  replacementOf(text: TextSource, offset: number, length: number): string;
}

/**
 * How Replace turns each match of `query` into text, as VS Code's replace does: a text
 * query's `replacement` is taken as typed; a regex's may use `$1`..`$9`, `$&`, `$$`,
 * and `\n`, `\t`, `\\`. With `preserveCase` the result is cased like the match.
 * Throws TemplateError for a group the pattern lacks; Error for hex byte patterns
 * (not replaced in the editor).
 */
export function planReplace(query: SearchQuery, replacement: string, preserveCase: boolean): ReplacePlan {
  if (query.kind === 'bytes') throw new Error('Replace takes text or a regular expression (hex byte patterns are not replaced in the editor)');
  if (query.kind === 'text') {
    return {
      query,
      constant: preserveCase ? undefined : replacement,
      replacementOf: (text, offset, length) => withCaseOf(matchedText(text, offset, length), replacement),
    };
  }
  const flags = regexFlags(query.matchCase);
  const template = parseTemplate(unescape(replacement), groupCount(new RegExp(query.source, flags)));
  const sticky = new RegExp(query.source, `y${flags}`);
  const constant = isConstant(template) && !preserveCase ? template.join('') : undefined;
  return {
    query,
    constant,
    replacementOf: (text, offset, length) => {
      const match = execAt(text, sticky, offset, length);
      const out = expand(template as TemplatePart[], match);
      return preserveCase ? withCaseOf(match[0], out) : out;
    },
  };
}

/** VS Code's escapes in a regex replacement: `\n` and `\t`, `\\` for a backslash; any other `\` stays. */
function unescape(replacement: string): string {
  return replacement.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function matchedText(text: TextSource, offset: number, length: number): string {
  return text.encoding.decode(text.read(offset, length));
}

/**
 * The regex match at [offset, offset + length) with its groups: the search reports byte
 * ranges only, so the pattern runs again, sticky, on the match's line (around the match
 * in a long line). Throws when it no longer matches there as it did.
 */
function execAt(text: TextSource, sticky: RegExp, offset: number, length: number): RegExpExecArray {
  const { start, end } = text.lineBounds(text.lineOfOffset(offset));
  const from = Math.max(start, offset - CONTEXT);
  const to = Math.max(offset + length, Math.min(end, offset + length + CONTEXT));
  const before = text.encoding.decode(text.read(from, offset - from));
  sticky.lastIndex = before.length;
  const match = sticky.exec(before + text.encoding.decode(text.read(offset, to - offset)));
  if (!match || match[0] !== matchedText(text, offset, length)) {
    throw new Error(`the text at offset ${offset.toLocaleString('en-US')} no longer matches the pattern; search again`);
  }
  return match;
}
