/**
 * `marathon-lint.config.json` text → Profile. Every problem becomes a diagnostic with a position (rule id
 * `config`); the profile keeps the default for any field that is wrong, so linting can still go on.
 */
import { escapeControls } from './escapeControls';
import { inALabel, marathonRejectsInvalidJson } from './syntaxMessage';
import { isObject, joinPointer } from '../model/documentModel';
import type { Finding } from './finding';
import { diagnosticsFor } from './diagnostics';
import { nearest } from '../model/nearest';
import { lastValueWins, parseDocument } from './parse';
import { defaultProfile, isSupportedVersion, newGroupEnforceRoles, supportedVersions, type NewGroupEnforceRole, type Profile, type RuleSetting } from './profile';
import { preview } from './preview';
import type { Diagnostic } from './types';

export const knownFeatures = ['external_volumes', 'secrets', 'gpu_resources', 'vips', 'task_killing'] as const;
/** Unknown rule ids reported one by one; the rest are counted in one finding. */
const maxUnknownRuleReports = 20;
const knownKeys = ['marathonVersion', 'features', 'mesosRole', 'defaultNetworkName', 'newGroupEnforceRole', 'rules', 'ignorePatterns'];
const settings: readonly RuleSetting[] = ['off', 'warning', 'error'];

/**
 * A config as read. `ignorePatterns`: the files below the config's directory that are not definitions (package.json,
 * test data); the adapters match them (project/ignorePatterns.ts), the engine only checks their shape.
 */
export interface ReadConfig {
  profile: Profile;
  errors: Diagnostic[];
  ignorePatterns: string[];
}

