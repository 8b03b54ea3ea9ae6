// What package-lock.json pins for an installed package: the version npm ci installs and
// the hash of its tarball, so packages fetched by hand are the ones the lockfile names.
import * as fs from 'fs';
import * as path from 'path';

/** A package's entry in package-lock.json. */
export interface LockedPackage {
  name: string;
  version: string;
  /** Subresource Integrity of the tarball: `sha512-<base64>`. */
  integrity: string;
}

/** The lockfile's entry for `name` (as installed at node_modules/<name>); throws when it has none. */
export function lockedPackage(root: string, name: string): LockedPackage {
  const lockfile = path.join(root, 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(lockfile, 'utf8')) as {
    packages?: Record<string, { version?: string; integrity?: string }>;
  };
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry.integrity) {
    throw new Error(`${lockfile} has no version and integrity for ${name}: run npm install to record it`);
  }
  return { name, version: entry.version, integrity: entry.integrity };
}
