// Every example document must get the verdict its folder names, through the precompiled validators.
// File names say what they show: `<kind>-<what>.json`, kind ∈ apps (a PUT /v2/apps batch), app, group, pod, chronos-job, bridge-<definition>.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bridgeProtocolValidators, documentValidators, type BridgeProtocolDefinition, type Validator } from '../src/validators';
import { validateAppBatch } from '../src/appBatchValidator';

const examplesDir = join(import.meta.dirname, '../examples');

function validatorFor(file: string): Validator<unknown> {
  const bridge = /^bridge-([A-Za-z]+)-/.exec(file);
  if (bridge) {
    const v = bridgeProtocolValidators[bridge[1] as BridgeProtocolDefinition];
    assert.ok(v, `${file}: no protocol definition named ${bridge[1]}`);
    return v;
  }
  const kind = (['chronos-job', 'apps', 'app', 'group', 'pod'] as const).find((k) => file.startsWith(`${k}-`));
  assert.ok(kind, `${file}: name must start with apps-, app-, group-, pod-, chronos-job- or bridge-<definition>-`);
  return kind === 'apps' ? validateAppBatch : documentValidators[kind];
}

for (const verdict of ['valid', 'invalid'] as const) {
  const files = readdirSync(join(examplesDir, verdict)).filter((f) => f.endsWith('.json'));
  test(`examples/${verdict} is not empty`, () => assert.ok(files.length >= 5));
  for (const file of files) {
    test(`examples/${verdict}/${file}`, () => {
      const validate = validatorFor(file);
      const ok = validate(JSON.parse(readFileSync(join(examplesDir, verdict, file), 'utf8')));
      if (verdict === 'valid') assert.equal(ok, true, JSON.stringify(validate.errors, null, 2));
      else {
        assert.equal(ok, false, 'expected the schema to reject this document');
        assert.ok((validate.errors ?? []).length > 0);
      }
    });
  }
}
