import { readFileSync } from 'node:fs';
import { EVENT, TSIGNALING, TYPES } from '@parley/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordingLogger } from '../../test-support/sdk-harness.js';
import TencentCloudChat, { ChatInstance, TencentCloudChat as Named, VERSION } from '../index.js';

const created: ChatInstance[] = [];
afterEach(async () => {
  for (const chat of created.splice(0)) await chat.destroy();
});

function create(options: Parameters<typeof TencentCloudChat.create>[0]): ChatInstance {
  const chat = TencentCloudChat.create(options);
  if (chat) created.push(chat);
  return chat;
}

describe('TencentCloudChat (the default export)', () => {
  it('has the statics create, EVENT, TYPES, TSignaling and VERSION, with Tencent values', () => {
    expect(Named).toBe(TencentCloudChat);
    expect(typeof TencentCloudChat.create).toBe('function');
    expect(TencentCloudChat.EVENT).toBe(EVENT);
    expect(TencentCloudChat.EVENT.SDK_READY).toBe('sdkStateReady');
    expect(TencentCloudChat.EVENT.KICKED_OUT).toBe('kickedOut');
    expect(TencentCloudChat.TYPES).toBe(TYPES);
    expect(TencentCloudChat.TYPES.KICKED_OUT_MULT_ACCOUNT).toBe('multipleAccount');
    expect(TencentCloudChat.TYPES.NET_STATE_CONNECTING).toBe('connecting');
    expect(TencentCloudChat.TSignaling).toBe(TSIGNALING);
  });

  it('VERSION is a string equal to the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(typeof TencentCloudChat.VERSION).toBe('string');
    expect(TencentCloudChat.VERSION).toBe(pkg.version);
    expect(VERSION).toBe(pkg.version);
  });
});

describe('TencentCloudChat.create', () => {
  it('returns the same instance for the same SDKAppID until destroy(), then a new one', async () => {
    const a = create({ SDKAppID: 1400000101, WebSocket, logger: recordingLogger() });
    const b = create({ SDKAppID: '1400000101', WebSocket, logger: recordingLogger() });
    expect(a).toBeInstanceOf(ChatInstance);
    expect(b).toBe(a);
    const other = create({ SDKAppID: 1400000102, WebSocket, logger: recordingLogger() });
    expect(other).not.toBe(a);
    await a.destroy();
    const c = create({ SDKAppID: 1400000101, WebSocket, logger: recordingLogger() });
    expect(c).not.toBe(a);
  });

  it('with isolated: true makes a fresh instance outside the cache', () => {
    const shared = create({ SDKAppID: 1400000103, logger: recordingLogger() });
    const isolated = create({ SDKAppID: 1400000103, isolated: true, logger: recordingLogger() });
    expect(isolated).not.toBe(shared);
    expect(create({ SDKAppID: 1400000103, logger: recordingLogger() })).toBe(shared);
  });

  it('logs an error and returns null for an SDKAppID that cannot be parsed', () => {
    for (const SDKAppID of ['not-a-number', 0, -5, undefined]) {
      const logger = recordingLogger();
      const chat = TencentCloudChat.create({ SDKAppID, logger } as never);
      expect(chat).toBeNull();
      expect(logger.lines.some((l) => l.level === 'error' && String(l.args[0]).includes('SDKAppID'))).toBe(true);
    }
  });

  it('ignores option keys it does not know', () => {
    const chat = create({ SDKAppID: 1400000104, scene: 'uikit', modules: { 'group-module': {} }, unknownKey: true, logger: recordingLogger() });
    expect(chat).toBeInstanceOf(ChatInstance);
  });
});

describe('instance methods that work before login', () => {
  it('getLoginUser is "" and isReady false before login', () => {
    const chat = create({ SDKAppID: 1400000105, isolated: true, logger: recordingLogger() });
    expect(chat.getLoginUser()).toBe('');
    expect(chat.isReady()).toBe(false);
  });

  it('on(name, handler, context) calls the handler with this = context and one {name, data} argument', async () => {
    const chat = create({ SDKAppID: 1400000106, isolated: true, logger: recordingLogger() });
    const context = { seen: [] as unknown[] };
    chat.on(
      TencentCloudChat.EVENT.ERROR,
      function (this: typeof context, event) {
        this.seen.push(event);
      },
      context,
    );
    await Promise.resolve(chat.getServerTime()).catch(() => {});
    expect(context.seen).toEqual([{ name: 'error', data: { code: 2024, message: expect.stringContaining('getServerTime') } }]);
  });

  it('accepts plugins it does not need (registerPlugin, use) and resolves callExperimentalAPI', async () => {
    const chat = create({ SDKAppID: 1400000107, isolated: true, logger: recordingLogger() });
    expect(() => chat.registerPlugin({ 'tim-upload-plugin': class {} })).not.toThrow();
    expect(() => chat.use({ plugin: 'x' })).not.toThrow();
    await expect(chat.callExperimentalAPI('anything', {})).resolves.toEqual({ code: 0, data: {} });
  });

  it('setLogLevel filters what reaches the logger (0 everything … 4 nothing)', async () => {
    const logger = recordingLogger();
    const chat = create({ SDKAppID: 1400000108, isolated: true, logger });
    chat.setLogLevel(4);
    await chat.login({ userID: 'u1', userSig: 'sig' }).catch(() => {});
    expect(logger.lines).toEqual([]);
    chat.setLogLevel(0);
    chat.registerPlugin({ x: 1 });
    expect(logger.lines.map((l) => l.level)).toEqual(['debug']);
  });

  it('login without any WebSocket (none injected, none global) rejects with 2800 and says how to fix it', async () => {
    const global = globalThis as { WebSocket?: unknown };
    const saved = global.WebSocket;
    delete global.WebSocket; // Node 20 has none; newer Node versions do
    try {
      const chat = create({ SDKAppID: 1400000109, isolated: true, logger: recordingLogger() });
      await expect(chat.login({ userID: 'u1', userSig: 'sig' })).rejects.toMatchObject({ code: 2800, message: expect.stringContaining('ws') });
    } finally {
      if (saved !== undefined) global.WebSocket = saved;
    }
  });
});
