/**
 * The data inspector's model: the bytes at the caret read as numbers, and a typed
 * number written back as bytes. Browser-safe (DataView, BigInt; no Buffer).
 */

/** One reading of the bytes at the caret. */
export interface InspectedValue {
  label: string;
  /** The value as text, or "" when the file ends before `byteLength` bytes. */
  value: string;
  byteLength: number;
  /** Typing a new value and writing its bytes makes sense (false past the end of the file). */
  editable: boolean;
}

interface NumberType {
  label: string;
  byteLength: number;
  read(view: DataView, littleEndian: boolean): string;
  write(view: DataView, text: string, littleEndian: boolean): void;
}

function integer(label: string, byteLength: 1 | 2 | 4 | 8, signed: boolean): NumberType {
  const bits = BigInt(byteLength * 8);
  const min = signed ? -(1n << (bits - 1n)) : 0n;
  const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return {
    label,
    byteLength,
    read(view, le) {
      if (byteLength === 1) return String(signed ? view.getInt8(0) : view.getUint8(0));
      if (byteLength === 2) return String(signed ? view.getInt16(0, le) : view.getUint16(0, le));
      if (byteLength === 4) return String(signed ? view.getInt32(0, le) : view.getUint32(0, le));
      return String(signed ? view.getBigInt64(0, le) : view.getBigUint64(0, le));
    },
    write(view, text, le) {
      const value = parseInteger(text, label);
      if (value < min || value > max) throw new RangeError(`${text.trim()} does not fit in ${label} (${min} to ${max})`);
      // Two's complement of the value in `bits` bits, written unsigned.
      const raw = BigInt.asUintN(byteLength * 8, value);
      if (byteLength === 8) view.setBigUint64(0, raw, le);
      else if (byteLength === 4) view.setUint32(0, Number(raw), le);
      else if (byteLength === 2) view.setUint16(0, Number(raw), le);
      else view.setUint8(0, Number(raw));
    },
  };
}

function float(label: string, byteLength: 4 | 8): NumberType {
  return {
    label,
    byteLength,
    read: (view, le) => String(byteLength === 4 ? view.getFloat32(0, le) : view.getFloat64(0, le)),
    write(view, text, le) {
      const value = parseFloatText(text, label);
      if (byteLength === 4) {
        if (Number.isFinite(value) && !Number.isFinite(Math.fround(value))) throw new RangeError(`${text.trim()} is too large for ${label}`);
        view.setFloat32(0, value, le);
      } else {
        view.setFloat64(0, value, le);
      }
    },
  };
}

const TYPES: readonly NumberType[] = [
  integer('int8', 1, true), integer('uint8', 1, false),
  integer('int16', 2, true), integer('uint16', 2, false),
  integer('int32', 4, true), integer('uint32', 4, false),
  integer('int64', 8, true), integer('uint64', 8, false),
  float('float32', 4), float('float64', 8),
];

/** Most bytes any reading needs: what the inspector asks for at the caret. */
export const INSPECTED_BYTES = 8;

/**
 * Every reading of `bytes` (the bytes from the caret on; fewer than 8 near the end
 * of the file): 8- to 64-bit integers signed and unsigned, float32 and float64, in
 * the byte order asked. Readings that need more bytes than given are empty and not
 * editable.
 */
export function inspect(bytes: Uint8Array, littleEndian: boolean): InspectedValue[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return TYPES.map((t) => {
    const fits = bytes.length >= t.byteLength;
    return { label: t.label, value: fits ? t.read(view, littleEndian) : '', byteLength: t.byteLength, editable: fits };
  });
}

/**
 * The bytes of `text` read as a value of type `label` ("int16", "float64", ...).
 * Integers take decimal or 0x hex, with an optional sign; floats take anything
 * JavaScript reads as a number, plus Infinity and NaN. Throws a RangeError for an
 * unknown type, text that is not a number, or a value out of the type's range.
 */
export function encodeValue(label: string, text: string, littleEndian: boolean): Uint8Array {
  const type = TYPES.find((t) => t.label === label);
  if (!type) throw new RangeError(`unknown value type "${label}"`);
  const bytes = new Uint8Array(type.byteLength);
  type.write(new DataView(bytes.buffer), text, littleEndian);
  return bytes;
}

function parseInteger(text: string, label: string): bigint {
  const m = /^([+-]?)(0x[0-9a-f]+|\d+)$/i.exec(text.trim());
  if (!m) throw new RangeError(`"${text.trim()}" is not an integer (${label} takes decimal or 0x hex)`);
  const magnitude = BigInt(m[2]);
  return m[1] === '-' ? -magnitude : magnitude;
}

function parseFloatText(text: string, label: string): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || (Number.isNaN(value) && trimmed !== 'NaN')) throw new RangeError(`"${trimmed}" is not a number (${label})`);
  // "1e999" reads as Infinity: a typo far more often than a wish for infinity.
  if (!Number.isFinite(value) && !/^[+-]?Infinity$/.test(trimmed) && trimmed !== 'NaN') throw new RangeError(`${trimmed} is too large for ${label}`);
  return value;
}
