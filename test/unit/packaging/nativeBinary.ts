// What a native module is built for, read from its header: the machine of a Windows PE
// file, the CPU types of a Mach-O file, the machine and the C library of an ELF file.

/** A native module's format and the machine it runs on, with the ELF details that matter. */
export type NativeBinary =
  | { format: 'PE'; machine: number }
  | { format: 'Mach-O'; cpuTypes: number[] }
  | { format: 'ELF'; machine: number; flags: number; needed: string[] };

const ELF_MAGIC = 0x7f454c46; // \x7fELF, read big-endian
const MACHO_MAGIC_32 = 0xfeedface;
const MACHO_MAGIC_64 = 0xfeedfacf;
const MACHO_FAT_MAGIC = 0xcafebabe; // a universal binary: one Mach-O per CPU, big-endian header
const AR_MAGIC = '!<arch>\n'; // static and import libraries (.a, .lib)
const NATIVE_NAME = /\.(node|dll|exe|so(\.\d+)*|dylib|lib|exp|a|o|obj)$/;

/**
 * Whether a file is native code or a library of it, by its name (a Node addon, a
 * shared or static library, an object file) or by its first bytes (ELF, PE, Mach-O,
 * an ar archive), so a native file under any name counts.
 */
export function isNativeFile(name: string, bytes: Buffer): boolean {
  if (NATIVE_NAME.test(name) || bytes.subarray(0, 2).toString('latin1') === 'MZ') return true;
  if (bytes.subarray(0, 8).toString('latin1') === AR_MAGIC) return true;
  if (bytes.length < 4) return false;
  const be = bytes.readUInt32BE(0);
  const le = bytes.readUInt32LE(0);
  return be === ELF_MAGIC || be === MACHO_FAT_MAGIC || le === MACHO_MAGIC_32 || le === MACHO_MAGIC_64;
}

/** The header of a PE, Mach-O or ELF file (little-endian); throws on any other file. */
export function readNativeHeader(bytes: Buffer): NativeBinary {
  if (bytes.subarray(0, 2).toString('latin1') === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c); // e_lfanew
    if (bytes.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('an MZ file without a PE header');
    return { format: 'PE', machine: bytes.readUInt16LE(pe + 4) };
  }
  const le = bytes.readUInt32LE(0);
  if (le === MACHO_MAGIC_32 || le === MACHO_MAGIC_64) return { format: 'Mach-O', cpuTypes: [bytes.readUInt32LE(4)] };
  if (bytes.readUInt32BE(0) === MACHO_FAT_MAGIC) {
    const cpuTypes = Array.from({ length: bytes.readUInt32BE(4) }, (_, i) => bytes.readUInt32BE(8 + 20 * i));
    return { format: 'Mach-O', cpuTypes };
  }
  if (bytes.readUInt32BE(0) === ELF_MAGIC) return readElf(bytes);
  throw new Error('not a PE, Mach-O or ELF file');
}

/**
 * An ELF file's machine, flags and needed libraries (DT_NEEDED of its dynamic section,
 * found through the section headers, which the stripped modules keep).
 */
function readElf(bytes: Buffer): NativeBinary {
  const is64 = bytes[4] === 2; // EI_CLASS: 1 for 32-bit, 2 for 64-bit
  if (bytes[5] !== 1) throw new Error('a big-endian ELF file');
  const word = (at: number) => (is64 ? Number(bytes.readBigUInt64LE(at)) : bytes.readUInt32LE(at));
  const machine = bytes.readUInt16LE(18);
  const flags = bytes.readUInt32LE(is64 ? 48 : 36);
  const sectionsAt = word(is64 ? 40 : 32);
  const sectionSize = bytes.readUInt16LE(is64 ? 58 : 46);
  const sectionCount = bytes.readUInt16LE(is64 ? 60 : 48);
  const section = (i: number) => {
    const at = sectionsAt + i * sectionSize;
    return {
      type: bytes.readUInt32LE(at + 4),
      offset: word(at + (is64 ? 24 : 16)),
      size: word(at + (is64 ? 32 : 20)),
      link: bytes.readUInt32LE(at + (is64 ? 40 : 24)),
    };
  };
  const SHT_DYNAMIC = 6;
  const DT_NEEDED = 1;
  const needed: string[] = [];
  for (let i = 0; i < sectionCount; i++) {
    const dynamic = section(i);
    if (dynamic.type !== SHT_DYNAMIC) continue;
    const strings = section(dynamic.link).offset;
    const entrySize = is64 ? 16 : 8;
    for (let at = dynamic.offset; at < dynamic.offset + dynamic.size; at += entrySize) {
      if (word(at) !== DT_NEEDED) continue;
      const name = strings + word(at + entrySize / 2);
      needed.push(bytes.toString('latin1', name, bytes.indexOf(0, name)));
    }
  }
  return { format: 'ELF', machine, flags, needed };
}

/**
 * The C library an ELF module was built against, told by the one it needs: glibc's
 * soname is libc.so.6; musl's is libc.so, which Alpine, whose musl builds koffi ships,
 * names libc.musl-<arch>.so.1. A module that names both or neither is refused: which
 * one it needs cannot be told.
 */
export function elfLibc(needed: string[]): 'glibc' | 'musl' {
  const glibc = needed.includes('libc.so.6');
  const musl = needed.some((lib) => lib === 'libc.so' || /^libc\.musl-[\w-]+\.so\.1$/.test(lib));
  if (glibc === musl) throw new Error(`no single C library among the needed libraries: ${needed.join(', ')}`);
  return glibc ? 'glibc' : 'musl';
}
