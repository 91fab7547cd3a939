/**
 * Three Parley nodes in one process, sharing one store, one session directory and one in-memory bus,
 * with real clients on real sockets: what a user sees must not depend on which node they reached.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, Command, ErrorCode, MessagingCommand as M, Push, type WireMessage } from '@parley/protocol';
import { ChatClient } from '../../test-support/chat-client.js';
import { RawClient } from '../../test-support/raw-client.js';
import { startTestCluster, type TestCluster, type TestNode } from '../../test-support/test-cluster.js';
import { LocalSessionDirectory } from '../sessions/local-session-directory.js';
import type { SessionDirectory } from '../sessions/session-directory.js';

let cluster: TestCluster | undefined;
const closers: { close(): void }[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c.close();
  await cluster?.close();
  cluster = undefined;
});

async function start(directory?: SessionDirectory): Promise<[TestNode, TestNode, TestNode]> {
  cluster = await startTestCluster(3, {}, directory);
  const [a, b, c] = cluster.nodes;
  return [a!, b!, c!];
}

async function login(node: TestNode, userID: string, platform = 'Web'): Promise<ChatClient> {
  const client = await ChatClient.login(node, userID, platform);
  closers.push(client);
  return client;
}

async function rawLogin(node: TestNode, userID: string, extra: Record<string, unknown> = {}) {
  const c = await RawClient.connect(node.wsUrl);
  closers.push(c);
  const res = await c.request(Command.LOGIN, { SDKAppID: node.app.sdkAppID, userID, userSig: node.sig(userID), platform: 'Web', ...extra });
  return { c, res };
}

/** A shared directory whose every answer takes 0–8 ms, as a remote one's may: answers overtake each other. */
function laggingDirectory(): SessionDirectory {
  const inner = new LocalSessionDirectory();
  return new Proxy(inner, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      return async (...args: unknown[]) => {
        // The step itself is atomic (taken at once); only its answer travels slowly.
        const result = await fn(...args);
        await new Promise((r) => setTimeout(r, Math.random() * 8));
        return result;
      };
    },
  });
}

/** Polls `check` every 5 ms until it holds (what crosses the bus arrives a little later). */
async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Sets login settings on `via` and waits until every node uses them. */
async function setLoginSettings(via: TestNode, settings: Record<string, unknown>): Promise<void> {
  const shown = async (n: TestNode) => {
    const r = await n.rest('parley_admin/get_login_settings', {});
    return JSON.stringify([r['Policy'], r['MaxInstances']]);
  };
  expect((await via.rest('parley_admin/set_login_settings', settings))['ErrorCode']).toBe(0);
  const want = await shown(via);
  for (const n of cluster!.nodes) await eventually(async () => (await shown(n)) === want, `the settings on ${n.nodeID}`);
}

/** The texts of the text messages a client was pushed, in arrival order (group tips left out). */
const texts = (c: ChatClient): string[] =>
  c.messages().flatMap((m: WireMessage) => m.elements.filter((e) => e.type === 'TIMTextElem').map((e) => String((e.content as { text?: unknown }).text)));

