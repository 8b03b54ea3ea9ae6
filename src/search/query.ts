/** What to look for: literal UTF-8 text, a JavaScript regular expression, or bytes with wildcards. */
export type SearchQuery =
  | { kind: 'text'; text: string; matchCase: boolean; wholeWord: boolean }
  | { kind: 'regex'; source: string; matchCase: boolean }
  | { kind: 'bytes'; pattern: (number | null)[] };

/**
 * Longest pattern accepted: text and hex patterns in bytes, regex sources in
 * characters. Matches are searched with this much overlap between chunks, and a
 * webview must not be able to make the worker hold or compile something huge.
 */
export const MAX_PATTERN_LENGTH = 4096;

/** The RegExp flags a regex query runs with: Unicode mode, plus case folding unless matchCase. */
export function regexFlags(matchCase: boolean): string {
  return matchCase ? 'u' : 'iu';
}

/**
 * Parses a hex byte pattern: pairs of hex digits ("deadbeef"), optionally separated
 * by whitespace ("DE AD ?? ef"), where `??` is a wildcard byte (null in the result).
 * Throws SyntaxError naming the offending position.
 */
export function parseHexPattern(text: string): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const pair = text.slice(i, i + 2);
    if (pair === '??') out.push(null);
    else if (/^[0-9a-fA-F]{2}$/.test(pair)) out.push(parseInt(pair, 16));
    else throw new SyntaxError(`bad hex pattern at character ${i + 1}: expected two hex digits or ??, got '${pair}'`);
    i += 2;
  }
  if (out.length === 0) throw new SyntaxError('empty hex pattern: give bytes as hex digit pairs, e.g. "DE AD ?? EF"');
  return out;
}

/**
 * A checked copy of `q`, or throws TypeError (wrong shape) / SyntaxError (a regex
 * that does not compile) with a message fit for the user. Rejects empty patterns,
 * patterns over MAX_PATTERN_LENGTH, text with a line break (matches never span
 * lines), and byte patterns made only of wildcards.
 */
export function checkQuery(q: unknown): SearchQuery {
  if (typeof q !== 'object' || q === null) throw new TypeError('a search query must be an object');
  const o = q as Record<string, unknown>;
  if (o.kind === 'text') {
    const { text, matchCase, wholeWord } = o;
    if (typeof text !== 'string' || typeof matchCase !== 'boolean' || typeof wholeWord !== 'boolean') {
      throw new TypeError('a text query needs text (string), matchCase and wholeWord (booleans)');
    }
    if (text.length === 0) throw new TypeError('the search text is empty');
    if (new TextEncoder().encode(text).length > MAX_PATTERN_LENGTH) throw new TypeError(`the search text is longer than ${MAX_PATTERN_LENGTH} bytes`);
    if (/[\r\n]/.test(text)) throw new TypeError('the search text contains a line break; matches never span lines (use a hex pattern for line ends)');
    return { kind: 'text', text, matchCase, wholeWord };
  }
  if (o.kind === 'regex') {
    const { source, matchCase } = o;
    if (typeof source !== 'string' || typeof matchCase !== 'boolean') {
      throw new TypeError('a regex query needs source (string) and matchCase (boolean)');
    }
    if (source.length === 0) throw new TypeError('the regular expression is empty');
    if (source.length > MAX_PATTERN_LENGTH) throw new TypeError(`the regular expression is longer than ${MAX_PATTERN_LENGTH} characters`);
    new RegExp(source, regexFlags(matchCase)); // throws SyntaxError: "Invalid regular expression: /(/: Unterminated group"
    return { kind: 'regex', source, matchCase };
  }
  if (o.kind === 'bytes') {
    const { pattern } = o;
    if (!Array.isArray(pattern) || !pattern.every((b) => b === null || (Number.isInteger(b) && b >= 0 && b <= 255))) {
      throw new TypeError('a bytes query needs pattern: an array of bytes (0..255) or null for a wildcard');
    }
    if (pattern.length === 0) throw new TypeError('the byte pattern is empty');
    if (pattern.length > MAX_PATTERN_LENGTH) throw new TypeError(`the byte pattern is longer than ${MAX_PATTERN_LENGTH} bytes`);
    if (pattern.every((b) => b === null)) throw new TypeError('the byte pattern has only wildcards; give at least one byte');
    return { kind: 'bytes', pattern: [...pattern] as (number | null)[] };
  }
  const kind = typeof o.kind === 'string' ? `'${o.kind.slice(0, 40)}'` : typeof o.kind;
  throw new TypeError(`unknown query kind ${kind}: expected 'text', 'regex' or 'bytes'`);
}

/** `checkQuery` for untrusted input (webview messages): the checked copy, or undefined. */
export function validateQuery(q: unknown): SearchQuery | undefined {
  try {
    return checkQuery(q);
  } catch {
    return undefined;
  }
}
