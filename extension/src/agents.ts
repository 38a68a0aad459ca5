/**
 * Agents the user can test mounts on: names and URLs in settings (`marathon.agents`), tokens only in
 * SecretStorage, the current one in `marathon.currentAgent`.
 */
import * as vscode from 'vscode';
import { tokenFromLine } from '@marathon-devtools/language-server/testMountText';
import { settingTarget } from './settingTarget';

export interface BridgeAgent {
  name: string;
  url: string;
}

const secretKey = (name: string) => `marathon.agentToken.${name}`;

export class AgentStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  list(): BridgeAgent[] {
    const raw = vscode.workspace.getConfiguration('marathon').get<unknown>('agents');
    if (!Array.isArray(raw)) return [];
    return raw.filter((a): a is BridgeAgent => typeof a?.name === 'string' && typeof a?.url === 'string');
  }

  current(): BridgeAgent | undefined {
    const agents = this.list();
    const name = vscode.workspace.getConfiguration('marathon').get<string>('currentAgent');
    return agents.find((a) => a.name === name) ?? agents[0];
  }

  token(agent: BridgeAgent): Thenable<string | undefined> {
    return this.secrets.get(secretKey(agent.name));
  }

  async add(agent: BridgeAgent, token: string): Promise<void> {
    const agents = this.list().filter((a) => a.name !== agent.name);
    agents.push(agent);
    await this.secrets.store(secretKey(agent.name), token);
    const config = vscode.workspace.getConfiguration('marathon');
    await config.update('agents', agents, settingTarget(config, 'agents'));
    await config.update('currentAgent', agent.name, settingTarget(config, 'currentAgent'));
    this.changed.fire();
  }

  async remove(name: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('marathon');
    await config.update('agents', this.list().filter((a) => a.name !== name), settingTarget(config, 'agents'));
    if (config.get<string>('currentAgent') === name) await config.update('currentAgent', undefined, settingTarget(config, 'currentAgent'));
    await this.secrets.delete(secretKey(name));
    this.changed.fire();
  }

  async select(name: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('marathon');
    await config.update('currentAgent', name, settingTarget(config, 'currentAgent'));
    this.changed.fire();
  }
}

function validateAgentUrl(value: string): string | undefined {
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return 'Use a ws:// or wss:// URL, e.g. ws://10.0.0.5:8474 or wss://agent-1.example.com:8474';
    return undefined;
  } catch {
    return 'Not a URL: expected e.g. ws://10.0.0.5:8474 or wss://agent-1.example.com:8474 (dvdi-bridge listens on 8474)';
  }
}

/** What is wrong with a pasted line of a bridge's --token-file (`name:token`) or a token alone; undefined when nothing. */
export function tokenLineProblem(value: string): string | undefined {
  const t = tokenFromLine(value).token;
  if (!t) return "A token is required: the text after the colon in the bridge's token file line";
  if (/\s/.test(t)) return 'A token has no spaces: paste one line of the token file, e.g. alice:3f9c…';
  return undefined;
}

/** The `Marathon: Add Agent` flow: name, URL, token (password box). Returns the agent, or undefined if cancelled. */
export async function promptForAgent(store: AgentStore): Promise<BridgeAgent | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'Marathon: Add Agent (1/3)',
    prompt: 'A name for this agent',
    placeHolder: 'agent-1',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A name is required'),
  });
  if (!name) return undefined;
  const url = await vscode.window.showInputBox({
    title: 'Marathon: Add Agent (2/3)',
    prompt: 'The dvdi-bridge URL of the agent (the bridge listens on port 8474 by default)',
    placeHolder: 'ws://agent-1.example.com:8474',
    ignoreFocusOut: true,
    validateInput: validateAgentUrl,
  });
  if (!url) return undefined;
  const token = await vscode.window.showInputBox({
    title: 'Marathon: Add Agent (3/3)',
    prompt: "Paste a line of the agent's --token-file (name:token) or just the token after the colon; kept in VS Code's SecretStorage, never in settings",
    placeHolder: 'alice:3f9c…',
    password: true,
    ignoreFocusOut: true,
    validateInput: tokenLineProblem,
  });
  if (!token) return undefined;
  const agent = { name: name.trim(), url: url.trim() };
  await store.add(agent, tokenFromLine(token).token);
  return agent;
}
