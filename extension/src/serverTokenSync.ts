/**
 * The cluster token in the language server's environment (`MARATHON_CLUSTER_TOKEN`, protocol.ts): the server reads it
 * when it starts, so a token changed in SecretStorage, by "Marathon: Connect to Cluster" or in another window (the
 * storage is shared, `secrets.onDidChange`), needs a restart, and only when it differs from the one the server runs
 * with. One change at a time: a second waits for the first restart, never overlaps it. Connect to Cluster applies its
 * own change (`whileConnecting`), once. Without VS Code, so a test can drive it.
 */
import { clusterTokenEnv } from '@marathon-devtools/language-server/protocol';

export interface TokenSyncedServer {
  /** Whether a server runs (or is starting) that a new token would need to reach. */
  running(): boolean;
  restart(): Promise<void>;
  start(): Promise<void>;
}

export class ServerTokenSync {
  private chain: Promise<void> = Promise.resolve();
  private connecting = 0;

  constructor(
    private readonly readToken: () => Thenable<string | undefined>,
    /** The environment the server is (re)started with, the same object each time. */
    private readonly env: NodeJS.ProcessEnv,
    private readonly server: TokenSyncedServer,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** The stored token into `env`, for a start. */
  async load(): Promise<void> {
    const token = await this.readToken();
    if (token) this.env[clusterTokenEnv] = token;
    else delete this.env[clusterTokenEnv];
  }

  /** The stored token changed: a running server is restarted when its token is not that one. */
  changed(): Promise<void> {
    return this.connecting > 0 ? Promise.resolve() : this.sync(false);
  }

  /**
   * Runs Connect to Cluster, whose own change is applied once at its end: the server restarted (or started) with it.
   * Cancelled, a change made meanwhile elsewhere (another window; its event was held back here) is applied as changed() would.
   */
  async whileConnecting(connect: () => Promise<boolean>): Promise<void> {
    this.connecting++;
    let confirmed = false;
    try {
      confirmed = await connect();
    } finally {
      this.connecting--;
    }
    await this.sync(confirmed);
  }

  /**
   * "Marathon: Restart Language Server": queued with the token changes (two restarts of one client at once fail), and
   * with the stored token read again; started when no server runs yet.
   */
  restartServer(): Promise<void> {
    return this.sync(true);
  }

  private sync(restartAnyway: boolean): Promise<void> {
    this.chain = this.chain
      .then(async () => {
        const before = this.env[clusterTokenEnv];
        await this.load();
        const changed = this.env[clusterTokenEnv] !== before;
        if (this.server.running()) {
          if (restartAnyway || changed) await this.server.restart();
        } else if (restartAnyway) await this.server.start();
      })
      .catch(this.onError);
    return this.chain;
  }
}
