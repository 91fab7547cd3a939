/**
 * User status across nodes (three servers over one store, one session directory and one bus): a
 * subscriber on one node hears the status changes of a user on another, and a login on a third node
 * of a user already online announces nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StatusCommands, StatusPushes, TYPES } from '@parley/protocol';
import { ChatClient } from '../../../test-support/chat-client.js';
import { startTestCluster, type TestCluster } from '../../../test-support/test-cluster.js';

let cluster: TestCluster | undefined;
const clients: ChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await cluster?.close();
  cluster = undefined;
});

const heard = (c: ChatClient): unknown[] => c.pushes(StatusPushes.updated.name).flatMap((p) => p.body['userStatusList'] as unknown[]);

describe('user status on several nodes', () => {
  it('reaches a subscriber on node B when alice logs in, sets her custom status and drops her socket on node A', async () => {
    cluster = await startTestCluster(3);
    const [a, b, c] = cluster.nodes;
    await a!.rest('im_open_login_svc/account_import', { UserID: 'alice' });
    const bob = await ChatClient.login(b!, 'bob');
    clients.push(bob);
    await bob.ok(StatusCommands.subscribe.name, { userIDList: ['alice'] });

    const alice = await ChatClient.login(a!, 'alice');
    clients.push(alice);
    await bob.until(() => heard(bob).length === 1, 'online');
    const alicePhone = await ChatClient.login(c!, 'alice', 'Android');
    clients.push(alicePhone);
    await alice.ok(StatusCommands.setSelf.name, { customStatus: 'in a call' });
    await bob.until(() => heard(bob).length === 2, 'custom status');
    await alicePhone.until(() => heard(alicePhone).length === 1, "custom status on alice's phone (node C)");
    alice.close();
    alicePhone.close();
    await bob.until(() => heard(bob).length === 3, 'offline');
    expect(heard(bob)).toEqual([
      { userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: '' },
      { userID: 'alice', statusType: TYPES.USER_STATUS_ONLINE, customStatus: 'in a call' },
      { userID: 'alice', statusType: TYPES.USER_STATUS_OFFLINE, customStatus: 'in a call' },
    ]);
    expect((await bob.ok(StatusCommands.get.name, { userIDList: ['alice'] }))['successUserList']).toEqual([{ userID: 'alice', statusType: TYPES.USER_STATUS_OFFLINE, customStatus: 'in a call' }]);
  });
});
