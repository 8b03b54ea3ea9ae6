// Subresource Integrity, as npm records it in package-lock.json: `sha512-<base64>`.
import { createHash } from 'crypto';
import * as fs from 'fs';

/** The SRI string of a file's bytes: `sha512-<base64 of the SHA-512>`. */
function sha512Integrity(file: string): string {
  return `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

/**
 * Throws an error with code EINTEGRITY (npm's), whose message starts with `problem`,
 * unless `file` hashes to the sha512 of `integrity`. Only sha512 counts: npm has
 * written it for every package since npm 5, and the weaker sha1 of older lockfiles is
 * refused rather than trusted.
 */
export function checkIntegrity(file: string, integrity: string, problem: string): void {
  const expected = integrity.split(/\s+/).filter((hash) => hash.startsWith('sha512-'));
  const actual = sha512Integrity(file);
  if (expected.length === 0 || !expected.includes(actual)) {
    const hashes = expected.length ? `${expected.join(' or ')} expected` : `no sha512 in '${integrity}'`;
    throw Object.assign(new Error(`EINTEGRITY: ${problem}: ${hashes}, ${actual} found`), { code: 'EINTEGRITY' });
  }
}
