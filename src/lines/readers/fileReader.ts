/**
 * Bytes of a file, read by copy. Offsets are bytes from the start of the file; `size`
 * is the file's size when the reader opened (reads past it are refused). Reads throw
 * EFAULT when the file got shorter than what they ask for; everything throws once the
 * reader is closed.
 */
export interface FileReader {
  readonly size: number;
  /** A copy of `length` bytes at `offset`. */
  read(offset: number, length: number): Buffer;
  /** Like `read`, into `dst[dstOffset..]`, with no allocation (for scanners reusing one chunk). */
  readInto(offset: number, dst: Buffer, dstOffset: number, length: number): void;
  /** Lets go of the file. Closing twice is a no-op. */
  close(): void;
}

/**
 * How a platform reads files that another program may be writing: a log viewer must
 * never stop that program from appending, truncating, renaming or deleting the file.
 */
export interface FileReaders {
  /** For reads anywhere, held open while idle (a line index). Throws like `fs.openSync`. */
  openRandom(path: string): FileReader;
  /** For a front-to-back scan of the file's first `size` bytes, memory bounded whatever the size. */
  openSequential(path: string, size: number): FileReader;
}
