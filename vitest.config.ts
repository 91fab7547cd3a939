import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, file = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));

// Tests run against the TypeScript sources; the CLI end-to-end tests spawn the built dist.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@parley\/store\/testing$/, replacement: src('store', 'testing/index.ts') },
      { find: /^@parley\/server\/testing$/, replacement: src('server', 'testing/index.ts') },
      { find: /^@parley\/(protocol|usersig|store|server|store-sqlite|sdk|cli)$/, replacement: src('$1') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'bench/src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The SDK logs each login, reconnect and kick as an app developer would want to see them; in the
    // test output they are hundreds of lines of noise. PARLEY_TEST_LOGS=1 shows them again.
    onConsoleLog: (log) => (process.env['PARLEY_TEST_LOGS'] || !log.startsWith('[parley]') ? undefined : false),
  },
});
