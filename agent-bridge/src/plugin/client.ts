/**
 * A Docker volume plugin client speaking the wire protocol the way dvdcli/Docker do (dvdi-bridge.md §3.3, §4): every call is
 * `POST /<Method>` with `Accept: application/vnd.docker.plugins.v1.2+json`, a JSON body (empty for
 * Plugin.Activate), no particular response Content-Type required. Unlike dvdcli, every call has a timeout and
 * honours an AbortSignal, and connection errors are not retried for 15 s: a dry run reports them at once.
 */
import { request } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import type { PluginAddress } from './discovery';
import { hostAddresses } from './hostAddresses';

const PLUGIN_ACCEPT = 'application/vnd.docker.plugins.v1.2+json';

/** Largest answer read from a plugin (a List of thousands of volumes fits); a bigger one is a broken plugin. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class PluginError extends Error {
  constructor(
    message: string,
    /** `err`: the plugin answered with an error; `timeout`/`aborted`/`connect`: no usable answer. */
    readonly kind: 'err' | 'timeout' | 'aborted' | 'connect' | 'protocol',
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface VolumeInfo {
  Name: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Status?: Record<string, unknown>;
}

export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * How a TCP plugin's host name is looked up for a call: as its identity is (hostAddresses.ts, getent in a killable
 * child, the same short reuse), never by node's default dns.lookup, which runs getaddrinfo on one of libuv's four pool
 * threads where a resolver that does not answer holds it (agent-bridge/test/e2e/tcpPluginLookup.test.ts).
 */
