/**
 * The in-memory conversation list: order, incremental unread counts, and merging the server's
 * snapshots with what the client has already received.
 */
import type { WireConversation, WireMessage } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { ConversationCache } from './conversation-cache.js';
import { MessageCache } from '../messages/message-cache.js';

function setup(): { store: ConversationCache; messages: MessageCache; put: (w: WireMessage) => void } {
  const messages = new MessageCache();
  const store = new ConversationCache({
    viewer: () => 'alice',
    toMessage: (wire, isRead) => messages.resolve(wire, 'alice', isRead),
    countIncomingAbove: (id, seq) => messages.countIncomingAbove(id, seq),
    groupInfo: () => undefined,
  });
  const put = (w: WireMessage): void => store.applyMessage(messages.upsert(w, 'alice', false).message);
  return { store, messages, put };
}

const msg = (seq: number, from = 'bob', time = 100 + seq): WireMessage => ({
  ID: `m${seq}`,
  conversationType: 'C2C',
  from,
  to: from === 'alice' ? 'bob' : 'alice',
  seq,
  time,
  random: 0,
  elements: [{ type: 'TIMTextElem', content: { text: `t${seq}` } }],
  cloudCustomData: '',
  priority: 'Normal',
  atUserList: [],
  isOnlineOnly: false,
  receiverList: [],
  nick: from === 'alice' ? 'Alice' : 'Bob',
  avatar: '',
  nameCard: '',
});

const snapshot = (over: Partial<WireConversation>): WireConversation => ({
  conversationID: 'C2Cbob',
  type: 'C2C',
  target: 'bob',
  lastMessage: null,
  maxSeq: 0,
  readSeq: 0,
  unreadCount: 0,
  isPinned: false,
  draftText: '',
  updatedAt: 0,
  userProfile: { userID: 'bob', nick: '', avatar: '' },
  ...over,
});

describe('ConversationCache', () => {
  it("shows the C2C peer's nick and avatar: the server's snapshot, the names of the peer's first message, then a profile change", () => {
    const { store, put } = setup();
    store.applySnapshot(snapshot({ userProfile: { userID: 'bob', nick: 'Bobby', avatar: 'https://a/b.png' } }));
    expect(store.get('C2Cbob')?.userProfile).toEqual({ userID: 'bob', nick: 'Bobby', avatar: 'https://a/b.png' });
    store.takeDirty();
    expect(store.applyPeerProfile('bob', 'Robert', 'https://a/r.png')).toBe(true);
    expect(store.takeDirty()).toBe(true);
    expect(store.get('C2Cbob')?.userProfile).toEqual({ userID: 'bob', nick: 'Robert', avatar: 'https://a/r.png' });
    expect(store.applyPeerProfile('bob', 'Robert', 'https://a/r.png')).toBe(false);
    expect(store.applyPeerProfile('carol', 'C', '')).toBe(false);
    store.remove('C2Cbob');
    put(msg(1));
    expect(store.get('C2Cbob')?.userProfile).toEqual({ userID: 'bob', nick: 'Bob', avatar: '' });
  });

  it('counts a new message from someone else as unread, and not the user\'s own or an older one', () => {
    const { store, put } = setup();
    put(msg(1));
    put(msg(2, 'alice'));
    put(msg(3));
    put(msg(2, 'alice'));
    expect(store.get('C2Cbob')).toMatchObject({ unreadCount: 2, lastMessage: { lastSequence: 3 } });
    expect(store.totalUnread()).toBe(2);
  });

  it('keeps the newer local last message when a snapshot is older, adding the unread messages above it', () => {
    const { store, put } = setup();
    put(msg(1));
    put(msg(2));
    put(msg(3));
    store.applySnapshot(snapshot({ lastMessage: msg(1), maxSeq: 1, readSeq: 0, unreadCount: 1 }));
    expect(store.get('C2Cbob')).toMatchObject({ unreadCount: 3, lastMessage: { lastSequence: 3 } });
    store.applySnapshot(snapshot({ lastMessage: msg(3), maxSeq: 3, readSeq: 3, unreadCount: 0 }));
    expect(store.get('C2Cbob')).toMatchObject({ unreadCount: 0, lastMessage: { lastSequence: 3 } });
  });

  it('sorts pinned first, then by last activity, then by ID', () => {
    const { store } = setup();
    store.replaceAll([
      snapshot({ conversationID: 'C2Ca', target: 'a', updatedAt: 5 }),
      snapshot({ conversationID: 'C2Cb', target: 'b', updatedAt: 9 }),
      snapshot({ conversationID: 'C2Cc', target: 'c', updatedAt: 1, isPinned: true }),
      snapshot({ conversationID: 'C2Cd', target: 'd', updatedAt: 9 }),
    ]);
    expect(store.list().map((c) => c.conversationID)).toEqual(['C2Cc', 'C2Cb', 'C2Cd', 'C2Ca']);
    expect(store.takeDirty()).toBe(true);
    expect(store.takeDirty()).toBe(false);
  });
});
