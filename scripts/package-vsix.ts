// Writes the extension's .vsix packages, one per VS Code target platform, each with its
// own target's koffi native module and no other: a package without a target would be
// installed anywhere and fail at load on every platform whose module it lacks.
// Run after `npm run compile` (the type check); it builds the production bundle once.
//   tsx scripts/package-vsix.ts                 every target: dist/hugefile-<target>.vsix
//   tsx scripts/package-vsix.ts --this-machine  this machine's target: dist/hugefile.vsix
//   --target T (repeatable)                     only these targets: dist/hugefile-<T>.vsix
//   --out-dir DIR                               the packages go to DIR instead of dist/
// koffi's native packages come from the npm registry at the lockfile's version, checked
// against its integrity, and stay in .cache/koffi/: a rerun is offline.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { koffiTarball } from './packaging/koffiTarball';
import { stageKoffiNative } from './packaging/koffiNativePackage';
import { PLATFORM_TARGETS, PlatformTarget, thisMachineTarget } from './packaging/platformTargets';
import { stageExtension } from './packaging/stageExtension';

const ROOT = path.resolve(__dirname, '..');

/** Packages the staged folder `stage` for `target` into `out` with the project's vsce. */
async function vscePackage(stage: string, target: PlatformTarget, out: string): Promise<void> {
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
  try {
    await promisify(execFile)(process.execPath, [vsce, 'package', '--target', target.target, '--no-rewrite-relative-links', '-o', out], {
      cwd: stage,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`vsce package --target ${target.target} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The targets named by `--target` options (all of them when there is none); throws for an unknown one. */
function chosenTargets(): readonly PlatformTarget[] {
  const names = process.argv.flatMap((arg, i) => (arg === '--target' ? [process.argv[i + 1]] : []));
  if (names.length === 0) return PLATFORM_TARGETS;
  return names.map((name) => {
    const found = PLATFORM_TARGETS.find((t) => t.target === name);
    if (!found) throw new Error(`unknown --target '${name}': expected one of ${PLATFORM_TARGETS.map((t) => t.target).join(', ')}`);
    return found;
  });
}

async function main(): Promise<void> {
  const thisMachine = process.argv.includes('--this-machine');
  const outDir = path.resolve(argValue('--out-dir') ?? path.join(ROOT, 'dist'));
  const targets = thisMachine ? [thisMachineTarget()] : chosenTargets();
  const outFile = (t: PlatformTarget) => path.join(outDir, thisMachine ? 'hugefile.vsix' : `hugefile-${t.target}.vsix`);

  // Fetched first, one at a time: a bad download stops everything before any build.
  const tarballs = new Map(targets.map((t) => [t, koffiTarball(ROOT, t.koffiPackage)]));
  const stages = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-package-'));
  try {
    const base = path.join(stages, 'base');
    stageExtension(ROOT, base);
    fs.mkdirSync(outDir, { recursive: true });
    await Promise.all(targets.map(async (t) => {
      const stage = path.join(stages, t.target);
      fs.cpSync(base, stage, { recursive: true });
      stageKoffiNative(tarballs.get(t)!, t, stage);
      await vscePackage(stage, t, outFile(t));
    }));
  } finally {
    fs.rmSync(stages, { recursive: true, force: true });
  }
  for (const t of targets) {
    const file = outFile(t);
    console.log(`${path.relative(process.cwd(), file)}  ${Math.round(fs.statSync(file).size / 1024)} KiB  ${t.nativeModule}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
