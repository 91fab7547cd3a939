/**
 * Names and avatars everywhere, between real SDK instances and a real server: a message carries its
 * sender's nick and avatar as of the send (web `Message`, V2TIM sender info), a C2C conversation the
 * peer's current `userProfile` (updated with CONVERSATION_LIST_UPDATED when the peer's profile
 * changes and the profile audience includes the viewer), a group member list each member's nick and
 * avatar; and custom profile fields must be declared for the app (40009 otherwise).
 */
import { afterEach, describe, expect, it } from 'vitest';
import TencentCloudChat from '@parley/sdk';
import type { ProfileAudience } from '@parley/server';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { waitUntil } from '../support/events.js';
import { v2Client, webClient, type V2Client, type WebClient } from '../support/sdk-clients.js';

const { EVENT, TYPES } = TencentCloudChat;

interface Named {
  ID: string;
  nick: string;
  avatar: string;
  nameCard: string;
  payload: { text?: string };
}

interface ConversationLike {
  conversationID: string;
  userProfile?: { userID: string; nick: string; avatar: string };
}

let ts: TestServer | undefined;
const webs: WebClient[] = [];
const v2s: V2Client[] = [];
afterEach(async () => {
  for (const c of webs.splice(0)) await c.chat.destroy().catch(() => undefined);
  for (const c of v2s.splice(0)) await c.manager.unInitSDK();
  await ts?.close();
  ts = undefined;
});

interface Chatter extends WebClient {
  readonly received: Named[];
  readonly conversationLists: ConversationLike[][];
}

async function user(userID: string): Promise<Chatter> {
  const c = webClient(ts!);
  webs.push(c);
  const received: Named[] = [];
  const conversationLists: ConversationLike[][] = [];
  c.chat.on(EVENT.MESSAGE_RECEIVED, (e: { data?: unknown }) => received.push(...(e.data as Named[])));
  c.chat.on(EVENT.CONVERSATION_LIST_UPDATED, (e: { data?: unknown }) => conversationLists.push(e.data as ConversationLike[]));
  await c.chat.login({ userID, userSig: ts!.sig(userID) });
  await waitUntil(() => c.chat.isReady(), 5000, `${userID} ready`);
  return { ...c, received, conversationLists };
}

async function say(from: Chatter, to: string, text: string, conversationType: string = TYPES.CONV_C2C): Promise<Named> {
  const message = from.chat.createTextMessage({ to, conversationType, payload: { text } });
  return (await from.chat.sendMessage(message)).data.message as unknown as Named;
}

/** Everyone who has a C2C conversation with the user hears of the user's profile changes (a stand-in for friends). */
function chatPartners(): ProfileAudience {
  return { audienceOf: async (sdkAppID, userID) => (await ts!.store.conversations.get(sdkAppID, userID)).filter((c) => c.type === 'C2C').map((c) => c.target) };
}

