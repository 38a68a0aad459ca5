/**
 * Which credentials Test mount's discovery sends to the Mesos master, and what the master's 401 then tells the user.
 * A token or credentials file (or the token from "Marathon: Connect to Cluster") is set for the cluster, and goes to
 * both (extension/package.json says so), unless `marathon.cluster.mesosUrl` carries a user and password of its own. The user and password in `marathon.cluster.url` are Marathon's
 * (--http_credentials, marathon-api.md §2): they go to the master too only through the same origin, as under DC/OS,
 * where Admin Router serves <dcos>/service/marathon and <dcos>/mesos with one login (mesos-master-api.md §6). A master
 * on another host is another service: Marathon's password is not sent there unless the user put it in
 * `marathon.cluster.mesosUrl` (user info of its own, which the master client reads) or a credentials file.
 */
import { authorizationHeader, parseBaseUrl, type MarathonAuth } from '@marathon-devtools/cluster/marathon/options';

export interface MasterAccess {
  /** The Authorization header for the master; undefined: none, or the user info of `mesosUrl` itself. */
  authorization?: string;
  /** What a 401 from the master tells the user to check. */
  authHint: string;
}

const origin = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};
const hasUserInfo = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
};

/**
 * `setAuth`: the credentials from the token or a file (undefined when none is set); `marathonAuthHint`: what
 * Marathon's 401 says, which also fits the master when it got the same credentials.
 */
export function masterAccess(marathonUrl: string, mesosUrl: string, setAuth: MarathonAuth | undefined, marathonAuthHint: string): MasterAccess {
  // The master's own user info is the most specific setting: it wins over the cluster-wide token or file, else a
  // master that takes other credentials than Marathon could not be reached while a token is set.
  if (hasUserInfo(mesosUrl)) return { authHint: 'check the user and password in marathon.cluster.mesosUrl' };
  if (setAuth) return { authorization: authorizationHeader(setAuth), authHint: marathonAuthHint };
  let urlAuth: MarathonAuth | undefined;
  try {
    urlAuth = parseBaseUrl(marathonUrl).auth;
  } catch {
    urlAuth = undefined; // Marathon's own read says what is wrong with its URL
  }
  // Nothing set for either: a master on another host may ask for credentials of its own, which only mesosUrl gives it.
  if (!urlAuth) return { authHint: origin(marathonUrl) === origin(mesosUrl) ? marathonAuthHint : `${marathonAuthHint}; a Mesos master of its own takes its user and password in marathon.cluster.mesosUrl (http://USER:PASSWORD@HOST:5050)` };
  if (origin(marathonUrl) === origin(mesosUrl)) return { authorization: authorizationHeader(urlAuth), authHint: marathonAuthHint };
  return {
    authHint:
      "marathon.cluster.url's user and password are sent to Marathon only, not to the Mesos master at another host: give the master's own in marathon.cluster.mesosUrl (http://USER:PASSWORD@HOST:5050), or put user:password in marathon.cluster.credentialsFile to send it to both",
  };
}
