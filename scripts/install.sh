#!/usr/bin/env bash
# What `npm start` and `npm test` run first on any checkout, fresh or not: installs
# what they need, and only what is missing, so a second run only checks. Uses bash
# and Node's own modules only: nothing from node_modules exists before it runs.
#   1. npm ci, when node_modules is missing or was installed from another
#      package-lock.json (a hash of the lock file is kept in node_modules);
#   2. Debian packages and code-server (test/e2e/setup.sh), for the demo and the e2e tests;
#   3. with --tests, also Wine and Windows Node (test/wine/run.sh --setup-only).
# Needs Node >= 20, apt-get as root or with sudo, and the npm registry and Debian mirrors.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

major=$(node -p 'process.versions.node.split(".")[0]')
if ((major < 20)); then
  echo "install: Node $(node --version) is too old; Node >= 20 is needed" >&2
  exit 1
fi

lock_hash=$(node -e 'process.stdout.write(require("crypto").createHash("sha256").update(require("fs").readFileSync("package-lock.json")).digest("hex"))')
stamp=node_modules/.hugefile-lock-sha256
if [[ -f $stamp && $(<"$stamp") == "$lock_hash" ]]; then
  echo "[install] node_modules matches package-lock.json"
else
  echo "[install] npm ci ..."
  t0=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
  echo "[install] npm ci: ok ($((SECONDS - t0)) s)"
fi

bash test/e2e/setup.sh
if [[ ${1:-} == --tests ]]; then bash test/wine/run.sh --setup-only; fi
