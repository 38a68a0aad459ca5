// STAND-IN for the Docker Engine API on its unix socket (no dockerd runs here): only `GET /containers/json` (List containers, Engine API v1.24+ shape: Id, Names, State, Mounts[] with Type/Name/Driver), with the `volume` filter, as the bridge uses it.
// Run: `node --import tsx dockerEngine.ts <socketPath> <containers.json> [answerDelayMs]`; prints "ready". The
// containers file is re-read on every request (tests edit it); a file holding the string "broken" makes every answer a
// 500 with {"message": …}, as dockerd answers a failing call. `answerDelayMs`: every answer waits that long, as a busy
// dockerd's would (a test that needs a dry run to hold its mount for a while).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const [socketPath, file, delay] = process.argv.slice(2);
const answerDelayMs = Number(delay ?? 0);

const server = createServer((req, res) => void setTimeout(() => answer(req, res), answerDelayMs));

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://docker');
  const send = (code: number, obj: unknown) => {
    res.writeHead(code, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
    res.end(JSON.stringify(obj));
  };
  const text = readFileSync(file, 'utf8').trim();
  if (text === '"broken"') return send(500, { message: 'stand-in: daemon error' });
  if (req.method !== 'GET' || !/^(\/v[\d.]+)?\/containers\/json$/.test(url.pathname)) return send(404, { message: `page not found` });
  const containers = JSON.parse(text) as { Mounts?: { Name?: string; Destination?: string }[] }[];
  // filters={"volume":["<name>"]}: a container whose mounts include that volume name or destination.
  const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as { volume?: string[] };
  const want = filters.volume ?? [];
  send(200, want.length ? containers.filter((c) => (c.Mounts ?? []).some((m) => want.includes(m.Name ?? '') || want.includes(m.Destination ?? ''))) : containers);
}
server.listen(socketPath, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
