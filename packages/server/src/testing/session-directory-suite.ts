/**
 * The SessionDirectory conformance suite: the executable contract of {@link SessionDirectory}. The
 * in-process `LocalSessionDirectory` runs it; a networked directory (Redis) must pass it too. Above all:
 * admission is atomic, so logins racing on any number of nodes never over-admit, and the victims are
 * always the earliest instances.
 */
import { describe, expect, it } from 'vitest';
import type { Platform } from '@parley/protocol';
import type { NewInstance, SessionDirectory } from '../sessions/session-directory.js';
import type { LoginSettings } from '@parley/store';

/** Makes a fresh, empty directory for one test. */
export type CreateSessionDirectory = () => Promise<SessionDirectory>;

const WEB_ONE: LoginSettings = { policy: 'dual', maxInstances: { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 } };
const WEB_TWO: LoginSettings = { policy: 'dual', maxInstances: { ...WEB_ONE.maxInstances, Web: 2 } };

let counter = 0;
function instance(userID: string, platform: Platform = 'Web', nodeID = 'node-a', extra: Partial<NewInstance> = {}): NewInstance {
  counter++;
  return { instanceID: `i${counter}-${userID}`, sdkAppID: 1400000001, userID, platform, loginAt: 1_700_000_000_000 + counter, sigHmac: `h${counter}`, sigExpireAt: 1_800_000_000_000, nodeID, detachedAt: 0, ...extra };
}

/**
 * Runs the SessionDirectory conformance suite.
 * @param name - shown in the test names.
 * @param create - makes a fresh, empty directory for each test.
 */
