/** A replacement the pattern cannot give (a group it lacks, `$<name>`...): the message says why. */
export class TemplateError extends Error {}

/** A replacement as pieces: literal text, or the number of a group to insert (0: the whole match). */
export type TemplatePart = string | number;

/**
 * Parses a regex REPLACEMENT as JavaScript's String.replace reads it, restricted to
 * what a file-wide replace can give: `$1`…`$9` (one digit: `$10` is group 1, then
 * `0`), `$&` and `$$`; any other `$` is literal. `` $` `` and `$'` (the text before
 * and after the match: the rest of the file here) and `$<name>` are refused rather
 * than silently taken literally, as is a group the pattern does not have.
 */
export function parseTemplate(text: string, groupCount: number): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    if (text[i] !== '$' || next === undefined) {
      literal += text[i];
      continue;
    }
    if (next === '$') literal += '$';
    else if (next === '&' || (next >= '1' && next <= '9')) {
      const group = next === '&' ? 0 : Number(next);
      if (group > groupCount) throw new TemplateError(`$${group} is used but the pattern has ${groupCount} group(s)`);
      if (literal) parts.push(literal);
      literal = '';
      parts.push(group);
    } else if (next === '`' || next === "'" || next === '<') {
      throw new TemplateError(`$${next} is not supported (only $1 to $9, $& and $$); write $$ for a literal $`);
    } else {
      literal += '$';
      continue;
    }
    i++;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Whether every match gets the same text (no group is used). */
export function isConstant(parts: readonly TemplatePart[]): boolean {
  return parts.every((p) => typeof p === 'string');
}

/** The replacement for one match; a group that did not take part gives '' (as in String.replace). */
export function expand(parts: readonly TemplatePart[], match: RegExpExecArray): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : (match[p] ?? '');
  return out;
}

/** Number of capturing groups of a compiled pattern. */
export function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`, re.flags).exec('')!.length - 1;
}