const childLookup: LookupFunction = (host, options, callback) => {
  void hostAddresses(host).then((a) => {
    const list = 'addresses' in a ? a.addresses.map((address) => ({ address, family: isIP(address) })).filter((x) => !options.family || x.family === options.family) : [];
    if (list.length === 0) {
      const why = 'unresolved' in a ? a.unresolved : `no IPv${options.family} address`;
      return callback(Object.assign(new Error(`its host ${host} cannot be looked up: ${why}`), { code: undefined, lookup: true }), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, l: typeof list) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

export class PluginClient {
  constructor(readonly addr: PluginAddress) {}

  /** One RPC. Resolves with the decoded body; rejects with PluginError on non-200, non-empty Err, timeout, abort. */
  call(method: string, body: unknown, opts: CallOptions): Promise<Record<string, unknown>> {
    const payload = body === undefined ? '' : JSON.stringify(body) + '\n'; // Go's json.Encoder adds the newline
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) return reject(new PluginError(`${method}: cancelled before it was sent`, 'aborted'));
      const where =
        this.addr.transport === 'unix'
          ? { socketPath: this.addr.socketPath! }
          : { host: new URL(this.addr.baseUrl!).hostname, port: Number(new URL(this.addr.baseUrl!).port) || 80, lookup: childLookup };
      const req = request({
        ...where,
        method: 'POST',
        path: `/${method}`,
        agent: false,
        headers: { Accept: PLUGIN_ACCEPT, 'Content-Length': Buffer.byteLength(payload), Host: '' },
      });
      let settled = false;
      const finish = (err: PluginError | undefined, value?: Record<string, unknown>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          reject(err);
        } else resolve(value!);
      };
      const timer = setTimeout(
        () => finish(new PluginError(`${method}: no answer from plugin at ${this.addr.address} within ${opts.timeoutMs} ms (a hung plugin would hang dvdcli forever)`, 'timeout')),
        opts.timeoutMs,
      );
      const onAbort = () => finish(new PluginError(`${method}: cancelled`, 'aborted'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e: NodeJS.ErrnoException) =>
        finish(new PluginError(`${method}: cannot reach plugin at ${this.addr.address}: ${'lookup' in e ? `${e.message}; fix the host's name (/etc/hosts or DNS) or the spec file` : `${e.code ?? e.message} (a stale socket or a stopped plugin)`}`, 'connect')),
      );
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) return finish(new PluginError(`${method}: plugin at ${this.addr.address} answered more than ${MAX_RESPONSE_BYTES} bytes; not reading further`, 'protocol', res.statusCode));
          chunks.push(c);
        });
        res.on('error', (e) => finish(new PluginError(`${method}: connection lost while reading the answer: ${e.message}`, 'connect')));
        res.on('aborted', () => finish(new PluginError(`${method}: plugin closed the connection mid-answer`, 'connect')));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | undefined;
          try {
            const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
            if (parsed !== null && typeof parsed === 'object') json = parsed as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          const errText = typeof json?.Err === 'string' && json.Err !== '' ? clipText(json.Err) : undefined;
          // dvdcli: prefer Err, fall back to the raw body; 200 with a non-empty Err is an error too.
          if (res.statusCode !== 200) return finish(new PluginError(`${method}: ${errText ?? (clipText(raw.trim()) || `HTTP ${res.statusCode}`)}`, 'err', res.statusCode));
          if (errText) return finish(new PluginError(`${method}: ${errText}`, 'err', 200));
          if (!json) return finish(new PluginError(`${method}: plugin answered 200 with a body that is not a JSON object: ${raw.slice(0, 200)}`, 'protocol', 200));
          finish(undefined, json);
        });
      });
      req.end(payload);
    });
  }

  async activate(opts: CallOptions): Promise<string[]> {
    const r = await this.call('Plugin.Activate', undefined, opts);
    if (!Array.isArray(r.Implements)) {
      // Docker decodes Implements into a list of strings; anything else fails its activation too.
      throw new PluginError(`Plugin.Activate: plugin at ${this.addr.address} answered Implements ${clipText(JSON.stringify(r.Implements) ?? 'undefined', 200)}, not a list such as ["VolumeDriver"]; the agent could not use it for volumes`, 'protocol');
    }
    const impl = r.Implements.filter((x): x is string => typeof x === 'string');
    if (!impl.includes('VolumeDriver')) {
      throw new PluginError(`Plugin.Activate: plugin implements [${impl.join(', ')}], not VolumeDriver; the agent could not use it for volumes`, 'protocol');
    }
    return impl;
  }

  /**
   * undefined when the plugin says the volume does not exist (Err or `Volume: null`). A Volume that is no volume
   * (a string, a Mountpoint that is not a string, a Status that is not an object) is a broken plugin, said with its
   * address: the in-use checks and the release read Mountpoint and Status.Mounts, and must never read junk as "unused".
   * Name is not required here: nothing reads it from Get, and a sloppy plugin that leaves it out still answers.
   */
  async get(name: string, opts: CallOptions): Promise<VolumeInfo | undefined> {
    let r: Record<string, unknown>;
    try {
      r = await this.call('VolumeDriver.Get', { Name: name }, opts);
    } catch (e) {
      if (e instanceof PluginError && e.kind === 'err' && isNotFound(e.message)) return undefined;
      throw e;
    }
    const v = r.Volume;
    if (v === undefined || v === null) return undefined;
    if (!isGotVolume(v)) {
      throw new PluginError(
        `VolumeDriver.Get ${JSON.stringify(name)}: plugin at ${this.addr.address} answered a Volume that is not a volume (an object, its Mountpoint a string, its Status an object and Status.Mounts a list of caller IDs if given): ${clipText(JSON.stringify(v), 200)}; the plugin is broken`,
        'protocol',
        200,
      );
    }
    return v;
  }

  async create(name: string, options: Record<string, string>, opts: CallOptions): Promise<void> {
    await this.call('VolumeDriver.Create', { Name: name, Opts: options }, opts);
  }

  /** `id` undefined = dvdcli's ID-less request (Docker 1.11 protocol). */
  async mount(name: string, id: string | undefined, opts: CallOptions): Promise<string> {
    const r = await this.call('VolumeDriver.Mount', id === undefined ? { Name: name } : { Name: name, ID: id }, opts);
    return typeof r.Mountpoint === 'string' ? r.Mountpoint : '';
  }

  async unmount(name: string, id: string | undefined, opts: CallOptions): Promise<void> {
    await this.call('VolumeDriver.Unmount', id === undefined ? { Name: name } : { Name: name, ID: id }, opts);
  }

  /**
   * Every entry checked before anyone walks it: a plugin answering `[null]`, numbers or objects without a Name
   * string is a broken plugin, said as such with its address, not a TypeError from whoever reads `.Name` first.
   * No Volumes (or `null`, Go's empty slice) is an empty list.
   */
  async list(opts: CallOptions): Promise<VolumeInfo[]> {
    const r = await this.call('VolumeDriver.List', {}, opts);
    if (r.Volumes === undefined || r.Volumes === null) return [];
    if (!Array.isArray(r.Volumes)) {
      throw new PluginError(`VolumeDriver.List: plugin at ${this.addr.address} answered Volumes that is not a list: ${clipText(JSON.stringify(r.Volumes), 200)}`, 'protocol', 200);
    }
    const bad: string[] = [];
    r.Volumes.forEach((v: unknown, i) => {
      if (!isVolumeInfo(v)) bad.push(`#${i} ${clipText(JSON.stringify(v) ?? String(v), 120)}`);
    });
    if (bad.length > 0) {
      throw new PluginError(
        `VolumeDriver.List: plugin at ${this.addr.address} answered ${bad.length} of ${r.Volumes.length} entries that are not volumes (an object with a non-empty Name string, Mountpoint a string if given): ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}; the plugin is broken`,
        'protocol',
        200,
      );
    }
    return r.Volumes as VolumeInfo[];
  }

  async path(name: string, opts: CallOptions): Promise<string> {
    const r = await this.call('VolumeDriver.Path', { Name: name }, opts);
    return typeof r.Mountpoint === 'string' ? r.Mountpoint : '';
  }

  /**
   * Optional endpoint: an error means `local` scope, as Docker assumes. A Capabilities that is no object is local
   * scope too, said in `error`: it is passed to clients as bridge/info's `capabilities`, an object in the protocol.
   */
  async capabilities(opts: CallOptions): Promise<Record<string, unknown>> {
    let r: Record<string, unknown>;
    try {
      r = await this.call('VolumeDriver.Capabilities', {}, opts);
    } catch (e) {
      if (e instanceof PluginError && (e.kind === 'err' || e.kind === 'protocol')) return { Scope: 'local' };
      throw e;
    }
    const c = r.Capabilities;
    if (c === undefined || c === null) return { Scope: 'local' };
    if (typeof c !== 'object' || Array.isArray(c)) {
      return { Scope: 'local', error: `VolumeDriver.Capabilities: plugin at ${this.addr.address} answered Capabilities ${clipText(JSON.stringify(c), 200)}, not an object such as {"Scope": "global"}; Docker takes such a plugin as local scope` };
    }
    return c as Record<string, unknown>;
  }
}

