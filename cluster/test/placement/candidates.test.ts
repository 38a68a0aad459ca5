// Candidate agents: constraints, acceptedResourceRoles, the region rule and inactive agents (mesos-master-api.md §2, §4, §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHostnameUnique, placeApp } from '../../src/placement/candidates';
import type { MesosAgent } from '../../src/mesos/agent';

const res = (cpus: number) => ({ cpus, gpus: 0, mem: cpus * 1024, disk: 1000 });
const domain = (region: string, zone: string) => ({ fault_domain: { region: { name: region }, zone: { name: zone } } });
const agents: MesosAgent[] = [
  { id: 'S1', hostname: 'agent-1', attributes: { dvdi: 'true' }, domain: domain('eu', 'a'), active: true, unreserved_resources: res(4), reserved_resources: {} },
  { id: 'S2', hostname: 'agent-2', attributes: { dvdi: 'true' }, domain: domain('eu', 'b'), active: true, unreserved_resources: res(0), reserved_resources: { storage: res(2) } },
  { id: 'S3', hostname: 'agent-3', attributes: {}, domain: domain('eu', 'a'), active: true, unreserved_resources: res(4), reserved_resources: {} },
  { id: 'S4', hostname: 'agent-4', attributes: { dvdi: 'true' }, domain: domain('us', 'c'), active: true, unreserved_resources: res(4), reserved_resources: {} },
  { id: 'S5', hostname: 'agent-5', attributes: { dvdi: 'true' }, active: false, unreserved_resources: res(4), reserved_resources: {} },
];
const names = (p: ReturnType<typeof placeApp>) => p.candidates.map((a) => a.hostname);
const why = (p: ReturnType<typeof placeApp>, host: string) => p.agents.find((a) => a.agent.hostname === host)?.reasons.join('; ') ?? '';

test('attribute constraint, default roles, region rule, inactive agent', () => {
  const p = placeApp({ constraints: [['dvdi', 'LIKE', 'true']] }, agents, { masterRegion: 'eu' });
  assert.deepEqual(names(p), ['agent-1']);
  const why = Object.fromEntries(p.agents.map((a) => [a.agent.hostname, a.reasons.join('; ')]));
  assert.match(why['agent-2'], /accepted roles \["\*"\]/);
  assert.match(why['agent-3'], /no attribute "dvdi"/);
  assert.match(why['agent-4'], /region "us", not the master's "eu"/);
  assert.match(why['agent-5'], /not active/);
});

test('an app role accepts its reserved resources; an @zone constraint lifts the region rule', () => {
  assert.deepEqual(names(placeApp({ role: 'storage', acceptedResourceRoles: ['*', 'storage'], constraints: [['dvdi', 'IS', 'true']] }, agents, { masterRegion: 'eu' })), ['agent-1', 'agent-2']);
  assert.deepEqual(names(placeApp({ acceptedResourceRoles: ['storage'] }, agents)), ['agent-2']);
  assert.deepEqual(names(placeApp({ constraints: [['@zone', 'UNLIKE', 'b']] }, agents, { masterRegion: 'eu' })), ['agent-1', 'agent-3', 'agent-4']);
});

test('hostname:UNIQUE can be ignored when counting one instance per agent', () => {
  const spec = { constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] };
  const placed = [agents[0]];
  assert.deepEqual(names(placeApp(spec, agents, { placed })), ['agent-4']);
  assert.deepEqual(names(placeApp(spec, agents, { placed, ignore: isHostnameUnique })), ['agent-1', 'agent-4']);
});

test('unreadable constraints are reported, and the rest still apply', () => {
  const p = placeApp({ constraints: [['dvdi', 'like', 'true'], ['@zone', 'IS', 'a']] }, agents);
  assert.equal(p.problems.length, 1);
  assert.deepEqual(names(p), ['agent-1', 'agent-3']);
});

