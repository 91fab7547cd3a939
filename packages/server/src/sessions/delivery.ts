/**
 * Pushes to the online instances of users: every instance attached to a socket gets the push, except
 * the instance a request came from (it gets the answer instead). Sockets on this node are written
 * directly; the push is also published on the {@link Broker}, and every other node writes it to the
 * recipients' sockets it holds (see {@link Delivery.toLocal}).
 */
import { EncodedBody, encodePushFrame, stringifyFrame, type FrameBody } from '@parley/protocol';
import type { Broker } from '../cluster/broker.js';
import type { SinkTable } from './sink-table.js';

/** Delivers pushes to attached instances, on this node and through the broker on the others. */
export class Delivery {
  readonly #sinks: SinkTable;
  readonly #broker: Broker;
  readonly #unsubscribe: () => void;

  constructor(sinks: SinkTable, broker: Broker) {
    this.#sinks = sinks;
    this.#broker = broker;
    this.#unsubscribe = broker.onMessage((m) => {
      if (m.type === 'push') this.toLocal(m.sdkAppID, m.userIDs, m.frame, m.skip);
    });
  }

  /**
   * Pushes `ev` to every attached instance of each of `userIDs` (each user once), except `skip`.
   * @param skip - the instance id the request came from.
   * @returns the number of instances pushed to on this node.
   */
  toUsers(sdkAppID: number, userIDs: Iterable<string>, ev: string, body: FrameBody | EncodedBody, skip?: string): number {
    const users = [...new Set(userIDs)];
    const frame = body instanceof EncodedBody ? encodePushFrame(ev, body) : stringifyFrame({ t: 'push', ev, body });
    const pushed = this.toLocal(sdkAppID, users, frame, skip);
    this.#broker.publish(skip === undefined ? { type: 'push', sdkAppID, userIDs: users, frame } : { type: 'push', sdkAppID, userIDs: users, frame, skip });
    return pushed;
  }

  /**
   * Writes an encoded push frame to the attached instances on this node of each of `userIDs`
   * (distinct), except `skip`. Instances whose login answer is still on its way are skipped: they
   * catch up with a sync after it.
   * @returns the number of instances pushed to.
   */
  toLocal(sdkAppID: number, userIDs: readonly string[], frame: string, skip?: string): number {
    let pushed = 0;
    // Encoded once, to UTF-8, on the first recipient: a group fan-out sends the same bytes to every
    // member (as a string, each socket write would encode it again).
    let bytes: Buffer | undefined;
    for (const userID of userIDs) {
      for (const inst of this.#sinks.listUser(sdkAppID, userID)) {
        const sink = inst.sink;
        if (!inst.pending && inst.instanceID !== skip && sink.isOpen) {
          bytes ??= Buffer.from(frame);
          sink.sendEncoded(bytes);
          pushed++;
        }
      }
    }
    return pushed;
  }

  /** Stops listening to the other nodes. */
  stop(): void {
    this.#unsubscribe();
  }
}
