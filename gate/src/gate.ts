/**
 * The gate as a server: Marathon's definition writes are judged (routes.ts → judge.ts) and refused, annotated
 * or audited by mode; every other request goes to Marathon untouched and streamed through http-proxy-3, the event
 * stream to the leader when a non-leader redirects it there (leaderEvents.ts).
 * Its own endpoints live under /_gate/, a path Marathon does not serve.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { compareVersions, type Profile } from '@marathon-devtools/language-server';
import { resolveId } from '@marathon-devtools/language-server/model/documentModel';
import { auditReport } from './audit';
import { accessProbePath, marathonTurnsAway } from './clientAccess';
import { crossAppRuleIds } from './crossApp';
import { ClusterState, clusterStateOptionsFor, type ClusterStateOptions, type RootGroupReader } from './clusterState';
import { dropHopByHop } from './hopByHop';
import { answerClientErrors } from './clientErrors';
import { hasErrors, judge, type Judgement } from './judge';
import { isEventStreamRequest, leaderEvents } from './leaderEvents';
import { bodyTooLarge, cannotDecide, marathonUnreachable, nestedTooDeep, notValid, type MarathonErrorBody } from './marathonErrors';
import { maxNestingDepth, nestsDeeperThan } from './nesting';
import { decodeBody } from './marathonReader';
import { defaultMarathonKeepAliveMs, marathonAgents, noteKeepAlive } from './marathonAgent';
import { createMetrics, type Decision } from './metrics';
import { readBody } from './readBody';
import { resends } from './resend';
import { admissionRoute, deletion, forwardedTarget, isGroupDryRun, isPartialUpdate, type AdmissionRoute } from './routes';
import { warningHeaders } from './warningHeaders';

export type Mode = 'deny' | 'warn' | 'audit';
export type FailMode = 'open' | 'closed';

export interface GateOptions {
  /** Marathon's base URL (`http://marathon.mesos:8080`, or Admin Router's `…/service/marathon`). */
  marathon: URL;
  mode: Mode;
  fail: FailMode;
  profile: Profile;
  /** Reads Marathon's root group with the gate's own credentials (the Marathon API client). */
  readRootGroup: RootGroupReader;
  /** PEM of the CA that signs Marathon's certificate (`--marathon-ca`). */
  marathonCa?: string;
  /** PEM certificate and key to serve HTTPS (`--tls-cert`, `--tls-key`). */
  tls?: { cert: string; key: string };
  maxBodyBytes?: number;
  clusterState?: ClusterStateOptions;
  /**
   * Each of the gate's own requests to Marathon besides the root-group read, and connecting to Marathon for any request
   * (`--marathon-timeout`; default 5 s).
   */
  marathonTimeoutMs?: number;
  /** How long an idle connection to Marathon is kept for the next request (default 25 s, below Marathon's 30 s: marathonAgent.ts). */
  marathonKeepAliveMs?: number;
  /** How long a non-leader's event-stream redirect may take to follow: asking for the leader, its answer (default `marathonTimeoutMs`). */
  leaderTimeoutMs?: number;
  /** One structured log entry per judged request; never given headers or bodies. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface RunningGate {
  server: Server;
  url: string;
  clusterState: ClusterState;
  close(): Promise<void>;
}

const defaultMaxBodyBytes = 32 * 1024 * 1024;

export async function startGate(options: GateOptions, host: string, port: number): Promise<RunningGate> {
  const log = options.log ?? (() => {});
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const state = new ClusterState(options.readRootGroup, options.clusterState ?? clusterStateOptionsFor(options.marathonTimeoutMs ?? 5_000));
  const metrics = createMetrics(() => state.ageSeconds());
  const secure = options.marathon.protocol === 'https:';
  const marathonTimeoutMs = options.marathonTimeoutMs ?? 5_000;
  const agents = marathonAgents({
    secure, hostname: options.marathon.hostname, ca: options.marathonCa,
    keepAliveMs: options.marathonKeepAliveMs ?? defaultMarathonKeepAliveMs, connectTimeoutMs: marathonTimeoutMs,
  });
  const agent = agents.kept;
  const resent = resends();
  // Bodies of judged writes, forwarded from memory: what a resend sends again.
  const held = new WeakMap<IncomingMessage, Buffer>();
  const proxy = createProxyServer({ target: options.marathon.href, xfwd: true, agent, ca: options.marathonCa, secure: true });
  const events = leaderEvents(proxy, { marathon: options.marathon, marathonAgent: agent, marathonFreshAgent: agents.fresh, marathonCa: options.marathonCa, timeoutMs: options.leaderTimeoutMs ?? options.marathonTimeoutMs ?? 5_000, log });
  const accepted = new WeakMap<IncomingMessage, Judgement>();
  const readerStatus = compareVersions(options.profile.marathonVersion, '1.5') < 0 ? 400 : 422;

  proxy.on('proxyRes', (proxyRes, req, res) => {
    // http-proxy-3 pipes the answer on but leaves the client waiting forever when Marathon's connection breaks
    // mid-body; breaking the client's connection too tells it the answer is incomplete (an answer that ends
    // with Marathon's connection, like /v2/events, is complete and ends normally).
    proxyRes.once('close', () => {
      if (!proxyRes.complete) res.destroy();
    });
    noteKeepAlive(proxyRes);
    dropHopByHop(proxyRes.headers);
    // The client's connection, not Marathon's: http-proxy-3 otherwise fills in `keep-alive` (the client's own
    // Connection header is dropped as hop-by-hop), and a client that asked to close would wait for the timeout.
    proxyRes.headers.connection = res.shouldKeepAlive ? 'keep-alive' : 'close';
    if (events.follows(req)) return events.answer(proxyRes, req, res);
    const v = accepted.get(req);
    const status = proxyRes.statusCode ?? 0;
    // warn mode's findings go with Marathon's answer; not with an answer that turns the client away, a sign-in
    // proxy's redirect included (Marathon redirects no write, marathon-api.md §1).
    if (status === 401 || status === 403 || status === 407 || (status >= 300 && status < 400)) res.removeHeader('Warning');
    if (status < 200 || status >= 300) return;
    if (v?.proposal) state.applyWrite(v.proposal);
    const gone = deletion(req.method, req.url);
    if (gone) state.applyDelete(gone.kind, gone.id);
  });
  proxy.on('proxyReq', (proxyReq, req, _res, _options, socket) => resent.attempted(req, proxyReq, socket as Socket));
  proxy.on('error', (err, req, res) => {
    if (!('writeHead' in res) || res.headersSent) return void res.destroy();
    const body = held.get(req);
    const headers = res.destroyed ? undefined : resent.resendable(req, err, body !== undefined);
    if (headers) {
      log({ msg: 'resent', path: pathOnly(req.url), note: `Marathon's kept-alive connection was reset before any answer (${(err as NodeJS.ErrnoException).code}); sent again on a new one` });
      for (const k of Object.keys(req.headers)) delete req.headers[k];
      Object.assign(req.headers, headers);
      return void proxy.web(req, res, { buffer: Readable.from(body ? [body] : []), agent: agents.fresh, selfHandleResponse: events.follows(req) });
    }
    send(res, marathonUnreachable(options.marathon.origin, err, marathonTimeoutMs, resent.reused(req), req.method !== 'GET' && req.method !== 'HEAD'));
  });

  const forward = (req: IncomingMessage, res: ServerResponse, body?: Readable, bodyHeld?: Buffer) => {
    resent.forwarding(req);
    if (bodyHeld) held.set(req, bodyHeld);
    proxy.web(req, res, body ? { buffer: body } : {});
  };

  async function admit(req: IncomingMessage, res: ServerResponse, route: AdmissionRoute): Promise<Decision> {
    const read = await readBody(req, limit);
    if (read.kind === 'aborted') return 'aborted';
    if (read.kind === 'too-large') {
      if (options.mode === 'deny') {
        send(res, bodyTooLarge(limit));
        req.resume();
        return 'denied';
      }
      const rest = new PassThrough();
      for (const c of read.head) rest.write(c);
      req.pipe(rest);
      req.resume();
      res.setHeader('Warning', warningHeaders([], ['every check'], `the body is over the ${limit} bytes the gate reads`));
      forward(req, res, rest);
      return 'unjudged';
    }
    const started = performance.now();
    const text = decodeBody(read.body);
    if (nestsDeeperThan(text)) {
      if (options.mode === 'deny') {
        send(res, nestedTooDeep(maxNestingDepth));
        return 'denied';
      }
      res.setHeader('Warning', warningHeaders([], ['every check'], `the body nests deeper than the ${maxNestingDepth} levels the gate reads`));
      forward(req, res, Readable.from([read.body]), read.body);
      return 'unjudged';
    }
    const needsState = route.kind !== 'pod' && !isGroupDryRun(route);
    let snap = needsState ? await state.snapshot() : undefined;
    // A partial update of an app the copy lacks: another gate, or Marathon directly, may have created it since the
    // last read, and judged alone it would look like a new app (nothing to run). Read again before judging.
    if (snap?.state && route.kind === 'app' && route.urlId !== undefined && isPartialUpdate(route) && !snap.state.apps.has(route.urlId)) snap = await state.snapshot(true);
    let verdict = judge(route, text, snap?.state, options.profile);
    // The same for a batch partial update (`PUT`/`PATCH /v2/apps`, an array): its ids are known once the body is read.
    const lacked = snap?.state;
    if (lacked && route.kind === 'app' && route.urlId === undefined && isPartialUpdate(route) && verdict.proposal?.targets.some((t) => typeof t.value.id === 'string' && !lacked.apps.has(resolveId(t.value.id, '/')))) {
      snap = await state.snapshot(true);
      verdict = judge(route, text, snap.state, options.profile);
    }
    metrics.admissionSeconds.observe({ route: route.label }, (performance.now() - started) / 1000);
    const decision = decide(verdict, snap?.reason);
    for (const f of verdict.findings) metrics.findings.inc({ rule: f.ruleId, severity: f.severity, mode: options.mode });
    // Logged with what the client got: a refusal Marathon's own 401/403 replaced is `turned-away`, as counted.
    const logJudged = (outcome: Decision): Decision => {
      if (verdict.findings.length > 0 || verdict.skipped.length > 0 || verdict.pass) {
        log({ msg: 'judged', route: route.label, path: pathOnly(req.url), decision: outcome, pass: verdict.pass,
          skipped: verdict.skipped.length ? verdict.skipped : undefined, reason: snap?.reason,
          findings: verdict.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, appId: f.appId })) });
      }
      return outcome;
    };
    if (decision.refuse) {
      // Marathon turns a client away before it reads a body; a refusal from the gate could tell what is deployed.
      // It authorizes only after validating the body (AppsResource.create: validateOrThrow, then checkAuthorization),
      // so what is wrong with the body alone it tells any client it authenticates: on a collection route, whose probe
      // (/v2/info) needs a permission deployers often lack (marathon-api.md §9), a 403 there does not turn the client
      // away. A refusal naming deployed apps, or a write to a resource by id, needs the client let in on the probe.
      const fromState = snap?.state !== undefined && drawsOnState(verdict);
      // A batch update (`PUT`/`PATCH /v2/apps`, an array) addresses its apps: each is probed as its single-app update
      // would be (GET /v2/apps/{id}), not /v2/info, which a deployer allowed to write those apps may be refused.
      const batchIds = route.kind === 'app' && route.urlId === undefined && route.method !== 'POST'
        ? [...new Set((verdict.proposal?.targets ?? []).map((t) => t.value.id).filter((id): id is string => typeof id === 'string').map((id) => resolveId(id, '/')))]
        : [];
      const probes = batchIds.length > 0 ? batchIds.map((id) => accessProbePath({ ...route, urlId: id })) : [accessProbePath(route)];
      if (batchIds.length > 0) log({ msg: 'access probe', route: route.label, note: `a batch: its ${batchIds.length} app(s) probed with GET /v2/apps/{id} instead of /v2/info` });
      for (const probe of probes) {
        const away = await asMarathonWould(req, res, probe, fromState, batchIds.length > 0 || route.urlId !== undefined || fromState);
        if (away) return logJudged(away);
      }
      if (decision.decision === 'denied') for (const f of verdict.findings) if (f.severity === 'error') metrics.denials.inc({ rule: f.ruleId });
      send(res, decision.refuse);
      return logJudged(decision.decision);
    }
    if (decision.warnings.length > 0) res.setHeader('Warning', decision.warnings);
    // What Marathon will deploy once it accepts: a dry run deploys nothing.
    if (!isGroupDryRun(route)) accepted.set(req, verdict);
    forward(req, res, Readable.from([read.body]), read.body);
    return logJudged(decision.decision);
  }

  /**
   * Answers as Marathon does when it would turn this client away, and says so; else undefined (the gate answers).
   * When Marathon cannot be asked, an answer drawn from the deployed state (`fromState`) is not given either.
   * `authorizationCounts` false: only Marathon's 401 (or a proxy's 407) turns the client away, not its 403.
   */
  async function asMarathonWould(req: IncomingMessage, res: ServerResponse, probe: string, fromState: boolean, authorizationCounts = true): Promise<Decision | undefined> {
    let answer: Awaited<ReturnType<typeof marathonTurnsAway>>;
    try {
      answer = await marathonTurnsAway(options.marathon, agents, req.headers, probe, options.marathonTimeoutMs);
    } catch (e) {
      if (!fromState) return undefined;
      send(res, marathonUnreachable(options.marathon.origin, e, marathonTimeoutMs));
      return 'unavailable';
    }
    if (!answer || (answer.status === 403 && !authorizationCounts)) return undefined;
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': answer.body.length });
    res.end(answer.body);
    return 'turned-away';
  }

  function decide(v: Judgement, reason: string | undefined): { decision: Decision; refuse?: MarathonErrorBody; warnings: string[] } {
    if (v.pass) return { decision: 'unjudged', warnings: [] };
    if (options.mode === 'audit') return { decision: v.findings.length > 0 ? 'audited' : 'allowed', warnings: [] };
    if (options.mode === 'warn') {
      return { decision: v.findings.length > 0 ? 'warned' : 'allowed', warnings: warningHeaders(v.findings, v.skipped, v.skippedBecause) };
    }
    if (hasErrors(v)) return { decision: 'denied', refuse: notValid(v.findings, readerStatus), warnings: [] };
    if (v.skipped.length > 0 && options.fail === 'closed') {
      const refuse = cannotDecide(v.skipped, v.skippedBecause ?? reason ?? 'cluster state unavailable', v.skippedBecause === undefined);
      return { decision: 'unavailable', refuse, warnings: [] };
    }
    const warnings = warningHeaders(v.findings, v.skipped, v.skippedBecause);
    return { decision: v.findings.length > 0 || v.skipped.length > 0 ? 'warned' : 'allowed', warnings };
  }

  async function own(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOnly(req.url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, { status: 405, body: JSON.stringify({ message: 'Method Not Allowed' }) }, { Allow: 'GET, HEAD' });
    if (path === '/_gate/healthz') {
      const body = { status: 'ok', mode: options.mode, fail: options.fail, clusterState: { ageSeconds: state.ageSeconds() ?? null, error: state.error() ?? null } };
      return send(res, { status: 200, body: JSON.stringify(body) });
    }
    if (path === '/_gate/metrics') {
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      return void res.end(await metrics.registry.metrics());
    }
    if (path === '/_gate/audit') {
      // The audit lists deployed apps: only for a client Marathon would show the root group to.
      if (await asMarathonWould(req, res, '/v2/groups?embed=group.groups', true)) return;
      const snap = await state.snapshot(true);
      if (!snap.state) return send(res, { status: 503, body: JSON.stringify({ message: `marathon-gate cannot audit: ${snap.reason}` }) });
      return send(res, { status: 200, body: auditReport(snap.state, options.profile) });
    }
    send(res, { status: 404, body: JSON.stringify({ message: `Unknown gate endpoint ${path}; known: /_gate/healthz, /_gate/metrics, /_gate/audit` }) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Judge what is forwarded: `POST /v2/./apps` reaches Marathon as `POST /v2/apps`.
    const target = forwardedTarget(req.url ?? '/');
    if (target === undefined) return send(res, { status: 400, body: JSON.stringify({ message: 'Bad Request: the request target is not a URL path' }) });
    const url = (req.url = target);
    if (url.startsWith('/_gate/')) return own(req, res);
    dropHopByHop(req.headers);
    const route = admissionRoute(req.method, url, options.profile.marathonVersion);
    if (!route || !judgeable(req, route)) {
      metrics.requests.inc({ route: route?.label ?? 'other', decision: route ? 'unjudged' : 'proxied' });
      if (!isEventStreamRequest(req.method, url)) return forward(req, res);
      // A stream has no end to wait for: a FIN from its client is the client leaving (a half-closed connection is
      // answered, see httpAllowHalfOpen below), and Marathon's stream, or the leader's, is let go at once.
      const leave = () => req.socket.destroy();
      req.socket.once('end', leave);
      res.once('close', () => req.socket.off('end', leave));
      resent.forwarding(req);
      return events.forward(req, res);
    }
    const decision = await admit(req, res, route);
    metrics.requests.inc({ route: route.label, decision });
  }

  // A connection's requests are handled one after the other, each once the previous one is answered, as Marathon's
  // Jetty handles a pipelined connection (RFC 7230 §6.3.2): a judged POST must not be overtaken at Marathon by the
  // DELETE sent behind it, which needs no judging. A client that does not pipeline never waits here.
  const previousOnConnection = new WeakMap<object, Promise<void>>();
  const lastOnConnection = new WeakMap<object, IncomingMessage>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    lastOnConnection.set(req.socket, req);
    const previous = previousOnConnection.get(req.socket);
    previousOnConnection.set(req.socket, new Promise<void>((answered) => res.once('close', () => answered())));
    if (previous) void previous.then(() => handleSafely(req, res));
    else handleSafely(req, res);
  };
  const handleSafely = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      log({ msg: 'internal error', path: pathOnly(req.url), error: (e as Error)?.message ?? String(e) });
      metrics.requests.inc({ route: 'other', decision: 'error' });
      if (!res.headersSent) send(res, { status: 500, body: JSON.stringify({ message: 'marathon-gate failed on this request; see its log.' }) });
      else res.destroy();
    });
  };
  const server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createServer(onRequest);
  answerClientErrors(server, (socket) => (lastOnConnection.get(socket)?.complete ? previousOnConnection.get(socket) : undefined));
  server.keepAliveTimeout = 65_000;
  // A client that half-closes once its request is sent (`nc -N`, a TCP-mode balancer passing its FIN on) still reads
  // the answer (RFC 9112 §9.6), and Marathon's Jetty gives it. Node's server would otherwise abort every request on
  // the connection at that FIN: the gate's answer, which comes after judging or from Marathon, was lost (a write
  // let through was deployed all the same). A body cut short by the FIN is still an aborted request. The switch is
  // the one Node's server reads at a client's FIN (lib/_http_server.js, socketOnEnd); @types/node does not declare it.
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  state.start();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${addr.port}`,
    clusterState: state,
    close: () =>
      new Promise<void>((resolve) => {
        state.stop();
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
        agents.fresh.destroy();
        events.close();
        proxy.close();
      }),
  };
}

/**
 * True when a refusal made with the deployed state may tell more than the client's own body: a root-group rule's
 * finding (run in context, it can name deployed apps: a volume-name clash, a dependency cycle through them, an id
 * they hold), or a stored app merged into a partial update. Only such an answer waits for Marathon to let the client in.
 */
function drawsOnState(v: Judgement): boolean {
  return v.findings.some((f) => f.severity === 'error' && crossAppRuleIds.includes(f.ruleId)) || v.proposal?.targets.some((t) => t.stored !== undefined) === true;
}

/**
 * `/v2/apps…` and `/v2/pods…` take only `application/json` (Marathon answers any other type 415 itself,
 * marathon-api.md §1); `/v2/groups` takes any type and is always judged. "Only" as Jersey means it: JAX-RS's
 * MediaType.isCompatible, so a wildcard type (any subtype then) or an `application` wildcard subtype is
 * read as JSON too.
 */
function judgeable(req: IncomingMessage, route: AdmissionRoute): boolean {
  const type = req.headers['content-type'];
  if (route.kind === 'group' || type === undefined) return true;
  const m = /^\s*([^/;\s]+)\s*\/\s*([^;\s]+)\s*(;|$)/.exec(type);
  if (!m) return false;
  const [main, sub] = [m[1].toLowerCase(), m[2].toLowerCase()];
  return main === '*' || (main === 'application' && (sub === '*' || sub === 'json'));
}

function pathOnly(url: string | undefined): string {
  const u = url ?? '/';
  const q = u.indexOf('?');
  return q === -1 ? u : u.slice(0, q);
}

function send(res: ServerResponse, e: MarathonErrorBody, headers: Record<string, string> = {}): void {
  res.writeHead(e.status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(e.body) });
  res.end(e.body);
}