export function runSessionDirectorySuite(name: string, create: CreateSessionDirectory): void {
  describe(`SessionDirectory conformance: ${name}`, () => {
    it('admits in login order and lists a user\'s instances earliest first, on any node', async () => {
      const d = await create();
      const a = await d.admit(instance('u', 'Web', 'node-a'), WEB_TWO);
      const b = await d.admit(instance('u', 'Android', 'node-b'), WEB_TWO);
      expect(b.instance.loginSeq).toBeGreaterThan(a.instance.loginSeq);
      expect([a.victims, b.victims]).toEqual([[], []]);
      expect((await d.listUser(1400000001, 'u')).map((i) => [i.instanceID, i.nodeID])).toEqual([
        [a.instance.instanceID, 'node-a'],
        [b.instance.instanceID, 'node-b'],
      ]);
      expect(await d.get(b.instance.instanceID)).toEqual(b.instance);
      expect(await d.listUser(1400000001, 'nobody')).toEqual([]);
    });

    it('pushes out the earliest instances with their kick types, removed and tombstoned', async () => {
      const d = await create();
      const web1 = await d.admit(instance('u', 'Web'), WEB_TWO);
      const android = await d.admit(instance('u', 'Android', 'node-b'), WEB_TWO);
      await d.admit(instance('u', 'Web', 'node-c'), WEB_TWO);
      const mac = await d.admit(instance('u', 'Mac', 'node-a'), WEB_TWO);
      expect(mac.victims.map((v) => [v.instance.instanceID, v.type])).toEqual([[android.instance.instanceID, 'multipleDevice']]);
      const web3 = await d.admit(instance('u', 'Web', 'node-b'), WEB_TWO);
      expect(web3.victims.map((v) => [v.instance.instanceID, v.instance.nodeID, v.type])).toEqual([[web1.instance.instanceID, 'node-a', 'multipleAccount']]);
      expect(await d.get(web1.instance.instanceID)).toBeUndefined();
      expect(await d.tombstone(web1.instance.instanceID)).toMatchObject({ userID: 'u', type: 'multipleAccount' });
      expect(await d.tombstone(android.instance.instanceID)).toMatchObject({ userID: 'u', type: 'multipleDevice' });
      await d.forgetTombstone(web1.instance.instanceID);
      expect(await d.tombstone(web1.instance.instanceID)).toBeUndefined();
    });

    it('concurrent admissions never over-admit: each login after the first pushes out exactly one', async () => {
      const d = await create();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => d.admit(instance('racer', 'Web', `node-${i % 3}`), WEB_ONE)));
      expect(await d.listUser(1400000001, 'racer')).toHaveLength(1);
      expect(results.reduce((n, r) => n + r.victims.length, 0)).toBe(49);
      const victims = results.flatMap((r) => r.victims.map((v) => v.instance.instanceID));
      expect(new Set(victims).size).toBe(49);
    });

    it('resumes only for the same app, user and platform, onto the new node with the new sig', async () => {
      const d = await create();
      const { instance: inst } = await d.admit(instance('u', 'Web', 'node-a'), WEB_ONE);
      await d.detach(inst.instanceID, 'node-a', 5);
      const who = { sdkAppID: 1400000001, userID: 'u', platform: 'Web' as Platform, nodeID: 'node-b', sigHmac: 'new', sigExpireAt: 1_900_000_000_000 };
      expect(await d.resume(inst.instanceID, { ...who, userID: 'other' })).toBeUndefined();
      expect(await d.resume(inst.instanceID, { ...who, platform: 'Android' })).toBeUndefined();
      expect(await d.resume('unknown', who)).toBeUndefined();
      const r = await d.resume(inst.instanceID, who);
      expect(r?.previous).toMatchObject({ nodeID: 'node-a', detachedAt: 5 });
      expect(r?.instance).toMatchObject({ nodeID: 'node-b', detachedAt: 0, sigHmac: 'new', sigExpireAt: 1_900_000_000_000, loginSeq: inst.loginSeq });
      expect(await d.listUser(1400000001, 'u')).toEqual([r?.instance]);
    });

    it('detaches only an instance attached on the asking node', async () => {
      const d = await create();
      const { instance: inst } = await d.admit(instance('u'), WEB_ONE);
      expect(await d.detach(inst.instanceID, 'node-b', 10)).toBeUndefined();
      expect(await d.detach(inst.instanceID, 'node-a', 10)).toMatchObject({ detachedAt: 10 });
      expect(await d.detach(inst.instanceID, 'node-a', 20)).toBeUndefined();
      expect(await d.detach('unknown', 'node-a', 20)).toBeUndefined();
    });

    it('removes only when the conditions still hold, and tombstones only with a reason', async () => {
      const d = await create();
      const { instance: inst } = await d.admit(instance('u'), WEB_ONE);
      await d.detach(inst.instanceID, 'node-a', 10);
      expect(await d.remove(inst.instanceID, undefined, { detachedAt: 9 })).toBeUndefined();
      expect(await d.remove(inst.instanceID, undefined, { sigExpireAt: 1 })).toBeUndefined();
      expect(await d.remove(inst.instanceID, undefined, { detachedAt: 10, sigExpireAt: inst.sigExpireAt })).toMatchObject({ instanceID: inst.instanceID });
      expect(await d.tombstone(inst.instanceID)).toBeUndefined();
      expect(await d.remove(inst.instanceID)).toBeUndefined();
      const { instance: next } = await d.admit(instance('u'), WEB_ONE);
      expect(await d.remove(next.instanceID, { type: 'REST_API_Kick', at: 42 })).toMatchObject({ instanceID: next.instanceID });
      expect(await d.tombstone(next.instanceID)).toEqual({ userID: 'u', type: 'REST_API_Kick', at: 42 });
      expect(await d.listUser(1400000001, 'u')).toEqual([]);
    });

    it('hands out snapshots: a list read earlier does not change under a later admission', async () => {
      const d = await create();
      await d.admit(instance('u', 'Web'), WEB_TWO);
      const before = await d.listUser(1400000001, 'u');
      await d.admit(instance('u', 'Android'), WEB_TWO);
      expect(before).toHaveLength(1);
    });
  });
}
