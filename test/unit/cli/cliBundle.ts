import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '../../..');
/** Inside the repo (.cache/ is ignored) so that `require('koffi')` resolves. */
export const bundleDir = path.join(repo, '.cache', 'replace-cli');

/**
 * Bundles the CLI, the replace test child and their workers once: a bundled CLI
 * starts in a tenth of the time tsx takes, and these tests start it hundreds of times.
 */
export function bundleCli(): void {
  fs.mkdirSync(bundleDir, { recursive: true });
  esbuild.buildSync({
    entryPoints: {
      cli: path.join(repo, 'src/cli.ts'),
      replaceChild: path.join(__dirname, 'replaceChild.ts'),
      saveWorker: path.join(repo, 'src/edits/saveWorker.ts'),
      searchWorker: path.join(repo, 'src/search/searchWorker.ts'),
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: bundleDir, external: ['koffi'], logLevel: 'error',
  });
}

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs the bundled `hugefile` with `args` (bundleCli first). */
export function hugefile(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [path.join(bundleDir, 'cli.js'), ...args], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
