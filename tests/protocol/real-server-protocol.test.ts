/** The messaging protocol suite against the real server, on SQLite `:memory:`. */
import { startTestServer } from '../../packages/server/test-support/test-server.js';
import { runMessagingProtocolSuite } from './messaging-protocol-suite.js';

runMessagingProtocolSuite('the real server', async () => {
  const server = await startTestServer();
  return {
    wsUrl: server.wsUrl,
    loginBody: (userID) => ({ SDKAppID: server.app.sdkAppID, userID, userSig: server.sig(userID) }),
    setNames: async (userID, nick, avatar) => {
      const answer = await server.rest('profile/portrait_set', { From_Account: userID, ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: nick }, { Tag: 'Tag_Profile_IM_Image', Value: avatar }] });
      if (answer['ErrorCode'] !== 0) throw new Error(`portrait_set failed: ${JSON.stringify(answer)}`);
    },
    close: () => server.close(),
  };
});
