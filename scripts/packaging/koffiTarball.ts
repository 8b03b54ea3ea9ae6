// koffi's native packages for other platforms are never in node_modules (npm installs
// only the one whose os and cpu match this machine), so packaging fetches them from the
// npm registry, at the version package-lock.json pins and checked against its hash.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkIntegrity } from './integrity';
import { lockedPackage } from './lockedPackage';

/**
 * The tarball of `@koromix/koffi-<koffiPackage>` at the lockfile's version: from
 * .cache/koffi/ (so a rerun is offline), else downloaded with `npm pack`. Either way
 * its sha512 must be the lockfile's integrity, or this throws EINTEGRITY.
 */
export function koffiTarball(root: string, koffiPackage: string): string {
  const locked = lockedPackage(root, `@koromix/koffi-${koffiPackage}`);
  const spec = `${locked.name}@${locked.version}`;
  const cache = path.join(root, '.cache/koffi');
  const cached = path.join(cache, `koromix-koffi-${koffiPackage}-${locked.version}.tgz`);
  if (fs.existsSync(cached)) {
    checkIntegrity(cached, locked.integrity, `${cached} is not ${spec} of package-lock.json (delete it to download it again)`);
    return cached;
  }
  // Downloaded beside the cache and checked before it goes in: the cache only ever
  // holds verified tarballs.
  fs.mkdirSync(cache, { recursive: true });
  const download = fs.mkdtempSync(path.join(cache, 'download-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', download], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32', // npm is npm.cmd there
    })) as { filename: string }[];
    const file = path.join(download, packed[0].filename);
    checkIntegrity(file, locked.integrity, `npm pack ${spec} gave another tarball than package-lock.json pins`);
    fs.renameSync(file, cached);
  } finally {
    fs.rmSync(download, { recursive: true, force: true });
  }
  return cached;
}
