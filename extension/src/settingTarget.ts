/**
 * Where a command writes a setting: where the user set it before (the workspace's .vscode/settings.json, e.g. a
 * team's shared agent list), else the user's settings. Written to the user's settings while the workspace sets
 * it, the change would be overridden and do nothing.
 */
import * as vscode from 'vscode';

export function settingTarget(config: vscode.WorkspaceConfiguration, key: string): vscode.ConfigurationTarget {
  const inspected = config.inspect(key);
  if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}
