/**
 * `workspace/executeCommand` for `marathon.testMount`, for editors whose client does not run the command
 * itself (Neovim, Emacs…): the "Test mount" lens's argument → a dry run on the current agent of the
 * `marathon.agents` setting, with the token from MARATHON_AGENT_TOKEN or the `marathon.tokenFile` setting.
 * The outcome goes to the user as window/showMessage (the same sentences as the VS Code extension) and is
 * returned as the command's result. Cancelling the request ($/cancelRequest) cancels the connect and the mount.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { MessageType, ShowMessageNotification, type CancellationToken } from 'vscode-languageserver';
import type { BridgeInfoResult, DryRunMountParams, DryRunMountResult, DryRunProgressParams } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';
import { isTestMountArgs, TestMountCommand, type MarathonSettings, type TestMountArgs } from '../protocol';
import { missingDriverMessage, tokenFromLine, verdictSentence } from '../testMountText';
import type { Session } from './session';

/**
 * The part of agent-bridge's client (agent-bridge/src/client/bridgeClient.ts, the one client of the bridge) this
 * uses. main.ts hands the real one in: agent-bridge's CLI builds on the language server, so the language-server
 * project cannot reference agent-bridge's back (a cycle); the bundle contains the client all the same.
 */
export interface BridgeClient {
  connect(url: string, token: string, options: { signal: AbortSignal }): Promise<{
    info(signal?: AbortSignal): Promise<Pick<BridgeInfoResult, 'engines' | 'drivers'>>;
    dryRunMount(params: DryRunMountParams, onProgress: (p: Omit<DryRunProgressParams, 'id'>) => void, signal?: AbortSignal): Promise<DryRunMountResult>;
    close(): void;
  }>;
}

/** The token for `agent`, or a sentence saying exactly what to provide. */
export function agentToken(agent: string, settings: MarathonSettings, env: NodeJS.ProcessEnv = process.env): { token: string } | { problem: string } {
  const fromEnv = env.MARATHON_AGENT_TOKEN?.trim();
  if (fromEnv) return { token: tokenFromLine(fromEnv).token };
  const howTo = `Set MARATHON_AGENT_TOKEN in the editor's environment, or the setting marathon.tokenFile to a file of "name:token" lines (the agent's --token-file format) with a line "${agent}:<token>".`;
  if (!settings.tokenFile) return { problem: `No token for agent ${agent}. ${howTo}` };
  const path = settings.tokenFile.replace(/^~(?=\/|$)/, homedir());
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problem: `marathon.tokenFile ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). ${howTo}` };
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(tokenFromLine);
  const hit = lines.find((l) => l.tokenName === agent) ?? lines[0];
  return hit?.token ? { token: hit.token } : { problem: `marathon.tokenFile ${path} holds no token. ${howTo}` };
}

async function run(session: Session, client: BridgeClient, args: TestMountArgs, cancel: CancellationToken): Promise<DryRunMountResult | null> {
  const settings = session.settings.settings;
  const say = (type: MessageType, message: string) => void session.connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
  const agents = settings.agents ?? [];
  const agent = agents.find((a) => a.name === settings.currentAgent) ?? agents[0];
  if (!agent) {
    say(MessageType.Error, 'Test mount needs an agent: set marathon.agents to [{"name": "agent-1", "url": "ws://HOST:8474"}] in the language server settings (and marathon.currentAgent to choose one).');
    return null;
  }
  const token = agentToken(agent.name, settings);
  if ('problem' in token) {
    say(MessageType.Error, token.problem);
    return null;
  }
  const { driver, name } = args.volume;
  const abort = new AbortController();
  cancel.onCancellationRequested(() => abort.abort());
  const started = Date.now();
  session.log.info(`Test mount ${driver}/${name} on ${agent.name} (${agent.url}), engine ${args.engine}`);
  say(MessageType.Info, `Test mount ${name} on ${agent.name}: connecting to ${agent.url}…`);
  try {
    const conn = await client.connect(agent.url, token.token, { signal: abort.signal });
    try {
      const info = await conn.info(abort.signal);
      const missing = missingDriverMessage(agent.name, info, driver);
      if (missing) {
        say(MessageType.Error, missing);
        return null;
      }
      const engine = (info.engines as string[]).includes(args.engine) ? args.engine : undefined;
      const params = { driver, name, options: args.volume.options, mode: args.volume.mode, ...(args.volume.containerPath ? { containerPath: args.volume.containerPath } : {}), ...(engine ? { engine } : {}) };
      const result = await conn.dryRunMount(params, (p) => session.log.info(`  ${p.step} ${p.status}`), abort.signal);
      const text = verdictSentence(name, agent.name, result, Date.now() - started);
      const ok = result.verdict === 'mounted-and-released' || result.verdict === 'would-create';
      const next = result.verdict === 'would-create' ? `. To test it, create it on the agent first (docker volume create -d ${driver} ${name}).` : '';
      say(ok ? MessageType.Info : MessageType.Error, text + next);
      return result;
    } finally {
      conn.close();
    }
  } catch (e) {
    const cancelled = (e as { kind?: string }).kind === 'cancelled'; // a BridgeError of kind cancelled
    say(cancelled ? MessageType.Info : MessageType.Error, cancelled ? `Test mount of ${name} cancelled. ${(e as Error).message}` : (e as Error).message);
    return null;
  }
}

/** The handler; the capability is only announced to clients that do not run the command themselves (main.ts). */
export function registerTestMount(session: Session, bridgeClient: () => BridgeClient): void {
  session.connection.onExecuteCommand(async (params, cancel) => {
    if (params.command !== TestMountCommand.id) return null;
    const arg = params.arguments?.[0];
    if (!isTestMountArgs(arg)) {
      void session.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: 'marathon.testMount needs the argument of a "Test mount" code lens.' });
      return null;
    }
    try {
      return await run(session, bridgeClient(), arg, cancel);
    } catch (e) {
      session.log.error('marathon.testMount failed', e);
      return null;
    }
  });
}
