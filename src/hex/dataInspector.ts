/**
 * The data inspector: the bytes at the caret read as numbers and as a UTF-8
 * character, and a typed value encoded back to bytes. Pure (DataView, no Buffer):
 * bundled into the webview as well as the host.
 */

/** The rows, in display order. */
export const inspectorLabels = [
  'binary', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'UTF-8',
] as const;

export type InspectorLabel = (typeof inspectorLabels)[number];

export interface InspectorRow {
  label: InspectorLabel;
  /** The value as text; "—" when the row's bytes run past the end of the data. */
  value: string;
  /** Bytes the value occupies from the caret (for UTF-8, the character's length; 1 if invalid). */
  byteLength: number;
  /** Whether `encodeValue` accepts this row: false for rows past the end of the data. */
  editable: boolean;
}

/** Shown for a row whose bytes run past the end of the data. */
export const PAST_END = '—';

interface IntType {
  bytes: 1 | 2 | 4 | 8;
  signed: boolean;
}

const intTypes: Partial<Record<InspectorLabel, IntType>> = {
  int8: { bytes: 1, signed: true },
  uint8: { bytes: 1, signed: false },
  int16: { bytes: 2, signed: true },
  uint16: { bytes: 2, signed: false },
  int32: { bytes: 4, signed: true },
  uint32: { bytes: 4, signed: false },
  int64: { bytes: 8, signed: true },
  uint64: { bytes: 8, signed: false },
};

/**
 * The inspector rows for `bytes` (the data from the caret on; 8 bytes are enough
 * for every row, fewer near the end of a file). Never throws: rows that need more
 * bytes than given read "—".
 */
export function inspect(bytes: Uint8Array, littleEndian: boolean): InspectorRow[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return inspectorLabels.map((label) => {
    const byteLength = label === 'UTF-8' ? utf8Length(bytes) : fixedLength(label);
    if (byteLength > bytes.length) return { label, value: PAST_END, byteLength, editable: false };
    return { label, value: readValue(label, view, littleEndian), byteLength, editable: true };
  });
}

function fixedLength(label: InspectorLabel): number {
  if (label === 'float32') return 4;
  if (label === 'float64') return 8;
  return intTypes[label]?.bytes ?? 1;
}

function readValue(label: InspectorLabel, view: DataView, le: boolean): string {
  switch (label) {
    case 'binary': return view.getUint8(0).toString(2).padStart(8, '0');
    case 'float32': return formatFloat32(view.getFloat32(0, le));
    case 'float64': return formatNumber(view.getFloat64(0, le));
    case 'UTF-8': return describeUtf8(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    default: return readInt(intTypes[label] as IntType, view, le).toString();
  }
}

function readInt(t: IntType, view: DataView, le: boolean): bigint {
  switch (t.bytes) {
    case 1: return BigInt(t.signed ? view.getInt8(0) : view.getUint8(0));
    case 2: return BigInt(t.signed ? view.getInt16(0, le) : view.getUint16(0, le));
    case 4: return BigInt(t.signed ? view.getInt32(0, le) : view.getUint32(0, le));
    case 8: return t.signed ? view.getBigInt64(0, le) : view.getBigUint64(0, le);
  }
}

function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The shortest decimal that reads back as the same float32 (String() would show float64 noise: 0.1 → 0.10000000149011612). */
function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(v.toPrecision(digits));
    if (Object.is(Math.fround(shorter), v)) return formatNumber(shorter);
  }
  return formatNumber(v);
}

/** Length of the UTF-8 sequence announced by the first byte; 1 for a byte that cannot start one. */
function utf8Length(bytes: Uint8Array): number {
  const b = bytes[0] ?? 0;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  return 1;
}

// fatal: overlong forms, surrogates and bad continuations are errors, not U+FFFD; ignoreBOM keeps U+FEFF.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function describeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes.subarray(0, utf8Length(bytes)));
  } catch {
    return 'invalid UTF-8';
  }
  const cp = text.codePointAt(0) as number;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(text) ? `${text} (${code})` : code;
}

/**
 * The bytes for `text` typed into the row `label`: integers in decimal or `0x`
 * hex (for signed rows, hex up to the type's width is the two's-complement bit
 * pattern: int8 `0xff` is -1), floats as JS numbers (`1.5e3`, `NaN`, `-Infinity`),
 * binary as up to 8 digits `0`/`1`, UTF-8 as exactly one character. The result
 * has the row's byte length (for UTF-8, the character's). Throws SyntaxError for
 * text that is not a value of that kind, RangeError when the value does not fit.
 */
