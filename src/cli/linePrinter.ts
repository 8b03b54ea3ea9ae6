import * as fs from 'fs';
import { FileReader, fileReaders } from '../lines/readers/fileReaders';
import type { LineRun } from '../search/filterFile';
import { asUtf8, TextEncoding, UTF8 } from '../encoding/textEncoding';
import { type LineBreak, lineBreakOf } from '../lines/lineBreak';
import { Output } from './output';

const PIECE = 64 * 1024;

/**
 * Prints runs of lines of a file as `LINE:text` (1-based, like `grep -n`), reading
 * each line through the platform's sequential reader in 64 KiB pieces, so a line of any length
 * prints in bounded memory. The text is the line without its `\r\n` or `\n`, in UTF-8
 * (a file in another encoding is decoded piece by piece; UTF-8 is printed as it is).
 */
export class LinePrinter {
  private readonly reader: FileReader;
  private readonly size: number;
  private readonly piece = Buffer.allocUnsafe(PIECE);
  private readonly lineBreak: LineBreak;

  constructor(path: string, private readonly out: Output, private readonly encoding: TextEncoding = UTF8) {
    this.lineBreak = lineBreakOf('lf', encoding);
    this.size = fs.statSync(path).size;
    this.reader = fileReaders.openSequential(path, this.size);
  }

  /** Throws EFAULT if the file shrank under the lines. */
  print(run: LineRun): void {
    let at = run.firstOffset;
    for (let i = 0; i < run.count; i++) {
      this.out.write(`${run.firstLine + i + 1}:`);
      at = this.printLine(at);
    }
  }

  close(): void {
    this.out.flush();
    this.reader.close();
  }

  /** Prints the line starting at `start`; returns where the next line starts. */
  private printLine(start: number): number {
    const lb = this.lineBreak;
    const u = lb.unitBytes;
    for (let at = start; at < this.size; ) {
      const n = Math.min(PIECE, this.size - at);
      this.reader.readInto(at, this.piece, 0, n);
      const newline = lb.indexOf(this.piece.subarray(0, n));
      if (newline < 0) {
        // Hold back a final \r: it may be the first half of a \r\n in the next piece.
        const keep = n >= u && lb.isCrAt(this.piece, n - u) && at + n < this.size ? u : 0;
        this.out.write(asUtf8(this.encoding, this.piece.subarray(0, n - keep)));
        at += n - keep;
        continue;
      }
      const end = newline >= u && lb.isCrAt(this.piece, newline - u) ? newline - u : newline;
      this.out.write(asUtf8(this.encoding, this.piece.subarray(0, end)));
      this.out.write('\n');
      return at + newline + u;
    }
    this.out.write('\n');
    return this.size;
  }
}
