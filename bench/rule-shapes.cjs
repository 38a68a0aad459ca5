// A toy of the engine's rule shape, for docs/performance.md ("Measured on 2026-12-07 (second session)"): 60 rules,
// each reading `container.volumes`, `env` and `cmd` of every app (finding nothing), written three ways, timed in one
// fresh process per shape with the CLI's --no-use-osr: `loops` (one loop over all apps per rule, as the engine's
// rules are), `per-app` (every rule called per app), `data` (the rules as data, run by one small interpreter).
// Usage: node bench/rule-shapes.cjs <group.json> loops|per-app|data [passes]
require('node:v8').setFlagsFromString('--no-use-osr');
const [docPath, shape, passesArg] = process.argv.slice(2);
const doc = JSON.parse(require('node:fs').readFileSync(docPath, 'utf8'));
const apps = [];
(function collect(g) {
  for (const a of g.apps ?? []) apps.push(a);
  for (const s of g.groups ?? []) collect(s);
})(doc);
const N = 60;
// The body of rule r, one app `a`: the same work in every shape.
const body = (r) => `
  const c = a.container; if (c && typeof c === 'object') { const v = c.volumes; if (Array.isArray(v)) for (let j = 0; j < v.length; j++) { const x = v[j]; if (x && x.mode === 'R${r}') out.push(x); } }
  const e = a.env; if (e) for (const k in e) if (k.length === ${r + 100}) out.push(k);
  if (typeof a.cmd === 'string' && a.cmd.length === ${r + 1000}) out.push(a.cmd);`;
let pass;
if (shape === 'loops') {
  const rules = Array.from({ length: N }, (_, r) => new Function('apps', 'out', `for (let i = 0; i < apps.length; i++) { const a = apps[i]; ${body(r)} }`));
  pass = (out) => { for (const rule of rules) rule(apps, out); };
} else if (shape === 'per-app') {
  const rules = Array.from({ length: N }, (_, r) => new Function('a', 'out', body(r)));
  pass = (out) => { for (const a of apps) for (let r = 0; r < N; r++) rules[r](a, out); };
} else if (shape === 'data') {
  const rules = Array.from({ length: N }, (_, r) => [
    { path: ['container', 'volumes'], each: 'mode', eq: 'R' + r },
    { path: ['env'], keyLength: r + 100 },
    { path: ['cmd'], stringLength: r + 1000 },
  ]);
  const get = (o, path) => {
    for (let i = 0; i < path.length; i++) {
      if (o === null || typeof o !== 'object') return undefined;
      o = o[path[i]];
    }
    return o;
  };
  const run = (a, c, out) => {
    const v = get(a, c.path);
    if (c.each) { if (Array.isArray(v)) for (let j = 0; j < v.length; j++) { const x = v[j]; if (x && x[c.each] === c.eq) out.push(x); } }
    else if (c.keyLength) { if (v && typeof v === 'object') for (const k in v) if (k.length === c.keyLength) out.push(k); }
    else if (typeof v === 'string' && v.length === c.stringLength) out.push(v);
  };
  const appPass = (a, out) => { for (let r = 0; r < N; r++) for (const c of rules[r]) run(a, c, out); };
  pass = (out) => { for (const a of apps) appPass(a, out); };
} else throw new Error(`shape: loops | per-app | data, not ${shape}`);
const times = [];
for (let p = 0; p < Number(passesArg ?? 3); p++) {
  const t0 = process.hrtime.bigint();
  pass([]);
  times.push(+(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));
}
console.log(JSON.stringify({ shape, apps: apps.length, ms: times }));
