export const USAGE = `dvdi-bridge: safe dry-run mounts of external volumes on a Mesos agent, over JSON-RPC on a websocket.

Usage:
  dvdi-bridge serve --listen HOST:PORT --token-file FILE [options]
  dvdi-bridge dry-run --url ws://HOST:PORT/v1 --token-file FILE --driver D --name N [--option k=v]... [options]
  dvdi-bridge dry-run --app FILE --marathon URL --mesos URL --token-file FILE [--bridge-app /dvdi-bridge] [--all] [--json]
  dvdi-bridge scale --marathon URL --mesos URL --app /dvdi-bridge [--dry-run] [--force] [--json]
  dvdi-bridge --version | --help

serve options:
  --listen HOST:PORT        address to listen on (port 0: any free port); the URL is printed on stdout
  --token-file FILE         bearer tokens, one per line, optionally "name:token" (names appear in logs and policy)
  --state-dir DIR           journal and local-driver data (default /var/lib/dvdi-bridge as root,
                            else ~/.local/state/dvdi-bridge)
  --engine E                default engine: docker-volume | dvdi-module | plugin
  --dvdcli PATH             dvdcli binary (default: dvdcli on PATH, else /usr/bin/dvdcli)
  --plugin-dirs DIRS        plugin discovery directories, ":"-separated
                            (default /run/docker/plugins:/etc/docker/plugins:/usr/lib/docker/plugins)
  --policy FILE             per-token policy (JSON keyed by token name, "*" for the rest)
  --tls-cert F --tls-key F  serve wss:// with this certificate and key (PEM)
  --tls-client-ca F         require client certificates signed by this CA
  --allow-origin ORIGIN...  browser origins allowed to connect (others get 403)
  --max-concurrent N        concurrent requests per connection (default 4)
  --leftover-retry-ms N     retry releasing mounts a dry run could not release every N ms
                            (default 30000; 0: only before the next dry run of that volume)
 proving a volume unused before it is mounted (a missing proof refuses the dry run, naming the flag):
  --docker-volume-checkpoint-dir DIR   the agent's --docker_volume_checkpoint_dir
                            (default /var/run/mesos/isolators/docker/volume)
  --dvdi-checkpoint-dir DIR mesos-module-dvdi's dir (default /var/run/mesos/isolators/mesos-module-dvdi)
  --no-docker-volume-isolator   the agent runs no docker/volume isolator (its dir may be missing)
  --no-dvdi-module          the agent loads no mesos-module-dvdi (its dir may be missing)
  --docker-socket PATH|none Docker Engine API socket for Docker containerizer tasks (default
                            /var/run/docker.sock, asked when it exists); none: no Docker task uses these volumes
  --trust-checkpoints-for D...  drivers that cannot show their mounts (Get: no Mountpoint, no Status.Mounts,
                            like REX-Ray vfs) whose only users are checkpointed Mesos tasks
  --allow-hazard ID...      accept a driver hazard from the shared driver table (e.g. rexray-vfs-wipe-on-mount)
  Without --engine and --plugin-dirs the bridge starts its embedded "local" driver, so dry runs work with no
  cluster at all: dvdi-bridge dry-run --driver local --name demo. That driver is private to the bridge (its
  socket is under the state dir), needs no checkpoint proofs and offers only the plugin engine (no --dvdcli).

dry-run options:
  --url URL                 the bridge, e.g. ws://127.0.0.1:8474/v1 or wss://agent-1:8474/v1
  --token-file FILE         a file whose first token (or the one named by --token-name) is sent
  --token-name NAME         which "name:token" line of the file to use
  --driver D --name N       the volume to dry-run
  --option k=v              a driver option (repeatable)
  --engine E                docker-volume | dvdi-module | plugin (default: the bridge's)
  --mode RW|RO  --container-path P  --allow-create
  --ca F                    trust this CA for wss:// (plus the system's)
  --cert F --key F          client certificate for bridges started with --tls-client-ca
  --json                    print the JSON-RPC result instead of the table
  --timeout S               give up after S seconds (default 900); Ctrl-C cancels, and the bridge still unmounts
Exit status: 0 mounted-and-released or would-create, 1 any other verdict, 2 usage or connection error.

dry-run --app (test where the app will run): the bridges are the running tasks of --bridge-app (default
/dvdi-bridge) in Marathon, joined with the Mesos master's agents; the candidates are the agents Marathon could
place the app on (constraints, acceptedResourceRoles, region) that run a bridge; for a Chronos job, the agents
Chronos could run it on (its EQUALS, LIKE, UNLIKE constraints; the master's region). Each external volume is
dry-run on the first candidate, or on every candidate with --all (--concurrency N at once, default 4).
  --app FILE                a Marathon app (or group) or a Chronos job definition
  --marathon URL            Marathon, e.g. http://marathon.mesos:8080 or <dcos_url>/service/marathon
  --mesos URL               the Mesos master, e.g. http://leader.mesos:5050 or <dcos_url>/mesos
  --marathon-token-file F   DC/OS token (Authorization: token=...), sent to Marathon and the Mesos master
  --marathon-credentials-file F   user:password (HTTP basic) instead
  --marathon-ca F           CA bundle for https Marathon / Mesos;  --marathon-timeout S (default 10)
  --accepted-resource-roles-default-behavior any|unreserved|reserved   Marathon's flag of that name (DC/OS:
                            unreserved); /v2/info does not report it, and without it agents whose use depends on it
                            make the placement undecided
  --token-file F --token-name N --ca F   the bridges' token and CA, as for dry-run --url
  --json                    one object per candidate and volume: agent, hostname, zone, verdict, ms, volume

scale: sets the bridge app's instances to the number of active agents that pass its other constraints (one
bridge per agent with hostname:UNIQUE); idempotent, prints what it changed. --dry-run only says what it would
do; --force overrides a deployment that holds the app (e.g. one stuck with too many instances). Takes the same
--marathon, --mesos, --marathon-* and --accepted-resource-roles-default-behavior flags.
`;
