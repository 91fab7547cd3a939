/**
 * docs/ARCHITECTURE.md's server code map names every production source file of `packages/server`
 * (by file name, in the server's part of the map), so a moved or added file shows up in the review
 * of the change that moves or adds it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

describe('docs/ARCHITECTURE.md server code map', () => {
  it('names every server source file', () => {
    const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const start = doc.indexOf('**`packages/server/src`**');
    const end = doc.indexOf('**`packages/store-sqlite/src`**');
    expect(start, 'the server code map heading').toBeGreaterThan(0);
    const map = doc.slice(start, end);
    const server = join(ROOT, 'packages/server');
    const files = [...sources(join(server, 'src')), ...sources(join(server, 'test-support'))];
    expect(files.length).toBeGreaterThan(40);
    const missing = files.filter((f) => !map.includes(f.slice(f.lastIndexOf('/') + 1))).map((f) => relative(server, f));
    expect(missing, 'server files the code map does not name').toEqual([]);
  });
});
