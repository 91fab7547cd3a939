/**
 * The "try it" page as a person uses it: a real Parley server serving the built browser SDK, Debian's
 * Chromium opening the page, typing nothing (the query string prefills the form) and clicking
 * "Log in". Proves that the SDK's ES modules load through the page's import map, that a browser's own
 * WebSocket reaches the gateway, and that the default one-web-instance policy kicks the older tab.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test-support/test-server.js';
import { settle } from '../support/events.js';
import { cleanUpCli, serve, tempDir } from '../support/parley-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`browser tests skipped: ${CHROMIUM} is missing (enable them with: apt-get install -y chromium)`);

const root = new URL('../../', import.meta.url).pathname;
const sdkDist = join(root, 'packages/sdk/dist');
const protocolDist = join(root, 'packages/protocol/dist');
/** Where the screenshots go, so a person can look at what the page shows. */
const shots = join(tmpdir(), 'parley-browser-tests');

/** How long the page may take to show a log line: module loading, WebSocket, login and sync (ms). */
const LOG_WAIT_MS = 15_000;

// Opening a page costs a second or more on a busy 2-core machine, and a test opens up to three.
describe.skipIf(!hasChromium)('the try page in a real Chromium', { timeout: 60_000 }, () => {
  let ts: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  /** Everything the pages printed as console errors or threw, tagged with the page's name. */
  let problems: string[];

  beforeAll(async () => {
    if (!existsSync(join(sdkDist, 'index.js')) || !existsSync(join(protocolDist, 'index.js'))) {
      const built = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b'], { cwd: root, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
    }
    ts = await startTestServer({ clientAssets: { sdk: sdkDist, protocol: protocolDist } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ts?.close();
  });

  beforeEach(async () => {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  });

  // Closing the context closes its pages and so their WebSockets: the next test starts logged out.
  afterEach(async () => {
    await context.close();
    cleanUpCli();
  });

  /** Opens the page prefilled for `userID` and records its console errors and uncaught exceptions. */
  async function openTryPage(name: string, userID: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${name} console: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${name} HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`${name} uncaught: ${e.message}`));
    const q = new URLSearchParams({ sdkappid: String(ts.app.sdkAppID), userid: userID, usersig: ts.sig(userID) });
    const res = await page.goto(`${ts.url}/?${q.toString()}`);
    expect(res?.status()).toBe(200);
    // The module script sets this last, so the SDK's modules have loaded and the form is wired.
    await page.waitForFunction(() => (window as { parleyReady?: boolean }).parleyReady === true, undefined, { timeout: LOG_WAIT_MS });
    return page;
  }

  const logLines = async (page: Page) => ((await page.textContent('#log')) ?? '').split('\n').filter((l) => l !== '');

  /** Waits until the page's event log has a line starting with `prefix`. */
  async function waitForLog(page: Page, prefix: string): Promise<void> {
    await page.waitForFunction((p) => (document.getElementById('log')?.textContent ?? '').split('\n').some((l) => l.startsWith(p)), prefix, {
      timeout: LOG_WAIT_MS,
    });
  }

  const status = async (page: Page) => ({ state: await page.getAttribute('#status', 'data-state'), text: await page.textContent('#status') });

  async function screenshot(page: Page, file: string): Promise<Buffer> {
    mkdirSync(shots, { recursive: true });
    const path = join(shots, file);
    await page.screenshot({ path, fullPage: true });
    return readFileSync(path);
  }

  it('prefills the form from the query string, logs in with the SDK from /sdk/ and shows "login ok" then SDK_READY', async () => {
    const page = await openTryPage('alice', 'alice');
    expect(await page.inputValue('#sdkappid')).toBe(String(ts.app.sdkAppID));
    expect(await page.inputValue('#userid')).toBe('alice');
    expect(await page.isDisabled('#logout')).toBe(true);
    expect(await status(page)).toEqual({ state: 'idle', text: 'Not logged in' });

    await page.click('#go');
    await waitForLog(page, 'SDK_READY');
    const lines = await logLines(page);
    const ok = lines.findIndex((l) => l.startsWith('login ok'));
    const ready = lines.indexOf('SDK_READY');
    expect(ok, lines.join('\n')).toBeGreaterThanOrEqual(0);
    expect(ready, lines.join('\n')).toBeGreaterThan(ok);
    expect(lines.some((l) => l.startsWith('login failed'))).toBe(false);
    expect(await page.isDisabled('#logout')).toBe(false);
    expect(await page.isDisabled('#go')).toBe(true);
    expect(await status(page)).toEqual({ state: 'ready', text: 'Ready as alice' });

    // The server agrees that alice is online from the browser's Web platform.
    const online = await ts.rest('openim/query_online_status', { To_Account: ['alice'] });
    expect(online.QueryResult).toEqual([{ To_Account: 'alice', State: 'Online' }]);

    const png = await screenshot(page, 'try-page-ready.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(problems).toEqual([]);
  });

  it('a second tab logging in as the same user kicks the first (KICKED_OUT multipleAccount) and stays ready', async () => {
    const first = await openTryPage('first tab', 'alice');
    await first.click('#go');
    await waitForLog(first, 'SDK_READY');

    const second = await openTryPage('second tab', 'alice');
    await second.click('#go');
    await waitForLog(second, 'SDK_READY');
    await waitForLog(first, 'KICKED_OUT');
    expect(await logLines(first)).toContain('KICKED_OUT multipleAccount');
    expect(await status(first)).toEqual({ state: 'kicked', text: 'Kicked out (multipleAccount)' });
    expect(await first.isDisabled('#go')).toBe(false);

    // Nothing arrives later that takes the second tab down.
    await settle(500);
    const secondLines = await logLines(second);
    expect(secondLines.some((l) => l.startsWith('KICKED_OUT') || l === 'SDK_NOT_READY'), secondLines.join('\n')).toBe(false);
    expect(await status(second)).toEqual({ state: 'ready', text: 'Ready as alice' });
    const online = await ts.rest('openim/query_online_status', { To_Account: ['alice'] });
    expect(online.QueryResult).toEqual([{ To_Account: 'alice', State: 'Online' }]);

    await screenshot(first, 'try-page-kicked.png');
    expect(problems).toEqual([]);
  });

  it('a kicked tab can log in again, once, and in turn kicks the other tab', async () => {
    const first = await openTryPage('first tab', 'carol');
    await first.click('#go');
    await waitForLog(first, 'SDK_READY');
    const second = await openTryPage('second tab', 'carol');
    await second.click('#go');
    await waitForLog(first, 'KICKED_OUT');

    const before = (await logLines(first)).length;
    await first.click('#go');
    await waitForLog(second, 'KICKED_OUT');
    await first.waitForFunction(() => document.getElementById('status')?.dataset['state'] === 'ready', undefined, { timeout: LOG_WAIT_MS });
    await settle(300);
    // One SDK instance per login: the events of the new login are logged once, not once per login so far.
    const again = (await logLines(first)).slice(before);
    expect(again.filter((l) => l === 'SDK_READY'), again.join('\n')).toHaveLength(1);
    expect(again.filter((l) => l.startsWith('login ok')), again.join('\n')).toHaveLength(1);
    expect(await logLines(second)).toContain('KICKED_OUT multipleAccount');
    expect(problems).toEqual([]);
  });

  it('logs out with the Log out button, and the server then sees the user offline', async () => {
    const page = await openTryPage('dave', 'dave');
    await page.click('#go');
    await waitForLog(page, 'SDK_READY');
    await page.click('#logout');
    await waitForLog(page, 'logged out');
    expect(await status(page)).toEqual({ state: 'idle', text: 'Logged out' });
    expect(await page.isDisabled('#logout')).toBe(true);
    expect(await page.isDisabled('#go')).toBe(false);
    const online = await ts.rest('openim/query_online_status', { To_Account: ['dave'] });
    expect(online.QueryResult).toEqual([{ To_Account: 'dave', State: 'Offline' }]);
    expect(problems).toEqual([]);
  });

  it('opens the URL `parley serve` printed and logs in as printed, with one click', async () => {
    const s = await serve(['--data', tempDir()]);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`printed URL uncaught: ${e.message}`));
    await page.goto(s.tryUrl ?? 'about:blank');
    await page.waitForFunction(() => (window as { parleyReady?: boolean }).parleyReady === true, undefined, { timeout: LOG_WAIT_MS });
    await page.click('#go');
    await waitForLog(page, 'SDK_READY');
    expect(await status(page)).toEqual({ state: 'ready', text: 'Ready as user1' });
    expect(problems).toEqual([]);
  });

  it('shows received messages and sends a text to a UserID', async () => {
    const bob = await openTryPage('bob', 'bob');
    await bob.click('#go');
    await waitForLog(bob, 'SDK_READY');
    const alice = await openTryPage('alice', 'alice');
    await alice.click('#go');
    await waitForLog(alice, 'SDK_READY');
    await alice.fill('#to', 'bob');
    await alice.fill('#text', 'hi bob, from a browser');
    await alice.click('#send');
    await bob.waitForSelector('#messages li[data-flow=in]', { timeout: LOG_WAIT_MS });
    expect(await bob.textContent('#messages li[data-flow=in]')).toBe('alice → bob: hi bob, from a browser');
    expect(await alice.textContent('#messages li[data-flow=out]')).toBe('alice → bob: hi bob, from a browser');
    expect(await alice.inputValue('#text')).toBe('');
    // And back: the reply shows on alice's page as received.
    await bob.fill('#to', 'alice');
    await bob.fill('#text', 'hello alice');
    await bob.click('#send');
    await alice.waitForSelector('#messages li[data-flow=in]', { timeout: LOG_WAIT_MS });
    expect(await alice.textContent('#messages li[data-flow=in]')).toBe('bob → alice: hello alice');
    await screenshot(bob, 'try-page-messages.png');
    expect(problems).toEqual([]);
  });

  it('on a 390 px wide phone screen no button wraps its label', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await openTryPage('phone', 'erin');
    const heights = await page.evaluate(() =>
      ['go', 'logout', 'send'].map((id) => {
        const el = document.getElementById(id) as HTMLElement;
        return { id, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) };
      }),
    );
    for (const b of heights) expect(b.height, `${b.id} is ${b.height}px high for a ${b.line}px line`).toBeLessThan(b.line * 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'try-page-390px.png');
    expect(problems).toEqual([]);
  });

  it('shows a wrong UserSig as "login failed" with Tencent\'s error code, without a page error', async () => {
    const page = await openTryPage('bad sig', 'bob');
    await page.fill('#usersig', ts.sig('mallory'));
    await page.click('#go');
    await waitForLog(page, 'login failed');
    expect((await logLines(page)).find((l) => l.startsWith('login failed'))).toMatch(/^login failed: 70\d{3} /);
    expect(await status(page)).toEqual({ state: 'failed', text: expect.stringMatching(/^Login failed \(70\d{3}\)$/) });
    expect(await page.isDisabled('#go')).toBe(false);
    await screenshot(page, 'try-page-failed.png');
    expect(problems).toEqual([]);
  });
});
