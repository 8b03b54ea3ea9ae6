// A target's koffi native package, cut down to the one module that target loads.
// @koromix/koffi-linux-x64 and -linux-arm64 hold a glibc and a musl build; their
// index.js tries the build of the C library it detects, then each of the others in
// turn, so either one alone still loads. The Windows packages also hold koffi.lib and
// koffi.exp, import libraries for linking against koffi, which nothing loads.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { PlatformTarget } from './platformTargets';

/**
 * Unpacks `tarball` (the target's koffi package) into the stage's
 * node_modules/@koromix/koffi-<package>, keeping the files at the package's top (its
 * package.json, the index.js loader, the README) and the target's native module; no
 * other native file. Throws ENOENT when the package has no such module.
 */
export function stageKoffiNative(tarball: string, target: PlatformTarget, stage: string): void {
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-koffi-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const from = path.join(unpacked, 'package'); // npm tarballs hold one folder, package/
    const to = path.join(stage, 'node_modules/@koromix', `koffi-${target.koffiPackage}`);
    const nativeModule = path.join(from, target.nativeModule);
    if (!fs.existsSync(nativeModule)) {
      throw Object.assign(new Error(`ENOENT: ${path.basename(tarball)} has no ${target.nativeModule} for ${target.target}`), { code: 'ENOENT' });
    }
    fs.mkdirSync(path.dirname(path.join(to, target.nativeModule)), { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
    }
    fs.copyFileSync(nativeModule, path.join(to, target.nativeModule));
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}