export function encodeValue(label: InspectorLabel, text: string, littleEndian: boolean): Uint8Array {
  const t = text.trim();
  if (label === 'UTF-8') return encodeChar(text);
  if (label === 'binary') {
    const m = /^(?:0b)?([01]{1,8})$/i.exec(t);
    if (!m) throw new SyntaxError(`"${t}" is not a byte in binary: use up to 8 digits 0 and 1`);
    return Uint8Array.of(parseInt(m[1], 2));
  }
  if (label === 'float32' || label === 'float64') return encodeFloat(label, t, littleEndian);
  const type = intTypes[label];
  if (!type) throw new RangeError(`unknown inspector row "${String(label)}"`);
  return encodeInt(label, type, t, littleEndian);
}

function encodeInt(label: InspectorLabel, type: IntType, t: string, le: boolean): Uint8Array {
  const m = /^([+-]?)(?:(\d+)|0x([0-9a-f]+))$/i.exec(t);
  if (!m) throw new SyntaxError(`"${t}" is not an integer: use decimal (-42) or hex (0x2a)`);
  const bits = BigInt(type.bytes * 8);
  const magnitude = BigInt(m[2] !== undefined ? m[2] : `0x${m[3]}`);
  let value = m[1] === '-' ? -magnitude : magnitude;
  const min = type.signed ? -(1n << (bits - 1n)) : 0n;
  const max = type.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  const isPattern = type.signed && m[3] !== undefined && m[1] === '' && value > max && value < 1n << bits;
  if (isPattern) value -= 1n << bits;
  if (value < min || value > max) {
    const range = type.signed ? `${min} to ${max} (or 0x0 to 0x${((1n << bits) - 1n).toString(16)})` : `0 to ${max}`;
    throw new RangeError(`${t} does not fit in ${label}: the range is ${range}`);
  }
  const out = new Uint8Array(type.bytes);
  const view = new DataView(out.buffer);
  const unsigned = BigInt.asUintN(type.bytes * 8, value);
  if (type.bytes === 8) view.setBigUint64(0, unsigned, le);
  else if (type.bytes === 4) view.setUint32(0, Number(unsigned), le);
  else if (type.bytes === 2) view.setUint16(0, Number(unsigned), le);
  else view.setUint8(0, Number(unsigned));
  return out;
}

function encodeFloat(label: 'float32' | 'float64', t: string, le: boolean): Uint8Array {
  const value = parseFloatText(t);
  const stored = label === 'float32' ? Math.fround(value) : value;
  if (Number.isFinite(value) && !Number.isFinite(stored)) {
    throw new RangeError(`${t} does not fit in float32: the largest magnitude is 3.4028234663852886e38`);
  }
  const out = new Uint8Array(label === 'float32' ? 4 : 8);
  const view = new DataView(out.buffer);
  if (label === 'float32') view.setFloat32(0, value, le);
  else view.setFloat64(0, value, le);
  return out;
}

/** A float as typed: decimal (Number() alone would also take "", "0x1f" and "0b1"), NaN, or (-)Inf(inity). */
function parseFloatText(t: string): number {
  if (/^nan$/i.test(t)) return NaN;
  const inf = /^([+-]?)inf(?:inity)?$/i.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) {
    throw new SyntaxError(`"${t}" is not a number: use e.g. 1.5, -2e-3, NaN or Infinity`);
  }
  const value = Number(t);
  if (!Number.isFinite(value)) throw new RangeError(`${t} does not fit in float64: the largest magnitude is ${Number.MAX_VALUE}`);
  return value;
}

function encodeChar(text: string): Uint8Array {
  const cp = text.codePointAt(0);
  if (cp === undefined || String.fromCodePoint(cp).length !== text.length) {
    throw new SyntaxError(`type exactly one character for UTF-8, got ${text.length === 0 ? 'nothing' : `"${text}"`}`);
  }
  if (cp >= 0xd800 && cp <= 0xdfff) throw new RangeError(`U+${cp.toString(16).toUpperCase()} is a lone surrogate: UTF-8 cannot encode it`);
  return new TextEncoder().encode(text);
}
