/** Integration tests in the real extension host: the real vscode API, the real language server over stdio. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

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
  it('activates fast and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is installed`);
    const api = (await ext.activate()) as { activationMs: number };
    console.log(`ACTIVATION_MS ${api.activationMs.toFixed(1)}`);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['marathon.testMount', 'marathon.addAgent', 'marathon.removeAgent', 'marathon.selectAgent', 'marathon.showOutput', 'marathon.restartServer']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
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
    const fix = actions.find((a) => a.kind?.value.startsWith('quickfix') && a.diagnostics?.some((d) => d.message === finding.message));
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
    assert.equal(arg.pointer, '/container/volumes/0');
    assert.deepEqual({ driver: arg.volume.driver, name: arg.volume.name }, { driver: 'local', name: 'e2e-pgdata' });
    assert.equal(arg.containerizer, 'MESOS');
    assert.equal(arg.engine, 'docker-volume');
  });
});
