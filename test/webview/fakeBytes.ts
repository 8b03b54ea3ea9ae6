/**
 * Byte "files" for the fake host's hex view: a small editable one (which remembers
 * which bytes were edited, as the real host's piece table does) and a 10 GiB one
 * generated from the offset, so any window of it costs nothing until asked for.
 */

export interface ByteFile {
  name: string;
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
  /** [start, end) pairs of edited bytes in [offset, offset + length). */
  editedIn(offset: number, length: number): number[];
  /** Absent for read-only files. */
  replace?(offset: number, deleteLength: number, bytes: Uint8Array): void;
}

/** The known sequence the tests look for: 0x12345678 little endian at 0x10, then "HEX!". */
export const KNOWN_AT = 0x10;
export const KNOWN_BYTES = [0x78, 0x56, 0x34, 0x12, 0x48, 0x45, 0x58, 0x21];

/** A binary of `size` bytes: byte i is i & 255, but for the known sequence and a few NULs. */
export function editableBinary(size = 4096): ByteFile {
  let bytes = Uint8Array.from({ length: size }, (_, i) => i & 255);
  bytes.set(KNOWN_BYTES, KNOWN_AT);
  let edited = new Uint8Array(size);
  return {
    name: 'sample.bin',
    get size() {
      return bytes.length;
    },
    read: (offset, length) => bytes.slice(offset, offset + length),
    editedIn(offset, length) {
      const out: number[] = [];
      for (let i = offset; i < Math.min(bytes.length, offset + length); i++) {
        if (!edited[i]) continue;
        if (out.length && out[out.length - 1] === i) out[out.length - 1] = i + 1;
        else out.push(i, i + 1);
      }
      return out;
    },
    replace(offset, deleteLength, inserted) {
      const join = (a: Uint8Array, b: Uint8Array, c: Uint8Array) => {
        const out = new Uint8Array(a.length + b.length + c.length);
        out.set(a);
        out.set(b, a.length);
        out.set(c, a.length + b.length);
        return out;
      };
      const end = Math.min(bytes.length, offset + deleteLength);
      bytes = join(bytes.subarray(0, offset), inserted, bytes.subarray(end));
      edited = join(edited.subarray(0, offset), new Uint8Array(inserted.length).fill(1), edited.subarray(end));
    },
  };
}

export const HUGE_BINARY_SIZE = 10 * 1024 ** 3;

/** Byte at `offset` of the generated 10 GiB file (exact past 2^32: no 32-bit arithmetic). */
export function hugeByte(offset: number): number {
  return (offset % 251) ^ (Math.floor(offset / 65536) % 256);
}

export function hugeBinary(): ByteFile {
  return {
    name: 'disk-10G.img',
    size: HUGE_BINARY_SIZE,
    read: (offset, length) => Uint8Array.from({ length: Math.max(0, Math.min(length, HUGE_BINARY_SIZE - offset)) }, (_, i) => hugeByte(offset + i)),
    editedIn: () => [],
  };
}

/** The lines of an editable text file seen as bytes ("\n" between lines); byte edits split them again. */
export function linesAsBytes(file: { name: string; lines: Uint8Array[] }): ByteFile {
  const all = () => {
    const text = file.lines.map((l) => Array.from(l));
    return Uint8Array.from(text.flatMap((l, i) => (i < text.length - 1 ? [...l, 10] : l)));
  };
  return {
    name: file.name,
    get size() {
      return all().length;
    },
    read: (offset, length) => all().slice(offset, offset + length),
    editedIn: () => [],
    replace(offset, deleteLength, inserted) {
      const old = all();
      const next = [...old.subarray(0, offset), ...inserted, ...old.subarray(offset + deleteLength)];
      const lines: Uint8Array[] = [];
      let start = 0;
      for (let i = 0; i <= next.length; i++) {
        if (i === next.length || next[i] === 10) {
          lines.push(Uint8Array.from(next.slice(start, i)));
          start = i + 1;
        }
      }
      file.lines.splice(0, file.lines.length, ...lines);
    },
  };
}
