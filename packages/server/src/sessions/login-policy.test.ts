import { describe, expect, it } from 'vitest';
import { PLATFORMS, type LoginPolicy, type Platform } from '@parley/protocol';
import { DEFAULT_LOGIN_SETTINGS } from '../apps/app-defaults.js';
import type { LoginSettings } from '@parley/store';
import { decideVictims, platformClass, type PolicyInstance } from './login-policy.js';

const settings = (policy: LoginPolicy, max: Partial<Record<Platform, number>> = {}): LoginSettings => ({
  policy,
  maxInstances: { ...DEFAULT_LOGIN_SETTINGS.maxInstances, ...max },
});

let seq = 0;
const inst = (platform: Platform, id = `${platform}-${++seq}`): PolicyInstance => ({ instanceID: id, platform, loginSeq: ++seq });

/** Which platforms may be online together under each policy (docs/LOGIN-POLICIES.md). */
const mayCoexist: Record<LoginPolicy, (a: Platform, b: Platform) => boolean> = {
  single: (a, b) => a === b,
  dual: (a, b) => a === b || a === 'Web' || b === 'Web',
  triple: (a, b) => {
    if (a === b || a === 'Web' || b === 'Web') return true;
    const mobile = (p: Platform) => p === 'Android' || p === 'IPhone' || p === 'IPad';
    return mobile(a) !== mobile(b);
  },
  multi: () => true,
};

describe('login policy', () => {
  for (const policy of ['single', 'dual', 'triple', 'multi'] as const) {
    describe(`${policy}`, () => {
      for (const existing of PLATFORMS) {
        for (const incoming of PLATFORMS) {
          const same = existing === incoming;
          const coexist = mayCoexist[policy](existing, incoming);
          const expected = same ? 'multipleAccount (limit 1)' : coexist ? 'nobody' : 'multipleDevice';
          it(`a ${incoming} login with one ${existing} instance online kicks ${expected}`, () => {
            const old = inst(existing);
            const victims = decideVictims([old], incoming, settings(policy));
            if (same) expect(victims).toEqual([{ instanceID: old.instanceID, type: 'multipleAccount' }]);
            else if (coexist) expect(victims).toEqual([]);
            else expect(victims).toEqual([{ instanceID: old.instanceID, type: 'multipleDevice' }]);
          });
        }
      }
    });
  }

  it('with the web limit set to N, the (N+1)th web login kicks the instance that logged in first', () => {
    for (let n = 1; n <= 10; n++) {
      const online = Array.from({ length: n }, () => inst('Web'));
      const shuffled = [...online].reverse();
      const victims = decideVictims(shuffled, 'Web', settings('dual', { Web: n }));
      expect(victims).toEqual([{ instanceID: online[0]!.instanceID, type: 'multipleAccount' }]);
    }
  });

  it('below the per-platform limit nobody is kicked', () => {
    const online = [inst('Android'), inst('Android')];
    expect(decideVictims(online, 'Android', settings('multi', { Android: 3 }))).toEqual([]);
  });

  it('after the limit was lowered, one login kicks the earliest instances down to the new limit', () => {
    const online = [inst('Web'), inst('Web'), inst('Web'), inst('Web')];
    const victims = decideVictims(online, 'Web', settings('dual', { Web: 2 }));
    expect(victims.map((v) => v.instanceID)).toEqual(online.slice(0, 3).map((i) => i.instanceID));
  });

  it('a mixed overflow reports victims earliest first with the right type each', () => {
    const a = inst('Android');
    const w1 = inst('Web');
    const i = inst('IPhone');
    const w2 = inst('Web');
    const victims = decideVictims([w2, i, a, w1], 'IPhone', settings('dual', { Web: 2 }));
    expect(victims).toEqual([
      { instanceID: a.instanceID, type: 'multipleDevice' },
      { instanceID: i.instanceID, type: 'multipleAccount' },
    ]);
  });

  it('dual lets web sit next to a native platform but not two natives', () => {
    expect(platformClass('dual', 'Web')).not.toBe(platformClass('dual', 'Mac'));
    expect(platformClass('dual', 'Mac')).toBe(platformClass('dual', 'Android'));
  });

  it('triple puts Linux with the desktops', () => {
    expect(platformClass('triple', 'Linux')).toBe(platformClass('triple', 'Windows'));
    expect(platformClass('triple', 'Linux')).not.toBe(platformClass('triple', 'IPad'));
  });
});
