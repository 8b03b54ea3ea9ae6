#!/usr/bin/env node
import { grep, grepUsage } from './cli/grep';
import { dump, hexUsage, patch } from './cli/hexCommands';
import { writeAll } from './cli/output';
import { replace, replaceUsage } from './cli/replace';
import { UsageError } from './cli/usageError';
import { cliEncoding, takeEncodingOption } from './cli/encodingOption';
import { asUtf8, type TextEncoding } from './encoding/textEncoding';
import { LineIndex } from './lines';

const usage = `usage:
  hugefile count FILE                 print the number of lines (same rules as wc -l, plus a final line without newline)
  hugefile lines FILE START [COUNT]   print COUNT lines (default 1) from line START (1-based), in UTF-8
  --encoding NAME (count, lines, grep) reads FILE in NAME (VS Code's names: utf8, windows1252, iso88591, koi8r...);
                                      without it, the encoding its byte order mark names, else UTF-8
${grepUsage}
${replaceUsage}
${hexUsage}`;

function parseCount(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, got ${text ?? 'nothing'}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be at least 1, got ${text}`);
  return n;
}

async function count(file: string, encoding: TextEncoding): Promise<void> {
  const index = LineIndex.open(file, { workers: 2, encoding });
  try {
    await index.whenComplete();
    process.stdout.write(`${index.lineCount}\n`);
  } finally {
    index.dispose();
  }
}

async function lines(file: string, start: number, howMany: number, encoding: TextEncoding): Promise<void> {
  const index = LineIndex.open(file, { encoding });
  try {
    const first = start - 1;
    const last = first + howMany - 1;
    await index.waitForLine(last);
    const total = index.isLineKnown(last) ? undefined : index.lineCount;
    if (total !== undefined && first >= total) throw new UsageError(`START ${start} is past the last line (${total})`);
    const end = total === undefined ? last : Math.min(last, total - 1);
    for (let n = first; n <= end; n++) {
      const { start: from, end: to } = index.lineBounds(n);
      writeAll(1, Buffer.concat([asUtf8(encoding, index.read(from, to - from)), Buffer.from('\n')]));
    }
  } finally {
    index.dispose();
  }
}


async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  try {
    if (command === 'grep') return await grep(argv.slice(1));
    if (command === 'replace') return await replace(argv.slice(1));
    const reads = command === 'count' || command === 'lines';
    const { rest: args, name } = reads ? takeEncodingOption(argv.slice(1)) : { rest: argv.slice(1), name: undefined };
    const [file, ...rest] = args;
    if (command === 'count' && file && rest.length === 0) await count(file, cliEncoding(file, name));
    else if (command === 'lines' && file && rest.length <= 2) await lines(file, parseCount(rest[0], 'START'), parseCount(rest[1], 'COUNT', 1), cliEncoding(file, name));
    else if (command === 'dump' && file && (rest.length === 1 || rest.length === 2)) dump(file, rest[0], rest[1]);
    else if (command === 'patch' && file) patch(file, rest);
    else if (command === undefined || command === '--help' || command === '-h') process.stdout.write(`${usage}\n`);
    else throw new UsageError(`unknown command or wrong arguments: ${argv.join(' ')}`);
    return 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EPIPE') return 0;
    process.stderr.write(`hugefile: ${e.message}\n`);
    // SyntaxError: an argument that is not a number or hex bytes.
    if (err instanceof UsageError || err instanceof SyntaxError) {
      process.stderr.write(`${usage}\n`);
      return 2;
    }
    return command === 'grep' || command === 'replace' ? 2 : 1; // grep's convention: 1 means "no match"
  }
}

void main(process.argv.slice(2)).then((status) => process.exit(status));
