/**
 * What tests/tuikit needs around Tencent's UI kit: where the two test apps live, whether they are
 * installed, building them with Vite (their own vite.config.js, which aliases Tencent's SDK module
 * names to @parley/sdk), a static file server for the built pages, and a Chromium page that records
 * every console error and uncaught exception the kit produces.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** The repository's root folder (ends with `/`). */
export const root = new URL('../../', import.meta.url).pathname;
/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshots of every step are kept (git-ignored; CI keeps the folder as an artifact). */
export const ARTIFACTS = join(root, 'tests/tuikit/artifacts');

/** One TUIKit React line under test: its test app folder and the exact kit version it pins. */
export interface KitLine {
  /** `v6` (the `@tencentcloud/lite-chat` line) or `v2` (the classic `@tencentcloud/chat` line). */
  readonly name: 'v6' | 'v2';
  /** The `@tencentcloud/chat-uikit-react` version the app's package.json pins. */
  readonly version: string;
  /** The test app's folder (its own package.json, node_modules and vite.config.js). */
  readonly dir: string;
}

export const KIT_LINES: readonly KitLine[] = [
  { name: 'v6', version: '6.1.7', dir: join(root, 'tests/tuikit/app-v6') },
  { name: 'v2', version: '2.3.1', dir: join(root, 'tests/tuikit/app-v2') },
];

/** The installed kit version of `line`'s app, or undefined when its node_modules lack the kit. */
export function installedKitVersion(line: KitLine): string | undefined {
  const pkg = join(line.dir, 'node_modules/@tencentcloud/chat-uikit-react/package.json');
  if (!existsSync(pkg)) return undefined;
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version;
}

/** Why the suite cannot run here (with how to make it run), or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  const install = KIT_LINES.map((l) => `(cd ${l.dir.slice(root.length)} && npm ci --legacy-peer-deps)`).join(' && ');
  for (const line of KIT_LINES) {
    const v = installedKitVersion(line);
    if (v !== line.version) return `TUIKit React ${line.version} is not installed in ${line.dir.slice(root.length)} (found ${v ?? 'nothing'}); install the test apps with: ${install}, or run .ci/run`;
  }
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing; install it with: apt-get install -y chromium, or run .ci/run`;
  return undefined;
}

/**
 * Builds `line`'s app into its dist/ folder with Vite and the app's own vite.config.js. Vite is the
 * repository's (the one vitest runs on), so the test apps need no bundler of their own.
 */
export async function buildApp(line: KitLine): Promise<string> {
  const { build } = await import('vite');
  await build({ root: line.dir, configFile: join(line.dir, 'vite.config.js'), logLevel: 'error' });
  return join(line.dir, 'dist');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A static file server on 127.0.0.1 (port 0) serving `folders` under `/<key>/`. */
export async function serveStatic(folders: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, key = '', ...rest] = path.split('/');
    const base = folders[key];
    const file = base === undefined ? undefined : normalize(join(base, rest.join('/') || 'index.html'));
    if (file === undefined || base === undefined || !file.startsWith(base + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A page and everything it reported: console errors and warnings, uncaught exceptions, failed requests. */
export interface KitPage {
  readonly page: Page;
  /** Console errors/warnings and uncaught exceptions, in order, as `kind: text`. */
  readonly problems: string[];
}

/** Opens a fresh context's page recording its problems (Chromium on a busy 2-core machine: be patient). */
export async function openKitPage(browser: Browser): Promise<KitPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const problems: string[] = [];
  // The kit loads its default avatars and emoji from Tencent's CDN: this test talks to this machine
  // only, so every other address is refused before it is even looked up (a broken image, no traffic).
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => {
      problems.push(`blocked off-machine request: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('ERR_BLOCKED_BY_CLIENT')) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!r.failure()?.errorText.startsWith('net::ERR_BLOCKED_BY_CLIENT')) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return { page, problems };
}

/** Chromium's flags for a headless run as root in a container. */
export const CHROMIUM_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
