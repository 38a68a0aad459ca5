/**
 * The one way a `marathon-lint.config.json` on disk becomes a profile, for the CLI (`--config` and the
 * nearest config) and the language server alike: the same guarded read as a linted file (a FIFO or a device
 * is refused at once, a config has no reason to be large), then the engine's `parseConfig`. Each adapter only
 * words the outcome its own way (a stderr line, an LSP diagnostic on the config file).
 */
import { parseConfig } from '../index';
import type { Profile } from '../core/profile';
import type { Diagnostic } from '../core/types';
import { readFileSource } from './readSource';

/** A real config is a few hundred bytes; 16 MB leaves room for generated ones and still fails fast. */
const maxConfigBytes = 16 * 1024 * 1024;

export type LoadedProfile =
  /** `problems`: every finding on the config (errors and warnings); the profile uses defaults where they apply. */
  | { ok: true; profile: Profile; problems: Diagnostic[]; ignorePatterns: string[] }
  /** `unreadable`: the file could not be read (`detail` says why); `engine`: parseConfig threw (a bug). */
  | { ok: false; cause: 'unreadable' | 'engine'; detail: string };

/** `shownName` is the name the engine puts in front of its messages (the CLI's relative path, the server's base name). */
export function loadProfile(file: string, shownName: string): LoadedProfile {
  const source = readFileSource(file, maxConfigBytes);
  if (!source.ok) return { ok: false, cause: 'unreadable', detail: source.error };
  return profileFromText(source.text, shownName);
}

/** A config's text already in hand (an editor's unsaved buffer piped to the CLI), judged as `loadProfile` judges. */
export function profileFromText(text: string, shownName: string): LoadedProfile {
  try {
    const parsed = parseConfig(text, shownName);
    return { ok: true, profile: parsed.profile, problems: parsed.errors ?? [], ignorePatterns: parsed.ignorePatterns ?? [] };
  } catch (e) {
    // The engine promises not to throw; if it does, the user still gets one line, not a stack.
    return { ok: false, cause: 'engine', detail: String((e as Error)?.message ?? e) };
  }
}
