// Renders a Universe package's marathon.json.mustache the way DC/OS Cosmos does: the options are config.json's
// defaults merged with the user's options, plus `resource` (resource.json). Usage:
//   node packaging/universe/render.mjs dvdi-bridge [options.json]   → the Marathon app on stdout
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGES = ['dvdi-bridge', 'marathon-gate'];

/** config.json defaults as an options object (objects recurse; every leaf property has a default). */
export function defaultsOf(schema) {
  if (schema.type === 'object' && schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, defaultsOf(s)]).filter(([, v]) => v !== undefined));
  }
  return schema.default;
}

function merge(base, over) {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof over !== 'object' || over === null || Array.isArray(over)) return over === undefined ? base : over;
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

export function readPackage(name) {
  const dir = join(here, name);
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  return { dir, package: JSON.parse(read('package.json')), config: JSON.parse(read('config.json')), resource: JSON.parse(read('resource.json')), template: read('marathon.json.mustache') };
}

/**
 * mustache.java's HtmlEscaper, which Cosmos renders with (DefaultMustacheFactory): & (unless it starts an entity or
 * character reference), < > " ' and newline become entities; everything else, backslash and control characters
 * included, is written as it is. So a value holding one of those renders to an app that says something else, or to
 * no JSON at all: config.json's patterns refuse them (test/packaging/universe.test.ts renders what they accept).
 */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;' };
export function cosmosEscape(s) {
  return String(s).replace(/&(?![A-Za-z][A-Za-z0-9]*;|#[0-9A-Fa-fx]+;)|[<>"'\n]/g, (c) => ENTITIES[c]);
}

export function render(name, options = {}) {
  const p = readPackage(name);
  const view = { ...merge(defaultsOf(p.config), options), resource: p.resource };
  const text = Mustache.render(p.template, view, {}, { escape: cosmosEscape });
  return { text, view };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [name, optionsFile] = process.argv.slice(2);
  if (!PACKAGES.includes(name)) {
    process.stderr.write(`usage: node packaging/universe/render.mjs ${PACKAGES.join('|')} [options.json]\n`);
    process.exit(2);
  }
  const options = optionsFile ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const { text } = render(name, options);
  try {
    process.stdout.write(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  } catch (e) {
    process.stderr.write(`render: ${name} with these options is not JSON: ${e.message}\n${text}\n`);
    process.exit(1);
  }
}
