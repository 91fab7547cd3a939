/**
 * The session's answers and pushes as the SDK reads them, and the login request with the error the
 * server answers (7003 for an unusable userID, as Tencent does).
 */
import { describe, expect, it } from 'vitest';
import { SessionCommands, SessionPushes } from './session-defs.js';

const login = { userID: 'alice', instanceID: 'i1', serverTime: 1, helloInterval: 30, sigExpireAt: 2, resumed: false };

describe('session definitions', () => {
  it('parse the login answer, naming a bad field', () => {
    expect(SessionCommands.login.parseAnswer(login)).toEqual({ ok: true, value: login });
    expect(SessionCommands.login.parseAnswer({ ...login, helloInterval: 0 })).toEqual({
      ok: false,
      error: 'UNCAUGHT_ERROR',
      reason: 'login answer: helloInterval must be a positive number (s)',
    });
    expect(SessionCommands.login.parseAnswer('ok')).toMatchObject({ ok: false, reason: 'login answer must be an object' });
  });

  it('name the error of a bad login request', () => {
    const body = { SDKAppID: 1400000001, userID: 'alice', userSig: 's' };
    expect(SessionCommands.login.parseRequest(body)).toMatchObject({ ok: true, value: { userID: 'alice', platform: 'Web' } });
    expect(SessionCommands.login.parseRequest({ ...body, userID: 'not valid!' })).toMatchObject({ ok: false, error: 'ERR_SDK_COMM_INVALID_IDENTIFIER' });
    expect(SessionCommands.login.parseRequest({ ...body, userID: '' })).toMatchObject({ ok: false, error: 'PARLEY_BAD_REQUEST' });
    expect(SessionCommands.login.parseRequest({ ...body, SDKAppID: 0 })).toMatchObject({ ok: false, error: 'PARLEY_BAD_REQUEST' });
  });

  it('read the hello answer and the pushes', () => {
    expect(SessionCommands.hello.parseAnswer({ serverTime: 5 })).toEqual({ ok: true, value: { serverTime: 5 } });
    expect(SessionCommands.hello.parseAnswer({})).toMatchObject({ ok: false });
    expect(SessionPushes.kickout.parseBody({ type: 'multipleAccount', kickType: 1 })).toMatchObject({ ok: true });
    expect(SessionPushes.kickout.parseBody({ type: 'nope', kickType: 1 })).toMatchObject({ ok: false, error: 'UNCAUGHT_ERROR' });
    // The socket closes after a shutdown push whatever it says: a bad hint reads as "no wait".
    expect(SessionPushes.shutdown.parseBody({ reconnectAfterMs: 250 })).toEqual({ ok: true, value: { reconnectAfterMs: 250 } });
    expect(SessionPushes.shutdown.parseBody({ reconnectAfterMs: -1 })).toEqual({ ok: true, value: { reconnectAfterMs: 0 } });
  });
});
