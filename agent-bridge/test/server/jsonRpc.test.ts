import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, startHarness, until, type Harness, type RpcClient } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

describe('bridge server: JSON-RPC correctness', () => {
  let h: Harness;
  let c: RpcClient;
  let real: RealRunner;
  before(async () => {
    real = await startRealRunner('jsonrpc');
    await real.createVolumes('v', 'logged');
    h = await startHarness(real.runner);
    c = await connect(h.bridge.url);
  });
  after(async () => {
    c?.ws.close();
    await h?.close();
    await real?.close();
  });

  it('answers malformed JSON with -32700 and id null', async () => {
    const r = await c.raw('{"jsonrpc": "2.0", "id": 1, "method": ');
    assert.equal(r.error.code, -32700);
    assert.equal(r.id, null);
  });

  it('answers structurally invalid requests with -32600 and says what is wrong', async () => {
    for (const [text, pattern] of [
      ['42', /must be an object/],
      ['{"id": 3, "method": "bridge/info"}', /message\.jsonrpc: is required/],
      ['{"jsonrpc": "1.0", "id": 3, "method": "bridge/info"}', /message\.jsonrpc: must be exactly "2\.0"/],
      ['{"jsonrpc": "2.0", "id": 4, "method": 7}', /message\.method: must be a string/],
      ['{"jsonrpc": "2.0", "id": {"x": 1}, "method": "bridge/info"}', /message\.id: must be an integer or a string/],
      ['{"jsonrpc": "2.0", "id": 5, "method": "bridge/info", "params": 3}', /message\.params: must be an object/],
      ['[{"jsonrpc": "2.0", "id": 6, "method": "bridge/info"}]', /batch requests are not supported/],
      ['{"jsonrpc": "2.0", "id": 7, "method": "bridge/info", "extra": 1}', /message\.extra: unknown field/],
    ] as const) {
      const r = await c.raw(text);
      assert.equal(r.error.code, -32600, text);
      assert.match(r.error.message, pattern, text);
    }
  });

  it('an id of the right type but out of bounds is told its bound, not a type it already has', async () => {
    for (const [id, pattern] of [
      ['', /message\.id: must be an integer or a string; as a string: must NOT have fewer than 1 characters/],
      ['x'.repeat(129), /message\.id: must be an integer or a string; as a string: must NOT have more than 128 characters/],
      [1.5, /message\.id: must be an integer or a string$/],
    ] as const) {
      const r = await c.raw(JSON.stringify({ jsonrpc: '2.0', id, method: 'bridge/info' }));
      assert.equal(r.error.code, -32600, JSON.stringify(id));
      assert.match(r.error.message, pattern, JSON.stringify(id));
    }
  });

  it('echoes a usable id in an invalid-request error', async () => {
    const r = await c.raw('{"jsonrpc": "1.0", "id": "abc", "method": "bridge/info"}');
    assert.equal(r.id, 'abc');
    assert.equal(r.error.code, -32600);
  });

  it('answers an unknown method with -32601 listing the known ones', async () => {
    const r = await c.request('volume/format', { driver: 'local' });
    assert.equal(r.error.code, -32601);
    assert.match(r.error.message, /volume\/format/);
    assert.match(r.error.message, /volume\/dryRunMount/);
  });

  it('a notification sent as a request (with an id) is answered saying how to send it, not that the method is unknown', async () => {
    const cancel = await c.request('$/cancelRequest', { id: 1 });
    assert.equal(cancel.error.code, -32601);
    assert.match(cancel.error.message, /\$\/cancelRequest is a notification: send it without "id"/);
    const progress = await c.request('volume/dryRunProgress', { id: 1, step: 'mount', status: 'ok' });
    assert.equal(progress.error.code, -32601);
    assert.match(progress.error.message, /volume\/dryRunProgress is a notification the bridge sends/);
  });

  it('a cancelled bridge/info is answered -32800 saying it changes nothing, not what a dry run "mounted"', async () => {
    const answer = c.request('bridge/info', undefined, 'cancel-info');
    c.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'cancel-info' } });
    const r = await answer;
    assert.equal(r.error?.code, -32800, JSON.stringify(r));
    assert.match(r.error.message, /bridge\/info changes nothing on the agent/);
    assert.doesNotMatch(r.error.message, /mounted/);
  });

  it('answers invalid params with -32602 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'v' }, 'params.driver'],
      [{ driver: 'local' }, 'params.name'],
      [{ driver: 'local', name: 3 }, 'params.name'],
      [{ driver: 'local', name: 'v', mode: 'rw' }, 'params.mode'],
      [{ driver: 'local', name: 'v', engine: 'docker' }, 'params.engine'],
      [{ driver: 'local', name: 'v', options: { size: 5 } }, 'params.options.size'],
      [{ driver: 'local', name: 'v', options: [] }, 'params.options'],
      [{ driver: 'local', name: 'v', allowCreate: 'yes' }, 'params.allowCreate'],
      [{ driver: 'local', name: 'v', volumedriver: 'x' }, 'params.volumedriver'],
    ];
    for (const [params, field] of cases) {
      const r = await c.request('volume/dryRunMount', params);
      assert.equal(r.error?.code, -32602, JSON.stringify(params));
      assert.equal(r.error.data.field, field, JSON.stringify(params));
      assert.ok(r.error.message.includes(field), `${r.error.message} should name ${field}`);
    }
    const l = await c.request('volume/list', {});
    assert.equal(l.error.data.field, 'params.driver');
    const i = await c.request('bridge/info', { verbose: true });
    assert.equal(i.error.code, -32602);
  });

  // One table per engine, from the shared request rules (validation/request.ts): what could inject into what the
  // bridge runs is -32602 naming the field; what the agent's isolator itself would refuse reaches the runner and
  // comes back as the verdict refused; everything else runs: validate and policy pass and the runner asks the
  // local driver, which mounts and releases `v` and answers Get for a name it cannot hold with its own error.
  // No engine in the request = the runner's default (plugin).
  const ALL = [undefined, 'plugin', 'docker-volume', 'dvdi-module'] as const;
  const DVDCLI = ['docker-volume', 'dvdi-module'] as const;
  type Case = [engines: readonly (string | undefined)[], params: Record<string, unknown>, field: string];
  const unsafeCases: Case[] = [
    [ALL, { name: '--volumedriver=x' }, 'params.name'],
    [ALL, { name: 'a\u0000b' }, 'params.name'],
    [ALL, { name: 'a\nb' }, 'params.name'],
    [ALL, { name: 'v', driver: '-x' }, 'params.driver'],
    [ALL, { name: 'v', driver: '../rexray' }, 'params.driver'],
    [ALL, { name: 'v', options: { k: 'v\n' } }, 'params.options.k'],
    [ALL, { name: 'v', options: { '-k': 'v' } }, 'params.options["-k"]'],
    [[undefined, 'plugin', 'docker-volume'], { name: '../../etc' }, 'params.name'],
    [[undefined, 'plugin', 'docker-volume'], { name: 'a;rm -rf /' }, 'params.name'],
    [ALL, { name: '..' }, 'params.name'],
    [ALL, { name: '.' }, 'params.name'],
    [ALL, { name: 'a\uD800b' }, 'params.name'],
    [ALL, { name: '\uDC00' }, 'params.name'],
    [ALL, { name: 'v', options: { k: 'x\uDBFF' } }, 'params.options.k'],
    [DVDCLI, { name: 'v', options: { size: '1,overwritefs=true' } }, 'params.options.size'],
    [DVDCLI, { name: 'v', options: { label: 'a=b' } }, 'params.options.label'],
    [DVDCLI, { name: 'v', options: { 'noequals,x': '1' } }, 'params.options["noequals,x"]'],
    [['docker-volume'], { name: 'v', options: { k: 'a"b' } }, 'params.options.k'],
    [['dvdi-module'], { name: 'a*' }, 'params.name'],
    [['dvdi-module'], { name: 'a(b)' }, 'params.name'],
    [['dvdi-module'], { name: 'v', options: { k: 'x#y' } }, 'params.options.k'],
  ];
  const agentRefuses: [engine: string, params: Record<string, unknown>, pattern: RegExp][] = [
    ['dvdi-module', { name: 'a;rm -rf /' }, /^name: mesos-module-dvdi rejects DVDI_VOLUME_NAME .*";" is prohibited/],
    ['dvdi-module', { name: 'a$(reboot)' }, /^name: mesos-module-dvdi rejects .*"\$" is prohibited/],
    ['dvdi-module', { name: 'a b' }, /^name: mesos-module-dvdi rejects .*a space is prohibited/],
    ['dvdi-module', { name: 'v', options: { path: '/srv/x' } }, /^options\.path: mesos-module-dvdi rejects DVDI_VOLUME_OPTS item "path=\/srv\/x"/],
    ['dvdi-module', { name: 'v', options: { remote: 'r:bucket' } }, /"remote=r:bucket".*":" is prohibited/],
    ['dvdi-module', { name: 'v', containerPath: 'data' }, /^containerPath: mesos-module-dvdi: "prepare\(\) failed, containerpaths must start with \/"/],
    ['dvdi-module', { name: 'v', containerPath: '/data;reboot' }, /^containerPath: .*through a shell/],
    ['dvdi-module', { name: 'v', containerPath: '/nonexistent-dvdi-test/pg' }, /^containerPath: mesos-module-dvdi: "prepare\(\) failed, containerpath \/nonexistent-dvdi-test\/pg must pre-exist, or be under \/tmp"/],
  ];
  const DRIVER_REFUSES_NAME = /^VolumeDriver\.Get: invalid volume name /;
  const runs: [engines: readonly (string | undefined)[], params: Record<string, unknown>, driverGet?: RegExp][] = [
    [ALL, { name: 'name=vol1,size=10' }, DRIVER_REFUSES_NAME],
    [[undefined, 'plugin', 'docker-volume'], { name: 'a$(reboot) b', options: { path: '/srv/x', remote: 'r:bucket', iops: '-1', size: '1 --explicitcreate' } }, DRIVER_REFUSES_NAME],
    [[undefined, 'plugin'], { name: 'v', options: { 'a;b': 'c=d,e"' } }],
    [[undefined, 'plugin', 'docker-volume'], { name: 'v', containerPath: 'data/pg' }],
    [[undefined, 'plugin', 'docker-volume'], { name: 'v', containerPath: '/var/lib/pg' }],
    // The module's own check (real runner): an absolute containerPath must exist on the agent or be under /tmp.
    [['dvdi-module'], { name: 'v', containerPath: '/tmp/pg' }],
  ];
  const withEngine = (engine: string | undefined, p: Record<string, unknown>) => ({ driver: 'local', ...p, ...(engine ? { engine } : {}) });

  for (const [engines, params, field] of unsafeCases) {
    for (const engine of engines) {
      it(`-32602 ${field} for ${JSON.stringify(params)} on ${engine ?? 'the default engine'}`, async () => {
        const r = await c.request('volume/dryRunMount', withEngine(engine, params));
        assert.equal(r.error?.code, -32602, JSON.stringify(r));
        assert.equal(r.error.data.field, field);
        assert.ok(r.error.message.includes(field), r.error.message);
      });
    }
  }

  for (const [engine, params, pattern] of agentRefuses) {
    it(`verdict refused (not a protocol error) for ${JSON.stringify(params)} on ${engine}`, async () => {
      const r = await c.request('volume/dryRunMount', withEngine(engine, params));
      assert.equal(r.result?.verdict, 'refused', JSON.stringify(r));
      assert.equal(r.result.steps[0].step, 'validate');
      assert.match(r.result.steps[0].detail, pattern);
    });
  }

  for (const [engines, params, driverGet] of runs) {
    for (const engine of engines) {
      it(`runs ${JSON.stringify(params)} on ${engine ?? 'the default engine'}`, async () => {
        const r = await c.request('volume/dryRunMount', withEngine(engine, params));
        const steps: { step: string; ok: boolean; detail?: string }[] = r.result?.steps ?? [];
        assert.deepEqual(steps.slice(0, 2).map((s) => [s.step, s.ok]), [['validate', true], ['policy', true]], JSON.stringify(r));
        assert.equal(steps[0].detail, `engine ${engine ?? 'plugin'}`);
        if (driverGet) {
          // It reached the driver: the local driver's own name rule answers Get, not the bridge's checks.
          assert.equal(r.result.verdict, 'failed', JSON.stringify(r));
          const get = steps.at(-1)!;
          assert.equal(get.step, 'get');
          assert.match(get.detail!, driverGet);
        } else {
          assert.equal(r.result.verdict, 'mounted-and-released', JSON.stringify(r));
          assert.deepEqual(steps.slice(-2).map((s) => [s.step, s.ok]), [['unmount', true], ['verify-released', true]]);
        }
        assert.deepEqual(await real.mounts(), []);
      });
    }
  }

  it('ignores notifications: no answer, and known methods are not run', async () => {
    const runsBefore = h.logs.filter((l) => l.event === 'request' && l.method === 'volume/dryRunMount').length;
    c.send({ jsonrpc: '2.0', method: 'volume/dryRunMount', params: { driver: 'local', name: 'silent' } });
    c.send({ jsonrpc: '2.0', method: 'something/else' });
    c.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'nothing-running' } });
    const r = await c.request('bridge/info', undefined, 'after-notifications');
    assert.equal(r.id, 'after-notifications', 'the first answer after the notifications is for the request');
    assert.equal(h.logs.filter((l) => l.event === 'request' && l.method === 'volume/dryRunMount').length, runsBefore);
    assert.ok(h.logs.some((l) => l.event === 'notification-ignored' && l.method === 'volume/dryRunMount'));
  });

  it('ignores responses sent by the client', async () => {
    c.send({ jsonrpc: '2.0', id: 99, result: {} });
    const r = await c.request('bridge/info', undefined, 'after-response');
    assert.equal(r.id, 'after-response');
  });

  it('answers binary frames with a parse error', async () => {
    const r = await new Promise<any>((resolve) => {
      c.ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    });
    assert.equal(r.error.code, -32700);
    assert.match(r.error.message, /binary/);
  });

  it('closes a connection that sends a 10 MB message with 1009, and keeps serving others', async () => {
    const big = await connect(h.bridge.url);
    big.ws.on('error', () => {});
    big.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'volume/dryRunMount', params: { driver: 'local', name: 'x'.repeat(10 * 1024 * 1024) } }));
    const closed = await big.closed;
    assert.equal(closed.code, 1009);
    const r = await c.request('bridge/info');
    assert.equal(r.result.version, '0.1.0');
    const res = await fetch(h.httpUrl + '/healthz');
    assert.equal(res.status, 200);
  });

  it('writes one log line per request with method, token name, outcome and ms', async () => {
    const r = await c.request('volume/dryRunMount', { driver: 'local', name: 'logged' }, 'log-me');
    assert.equal(r.result.verdict, 'mounted-and-released');
    await until(() => h.logs.some((l) => l.id === 'log-me'));
    const lines = h.logs.filter((l) => l.id === 'log-me');
    assert.equal(lines.length, 1);
    const [line] = lines;
    assert.equal(line.event, 'request');
    assert.equal(line.method, 'volume/dryRunMount');
    assert.equal(line.token, 'admin');
    assert.equal(line.driver, 'local');
    assert.equal(line.name, 'logged');
    assert.equal(line.verdict, 'mounted-and-released');
    assert.equal(typeof line.ms, 'number');
    assert.equal(typeof line.ts, 'string');
  });
});
