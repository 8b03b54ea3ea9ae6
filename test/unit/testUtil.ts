import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A temp folder per test, removed after each test: tests never share files and
 * never leave any behind.
 */
let current: string | undefined;

export function tempDir(): string {
  current ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-test-'));
  return current;
}

/** A path inside this test's temp folder (the file is not created). */
export function tempPath(name: string): string {
  return path.join(tempDir(), name);
}

/** Writes `content` to a new file in this test's temp folder and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const file = tempPath(name);
  fs.writeFileSync(file, content);
  return file;
}

afterEach(() => {
  if (current) {
    fs.chmodSync(current, 0o700);
    fs.rmSync(current, { recursive: true, force: true });
    current = undefined;
  }
});

export { seeded as random } from '../seededRandom';

/** A random integer in [0, n). */
export function randInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** `n` random bytes from a seeded generator. */
export function randomBytes(rand: () => number, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => randInt(rand, 256)));
}

/** SHA-256 of a (small) file's bytes, hex: "byte-identical" checks. */
export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Whether this process can be refused a file by its permissions (root cannot). */
export const permissionsApply = process.platform !== 'win32' && process.getuid?.() !== 0;

/** Number of open file descriptors of this process (Linux), to catch leaks. */
export function openFdCount(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

/** Line starts and text ends the obvious way (memSlices' rules), as a reference for the line models. */
export function naiveLines(buf: Buffer, lineBreak: 'lf' | 'cr' = 'lf'): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const newline = lineBreak === 'cr' ? 13 : 10;
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== newline) continue;
    out.push({ start, end: lineBreak === 'lf' && i > start && buf[i - 1] === 13 ? i - 1 : i });
    start = i + 1;
  }
  if (start < buf.length) out.push({ start, end: buf.length });
  return out;
}

/** `length` bytes of `file` at `offset`, read from disk now. */
export function readAt(file: string, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
  return buf;
}

/** Reads a file as it is on disk at each call (after a save, the new content): a piece table's original bytes. */
export function fileSource(file: string): { read(offset: number, length: number): Buffer } {
  return { read: (offset, length) => readAt(file, offset, length) };
}

/** A key-value store in memory, as VS Code's global state is (values are copied, as it stores JSON); `copy` false keeps them as given. */
export function memoryStore(copy = true): { get<T>(key: string): T | undefined; update(key: string, value: unknown): Promise<void> } {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => { values.set(key, copy ? JSON.parse(JSON.stringify(value)) : value); },
  };
}
