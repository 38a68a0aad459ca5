export const USAGE = `dvdi-bridge: safe dry-run mounts of external volumes on a Mesos agent, over JSON-RPC on a websocket.

Usage:
  dvdi-bridge serve --listen HOST:PORT --token-file FILE [options]
  dvdi-bridge dry-run --url ws://HOST:PORT/v1 --token-file FILE --driver D --name N [--option k=v]... [options]
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
  Without --engine and --plugin-dirs the bridge starts its embedded "local" driver, so dry runs work with no
  cluster at all: dvdi-bridge dry-run --driver local --name demo.

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
`;
