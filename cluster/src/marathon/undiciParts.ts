/// <reference path="./undiciModules.d.ts" />
// Only the parts of undici the client uses: the keep-alive Agent and request(). `import 'undici'` loads its whole
// index (fetch, cookies, WebSocket, EventSource, the mock and cache layers): ~50 ms of every
// `marathon-lint --marathon` run (bench/cluster-lint.mjs, --cpu-prof), for nothing the client calls. The two modules
// are undici's own, loaded as its index loads them; the client's tests against the stand-in cover them.
import type { Dispatcher } from 'undici';
import AgentImpl from 'undici/lib/dispatcher/agent.js';
import api from 'undici/lib/api/index.js';

export const UndiciAgent = AgentImpl;
export type UndiciAgent = InstanceType<typeof AgentImpl>;

export type PartsRequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & { method: Dispatcher.HttpMethod; dispatcher: Dispatcher };

/** undici's `request(url, { dispatcher, … })` (its index.js makeDispatcher), without loading the index. */
export function request(url: URL, options: PartsRequestOptions): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = options;
  return api.request.call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` });
}
