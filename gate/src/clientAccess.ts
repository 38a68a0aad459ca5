/**
 * Whether Marathon lets this client in, asked before the gate answers a write itself. The gate judges with its own
 * credentials and its copy of the deployed apps, so a refusal can tell what is deployed ("… conflicts with volume(s)
 * of same name in app(s): /db/pg"; a stored app's values after a merge). Marathon authenticates before it reads a
 * body (../shared/reference/marathon-api.md §2: Jetty's basic auth, Admin Router's token check, an auth plugin), so
 * a client it would turn away must get that answer, not the gate's: the gate asks Marathon for the resource the
 * request addresses, with the client's own credentials, and passes a 401 or 403 on as it came.
 */
import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { AdmissionRoute } from './routes';

export interface MarathonAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The headers that carry a client's identity to Marathon: basic auth or a DC/OS token, the DC/OS UI's cookie. */
const identityHeaders = ['authorization', 'cookie'] as const;

/** What the gate reads to learn whether the client may see the addressed resource: the resource itself where named. */
export function accessProbePath(route: AdmissionRoute | undefined): string {
  if (route?.urlId === undefined) return '/v2/info';
  return `/v2/${route.kind === 'app' ? 'apps' : route.kind === 'pod' ? 'pods' : 'groups'}${route.urlId.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Marathon's answer when it turns this client away (401, 403, or 407 from a proxy in front), undefined when it lets
 * the client in. A redirect counts too: Marathon redirects none of the probed paths (only `/` and the event stream,
 * marathon-api.md §1), so one comes from a sign-in proxy in front sending the client to log in first. Rejects when
 * Marathon cannot be asked: the caller must not answer from the deployed state then.
 */
export function marathonTurnsAway(
  marathon: URL, agents: { kept: HttpAgent | HttpsAgent; fresh: HttpAgent | HttpsAgent }, client: IncomingHttpHeaders, path: string, timeoutMs = 5_000,
): Promise<MarathonAnswer | undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const h of identityHeaders) {
    const v = client[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const url = new URL(marathon.pathname.replace(/\/+$/, '') + path, marathon);
  // Only the client's identity: user info in `--marathon` is the gate's own (its root-group reads use it). Left in
  // the URL, Node would send it as basic auth whenever the client sent none, and Marathon would let everyone in.
  url.username = '';
  url.password = '';
  const send = marathon.protocol === 'https:' ? httpsRequest : httpRequest;
  const ask = (again: boolean): Promise<MarathonAnswer | undefined> => new Promise((resolve, reject) => {
    let answered = false;
    const req = send(url, { method: 'GET', headers, agent: (again ? agents.fresh : agents.kept) as HttpAgent, timeout: timeoutMs }, (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      if (status !== 401 && status !== 403 && status !== 407 && !(status >= 300 && status < 400)) {
        res.resume();
        return resolve(undefined);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 64 * 1024) chunks.push(c); // an auth page, never the resource: a small cap is plenty
      });
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const h of ['content-type', 'www-authenticate', 'proxy-authenticate', 'location']) if (typeof res.headers[h] === 'string') kept[h] = res.headers[h] as string;
        resolve({ status, headers: kept, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s (--marathon-timeout)`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A kept connection Marathon closed as the question went out (its idle close, marathonAgent.ts): a GET, so
      // asked once more, on a new connection: the next kept one may have met the same close (several left by a burst).
      if (!again && !answered && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return void ask(true).then(resolve, reject);
      reject(e);
    });
    req.end();
  });
  return ask(false);
}
