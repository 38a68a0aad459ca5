// The bridge's version, from its package.json (esbuild inlines the JSON into the bundle).
import pkg from '../../package.json';

export const BRIDGE_VERSION: string = pkg.version;
