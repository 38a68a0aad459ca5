// What the cluster status bar item says before the language server runs (clusterStatusBar.ts): what the server will
// do with marathon.cluster.url. Before, any non-empty text read as "connecting", though the server refuses a URL
// without http:// (linting offline, clusterSettings.ts), and the tooltip showed a user:password written in the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterStatusBeforeServer } from '../src/clusterStatusBeforeServer';
import { sanitizeClusterSettings } from '../../language-server/src/server/clusterSettings';

const quiet = { error: () => undefined, info: () => undefined, verbose: () => undefined, setVerbose: () => undefined };

test('a URL without scheme: offline, with the server\'s own sentence', () => {
  const s = clusterStatusBeforeServer({ url: 'marathon.mesos:8080' });
  assert.equal(s.state, 'off');
  assert.equal(s.text, sanitizeClusterSettings({ url: 'marathon.mesos:8080' }, quiet)?.rejected);
});

test('a URL with user info: connecting, the password not shown', () => {
  const s = clusterStatusBeforeServer({ url: ' http://ops:s3cret@marathon.mesos:8080 ' });
  assert.equal(s.state, 'connecting');
  assert.equal(s.text, 'http://marathon.mesos:8080: connects when a Marathon definition is open');
  assert.doesNotMatch(JSON.stringify(s), /s3cret/);
});

test('no URL: offline', () => {
  for (const raw of [undefined, {}, { url: '' }, { url: '  ' }]) assert.equal(clusterStatusBeforeServer(raw).state, 'off');
});

test('any setting: "connecting" exactly when the server would follow the URL, and never a password shown', () => {
  fc.assert(
    fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string(), fc.constant('http://u:pw-XYZ@h:1')), (url) => {
      const s = clusterStatusBeforeServer({ url });
      assert.equal(s.state === 'connecting', sanitizeClusterSettings({ url }, quiet)?.url !== undefined);
      if (url.includes('pw-XYZ')) assert.doesNotMatch(s.text, /pw-XYZ/);
    }),
  );
});

test('a token file given as a relative path: offline, with the server\'s sentence naming the setting', () => {
  const raw = { url: 'http://marathon.mesos:8080', tokenFile: 'dcos-token' };
  const s = clusterStatusBeforeServer(raw);
  assert.equal(s.state, 'off');
  assert.equal(s.text, sanitizeClusterSettings(raw, quiet)?.rejected);
  assert.match(s.text, /marathon\.cluster\.tokenFile "dcos-token" is a relative path/);
});
