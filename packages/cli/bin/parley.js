#!/usr/bin/env node
// The `parley` command's launcher. It is committed (not built) so that `npm install` links
// `node_modules/.bin/parley` even though the compiled CLI in dist/ appears only after the build.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('parley: the CLI is not built yet; run `npm run build` (or `npm start`) in the Parley checkout first\n');
  process.exit(1);
}
await import(entry.href);
