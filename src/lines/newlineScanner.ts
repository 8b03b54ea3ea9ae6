/**
 * Fast byte (newline) scanning over file chunks: count a delimiter, record every K-th
 * one as a line-index checkpoint, find the n-th one, and find the candidate starts of
 * a substring (probe). No `vscode` import.
 *
 * Two interchangeable implementations:
 * - `wasm-simd`: a 1 KiB WebAssembly SIMD module (source: newlineScanner.wat, bytes
 *   embedded below), 64 bytes per iteration. Used whenever the runtime validates it.
 * - `js`: Buffer.indexOf (memchr) loops, for runtimes without WebAssembly SIMD.
 *
 * Why callers should read into `scanBuffer()`: the kernels can only see WebAssembly
 * memory. A chunk that lives elsewhere is copied in 64 KiB pieces first: one more
 * memcpy of every byte, which scripts/bench-scan.js shows costs more than the scan
 * itself. `scanBuffer(size)` instead hands out a Buffer that *is* the scanner's memory,
 * so `fs.readSync`, or a koffi memcpy / process_vm_readv out of the mapping, writes
 * straight where the kernels read. That memory is an ordinary V8-owned ArrayBuffer, so
 * this stays within Electron's memory cage (design rule 2).
 *
 * Chunks are at most 1 GiB (the indexer uses 1 MiB), so positions inside the kernels
 * fit 32 bits; running line counts (`startIndex`) and `base` offsets are plain JS
 * numbers, exact to 2^53, and never pass through 32-bit math.
 */

export type ScannerKind = 'wasm-simd' | 'js';

export interface NewlineScanner {
  readonly kind: ScannerKind;
  /**
   * A Buffer of `size` bytes to read chunks into; passing it (or a prefix of it) to the
   * scan functions avoids a copy. Asking for more than any earlier call grows the
   * scanner's memory and makes earlier buffers unusable (zero length), so ask once for
   * the largest chunk size you will use.
   */
  scanBuffer(size: number): Buffer;
  /** Number of bytes equal to `byte` in chunk[0..length). */
  countByte(chunk: Buffer, length: number, byte?: number): number;
  /**
   * Counts `byte` in chunk[0..length) and records checkpoints: the delimiter with global
   * ordinal `startIndex + i + 1` (i = its 0-based rank in this chunk) is a checkpoint
   * when that ordinal is a multiple of `every`. For each checkpoint, in order,
   * `base + position` is stored in `out` from `outStart` on; position is the delimiter's
   * chunk-relative offset (pass base = fileOffset + 1 to store line-start offsets).
   *
   * Returns the number of delimiters in the chunk, so the next call gets
   * `startIndex + result`. The number stored is `checkpointsIn(startIndex, result, every)`;
   * `out` needs room for at most ceil(length / every) entries. If it runs out, a
   * RangeError is thrown (entries before the failing piece may already be written).
   */
  checkpoints(
    chunk: Buffer, length: number, byte: number, every: number, startIndex: number,
    out: Float64Array, outStart?: number, base?: number,
  ): number;
  /** Chunk-relative offset of the n-th (0-based) byte equal to `byte`, or -1. */
  nthByte(chunk: Buffer, length: number, byte: number, n: number): number;
  /**
   * The prefilter of a substring search: offsets i in [from, to), in order, where
   * chunk[i + p.offset] === p.byte for each of `probes` (1 to 3, e.g. the needle's
   * rarest bytes). Writes at most out.length of them to `out` and returns how many; a
   * full `out` means "call again after the last one". Requires to + every offset <=
   * chunk.length. The SIMD kernel tests 64 positions at a time.
   */
  probe(chunk: Buffer, from: number, to: number, probes: readonly Probe[], out: Uint32Array): number;
}

/** A byte a substring search expects `offset` bytes after a candidate start. */
export interface Probe {
  offset: number;
  byte: number;
}

/** How many checkpoints a chunk holding `count` delimiters produces after `startIndex`. */
export function checkpointsIn(startIndex: number, count: number, every: number): number {
  return Math.floor((startIndex + count) / every) - Math.floor(startIndex / every);
}

