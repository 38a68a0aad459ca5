/**
 * The gate's answers in Marathon's own error shapes (../shared/reference/marathon-api.md §12), so every
 * client that already shows Marathon's errors (DC/OS CLI and UI, Terraform, marathon-python, curl) shows
 * the gate's findings unchanged: `422 {"message":"Object is not valid","details":[{path, errors}]}` with one
 * entry per path, and `{"message": …}` for the rest.
 */
import { networkError } from '@marathon-devtools/cluster/marathon/errors';
import type { GateFinding } from './judge';

export interface MarathonErrorBody {
  status: number;
  body: string;
}

/** The message as the gate writes it: the engine's text, with the rule id last so users can look it up. */
export function findingText(f: GateFinding, withApp: boolean): string {
  return `${withApp && f.appId ? `${f.appId}: ` : ''}${f.message} (${f.ruleId})`;
}

/**
 * The 422 for the error findings. Marathon validates each app of a group body alone first and fails on the
 * first invalid one with paths relative to that app (marathon-api.md §13 "Whose root?"): the gate reports every invalid app
 * that way, prefixing each message with the app id since the path alone cannot say which app it is.
 * Without per-app errors, the body's own and the root group's findings are reported.
 */
/** `readerStatus`: Marathon 1.5+ answers a JSON reader failure with 422, 1.4 and older with 400. */
export function notValid(findings: readonly GateFinding[], readerStatus = 422): MarathonErrorBody {
  const errors = findings.filter((f) => f.severity === 'error');
  // Marathon's JSON reader fails first and alone: `Invalid JSON` with its paths (marathon-api.md §12).
  const reader = errors.filter((f) => f.jsonLayer);
  const perApp = errors.filter((f) => f.pass === 'app');
  const shown = reader.length > 0 ? reader : perApp.length > 0 ? perApp : errors;
  const several = reader.length === 0 && (new Set(shown.map((f) => f.appId)).size > 1 || shown.some((f) => f.appId !== undefined && f.pass === 'app'));
  const byPath = new Map<string, string[]>();
  for (const f of shown) {
    const list = byPath.get(f.path) ?? [];
    const text = findingText(f, several);
    if (!list.includes(text)) list.push(text);
    byPath.set(f.path, list);
  }
  const details = [...byPath].map(([path, errs]) => ({ path, errors: errs }));
  return { status: reader.length > 0 ? readerStatus : 422, body: JSON.stringify({ message: reader.length > 0 ? 'Invalid JSON' : 'Object is not valid', details }) };
}

/** `--fail closed` when the cross-app checks cannot run; `clusterDown`: because Marathon could not be read. */
export function cannotDecide(skipped: readonly string[], reason: string, clusterDown = true): MarathonErrorBody {
  const message =
    `marathon-gate cannot check this request against the deployed apps (${reason}), so it refuses it (--fail closed). ` +
    `Checks that need the cluster: ${skipped.join(', ')}.${clusterDown ? ' Retry when Marathon answers again.' : ''}`;
  return { status: 503, body: JSON.stringify({ message }) };
}

/**
 * Marathon (`origin`, --marathon's) gave the gate no answer: the 502 says why in words and what to check, as the
 * cluster client words it (cluster/src/marathon/errors.ts), the socket's code kept. Two causes read differently here:
 * a reset or a parse failure before any response (http-proxy-3 reports only those; a break mid-answer breaks the
 * client's answer instead) is the wrong port or scheme far more often than a Marathon going away, unless the request
 * went out on a connection kept from an earlier one (`reused`): that one reached Marathon before, and it closed it as
 * this request was sent. A write (`write`) may have been read before the reset all the same (an abortive close after
 * reading it, test/gate/readThenReset.test.ts), and the client must not take the 502 for "not deployed". A connection
 * never answered (its SYN dropped) is a host down or unreachable.
 */
export function marathonUnreachable(origin: string, err: unknown, timeoutMs = 5_000, reused = false, write = false): MarathonErrorBody {
  const e = err as (NodeJS.ErrnoException & { connectTimeoutMs?: number }) | undefined;
  const code = e?.code;
  const httpsHint = origin.startsWith('http:') ? '; if this port serves HTTPS, give --marathon https://… (and --marathon-ca for a private CA)' : '';
  const why = code?.startsWith('HPE_')
    ? `what answers there is not HTTP (${code}): check that --marathon names Marathon's API${httpsHint}`
    : code === 'ETIMEDOUT' && e?.syscall === 'connect'
      ? notAnswered(e.connectTimeoutMs)
      : (code === 'ECONNRESET' || code === 'EPIPE') && reused
        ? `Marathon closed the kept-alive connection this request went out on before any answer (${code}), so it may have received the request: check whether it took effect before sending it again`
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? `the connection closed before any answer (${code})${httpsHint}${write ? `; if Marathon answers there, it may have received the request: check whether it took effect before sending it again` : ''}`
          : networkError(origin, err, timeoutMs).cause_;
  return { status: 502, body: JSON.stringify({ message: `marathon-gate could not reach Marathon at ${origin}: ${why}.` }) };
}

/**
 * The gate's own bound (`ms`, marathonAgent.ts), or the kernel's, which gives up after its SYN retries (about two
 * minutes with Linux's default tcp_syn_retries=6) when that bound is longer.
 */
function notAnswered(ms: number | undefined): string {
  const within = ms === undefined ? 'before the system gave up retrying (ETIMEDOUT)' : `within ${ms < 100 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`} (--marathon-timeout)`;
  return `it did not answer the connection ${within}: check that its host is up and reachable from the gate on that port (the address in --marathon, no firewall dropping the packets)`;
}

/** The event stream's redirect to Marathon's leader was followed and the leader did not answer (leaderEvents.ts). */
export function leaderUnreachable(leader: string, marathon: string, reason: string): MarathonErrorBody {
  const message = `marathon-gate could not reach Marathon's leader at ${leader}, where Marathon at ${marathon} sends the event stream (${reason}).`;
  return { status: 502, body: JSON.stringify({ message }) };
}

/** Marathon redirected the event stream but named no leader when asked (leaderEvents.ts): it may be down or changing. */
export function leaderNotNamed(leader: string, marathon: string, why: string): MarathonErrorBody {
  const message =
    `Marathon at ${marathon} sends the event stream to its leader at ${leader}, but named no leader when marathon-gate asked (${why}): ` +
    `the leader may be down or changing. The gate sends the client's credentials only to the leader Marathon names; retry.`;
  return { status: 502, body: JSON.stringify({ message }) };
}

export function tooManyLeaderRedirects(hops: number, last: string): MarathonErrorBody {
  const message = `marathon-gate followed ${hops} redirects of the event stream without reaching Marathon's leader (the last to ${last}); leadership may be changing: retry.`;
  return { status: 502, body: JSON.stringify({ message }) };
}

export function bodyTooLarge(limit: number): MarathonErrorBody {
  const message = `marathon-gate reads request bodies up to ${limit} bytes to check them; this one is larger, so it is refused (--mode deny).`;
  return { status: 413, body: JSON.stringify({ message }) };
}

export function nestedTooDeep(limit: number): MarathonErrorBody {
  const message = `marathon-gate reads definitions nested up to ${limit} levels deep to check them; this body nests deeper (no Marathon definition does), so it is refused (--mode deny).`;
  return { status: 422, body: JSON.stringify({ message }) };
}
