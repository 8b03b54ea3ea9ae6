// The CLI reads a file in its encoding (--encoding NAME, else its byte order mark) and
// prints UTF-8; checked against iconv's conversion of the same file.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { encodingOf } from '../../../src/encoding/textEncoding';
import { tempFile } from '../testUtil';

const repo = path.resolve(__dirname, '../../..');

function hugefile(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(repo, 'src/cli.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const TEXT = 'naïve café\r\nprice 5 €\nplain line\nCAFÉ crème\n';

describe('hugefile count, lines and grep --encoding', function () {
  this.timeout(60_000);
  let file: string;
  beforeEach(() => {
    file = tempFile('cp1252.txt', encodingOf('windows1252')!.encode(TEXT));
  });

  it('prints lines and matching lines in UTF-8, as iconv converts them', () => {
    const utf8 = execFileSync('iconv', ['-f', 'WINDOWS-1252', '-t', 'UTF-8', file], { encoding: 'utf8' });
    assert.strictEqual(utf8, TEXT, 'iconv agrees with the encoder');
    const lines = hugefile('lines', file, '1', '4', '--encoding', 'windows-1252');
    assert.strictEqual(lines.status, 0, lines.stderr);
    assert.strictEqual(lines.stdout, 'naïve café\nprice 5 €\nplain line\nCAFÉ crème\n');
    const grep = hugefile('grep', '--encoding=windows1252', file, 'café', '--ignore-case');
    assert.strictEqual(grep.stdout, '1:naïve café\n4:CAFÉ crème\n');
    assert.strictEqual(hugefile('grep', file, '€', '--encoding', 'windows1252', '--count').stdout, '1\n');
    assert.strictEqual(hugefile('count', '--encoding', 'windows1252', file).stdout, '4\n');
  });

  it('without --encoding reads UTF-8 (the bytes differ); an unknown name is refused with a message', () => {
    assert.strictEqual(hugefile('grep', file, 'café').status, 1, 'as UTF-8, "café" is other bytes');
    const unknown = hugefile('count', file, '--encoding', 'ebcdic');
    assert.strictEqual(unknown.status, 2);
    assert.match(unknown.stderr, /unknown encoding ebcdic; known: utf8, utf8bom/);
    assert.strictEqual(hugefile('lines', file, '1', '--encoding').status, 2, '--encoding without a NAME');
  });

  it('reads UTF-16 (LE by its byte order mark, BE when named): the same counts and lines as iconv\'s UTF-8', () => {
    const text = 'naïve café\r\nĊ line with U+010A\n😀 astral\nCAFÉ crème\nlast, no newline';
    const le = tempFile('wide-le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = tempFile('wide-be.txt', Buffer.from(text, 'utf16le').swap16());
    const utf8 = execFileSync('iconv', ['-f', 'UTF-16BE', '-t', 'UTF-8', be], { encoding: 'utf8' });
    assert.strictEqual(utf8, text, 'iconv agrees with the encoder');
    assert.strictEqual(hugefile('count', le).stdout, '5\n');
    assert.strictEqual(hugefile('count', be, '--encoding', 'utf16be').stdout, '5\n');
    assert.strictEqual(hugefile('lines', be, '2', '4', '--encoding', 'utf16be').stdout, 'Ċ line with U+010A\n😀 astral\nCAFÉ crème\nlast, no newline\n');
    assert.strictEqual(hugefile('grep', le, 'café', '--ignore-case').stdout, '1:\ufeffnaïve café\n4:CAFÉ crème\n');
    assert.strictEqual(hugefile('grep', le, 'line', '--count').stdout, '2\n');
    assert.strictEqual(hugefile('grep', be, '^\\p{So}', '--regex', '--encoding', 'utf16be').stdout, '3:😀 astral\n');
  });
});
