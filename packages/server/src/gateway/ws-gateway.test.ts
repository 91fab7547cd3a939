import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, Command, ErrorCode } from '@parley/protocol';
import { RawClient } from '../../test-support/raw-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let ts: TestServer | undefined;
afterEach(async () => {
  await ts?.close();
  ts = undefined;
});

const login = (c: RawClient, t: TestServer, userID: string, extra: Record<string, unknown> = {}) =>
  c.request(Command.LOGIN, { SDKAppID: t.app.sdkAppID, userID, userSig: t.sig(userID), platform: 'Web', ...extra });

describe('WebSocket gateway: frames at the edge', () => {
  it('closes with 4400 and the parse reason when a frame is not JSON', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    c.sendRaw('{not json');
    expect(await c.closed).toEqual({ code: CloseCode.BadFrame, reason: 'frame is not valid JSON' });
  });

  it('closes with 4400 when a frame is valid JSON but not a request frame', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    c.sendRaw(JSON.stringify({ t: 'req', id: -1, cmd: 'a.b' }));
    const closed = await c.closed;
    expect(closed.code).toBe(CloseCode.BadFrame);
    expect(closed.reason).toMatch(/'id'/);
  });

  it('closes with 4400 on a binary frame', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    c.sendRaw(Buffer.from([1, 2, 3]), true);
    expect((await c.closed).code).toBe(CloseCode.BadFrame);
  });

  it('closes with 1009 when a frame exceeds maxFrameBytes, and the server keeps serving others', async () => {
    ts = await startTestServer({ gateway: { maxFrameBytes: 1024 } });
    const big = await RawClient.connect(ts.wsUrl);
    big.sendRaw(JSON.stringify({ t: 'req', id: 1, cmd: 'a.b', body: { x: 'y'.repeat(2000) } }));
    expect((await big.closed).code).toBe(CloseCode.MessageTooBig);
    const ok = await RawClient.connect(ts.wsUrl);
    expect((await login(ok, ts, 'u1')).code).toBe(0);
    ok.close();
  });

  it('answers wshello before login with the server time', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    const before = Date.now();
    const res = await c.request(Command.HELLO);
    expect(res.code).toBe(0);
    expect(res.body?.['serverTime']).toBeGreaterThanOrEqual(before);
    c.close();
  });

  it('answers any other command before login with 6014', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    expect((await c.request('openim.sendmsg', {})).code).toBe(ErrorCode.ERR_SDK_NOT_LOGGED_IN);
    expect((await c.request(Command.LOGOUT)).code).toBe(ErrorCode.ERR_SDK_NOT_LOGGED_IN);
    c.close();
  });

  it('answers an unknown command after login with 88501', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    await login(c, ts, 'u1');
    expect((await c.request('nosuch.command')).code).toBe(ErrorCode.PARLEY_UNKNOWN_COMMAND);
    c.close();
  });

  it('refuses a malformed login body with 88502 and an invalid UserID with 7003, keeping the socket open', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    expect((await c.request(Command.LOGIN, { userID: 'u1' })).code).toBe(ErrorCode.PARLEY_BAD_REQUEST);
    expect((await login(c, ts, 'bad user!')).code).toBe(ErrorCode.ERR_SDK_COMM_INVALID_IDENTIFIER);
    expect((await login(c, ts, 'a'.repeat(33))).code).toBe(ErrorCode.ERR_SDK_COMM_INVALID_IDENTIFIER);
    expect((await login(c, ts, 'a'.repeat(32))).code).toBe(0);
    c.close();
  });

  it('refuses a second login on a logged-in socket with 88503', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    expect((await login(c, ts, 'u1')).code).toBe(0);
    expect((await login(c, ts, 'u1')).code).toBe(ErrorCode.PARLEY_ALREADY_LOGGED_IN);
    c.close();
  });

  it('lets a socket log in again after logging out', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    expect((await login(c, ts, 'u1')).code).toBe(0);
    expect((await c.request(Command.LOGOUT)).code).toBe(0);
    expect((await login(c, ts, 'u2')).code).toBe(0);
    c.close();
  });

  it('closes a connection that does not log in within the login timeout with 4408', async () => {
    ts = await startTestServer({ gateway: { loginTimeoutMs: 150 } });
    const c = await RawClient.connect(ts.wsUrl);
    expect((await c.closed).code).toBe(CloseCode.LoginTimeout);
  });

  it('closes a silent connection after the heartbeat bound with 4001 and reports the user offline', async () => {
    ts = await startTestServer({ gateway: { heartbeatTimeoutMs: 200 } });
    const c = await RawClient.connect(ts.wsUrl);
    await login(c, ts, 'quiet');
    expect((await c.closed).code).toBe(CloseCode.HeartbeatTimeout);
    const res = await ts.rest('openim/query_online_status', { To_Account: ['quiet'] });
    expect(res['QueryResult']).toEqual([{ To_Account: 'quiet', State: 'Offline' }]);
  });

  it('keeps a connection that sends heartbeats alive past the bound', async () => {
    ts = await startTestServer({ gateway: { heartbeatTimeoutMs: 200 } });
    const c = await RawClient.connect(ts.wsUrl);
    await login(c, ts, 'chatty');
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 60));
      expect((await c.request(Command.HELLO)).code).toBe(0);
    }
    c.close();
  });

  it('answers a request flood with 60018 and closes a client that keeps flooding with 4429', async () => {
    ts = await startTestServer({ gateway: { maxRequestsPerSecond: 5, requestBurst: 5, floodCloseAfterMs: 200 } });
    const c = await RawClient.connect(ts.wsUrl);
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.request(Command.HELLO)));
    expect(answers.filter((a) => a.code === 0)).toHaveLength(5);
    expect(answers.filter((a) => a.code === ErrorCode.ERR_SVR_COMM_REQ_FREQ_LIMIT)).toHaveLength(5);
    const flood = setInterval(() => {
      if (c.socket.readyState === c.socket.OPEN) c.sendRaw(JSON.stringify({ t: 'req', id: 1, cmd: Command.HELLO }));
    }, 5);
    const closed = await c.closed;
    clearInterval(flood);
    expect(closed.code).toBe(CloseCode.TooManyRequests);
  });

  it('does not upgrade REST and health paths', async () => {
    ts = await startTestServer();
    await expect(RawClient.connect(`${ts.wsUrl}/v4/openim/sendmsg`)).rejects.toThrow(/404/);
  });

  it('on shutdown pushes server_shutdown and closes with 1001', async () => {
    ts = await startTestServer();
    const c = await RawClient.connect(ts.wsUrl);
    await login(c, ts, 'u1');
    const closing = ts.close();
    ts = undefined;
    const push = await c.nextPush('im_open_status.server_shutdown');
    expect(push.body['reconnectAfterMs']).toBeTypeOf('number');
    expect((await c.closed).code).toBe(CloseCode.GoingAway);
    await closing;
  });
});
