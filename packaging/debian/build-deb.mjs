// Builds the Debian package of dvdi-bridge with dpkg-deb from the bundle `npm run build` made:
//   node packaging/debian/build-deb.mjs [--out DIR]     → DIR/dvdi-bridge_<version>_all.deb (default dist/deb)
// Layout: /usr/bin/dvdi-bridge (wrapper) → /usr/lib/dvdi-bridge/bridge.cjs; /lib/systemd/system/dvdi-bridge.service;
// /etc/dvdi-bridge/dvdi-bridge.conf (a conffile: upgrades keep local edits).
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'dvdi-bridge');
const root = resolve(here, '../../..');

export function buildDeb(outDir = join(root, 'dist/deb')) {
  const bundle = join(root, 'agent-bridge/dist/bridge.cjs');
  for (const b of [bundle, join(root, 'agent-bridge/dist/cluster-cli.cjs')]) if (!existsSync(b)) throw new Error(`${b} is missing; run npm run build first`);
  const version = JSON.parse(readFileSync(join(root, 'agent-bridge/package.json'), 'utf8')).version;
  const stage = mkdtempSync(join(tmpdir(), 'dvdi-bridge-deb-'));
  try {
    chmodSync(stage, 0o755); // the package's ./ becomes / on install
    const put = (src, dest, mode) => {
      mkdirSync(dirname(join(stage, dest)), { recursive: true });
      copyFileSync(src, join(stage, dest));
      chmodSync(join(stage, dest), mode);
    };
    put(bundle, 'usr/lib/dvdi-bridge/bridge.cjs', 0o644);
    // The cluster commands (scale, dry-run --app), which bridge.cjs loads from beside itself.
    put(join(root, 'agent-bridge/dist/cluster-cli.cjs'), 'usr/lib/dvdi-bridge/cluster-cli.cjs', 0o644);
    put(join(here, 'dvdi-bridge.sh'), 'usr/bin/dvdi-bridge', 0o755);
    put(join(here, 'dvdi-bridge.service'), 'lib/systemd/system/dvdi-bridge.service', 0o644);
    put(join(here, 'dvdi-bridge.conf'), 'etc/dvdi-bridge/dvdi-bridge.conf', 0o644);
    put(join(here, 'copyright'), 'usr/share/doc/dvdi-bridge/copyright', 0o644);
    for (const s of ['postinst', 'prerm', 'postrm']) put(join(here, s), `DEBIAN/${s}`, 0o755);
    writeFileSync(join(stage, 'DEBIAN/conffiles'), '/etc/dvdi-bridge/dvdi-bridge.conf\n');
    const sizeKb = Math.ceil(du(stage) / 1024);
    writeFileSync(join(stage, 'DEBIAN/control'), readFileSync(join(here, 'control'), 'utf8').replace('@VERSION@', version).replace('@SIZE@', String(sizeKb)));
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `dvdi-bridge_${version}_all.deb`);
    const r = spawnSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`dpkg-deb --build failed: ${r.stderr || r.error}`);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'DEBIAN') continue;
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  try {
    process.stdout.write(`${buildDeb(i > 0 ? resolve(process.argv[i + 1]) : undefined)}\n`);
  } catch (e) {
    process.stderr.write(`build-deb: ${e.message}\n`);
    process.exit(1);
  }
}
