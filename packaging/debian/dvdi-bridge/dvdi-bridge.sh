#!/bin/sh
# dvdi-bridge: runs the bundled bridge with the system's Node.js (>= 20). Resolves its own location so the
# package also works when unpacked under another root (dpkg -x).
here=$(dirname "$(readlink -f "$0")")
exec node "$here/../lib/dvdi-bridge/bridge.cjs" "$@"