test('without acceptedResourceRoles, an agent offering only its role\'s reserved resources is undecided, not a candidate', () => {
  // Marathon's default accepted roles come from --accepted_resource_roles_default_behavior (MarathonConf
  // defaultAcceptedResourceRolesSet): any = the role and *, Marathon's own default; unreserved = *, what DC/OS sets.
  // /v2/info does not report it, so agent-2 (all its cpus reserved for "storage") may or may not get the app.
  const p = placeApp({ role: 'storage', constraints: [['dvdi', 'IS', 'true']] }, agents, { masterRegion: 'eu' });
  assert.match(p.undecided.join('\n'), /no acceptedResourceRoles.*agent-2 offers? only resources reserved for its role "storage".*--accepted_resource_roles_default_behavior.*set acceptedResourceRoles/);
  assert.match(p.agents[1].reasons.join('; '), /only resources reserved for "storage"/);
  // An explicit list decides.
  assert.deepEqual(placeApp({ role: 'storage', acceptedResourceRoles: ['*'] }, agents).undecided, []);
  assert.deepEqual(placeApp({ role: '*' }, agents).undecided, []);
});

test('--accepted_resource_roles_default_behavior reserved: an app without acceptedResourceRoles takes only its role\'s reserved resources', () => {
  // MarathonConf.defaultAcceptedResourceRolesSet: any = {role, *}, unreserved = {*}, reserved = {role}; the role's own
  // reservations only, so agent-1 (all unreserved) gets no instance under `reserved`.
  const spec = { role: 'storage', constraints: [['dvdi', 'IS', 'true']] };
  const told = (b: 'any' | 'unreserved' | 'reserved') => placeApp(spec, agents, { masterRegion: 'eu', acceptedResourceRolesDefaultBehavior: b });
  assert.deepEqual(names(told('reserved')), ['agent-2']);
  assert.match(told('reserved').agents[0].reasons.join('; '), /accepted roles \["storage"\]/);
  assert.deepEqual(names(told('unreserved')), ['agent-1']);
  assert.deepEqual(names(told('any')), ['agent-1', 'agent-2']);
  for (const b of ['any', 'unreserved', 'reserved'] as const) assert.deepEqual(told(b).undecided, [], b);
  // The app's role "*": every behaviour means unreserved resources.
  assert.deepEqual(names(placeApp({ role: '*' }, agents, { acceptedResourceRolesDefaultBehavior: 'reserved' })), ['agent-1', 'agent-3', 'agent-4']);
  // An explicit list wins over the flag.
  assert.deepEqual(names(placeApp({ role: 'storage', acceptedResourceRoles: ['*'] }, agents, { acceptedResourceRolesDefaultBehavior: 'reserved' })), ['agent-1', 'agent-3', 'agent-4']);
});

test('without the behaviour, an agent offering only unreserved resources is undecided too: under reserved Marathon leaves it', () => {
  // /v2/info does not report the flag (marathon-api.md §9). Counting agent-1 would over-count under `reserved`, and a
  // hostname:UNIQUE app with more instances than usable agents never finishes deploying.
  const p = placeApp({ role: 'storage', constraints: [['dvdi', 'IS', 'true']] }, agents, { masterRegion: 'eu' });
  assert.deepEqual(names(p), []);
  assert.equal(p.undecided.length, 2, p.undecided.join('\n'));
  assert.match(p.undecided.join('\n'), /agent-1 offers only unreserved resources: .*--accepted_resource_roles_default_behavior is any .* or unreserved .*not if it is reserved/);
  // An agent with both unreserved and the role's reserved resources is a candidate under every behaviour.
  const both: MesosAgent = { ...agents[0], hostname: 'agent-both', reserved_resources: { storage: res(1) } };
  assert.deepEqual(names(placeApp({ role: 'storage' }, [both])), ['agent-both']);
  assert.deepEqual(placeApp({ role: 'storage' }, [both]).undecided, []);
});

