/** The engines a runner offers, built once from its config. */
import { accessSync, constants } from 'node:fs';
import { DockerVolumeEngine } from '../engines/dockerVolume';
import { DvdiModuleEngine } from '../engines/dvdiModule';
import type { Engine } from '../engines/engine';
import { PluginEngine } from '../engines/pluginEngine';
import type { EngineName } from './contract';

export function buildEngines(dvdcliPath: string): Record<EngineName, Engine> {
  return { 'docker-volume': new DockerVolumeEngine(dvdcliPath), 'dvdi-module': new DvdiModuleEngine(dvdcliPath), plugin: new PluginEngine() };
}

/** dvdcli-based engines need an executable dvdcli; the plugin engine needs nothing but a socket. */
export function availableEngines(dvdcliPath: string): EngineName[] {
  try {
    accessSync(dvdcliPath, constants.X_OK);
    return ['docker-volume', 'dvdi-module', 'plugin'];
  } catch {
    return ['plugin'];
  }
}

/** The module puts the dvdcli path into a shell string unquoted; a path that the shell would split is unusable. */
export function shellUnsafePath(p: string): boolean {
  return !/^\/[A-Za-z0-9_.\/+-]*$/.test(p);
}
