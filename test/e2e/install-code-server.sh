#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release on Node 20) into the git-ignored
# .e2e-cache/ without any download outside the npm registry: ripgrep's binary is seeded from Debian's rg.
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE="$ROOT/.e2e-cache"
CS="$CACHE/code-server"
VERSION=4.100.3
if [ -x "$CS/node_modules/.bin/code-server" ] && grep -q "\"version\": \"$VERSION\"" "$CS/node_modules/code-server/package.json" 2>/dev/null; then
  exit 0
fi
for p in libkrb5-dev pkg-config ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || { echo "install-code-server: Debian package $p is missing (run scripts/install-test-deps.sh)" >&2; exit 2; }
done
rm -rf "$CS" && mkdir -p "$CS" "$CACHE/tmp"
cd "$CS"
npm init -y >/dev/null
export TMPDIR="$CACHE/tmp"
export npm_config_unsafe_perm=true   # code-server's postinstall refuses to run as root without it
export npm_config_yes=true           # node-pty's postinstall runs npx node-gyp; the machine's npmrc says yes=false
npm install --ignore-scripts --no-audit --no-fund "code-server@$VERSION" >/dev/null 2>&1
# Seed @vscode/ripgrep's download cache with Debian's rg so its postinstall needs no network.
V=$(node -p "require('$CS/node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
W=$(mktemp -d)
(cd "$W" && npm pack "@vscode/ripgrep@$V" >/dev/null 2>&1 && tar xzf "vscode-ripgrep-$V.tgz")
TAG=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$W/package/lib/postinstall.js")
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$V" "$W/rg"
cp /usr/bin/rg "$W/rg/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$V/ripgrep-$TAG-x86_64-unknown-linux-musl.tar.gz" -C "$W/rg" rg
rm -rf "$W"
npm rebuild code-server argon2 --foreground-scripts >"$CACHE/code-server-build.log" 2>&1 ||
  { echo "install-code-server: build failed, see $CACHE/code-server-build.log" >&2; exit 1; }
"$CS/node_modules/.bin/code-server" --version >/dev/null
