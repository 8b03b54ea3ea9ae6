#!/usr/bin/env bash
# Installs what the tests and the demo need beyond `npm ci`: Debian packages
# (Chromium, Wine, ripgrep, Kerberos headers) and code-server (a real VS Code in
# the browser) into .cache/. Idempotent: a second run only checks. Needs root
# (or sudo) for apt-get.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/test/e2e/setup.sh"
bash "$ROOT/test/wine/run.sh" --setup-only
