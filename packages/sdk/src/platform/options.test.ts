import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebSocketConstructor } from './environment.js';
import { DEFAULT_LOGIN_TIMEOUT_MS, DEFAULT_SERVER, parseSDKAppID, resolveCreateOptions, resolveSessionOptions } from './options.js';

describe('create() options', () => {
  it('accept the SDKAppID as a number or a string of digits', () => {
    expect(parseSDKAppID(1400000001)).toBe(1400000001);
    expect(parseSDKAppID('1400000001')).toBe(1400000001);
    expect(parseSDKAppID(' 42 ')).toBe(42);
  });

  it('refuse an SDKAppID that is missing, zero, negative, fractional, non-numeric or above uint32', () => {
    for (const bad of [undefined, null, 0, -1, 1.5, 'abc', '12a', '', 2 ** 32, Number.NaN, {}, [1]]) {
      expect(parseSDKAppID(bad), String(bad)).toBeUndefined();
    }
    const r = resolveCreateOptions({ SDKAppID: 'abc' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/SDKAppID/);
  });

  it('ignore unknown keys (Tencent options such as scene, modules, fileUploadProxy)', () => {
    const r = resolveCreateOptions({ SDKAppID: 1, scene: 'x', modules: {}, fileUploadProxy: 'p', oversea: true, whatever: 1 });
    expect(r.ok).toBe(true);
  });

  it('default the server, the platform, the timeouts and the isolation', () => {
    const r = resolveCreateOptions({ SDKAppID: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({ server: DEFAULT_SERVER, platform: 'Web', isolated: false, loginTimeoutMs: DEFAULT_LOGIN_TIMEOUT_MS });
  });

  it('read proxyServer as an alias of server, server winning, and turn http(s) into ws(s)', () => {
    const alias = resolveCreateOptions({ SDKAppID: 1, proxyServer: 'wss://chat.example.com' });
    expect(alias.ok && alias.value.server).toBe('wss://chat.example.com');
    const both = resolveCreateOptions({ SDKAppID: 1, proxyServer: 'ws://a:1', server: 'ws://b:2' });
    expect(both.ok && both.value.server).toBe('ws://b:2');
    const http = resolveCreateOptions({ SDKAppID: 1, server: 'https://chat.example.com/ws' });
    expect(http.ok && http.value.server).toBe('wss://chat.example.com/ws');
  });

  it('map platform names that count as web (React Native, mini-programs) to Web', () => {
    const r = resolveCreateOptions({ SDKAppID: 1, platform: 'ReactNative' });
    expect(r.ok && r.value.platform).toBe('Web');
    const mac = resolveCreateOptions({ SDKAppID: 1, platform: 'Mac' });
    expect(mac.ok && mac.value.platform).toBe('Mac');
  });

  it('refuse wrongly typed known options with a reason naming the option', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ server: 'ftp://x' }, /server/],
      [{ server: 42 }, /server/],
      [{ platform: 'Amiga' }, /platform/],
      [{ WebSocket: 'ws' }, /WebSocket/],
      [{ timers: { setTimeout() {} } }, /timers/],
      [{ now: 5 }, /now/],
      [{ random: 'x' }, /random/],
      [{ logger: { info() {} } }, /logger/],
      [{ loginTimeoutMs: 0 }, /loginTimeoutMs/],
      [{ requestTimeoutMs: -5 }, /requestTimeoutMs/],
      [{ reconnect: { jitter: 3 } }, /jitter/],
      [{ reconnectPolicy: {} }, /reconnectPolicy/],
      [{ logLevel: 9 }, /logLevel/],
    ];
    for (const [extra, reason] of cases) {
      const r = resolveSessionOptions(extra, 1, false);
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it('accept the `ws` WebSocket class and the DOM WebSocket type as constructors', () => {
    // Compile-time checks: both runtimes' constructors fit the injected type.
    const fromWs: WebSocketConstructor = WebSocket;
    const fromDom: WebSocketConstructor | undefined = undefined as typeof globalThis.WebSocket | undefined;
    expect(typeof fromWs).toBe('function');
    expect(fromDom).toBeUndefined();
    expect(resolveSessionOptions({ WebSocket }, 1, false).ok).toBe(true);
  });
});
