/**
 * A newcomer's install on the oldest Node.js the project supports prints no EBADENGINE warning: every
 * installed package admits the root `engines.node` minimum, and the README names that same minimum.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};
const minimum = semver.minVersion(pkg.engines.node);

describe('supported Node.js versions', () => {
  it('package.json names a minimum', () => {
    expect(minimum?.version).toBe('20.19.0');
  });

  it('every package in the lock file installs on that minimum without an engine warning', () => {
    const refusing = Object.entries(lock.packages)
      .flatMap(([path, entry]) => {
        const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        return range && minimum && !semver.satisfies(minimum, range) ? [`${path} wants node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('the README states the same minimum', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`**Node.js ${minimum?.major}.${minimum?.minor} or later**`);
  });
});