// wat2wasm output of newlineScanner.wat (see the header of that file for the commands).
const WASM_BASE64 =
  'AGFzbQEAAAABKARgA39/fwF/YAR/f39/AX9gBn9/f39/fwF/YAp/f39/f39/f39/AX8CDwEDZW52Bm1lbW9y' +
  'eQIAAQMFBAABAgMHHwQFY291bnQAAANudGgAAQVtYXJrcwACBXByb2JlAAMKyQoEywECA3sDfyAC/Q8hAyAA' +
  'IAFBQHFqIQYCQANAIAAgBk8NASAAQcAfaiEHIAcgBksEQCAGIQcL/QwAAAAAAAAAAAAAAAAAAAAAIQQDQCAE' +
  'IAD9AAQAIAP9IyAA/QAEECAD/SP9biAA/QAEICAD/SMgAP0ABDAgA/0j/W79bv1xIQQgAEHAAGohACAAIAdJ' +
  'DQALIAT9ff1/IQUgCCAF/RsAIAX9GwFqIAX9GwIgBf0bA2pqaiEIDAALCyAIIAAgAUE/cSACQX9BAEEAEAJq' +
  'C9sBBAF7An8BfgJ/IAL9DyEEIAAhBSAAIAFqIQYgAyEJAkADQCAAIAZPDQEgAP0ABAAgBP0j/WStIAD9AAQQ' +
  'IAT9I/1krUIQhoQgAP0ABCAgBP0j/WStQiCGIAD9AAQwIAT9I/1krUIwhoSEIQcgBiAAa0HAAEkEQCAHQgEg' +
  'BiAAa62GQgF9gyEHCyAHe6chCCADIAhJBEACQANAIANFDQEgByAHQgF9gyEHIANBAWshAwwACwsgACAFayAH' +
  'eqdqDwsgAyAIayEDIABBwABqIQAMAAsLQX8gCSADa2sLqQQEAnsCfwF+A38gAv0PIQYgACEIIAAgAWohCQJA' +
  'A0AgACAJTw0BIAkgAGtBgAJPBEAgAP0ABAAgBv0jIAD9AAQQIAb9I/1uIAD9AAQgIAb9IyAA/QAEMCAG/SP9' +
  'bv1uIQcgByAA/QAEQCAG/SMgAP0ABFAgBv0j/W4gAP0ABGAgBv0jIAD9AARwIAb9I/1u/W79biEHIAcgAP0A' +
  'BIABIAb9IyAA/QAEkAEgBv0j/W4gAP0ABKABIAb9IyAA/QAEsAEgBv0j/W79bv1uIQcgByAA/QAEwAEgBv0j' +
  'IAD9AATQASAG/SP9biAA/QAE4AEgBv0jIAD9AATwASAG/SP9bv1u/W4hByAH/WH9ff1/IQcgB/0bACAH/RsB' +
  'aiAH/RsCIAf9GwNqaiELIAsgA0kEQCANIAtqIQ0gAyALayEDIABBgAJqIQAMAgsLIAD9AAQAIAb9I/1krSAA' +
  '/QAEECAG/SP9ZK1CEIaEIAD9AAQgIAb9I/1krUIghiAA/QAEMCAG/SP9ZK1CMIaEhCEKIAkgAGtBwABJBEAg' +
  'CkIBIAkgAGuthkIBfYMhCgsgCnunIQsgDSALaiENAkADQCALIANJDQEgCyADayELIANBAWshDAJAA0AgDEUN' +
  'ASAKIApCAX2DIQogDEEBayEMDAALCyAFIAAgCGsgCnqnajYCACAFQQRqIQUgCiAKQgF9gyEKIAQhAwwACwsg' +
  'AyALayEDIABBwABqIQAMAAsLIA0L8QIEB3sFfwF+AX8gA/0PIQogBf0PIQsgB/0PIQwgACEUIAAgAWohFQJA' +
  'A0AgFCAVTw0BIBQgAmohESAUIARqIRIgFCAGaiETIBH9AAQAIAr9IyAS/QAEACAL/SP9TiAT/QAEACAM/SP9' +
  'TiENIBH9AAQQIAr9IyAS/QAEECAL/SP9TiAT/QAEECAM/SP9TiEOIBH9AAQgIAr9IyAS/QAEICAL/SP9TiAT' +
  '/QAEICAM/SP9TiEPIBH9AAQwIAr9IyAS/QAEMCAL/SP9TiAT/QAEMCAM/SP9TiEQIA0gDv1QIA8gEP1Q/VD9' +
  'UwRAIA39ZK0gDv1krUIQhoQgD/1krUIghiAQ/WStQjCGhIQhFiAVIBRrQcAASQRAIBZCASAVIBRrrYZCAX2D' +
  'IRYLAkADQCAWUA0BIAggF0ECdGogFCAAayAWeqdqNgIAIBdBAWohFyAXIAlGDQQgFiAWQgF9gyEWDAALCwsg' +
  'FEHAAGohFAwACwsgFws=';

