/**
 * Tencent's own React UI kit, unmodified, on Parley: TUIKit React 6.1.7 (the `@tencentcloud/lite-chat`
 * line) and 2.3.1 (the classic `@tencentcloud/chat` line), each installed from npm into its own
 * test app (tests/tuikit/app-v6, app-v2), bundled by Vite with Tencent's SDK module names aliased to
 * `@parley/sdk`, logged in through Tencent's `proxyServer` login option against a real
 * `parley serve`, and driven in Debian's Chromium the way a person uses it. Each step keeps a
 * screenshot in tests/tuikit/artifacts/.
 *
 * Needs the test apps installed (`npm ci --legacy-peer-deps` in each) and /usr/bin/chromium:
 * `.ci/run` installs both; without them the suite is skipped with the command to run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genUserSig } from '@parley/usersig';
import TencentCloudChat, { type Message } from '@parley/sdk';
import { chromium, type Browser } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpCli, ensureBuilt, serve, tempDir, type Served } from '../support/parley-cli.js';
import { waitUntil } from '../support/events.js';
import { ARTIFACTS, buildApp, CHROMIUM, CHROMIUM_ARGS, KIT_LINES, missingPrerequisite, openKitPage, serveStatic, type KitPage } from './tuikit-harness.js';

const missing = missingPrerequisite();
if (missing) console.log(`TUIKit suite skipped: ${missing}`);

/** How long the kit may take to show something after an action (module loading, login, sync), ms. */
const UI_WAIT_MS = 20_000;

type Chat = ReturnType<typeof TencentCloudChat.create>;

/** The seeded people: the kit's user, the peer they chat with, and someone asking to be a friend. */
const PEOPLE = {
  bob: { nick: 'Bob Builder', face: 'https://example.invalid/bob.png' },
  carol: { nick: 'Carol Singer', face: 'https://example.invalid/carol.png' },
} as const;

