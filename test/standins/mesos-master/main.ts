// STAND-IN for an Apache Mesos 1.10 master (CLI form of server.ts); follows ../shared/reference/mesos-master-api.md.
/**
 * node --import tsx test/standins/mesos-master/main.ts --agents FILE [--listen HOST:PORT] [--region R --zone Z]
 *   [--leader HOST:PORT | --no-leader] [--basic USER:PASS] [--dcos-token T]
 * FILE: a JSON array of AgentSpec (agents.ts). Prints "mesos-master stand-in listening on URL" and runs until killed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { agent, type AgentSpec } from './agents';
import { startMesosMaster } from './server';

const { values } = parseArgs({
  options: {
    agents: { type: 'string' }, listen: { type: 'string', default: '127.0.0.1:0' }, region: { type: 'string' }, zone: { type: 'string' },
    leader: { type: 'string' }, 'no-leader': { type: 'boolean' }, basic: { type: 'string' }, 'dcos-token': { type: 'string' },
  },
});
try {
  const specs = values.agents ? (JSON.parse(readFileSync(values.agents, 'utf8')) as AgentSpec[]) : [];
  if (!Array.isArray(specs)) throw new Error(`--agents ${values.agents}: expected a JSON array of agents`);
  const [host, port] = [values.listen!.slice(0, values.listen!.lastIndexOf(':')), Number(values.listen!.slice(values.listen!.lastIndexOf(':') + 1))];
  const basic = values.basic?.split(':');
  const m = await startMesosMaster({
    agents: specs.map((s, i) => agent(s, i)), host, port,
    ...(values.region ? { domain: { region: values.region, zone: values.zone ?? '' } } : {}),
    ...(values.leader ? { leader: values.leader } : {}), noLeader: values['no-leader'],
    ...(basic ? { basic: { user: basic[0], password: basic.slice(1).join(':') } } : {}),
    ...(values['dcos-token'] ? { dcosToken: values['dcos-token'] } : {}),
  });
  process.stdout.write(`mesos-master stand-in listening on ${m.url}\n`);
} catch (e) {
  process.stderr.write(`mesos-master stand-in: ${(e as Error).message}\n`);
  process.exit(2);
}
