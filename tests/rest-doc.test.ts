/**
 * docs/REST.md against the routes the composed server registers: every route is documented, and the
 * document names no route that does not exist. The list comes from `createParleyServer`'s
 * `restRoutes`, so a route added to a feature without a doc row (or a row left behind by a removed
 * route) fails here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createParleyServer } from '@parley/server';
import { openSqliteStore } from '@parley/store-sqlite';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The `service/command` paths docs/REST.md names: each `## Title (`service`)` section's table rows
 * whose first cell holds backticked commands (`` `a` (and legacy `b`) `` names two).
 */
function documentedRoutes(markdown: string): { path: string; line: number }[] {
  const found: { path: string; line: number }[] = [];
  let service: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const heading = /^##\s.*\(`([a-z0-9_]+)`\)\s*$/.exec(text);
    if (heading) service = heading[1];
    else if (text.startsWith('## ')) service = undefined;
    const row = /^\|\s*([^|]*`[^|]*)\|/.exec(text);
    if (!row || service === undefined || /^-+$/.test(row[1]?.trim() ?? '')) return;
    for (const m of (row[1] ?? '').matchAll(/`([a-z0-9_]+)`/g)) found.push({ path: `${service}/${m[1]}`, line: i + 1 });
  });
  return found;
}

describe('docs/REST.md', () => {
  it('documents every registered route and no other', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const server = createParleyServer({ store, processMetrics: false });
    try {
      const registered = [...server.restRoutes].sort();
      const documented = documentedRoutes(readFileSync(join(ROOT, 'docs/REST.md'), 'utf8'));
      const inDoc = new Set(documented.map((d) => d.path));
      expect(registered.length).toBeGreaterThan(15);
      expect(registered.filter((p) => !inDoc.has(p)), 'routes missing from docs/REST.md').toEqual([]);
      const known = new Set(registered);
      expect(documented.filter((d) => !known.has(d.path)).map((d) => `line ${d.line}: ${d.path}`), 'docs/REST.md names routes that do not exist').toEqual([]);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('reads section services and legacy aliases from the tables', () => {
    const doc = ['## Online (`openim`)', '', '| command | request |', '|---|---|', '| `query_online_status` (and legacy `querystate`) | `{"To_Account": [..]}` |', '## Notes', '| `not_a_route` | x |'].join('\n');
    expect(documentedRoutes(doc)).toEqual([
      { path: 'openim/query_online_status', line: 5 },
      { path: 'openim/querystate', line: 5 },
    ]);
  });
});