describe.skipIf(missing !== undefined)('Tencent TUIKit React on Parley', { timeout: 120_000 }, () => {
  let served: Served;
  let admin: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const dists: Record<string, string> = {};

  const sig = (userID: string) => genUserSig({ sdkAppID: served.sdkAppID, key: served.key, userID });

  /** Calls Parley's REST API as the app admin; resolves the parsed Tencent envelope. */
  async function rest(path: string, body: unknown): Promise<{ ActionStatus: string; ErrorCode: number; ErrorInfo?: string } & Record<string, unknown>> {
    const q = new URLSearchParams({ sdkappid: String(served.sdkAppID), identifier: admin, usersig: served.adminSig, random: '1', contenttype: 'json' });
    const res = await fetch(`${served.httpUrl}/v4/${path}?${q.toString()}`, { method: 'POST', body: JSON.stringify(body) });
    return (await res.json()) as { ActionStatus: string; ErrorCode: number };
  }

  /** A logged-in Node client on Parley's SDK (the peer on the other side of the kit). */
  async function nodeClient(userID: string): Promise<Chat> {
    const chat = TencentCloudChat.create({ SDKAppID: served.sdkAppID, server: served.wsUrl, WebSocket, isolated: true } as Parameters<typeof TencentCloudChat.create>[0]);
    const ready = new Promise<void>((resolve) => chat.on(TencentCloudChat.EVENT.SDK_READY, () => resolve()));
    await chat.login({ userID, userSig: sig(userID) });
    await ready;
    return chat;
  }

  async function sendText(from: Chat, to: string, text: string): Promise<void> {
    const res = await from.sendMessage(from.createTextMessage({ to, conversationType: TencentCloudChat.TYPES.CONV_C2C, payload: { text } }));
    expect(res.code).toBe(0);
  }

  beforeAll(async () => {
    ensureBuilt();
    for (const line of KIT_LINES) dists[line.name] = await buildApp(line);
    served = await serve(['--data', tempDir('parley-tuikit-')]);
    admin = /Admin UserSig \(([^,]+),/.exec(served.out())?.[1] ?? 'administrator';
    site = await serveStatic(dists);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    cleanUpCli();
  });

  for (const line of KIT_LINES) {
    describe(`TUIKit React ${line.version}`, () => {
      /** Each line has its own users, so the two lines' conversations never mix. */
      const me = `kit${line.name}`;
      const bob = `bob${line.name}`;
      const carol = `carol${line.name}`;
      let kit: KitPage;
      let peer: Chat;
      const received: Message[] = [];
      let loggedIn = false;
      /** Steps after the login fail at once, not after a time-out each, when the kit never logged in. */
      const needLogin = () => {
        if (!loggedIn) throw new Error(`TUIKit ${line.version} did not log in:\n${kit.problems.join('\n')}`);
      };

      const shot = (step: string) => kit.page.screenshot({ path: join(ARTIFACTS, `${line.name}-${step}.png`), fullPage: true });
      /** The page's visible text, for assertions that read the screen as a person does. */
      const screenText = async () => (await kit.page.locator('body').innerText()).replace(/\s+/g, ' ');
      /** Waits for `text` on screen; on a time-out the error lists what the kit reported. */
      async function waitForText(text: string | RegExp, what: string): Promise<void> {
        try {
          await kit.page.getByText(text).first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
        } catch {
          throw new Error(`${what}: "${String(text)}" never showed.\nScreen: ${(await screenText()).slice(0, 1500)}\nKit reported:\n${kit.problems.join('\n')}`);
        }
      }

      beforeAll(async () => {
        for (const [id, p] of [[bob, PEOPLE.bob], [carol, PEOPLE.carol], [me, { nick: `Kit ${line.name}`, face: '' }]] as const) {
          const res = await rest('im_open_login_svc/account_import', { UserID: id, Nick: p.nick, FaceUrl: p.face });
          expect(res.ErrorCode, JSON.stringify(res)).toBe(0);
        }
        peer = await nodeClient(bob);
        peer.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, (e: { data: Message[] }) => received.push(...e.data));
        await sendText(peer, me, 'Hi, it is Bob');
        await sendText(peer, me, 'Are you there?');
        kit = await openKitPage(browser);
      }, 60_000);

      afterAll(async () => {
        // What the kit reported (missing SDK methods show up here as "is not a function"), kept beside the screenshots.
        if (kit) writeFileSync(join(ARTIFACTS, `${line.name}-console.txt`), kit.problems.join('\n') + '\n');
        await peer?.logout().catch(() => undefined);
        await kit?.page.context().close();
      });

      it('logs in through TUILogin with proxyServer pointing at parley serve', async () => {
        const q = new URLSearchParams({ sdkappid: String(served.sdkAppID), userid: me, usersig: sig(me), server: served.wsUrl });
        await kit.page.goto(`${site.url}/${line.name}/index.html?${q.toString()}`);
        await kit.page.locator('[data-login-status="success"]').waitFor({ timeout: UI_WAIT_MS }).catch(async () => {
          await shot('1-login-failed');
          throw new Error(`login did not succeed: ${await kit.page.locator('[data-login-status]').first().getAttribute('data-login-error')}\n${kit.problems.join('\n')}`);
        });
        loggedIn = true;
        await shot('1-login');
      });

      /** The conversation list's row with the peer: the innermost element holding the preview and the unread badge "2". */
      const row = () =>
        kit.page.locator('li, div').filter({ hasText: 'Are you there?' }).filter({ has: kit.page.getByText('2', { exact: true }) }).last();

      it('lists the conversation with the peer: last message preview and unread badge 2', async () => {
        needLogin();
        await waitForText('Are you there?', 'last message preview');
        await shot('2-conversation-list');
        await row().waitFor({ timeout: UI_WAIT_MS });
        expect(await row().innerText()).toMatch(new RegExp(`${bob}|${PEOPLE.bob.nick}`));
      });

      it('shows the peer by the nickname from their profile', async () => {
        needLogin();
        await waitForText(PEOPLE.bob.nick, 'nickname in the conversation list');
        expect(await row().innerText()).toContain(PEOPLE.bob.nick);
      });

      it('opens the conversation and shows its history', async () => {
        needLogin();
        await kit.page.getByText('Are you there?').first().click();
        await waitForText('Hi, it is Bob', 'history');
        await shot('3-history');
      });

      it('sends a text that a Node client on Parley\'s SDK receives', async () => {
        needLogin();
        const editor = kit.page.locator('[contenteditable="true"], textarea').first();
        await editor.click();
        await kit.page.keyboard.type(`Hello from TUIKit ${line.version}`);
        await kit.page.keyboard.press('Enter');
        await waitUntil(() => received.some((m) => m.from === me && (m.payload as { text?: string }).text === `Hello from TUIKit ${line.version}`), UI_WAIT_MS, 'the Node client to receive the kit\'s text');
        await shot('4-sent');
      });

      it('renders the peer\'s reply', async () => {
        needLogin();
        const reply = `Got it, ${line.name}!`;
        await sendText(peer, me, reply);
        await waitForText(reply, 'reply');
        // Once in the open conversation's message list, once as the list's preview.
        await expect.poll(() => kit.page.getByText(reply).count(), { timeout: UI_WAIT_MS }).toBeGreaterThanOrEqual(2);
        await shot('5-reply');
      });

      it('shows the friend list and a pending friend application on the contacts screen', async () => {
        needLogin();
        const imported = await rest('sns/friend_import', { From_Account: me, AddFriendItem: [{ To_Account: bob, AddSource: 'AddSource_Type_Test' }] });
        expect(imported.ErrorCode, JSON.stringify(imported)).toBe(0);
        const back = await rest('sns/friend_import', { From_Account: bob, AddFriendItem: [{ To_Account: me, AddSource: 'AddSource_Type_Test' }] });
        expect(back.ErrorCode, JSON.stringify(back)).toBe(0);
        const asked = await rest('sns/friend_add', { From_Account: carol, AddFriendItem: [{ To_Account: me, AddSource: 'AddSource_Type_Test', AddWording: 'Carol here' }], AddType: 'Add_Type_Both' });
        expect(asked.ErrorCode, JSON.stringify(asked)).toBe(0);
        await kit.page.locator('[data-tab="contacts"]').click();
        // The kit folds its sections: "New contacts" / "Contacts" (6.x), "New Contacts" / "Friends" (2.x); open them.
        for (const title of [/^new contacts$/i, /^(contacts|friends)$/i]) {
          const header = kit.page.getByText(title).first();
          if (await header.isVisible().catch(() => false)) await header.click();
        }
        await waitForText(PEOPLE.carol.nick, 'pending friend application');
        await waitForText(PEOPLE.bob.nick, 'friend list');
        await shot('6-contacts');
      });
    });
  }
});
