import { filterFile } from '../search/filterFile';
import { searchFile } from '../search/searchFile';
import { cliEncoding, takeEncodingOption } from './encodingOption';
import { LinePrinter } from './linePrinter';
import { Output } from './output';
import { checkPatternFlags, PATTERN_FLAGS, queryOf } from './patternFlags';
import { UsageError } from './usageError';

export const grepUsage =
  '  hugefile grep FILE PATTERN [--regex] [--ignore-case] [--word] [--count] [--hex] [--encoding NAME]\n' +
  '                                      print matching lines as LINE:text (like grep -n), or with --count their number;\n' +
  '                                      PATTERN is literal text unless --regex (JavaScript syntax, per line);\n' +
  '                                      --hex: PATTERN is hex bytes with ?? wildcards ("DE AD ?? EF"), prints each\n' +
  '                                      match\'s offset in hex and decimal; -- before a PATTERN starting with -;\n' +
  '                                      exit status 0 found, 1 none, 2 error';

const FLAGS = [...PATTERN_FLAGS, '--count'] as const;
type Flag = (typeof FLAGS)[number];

/** FILE, PATTERN and flags from the arguments after `grep`; `--` ends the flags (for a PATTERN starting with -). */
export function parseGrepArgs(args: string[]): { file: string; pattern: string; flags: Set<Flag> } {
  const flags = new Set<Flag>();
  const positional: string[] = [];
  let flagsEnded = false;
  for (const arg of args) {
    if (!flagsEnded && arg === '--') flagsEnded = true;
    else if (!flagsEnded && arg.startsWith('-') && arg.length > 1) {
      if (!(FLAGS as readonly string[]).includes(arg)) throw new UsageError(`unknown option ${arg}`);
      flags.add(arg as Flag);
    } else positional.push(arg);
  }
  if (positional.length !== 2) throw new UsageError(`grep takes FILE and PATTERN, got ${positional.length} argument(s)`);
  checkPatternFlags(flags);
  return { file: positional[0], pattern: positional[1], flags };
}

/**
 * `hugefile grep`: returns the exit status (0 found, 1 none). Throws UsageError,
 * SyntaxError for a bad pattern, and the search's errors (ENOENT, EFAULT, ...).
 */
export async function grep(args: string[]): Promise<number> {
  const { rest, name } = takeEncodingOption(args);
  const { file, pattern, flags } = parseGrepArgs(rest);
  const query = queryOf(pattern, flags);
  const encoding = cliEncoding(file, name);
  const out = new Output();
  let found: number;
  if (flags.has('--hex')) {
    const count = flags.has('--count');
    ({ matches: found } = await searchFile({
      path: file,
      query,
      encoding: encoding.id,
      onMatches: (batch) => {
        if (!count) for (const m of batch) out.write(`0x${m.offset.toString(16)} ${m.offset}\n`);
      },
    }));
    if (count) out.write(`${found}\n`);
  } else if (flags.has('--count')) {
    ({ lines: found } = await filterFile({ path: file, include: [query], exclude: [], encoding: encoding.id }));
    out.write(`${found}\n`);
  } else {
    const printer = new LinePrinter(file, out, encoding);
    try {
      ({ lines: found } = await filterFile({ path: file, include: [query], exclude: [], encoding: encoding.id, onLines: (runs) => runs.forEach((r) => printer.print(r)) }));
    } finally {
      printer.close();
    }
  }
  out.flush();
  return found > 0 ? 0 : 1;
}