test('the behaviour is undecided only for agents every other check admits: one left out anyway changes no answer', () => {
  // agent-3 (no dvdi attribute), agent-4 (another region) and agent-5 (inactive) are left out under every behaviour;
  // naming them made `scale` refuse on clusters where the flag changes nothing.
  const p = placeApp({ role: 'storage', constraints: [['dvdi', 'IS', 'true']] }, agents, { masterRegion: 'eu' });
  const named = p.undecided.join('\n');
  for (const h of ['agent-3', 'agent-4', 'agent-5']) assert.doesNotMatch(named, new RegExp(h), named);
  assert.match(why(p, 'agent-3'), /no attribute "dvdi"/);
  assert.doesNotMatch(why(p, 'agent-3'), /behavior/);
  // A DC/OS cluster: the app's role slave_public, public agents left out by a constraint, the private ones decide.
  const pub: MesosAgent = { id: 'P1', hostname: 'public-1', attributes: { public_ip: 'true' }, active: true, unreserved_resources: res(0), reserved_resources: { slave_public: res(4) } };
  const priv: MesosAgent = { id: 'Q1', hostname: 'private-1', attributes: {}, active: true, unreserved_resources: res(4), reserved_resources: {} };
  const dcos = placeApp({ role: 'slave_public', constraints: [['public_ip', 'UNLIKE', 'true']] }, [pub, priv]);
  assert.doesNotMatch(dcos.undecided.join('\n'), /public-1/);
  // A constraint this tool cannot evaluate matters only on an agent the other checks admit.
  const javaOnly = placeApp({ constraints: [['dvdi', 'LIKE', 'tr(?>u)e']] }, [agents[4]]);
  assert.deepEqual(javaOnly.undecided, [], 'agent-5 is inactive');
});

test('without the behaviour, a GPU app is undecided where its GPUs and its cpus lie in different roles', () => {
  // ResourceMatcher takes GPUs of the accepted roles only: under `reserved` agent-g's unreserved GPUs are not the
  // app's, under `unreserved` its cpus are (both unreserved and reserved), so it is a candidate under any and unreserved.
  const g: MesosAgent = { id: 'G1', hostname: 'agent-g', attributes: {}, active: true, unreserved_resources: { ...res(4), gpus: 2 }, reserved_resources: { storage: res(2) } };
  const spec = { role: 'storage', gpus: 1 };
  const told = (b: 'any' | 'unreserved' | 'reserved') => names(placeApp(spec, [g], { acceptedResourceRolesDefaultBehavior: b, marathonFeatures: ['gpu_resources'] }));
  assert.deepEqual([told('any'), told('unreserved'), told('reserved')], [['agent-g'], ['agent-g'], []]);
  const p = placeApp(spec, [g], { marathonFeatures: ['gpu_resources'] });
  assert.deepEqual(names(p), []);
  assert.match(p.undecided.join('\n'), /agent-g .*--accepted_resource_roles_default_behavior is any .* or unreserved/);
  // cpus reserved, GPUs unreserved: only `any` offers both.
  const h: MesosAgent = { ...g, hostname: 'agent-h', unreserved_resources: { cpus: 0, mem: 0, disk: 0, gpus: 2 } };
  const q = placeApp(spec, [h], { marathonFeatures: ['gpu_resources'] });
  assert.deepEqual(names(q), []);
  assert.match(q.undecided.join('\n'), /agent-h .*only if .*--accepted_resource_roles_default_behavior is any\b/);
  assert.match(why(q, 'agent-h'), /under reserved: .*GPUs/);
});

test('a resident app (persistent volumes) is placed only where Marathon can reserve: unreserved resources, "*" accepted', () => {
  // InstanceOpFactoryImpl.maybeReserveAndCreateVolumes: "We can only reserve unreserved resources", the roles it
  // considers are {"*"} ∩ the accepted roles; none, and it "will never match".
  const resident = { role: 'storage', container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', persistent: { size: 10 } }] } };
  assert.deepEqual(names(placeApp({ ...resident, acceptedResourceRoles: ['*', 'storage'] }, agents)), ['agent-1', 'agent-3', 'agent-4']);
  const onlyRole = placeApp({ ...resident, acceptedResourceRoles: ['storage'] }, agents);
  assert.deepEqual(names(onlyRole), []);
  assert.match(why(onlyRole, 'agent-2'), /resident.*unreserved/);
  // Without acceptedResourceRoles: agent-2 (only "storage" resources) is out under every behaviour, not undecided.
  const p = placeApp(resident, [agents[1]]);
  assert.deepEqual([names(p), p.undecided], [[], []]);
  assert.deepEqual(names(placeApp(resident, agents, { acceptedResourceRolesDefaultBehavior: 'any' })), ['agent-1', 'agent-3', 'agent-4']);
  assert.deepEqual(names(placeApp(resident, agents, { acceptedResourceRolesDefaultBehavior: 'reserved' })), []);
});
