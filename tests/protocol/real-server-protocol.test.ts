/** The messaging protocol suite against the real server, on SQLite `:memory:`. */
import { startTestServer } from '../../packages/server/test-support/test-server.js';
import { runMessagingProtocolSuite } from './messaging-protocol-suite.js';

runMessagingProtocolSuite('the real server', async () => {
  const server = await startTestServer();
  return {
    wsUrl: server.wsUrl,
    loginBody: (userID) => ({ SDKAppID: server.app.sdkAppID, userID, userSig: server.sig(userID) }),
    setNames: async (userID, nick, avatar) => {
      await server.store.profiles.update(server.app.sdkAppID, userID, { nick, avatar }, Date.now());
    },
    close: () => server.close(),
  };
});