describe("senders' and peers' names between SDK instances", () => {
  it("bob sees alice's nick and avatar on her messages (as of each send), in history, and on the conversation, which follows her profile", async () => {
    ts = await startTestServer({ profileAudience: chatPartners() });
    const alice = await user('alice');
    const bob = await user('bob');
    await alice.chat.updateMyProfile({ nick: 'Alice', avatar: 'https://example.invalid/alice.png' });
    expect(await say(alice, 'bob', 'first')).toMatchObject({ nick: 'Alice', avatar: 'https://example.invalid/alice.png' });
    await waitUntil(() => bob.received.length === 1, 5000, 'bob receives the first message');
    expect(bob.received[0]).toMatchObject({ nick: 'Alice', avatar: 'https://example.invalid/alice.png', nameCard: '' });
    const list = (await bob.chat.getConversationList()).data.conversationList as unknown as ConversationLike[];
    expect(list.find((c) => c.conversationID === 'C2Calice')?.userProfile).toEqual({ userID: 'alice', nick: 'Alice', avatar: 'https://example.invalid/alice.png' });

    bob.conversationLists.length = 0;
    await alice.chat.updateMyProfile({ nick: 'Alicia' });
    await waitUntil(
      () => bob.conversationLists.some((l) => l.find((c) => c.conversationID === 'C2Calice')?.userProfile?.nick === 'Alicia'),
      5000,
      'CONVERSATION_LIST_UPDATED with the new nick',
    );
    await say(alice, 'bob', 'second');
    await waitUntil(() => bob.received.length === 2, 5000, 'bob receives the second message');
    expect(bob.received[1]).toMatchObject({ nick: 'Alicia', avatar: 'https://example.invalid/alice.png' });

    // A fresh instance reads history from the server: each message keeps the names of its send.
    const fresh = await user('bob');
    const history = (await fresh.chat.getMessageList({ conversationID: 'C2Calice' })).data.messageList as unknown as Named[];
    expect(history.map((m) => [m.payload.text, m.nick])).toEqual([
      ['first', 'Alice'],
      ['second', 'Alicia'],
    ]);
  });

  it("group messages carry the sender's nick, and the member list each member's current nick and avatar", async () => {
    ts = await startTestServer();
    const owner = await user('owner');
    const member = await user('member');
    await member.chat.updateMyProfile({ nick: 'Mia', avatar: 'https://example.invalid/mia.png' });
    await owner.chat.createGroup({ type: TYPES.GRP_WORK, name: 'team', groupID: 'team', memberList: [{ userID: 'member' }] });
    await say(member, 'team', 'hello team', TYPES.CONV_GROUP);
    await waitUntil(() => owner.received.some((m) => m.payload.text === 'hello team'), 5000, 'owner receives');
    expect(owner.received.find((m) => m.payload.text === 'hello team')).toMatchObject({ nick: 'Mia', avatar: 'https://example.invalid/mia.png', nameCard: '' });
    const members = (await owner.chat.getGroupMemberList({ groupID: 'team', count: 10, offset: 0 })).data.memberList;
    expect(members.map((m) => [m.userID, m.nick, m.avatar])).toEqual([
      ['member', 'Mia', 'https://example.invalid/mia.png'],
      ['owner', '', ''],
    ]);
  });

  it("V2TIM's onRecvC2CTextMessage gives the sender's nickName and faceUrl", async () => {
    ts = await startTestServer();
    const alice = await user('alice');
    await alice.chat.updateMyProfile({ nick: 'Alice', avatar: 'https://example.invalid/a.png' });
    const bob = await v2Client(ts);
    v2s.push(bob);
    const senders: unknown[] = [];
    bob.manager.addSimpleMsgListener({ onRecvC2CTextMessage: (_id, sender, text) => senders.push({ ...sender, text }) });
    expect((await bob.manager.login('bob', ts.sig('bob'))).code).toBe(0);
    await say(alice, 'bob', 'hi');
    await waitUntil(() => senders.length === 1, 5000, 'bob hears the message');
    expect(senders[0]).toEqual({ userID: 'alice', nickName: 'Alice', faceUrl: 'https://example.invalid/a.png', text: 'hi' });
  });
});

describe('profile changes of others through V2TIM', () => {
  it("a chat partner's profile change is not reported as onSelfInfoUpdated", async () => {
    ts = await startTestServer({ profileAudience: chatPartners() });
    const alice = await user('alice');
    const bob = await v2Client(ts, { platform: 'Android' });
    v2s.push(bob);
    expect((await bob.manager.login('bob', ts.sig('bob'))).code).toBe(0);
    await say(alice, 'bob', 'hi');
    const bobWeb = await user('bob');
    await alice.chat.updateMyProfile({ nick: 'Alice' });
    await waitUntil(() => bobWeb.conversationLists.some((l) => l.find((c) => c.conversationID === 'C2Calice')?.userProfile?.nick === 'Alice'), 5000, "bob's web instance hears it");
    expect(bob.calls.filter((c) => c === 'onSelfInfoUpdated')).toEqual([]);
    await bobWeb.chat.updateMyProfile({ nick: 'Bobby' });
    await waitUntil(() => bob.calls.includes('onSelfInfoUpdated'), 5000, "bob's own change");
    expect(bob.calls.filter((c) => c === 'onSelfInfoUpdated')).toHaveLength(1);
  });
});

describe('custom profile fields declared per app', () => {
  it('a field the app has not declared is refused with 40009 (web and V2TIM); once declared, both SDKs set it', async () => {
    ts = await startTestServer();
    const bob = await user('bob');
    const phone = await v2Client(ts, { platform: 'Android' });
    v2s.push(phone);
    expect((await phone.manager.login('bob', ts.sig('bob'))).code).toBe(0);
    await expect(bob.chat.updateMyProfile({ profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'red' }] })).rejects.toMatchObject({ code: 40009 });
    expect((await phone.manager.setSelfInfo({ customInfo: { Team: 'red' } })).code).toBe(40009);
    const declared = await ts.rest('parley_admin/set_profile_custom_fields', {
      CustomFields: [{ Tag: 'Tag_Profile_Custom_Team', Type: 'String', MaxLength: 8, Read: ['App'], Write: ['App'] }],
    });
    expect(declared['ErrorCode']).toBe(0);
    expect(await bob.chat.updateMyProfile({ profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'red' }] })).toMatchObject({ code: 0, data: { profileCustomField: [{ key: 'Tag_Profile_Custom_Team', value: 'red' }] } });
    expect((await phone.manager.setSelfInfo({ customInfo: { Team: 'blue' } })).code).toBe(0);
    expect((await phone.manager.setSelfInfo({ customInfo: { Team: 'far too long' } })).code).toBe(40601);
    expect(await phone.manager.getUsersInfo(['bob'])).toMatchObject({ code: 0, data: [{ customInfo: { Team: 'blue' } }] });
  });
});
