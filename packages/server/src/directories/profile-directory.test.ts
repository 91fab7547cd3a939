/**
 * The senders' names are cached for the send path and stay true: a profile update on another node,
 * an account import and a REST portrait_set each show on the next message, on real servers sharing
 * one store through a broker.
 */
import { describe, expect, it } from 'vitest';
import { MessagingCommand as M, ProfileCommands, type WireMessage } from '@parley/protocol';
import { ChatClient } from '../../test-support/chat-client.js';
import { startTestCluster } from '../../test-support/test-cluster.js';

const text = (t: string) => [{ type: 'TIMTextElem', content: { text: t } }];

describe('senders’ names across changes', () => {
  it('a send after a profile update on another node, an import or a portrait_set carries the new names', async () => {
    await using cluster = await startTestCluster(2);
    const [a, b] = cluster.nodes;
    const aliceOnA = await ChatClient.login(a!, 'alice');
    const aliceOnB = await ChatClient.login(b!, 'alice', 'Android');
    await ChatClient.login(a!, 'bob').then((c) => c.close());
    let n = 0;
    const sendNick = async (): Promise<string> => {
      const answer = await aliceOnA.ok(M.SEND, { conversationType: 'C2C', to: 'bob', ID: `m${++n}`, random: n, elements: text(`m${n}`) });
      return (answer['message'] as WireMessage).nick;
    };
    try {
      expect(await sendNick()).toBe('');
      await aliceOnB.ok(ProfileCommands.update.name, { nick: 'from B' });
      // The other node's `profile-changed` arrives asynchronously: send until it has.
      let nick = await sendNick();
      for (let i = 0; nick !== 'from B' && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 20));
        nick = await sendNick();
      }
      expect(nick).toBe('from B');
      expect(await a!.rest('im_open_login_svc/account_import', { UserID: 'alice', Nick: 'imported' })).toMatchObject({ ErrorCode: 0 });
      expect(await sendNick()).toBe('imported');
      expect(await a!.rest('profile/portrait_set', { From_Account: 'alice', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'by admin' }] })).toMatchObject({ ErrorCode: 0 });
      expect(await sendNick()).toBe('by admin');
    } finally {
      aliceOnA.close();
      aliceOnB.close();
    }
  });
});
