import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempFile } from '../testUtil';

const bundle = path.resolve(__dirname, '../../../dist/mmap.js');

describe('dist/mmap.js', () => {
  it('is a CommonJS module usable from plain Node, without VS Code', function () {
    assert.ok(fs.existsSync(bundle), 'dist/mmap.js is missing: run `npm run build` (npm test does)');
    const file = tempFile('plain.txt', 'alpha\r\nbeta\n');
    const script = `
      const mm = require(${JSON.stringify(bundle)});
      const f = mm.open(${JSON.stringify(file)});
      console.log(JSON.stringify([...mm.lines(f)]), typeof mm.newMemMapFileStream, typeof mm.memSlices, typeof mm.readBytes);
      f.close();`;
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.strictEqual(out.stdout.trim(), '["alpha","beta"] function function function', out.stderr);
  });
});
