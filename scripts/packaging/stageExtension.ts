// A folder laid out like the checkout, holding only what the packages carry, for vsce
// to package from. vsce takes the dependencies it packs from node_modules (through
// `npm list`), and the checkout's node_modules has koffi's native package for this
// machine only; a folder per target, with that target's native package, is how each
// package gets its own.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Fills `dir` (emptied first) with what every package carries, before any native
 * module: the top-level files and folders .vscodeignore lets anything in from
 * (vsce applies .vscodeignore again in `dir`, so whole folders may come along), the
 * production bundle, and the koffi package from node_modules. Its package.json has no
 * vscode:prepublish script: that build ran here once, and would fail in `dir`, which
 * has no sources.
 */
export function stageExtension(root: string, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const ignoreFile = path.join(root, '.vscodeignore');
  fs.copyFileSync(ignoreFile, path.join(dir, '.vscodeignore'));
  for (const name of packagedTopLevel(ignoreFile)) {
    if (name === 'dist' || name === 'node_modules' || name === 'package.json') continue; // below
    fs.cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }

  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const prepublish = manifest.scripts?.['vscode:prepublish'];
  if (!prepublish) throw new Error(`${root}/package.json has no vscode:prepublish script to build the packages' bundle`);
  delete manifest.scripts['vscode:prepublish'];
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // What vsce would run before packaging, with the bundle written to the stage rather
  // than over the checkout's development build in dist/.
  execFileSync('npm', ['run', '--silent', 'vscode:prepublish', '--', '--outdir', path.join(dir, 'dist')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32', // npm is npm.cmd there
  });

  // koffi, the one dependency, has none of its own but its native packages.
  fs.cpSync(path.join(root, 'node_modules/koffi'), path.join(dir, 'node_modules/koffi'), { recursive: true, dereference: true });
}

/**
 * The first path segment of each `!` line of .vscodeignore: everything it lets in
 * lies below these. Throws on a line that names no top-level entry (`!**\/x`).
 */
function packagedTopLevel(ignoreFile: string): Set<string> {
  const names = new Set<string>();
  for (const line of fs.readFileSync(ignoreFile, 'utf8').split('\n').map((l) => l.trim())) {
    if (!line.startsWith('!')) continue;
    const first = line.slice(1).split('/')[0];
    if (/[*?[{]/.test(first)) throw new Error(`${ignoreFile}: '${line}' names no top-level file or folder to stage`);
    names.add(first);
  }
  return names;
}
