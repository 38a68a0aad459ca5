/** GET /healthz on a bridge URL (ws→http, wss→https): no token needed, no secrets in the answer. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function probeAgent(wsUrl: string, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(wsUrl);
    } catch {
      return resolve(false);
    }
    const secure = url.protocol === 'wss:';
    const req = (secure ? httpsRequest : httpRequest)(
      { host: url.hostname, port: url.port || (secure ? 443 : 80), path: '/healthz', method: 'GET', timeout: timeoutMs, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