interface Kernels {
  count(p: number, len: number, byte: number): number;
  nth(p: number, len: number, byte: number, n: number): number;
  marks(p: number, len: number, byte: number, need: number, every: number, out: number): number;
  probe(p: number, len: number, o0: number, b0: number, o1: number, b1: number, o2: number, b2: number, out: number, cap: number): number;
}

// Memory layout. Kernels read up to 63 bytes past a range, hence SLACK after each area.
const PAGE = 65536;
const SLACK = 64;
const OUT = 0; // checkpoint offsets, u32, from `marks`
const OUT_CAP = 16384;
const STAGE = OUT + OUT_CAP * 4; // foreign chunks are copied here piece by piece
const STAGE_BYTES = 65536; // small enough to stay in L2 between copy and scan
const SCAN = STAGE + STAGE_BYTES + SLACK; // scanBuffer() area, to the end of memory
const MAX_SCAN_BYTES = 1 << 30; // keeps counts and positions far from i32 overflow

let wasmModule: WebAssembly.Module | null | undefined;

function compiledModule(): WebAssembly.Module | null {
  if (wasmModule === undefined) {
    const bytes = Buffer.from(WASM_BASE64, 'base64');
    // validate() is false when SIMD is unsupported; WebAssembly itself may be absent (--jitless).
    wasmModule = typeof WebAssembly === 'object' && WebAssembly.validate(bytes)
      ? new WebAssembly.Module(bytes) : null;
  }
  return wasmModule;
}

/** True when this runtime can run the WebAssembly SIMD scanner. */
export function simdAvailable(): boolean {
  return compiledModule() !== null;
}

function checkRange(chunk: Buffer, length: number, byte: number): void {
  if (!Number.isInteger(length) || length < 0 || length > chunk.length) {
    throw new RangeError(`length ${length} outside 0..${chunk.length}`);
  }
  if (!Number.isInteger(byte) || byte < 0 || byte > 255) throw new RangeError(`byte ${byte} is not 0..255`);
}

function checkCheckpointArgs(every: number, startIndex: number, out: Float64Array, outStart: number): void {
  if (!Number.isInteger(every) || every < 1 || every > 2 ** 30) throw new RangeError(`every ${every} is not 1..2^30`);
  if (!Number.isSafeInteger(startIndex) || startIndex < 0) throw new RangeError(`bad startIndex ${startIndex}`);
  if (!Number.isInteger(outStart) || outStart < 0 || outStart > out.length) {
    throw new RangeError(`outStart ${outStart} outside 0..${out.length}`);
  }
}

function checkProbes(chunk: Buffer, from: number, to: number, probes: readonly Probe[], out: Uint32Array): void {
  if (probes.length < 1 || probes.length > 3) throw new RangeError(`expected 1 to 3 probes, got ${probes.length}`);
  for (const p of probes) {
    if (!Number.isInteger(p.offset) || p.offset < 0) throw new RangeError(`bad probe offset ${p.offset}`);
    if (!Number.isInteger(p.byte) || p.byte < 0 || p.byte > 255) throw new RangeError(`probe byte ${p.byte} is not 0..255`);
  }
  const reach = to + Math.max(...probes.map((p) => p.offset));
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from > to || reach > chunk.length) {
    throw new RangeError(`probe range ${from}..${to} (reaching ${reach}) outside 0..${chunk.length}`);
  }
  if (out.length === 0) throw new RangeError('probe output has no room');
}