describe('login policy across nodes', () => {
  it('a login on node B kicks the earliest instance, on node A, with multipleAccount and names the new instance', async () => {
    const [a, b] = await start();
    const first = await rawLogin(a, 'alice');
    const second = await rawLogin(b, 'alice');
    expect(second.res.code).toBe(0);
    const kick = await first.c.nextPush(Push.KICKOUT);
    expect(kick.body).toMatchObject({ type: 'multipleAccount', kickType: 1, newInstanceInfo: { platform: 'Web', instanceID: second.res.body?.['instanceID'] } });
    expect((await first.c.closed).code).toBe(CloseCode.Kicked);
    expect((await second.c.request(Command.HELLO)).code).toBe(0);
    expect(second.c.pushes).toEqual([]);
  });

  it('with room for two web instances, the third login (node B) kicks the earliest (node A), not the newer one (node C)', async () => {
    const [a, b, c] = await start();
    await setLoginSettings(c, { MaxInstances: { Web: 2 } });
    const onA = await rawLogin(a, 'bob');
    const onC = await rawLogin(c, 'bob');
    const onB = await rawLogin(b, 'bob');
    expect([onA.res.code, onC.res.code, onB.res.code]).toEqual([0, 0, 0]);
    expect((await onA.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'multipleAccount', newInstanceInfo: { instanceID: onB.res.body?.['instanceID'] } });
    expect((await onC.c.request(Command.HELLO)).code).toBe(0);
    expect(onC.c.pushes).toEqual([]);
  });

  it('under the single policy set on node C, a phone login on node B kicks the web instance on node A with multipleDevice', async () => {
    const [a, b, c] = await start();
    await setLoginSettings(c, { Policy: 'single' });
    const web = await rawLogin(a, 'carol');
    const phone = await rawLogin(b, 'carol', { platform: 'IPhone' });
    expect(phone.res.code).toBe(0);
    expect((await web.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'multipleDevice', kickType: 2, newInstanceInfo: { platform: 'IPhone' } });
    expect((await web.c.closed).code).toBe(CloseCode.Kicked);
  });

  it('concurrent logins of one user spread over three nodes never over-admit', async () => {
    const nodes = await start();
    const sockets = await Promise.all(Array.from({ length: 30 }, (_, i) => RawClient.connect(nodes[i % 3]!.wsUrl)));
    closers.push(...sockets);
    const answers = await Promise.all(sockets.map((s) => s.request(Command.LOGIN, { SDKAppID: nodes[0].app.sdkAppID, userID: 'racer', userSig: nodes[0].sig('racer'), platform: 'Web' })));
    expect(answers.every((r) => r.code === 0)).toBe(true);
    await eventually(() => sockets.filter((s) => s.pushes.length === 0).length === 1, 'one survivor');
    const res = await nodes[1].rest('openim/query_online_status', { To_Account: ['racer'], IsNeedDetail: 1 });
    expect((res['QueryResult'] as { Detail: unknown[] }[])[0]!.Detail).toHaveLength(1);
    // Every kicked client got its own login answer before its kick (the answer resolved its request).
    for (const s of sockets.filter((x) => x.pushes.length > 0)) expect(s.pushes[0]!.ev).toBe(Push.KICKOUT);
  });

  it('with a directory that answers late and out of order, every login is answered before its kick and one survives', async () => {
    const nodes = await start(laggingDirectory());
    const sockets = await Promise.all(Array.from({ length: 24 }, (_, i) => RawClient.connect(nodes[i % 3]!.wsUrl)));
    closers.push(...sockets);
    const frames = sockets.map((s) => {
      const kinds: string[] = [];
      s.socket.on('message', (data) => {
        const f = JSON.parse(data.toString()) as { t: string; ev?: string };
        kinds.push(f.t === 'res' ? 'answer' : String(f.ev));
      });
      return kinds;
    });
    const logins = Promise.all(sockets.map((s) => s.request(Command.LOGIN, { SDKAppID: nodes[0].app.sdkAppID, userID: 'late', userSig: nodes[0].sig('late'), platform: 'Web' })));
    // A socket kicked before its answer closes unanswered: that shows as this timeout.
    const unanswered = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('a login was never answered')), 5000).unref());
    const answers = await Promise.race([logins, unanswered]);
    expect(answers.map((a) => a.code)).toEqual(answers.map(() => 0));
    await eventually(() => frames.filter((f) => f.includes(Push.KICKOUT)).length === 23, '23 kicks');
    for (const f of frames) expect(f[0]).toBe('answer');
    expect(frames.filter((f) => !f.includes(Push.KICKOUT))).toHaveLength(1);
  });

  it('a dropped instance resumes on another node; a half-open one there is closed with 4409', async () => {
    const [a, b, c] = await start();
    const first = await rawLogin(a, 'dora');
    const instanceID = first.res.body?.['instanceID'];
    const again = await RawClient.connect(b.wsUrl);
    closers.push(again);
    const res = await again.request(Command.LOGIN, { SDKAppID: b.app.sdkAppID, userID: 'dora', userSig: b.sig('dora'), platform: 'Web', instanceID });
    expect(res.body).toMatchObject({ instanceID, resumed: true });
    expect((await first.c.closed).code).toBe(CloseCode.Replaced);
    const online = await c.rest('openim/query_online_status', { To_Account: ['dora'], IsNeedDetail: 1 });
    expect((online['QueryResult'] as { State: string }[])[0]?.State).toBe('Online');
  });
});

