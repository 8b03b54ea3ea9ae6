// The modules of an unpacked package's extension/ folder, loaded from that folder
// alone: each dist bundle by absolute path, so it finds its workers beside it and
// koffi (with the target's native module) in the package's own node_modules. Typed by
// the sources the bundles are built from.
import * as path from 'path';

export interface Payload {
  /** The extension/ folder. */
  dir: string;
  lines: typeof import('../../../src/lines');
  search: typeof import('../../../src/search');
  edits: typeof import('../../../src/edits');
  /** dist/cli.js, to run with `node`. */
  cli: string;
}

export function loadPayload(extensionDir: string): Payload {
  const dir = path.resolve(extensionDir);
  const dist = (name: string) => path.join(dir, 'dist', `${name}.js`);
  return { dir, lines: require(dist('lines')), search: require(dist('search')), edits: require(dist('edits')), cli: dist('cli') };
}
