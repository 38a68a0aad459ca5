/**
 * "Marathon: Connect to Cluster": asks for Marathon's URL (the one setting, `marathon.cluster.url`, which
 * Test mount's bridge discovery also uses) and the token (SecretStorage under `marathon.cluster.token`, the key
 * discovery reads); the caller then restarts the language server so it starts with the token in its environment
 * (`MARATHON_CLUSTER_TOKEN`, protocol.ts; serverTokenSync.ts). The token never reaches settings or logs.
 */
import * as vscode from 'vscode';
import { tokenProblem } from '@marathon-devtools/cluster/marathon/options';
import { CLUSTER_TOKEN_KEY } from './clusterBridges';
import { settingTarget } from './settingTarget';

/** Returns true when the user confirmed (the caller then restarts the server). */
export async function connectToCluster(secrets: vscode.SecretStorage): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('marathon.cluster');
  const current = config.get<string>('url') ?? '';
  const url = await vscode.window.showInputBox({
    title: 'Marathon: Connect to Cluster (1/2)',
    prompt: 'Marathon of the cluster, e.g. http://marathon.mesos:8080 or https://dcos.example/service/marathon (empty: no cluster, lint offline)',
    value: current,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || /^https?:\/\/[^/\s]+/i.test(v.trim()) ? undefined : 'An http:// or https:// URL'),
  });
  if (url === undefined) return false;
  if (url.trim() !== '') {
    const hasToken = (await secrets.get(CLUSTER_TOKEN_KEY)) !== undefined;
    const token = await vscode.window.showInputBox({
      title: 'Marathon: Connect to Cluster (2/2)',
      prompt: `The DC/OS token for this cluster (sent as "Authorization: token=…"), kept in VS Code's SecretStorage. ${hasToken ? 'Leave empty to keep the stored one; type "-" to remove it.' : 'Leave empty when Marathon needs none.'}`,
      password: true,
      ignoreFocusOut: true,
      // Refused here rather than at the next lint, where the server could only say the stored token is unusable.
      validateInput: (v) => {
        const problem = v.trim() && v.trim() !== '-' ? tokenProblem(v.trim()) : undefined;
        return problem ? `The token ${problem}: paste the one line \`dcos config show core.dcos_acs_token\` prints` : undefined;
      },
    });
    if (token === undefined) return false;
    if (token.trim() === '-') await secrets.delete(CLUSTER_TOKEN_KEY);
    else if (token.trim() !== '') await secrets.store(CLUSTER_TOKEN_KEY, token.trim());
  }
  await config.update('url', url.trim(), settingTarget(config, 'url'));
  return true;
}