/** probe() with Buffer#indexOf (memchr) on the first probe's byte. */
function probeWithIndexOf(chunk: Buffer, from: number, to: number, probes: readonly Probe[], out: Uint32Array): number {
  const [first] = probes;
  let n = 0;
  for (let i = chunk.indexOf(first.byte, from + first.offset); i >= 0; i = chunk.indexOf(first.byte, i + 1)) {
    const start = i - first.offset;
    if (start >= to) break;
    if (probes.every((p) => chunk[start + p.offset] === p.byte)) {
      out[n++] = start;
      if (n === out.length) break;
    }
  }
  return n;
}

class WasmScanner implements NewlineScanner {
  readonly kind = 'wasm-simd' as const;
  private readonly memory: WebAssembly.Memory;
  private readonly k: Kernels;
  // Views die when memory grows; only scanBuffer() grows it, and it renews them.
  private bytes!: Buffer;
  private offsets!: Uint32Array;

  constructor(module: WebAssembly.Module) {
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((SCAN + SLACK) / PAGE) });
    const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
    this.k = instance.exports as unknown as Kernels;
    this.renewViews();
  }

  private renewViews(): void {
    this.bytes = Buffer.from(this.memory.buffer);
    this.offsets = new Uint32Array(this.memory.buffer, OUT, OUT_CAP);
  }

  scanBuffer(size: number): Buffer {
    if (!Number.isInteger(size) || size < 0 || size > MAX_SCAN_BYTES) throw new RangeError(`bad scan size ${size}`);
    const need = SCAN + size + SLACK;
    if (need > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / PAGE));
      this.renewViews();
    }
    return Buffer.from(this.memory.buffer, SCAN, size);
  }

  /** Kernel address of chunk[0], or -1 when the chunk is not in our memory and must be copied. */
  private addressOf(chunk: Buffer, length: number): number {
    return chunk.buffer === this.memory.buffer && chunk.byteOffset >= SCAN &&
      chunk.byteOffset + length + SLACK <= this.memory.buffer.byteLength ? chunk.byteOffset : -1;
  }

  countByte(chunk: Buffer, length: number, byte = 10): number {
    checkRange(chunk, length, byte);
    const at = this.addressOf(chunk, length);
    if (at >= 0) return this.k.count(at, length, byte);
    let total = 0;
    for (let off = 0; off < length; off += STAGE_BYTES) {
      const len = Math.min(STAGE_BYTES, length - off);
      chunk.copy(this.bytes, STAGE, off, off + len);
      total += this.k.count(STAGE, len, byte);
    }
    return total;
  }

  nthByte(chunk: Buffer, length: number, byte: number, n: number): number {
    checkRange(chunk, length, byte);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad n ${n}`);
    if (n >= length) return -1; // also keeps n within i32 for the kernel
    const at = this.addressOf(chunk, length);
    if (at >= 0) return Math.max(this.k.nth(at, length, byte, n), -1);
    for (let off = 0; off < length; off += STAGE_BYTES) {
      const len = Math.min(STAGE_BYTES, length - off);
      chunk.copy(this.bytes, STAGE, off, off + len);
      const r = this.k.nth(STAGE, len, byte, n);
      if (r >= 0) return off + r;
      n -= -1 - r; // r = -1 - (matches in this piece)
    }
    return -1;
  }

  probe(chunk: Buffer, from: number, to: number, probes: readonly Probe[], out: Uint32Array): number {
    checkProbes(chunk, from, to, probes, out);
    const at = this.addressOf(chunk, to + Math.max(...probes.map((p) => p.offset)));
    if (at < 0) return probeWithIndexOf(chunk, from, to, probes, out);
    const [p0, p1 = p0, p2 = p1] = probes;
    const n = this.k.probe(at + from, to - from, p0.offset, p0.byte, p1.offset, p1.byte, p2.offset, p2.byte, OUT, Math.min(out.length, OUT_CAP));
    const offsets = this.offsets;
    for (let i = 0; i < n; i++) out[i] = from + offsets[i];
    return n;
  }

  checkpoints(
    chunk: Buffer, length: number, byte: number, every: number, startIndex: number,
    out: Float64Array, outStart = 0, base = 0,
  ): number {
    checkRange(chunk, length, byte);
    checkCheckpointArgs(every, startIndex, out, outStart);
    const at = this.addressOf(chunk, length);
    // A piece of OUT_CAP * every bytes holds at most OUT_CAP checkpoints, so the kernel
    // never writes past its offsets area; with every >= 64 a 1 MiB chunk is one call.
    const piece = Math.min(OUT_CAP * every, at >= 0 ? MAX_SCAN_BYTES : STAGE_BYTES);
    const offsets = this.offsets;
    let seen = startIndex;
    let w = outStart;
    for (let off = 0; off < length; off += piece) {
      const len = Math.min(piece, length - off);
      let p = at + off;
      if (at < 0) {
        chunk.copy(this.bytes, STAGE, off, off + len);
        p = STAGE;
      }
      const c = this.k.marks(p, len, byte, every - (seen % every), every, OUT);
      const stored = checkpointsIn(seen, c, every);
      if (w + stored > out.length) throw new RangeError(`checkpoint output full at ${out.length} entries`);
      const pieceBase = base + off;
      for (let i = 0; i < stored; i++) out[w + i] = pieceBase + offsets[i];
      w += stored;
      seen += c;
    }
    return seen - startIndex;
  }
}

class JsScanner implements NewlineScanner {
  readonly kind = 'js' as const;
  private buffer = Buffer.alloc(0);

  scanBuffer(size: number): Buffer {
    if (!Number.isInteger(size) || size < 0 || size > MAX_SCAN_BYTES) throw new RangeError(`bad scan size ${size}`);
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(size);
    return this.buffer.subarray(0, size);
  }

  // indexOf is memchr underneath: ~3x a JS byte loop on log-like text (design.md table).
  countByte(chunk: Buffer, length: number, byte = 10): number {
    checkRange(chunk, length, byte);
    const view = chunk.subarray(0, length);
    let n = 0;
    for (let i = view.indexOf(byte); i >= 0; i = view.indexOf(byte, i + 1)) n++;
    return n;
  }

  nthByte(chunk: Buffer, length: number, byte: number, n: number): number {
    checkRange(chunk, length, byte);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad n ${n}`);
    if (n >= length) return -1;
    const view = chunk.subarray(0, length);
    let i = view.indexOf(byte);
    for (; i >= 0 && n > 0; n--) i = view.indexOf(byte, i + 1);
    return i;
  }

  probe(chunk: Buffer, from: number, to: number, probes: readonly Probe[], out: Uint32Array): number {
    checkProbes(chunk, from, to, probes, out);
    return probeWithIndexOf(chunk, from, to, probes, out);
  }

  checkpoints(
    chunk: Buffer, length: number, byte: number, every: number, startIndex: number,
    out: Float64Array, outStart = 0, base = 0,
  ): number {
    checkRange(chunk, length, byte);
    checkCheckpointArgs(every, startIndex, out, outStart);
    const view = chunk.subarray(0, length);
    let need = every - (startIndex % every);
    let w = outStart;
    let n = 0;
    for (let i = view.indexOf(byte); i >= 0; i = view.indexOf(byte, i + 1)) {
      n++;
      if (--need === 0) {
        if (w >= out.length) throw new RangeError(`checkpoint output full at ${out.length} entries`);
        out[w++] = base + i;
        need = every;
      }
    }
    return n;
  }
}

