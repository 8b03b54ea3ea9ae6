import * as assert from 'assert';
import * as fs from 'fs';
import { memSlices, newMemMapFileStream, open, pageSize } from '../../../src/mmap';
import { tempFile, tempPath } from '../testUtil';

/** The reference's six "Complete Worked Examples", ported one for one. */
describe('memfiles reference worked examples', () => {
  it('1: count lines in a large file', () => {
    const countLines = (file: string) => {
      const f = open(file);
      try {
        let n = 0;
        for (const _ of memSlices(f)) n++;
        return n;
      } finally {
        f.close();
      }
    };
    const content = Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    assert.strictEqual(countLines(tempFile('syslog', content)), 10_000);
  });

  it('2: read a CSV file, skip comment lines, collect fields', () => {
    const parseCSV = (file: string) => {
      const f = open(file);
      const rows: string[][] = [];
      try {
        for (const slice of memSlices(f)) {
          if (slice.size === 0) continue;
          const line = slice.toString();
          if (line[0] === '#') continue;
          rows.push(line.split(','));
        }
      } finally {
        f.close();
      }
      return rows;
    };
    const file = tempFile('data.csv', '# header\r\na,b,c\r\n\r\n1,2,3\r\n#x\n4,5,6');
    assert.deepStrictEqual(parseCSV(file), [['a', 'b', 'c'], ['1', '2', '3'], ['4', '5', '6']]);
  });

  it('3: write structured data to a new memory-mapped file', () => {
    const file = tempPath('mydata.bin');
    const f = open(file, { mode: 'readWrite', newFileSize: 4096 });
    const header = Buffer.alloc(16);
    header.writeUInt32LE(0xdeadbeef, 0);
    header.writeUInt32LE(1, 4);
    header.writeBigInt64LE(42n, 8);
    f.write(0, header);
    f.write(16, Uint8Array.from({ length: 16 }, (_, i) => i));
    f.flush();
    f.close();
    const disk = fs.readFileSync(file);
    assert.strictEqual(disk.length, 4096);
    assert.strictEqual(disk.readUInt32LE(0), 0xdeadbeef);
    assert.strictEqual(disk.readUInt32LE(4), 1);
    assert.strictEqual(disk.readBigInt64LE(8), 42n);
    assert.deepStrictEqual([...disk.subarray(16, 32)], Array.from({ length: 16 }, (_, i) => i));
  });

  it('4: grow a log file on the fly with resize', () => {
    const file = tempPath('growlog.bin');
    const f = open(file, { mode: 'readWrite', newFileSize: pageSize, allowRemap: true });
    let writePos = 0;
    const appendEntry = (data: string) => {
      const needed = writePos + Buffer.byteLength(data);
      if (needed > f.size) {
        f.flush();
        f.resize((Math.floor(needed / pageSize) + 1) * pageSize);
      }
      f.write(writePos, data);
      writePos = needed;
    };
    appendEntry('First entry\n');
    appendEntry('Second entry\n');
    appendEntry('x'.repeat(pageSize * 2));
    assert.strictEqual(f.size, pageSize * 3);
    assert.strictEqual(f.read(0, 25).toString(), 'First entry\nSecond entry\n');
    f.close();
    assert.strictEqual(fs.statSync(file).size, pageSize * 3);
  });

  it('5: use MemMapFileStream with a line-oriented parser', () => {
    const parseCfg = (file: string) => {
      const s = newMemMapFileStream(file);
      const out: [string, string][] = [];
      try {
        while (!s.atEnd()) {
          const line = s.readLine().trim();
          if (line.length === 0 || line[0] === ';') continue;
          const eq = line.indexOf('=');
          if (eq > 0) out.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
        }
      } finally {
        s.close();
      }
      return out;
    };
    const file = tempFile('settings.ini', '; comment\nname = huge\r\n\nsize=10 GB\nbroken line\n');
    assert.deepStrictEqual(parseCfg(file), [['name', 'huge'], ['size', '10 GB']]);
  });

  it('6: custom delimiter, NUL-separated records', () => {
    const file = tempFile('find_output.bin', '/a/b\0/c d/e\0\0/f\0');
    const f = open(file);
    const paths: string[] = [];
    for (const slice of memSlices(f, '\0', '\0')) if (slice.size > 0) paths.push(slice.toString());
    f.close();
    assert.deepStrictEqual(paths, ['/a/b', '/c d/e', '/f']);
  });
});
