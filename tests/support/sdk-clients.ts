/** Real SDK instances pointed at a test server, with every event recorded for assertions. */
import TencentCloudChat, { V2TIMManager, type ChatCreateOptions, type V2TimSDKListener } from '@parley/sdk';
import WebSocket from 'ws';
import type { TestServer } from '../../packages/server/test-support/test-server.js';

type Chat = NonNullable<ReturnType<typeof TencentCloudChat.create>>;

export interface WebClient {
  readonly chat: Chat;
  /** Every event as `name` or `name:type/state`, in order. */
  readonly events: string[];
}

const recorded = [
  TencentCloudChat.EVENT.SDK_READY,
  TencentCloudChat.EVENT.SDK_NOT_READY,
  TencentCloudChat.EVENT.KICKED_OUT,
  TencentCloudChat.EVENT.NET_STATE_CHANGE,
  TencentCloudChat.EVENT.ERROR,
];

/** An isolated web-API instance (outside the per-SDKAppID cache, so a test can run several). */
export function webClient(ts: TestServer, extra: Partial<ChatCreateOptions> = {}): WebClient {
  const chat = TencentCloudChat.create({ SDKAppID: ts.app.sdkAppID, server: ts.wsUrl, WebSocket, isolated: true, ...extra } as ChatCreateOptions);
  if (!chat) throw new Error('create() returned null');
  const events: string[] = [];
  for (const name of recorded) {
    chat.on(name, (event: { name: string; data?: unknown }) => {
      const d = event.data as { type?: string; state?: string; code?: number } | undefined;
      events.push(d?.type ? `${name}:${d.type}` : d?.state ? `${name}:${d.state}` : d?.code !== undefined ? `${name}:${d.code}` : name);
    });
  }
  return { chat, events };
}

export interface V2Client {
  readonly manager: V2TIMManager;
  /** Listener callbacks by name, in order (`onConnectFailed:<code>` carries its code). */
  readonly calls: string[];
}

/** A separate V2TIM manager, initialised against the test server. */
export async function v2Client(ts: TestServer, options: Record<string, unknown> = {}): Promise<V2Client> {
  const manager = new V2TIMManager();
  const calls: string[] = [];
  const listener: V2TimSDKListener = {
    onConnecting: () => calls.push('onConnecting'),
    onConnectSuccess: () => calls.push('onConnectSuccess'),
    onConnectFailed: (code) => calls.push(`onConnectFailed:${code}`),
    onKickedOffline: () => calls.push('onKickedOffline'),
    onUserSigExpired: () => calls.push('onUserSigExpired'),
    onSelfInfoUpdated: () => calls.push('onSelfInfoUpdated'),
    onUserStatusChanged: () => calls.push('onUserStatusChanged'),
  };
  const res = await manager.initSDK(ts.app.sdkAppID, 0, listener, { server: ts.wsUrl, WebSocket, ...options });
  if (res.code !== 0) throw new Error(`initSDK failed: ${res.code} ${res.desc}`);
  return { manager, calls };
}
