#!/usr/bin/env bash
# Everything the tests need that npm ci does not bring: Debian packages (real volume plugin, FUSE, editors, browser).
set -euo pipefail
need=()
# openjdk-17-jdk-headless + libjackson2-core-java: the gate's body reader is checked against Jackson itself (test/gate/jacksonParity.test.ts).
for p in rclone fuse3 neovim chromium libkrb5-dev pkg-config ripgrep systemd fakeroot openjdk-17-jdk-headless libjackson2-core-java; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
