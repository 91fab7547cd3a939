/**
 * The messaging protocol suite against the SDK's fake server with its messaging model installed,
 * as the SDK's unit tests run it except for accounts: here only users who logged in exist, as on
 * the real server.
 */
import { FakeMessaging } from '../../packages/sdk/test-support/fake-messaging.js';
import { FakeServer } from '../../packages/sdk/test-support/fake-server.js';
import { runMessagingProtocolSuite } from './messaging-protocol-suite.js';

runMessagingProtocolSuite("the SDK's fake server", async () => {
  const server = await FakeServer.start();
  const fake = FakeMessaging.install(server);
  return {
    wsUrl: server.url,
    loginBody: (userID) => ({ SDKAppID: 1400000001, userID, userSig: `sig-${userID}` }),
    setNames: async (userID, nick, avatar) => {
      fake.profiles.set(userID, { nick, avatar });
    },
    close: () => server.close(),
  };
});
