import * as assert from 'assert';
import * as fs from 'fs';
import { pipeline } from 'stream/promises';
import { newMemMapFileStream } from '../../../src/mmap';
import { tempFile, tempPath } from '../testUtil';

describe('MemMapFileStream', () => {
  it('reads lines (LF, CRLF, lone CR), peeks without moving, and throws at the end', () => {
    const s = newMemMapFileStream(tempFile('s.txt', 'one\r\ntwo\nthree\rfour'));
    assert.strictEqual(s.peekLine(), 'one');
    assert.strictEqual(s.getPosition(), 0);
    assert.deepStrictEqual([s.readLine(), s.readLine(), s.readLine(), s.readLine()], ['one', 'two', 'three', 'four']);
    assert.ok(s.atEnd());
    assert.throws(() => s.readLine(), /end of stream/);
    s.close();
  });

  it('finds a line end beyond its 4 KiB probe, and a CRLF split by the probe', () => {
    const long = 'x'.repeat(10_000);
    const s = newMemMapFileStream(tempFile('l.txt', `${'y'.repeat(4095)}\r\n${long}\nz`));
    assert.strictEqual(s.readLine().length, 4095);
    assert.strictEqual(s.readLine(), long);
    assert.strictEqual(s.readLine(), 'z');
    s.close();
  });

  it('readStr, peekStr, readChar, readData, setPosition', () => {
    const s = newMemMapFileStream(tempFile('s.txt', 'abcdef'));
    assert.strictEqual(s.peekStr(3), 'abc');
    assert.strictEqual(s.readStr(2), 'ab');
    assert.strictEqual(s.readChar(), 'c');
    assert.strictEqual(s.readStr(100), 'def', 'fewer bytes at the end');
    assert.strictEqual(s.readChar(), '');
    s.setPosition(1);
    assert.deepStrictEqual(s.readData(2), Buffer.from('bc'));
    assert.throws(() => s.setPosition(7), /past the end/);
    assert.throws(() => s.setPosition(-1), /position/);
    assert.throws(() => s.write('x'), /read-only/);
    s.close();
  });

  it('writes into a new file, refuses to write past the end after writing what fits', () => {
    const file = tempPath('out.bin');
    const s = newMemMapFileStream(file, 'readWrite', 32);
    s.write('Hello, memory-mapped world!\n');
    s.setPosition(0);
    assert.strictEqual(s.readLine(), 'Hello, memory-mapped world!');
    s.setPosition(28);
    assert.throws(() => s.write('123456'), /past the end/);
    assert.strictEqual(s.getPosition(), 32);
    s.flush();
    s.close();
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'Hello, memory-mapped world!\n1234');
  });

  it('works with stream.pipeline in both directions', async () => {
    const content = Buffer.alloc(300_000);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7) % 256;
    const source = newMemMapFileStream(tempFile('src.bin', content));
    const target = newMemMapFileStream(tempPath('dst.bin'), 'readWrite', content.length);
    await pipeline(source.createReadStream({ highWaterMark: 65536 }), target.createWriteStream());
    assert.strictEqual(target.getPosition(), content.length);
    target.close();
    const copied: Buffer[] = [];
    await pipeline(source.createReadStream({ start: 10, end: 20 }), async function* (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) copied.push(c);
    });
    assert.deepStrictEqual(Buffer.concat(copied), content.subarray(10, 20));
    source.close();
    assert.ok(fs.readFileSync(tempPath('dst.bin')).equals(content));
  });

  it('a read stream reports an error when the file is closed under it', async () => {
    const s = newMemMapFileStream(tempFile('c.bin', Buffer.alloc(200_000)));
    const stream = s.createReadStream({ highWaterMark: 1024 });
    s.close();
    await assert.rejects(pipeline(stream, async function* (chunks: AsyncIterable<Buffer>) {
      for await (const _ of chunks) yield _;
    }), /closed/);
  });
});
