/**
 * The custom protocol between marathon-language-server and its clients (the VS Code extension, tests),
 * declared once. Uses the LSP "namespace + type" idiom so both sides share method names and shapes.
 * Only types (`vscode-languageserver-protocol`'s and the bridge protocol's, generated from the schema) are used
 * here so the extension can import this file too.
 */
import { NotificationType } from 'vscode-languageserver-protocol';
import type { DryRunMountParams, EngineName } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';

/** Sent after every validation of a document (push or pull), so clients can show how fast linting is. */
export interface StatusParams {
  uri: string;
  /** Wall time of the engine's lint for this version of the document. */
  validationTimeMs: number;
  /** ISO 8601 time at which the validation finished. */
  lastValidated: string;
  /** Number of diagnostics reported for the document. */
  diagnostics: number;
  /** With a cluster: the profile that judged the document and where each value came from (`Profile: Marathon 1.10.26 (cluster); …`). */
  profile?: string;
  /**
   * The document is not linted: this pattern of the governing marathon-lint.config.json's `ignorePatterns` leaves it
   * out, as marathon-lint leaves the file out of a run (`validationTimeMs` and `diagnostics` are 0). Sent once when a
   * definition becomes ignored (opened so, or the config changed), so a client does not keep showing its last lint.
   */
  ignoredBy?: string;
}

export namespace StatusNotification {
  export const method: 'marathon/status' = 'marathon/status';
  export const type = new NotificationType<StatusParams>(method);
}

/** Client settings, section `marathon` of `workspace/configuration`. They override `marathon-lint.config.json`. */
export interface MarathonSettings {
  /** Marathon version to judge against ("1.4" … "1.10"); overrides the config file's `marathonVersion`. */
  marathonVersion?: string;
  /** Per-rule severity overrides (`off` | `warning` | `error`), merged over the config file's `rules`. */
  rules?: Record<string, 'off' | 'warning' | 'error'>;
  /** Extra globs (workspace-relative or absolute) whose JSON files are always treated as Marathon files. */
  files?: string[];
  trace?: { server?: 'off' | 'messages' | 'verbose' };
  /** dvdi-bridge agents for Test mount run by the server (editors other than VS Code): a name and a ws:// or wss:// URL each. */
  agents?: { name: string; url: string }[];
  /** Name of the agent Test mount uses (default: the first). */
  currentAgent?: string;
  /**
   * A file of `name:token` lines (the agent's --token-file format): the line named like the agent, else the
   * first. The environment variable MARATHON_AGENT_TOKEN (a token or a `name:token` line) wins over it.
   */
  tokenFile?: string;
  /** The cluster whose deployed state and live profile the documents are judged against (issue 13). */
  cluster?: ClusterLinkSettings;
}

/**
 * `marathon.cluster.*`. The token is never a setting: the client hands it to the server process in the
 * environment variable `MARATHON_CLUSTER_TOKEN` (the VS Code extension from SecretStorage, key
 * `marathon.cluster.token`), or `tokenFile` names a file holding it (other editors). An environment variable
 * rather than a notification because vscode-languageclient's verbose trace logs every message's params.
 */
export interface ClusterLinkSettings {
  /** Marathon's base URL (`http://marathon.mesos:8080`, `<dcos_url>/service/marathon`); empty = no cluster. */
  url?: string;
  /** A file holding the DC/OS token (`Authorization: token=<t>`), as `--marathon-token-file`. */
  tokenFile?: string;
  /** A file with one line `user:password` (HTTP basic), as `--marathon-credentials-file`. */
  credentialsFile?: string;
  /** A PEM file of CA certificates to trust besides the system's, as `--marathon-ca`. */
  caFile?: string;
  /** Per request, seconds (default 10), as `--marathon-timeout`. */
  timeoutSeconds?: number;
  /** While the event stream is down: re-read the cluster every this many seconds (default 30). */
  pollSeconds?: number;
}

/** `marathon/clusterStatus`, sent whenever the cluster link changes state (and once after `initialized`). */
export interface ClusterStatusParams {
  /** `off`: no cluster set. `connecting`: first read under way. `connected`: linting against the live copy. */
  state: 'off' | 'connecting' | 'connected' | 'unreachable';
  url?: string;
  /** The version string exactly as `GET /v2/info` reports it. */
  marathonVersion?: string;
  /** How the copy is kept current: Marathon's event stream, or polling while the stream is down. */
  updates?: 'events' | 'polling';
  /** ISO 8601: when the cluster stopped answering (state `unreachable`). */
  since?: string;
  /** One line: why the cluster cannot be read. Never a token. */
  error?: string;
  /** Apps in the deployed root group. */
  apps?: number;
  /** ISO 8601: when the copy was last read. */
  updated?: string;
  /** A sentence for any client to show as is, e.g. `cluster unreachable since 2026-12-05T07:41:02.000Z (…); linting offline`. */
  text: string;
}

export namespace ClusterStatusNotification {
  export const method: 'marathon/clusterStatus' = 'marathon/clusterStatus';
  export const type = new NotificationType<ClusterStatusParams>(method);
}

/** The environment variable in which a client hands the cluster token to the server process. */
export const clusterTokenEnv = 'MARATHON_CLUSTER_TOKEN';

/**
 * `initializationOptions` a client may send. `clientCommands`: commands the client runs itself (the VS Code
 * extension runs `marathon.testMount` with its SecretStorage tokens), so the server does not offer them.
 * `documentSymbols: false`: the client has an outline already (VS Code's JSON Language Features), so the
 * server does not offer a second one.
 */
export interface MarathonInitializationOptions {
  clientCommands?: string[];
  documentSymbols?: boolean;
}

/**
 * The volume as the bridge's `volume/dryRunMount` takes it, every field present. `options`: dvdi/* options without
 * `dvdi/driver`, prefix stripped, values trimmed, plus `size` — as Marathon sends them.
 */
export type TestMountVolume = Required<Pick<DryRunMountParams, 'driver' | 'name' | 'options' | 'containerPath' | 'mode'>>;

/** The one argument of the `marathon.testMount` command carried by the "Test mount" code lens. */
export interface TestMountArgs {
  uri: string;
  /** RFC 6901 pointer of the volume (or of the DVDI_VOLUME_NAME* env var, or of the `volume` docker parameter). */
  pointer: string;
  volume: TestMountVolume;
  containerizer: 'DOCKER' | 'MESOS';
  /**
   * `docker-volume` for `container.volumes[].external`, `dvdi-module` for the DVDI_* env var form, `plugin` for the
   * Docker containerizer's `volume-driver`/`volume` parameters (Docker itself calls the plugin, no dvdcli).
   */
  engine: EngineName;
}

/** Whether a command argument is a `TestMountArgs` (checked by whoever runs `marathon.testMount`: the server or the extension). */
export function isTestMountArgs(v: unknown): v is TestMountArgs {
  const a = v as TestMountArgs;
  return typeof a?.uri === 'string' && typeof a.volume?.driver === 'string' && typeof a.volume?.name === 'string';
}

export namespace TestMountCommand {
  export const id = 'marathon.testMount';
}
