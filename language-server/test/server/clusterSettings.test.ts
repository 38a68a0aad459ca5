// marathon.cluster.* settings (a bad value dropped with a log line naming it) and the status sentences clients show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sanitizeClusterSettings } from '../../src/server/clusterSettings';
import { clusterStatusOf } from '../../src/server/clusterLink';
import type { Logger } from '../../src/server/logger';

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (m) => void lines.push(m), info: () => {}, verbose: () => {}, setVerbose: () => {} };
}

test('cluster settings: good values kept, bad ones dropped with a line naming the setting', () => {
  const log = logger();
  const s = sanitizeClusterSettings({ url: ' https://dcos.example/service/marathon ', tokenFile: '/run/secrets/t', caFile: '', timeoutSeconds: 5, pollSeconds: -1, mesosUrl: 'http://m:5050' }, log);
  assert.deepEqual(s, { url: 'https://dcos.example/service/marathon', tokenFile: '/run/secrets/t', timeoutSeconds: 5 });
  assert.deepEqual(log.lines, ['marathon.cluster.pollSeconds ignored: expected a number of seconds between 0 and 3600, got -1']);
  const bad = logger();
  // A rejected url is not followed; why is kept for the status line.
  assert.deepEqual(sanitizeClusterSettings({ url: 'marathon.mesos:8080', credentialsFile: 3 }, bad), {
    rejected: 'marathon.cluster.url "marathon.mesos:8080" is not an http:// or https:// URL, so no cluster is used: linting offline. Write the URL with its scheme, e.g. "http://marathon.mesos:8080".',
  });
  assert.match(bad.lines[0], /^marathon\.cluster\.url ignored: expected an http:\/\/ or https:\/\/ URL, got "marathon\.mesos:8080"$/);
  assert.match(bad.lines[1], /^marathon\.cluster\.credentialsFile ignored/);
  assert.match(sanitizeClusterSettings({ url: 42 }, bad)?.rejected ?? '', /^marathon\.cluster\.url is not a string \(42\)/);
  assert.equal(sanitizeClusterSettings('http://x', bad), undefined);
  assert.equal(sanitizeClusterSettings(undefined, bad), undefined);
});

test('cluster status: a sentence for each state, the time of the outage in ISO 8601', () => {
  const info = { name: 'marathon', version: '1.4.7', elected: true, leader: 'x', marathon_config: {} };
  const group = (apps: number) => ({ id: '/', apps: Array.from({ length: apps }, (_, i) => ({ id: `/a${i}` })), pods: [], groups: [{ id: '/g', apps: [{ id: '/g/b' }], pods: [], groups: [], dependencies: [] }], dependencies: [] });
  const up = clusterStatusOf('http://m:8080/', { state: 'connected', updates: 'events', snapshot: { url: 'http://m:8080/', info, rootGroup: group(1), at: 0 } }, 30);
  assert.equal(up.text, 'Marathon 1.4.7 at http://m:8080: 2 deployed apps, kept current by its event stream');
  assert.deepEqual([up.state, up.marathonVersion, up.apps, up.updates], ['connected', '1.4.7', 2, 'events']);
  const polling = clusterStatusOf('http://m:8080', { state: 'connected', updates: 'polling', snapshot: { url: 'http://m:8080/', info, rootGroup: group(0), at: 0 } }, 30);
  assert.equal(polling.text, 'Marathon 1.4.7 at http://m:8080: 1 deployed app, re-read every 30 s (the event stream is down)');
  const down = clusterStatusOf('http://m:8080', { state: 'unreachable', since: Date.UTC(2026, 11, 5, 7, 41, 2), error: 'http://m:8080/v2/info: connection refused' }, 30);
  assert.equal(down.text, 'cluster unreachable since 2026-12-05T07:41:02.000Z (http://m:8080/v2/info: connection refused); linting offline');
  assert.equal(down.since, '2026-12-05T07:41:02.000Z');
});

test('an access file given as a relative path: the cluster is not followed, and the status says which setting and what to write', () => {
  const log = logger();
  const s = sanitizeClusterSettings({ url: 'http://m:8080', tokenFile: 'dcos-token', caFile: '/etc/ca.pem' }, log);
  assert.equal(s?.url, undefined, 'not followed: its requests would come back 401, blamed on a setting the user did set');
  assert.equal(s?.tokenFile, undefined);
  assert.equal(s?.caFile, '/etc/ca.pem');
  assert.match(s?.rejected ?? '', /^marathon\.cluster\.tokenFile "dcos-token" is a relative path, which the editor has no directory to read from, so no cluster is used: linting offline\. Write it absolute, e\.g\. "\/.+\/dcos-token" or "~\/dcos-token"\.$/);
  assert.deepEqual(log.lines, ['marathon.cluster.tokenFile ignored: "dcos-token" is a relative path']);
  // ~ is the user's home, as a shell reads it.
  const home = sanitizeClusterSettings({ url: 'http://m:8080', credentialsFile: '~/.marathon/creds' }, logger());
  assert.equal(home?.url, 'http://m:8080');
  assert.equal(home?.credentialsFile, join(homedir(), '.marathon/creds'));
  // The URL's own problem is said first; the file's is still logged.
  const both = logger();
  assert.match(sanitizeClusterSettings({ url: 'm:8080', caFile: './ca.pem' }, both)?.rejected ?? '', /^marathon\.cluster\.url "m:8080"/);
  assert.equal(both.lines.length, 2);
});
