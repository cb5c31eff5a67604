#!/usr/bin/env bash
# One setup step shared by `npm start`, `npm test` and `npm run bench`: installs what is missing and
# builds. Quick when everything is already there.
#   1. Debian packages softhsm2 and opensc (SoftHSM2 itself and pkcs11-tool), via apt-get when root.
#   2. npm dependencies, when node_modules is missing or older than package-lock.json.
#   3. The TypeScript build (incremental), and the web console's bundle (scripts/build-console.sh).
#   4. Chromium (Debian package `chromium`) for the console's browser tests, when missing and root.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }

softhsm_library() {
  if [ -n "${SOFTHSM2_LIB:-}" ] && [ -f "$SOFTHSM2_LIB" ]; then echo "$SOFTHSM2_LIB"; return; fi
  for candidate in /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so \
                   /usr/lib/softhsm/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so; do
    if [ -f "$candidate" ]; then echo "$candidate"; return; fi
  done
}

ensure_debian_packages() {
  if [ -n "$(softhsm_library)" ] && command -v softhsm2-util >/dev/null && command -v pkcs11-tool >/dev/null; then
    return
  fi
  local install='apt-get update -qq && apt-get install -y -qq --no-install-recommends softhsm2 opensc'
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      install="sudo sh -c '$install'"
    else
      say "SoftHSM2 and OpenSC are missing and this is not root. Install them, then run this again:"
      say "  sudo sh -c '$install'"
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "SoftHSM2 and OpenSC are missing and there is no apt-get here. Install the packages softhsm2 and opensc"
    say "with this system's package manager (or set SOFTHSM2_LIB to libsofthsm2.so), then run this again."
    exit 1
  fi
  say "installing the Debian packages softhsm2 and opensc (SoftHSM2 token store, pkcs11-tool)"
  DEBIAN_FRONTEND=noninteractive sh -c "$install" >&2
}

ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ] && [ ! package.json -nt "$stamp" ]; then
    return
  fi
  # A linked node_modules (a git worktree sharing another checkout's) is not this checkout's to
  # reinstall: npm ci would empty the folder it points to for everyone who shares it.
  if [ -L node_modules ]; then
    say "node_modules links to $(readlink node_modules) and looks older than package.json here; not running npm ci through the link"
    return
  fi
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund >&2
}

ensure_build() {
  node_modules/.bin/tsc -b >&2
  bash scripts/build-console.sh >&2
}

# The console's browser tests (test/browser) drive headless Chromium through puppeteer-core; they skip
# themselves when it is missing, so only a root (or passwordless sudo) setup installs it.
ensure_chromium() {
  if command -v chromium >/dev/null || ! command -v apt-get >/dev/null; then return; fi
  local install='apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium'
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then install="sudo sh -c '$install'"; else
      say "Chromium is missing (the console's browser tests will be skipped); to run them: sudo sh -c '$install'"
      return
    fi
  fi
  say "installing the Debian package chromium (headless browser for the console's tests)"
  DEBIAN_FRONTEND=noninteractive sh -c "$install" >&2
}

ensure_debian_packages
ensure_node_modules
ensure_build
ensure_chromium
