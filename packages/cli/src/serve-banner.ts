/**
 * What `parley serve` prints once it listens: where it is, a browser URL that logs in as printed,
 * the app it describes (and that there are others, when there are), a UserSig, and commands that
 * run as printed in bash and zsh (values single-quoted: UserSigs contain `*`, which zsh would glob).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppRecord } from '@parley/store';
import { describeApp } from './app-command.js';

/** What the banner describes. */
export interface BannerInput {
  /** The bound HTTP URL, e.g. `http://0.0.0.0:9000`. */
  readonly url: string;
  /** The bound WebSocket URL. */
  readonly wsUrl: string;
  /** The HTTP URL a browser on this machine can open (never a wildcard address). */
  readonly browserUrl: string;
  /** Whether the server offers the browser SDK and so the try-it page. */
  readonly tryPage: boolean;
  readonly dataDir: string;
  readonly app: AppRecord;
  /** Whether the app was created by this start. */
  readonly created: boolean;
  /** How many apps the data directory holds. */
  readonly appCount: number;
  /** The example user and their UserSig. */
  readonly user: { readonly userID: string; readonly userSig: string };
  /** How to run the `parley` command from the operator's shell, e.g. `npx parley`. */
  readonly parleyCommand: string;
}

/** Quotes a value for bash and zsh: always single quotes (nothing inside expands), a quote as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The host a browser should use for a bound host: a wildcard address (`0.0.0.0`, `::`) means every
 * interface, which a browser cannot open, so the loopback address stands in for it.
 */
export function browserHost(boundHost: string): string {
  if (boundHost === '0.0.0.0' || boundHost === '') return '127.0.0.1';
  if (boundHost === '::' || boundHost === '[::]') return '[::1]';
  return boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
}

/**
 * How the operator runs `parley` from `cwd`: `npx parley` where the checkout's install linked the
 * command (its `node_modules/.bin/parley`), otherwise `node <absolute path of the CLI>`, which works anywhere.
 */
export function parleyCommand(cwd: string = process.cwd(), binPath: string = fileURLToPath(new URL('./bin.js', import.meta.url))): string {
  if (existsSync(join(cwd, 'node_modules', '.bin', 'parley'))) return 'npx parley';
  return `node ${shellQuote(resolve(binPath))}`;
}

/** The try-it URL, prefilled so that pressing "Log in" works as printed. */
export function tryItUrl(browserUrl: string, sdkAppID: number, userID: string, userSig: string): string {
  const q = new URLSearchParams({ sdkappid: String(sdkAppID), userid: userID, usersig: userSig });
  return `${browserUrl}/?${q.toString()}`;
}

/** The banner's lines. */
export function serveBanner(input: BannerInput): string {
  const { app, parleyCommand: parley } = input;
  const dir = shellQuote(input.dataDir);
  const which = input.created
    ? 'Created a new application:'
    : input.appCount > 1
      ? `Application ${app.sdkAppID} (one of ${input.appCount} in this data directory; list them with: ${parley} app list --data ${dir}):`
      : 'Application:';
  return [
    `Parley listening on ${input.url} (WebSocket ${input.wsUrl})`,
    ...(input.tryPage ? [`Try it in a browser: ${tryItUrl(input.browserUrl, app.sdkAppID, input.user.userID, input.user.userSig)}`] : []),
    `Data directory: ${input.dataDir}`,
    which,
    describeApp(app),
    `Example UserSig for user "${input.user.userID}" (valid 24 h):`,
    `  ${input.user.userSig}`,
    "For the README's commands, set these in your shell:",
    `  export SDKAPPID=${shellQuote(String(app.sdkAppID))} SECRET_KEY=${shellQuote(app.secretKey)}`,
    `Make more UserSigs with: ${parley} usersig gen --sdkappid "$SDKAPPID" --key "$SECRET_KEY" --user 'alice'`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
