// The URL a starting `dvdi-bridge serve` listens on, for scripts: the one line it prints on stdout,
// `dvdi-bridge listening on <url>` (agent-bridge/src/cli/serve.ts). Its JSON logs on stderr also carry the URL,
// inside a JSON string, and may arrive first, so stderr is kept only to explain a bridge that did not start.

/** Resolves with the URL, or rejects with what the bridge said when it exits or stays silent for `timeoutMs`. */
export function bridgeUrl(child, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const done = (f) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      f();
    };
    const onExit = (c) => done(() => reject(new Error(`the bridge exited (${c}):\n${out}${err}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`the bridge did not start:\n${out}${err}`))), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^dvdi-bridge listening on (wss?:\/\/\S+)$/m.exec(out);
      if (m) done(() => resolve(m[1]));
    });
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', onExit);
  });
}
