import * as fs from 'fs';
import { recoverInterruptedSave, saveInPlace } from '../edits/saveEngine';
import type { SaveHooks } from '../edits/saveTypes';
import { parseHexBytes } from '../hex/hexDump';
import { regexFlags } from '../search/query';
import { searchFile } from '../search/searchFile';
import { GroupReader } from './groupReader';
import { MatchList } from '../replace/matchList';
import { checkPatternFlags, PATTERN_FLAGS, queryOf } from './patternFlags';
import { expand, groupCount, isConstant, parseTemplate, TemplateError } from '../replace/replaceTemplate';
import { replaceSegments } from './replaceSegments';
import { ttyProgress } from './ttyProgress';
import { UsageError } from './usageError';

export const replaceUsage =
  '  hugefile replace FILE PATTERN REPLACEMENT [--regex] [--ignore-case] [--word] [--hex] [--dry-run] [--expect-count N]\n' +
  '                                      replace every match in place, crash-safely (same inode, mode and links),\n' +
  '                                      and print how many were replaced; PATTERN as for grep; with --regex,\n' +
  '                                      REPLACEMENT may use $1..$9, $& and $$ (else it is literal text); with --hex\n' +
  '                                      it is hex bytes; --dry-run only counts; --expect-count N refuses unless there\n' +
  '                                      are exactly N matches; exit status 0 replaced, 1 none found, 2 error';

const SWITCHES = [...PATTERN_FLAGS, '--dry-run'] as const;
type Switch = (typeof SWITCHES)[number];

interface ReplaceArgs {
  file: string;
  pattern: string;
  replacement: string;
  flags: Set<Switch>;
  expectCount?: number;
}

/** FILE, PATTERN, REPLACEMENT and options from the arguments after `replace`; `--` ends the options. */
export function parseReplaceArgs(args: string[]): ReplaceArgs {
  const flags = new Set<Switch>();
  const positional: string[] = [];
  let expectCount: number | undefined;
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && (arg === '--expect-count' || arg.startsWith('--expect-count='))) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`--expect-count needs a whole number, got ${value ?? 'nothing'}`);
      }
      expectCount = Number(value);
    } else if (!optionsEnded && arg.startsWith('-') && arg.length > 1) {
      if (!(SWITCHES as readonly string[]).includes(arg)) throw new UsageError(`unknown option ${arg}`);
      flags.add(arg as Switch);
    } else positional.push(arg);
  }
  if (positional.length !== 3) throw new UsageError(`replace takes FILE, PATTERN and REPLACEMENT, got ${positional.length} argument(s)`);
  checkPatternFlags(flags);
  const [file, pattern, replacement] = positional;
  return { file, pattern, replacement, flags, expectCount };
}

/** Rolls back a save that a crash (or a kill) left half-done, saying so; throws if the journal must stay. */
function recoverFirst(file: string): void {
  const r = recoverInterruptedSave(file);
  if (r.journal === undefined) return;
  if (!r.recovered && fs.existsSync(r.journal)) throw new Error(r.detail);
  process.stderr.write(`hugefile: ${r.detail}\n`);
}

/**
 * `hugefile replace`: returns the exit status (0 replaced, 1 none found). Throws
 * UsageError, SyntaxError for a bad pattern, the search's and the save's errors;
 * the file is then unchanged (or, after a crash, restored by the next run).
 * `hooks` are the save engine's test knobs (fault injection).
 */
export async function replace(args: string[], hooks?: SaveHooks): Promise<number> {
  const parsed = parseReplaceArgs(args);
  const { file, flags } = parsed;
  const query = queryOf(parsed.pattern, flags);
  const regex = query.kind === 'regex' ? new RegExp(query.source, regexFlags(query.matchCase)) : undefined;
  const template = regex ? templateOf(parsed.replacement, groupCount(regex)) : undefined;
  const constant = flags.has('--hex') ? Buffer.from(parseHexBytes(parsed.replacement))
    : template && !isConstant(template) ? undefined : Buffer.from(template ? template.join('') : parsed.replacement);

  recoverFirst(file);
  const before = fs.statSync(file);
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  const progress = ttyProgress();
  try {
    const matches = new MatchList();
    await searchFile({
      path: file, query, signal: abort.signal,
      onMatches: (batch) => { for (const m of batch) matches.add(m.offset, m.length); },
      onProgress: (p) => progress.show(`searching: ${percent(p.scannedBytes, p.totalBytes)}, ${matches.count} matches`),
    });
    const found = matches.count;
    if (parsed.expectCount !== undefined && found !== parsed.expectCount) {
      throw new Error(`found ${found} matches, not the ${parsed.expectCount} expected (--expect-count); '${file}' was not changed`);
    }
    if (found === 0 || flags.has('--dry-run')) {
      progress.clear();
      process.stdout.write(`${found}\n`);
      return found > 0 ? 0 : 1;
    }
    const groups = constant ? undefined : new GroupReader(file, regex!.source, regex!.flags);
    let segments;
    try {
      segments = replaceSegments(matches, before.size, constant
        ? () => constant
        : (i) => Buffer.from(expand(template!, groups!.exec(matches.offset(i), matches.length(i)))));
    } finally {
      groups?.close();
    }
    await saveInPlace({ path: file, segments, originalSize: before.size, originalMtimeMs: before.mtimeMs }, {
      signal: abort.signal, hooks,
      onProgress: (p) => progress.show(`${p.phase === 'journal' ? 'journaling' : p.phase === 'write' ? 'writing' : 'flushing'}: ${percent(p.done, p.total)}`),
    });
    progress.clear();
    process.stdout.write(`${found}\n`);
    return 0;
  } finally {
    progress.clear();
    process.removeListener('SIGINT', onInterrupt);
  }
}

function templateOf(replacement: string, groups: number): ReturnType<typeof parseTemplate> {
  try {
    return parseTemplate(replacement, groups);
  } catch (err) {
    throw err instanceof TemplateError ? new UsageError(`REPLACEMENT: ${err.message}`) : err;
  }
}

function percent(done: number, total: number): string {
  return `${total > 0 ? Math.floor((100 * done) / total) : 100}%`;
}