/**
 * A new scanner with its own memory (one per worker thread is the intended use).
 * simd: true requires WebAssembly SIMD, false forces the JS path, absent picks the best.
 */
export function createScanner(options: { simd?: boolean } = {}): NewlineScanner {
  const module = options.simd === false ? null : compiledModule();
  if (module) return new WasmScanner(module);
  if (options.simd === true) throw new Error('WebAssembly SIMD is not available in this runtime');
  return new JsScanner();
}

let shared: NewlineScanner | undefined;

/** The scanner behind the module-level functions below, created on first use. */
export function defaultScanner(): NewlineScanner {
  return (shared ??= createScanner());
}

export function scanBuffer(size: number): Buffer {
  return defaultScanner().scanBuffer(size);
}

export function countByte(chunk: Buffer, length: number, byte = 10): number {
  return defaultScanner().countByte(chunk, length, byte);
}

export function checkpoints(
  chunk: Buffer, length: number, byte: number, every: number, startIndex: number,
  out: Float64Array, outStart = 0, base = 0,
): number {
  return defaultScanner().checkpoints(chunk, length, byte, every, startIndex, out, outStart, base);
}

export function nthByte(chunk: Buffer, length: number, byte: number, n: number): number {
  return defaultScanner().nthByte(chunk, length, byte, n);
}
