// Which requests the gate judges (marathon-api.md §4–§6) and which it passes through untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admissionRoute, deletion, forwardedTarget, isGroupDryRun, isPartialUpdate } from '../src/routes';

const judged: [string, string, string, string | undefined][] = [
  ['POST', '/v2/apps', 'POST /v2/apps', undefined],
  ['POST', '/v2/apps?force=true', 'POST /v2/apps', undefined],
  ['PUT', '/v2/apps', 'PUT /v2/apps', undefined],
  ['PATCH', '/v2/apps', 'PATCH /v2/apps', undefined],
  ['PUT', '/v2/apps/prod/web?partialUpdate=false&force=true', 'PUT /v2/apps/{id}', '/prod/web'],
  ['PATCH', '/v2/apps//prod/web/', 'PATCH /v2/apps/{id}', '/prod/web'],
  ['PUT', '/v2/apps/prod%2Fweb', 'PUT /v2/apps/{id}', '/prod/web'],
  ['POST', '/v2/groups', 'POST /v2/groups', undefined],
  ['PUT', '/v2/groups?dryRun=true', 'PUT /v2/groups', undefined],
  ['POST', '/v2/groups/foo', 'POST /v2/groups/{id}', '/foo'],
  ['PUT', '/v2/groups/foo/bar', 'PUT /v2/groups/{id}', '/foo/bar'],
  ['PATCH', '/v2/groups/foo', 'PATCH /v2/groups/{id}', '/foo'],
  ['POST', '/v2/pods', 'POST /v2/pods', undefined],
  ['PUT', '/v2/pods/db', 'PUT /v2/pods/{id}', '/db'],
  ['PUT', '/v2/apps/restart', 'PUT /v2/apps/{id}', '/restart'],
  ['PUT', '/v2/apps/web/restart/x', 'PUT /v2/apps/{id}', '/web/restart/x'],
  // Jersey ignores matrix parameters when it matches a path; an escaped ';' is part of the id.
  ['POST', '/v2/apps;x=1', 'POST /v2/apps', undefined],
  ['POST', '/v2;a=b/apps;c', 'POST /v2/apps', undefined],
  ['PUT', '/v2/apps/prod;v=2/web;', 'PUT /v2/apps/{id}', '/prod/web'],
  ['PUT', '/v2/groups;/foo?force=true;x', 'PUT /v2/groups/{id}', '/foo'],
  ['PUT', '/v2/apps/a%3Bb', 'PUT /v2/apps/{id}', '/a;b'],
];
for (const [method, url, label, id] of judged) {
  test(`judged: ${method} ${url}`, () => {
    const r = admissionRoute(method, url);
    assert.ok(r, 'should be judged');
    assert.equal(r.label, label);
    assert.equal(r.urlId, id);
  });
}

const passed: [string, string][] = [
  ['GET', '/v2/apps'],
  ['DELETE', '/v2/apps/web'],
  ['HEAD', '/v2/pods'],
  ['POST', '/v2/apps/web/restart'],
  // AppsResource's sub-resources: Jersey picks the most literal path, then the method, so these are its 405.
  ['PUT', '/v2/apps/web/restart'],
  ['PATCH', '/v2/apps/prod/web/restart?force=true'],
  ['PUT', '/v2/apps/web/tasks'],
  ['PATCH', '/v2/apps/web/tasks/web.1234'],
  ['PUT', '/v2/apps/web/versions'],
  ['PUT', '/v2/apps/web/versions/2020-01-01T00:00:00.000Z'],
  ['DELETE', '/v2/apps/web/tasks'],
  ['POST', '/v2/tasks/delete'],
  ['DELETE', '/v2/pods/db::instances/abc'],
  ['GET', '/v2/groups/foo/versions/2020'],
  ['POST', '/v2/apps/web'],
  ['POST', '/v2/pods/db'],
  ['PATCH', '/v2/pods/db'],
  ['PUT', '/v2/pods'],
  ['PATCH', '/v2/groups'],
  ['POST', '/v2/appsfoo'],
  ['GET', '/v2/events'],
  ['POST', '/v2/apps/%E0%A4%A'],
  ['POST', '/ui/v2/apps'],
  ['POST', '/v2/apps/web;x=1'],
  ['POST', '/v2/apps%3Bx'],
];
for (const [method, url] of passed) test(`passed through: ${method} ${url}`, () => assert.equal(admissionRoute(method, url), undefined));