describe('messages across nodes', () => {
  it('a C2C conversation between users on different nodes arrives once and in order, on every instance', async () => {
    const [a, b, c] = await start();
    await setLoginSettings(a, { Policy: 'multi' });
    const alice = await login(a, 'alice');
    const bob = await login(b, 'bob');
    const alicePhone = await login(c, 'alice', 'Android');
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) {
      sent.push(`m${i}`);
      await alice.ok(M.SEND, alice.textBody('C2C', 'bob', `m${i}`));
    }
    await bob.until(() => bob.messages().length >= 30, 'the messages on node B');
    await alicePhone.until(() => alicePhone.messages().length >= 30, "the sender's copies on node C");
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(bob)).toEqual(sent);
    expect(texts(alicePhone)).toEqual(sent);
    expect(alice.messages()).toEqual([]);
  });

  it('a group message reaches the members on every node, and a member added on another node gets the next one', async () => {
    const [a, b, c] = await start();
    await a.rest('im_open_login_svc/multiaccount_import', { Accounts: ['m1', 'm2', 'm3', 'm4'] });
    const created = await a.rest('group_open_http_svc/create_group', { Owner_Account: 'm1', Type: 'Public', GroupId: 'crew', Name: 'Crew', MemberList: [{ Member_Account: 'm2' }, { Member_Account: 'm3' }] });
    expect(created['ErrorCode']).toBe(0);
    const m1 = await login(a, 'm1');
    const m2 = await login(b, 'm2');
    const m3 = await login(c, 'm3');
    await m1.ok(M.SEND, m1.textBody('GROUP', 'crew', 'first'));
    for (const m of [m2, m3]) await m.until(() => m.messages().length === 1, 'the first group message');
    // Node A has cached the member list; m4 is added through node C and logs in on node B.
    expect((await c.rest('group_open_http_svc/add_group_member', { GroupId: 'crew', MemberList: [{ Member_Account: 'm4' }] }))['ErrorCode']).toBe(0);
    await cluster!.bus.settled();
    const m4 = await login(b, 'm4');
    await m1.ok(M.SEND, m1.textBody('GROUP', 'crew', 'second'));
    for (const m of [m2, m3, m4]) await m.until(() => texts(m).includes('second'), `the second group message for ${m.userID}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(m2)).toEqual(['first', 'second']);
    expect(texts(m3)).toEqual(['first', 'second']);
    expect(texts(m4)).toEqual(['second']);
    expect(texts(m1)).toEqual([]);
  });
});

describe('REST on one node, effects on the others', () => {
  it('a REST kick sent to node C reaches the instance on node A; the old UserSig then fails on node B', async () => {
    const [a, b, c] = await start();
    const oldSig = a.sig('erin', 3600);
    const onA = await rawLogin(a, 'erin', { userSig: oldSig });
    expect((await c.rest('im_open_login_svc/kick', { UserID: 'erin' }))['ErrorCode']).toBe(0);
    expect((await onA.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'REST_API_Kick', kickType: 3 });
    expect((await onA.c.closed).code).toBe(CloseCode.Kicked);
    await cluster!.bus.settled();
    const retry = await RawClient.connect(b.wsUrl);
    closers.push(retry);
    expect((await retry.request(Command.LOGIN, { SDKAppID: b.app.sdkAppID, userID: 'erin', userSig: oldSig, platform: 'Web' })).code).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_USERSIG);
    expect((await retry.request(Command.LOGIN, { SDKAppID: b.app.sdkAppID, userID: 'erin', userSig: b.sig('erin', 7200), platform: 'Web' })).code).toBe(0);
  });

  it("a REST account delete on node B kicks the account on node C and clears node A's known accounts", async () => {
    const [a, b, c] = await start();
    await a.rest('im_open_login_svc/multiaccount_import', { Accounts: ['frank', 'gone'] });
    const frank = await login(a, 'frank');
    await frank.ok(M.SEND, frank.textBody('C2C', 'gone', 'hello'));
    const goneOnC = await rawLogin(c, 'gone');
    const deleted = await b.rest('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'gone' }] });
    expect(deleted['ErrorCode']).toBe(0);
    expect((await goneOnC.c.nextPush(Push.KICKOUT)).body).toMatchObject({ type: 'REST_API_Kick' });
    await cluster!.bus.settled();
    expect(await frank.code(M.SEND, frank.textBody('C2C', 'gone', 'still there?'))).toBe(ErrorCode.ERR_SVR_MSG_INVALID_ID);
  });

  it('the connection count an admin reads on any node is the whole cluster\'s', async () => {
    const [a, b, c] = await start();
    await login(a, 'u1');
    await login(b, 'u2');
    await login(b, 'u3');
    for (const n of [a, b, c]) {
      await eventually(async () => (await n.rest('parley_admin/get_app_info', {}))['Connections'] === 3, `3 connections seen by ${n.nodeID}`);
    }
  });
});
