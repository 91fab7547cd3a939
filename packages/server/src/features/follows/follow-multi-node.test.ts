/**
 * Follows across nodes (three servers over one store, one session directory and one bus): a follow
 * made on one node reaches the followee's instances on the others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FollowCommands, FollowPushes } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { startTestCluster, type TestCluster } from '../../../test-support/test-cluster.js';

let cluster: TestCluster | undefined;
const clients: ChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await cluster?.close();
  cluster = undefined;
});

describe('follows on several nodes', () => {
  it("tells bob's instances on nodes B and C that alice, on node A, follows him", async () => {
    cluster = await startTestCluster(3);
    const [a, b, c] = cluster.nodes;
    const alice = await ChatClient.login(a!, 'alice');
    const bobWeb = await ChatClient.login(b!, 'bob');
    const bobPhone = await ChatClient.login(c!, 'bob', 'Android');
    clients.push(alice, bobWeb, bobPhone);
    expect((await alice.ok(FollowCommands.follow.name, { userIDList: ['bob'] }))['resultList']).toEqual([{ userID: 'bob', resultCode: 0, resultInfo: '' }]);
    for (const bob of [bobWeb, bobPhone]) {
      await bob.until(() => bob.pushes(FollowPushes.changed.name).length === 1, 'followers push');
      expect(bob.pushes(FollowPushes.changed.name)[0]?.body).toEqual({ listType: 'followers', isAdd: true, userIDList: ['alice'] });
    }
    expect(await bobPhone.ok(FollowCommands.list.name, { listType: 'followers' })).toEqual({ userIDList: ['alice'], nextCursor: '' });
  });
});
