import { NewlineScanner } from '../lines/newlineScanner';
import { BytesMatcher } from './bytesMatcher';
import { LiteralMatcher } from './literalMatcher';
import { Matcher } from './matcher';
import { regexFlags, SearchQuery } from './query';
import { RegexMatcher } from './regexMatcher';
import { ScanLimits } from './scanLimits';

/**
 * The matcher for a checked query (see checkQuery), searching windows read into
 * `scanner`'s scanBuffer. Case-insensitive text runs as an
 * escaped RegExp with the `iu` flags (Unicode simple case folding), unless it has no
 * letters at all, when the byte search is the same thing and faster.
 */
export function compileQuery(query: SearchQuery, limits: ScanLimits, scanner: NewlineScanner): Matcher {
  switch (query.kind) {
    case 'text':
      if (query.matchCase || isAsciiWithoutLetters(query.text)) return new LiteralMatcher(query.text, query.wholeWord, scanner);
      return new RegexMatcher(escapeRegExp(query.text), regexFlags(false), query.wholeWord, limits);
    case 'regex':
      return new RegexMatcher(query.source, regexFlags(query.matchCase), false, limits);
    case 'bytes':
      return new BytesMatcher(query.pattern, scanner);
  }
}

function isAsciiWithoutLetters(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text) && !/[A-Za-z]/.test(text);
}

/** `text` as a RegExp source matching it literally (valid under the `u` flag). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
