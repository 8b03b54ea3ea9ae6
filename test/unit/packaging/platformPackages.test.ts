// The per-platform packages of `npm run package:all`, built afresh by
// scripts/package-vsix.ts into a temp folder: each must carry exactly one native
// module, built for its target as the module's own header says, and a manifest
// naming that target.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { thisMachineTarget } from '../../../scripts/packaging/platformTargets';
import { elfLibc, isNativeFile, NativeBinary, readNativeHeader } from './nativeBinary';
import { zipEntries } from './zipEntries';

const ROOT = path.resolve(__dirname, '../../..');

const EM_ARM = 40;
const EF_ARM_ABI_FLOAT_HARD = 0x400;

/** What each target's module must be built for (PE machine, Mach-O CPU type, ELF e_machine). */
const EXPECTED: Record<string, object> = {
  'win32-x64': { format: 'PE', machine: 0x8664 }, // IMAGE_FILE_MACHINE_AMD64
  'win32-arm64': { format: 'PE', machine: 0xaa64 }, // IMAGE_FILE_MACHINE_ARM64
  'darwin-x64': { format: 'Mach-O', machine: 0x01000007 }, // CPU_TYPE_X86_64
  'darwin-arm64': { format: 'Mach-O', machine: 0x0100000c }, // CPU_TYPE_ARM64
  'linux-x64': { format: 'ELF', machine: 62, libc: 'glibc' }, // EM_X86_64
  'linux-arm64': { format: 'ELF', machine: 183, libc: 'glibc' }, // EM_AARCH64
  'linux-armhf': { format: 'ELF', machine: EM_ARM, libc: 'glibc', hardFloat: true },
  'alpine-x64': { format: 'ELF', machine: 62, libc: 'musl' },
  'alpine-arm64': { format: 'ELF', machine: 183, libc: 'musl' },
};

/** A header in the terms of EXPECTED: one Mach-O CPU type stands alone, ELF adds its libc. */
function builtFor(header: NativeBinary): object {
  switch (header.format) {
    case 'PE':
      return header;
    case 'Mach-O':
      return { format: header.format, machine: header.cpuTypes.length === 1 ? header.cpuTypes[0] : header.cpuTypes };
    case 'ELF': {
      const armFloat = header.machine === EM_ARM ? { hardFloat: (header.flags & EF_ARM_ABI_FLOAT_HARD) !== 0 } : {};
      return { format: header.format, machine: header.machine, libc: elfLibc(header.needed), ...armFloat };
    }
  }
}

/** The native files among a package's entries, by path. */
function nativeFiles(entries: Map<string, Buffer>): string[] {
  return [...entries].filter(([name, bytes]) => isNativeFile(name, bytes)).map(([name]) => name);
}

describe('per-platform packages (npm run package:all)', function () {
  this.timeout(180_000);
  let out: string;
  const packages = new Map<string, Map<string, Buffer>>();

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-packages-'));
    execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts/package-vsix.ts'), '--out-dir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    for (const target of Object.keys(EXPECTED)) packages.set(target, zipEntries(path.join(out, `hugefile-${target}.vsix`)));
  });

  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes one package per VS Code target, and nothing else', () => {
    assert.deepStrictEqual(fs.readdirSync(out).sort(), Object.keys(EXPECTED).map((t) => `hugefile-${t}.vsix`).sort());
  });

  for (const [target, expected] of Object.entries(EXPECTED)) {
    it(`${target}: one native module, built for ${target}, and a manifest for ${target}`, () => {
      const entries = packages.get(target)!;
      const natives = nativeFiles(entries);
      assert.strictEqual(natives.length, 1, `native files: ${natives.join(', ') || 'none'}`);
      assert.deepStrictEqual(builtFor(readNativeHeader(entries.get(natives[0])!)), expected, natives[0]);
      const manifest = entries.get('extension.vsixmanifest')!.toString('utf8');
      assert.strictEqual(/TargetPlatform="([^"]*)"/.exec(manifest)?.[1], target);
    });

    it(`${target}: the module is where its koffi package's loader requires it`, () => {
      const entries = packages.get(target)!;
      const [native] = nativeFiles(entries);
      const match = /^(extension\/node_modules\/@koromix\/koffi-[\w-]+)\/(.+)$/.exec(native);
      assert.ok(match, `${native} is not in a koffi native package`);
      const [, folder, module] = match;
      assert.ok(entries.has(`${folder}/package.json`), `${folder}/package.json is missing`);
      assert.ok(entries.get(`${folder}/index.js`)?.toString('utf8').includes(`./${module}`), `${folder}/index.js does not require ./${module}`);
    });
  }

  it('all carry the same files outside the koffi native package: the bundle, koffi, the manifest', () => {
    const listing = (entries: Map<string, Buffer>) => [...entries.keys()].filter((name) => !name.startsWith('extension/node_modules/@koromix/')).sort();
    const [first, ...others] = [...packages.values()].map(listing);
    for (const other of others) assert.deepStrictEqual(other, first);
    // The library bundles and the CLI too: test/wine/payload checks them inside the packages.
    const bundles = ['extension', 'mmap', 'lines', 'search', 'edits', 'indexWorker', 'searchWorker', 'saveWorker', 'cli'].map((b) => `extension/dist/${b}.js`);
    for (const name of ['extension/package.json', ...bundles, 'extension/node_modules/koffi/index.cjs']) {
      assert.ok(first.includes(name), `${name} is missing`);
    }
  });

  it("this machine's package loads koffi with plain Node", function () {
    let target: string;
    try {
      target = thisMachineTarget().target;
    } catch {
      this.skip(); // VS Code has no target for this machine: no package to load here
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-installed-'));
    try {
      for (const [name, bytes] of packages.get(target)!) {
        fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        fs.writeFileSync(path.join(folder, name), bytes);
      }
      const koffi = path.join(folder, 'extension/node_modules/koffi');
      // Native modules land in require.cache too: it names the file koffi loaded.
      const script = `const koffi = require(${JSON.stringify(koffi)});
        console.log(JSON.stringify([koffi.sizeof('int32_t'), Object.keys(require.cache).filter((f) => f.endsWith('.node'))]));`;
      const [size, loaded] = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
      assert.strictEqual(size, 4);
      assert.deepStrictEqual(loaded, nativeFiles(packages.get(target)!).map((name) => path.join(folder, name)));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
