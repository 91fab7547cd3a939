/**
 * The seed's web sample code (React Native page of the web-style API) runs unchanged except for
 * the import line and the server address.
 */
import { CloseCode, Push } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeServer } from '../../test-support/fake-server.js';
import { eventually, recordingLogger } from '../../test-support/sdk-harness.js';
import TencentCloudChat, { type ChatInstance } from '../index.js';

let server: FakeServer;
let chat: ChatInstance;
beforeEach(async () => {
  server = await FakeServer.start();
  // The one line that differs from a Tencent app: the server address (and, on Node 20, a WebSocket).
  chat = TencentCloudChat.create({ SDKAppID: 1400000201, server: server.url, WebSocket, logger: recordingLogger() });
});
afterEach(async () => {
  await chat.destroy();
  await server.close();
});

describe('the seed web sample code', () => {
  it('login, repeatLogin check, getLoginUser, getServerTime, isReady, logout, destroy', async () => {
    const log: unknown[] = [];
    const console = { log: (...a: unknown[]) => log.push(a), warn: (...a: unknown[]) => log.push(['warn', ...a]) };

    // --- sample: Login ---
    let promise = chat.login({ userID: 'your_userID', userSig: 'your userSig' });
    await promise
      .then(function (imResponse) {
        console.log(imResponse.data); // Logged in successfully
        if (imResponse.data.repeatLogin === true) {
          // This indicates that the account is already logged in.
          console.log(imResponse.data.errorInfo);
        }
      })
      .catch(function (imError: unknown) {
        console.warn('login error:', imError);
      });
    await eventually(() => chat.isReady(), 'SDK_READY');

    // --- sample: Get login user information / server time / ready ---
    const userID = chat.getLoginUser();
    const serverTime = chat.getServerTime();
    let isReady = chat.isReady();

    // --- sample: Repeat login ---
    const again = await chat.login({ userID: 'your_userID', userSig: 'your userSig' }).then(function (imResponse) {
      if (imResponse.data.repeatLogin === true) console.log(imResponse.data.errorInfo);
      return imResponse;
    });

    // --- sample: Logout ---
    let logout = chat.logout();
    await logout
      .then(function (imResponse) {
        console.log(imResponse.data); // Logged out successfully
      })
      .catch(function (imError: unknown) {
        console.warn('logout error:', imError);
      });
    isReady = isReady && !chat.isReady();

    // --- sample: Terminating ---
    let destroyed = chat.destroy();
    await destroyed;

    expect(userID).toBe('your_userID');
    expect(typeof serverTime).toBe('number');
    expect(isReady).toBe(true);
    expect(again.data.repeatLogin).toBe(true);
    expect(log.some((l) => Array.isArray(l) && l[0] === 'warn')).toBe(false);
  });

  it('Login Settings: the KICKED_OUT handler receives event.data.type, a TYPES.KICKED_OUT_* value', async () => {
    const seen: string[] = [];
    // --- sample: Login Settings ---
    let onKickedOut = function (event: { data: { type: string } }) {
      seen.push(event.data.type);
      // TencentCloudChat.TYPES.KICKED_OUT_MULT_ACCOUNT / KICKED_OUT_MULT_DEVICE / KICKED_OUT_USERSIG_EXPIRED / KICKED_OUT_REST_API
    };
    chat.on(TencentCloudChat.EVENT.KICKED_OUT, onKickedOut);
    // --- end of sample ---
    await chat.login({ userID: 'a1', userSig: 'sig' });
    await eventually(() => chat.isReady(), 'SDK_READY');
    server.last.push(Push.KICKOUT, { type: 'multipleAccount', kickType: 1, newInstanceInfo: { platform: 'Web', instanceID: 'x' } });
    server.last.close(CloseCode.Kicked);
    await eventually(() => seen.length === 1, 'KICKED_OUT');
    expect(seen).toEqual([TencentCloudChat.TYPES.KICKED_OUT_MULT_ACCOUNT]);
  });
});
