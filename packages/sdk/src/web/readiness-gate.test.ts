/**
 * "Only login, logout, getLoginUser, destroy, on/off, isReady, setLogLevel ... work before the SDK
 * is ready; other APIs can be called only after you have successfully logged in."
 */
import { EVENT } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../../test-support/fake-server.js';
import { eventually, newChat, recordEvents } from '../../test-support/sdk-harness.js';
import { ChatInstance } from '../web/chat-instance.js';
import { gate, METHOD_TABLES, notReadyError, PRE_READY_READS, READY_WHITELIST } from './readiness-gate.js';

let server: FakeServer;
let chat: ChatInstance;
beforeEach(async () => {
  server = await FakeServer.start();
  chat = newChat(server);
});
afterEach(async () => {
  await chat.destroy();
  await server.close();
});

/** Every public method of an instance (its own and inherited) that the whitelist and the pre-ready reads do not cover. */
function gatedMethodNames(): string[] {
  const names = new Set<string>();
  for (let proto: object | null = ChatInstance.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names].filter((name) => name !== 'constructor' && name !== 'guard' && !READY_WHITELIST.has(name) && !PRE_READY_READS.has(name));
}

describe('the readiness gate', () => {
  it('covers getServerTime and the messaging methods, and whitelists the session methods', () => {
    expect(gatedMethodNames()).toEqual(expect.arrayContaining(['getServerTime', 'createTextMessage', 'sendMessage', 'getMessageList', 'setMessageRead', 'createGroup', 'getGroupList']));
    expect(gatedMethodNames()).not.toContain('getConversationList');
    for (const name of ['login', 'logout', 'getLoginUser', 'destroy', 'on', 'off', 'once', 'isReady', 'setLogLevel', 'registerPlugin', 'use', 'callExperimentalAPI']) {
      expect(READY_WHITELIST.has(name), name).toBe(true);
    }
  });

  it('before any login, every API outside the whitelist returns a rejected Promise with 2024 (getServerTime included, though synchronous)', async () => {
    for (const name of gatedMethodNames()) {
      const method = (chat as unknown as Record<string, () => unknown>)[name];
      const result = method?.call(chat);
      expect(result, name).toBeInstanceOf(Promise);
      await expect(result, name).rejects.toMatchObject({ code: 2024, message: expect.stringContaining(name) });
    }
  });

  it('emits the ERROR event for each refused call', async () => {
    const errors = recordEvents(chat, [EVENT.ERROR]);
    await Promise.resolve(chat.getServerTime()).catch(() => {});
    expect(errors).toEqual([{ name: EVENT.ERROR, data: { code: 2024, message: expect.stringContaining('getServerTime') } }]);
  });

  it('stays closed between the resolved login and SDK_READY, and opens at SDK_READY', async () => {
    const seen: unknown[] = [];
    await chat.login({ userID: 'alice', userSig: 'x' }).then(() => {
      seen.push(chat.getServerTime());
    });
    await expect(seen[0]).rejects.toMatchObject({ code: 2999 });
    await eventually(() => chat.isReady(), 'SDK_READY');
    expect(typeof chat.getServerTime()).toBe('number');
  });

  it('lets the whitelisted APIs run before ready', async () => {
    expect(chat.getLoginUser()).toBe('');
    expect(chat.isReady()).toBe(false);
    const handler = (): void => {};
    chat.on(EVENT.SDK_READY, handler);
    chat.once(EVENT.SDK_READY, handler);
    chat.off(EVENT.SDK_READY, handler);
    chat.setLogLevel(1);
    await expect(chat.callExperimentalAPI('x')).resolves.toMatchObject({ code: 0 });
  });
});

describe('the whitelists', () => {
  it("are Tencent's runtime whitelist plus once and use, and Parley's three pre-ready conversation reads", () => {
    expect([...READY_WHITELIST].sort()).toEqual(
      [
        'login',
        'logout',
        'getLoginUser',
        'destroy',
        'on',
        'off',
        'once',
        'ready',
        'setLogLevel',
        'joinGroup',
        'quitGroup',
        'registerPlugin',
        'getGroupOnlineMemberCount',
        'isReady',
        'addSignalingListener',
        'removeSignalingListener',
        'callExperimentalAPI',
        'use',
      ].sort(),
    );
    expect([...PRE_READY_READS].sort()).toEqual(['getConversationList', 'getConversationProfile', 'getTotalUnreadMessageCount']);
  });

  it("are read from the method tables: an entry is whitelisted exactly when its flag says it works before ready", () => {
    const entries = METHOD_TABLES.flatMap((table) => Object.entries(table));
    expect(entries.length).toBeGreaterThan(30);
    for (const [name, entry] of entries) {
      expect(READY_WHITELIST.has(name) || PRE_READY_READS.has(name), name).toBe(entry.beforeReady !== false);
      expect(typeof (ChatInstance.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});

describe('gate()', () => {
  const subject = (isReady: boolean, notReadyReason = 2024) => {
    const reported: number[] = [];
    return { isReady, notReadyReason, reportError: (e: { code: number }) => reported.push(e.code), reported };
  };

  it('runs the call when ready', () => {
    expect(gate(subject(true), 'getServerTime', () => 42)).toBe(42);
  });

  it('refuses with the current reason and reports it', async () => {
    const s = subject(false, 3003);
    await expect(gate(s, 'sendMessage', () => 1)).rejects.toMatchObject({ code: 3003 });
    expect(s.reported).toEqual([3003]);
  });

  it('refuses to gate a whitelisted API or a pre-ready read (a programming error)', () => {
    expect(() => gate(subject(false), 'login', () => 1)).toThrow(/must not be gated/);
    expect(() => gate(subject(false), 'getConversationList', () => 1)).toThrow(/must not be gated/);
  });

  it('formats the message as "<reason> | <api> | <hint>"', () => {
    expect(notReadyError('getServerTime', 3005).message).toMatch(/^Logged out \| getServerTime \| /);
  });
});