/** Reads a config's text; `ruleIds` are every id the engine can report (engine rules and the plugged-in rules). */
export function readConfig(text: string, fileName: string, ruleIds: readonly string[]): ReadConfig {
  const parsed = parseDocument(text);
  const profile: Profile = { ...defaultProfile, features: [...defaultProfile.features], rules: {} };
  const ignorePatterns: string[] = [];
  if (parsed.value === undefined && text.trim() === '') {
    const message = `${fileName}: the configuration file is empty. Write {} to use the defaults, or e.g. {"marathonVersion": "1.10", "rules": {}}.`;
    return { profile, errors: diagnosticsFor(parsed, [{ ruleId: 'config', severity: 'error', pointer: '', message }]), ignorePatterns: [] };
  }
  const findings: Finding[] = parsed.findings.map((f) => ({
    ...f,
    // The parser's own ids (syntax, no-duplicate-keys) are the definitions' rules, with their docs and settings;
    // a problem in this file is a `config` finding, which no setting turns off (docs/rules/config.md).
    ruleId: 'config',
    // The parser words its findings for definitions, which Marathon reads; nothing but the linter reads this file.
    message: `${fileName}: ${f.message.replace(marathonRejectsInvalidJson, 'A configuration file must be valid JSON.').replace(inALabel, '').replace(lastValueWins, 'because the linter, like any JSON reader, keeps only the last value')}`,
  }));
  const problem = (pointer: string, message: string, severity: 'error' | 'warning' = 'error', target: 'key' | 'value' = 'value') =>
    // Keys and names from the file are quoted(); the characters JSON leaves raw (U+2028, C1) are escaped here (escapeControls.ts).
    findings.push({ ruleId: 'config', severity, pointer, target, message: escapeControls(`${fileName}: ${message}`) });
  const c = parsed.value;

  if (parsed.strict && !isObject(c)) {
    problem('', `the configuration must be a JSON object like {"marathonVersion": "1.10", "features": [...]}, but it is ${preview(c)}.`);
  }
  if (parsed.strict && isObject(c)) {
    for (const key of Object.keys(c)) {
      // `$schema` lets editors validate the file (schema/marathon-lint-config.schema.json); it is not a setting.
      if (knownKeys.includes(key) || key === '$schema') continue;
      const guess = nearest(key, knownKeys);
      problem(`/${key}`, `unknown setting ${JSON.stringify(key)} is ignored. ${guess ? `Did you mean "${guess}"?` : `Known settings: ${knownKeys.join(', ')}.`}`, 'warning', 'key');
    }
    if ('marathonVersion' in c) {
      const v = c.marathonVersion;
      if (isSupportedVersion(v)) profile.marathonVersion = v;
      else
        problem('/marathonVersion', `"marathonVersion" is ${typeof v === 'number' ? `the number ${v} (write versions as strings: 1.10 as a number is 1.1)` : preview(v)}, which is not a supported Marathon version; the rules differ between versions, so the linter must know which one. Use one of ${supportedVersions.map((s) => `"${s}"`).join(', ')} (a patch such as "1.8.230" is allowed).`);
    }
    if ('features' in c) {
      const f = c.features;
      if (!Array.isArray(f)) problem('/features', `"features" must be an array of feature names (Marathon's --enable_features), but it is ${preview(f)}.`);
      else {
        profile.features = [];
        f.forEach((name, i) => {
          if (typeof name !== 'string') return problem(`/features/${i}`, `a feature name must be a string, but it is ${preview(name)}. Remove it or quote it.`);
          if (!(knownFeatures as readonly string[]).includes(name)) {
            const guess = nearest(name, knownFeatures);
            problem(`/features/${i}`, `unknown feature ${JSON.stringify(name)}: no rule depends on it. ${guess ? `Did you mean "${guess}"?` : `Known features: ${knownFeatures.join(', ')}.`}`, 'warning');
          }
          profile.features.push(name);
        });
      }
    }
    if ('mesosRole' in c) {
      if (typeof c.mesosRole === 'string' && c.mesosRole !== '') profile.mesosRole = c.mesosRole;
      else problem('/mesosRole', `"mesosRole" must be a non-empty string (Marathon's --mesos_role, e.g. "*" or "slave_public"), but it is ${preview(c.mesosRole)}.`);
    }
    if ('defaultNetworkName' in c) {
      const n = c.defaultNetworkName;
      if (n === null || (typeof n === 'string' && n !== '')) profile.defaultNetworkName = n;
      else problem('/defaultNetworkName', `"defaultNetworkName" must be a network name (Marathon's --default_network_name, e.g. "dcos") or null, but it is ${preview(n)}.`);
    }
    if ('newGroupEnforceRole' in c) {
      const v = c.newGroupEnforceRole;
      if (v === null || (newGroupEnforceRoles as readonly unknown[]).includes(v)) profile.newGroupEnforceRole = v as NewGroupEnforceRole | null;
      else {
        // Marathon reads the flag in any case (NewGroupEnforceRoleBehavior.fromString); the file takes /v2/info's spelling.
        const guess = typeof v === 'string' ? newGroupEnforceRoles.find((r) => r.toLowerCase() === v.trim().toLowerCase()) : undefined;
        problem(
          '/newGroupEnforceRole',
          `"newGroupEnforceRole" must be "Off" or "Top" (Marathon's --new_group_enforce_role, as /v2/info reports it), or null when unknown, but it is ${preview(v)}.` +
            (guess ? ` Did you mean "${guess}"?` : ''),
        );
      }
    }
    if ('rules' in c) readRules(c.rules, ruleIds, profile, problem);
    if ('ignorePatterns' in c) ignorePatterns.push(...readIgnorePatterns(c.ignorePatterns, problem));
  }
  return { profile, errors: diagnosticsFor(parsed, findings), ignorePatterns };
}

/**
 * `ignorePatterns`: globs relative to the config's directory, as in .gitignore (a pattern without a `/` matches a name
 * at any depth, a directory's pattern everything in it, `!` takes a file back). A pattern that is not a string is
 * dropped with an error; one that climbs out of the directory (`../x`) can match nothing below it, so it warns.
 */
