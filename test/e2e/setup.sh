#!/usr/bin/env bash
# Installs what the e2e tests need: Debian packages and code-server (VS Code's workbench
# served by Node) into <repo>/.cache/code-server. Idempotent: each step leaves a stamp,
# so a second run only checks stamps and the binary. Recipe: shared/e2e-code-server.md.
set -euo pipefail

VERSION=4.100.3 # newer releases need Node 22+; check `engines` before bumping
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/code-server"
STAMPS="$CACHE/.stamps-$VERSION"
LOGS="$CACHE/setup-logs"
VSCODE="$CACHE/node_modules/code-server/lib/vscode"
BIN="$CACHE/node_modules/.bin/code-server"
export npm_config_yes=true # node-pty's rebuild script calls npx, which would prompt
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

log() { echo "[e2e-setup] $*"; }

# apt's and npm's chatter goes to a log per step, shown only when the step fails.
quietly() {
  local name=$1; shift
  if ! "$@" >"$LOGS/$name.log" 2>&1; then
    tail -n 40 "$LOGS/$name.log"
    log "$name: FAILED (full log: $LOGS/$name.log)"
    exit 1
  fi
}

# Runs a step once; the stamp is written only when the step succeeded.
step() {
  local name=$1; shift
  if [[ -e "$STAMPS/$name" ]]; then log "$name: done already"; return; fi
  log "$name ..."
  local t0=$SECONDS
  quietly "$name" "$@"
  touch "$STAMPS/$name"
  log "$name: ok ($((SECONDS - t0)) s)"
}

# bsdextrautils: hexdump, the reference for `hugefile dump`.
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-symbola unzip bsdextrautils)

apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then log "apt: ${APT_PACKAGES[*]} present"; return; fi
  log "apt: installing ${missing[*]}"
  quietly apt-update as_root apt-get update
  quietly apt-install as_root apt-get install -y "${missing[@]}"
}

# apt-get needs root: through sudo when this is not root.
as_root() {
  if ((EUID == 0)); then env DEBIAN_FRONTEND=noninteractive "$@"
  else sudo env DEBIAN_FRONTEND=noninteractive "$@"; fi
}

install_code_server() {
  # Without its own package.json npm would walk up and install into the repo itself.
  echo '{ "private": true }' >"$CACHE/package.json"
  # code-server's postinstall downloads things; the steps below do its work offline.
  (cd "$CACHE" && npm install --ignore-scripts --loglevel=error "code-server@$VERSION")
}

rebuild_argon2() { (cd "$CACHE" && npm rebuild argon2 --loglevel=error); }

install_vscode_deps() { (cd "$VSCODE" && npm install --omit=dev --ignore-scripts --loglevel=error); }

# @vscode/ripgrep's own install downloads rg from the internet; Debian's rg does the job.
copy_ripgrep() {
  mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
}

rebuild_vscode_native() { (cd "$VSCODE" && npm rebuild --loglevel=error); }

# The server loads modules from node_modules.asar, which exists only in packaged builds.
link_asar() { ln -sfn node_modules "$VSCODE/node_modules.asar"; }

install_builtin_extensions() { (cd "$VSCODE/extensions" && npm install --omit=dev --loglevel=error); }

mkdir -p "$STAMPS" "$LOGS"
apt_packages
step install-code-server install_code_server
step rebuild-argon2 rebuild_argon2
step install-vscode-deps install_vscode_deps
step copy-ripgrep copy_ripgrep
step rebuild-vscode-native rebuild_vscode_native
step link-asar link_asar
step install-builtin-extensions install_builtin_extensions

# --config keeps code-server from writing a default config into ~/.config.
version=$("$BIN" --config "$CACHE/config.yaml" --version | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ')
[[ $version == "$VERSION "* ]] || { log "unexpected version: $version"; exit 1; }
log "ready: code-server $version"
