/**
 * The multi-client login policy decision, as a pure function so it can run unchanged inside a
 * in-process session directory or (later) be mirrored by a Redis script.
 *
 * Policies group platforms into classes; within a class only one platform may be online at a time:
 * - `single`: one class of all platforms;
 * - `dual`:   natives (Android, IPhone, IPad, Windows, Mac, Linux) | Web;
 * - `triple`: mobile (Android, IPhone, IPad) | desktop (Windows, Mac, Linux) | Web;
 * - `multi`:  every platform is its own class.
 * A new login on platform P pushes out every instance on the other platforms of P's class
 * (`multipleDevice`), then, if P holds more than `maxInstances[P]` instances, the earliest ones on P
 * (`multipleAccount`).
 */
import {
  DESKTOP_PLATFORMS,
  KickedOutType,
  MOBILE_PLATFORMS,
  type KickedOutTypeValue,
  type LoginPolicy,
  type Platform,
} from '@parley/protocol';
import type { LoginSettings } from '@parley/store';

/** What the policy needs to know about an instance already registered for the user. */
export interface PolicyInstance {
  readonly instanceID: string;
  readonly platform: Platform;
  /** Monotonic login order; smaller = earlier. */
  readonly loginSeq: number;
}

/** An instance the new login pushes out, and why. */
export interface PolicyVictim {
  readonly instanceID: string;
  readonly type: Extract<KickedOutTypeValue, 'multipleAccount' | 'multipleDevice'>;
}

/** The class (group of mutually exclusive platforms) `platform` belongs to under `policy`. */
export function platformClass(policy: LoginPolicy, platform: Platform): string {
  switch (policy) {
    case 'single':
      return 'all';
    case 'dual':
      return platform === 'Web' ? 'web' : 'native';
    case 'triple':
      if (platform === 'Web') return 'web';
      if (MOBILE_PLATFORMS.includes(platform)) return 'mobile';
      if (DESKTOP_PLATFORMS.includes(platform)) return 'desktop';
      return platform;
    case 'multi':
      return platform;
  }
}

/**
 * Decides which existing instances a new login on `platform` pushes out.
 * @param existing - the user's registered instances (any order).
 * @returns victims, earliest first; empty when the new login fits.
 */
export function decideVictims(existing: readonly PolicyInstance[], platform: Platform, settings: LoginSettings): PolicyVictim[] {
  const cls = platformClass(settings.policy, platform);
  const sorted = [...existing].sort((a, b) => a.loginSeq - b.loginSeq);
  const victims: PolicyVictim[] = [];
  const samePlatform: PolicyInstance[] = [];
  for (const inst of sorted) {
    if (inst.platform === platform) samePlatform.push(inst);
    else if (platformClass(settings.policy, inst.platform) === cls) {
      victims.push({ instanceID: inst.instanceID, type: KickedOutType.MULT_DEVICE });
    }
  }
  const limit = Math.max(1, settings.maxInstances[platform]);
  const overflow = samePlatform.length + 1 - limit;
  for (let i = 0; i < overflow; i++) {
    victims.push({ instanceID: samePlatform[i]!.instanceID, type: KickedOutType.MULT_ACCOUNT });
  }
  return victims.sort((a, b) => seqOf(sorted, a.instanceID) - seqOf(sorted, b.instanceID));
}

function seqOf(list: readonly PolicyInstance[], id: string): number {
  return list.find((i) => i.instanceID === id)?.loginSeq ?? 0;
}
