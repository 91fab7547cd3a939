/**
 * Pushes to the online instances of users: every instance attached to a socket gets the push, except
 * the connection a request came from (it gets the answer instead).
 */
import type { FrameBody } from '@parley/protocol';
import { ClientConnection } from '../gateway/client-connection.js';
import type { SessionRegistry } from '../sessions/session-registry.js';

/** Delivers pushes through the session registry. */
export class Delivery {
  readonly #registry: SessionRegistry;

  constructor(registry: SessionRegistry) {
    this.#registry = registry;
  }

  /**
   * Pushes `ev` to every attached instance of each of `userIDs` (each user once), except `skip`.
   * @returns the number of instances pushed to.
   */
  toUsers(sdkAppID: number, userIDs: Iterable<string>, ev: string, body: FrameBody, skip?: ClientConnection): number {
    let pushed = 0;
    for (const userID of new Set(userIDs)) {
      for (const inst of this.#registry.listUser(sdkAppID, userID)) {
        // Sinks are the gateway's connections; anything else cannot take pushes.
        if (inst.sink instanceof ClientConnection && inst.sink !== skip && inst.sink.isOpen) {
          inst.sink.push(ev, body);
          pushed++;
        }
      }
    }
    return pushed;
  }
}
