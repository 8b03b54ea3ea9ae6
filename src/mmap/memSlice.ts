import { usageError } from './errors';
import { MemFile, readBytes } from './memFile';

/**
 * A (address, size) view of one record in a mapped file, the port of Nim's
 * `MemSlice`. It owns nothing: valid only while its MemFile is open and unresized.
 */
export class MemSlice {
  constructor(
    /** Address of the record's first byte. */
    readonly data: number,
    /** Length in bytes, without the delimiter (and without an eaten `\r`). */
    readonly size: number,
  ) {}

  /** True when both slices hold the same bytes (Nim's `==`); compares in bounded scratch buffers. */
  equals(other: MemSlice): boolean {
    if (this.size !== other.size) return false;
    for (let done = 0; done < this.size; done += COMPARE_CHUNK) {
      const n = Math.min(COMPARE_CHUNK, this.size - done);
      if (!readBytes(this.data + done, n).equals(readBytes(other.data + done, n))) return false;
    }
    return true;
  }

  /** The bytes, decoded (Nim's `$`); UTF-8 by default, invalid sequences become U+FFFD. */
  toString(encoding: BufferEncoding = 'utf8'): string {
    return this.bytes().toString(encoding);
  }

  /** A copy of the bytes. */
  bytes(): Buffer {
    return readBytes(this.data, this.size);
  }
}

const COMPARE_CHUNK = 64 * 1024;
const SCAN_CHUNK = 1024 * 1024;

/** A delimiter or eat character: a one-character string or a byte value. */
export type ByteLike = string | number;

function toByte(name: string, value: ByteLike): number {
  const byte = typeof value === 'string' && value.length === 1 ? value.charCodeAt(0) : value;
  if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < 0 || byte > 255) {
    throw usageError('ERR_INVALID_ARG_VALUE', `${name} must be one byte (a 1-character string or 0..255); got ${String(value)}`);
  }
  return byte;
}

/** One record found by `scanRecords`: file offset and length, and where it sits in the chunk if wholly inside it. */
interface Record {
  start: number;
  length: number;
  chunk: Buffer;
  /** Offset of the record in `chunk`, or -1 when it began in an earlier chunk. */
  inChunk: number;
}

/**
 * Walks the file in 1 MiB copies and yields each record the way Nim's memSlices
 * does: `delim` ends a record; one `eat` byte right before it is dropped (unless
 * `eat` is 0); a final record without delimiter is yielded as is (Nim does not eat
 * there either); an empty file yields nothing.
 */
function* scanRecords(mfile: MemFile, delim: ByteLike, eat: ByteLike): Generator<Record> {
  const d = toByte('delim', delim);
  const e = toByte('eat', eat);
  const size = mfile.size;
  const chunk = Buffer.allocUnsafe(Math.min(SCAN_CHUNK, Math.max(size, 1)));
  const record: Record = { start: 0, length: 0, chunk, inChunk: -1 };
  let recordStart = 0;
  let prevByte = -1;
  let base = 0;
  for (; base < size; base += chunk.length) {
    const n = Math.min(chunk.length, size - base);
    mfile.readInto(base, chunk, 0, n);
    const view = n === chunk.length ? chunk : chunk.subarray(0, n);
    for (let at = view.indexOf(d); at !== -1; at = view.indexOf(d, at + 1)) {
      const end = base + at;
      const before = at > 0 ? view[at - 1] : prevByte;
      record.start = recordStart;
      record.length = end - recordStart;
      if (e !== 0 && record.length > 0 && before === e) record.length--;
      record.inChunk = recordStart >= base ? recordStart - base : -1;
      yield record;
      recordStart = end + 1;
    }
    prevByte = view[n - 1];
  }
  if (recordStart < size) {
    const lastBase = base - chunk.length;
    record.start = recordStart;
    record.length = size - recordStart;
    record.inChunk = recordStart >= lastBase ? recordStart - lastBase : -1;
    yield record;
  }
}

/**
 * Yields a `MemSlice` per record (Nim's `memSlices`). The default delimiter is `\n`
 * and a `\r` before it is eaten; pass `eat: 0` or `'\0'` to keep it. Slices are
 * invalidated by `close` and `resize`; the file shrinking makes reading them throw EFAULT.
 */
export function* memSlices(mfile: MemFile, delim: ByteLike = '\n', eat: ByteLike = '\r'): Generator<MemSlice> {
  const mem = mfile.mem;
  for (const r of scanRecords(mfile, delim, eat)) yield new MemSlice(mem + r.start, r.length);
}

/** Yields each record as a UTF-8 string (Nim's `lines(mfile)`). */
export function* lines(mfile: MemFile, delim: ByteLike = '\n', eat: ByteLike = '\r'): Generator<string> {
  for (const r of scanRecords(mfile, delim, eat)) {
    yield r.inChunk >= 0 ? r.chunk.toString('utf8', r.inChunk, r.inChunk + r.length) : mfile.read(r.start, r.length).toString('utf8');
  }
}

/**
 * Yields each record as a view of one reused Buffer (Nim's `lines(mfile, buf)`):
 * no allocation per line, and bytes are not decoded. A yielded view is overwritten
 * by the next iteration; copy it to keep it. `buf` grows (is replaced) for longer records.
 */
export function* lineBuffers(mfile: MemFile, buf: Buffer = Buffer.allocUnsafe(256), delim: ByteLike = '\n', eat: ByteLike = '\r'): Generator<Buffer> {
  let out = buf;
  for (const r of scanRecords(mfile, delim, eat)) {
    if (r.length > out.length) out = Buffer.allocUnsafe(Math.max(r.length, out.length * 2));
    if (r.inChunk >= 0) r.chunk.copy(out, 0, r.inChunk, r.inChunk + r.length);
    else mfile.readInto(r.start, out, 0, r.length);
    yield out.subarray(0, r.length);
  }
}
