#!/usr/bin/env node
import * as fs from 'fs';
import { patchInPlace } from './edits/patchInPlace';
import { formatDumpOffset, formatDumpRows, formatHex, parseHexBytes } from './hex/hexDump';
import { parseOffset, parseUnsigned } from './hex/offsetExpr';
import { LineIndex } from './lines';
import { WindowedReader } from './lines/windowedReader';

const usage = `usage:
  hugefile count FILE                 print the number of lines (same rules as wc -l, plus a final line without newline)
  hugefile lines FILE START [COUNT]   print COUNT lines (default 1) from line START (1-based)
  hugefile dump FILE OFFSET [LEN]     print LEN bytes (default 256, at most 64 MiB; fewer at the end of the file)
                                      from OFFSET as a hex dump, in the layout of hexdump -C
  hugefile patch FILE OFFSET HEXBYTES [--expect OLDHEX]
                                      overwrite bytes at OFFSET in place and flush them to disk; never grows the file;
                                      with --expect, only if the bytes there now are OLDHEX
  OFFSET, LEN: decimal (1234) or hex (0x4d2 or 4d2h). HEXBYTES, OLDHEX: "de ad be ef", deadbeef or 0xde,0xad`;

/** A dump prints about 4.3 bytes of text per byte: 64 MiB is already 280 MB of output. */
const MAX_DUMP = 64 * 1024 * 1024;
/** Bytes formatted at a time: a multiple of the 16-byte row, so rows continue across chunks. */
const DUMP_CHUNK = 1024 * 1024;

class UsageError extends Error {}

function parseCount(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, got ${text ?? 'nothing'}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be at least 1, got ${text}`);
  return n;
}

async function count(file: string): Promise<void> {
  const index = LineIndex.open(file, { workers: 2 });
  try {
    await index.whenComplete();
    process.stdout.write(`${index.lineCount}\n`);
  } finally {
    index.dispose();
  }
}

async function lines(file: string, start: number, howMany: number): Promise<void> {
  const index = LineIndex.open(file);
  try {
    const first = start - 1;
    const last = first + howMany - 1;
    await index.waitForLine(last);
    const total = index.isLineKnown(last) ? undefined : index.lineCount;
    if (total !== undefined && first >= total) throw new UsageError(`START ${start} is past the last line (${total})`);
    const end = total === undefined ? last : Math.min(last, total - 1);
    for (let n = first; n <= end; n++) {
      const { start: from, end: to } = index.lineBounds(n);
      writeOut(Buffer.concat([index.read(from, to - from), Buffer.from('\n')]));
    }
  } finally {
    index.dispose();
  }
}

function dump(file: string, offsetText: string, lengthText: string | undefined): void {
  const size = fs.statSync(file).size;
  const offset = parseOffset(offsetText, 0, size);
  const length = lengthText === undefined ? 256 : parseUnsigned(lengthText, 'LEN');
  if (length < 1 || length > MAX_DUMP) throw new UsageError(`LEN must be 1 to ${MAX_DUMP} (64 MiB), got ${lengthText}; dump a larger range in parts`);
  if (offset === size) throw new Error(`OFFSET ${offset} is the end of '${file}' (${size} bytes): nothing to dump`);
  const end = Math.min(size, offset + length);
  const reader = new WindowedReader(file, size);
  try {
    const chunk = Buffer.allocUnsafe(Math.min(DUMP_CHUNK, end - offset));
    for (let at = offset; at < end; at += chunk.length) {
      const n = Math.min(chunk.length, end - at);
      reader.read(at, chunk, n);
      writeOut(Buffer.from(formatDumpRows(chunk.subarray(0, n), at)));
    }
  } finally {
    reader.close();
  }
  writeOut(Buffer.from(`${formatDumpOffset(end)}\n`));
}

function patch(file: string, args: string[]): void {
  const expectText = takeOption(args, '--expect');
  if (args.length !== 2 || args.some((a) => a.startsWith('--'))) throw new UsageError(`patch takes FILE OFFSET HEXBYTES [--expect OLDHEX], got: ${[file, ...args].join(' ')}`);
  const bytes = parseHexArg(args[1], 'HEXBYTES');
  if (bytes.length === 0) throw new UsageError('HEXBYTES is empty: give the bytes to write, e.g. "de ad be ef"');
  const expect = expectText === undefined ? undefined : parseHexArg(expectText, 'OLDHEX');
  const offset = parseOffset(args[0], 0, fs.statSync(file).size);
  const { old, changed } = patchInPlace(file, offset, bytes, expect);
  const where = `${file}: ${bytes.length} byte${bytes.length === 1 ? '' : 's'} at offset ${offset} (0x${offset.toString(16)})`;
  process.stdout.write(changed
    ? `patched ${where}: ${formatHex(old)} -> ${formatHex(bytes)} (flushed to disk)\n`
    : `unchanged ${where}: already ${formatHex(old)}, nothing written\n`);
}

function parseHexArg(text: string, name: string): Uint8Array {
  try {
    return parseHexBytes(text);
  } catch (err) {
    throw new UsageError(`${name} "${text}": ${(err as Error).message}`);
  }
}

/** Removes `--name VALUE` or `--name=VALUE` from `args` and returns VALUE. */
function takeOption(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  if (args[i] !== name) return args.splice(i, 1)[0].slice(name.length + 1);
  if (i + 1 >= args.length) throw new UsageError(`${name} needs a value`);
  return args.splice(i, 2)[1];
}

function writeOut(data: Buffer): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(1, data, done);
}

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  try {
    if (command === 'count' && file && rest.length === 0) await count(file);
    else if (command === 'lines' && file && rest.length <= 2) await lines(file, parseCount(rest[0], 'START'), parseCount(rest[1], 'COUNT', 1));
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
    return 1;
  }
}

void main(process.argv.slice(2)).then((status) => process.exit(status));
