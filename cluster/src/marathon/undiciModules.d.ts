// Types for the two undici modules the client loads directly (undiciParts.ts): the package ships types for its
// index only. The shapes are undici's own (`undici/types/agent.d.ts`, `undici/types/api.d.ts`).
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export default Agent;
}
declare module 'undici/lib/api/index.js' {
  import type { Dispatcher } from 'undici';
  const api: { request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> };
  export default api;
}
