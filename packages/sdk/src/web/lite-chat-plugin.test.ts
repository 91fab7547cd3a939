import { describe, expect, it } from 'vitest';
import { TencentCloudChat } from './tencent-cloud-chat.js';
import liteChatPluginDefault, { liteChatPlugin } from './lite-chat-plugin.js';

describe('@parley/sdk/lite-chat-plugin (what @tencentcloud/lite-chat/plugins/* are aliased to)', () => {
  it('is one frozen marker, the default export and the named one alike', () => {
    expect(liteChatPluginDefault).toBe(liteChatPlugin);
    expect(liteChatPlugin).toEqual({ parleyModules: 'built-in' });
    expect(Object.isFrozen(liteChatPlugin)).toBe(true);
  });

  it('is accepted by chat.use() as TUIKit 6 engine passes it: an array of plugins, before login', () => {
    const chat = TencentCloudChat.create({ SDKAppID: 1400000001, server: 'ws://127.0.0.1:1', isolated: true });
    expect(() => chat.use([liteChatPlugin, liteChatPlugin])).not.toThrow();
    expect(() => chat.use(liteChatPlugin)).not.toThrow();
    expect(chat.isReady()).toBe(false);
  });
});
