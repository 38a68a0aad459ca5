/** Integration tests in the real extension host: the real vscode API, the real language server over stdio. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarathonExtensionApi } from '../../src/extension';

const extensionId = 'marathon-devtools.marathon-devtools';

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

describe('Marathon DevTools in VS Code', () => {
  it('activates fast, registers its commands, and starts no server for JSON that is not a definition', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is installed`);
    const other = await vscode.workspace.openTextDocument(fixture('not-marathon.json'));
    await vscode.window.showTextDocument(other);
    const api = (await ext.activate()) as MarathonExtensionApi;
    console.log(`ACTIVATION_MS ${api.activationMs.toFixed(1)}`);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['marathon.testMount', 'marathon.addAgent', 'marathon.removeAgent', 'marathon.selectAgent', 'marathon.showOutput', 'marathon.restartServer']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(api.serverStarted(), false, 'opening not-marathon.json must not start the language server');
    // JSON with Comments (settings.json, tasks.json) is never sent to the server, so it must not start one either,
    // even when shaped like an app (an old-style tasks.json has "command" and "args").
    const jsonc = await vscode.workspace.openTextDocument({ language: 'jsonc', content: '{"id": "/tasks", "args": ["build"]}' });
    await vscode.window.showTextDocument(jsonc);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(api.serverStarted(), false, 'opening a JSONC document must not start the language server');
    // A file named by a workspace-relative `marathon.files` glob (the fixture's .vscode/settings.json has
    // "custom/*.json") starts the server even though its shape is no definition yet, and gets the server's verdict on it.
    const t0 = Date.now();
    const globbed = await vscode.workspace.openTextDocument(fixture('custom/scratch.json'));
    await vscode.window.showTextDocument(globbed);
    await waitFor('server started by a marathon.files glob', () => api.serverStarted(), 5_000);
    await api.serverReady();
    console.log(`SERVER_READY_MS ${Date.now() - t0}`);
    await waitFor('the unknown-kind finding on the globbed file', () =>
      vscode.languages.getDiagnostics(globbed.uri).find((d) => typeof d.code === 'object' && d.code.value === 'unknown-kind'),
    );
  });

  it('shows the engine findings with rule id and docs link for a Marathon app', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('postgres.json'));
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'marathon');
      return d.length ? d : undefined;
    });
    const modeFinding = diags.find((d) => typeof d.code === 'object' && d.code.value === 'dvdi-mesos-mode-rw');
    assert.ok(modeFinding, `dvdi-mesos-mode-rw among ${diags.map((d) => JSON.stringify(d.code)).join(', ')}`);
    assert.match(String((modeFinding.code as { target: vscode.Uri }).target), /docs\/rules\/dvdi-mesos-mode-rw\.md$/);
  });

  it('leaves other JSON alone', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('not-marathon.json'));
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'marathon'), []);
  });

  it('offers a quick fix that clears the finding', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('postgres.json'));
    await vscode.window.showTextDocument(doc);
    const finding = await waitFor('mode finding', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => typeof d.code === 'object' && d.code.value === 'dvdi-mesos-mode-rw'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    // executeCodeActionProvider does not hand back the actions' diagnostics, so match the server's fix by kind and title.
    const fix = actions.find((a) => a.kind?.value.startsWith('quickfix') && /RW/.test(a.title));
    assert.ok(fix?.edit, `a quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('finding cleared', () =>
      !vscode.languages.getDiagnostics(doc.uri).some((d) => typeof d.code === 'object' && d.code.value === 'dvdi-mesos-mode-rw'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('puts a Test mount code lens on the external volume with the bridge request as argument', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('postgres.json'));
    const lenses = await waitFor('code lens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      return l?.length ? l : undefined;
    });
    const lens = lenses.find((l) => l.command?.command === 'marathon.testMount');
    assert.ok(lens, 'a marathon.testMount lens');
    const arg = lens.command!.arguments![0];
    assert.equal(arg.uri, doc.uri.toString());
    assert.equal(arg.pointer, '/container/volumes/0/external');
    assert.deepEqual({ driver: arg.volume.driver, name: arg.volume.name }, { driver: 'local', name: 'e2e-pgdata' });
    assert.equal(arg.containerizer, 'MESOS');
    assert.equal(arg.engine, 'docker-volume');
    assert.equal(arg.volume.containerPath, 'pgdata');
    assert.ok(arg.volume.mode === 'RO' || arg.volume.mode === 'RW');
  });

  it('Test mount without any agent offers to add one instead of failing', async () => {
    // No agent is configured in this fresh profile; the command must not throw or try to connect.
    const doc = await vscode.workspace.openTextDocument(fixture('postgres.json'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const arg = lenses.find((l) => l.command?.command === 'marathon.testMount')!.command!.arguments![0];
    const pending = vscode.commands.executeCommand('marathon.testMount', arg);
    // The offer is a notification; dismissing it (as the user pressing Escape) ends the command with no result.
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(await Promise.race([pending, new Promise((r) => setTimeout(() => r('still waiting'), 5000))]), undefined);
  });

  // A team shares its agents (names and URLs; tokens never are settings) in the workspace's .vscode/settings.json. The
  // commands must change them there: written to the user settings, which the workspace's value overrides, a pick
  // changed nothing, and Remove Agent deleted the agent's token while the agent stayed listed.
  it('Select Agent and Remove Agent change the agents where the workspace sets them', async () => {
    const config = () => vscode.workspace.getConfiguration('marathon');
    const names = () => (config().get<{ name: string }[]>('agents') ?? []).map((a) => a.name);
    const pick = async (command: string, nexts: number) => {
      const pending = vscode.commands.executeCommand(command);
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < nexts; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await pending;
    };
    await config().update('agents', [{ name: 'ws-a', url: 'ws://127.0.0.1:9' }, { name: 'ws-b', url: 'ws://127.0.0.1:10' }], vscode.ConfigurationTarget.Workspace);
    await config().update('currentAgent', 'ws-a', vscode.ConfigurationTarget.Workspace);
    try {
      // The picker lists the current agent (ws-a) first: the next row is ws-b.
      await pick('marathon.selectAgent', 1);
      assert.equal(config().get('currentAgent'), 'ws-b', 'the agent picked is the one Test mount uses');
      await pick('marathon.removeAgent', 0);
      assert.deepEqual(names(), ['ws-b'], 'the agent removed is no longer listed');
      assert.deepEqual([config().inspect('agents')?.globalValue, config().inspect('currentAgent')?.globalValue], [undefined, undefined], 'the user settings are left alone');
    } finally {
      for (const key of ['agents', 'currentAgent']) {
        await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
        await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      }
    }
  });

  it('checks marathon-lint.config.json with the bundled schema (and only that JSON schema)', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('config-check/marathon-lint.config.json'));
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('schema diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length >= 2 ? d : undefined;
    });
    assert.ok(diags.some((d) => d.range.start.line === 1 && /string/i.test(d.message)), `marathonVersion as a number: ${diags.map((d) => d.message).join(' | ')}`);
    assert.ok(diags.some((d) => d.range.start.line === 2 && /off|warning|error/.test(d.message)), `"eror": ${diags.map((d) => d.message).join(' | ')}`);
    // The app documents get no JSON-schema findings on top of the server's: no jsonValidation for them.
    const app = await vscode.workspace.openTextDocument(fixture('postgres.json'));
    assert.deepEqual(vscode.languages.getDiagnostics(app.uri).filter((d) => d.source !== 'marathon').map((d) => d.message), []);
  });
});