test('partialUpdate defaults to true on PUT /v2/apps, is always on for PATCH, off elsewhere', () => {
  assert.equal(isPartialUpdate(admissionRoute('PUT', '/v2/apps/a')!), true);
  assert.equal(isPartialUpdate(admissionRoute('PUT', '/v2/apps/a?partialUpdate=false')!), false);
  // Jersey's boolean parameter: blank is the default, else Boolean.valueOf (only "true", any case, is true).
  for (const [q, partial] of [['FALSE', false], ['False', false], ['0', false], ['no', false], ['TRUE', true], ['True', true], ['', true], ['%20', true]] as const) {
    assert.equal(isPartialUpdate(admissionRoute('PUT', `/v2/apps/a?partialUpdate=${q}`)!), partial, `partialUpdate=${q}`);
  }
  assert.equal(isPartialUpdate(admissionRoute('PUT', '/v2/apps?partialUpdate=FALSE')!), false);
  assert.equal(isPartialUpdate(admissionRoute('PATCH', '/v2/apps/a')!), true);
  assert.equal(isPartialUpdate(admissionRoute('POST', '/v2/apps')!), false);
  assert.equal(isPartialUpdate(admissionRoute('PUT', '/v2/groups/a')!), false);
});

test('deletions the deployed state must forget', () => {
  assert.deepEqual(deletion('DELETE', '/v2/apps/prod/web?force=true'), { kind: 'app', id: '/prod/web' });
  assert.deepEqual(deletion('DELETE', '/v2/groups/prod'), { kind: 'group', id: '/prod' });
  assert.deepEqual(deletion('DELETE', '/v2/groups'), { kind: 'group', id: '/' });
  assert.deepEqual(deletion('DELETE', '/v2/apps/prod;x=1/web'), { kind: 'app', id: '/prod/web' });
  assert.equal(deletion('DELETE', '/v2/apps/web/tasks'), undefined);
  assert.equal(deletion('DELETE', '/v2/apps/web/versions'), undefined);
  assert.deepEqual(deletion('DELETE', '/v2/apps/web/restart'), { kind: 'app', id: '/web/restart' });
  assert.equal(deletion('GET', '/v2/apps/web'), undefined);
});

test('dryRun is read as Jersey reads a boolean parameter: "true" in any case, nothing else; only PUT /v2/groups takes it', () => {
  const dry = (method: string, url: string) => isGroupDryRun(admissionRoute(method, url)!);
  for (const url of ['/v2/groups?dryRun=true', '/v2/groups/shop?force=true&dryRun=True', '/v2/groups?dryRun=TRUE']) assert.equal(dry('PUT', url), true, url);
  for (const url of ['/v2/groups', '/v2/groups?dryRun=trueX', '/v2/groups?dryRun=1', '/v2/groups?xdryRun=true', '/v2/groups?dryRun=']) assert.equal(dry('PUT', url), false, url);
  for (const [method, url] of [['POST', '/v2/groups?dryRun=true'], ['PUT', '/v2/apps/web?dryRun=true'], ['PATCH', '/v2/groups/shop?dryRun=true']]) assert.equal(dry(method, url), false, `${method} ${url}`);
});

test('the forwarded target: dot segments resolved, empty segments merged, an unparsable target refused', () => {
  assert.equal(forwardedTarget('//v2//apps/x?force=true'), '/v2/apps/x?force=true');
  assert.equal(forwardedTarget('/v2/apps/a%2F%2Fb'), '/v2/apps/a%2F%2Fb', 'escaped slashes are part of a segment');
  assert.equal(forwardedTarget('http://[::1/v2/apps'), undefined);
});

test('the URL id is made canonical as Marathon makes it (PathId.canonicalPath): a PUT to x%2F..%2Fp1 addresses /p1', () => {
  assert.equal(admissionRoute('PUT', '/v2/pods/x%2F..%2Fp1')?.urlId, '/p1');
  assert.equal(admissionRoute('PUT', '/v2/apps/prod%2F.%2Fweb')?.urlId, '/prod/web');
  assert.deepEqual(deletion('DELETE', '/v2/apps/x%2F..%2Fweb'), { kind: 'app', id: '/web' });
});
