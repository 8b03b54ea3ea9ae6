import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { backend } from '../../../src/mmap';

const forced = process.env.HUGEFILE_MMAP_BACKEND === 'posix';

describe('backend selection', () => {
  it('picks the backend for this platform once, at load', () => {
    const expected = process.platform === 'win32' ? 'windows' : process.platform === 'linux' && !forced ? 'linux' : 'posix';
    assert.strictEqual(backend.name, expected);
  });

  /**
   * macOS and the BSDs cannot run here; their backend is the generic POSIX one
   * (unmap-and-remap resize, pipe copies), so the whole mmap suite runs again with
   * that backend forced on Linux.
   */
  (process.platform === 'linux' && !forced ? it : it.skip)('the generic POSIX backend passes the whole mmap suite on Linux', function () {
    this.timeout(120_000);
    const root = path.resolve(__dirname, '../../..');
    const run = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--spec', 'test/unit/mmap/*.test.ts'], {
      cwd: root,
      env: { ...process.env, HUGEFILE_MMAP_BACKEND: 'posix' },
      encoding: 'utf8',
    });
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /[1-9]\d* passing/);
  });
});
