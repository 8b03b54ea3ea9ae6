import { parseHexPattern, SearchQuery } from '../search/query';
import { UsageError } from './usageError';

/** The options that say how a PATTERN is read, the same for `grep` and `replace`. */
export const PATTERN_FLAGS = ['--regex', '--ignore-case', '--word', '--hex'] as const;

/** Throws UsageError for pattern options that cannot go together. */
export function checkPatternFlags(flags: ReadonlySet<string>): void {
  if (flags.has('--hex') && (flags.has('--regex') || flags.has('--ignore-case') || flags.has('--word'))) {
    throw new UsageError('--hex cannot be combined with --regex, --ignore-case or --word');
  }
  if (flags.has('--regex') && flags.has('--word')) throw new UsageError('--word works on text patterns; in a regex, use \\b');
}

/** The search query PATTERN stands for under `flags`: literal text, a regex, or hex bytes with ?? wildcards. Throws SyntaxError for bad hex. */
export function queryOf(pattern: string, flags: ReadonlySet<string>): SearchQuery {
  const matchCase = !flags.has('--ignore-case');
  if (flags.has('--hex')) return { kind: 'bytes', pattern: parseHexPattern(pattern) };
  if (flags.has('--regex')) return { kind: 'regex', source: pattern, matchCase };
  return { kind: 'text', text: pattern, matchCase, wholeWord: flags.has('--word') };
}
