// `npm start` (scripts/demo.mjs) finds the bridge's URL in the line serve prints on stdout, whichever of stdout and
// stderr arrives first: the JSON log line on stderr also holds the URL, followed by `","tokens":…`, and a demo that
// read both streams together connected to that text under load ("answered HTTP 404 instead of opening a websocket").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
// @ts-expect-error a plain .mjs script without types
import { bridgeUrl } from '../../scripts/bridgeUrl.mjs';

test('the URL comes from the stdout line even when the JSON log on stderr comes first', async () => {
  // A real process that speaks like `dvdi-bridge serve` starting, stderr first.
  const child = spawn(process.execPath, [
    '-e',
    `process.stderr.write('{"level":"info","event":"listening","url":"ws://127.0.0.1:4567/v1","tokens":["demo"],"mode":"embedded"}\\n');
     setTimeout(() => { process.stdout.write('dvdi-bridge listening on ws://127.0.0.1:4567/v1\\n'); setTimeout(() => {}, 200); }, 150);`,
  ]);
  try {
    assert.equal(await bridgeUrl(child, 10_000), 'ws://127.0.0.1:4567/v1');
  } finally {
    child.kill();
  }
});
