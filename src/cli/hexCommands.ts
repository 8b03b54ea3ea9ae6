import * as fs from 'fs';
import { patchInPlace } from '../edits/patchInPlace';
import { formatDumpOffset, formatDumpRows, formatHex, parseHexBytes } from '../hex/hexDump';
import { parseOffset, parseUnsigned } from '../hex/offsetExpr';
import { fileReaders } from '../lines/readers/fileReaders';
import { writeAll } from './output';
import { UsageError } from './usageError';

/** The `dump` and `patch` commands: bytes of any file, by offset. */
export const hexUsage = `  hugefile dump FILE OFFSET [LEN]     print LEN bytes (default 256, at most 64 MiB; fewer at the end of the file)
                                      from OFFSET as a hex dump, in the layout of hexdump -C
  hugefile patch FILE OFFSET HEXBYTES [--expect OLDHEX]
                                      overwrite bytes at OFFSET in place and flush them to disk; never grows the file;
                                      with --expect, only if the bytes there now are OLDHEX
  OFFSET, LEN: decimal (1234) or hex (0x4d2 or 4d2h). HEXBYTES, OLDHEX: "de ad be ef", deadbeef or 0xde,0xad`;

/** A dump prints about 4.3 bytes of text per byte: 64 MiB is already 280 MB of output. */
const MAX_DUMP = 64 * 1024 * 1024;
/** Bytes formatted at a time: a multiple of the 16-byte row, so rows continue across chunks. */
const DUMP_CHUNK = 1024 * 1024;

/** `hugefile dump FILE OFFSET [LEN]`: a hex dump in the layout of hexdump -C. */
export function dump(file: string, offsetText: string, lengthText: string | undefined): void {
  const size = fs.statSync(file).size;
  const offset = parseOffset(offsetText, 0, size);
  const length = lengthText === undefined ? 256 : parseUnsigned(lengthText, 'LEN');
  if (length < 1 || length > MAX_DUMP) throw new UsageError(`LEN must be 1 to ${MAX_DUMP} (64 MiB), got ${lengthText}; dump a larger range in parts`);
  if (offset === size) throw new Error(`OFFSET ${offset} is the end of '${file}' (${size} bytes): nothing to dump`);
  const end = Math.min(size, offset + length);
  const reader = fileReaders.openSequential(file, size);
  try {
    const chunk = Buffer.allocUnsafe(Math.min(DUMP_CHUNK, end - offset));
    for (let at = offset; at < end; at += chunk.length) {
      const n = Math.min(chunk.length, end - at);
      reader.readInto(at, chunk, 0, n);
      writeAll(1, Buffer.from(formatDumpRows(chunk.subarray(0, n), at)));
    }
  } finally {
    reader.close();
  }
  writeAll(1, Buffer.from(`${formatDumpOffset(end)}\n`));
}

/** `hugefile patch FILE OFFSET HEXBYTES [--expect OLDHEX]`: overwrite bytes in place, flushed. */
export function patch(file: string, args: string[]): void {
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
