/**
 * Serves the browser build of the client SDK (and its protocol dependency) plus a small "try it"
 * page, so a newcomer can log in from a browser with nothing but the running server. The CLI passes
 * the directories; the server never imports the SDK itself.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { tryPage } from './try-page.js';

/** URL prefix → directory of built ES modules, e.g. `{ sdk: '/…/packages/sdk/dist' }`. */
export interface ClientAssets {
  /** Directory of the built `@parley/sdk` (served at `/sdk/`). */
  readonly sdk: string;
  /** Directory of the built `@parley/protocol` (served at `/sdk-protocol/`). */
  readonly protocol: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** Registers `/`, `/sdk/*` and `/sdk-protocol/*`. */
export function registerClientAssets(http: FastifyInstance, assets: ClientAssets): void {
  const serve = (prefix: string, dir: string) =>
    http.get(`${prefix}*`, async (req, reply) => {
      const rel = (req.params as { '*'?: unknown })['*'];
      const file = typeof rel === 'string' ? normalize(join(dir, rel)) : '';
      const type = TYPES[extname(file)];
      // Only files inside `dir` with a known extension: no traversal, no directory listings.
      if (!file.startsWith(dir + sep) || !type) return reply.code(404).send({ error: 'not found' });
      try {
        const body = await readFile(file);
        return reply.header('content-type', type).header('cache-control', 'no-cache').send(body);
      } catch {
        return reply.code(404).send({ error: 'not found' });
      }
    });
  serve('/sdk/', normalize(assets.sdk));
  serve('/sdk-protocol/', normalize(assets.protocol));
  http.get('/', async (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(tryPage()));
}
