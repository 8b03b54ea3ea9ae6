import { encodedOrNone, TextEncoding, UTF8 } from '../encoding/textEncoding';
import { LF_BREAK, type LineBreak } from '../lines/lineBreak';
import { NewlineScanner } from '../lines/newlineScanner';
import { BytesMatcher } from './bytesMatcher';
import { LiteralMatcher } from './literalMatcher';
import { Matcher } from './matcher';
import { regexFlags, SearchQuery } from './query';
import { RegexMatcher } from './regexMatcher';
import { ScanLimits } from './scanLimits';

/**
 * The matcher for a checked query (see checkQuery), searching windows read into
 * `scanner`'s scanBuffer, of text in `encoding` whose lines end as `lineBreak` says. Case-insensitive text runs as an
 * escaped RegExp with the `iu` flags (Unicode simple case folding), unless it has no
 * letters at all, when the byte search is the same thing and faster.
 */
export function compileQuery(query: SearchQuery, limits: ScanLimits, scanner: NewlineScanner, encoding: TextEncoding = UTF8, lineBreak: LineBreak = LF_BREAK): Matcher {
  switch (query.kind) {
    case 'text': {
      // Text the encoding cannot hold is looked for in the decoded text (which has none of it).
      const bytes = encodedOrNone(encoding, query.text);
      if (bytes && (query.matchCase || isAsciiWithoutLetters(query.text))) return new LiteralMatcher(bytes, query.wholeWord, scanner, encoding);
      return new RegexMatcher(escapeRegExp(query.text), regexFlags(query.matchCase), query.wholeWord, limits, encoding, lineBreak);
    }
    case 'regex':
      return new RegexMatcher(query.source, regexFlags(query.matchCase), false, limits, encoding, lineBreak);
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