function readIgnorePatterns(value: unknown, problem: (pointer: string, message: string, severity?: 'error' | 'warning') => void): string[] {
  if (!Array.isArray(value)) {
    problem('/ignorePatterns', `"ignorePatterns" must be an array of file patterns relative to this file's directory, e.g. ["package.json", "test/fixtures/**"], but it is ${preview(value)}.`);
    return [];
  }
  const patterns: string[] = [];
  value.forEach((p, i) => {
    if (typeof p !== 'string' || p.replace(/^!/, '').trim() === '') return problem(`/ignorePatterns/${i}`, `a pattern must be a non-empty string such as "package.json" or "test/**", but it is ${preview(p)}. Remove it or fix it.`);
    if (/(^|\/)\.\.(\/|$)/.test(p.replace(/^!/, ''))) problem(`/ignorePatterns/${i}`, `the pattern ${JSON.stringify(p)} climbs out of this file's directory, but patterns match only files below it, so it ignores nothing. Move the pattern to a config above, or drop the "..".`, 'warning');
    // gitignore(5): a backslash escapes the character after it. Before one a glob gives no meaning to, it is a Windows
    // path's separator ("test\\fixtures\\"), which then matched nothing, on every OS, without a word.
    if (/\\(?![*?[\]{}!# \\])/.test(p)) problem(`/ignorePatterns/${i}`, `the pattern ${JSON.stringify(p)} has a \\, which in a pattern escapes the character after it (as in .gitignore), not a directory separator, so it matches no file you meant. Separate directories with /: ${JSON.stringify(p.replaceAll('\\', '/'))}.`, 'warning');
    patterns.push(p);
  });
  return patterns;
}

/** Rule ids no setting changes (the engine never applies one to them): a setting for one would be silently ignored. */
const unsettable: Readonly<Record<string, string>> = {
  'internal-error': 'it says that a result is incomplete (a bug in the linter), so it is always reported as a warning.',
  config: 'it is about this file, whose problems are reported before any of its settings apply.',
};

function readRules(
  value: unknown,
  ruleIds: readonly string[],
  profile: Profile,
  problem: (pointer: string, message: string, severity?: 'error' | 'warning', target?: 'key' | 'value') => void,
): void {
  if (!isObject(value)) {
    problem('/rules', `"rules" must be an object mapping rule ids to "off", "warning" or "error", but it is ${preview(value)}.`);
    return;
  }
  const ids = new Set(ruleIds);
  let unknown = 0;
  for (const [id, setting] of Object.entries(value)) {
    const at = joinPointer('/rules', id);
    if (!ids.has(id)) {
      // Suggestions cost an edit distance against every rule id: only for the first few, so a config
      // with thousands of bogus ids still reads in milliseconds.
      if (++unknown <= maxUnknownRuleReports) {
        const guess = nearest(id, [...ids]);
        problem(at, `unknown rule id ${JSON.stringify(id)}: no rule has it, so what is set for it applies to nothing. ${guess ? `Did you mean "${guess}"?` : 'See docs/rules/ for the rule ids.'}`, 'error', 'key');
      }
      continue;
    }
    const fixed = unsettable[id];
    if (fixed !== undefined) problem(at, `rule ${JSON.stringify(id)} cannot be set: ${fixed} Remove this setting.`, 'warning', 'key');
    else if (typeof setting === 'string' && (settings as readonly string[]).includes(setting)) profile.rules[id] = setting as RuleSetting;
    else {
      const guess = typeof setting === 'string' ? nearest(setting, settings) : undefined;
      problem(at, `the setting of rule ${JSON.stringify(id)} is ${preview(setting)}, but must be "off", "warning" or "error". ${guess ? `Did you mean "${guess}"?` : ''}`.trimEnd());
    }
  }
  if (unknown > maxUnknownRuleReports) {
    problem('/rules', `…and ${unknown - maxUnknownRuleReports} more unknown rule ids (only the first ${maxUnknownRuleReports} are listed). See docs/rules/ for the rule ids.`);
  }
}
