import { createHash } from 'crypto';
import { MAX_RANGES, Range } from './saveLayout';
import type { Owner } from './saveOwner';

/**
 * The journal's two records, both little-endian and checksummed:
 *
 *   offset 0     lock record   written when the journal is created: who is saving
 *   offset 512   header        written only once every old byte is durable
 *   dataOffset   old bytes of each saved range, back to back, in range order
 *
 * Both records share one layout (only the magic differs; the lock has no ranges):
 *
 *    0  8  magic          "HFEJLCK1" (lock) or "HFEJHDR1" (header)
 *    8  4  version        2 (1: without oldMtimeMs, still read)
 *   12  4  (zero)
 *   16  8  length         bytes of the record, checksum included
 *   24  8  oldSize        the file's size before the save
 *   32  8  newSize        its size after
 *   40  8  inode          of the file being saved (a journal never applies to another file)
 *   48  8  dataOffset     where the old bytes start (a multiple of 4096)
 *   56  8  rangeCount
 *   64  4  owner pid
 *   68  4  (zero)
 *   72  8  owner start time (Linux clock ticks)
 *   80  8  owner boot time (seconds since the epoch)
 *   88 16  owner boot id
 *  104  8  oldMtimeMs     the file's modification time before the save (float64, ms):
 *                        a rolled-back file has that content again, under a new time
 *  112 16n ranges: start, length (old-file offsets)
 *  end-32  SHA-256 of every byte before it
 */
export interface JournalRecord {
  complete: boolean;
  oldSize: number;
  newSize: number;
  inode: bigint;
  /** The file's mtimeMs before the save; NaN in a version 1 journal. */
  oldMtimeMs: number;
  dataOffset: number;
  ranges: Range[];
  owner: Owner;
}

export const LOCK_AT = 0;
export const HEADER_AT = 512;
const FIXED = 112;
/** Version 1 records end their fixed part before oldMtimeMs. */
const FIXED_V1 = 104;
const HASH = 32;
const VERSION = 2;
const LOCK_MAGIC = Buffer.from('HFEJLCK1', 'latin1');
const HEADER_MAGIC = Buffer.from('HFEJHDR1', 'latin1');
/** Records claiming more than this are corrupt: a save never writes more than MAX_RANGES ranges. */
const MAX_RECORD = FIXED + 16 * MAX_RANGES + HASH;

/** Bytes of a record with `rangeCount` ranges. */
export function recordLength(rangeCount: number, fixed = FIXED): number {
  return fixed + 16 * rangeCount + HASH;
}

/** Where the old bytes start for a journal with `rangeCount` ranges. */
export function dataOffsetFor(rangeCount: number): number {
  return Math.ceil((HEADER_AT + recordLength(rangeCount)) / 4096) * 4096;
}

/** Serializes a lock record (`complete: false`, ranges ignored) or a header. */
export function encodeRecord(r: JournalRecord): Buffer {
  const ranges = r.complete ? r.ranges : [];
  const length = recordLength(ranges.length);
  const buf = Buffer.alloc(length);
  (r.complete ? HEADER_MAGIC : LOCK_MAGIC).copy(buf, 0);
  buf.writeUInt32LE(VERSION, 8);
  writeU64(buf, 16, length);
  writeU64(buf, 24, r.oldSize);
  writeU64(buf, 32, r.newSize);
  buf.writeBigUInt64LE(r.inode, 40);
  writeU64(buf, 48, r.dataOffset);
  writeU64(buf, 56, ranges.length);
  buf.writeUInt32LE(r.owner.pid, 64);
  writeU64(buf, 72, r.owner.startTicks);
  buf.writeDoubleLE(r.owner.bootTime, 80);
  r.owner.bootId.copy(buf, 88, 0, 16);
  buf.writeDoubleLE(r.oldMtimeMs, 104);
  ranges.forEach((range, i) => {
    writeU64(buf, FIXED + 16 * i, range.start);
    writeU64(buf, FIXED + 16 * i + 8, range.end - range.start);
  });
  sha256(buf.subarray(0, length - HASH)).copy(buf, length - HASH);
  return buf;
}

/** Length a record claims in its first bytes (to know how much to read), or undefined if it is not one. */
export function claimedLength(head: Buffer): number | undefined {
  if (head.length < 24 || !(head.subarray(0, 8).equals(LOCK_MAGIC) || head.subarray(0, 8).equals(HEADER_MAGIC))) return undefined;
  const length = readU64(head, 16);
  return length >= recordLength(0, FIXED_V1) && length <= MAX_RECORD ? length : undefined;
}

/** Parses a record; undefined when it is missing, torn, or from an unknown version. */
export function decodeRecord(buf: Buffer): JournalRecord | undefined {
  const length = claimedLength(buf);
  if (length === undefined || buf.length < length) return undefined;
  if (!sha256(buf.subarray(0, length - HASH)).equals(buf.subarray(length - HASH, length))) return undefined;
  const version = buf.readUInt32LE(8);
  if (version !== VERSION && version !== 1) return undefined;
  const fixed = version === 1 ? FIXED_V1 : FIXED;
  const complete = buf.subarray(0, 8).equals(HEADER_MAGIC);
  const count = readU64(buf, 56);
  if (length !== recordLength(count, fixed) || (!complete && count !== 0)) return undefined;
  const ranges: Range[] = [];
  for (let i = 0; i < count; i++) {
    const start = readU64(buf, fixed + 16 * i);
    ranges.push({ start, end: start + readU64(buf, fixed + 16 * i + 8) });
  }
  const record: JournalRecord = {
    complete,
    oldSize: readU64(buf, 24),
    newSize: readU64(buf, 32),
    inode: buf.readBigUInt64LE(40),
    oldMtimeMs: version === 1 ? Number.NaN : buf.readDoubleLE(104),
    dataOffset: readU64(buf, 48),
    ranges,
    owner: {
      pid: buf.readUInt32LE(64),
      startTicks: readU64(buf, 72),
      bootTime: buf.readDoubleLE(80),
      bootId: Buffer.from(buf.subarray(88, 104)),
    },
  };
  return complete && !consistent(record, length) ? undefined : record;
}

/** A checksummed header is ours, but a bad one must never steer writes into the file. */
function consistent(r: JournalRecord, length: number): boolean {
  if (r.dataOffset < HEADER_AT + length) return false;
  let last = 0;
  for (const range of r.ranges) {
    if (range.start < last || range.end <= range.start || range.end > r.oldSize) return false;
    last = range.end;
  }
  return true;
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Offsets are JS numbers (exact to 2^53) stored as u64 without 32-bit math. */
function writeU64(buf: Buffer, at: number, value: number): void {
  buf.writeBigUInt64LE(BigInt(value), at);
}

function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
