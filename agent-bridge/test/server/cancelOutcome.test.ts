// What a cancelled dry run left, as the bridge answers $/cancelRequest and the client words it: read from the
// run's result, never assumed "released" (the release path keeps a mount a task started using meanwhile).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cancelOutcome } from '../../src/dryrun/cancelOutcome';

const step = (name: string, ok = true, detail?: string) => ({ step: name, ok, ms: 1, ...(detail ? { detail } : {}) });
const upTo = (last: string) => ['validate', 'policy', 'discover', 'activate', 'get', 'in-use', 'hazards', 'mount', 'verify', 'in-use-recheck', 'unmount', 'verify-released'].slice(0, ['validate', 'policy', 'discover', 'activate', 'get', 'in-use', 'hazards', 'mount', 'verify', 'in-use-recheck', 'unmount', 'verify-released'].indexOf(last) + 1).map((s) => step(s));

describe('cancelOutcome', () => {
  it('cancelled before the mount: nothing was mounted', () => {
    assert.equal(cancelOutcome({ verdict: 'failed', steps: [...upTo('get'), step('cancel', false)], warnings: [] }), 'nothing was mounted');
  });
  it('mounted, unmounted and seen gone: released, naming the mountpoint', () => {
    assert.equal(cancelOutcome({ verdict: 'failed', mountpoint: '/m/v', steps: upTo('verify-released'), warnings: ['the request was cancelled during the mount; the volume was unmounted before answering'] }), 'what it mounted at /m/v was released');
  });
  it('the volume became in use while mounted: NOT unmounted, never "released"', () => {
    const out = cancelOutcome({ verdict: 'in-use', mountpoint: '/m/v', steps: [...upTo('mount'), step('in-use-recheck', false, 'task-1')], warnings: ['… it was NOT unmounted …'] });
    assert.match(out, /NOT unmounted/);
    assert.doesNotMatch(out, /was released/);
  });
  it('a mount with an unknown outcome that a task now uses (verdict failed): NOT unmounted', () => {
    assert.match(cancelOutcome({ verdict: 'failed', steps: [...upTo('hazards'), step('mount', false), step('in-use-recheck', false)], warnings: ["the mount's outcome is unknown, but d/v is now in use by someone else (or its use can no longer be ruled out), so it was NOT unmounted"] }), /NOT unmounted/);
  });
  it('residue after the Unmount: the release could not be confirmed', () => {
    assert.match(cancelOutcome({ verdict: 'failed', mountpoint: '/m/v', steps: [...upTo('unmount'), step('verify-released', false)], warnings: ['residue: /m/v is still mounted'] }), /could not be confirmed/);
  });
  it('a driver that cannot show its mounts: accepted, not "released"', () => {
    assert.match(cancelOutcome({ verdict: 'failed', steps: upTo('verify-released'), warnings: ['the release of d/v cannot be verified: …'] }), /cannot show that the mount is gone/);
  });
  it('an unknown outcome handed to the late-mount sweep', () => {
    assert.match(cancelOutcome({ verdict: 'failed', steps: [...upTo('hazards'), step('mount', false), step('in-use-recheck'), step('unmount'), step('verify-released')], warnings: ['the mount\'s outcome is unknown (…): … a late-mount sweep watches d/v …'] }), /late-mount sweep/);
  });
  it('a refused mount: nothing was mounted; an answer without steps claims nothing', () => {
    assert.equal(cancelOutcome({ verdict: 'failed', steps: [...upTo('hazards'), step('mount', false, 'Err: no')], warnings: [] }), 'the mount failed; nothing was mounted');
    assert.match(cancelOutcome(null), /does not say what was mounted/);
  });
});