function isVolumeInfo(v: unknown): v is VolumeInfo {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.Name === 'string' && o.Name !== '' && (o.Mountpoint === undefined || typeof o.Mountpoint === 'string');
}

function isGotVolume(v: unknown): v is VolumeInfo {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const { Mountpoint: m, Status: s } = v as Record<string, unknown>;
  if (!(m === undefined || typeof m === 'string') || !(s === undefined || s === null || (typeof s === 'object' && !Array.isArray(s)))) return false;
  // Status.Mounts lists the callers (the in-use proof, dvdi-bridge.md §8.2); null is Go's empty list. Anything else
  // (a string naming a caller, an object) is not readable as "no caller", so it is not read as one.
  const mounts = (s as Record<string, unknown> | null | undefined)?.Mounts;
  return mounts === undefined || mounts === null || Array.isArray(mounts);
}

/** Plugins word "missing" differently (rclone "volume not found", REX-Ray "resource not found", Docker "no such volume"). */
function isNotFound(message: string): boolean {
  return /not found|no such volume|does not exist|doesn't exist|unknown volume/i.test(message);
}

/** A plugin's error text ends up in step details and logs: keep it to a readable size. */
function clipText(s: string, max = 2000): string {
  return s.length <= max ? s : `${s.slice(0, max)}…(${s.length} chars)`;
}
