/**
 * Per-test setup shared by the messaging suites: a real server with some imported accounts, logged-in
 * raw chat clients, and cleanup of both after each test.
 */
import { afterEach } from 'vitest';
import { ChatClient } from './chat-client.js';
import { startTestServer, type TestServer } from './test-server.js';

/** What {@link chatFixture} gives a suite. */
export interface ChatFixture {
  /** Starts a fresh server and imports the fixture's accounts (accounts exist once imported or after a first login). */
  server(): Promise<TestServer>;
  /** Logs `userID` in on `t` (default platform Web); closed after the test. */
  login(t: TestServer, userID: string, platform?: string): Promise<ChatClient>;
}

/** Registers per-test cleanup and returns the helpers; call once at the top of a test file. */
export function chatFixture(accounts: readonly string[]): ChatFixture {
  let ts: TestServer | undefined;
  const clients: ChatClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await ts?.close();
    ts = undefined;
  });
  return {
    async server() {
      ts = await startTestServer();
      await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: [...accounts] });
      return ts;
    },
    async login(t, userID, platform = 'Web') {
      const c = await ChatClient.login(t, userID, platform);
      clients.push(c);
      return c;
    },
  };
}
