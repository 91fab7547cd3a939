import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, file = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));

// Tests run against the TypeScript sources; the CLI end-to-end tests spawn the built dist.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@parley\/server\/testing$/, replacement: src('server', 'testing/index.ts') },
      { find: /^@parley\/(protocol|usersig|server|store-sqlite|sdk|cli)$/, replacement: src('$1') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'bench/src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
