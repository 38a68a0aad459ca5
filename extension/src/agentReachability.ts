/**
 * Whether the current agent's bridge answers (GET /healthz), for the status bar. Probes overlap (the user switches
 * agents while a hung agent's probe waits out its 3 s), so an answer counts only for the URL it was asked of and
 * only while no newer probe started: a late "down" from the previous agent never stands for the current one.
 * Without VS Code, so a test can drive it against real HTTP servers.
 */
import { probeAgent } from '@marathon-devtools/agent-bridge/client/healthProbe';

export type Reachability = 'unknown' | 'up' | 'down';

export class AgentReachability {
  private known: { url: string; up: boolean } | undefined;
  private latest = 0;

  constructor(private readonly probe: (url: string) => Promise<boolean> = probeAgent) {}

  /** The last answer for `url`; 'unknown' before it came (or for another agent's URL). */
  of(url: string | undefined): Reachability {
    return url !== undefined && this.known?.url === url ? (this.known.up ? 'up' : 'down') : 'unknown';
  }

  /** Probes `url` (undefined: no agent); an answer overtaken by a newer probe is dropped. */
  async refresh(url: string | undefined): Promise<void> {
    const n = ++this.latest;
    if (url === undefined) {
      this.known = undefined;
      return;
    }
    const up = await this.probe(url);
    if (n === this.latest) this.known = { url, up };
  }
}
