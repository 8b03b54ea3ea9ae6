// The VS Code target platforms the extension is packaged for, and which of koffi's
// native modules each one carries. koffi publishes its modules as one npm package per
// Node platform and CPU (`@koromix/koffi-<platform>-<arch>`, named after
// process.platform and process.arch); the Linux x64 and arm64 packages hold a glibc
// and a musl build side by side, so Linux and Alpine share a package and keep one
// module each. The paths are the ones each package's index.js requires.

/** A `vsce package --target` platform and the koffi native module its package carries. */
export interface PlatformTarget {
  /** VS Code's name of the platform, as `vsce package --target` takes it. */
  target: string;
  /** The koffi package for it, without its scope: `@koromix/koffi-<koffiPackage>`. */
  koffiPackage: string;
  /** The one native module kept from that package, relative to the package's folder. */
  nativeModule: string;
}

/** Every target VS Code installs platform-specific extensions on (web has no Node). */
export const PLATFORM_TARGETS: readonly PlatformTarget[] = [
  { target: 'win32-x64', koffiPackage: 'win32-x64', nativeModule: 'win32_x64/koffi.node' },
  { target: 'win32-arm64', koffiPackage: 'win32-arm64', nativeModule: 'win32_arm64/koffi.node' },
  { target: 'darwin-x64', koffiPackage: 'darwin-x64', nativeModule: 'darwin_x64/koffi.node' },
  { target: 'darwin-arm64', koffiPackage: 'darwin-arm64', nativeModule: 'darwin_arm64/koffi.node' },
  { target: 'linux-x64', koffiPackage: 'linux-x64', nativeModule: 'linux_x64/koffi.node' },
  { target: 'linux-arm64', koffiPackage: 'linux-arm64', nativeModule: 'linux_arm64/koffi.node' },
  { target: 'linux-armhf', koffiPackage: 'linux-arm', nativeModule: 'linux_armhf/koffi.node' },
  { target: 'alpine-x64', koffiPackage: 'linux-x64', nativeModule: 'musl_x64/koffi.node' },
  { target: 'alpine-arm64', koffiPackage: 'linux-arm64', nativeModule: 'musl_arm64/koffi.node' },
];

/**
 * The VS Code target of the machine this runs on: its platform and CPU, and on Linux
 * its C library (VS Code calls a musl Linux "alpine"). Throws when VS Code has no
 * target for it.
 */
export function thisMachineTarget(): PlatformTarget {
  const name = `${vscodePlatform()}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
  const found = PLATFORM_TARGETS.find((t) => t.target === name);
  if (!found) throw new Error(`VS Code has no target for this machine (${process.platform}-${process.arch})`);
  return found;
}

function vscodePlatform(): string {
  if (process.platform !== 'linux') return process.platform;
  // Node's report names the glibc it runs on, and none on musl.
  const header = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header;
  return header.glibcVersionRuntime ? 'linux' : 'alpine';
}
