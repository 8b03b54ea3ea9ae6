import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { BACKGROUND_ARG } from './priority/threadPriority';

/**
 * Worker scripts live beside their caller: bundled as `dir/<name>.js` in dist/, or,
 * under the test runner, as TypeScript sources loaded through tsx.
 */
export function workerScriptExists(dir: string, name: string): boolean {
  return fs.existsSync(path.join(dir, `${name}.js`)) || fs.existsSync(path.join(dir, `${name}.ts`));
}

/**
 * Starts worker `name` from `dir` (pass the caller's `__dirname`) with `workerData`.
 * `background`: the worker lowers its own priority as it starts (see threadPriority),
 * for scans that must not slow the editor; a CLI command keeps normal priority.
 */
export function spawnWorker(dir: string, name: string, workerData: unknown, transferList: ArrayBuffer[] = [], background = false): Worker {
  const argv = background ? [BACKGROUND_ARG] : [];
  const bundled = path.join(dir, `${name}.js`);
  if (fs.existsSync(bundled)) return new Worker(bundled, { workerData, transferList, argv });
  const source = path.join(dir, `${name}.ts`);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData, transferList, argv });
}
