// Every `marathon.cluster.*` setting the language server or Test mount's discovery reads is declared in the extension's
// package.json, with a description: VS Code shows only declared settings in its Settings editor and flags the others
// in settings.json as unknown, so a user could not find tokenFile, credentialsFile, caFile or timeoutSeconds. The keys
// read are recorded as the code reads them (a Proxy), not listed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sanitizeClusterSettings } from '../../language-server/src/server/clusterSettings';
import { readClusterSettings } from '../src/clusterConfig';

const manifest = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../package.json'), 'utf8'));
const declared = manifest.contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string; type?: string }>;

function keysRead(read: (raw: unknown) => unknown): string[] {
  const seen = new Set<string>();
  const raw = new Proxy({}, {
    get: (_t, k) => {
      if (typeof k === 'string') seen.add(k);
      return k === 'url' ? 'http://marathon.mesos:8080' : undefined;
    },
  });
  read(raw);
  return [...seen].sort();
}

test('the marathon.cluster settings the server and Test mount read are declared, each with a description', () => {
  const quiet = { error: () => undefined, info: () => undefined, verbose: () => undefined, setVerbose: () => undefined };
  const server = keysRead((raw) => sanitizeClusterSettings(raw, quiet));
  const discovery = keysRead(readClusterSettings);
  assert.ok(server.includes('caFile') && discovery.includes('mesosUrl'), `the recorder sees the reads: ${server} / ${discovery}`);
  const problems = [...new Set([...server, ...discovery])].flatMap((k) => {
    const d = declared[`marathon.cluster.${k}`];
    if (!d) return [`marathon.cluster.${k} is read but not declared in package.json contributes.configuration`];
    return (d.markdownDescription ?? d.description ?? '').trim().length < 20 ? [`marathon.cluster.${k} has no description`] : [];
  });
  assert.deepEqual(problems, []);
});
