/**
 * Where a query matches inside one line's text: the same rules as the search engine,
 * applied to text already decoded. The views highlight the visible lines with it; the
 * host tests the few lines it holds itself (marked lines against a filter). Byte
 * patterns do not apply to text.
 */
import { charSize } from '../encoding/utf16Units';
import { regexFlags, type SearchQuery } from './query';
import { isWordByte } from './wholeWord';

/** Highlights drawn per line at most: a line of "aaaa…" must not make a million boxes. */
const MAX_PER_LINE = 200;

export interface LineMatcher {
  regex: RegExp;
  wholeWord: boolean;
}

/** Escapes `text` for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled query, or undefined for queries the text view does not highlight. */
export function compileMatcher(query: SearchQuery | undefined): LineMatcher | undefined {
  if (!query || query.kind === 'bytes') return undefined;
  try {
    const source = query.kind === 'regex' ? query.source : escape(query.text);
    return { regex: new RegExp(source, `g${regexFlags(query.matchCase)}`), wholeWord: query.kind === 'text' && query.wholeWord };
  } catch {
    return undefined;
  }
}

/**
 * The engine's whole-word rule on UTF-16 text: a match may not cut a word at either
 * end. Every non-ASCII character counts as a word character, as every byte of its
 * UTF-8 form does in the engine.
 */
function isWhole(text: string, start: number, end: number): boolean {
  const word = (i: number): boolean => isWordByte(text.charCodeAt(i));
  if (start > 0 && word(start - 1) && word(start)) return false;
  return !(end < text.length && word(end - 1) && word(end));
}

/** [start, end) UTF-16 indices of the matches in `text`, non-empty ones only, at most `max` (200). */
export function lineMatches(matcher: LineMatcher | undefined, text: string, max = MAX_PER_LINE): [number, number][] {
  const out: [number, number][] = [];
  if (!matcher) return out;
  const { regex } = matcher;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m && out.length < max; m = regex.exec(text)) {
    if (m[0].length === 0) {
      // A step of one code point: a regex with the u flag that resumes between the halves
      // of a surrogate pair resumes at its first half, so a step of one unit never ends.
      regex.lastIndex = m.index + charSize(text, m.index);
      continue;
    }
    const end = m.index + m[0].length;
    if (!matcher.wholeWord || isWhole(text, m.index, end)) out.push([m.index, end]);
  }
  return out;
}
