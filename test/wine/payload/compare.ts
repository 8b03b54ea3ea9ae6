// Compares what check.js found on Linux and on Windows, check by check: prints each
// difference with both values and exits 1 if there is any (or a check ran on one side
// only).
//   tsx test/wine/payload/compare.ts LINUX.json WINDOWS.json
import { isDeepStrictEqual } from 'util';
import * as fs from 'fs';
import type { Results } from './recorder';

interface Run {
  platform: string;
  node: string;
  /** The native modules it loaded, relative to the package's extension/ folder. */
  native: string[];
  timings: Record<string, number>;
  results: Results;
}

/**
 * The one difference by design: errors of the Windows mmap backend carry the Win32
 * error number in their message, after Node's text (" (Win32 error 2)"). It is
 * dropped from the Windows side before comparing, and the checks it affects counted.
 */
const WIN32_ERROR = / \(Win32 error \d+\)/g;

function main(): void {
  const [linux, windows] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Run);
  const names = [...new Set([...Object.keys(linux.results), ...Object.keys(windows.results)])];
  const show = (value: unknown) => (value === undefined ? '(not run)' : JSON.stringify(value, null, 1).replace(/\n/g, '\n      '));
  let differences = 0;
  let win32Numbers = 0;
  for (const name of names) {
    const [l, w] = [linux.results[name], windows.results[name]];
    const json = JSON.stringify(w);
    const withoutNumbers = json?.replace(WIN32_ERROR, '');
    if (withoutNumbers !== json) win32Numbers++;
    const equal = isDeepStrictEqual(l, withoutNumbers === undefined ? w : JSON.parse(withoutNumbers));
    if (!equal) {
      differences++;
      console.log(`DIFFERENT  ${name}\n  linux:   ${show(l)}\n  windows: ${show(w)}`);
    }
  }
  const ms = (run: Run) => Object.entries(run.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ') + `; loaded ${run.native.join(', ')}`;
  const equal = names.length - differences;
  console.log(`payload check: ${equal} of ${names.length} checks equal on ${linux.platform} (Node ${linux.node}) and ${windows.platform} (Node ${windows.node}); ${differences} failed`);
  if (win32Numbers > 0) console.log(`  (${win32Numbers} compared without the Win32 error number that Windows messages add)`);
  console.log(`  ${linux.platform}: ${ms(linux)}\n  ${windows.platform}: ${ms(windows)}`);
  if (linux.platform === windows.platform) console.log(`both runs are on ${linux.platform}: nothing was compared with Windows`);
  if (differences > 0 || linux.platform === windows.platform) process.exitCode = 1;
}

main();
