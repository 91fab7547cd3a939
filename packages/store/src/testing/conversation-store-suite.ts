/** Conformance: each user's view of conversations (unread, last message, read/pin/draft/clear/delete). */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@parley/protocol';
import type { ConversationView } from '../index.js';
import { testAppRecord, testDraft, testGroupDraft, testGroupRecord, testMember } from './store-fixtures.js';
import { expectParleyRejection, type StoreFixture } from './store-suite-context.js';

const APP = 1400000001;

const byID = (a: ConversationView, b: ConversationView): number => (a.conversationID < b.conversationID ? -1 : 1);

/** Registers the conversation tests against the fixture's store. */
export function describeConversationContract(fx: StoreFixture): void {
  const withApp = async (): Promise<void> => {
    await fx.store.apps.create(testAppRecord(APP));
  };
  const view = async (user: string, id: string): Promise<ConversationView> => {
    const [v] = await fx.store.conversations.get(APP, user, [id]);
    if (v === undefined) throw new Error(`no view of ${id}`);
    return v;
  };
  const list = async (user: string): Promise<string[]> => (await fx.store.conversations.get(APP, user)).sort(byID).map((c) => c.conversationID);

  describe('conversation views', () => {
    it('gives both participants the C2C conversation, counting only the other side\'s messages as unread', async () => {
      await withApp();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'a1'), testDraft('alice', 'bob', 'a2'), testDraft('bob', 'alice', 'b1')]);
      const [aliceView] = await fx.store.conversations.get(APP, 'alice');
      expect(aliceView).toMatchObject({
        conversationID: 'C2Cbob',
        type: 'C2C',
        target: 'bob',
        maxSeq: 3,
        readSeq: 0,
        unreadCount: 1,
        isPinned: false,
        draftText: '',
        clearedSeq: 0,
        deletedSeq: null,
        updatedAt: 0,
        lastMessage: { ID: 'b1', seq: 3 },
      });
      expect(await view('bob', 'C2Calice')).toMatchObject({ maxSeq: 3, unreadCount: 2 });
    });

    it('raises the read position and never lowers it', async () => {
      await withApp();
      await fx.store.messages.append(APP, Array.from({ length: 5 }, (_, i) => testDraft('alice', 'bob', `m${i}`)));
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Calice', patch: { readSeq: 3 } }]);
      expect(await view('bob', 'C2Calice')).toMatchObject({ readSeq: 3, unreadCount: 2 });
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Calice', patch: { readSeq: 1 } }]);
      expect(await view('bob', 'C2Calice')).toMatchObject({ readSeq: 3, unreadCount: 2 });
    });

    it('keeps pin, draft and updatedAt as set', async () => {
      await withApp();
      await fx.store.conversations.update(APP, 'alice', [{ conversationID: 'C2Cbob', patch: { isPinned: true, draftText: 'dra"ft 🎉', updatedAt: 1234 } }]);
      expect(await view('alice', 'C2Cbob')).toMatchObject({ isPinned: true, draftText: 'dra"ft 🎉', updatedAt: 1234, maxSeq: 0, lastMessage: null });
      expect(await list('alice')).toStrictEqual(['C2Cbob']);
      await fx.store.conversations.update(APP, 'alice', [{ conversationID: 'C2Cbob', patch: { isPinned: false, draftText: '' } }]);
      expect(await view('alice', 'C2Cbob')).toMatchObject({ isPinned: false, draftText: '', updatedAt: 1234 });
    });

    it('hides a cleared history from history, last message and unread count', async () => {
      await withApp();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1'), testDraft('alice', 'bob', 'm2')]);
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Calice', patch: { clearedSeq: 2 } }]);
      expect(await view('bob', 'C2Calice')).toMatchObject({ clearedSeq: 2, unreadCount: 0, lastMessage: null, maxSeq: 2 });
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages).toStrictEqual([]);
      expect((await fx.store.messages.getHistory(APP, 'alice', 'C2Cbob', { count: 10 })).messages).toHaveLength(2);
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm3')]);
      expect(await view('bob', 'C2Calice')).toMatchObject({ unreadCount: 1, lastMessage: { ID: 'm3' } });
    });

    it('hides messages the user deleted, for that user only', async () => {
      await withApp();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1'), testDraft('alice', 'bob', 'm2'), testDraft('alice', 'bob', 'm3')]);
      await fx.store.conversations.deleteMessages(APP, 'bob', 'C2Calice', [3, 1, 99]);
      await fx.store.conversations.deleteMessages(APP, 'bob', 'C2Calice', [3]);
      expect((await fx.store.messages.getHistory(APP, 'bob', 'C2Calice', { count: 10 })).messages.map((m) => m.ID)).toStrictEqual(['m2']);
      expect(await view('bob', 'C2Calice')).toMatchObject({ unreadCount: 1, lastMessage: { ID: 'm2' } });
      expect(await view('alice', 'C2Cbob')).toMatchObject({ lastMessage: { ID: 'm3' } });
    });

    it('drops a deleted conversation from the list until a newer message arrives', async () => {
      await withApp();
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm1'), testDraft('carol', 'bob', 'c1')]);
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Calice', patch: { deletedSeq: 1 } }]);
      expect(await list('bob')).toStrictEqual(['C2Ccarol']);
      expect(await view('bob', 'C2Calice')).toMatchObject({ deletedSeq: 1 });
      await fx.store.messages.append(APP, [testDraft('alice', 'bob', 'm2')]);
      expect(await list('bob')).toStrictEqual(['C2Calice', 'C2Ccarol']);
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Cnew', patch: { draftText: 'x' } }, { conversationID: 'C2Cnew', patch: { deletedSeq: 0 } }]);
      expect(await list('bob')).toStrictEqual(['C2Calice', 'C2Ccarol']);
      await fx.store.conversations.update(APP, 'bob', [{ conversationID: 'C2Cnew', patch: { deletedSeq: null } }]);
      expect(await list('bob')).toStrictEqual(['C2Calice', 'C2Ccarol', 'C2Cnew']);
    });

    it('answers named conversations in the given order, untouched ones with defaults', async () => {
      await withApp();
      const views = await fx.store.conversations.get(APP, 'alice', ['GROUPnone', 'C2Czed']);
      expect(views).toStrictEqual([
        { conversationID: 'GROUPnone', type: 'GROUP', target: 'none', readSeq: 0, isPinned: false, draftText: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0, maxSeq: 0, unreadCount: 0, lastMessage: null },
        { conversationID: 'C2Czed', type: 'C2C', target: 'zed', readSeq: 0, isPinned: false, draftText: '', clearedSeq: 0, deletedSeq: null, updatedAt: 0, maxSeq: 0, unreadCount: 0, lastMessage: null },
      ]);
      expect(await fx.store.conversations.get(999, 'alice')).toStrictEqual([]);
    });

    it('rejects malformed conversation IDs (70402), applying none of a batch of patches', async () => {
      await withApp();
      await expectParleyRejection(fx.store.conversations.get(APP, 'alice', ['C2Cbob', 'nonsense']), ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
      await expectParleyRejection(
        fx.store.conversations.update(APP, 'alice', [{ conversationID: 'C2Cbob', patch: { isPinned: true } }, { conversationID: 'C2C', patch: {} }]),
        ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS,
      );
      expect(await view('alice', 'C2Cbob')).toMatchObject({ isPinned: false });
      await expectParleyRejection(fx.store.conversations.deleteMessages(APP, 'alice', 'GROUP', [1]), ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
      await expectParleyRejection(fx.store.conversations.update(999, 'alice', []), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND);
    });
  });

  describe('group conversations', () => {
    const groupWith = async (members: string[]): Promise<void> => {
      await withApp();
      await fx.store.groups.create(APP, testGroupRecord('g1', 'alice'), members.map((u) => testMember(u)));
    };

    it('lists one conversation per joined group, even before its first message', async () => {
      await groupWith(['alice', 'bob']);
      expect(await list('bob')).toStrictEqual(['GROUPg1']);
      expect(await list('carol')).toStrictEqual([]);
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'x')]);
      expect(await view('bob', 'GROUPg1')).toMatchObject({ type: 'GROUP', target: 'g1', maxSeq: 1, unreadCount: 1, lastMessage: { ID: 'x' } });
    });

    it('does not count group tips or targeted messages as unread, and shows a member the last message meant for them', async () => {
      await groupWith(['alice', 'bob', 'carol']);
      await fx.store.messages.append(APP, [
        testGroupDraft('alice', 'g1', 'hi'),
        testGroupDraft('@TIM#SYSTEM', 'g1', 'tip', { elements: [{ type: 'TIMGroupTipElem', content: { operationType: 1, operatorID: 'alice', userIDList: ['dave'] } }] }),
        testGroupDraft('alice', 'g1', 'for-bob', { receiverList: ['bob'] }),
      ]);
      expect(await view('carol', 'GROUPg1')).toMatchObject({ unreadCount: 1, maxSeq: 3, lastMessage: { ID: 'tip' } });
      expect(await view('bob', 'GROUPg1')).toMatchObject({ unreadCount: 1, lastMessage: { ID: 'for-bob' } });
    });

    it('starts a member who joins later with the earlier messages read', async () => {
      await groupWith(['alice']);
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'old1'), testGroupDraft('alice', 'g1', 'old2')]);
      expect(await fx.store.groupMembers.add(APP, 'g1', [testMember('bob')], 100)).toStrictEqual(['added']);
      expect(await view('bob', 'GROUPg1')).toMatchObject({ readSeq: 2, unreadCount: 0 });
      await fx.store.messages.append(APP, [testGroupDraft('alice', 'g1', 'new')]);
      expect(await view('bob', 'GROUPg1')).toMatchObject({ readSeq: 2, unreadCount: 1 });
    });
  });
}
