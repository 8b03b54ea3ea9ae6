// koffi's native packages are taken only when their hash is the lockfile's: checked
// here on the cached tarball, so no download is needed.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { koffiTarball } from '../../../scripts/packaging/koffiTarball';
import { tempDir } from '../testUtil';

/** A checkout with a lockfile pinning @koromix/koffi-linux-x64 and a cached tarball of `cached`. */
function checkout(integrity: string, cached: string): { root: string; tarball: string } {
  const root = tempDir();
  const packages = { 'node_modules/@koromix/koffi-linux-x64': { version: '3.3.4', integrity } };
  fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ packages }));
  const tarball = path.join(root, '.cache/koffi/koromix-koffi-linux-x64-3.3.4.tgz');
  fs.mkdirSync(path.dirname(tarball), { recursive: true });
  fs.writeFileSync(tarball, cached);
  return { root, tarball };
}

const sha512 = (text: string) => `sha512-${createHash('sha512').update(text).digest('base64')}`;

describe('koffiTarball', () => {
  it('takes the cached tarball when its sha512 is the lockfile integrity', () => {
    const { root, tarball } = checkout(sha512('the published package'), 'the published package');
    assert.strictEqual(koffiTarball(root, 'linux-x64'), tarball);
  });

  it('refuses a cached tarball whose sha512 is not the lockfile integrity', () => {
    const { root, tarball } = checkout(sha512('the published package'), 'something else');
    assert.throws(() => koffiTarball(root, 'linux-x64'), (err: NodeJS.ErrnoException) => {
      assert.strictEqual(err.code, 'EINTEGRITY');
      assert.ok(err.message.startsWith(`EINTEGRITY: ${tarball} is not @koromix/koffi-linux-x64@3.3.4 of package-lock.json (delete it to download it again): ${sha512('the published package')} expected, ${sha512('something else')} found`), err.message);
      return true;
    });
  });

  it('refuses a lockfile integrity without a sha512', () => {
    const sha1 = `sha1-${createHash('sha1').update('the published package').digest('base64')}`;
    const { root } = checkout(sha1, 'the published package');
    assert.throws(() => koffiTarball(root, 'linux-x64'), { code: 'EINTEGRITY', message: /no sha512/ });
  });

  it('refuses a package the lockfile does not pin', () => {
    const { root } = checkout(sha512('x'), 'x');
    assert.throws(() => koffiTarball(root, 'win32-x64'), /has no version and integrity for @koromix\/koffi-win32-x64/);
  });
});
