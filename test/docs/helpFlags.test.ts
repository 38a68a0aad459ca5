// The four commands as the documents show them: `--help` of each bundle exits 0 and prints its usage on stdout,
// and every flag the documents give a command (in a command line, or as a bare `--flag` in that command's
// section) is one its --help names. Needs the built bundles (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bins = {
  'marathon-lint': 'language-server/bin/marathon-lint.cjs',
  'marathon-language-server': 'language-server/bin/marathon-language-server.cjs',
  'dvdi-bridge': 'agent-bridge/bin/dvdi-bridge.cjs',
  'marathon-gate': 'gate/bin/marathon-gate.cjs',
} as const;
type Tool = keyof typeof bins;

/** Which command a bare `--flag` belongs to, by document and heading; headings not listed give none. */
const sectionTools: Record<string, (heading: string) => Tool | undefined> = {
  'README.md': (h) =>
    /^## marathon-lint|^### Against the cluster/.test(h) ? 'marathon-lint'
    : /^## Language server/.test(h) ? 'marathon-language-server'
    : /^## dvdi-bridge|^## Into the cluster/.test(h) ? 'dvdi-bridge'
    : /^## marathon-gate/.test(h) ? 'marathon-gate'
    : undefined,
  'docs/gate.md': () => 'marathon-gate',
  'docs/dvdi-bridge.md': () => 'dvdi-bridge',
  'docs/cluster.md': () => 'dvdi-bridge',
};

/** A flag of ours: dashes, not Marathon's or Mesos's own `--enable_features`-style underscores. */
const flagPattern = /(?<![\w-])--[a-z][a-z0-9-]*[a-z0-9](?![\w])/g;
const toolPattern = new RegExp(`(?:^|[\\s/$])(${Object.keys(bins).join('|')})(?:\\.cjs)?(?=\\s|$)`);

/** [tool, flag, where] for every flag a document gives one of the commands. */
function documentedFlags(file: string): [Tool, string, string][] {
  const out: [Tool, string, string][] = [];
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  let heading = '';
  let inBlock = false;
  const fromCommand = (text: string, where: string) => {
    const m = toolPattern.exec(text);
    if (!m) return false;
    for (const f of text.slice(m.index + m[0].length).match(flagPattern) ?? []) out.push([m[1] as Tool, f, where]);
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const where = `${file}:${i + 1}`;
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) {
      let command = line;
      while (command.endsWith('\\') && i + 1 < lines.length) command = command.slice(0, -1) + ' ' + lines[++i];
      if (!command.trimStart().startsWith('#')) fromCommand(command, where);
      continue;
    }
    if (/^#{2,3} /.test(line)) heading = line;
    for (const span of line.match(/`[^`]+`/g) ?? []) {
      const text = span.slice(1, -1);
      if (fromCommand(text, where)) continue;
      const tool = sectionTools[file](heading);
      if (tool && text.startsWith('--')) for (const f of text.match(flagPattern) ?? []) out.push([tool, f, where]);
    }
  }
  return out;
}

const help = new Map<Tool, string>();
for (const [tool, bin] of Object.entries(bins) as [Tool, string][]) {
  test(`${tool} --help exits 0 with its usage on stdout`, () => {
    const r = spawnSync(process.execPath, [join(root, bin), '--help'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, `exit ${r.status}; stderr: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`${tool}`), 'the usage names the command');
    help.set(tool, r.stdout);
  });
}

for (const file of Object.keys(sectionTools)) {
  test(`${file}: every flag it gives a command is in that command's --help`, () => {
    const flags = documentedFlags(file);
    assert.ok(flags.length > 0, `${file} shows no flags: has the page moved?`);
    const missing = flags.filter(([tool, flag]) => {
      const text = help.get(tool);
      assert.ok(text !== undefined, `${tool} --help did not run`);
      return !new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(text);
    });
    assert.deepEqual(missing.map(([tool, flag, where]) => `${where}: ${tool} ${flag}`), [], 'documented flags that --help does not name');
  });
}
