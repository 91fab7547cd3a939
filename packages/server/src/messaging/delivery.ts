/**
 * Pushes to the online instances of users: every instance attached to a socket gets the push, except
 * the connection a request came from (it gets the answer instead).
 */
import { EncodedBody, encodePushFrame, stringifyFrame, type FrameBody } from '@parley/protocol';
import type { SessionRegistry, SessionSink } from '../sessions/session-registry.js';

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
  toUsers(sdkAppID: number, userIDs: Iterable<string>, ev: string, body: FrameBody | EncodedBody, skip?: SessionSink): number {
    let pushed = 0;
    // Encoded once, to UTF-8, on the first recipient: a group fan-out sends the same bytes to every
    // member (as a string, each socket write would encode it again).
    let frame: Buffer | undefined;
    for (const userID of new Set(userIDs)) {
      for (const inst of this.#registry.listUser(sdkAppID, userID)) {
        const sink = inst.sink;
        if (sink && sink !== skip && sink.isOpen) {
          frame ??= Buffer.from(body instanceof EncodedBody ? encodePushFrame(ev, body) : stringifyFrame({ t: 'push', ev, body }));
          sink.sendEncoded(frame);
          pushed++;
        }
      }
    }
    return pushed;
  }
}
