#!/usr/bin/env node
/**
 * Generates docs/ERRORS.md from the error registry of @parley/protocol (plain Node ESM, no deps).
 *
 *   npx tsc -b && node scripts/gen-errors-doc.mjs          # rewrite docs/ERRORS.md
 *   npx tsc -b && node scripts/gen-errors-doc.mjs --check  # exit 1 if docs/ERRORS.md is stale
 *
 * `tests/docs.test.ts` parses the document with {@link parseErrorsDoc} and fails when it and the
 * registry disagree in either direction.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HEADER = '| code | name | message | remediation | where used |';

/**
 * Renders the whole document.
 * @param {readonly {code:number,name:string,message:string,remediation?:string,where:readonly string[]}[]} entries
 *   registry entries ordered by code (`listErrors()`).
 */
export function renderErrorsDoc(entries) {
  const rows = entries.map((e) => `| ${e.code} | \`${e.name}\` | ${e.message} | ${e.remediation ?? ''} | ${e.where.join(', ')} |`);
  return [
    '# Error codes',
    '',
    '<!-- Generated from packages/protocol/src/error-codes*.ts by `node scripts/gen-errors-doc.mjs`. Do not edit by hand. -->',
    '',
    'Every error Parley reports carries a numeric `code` from one registry (`ERRORS` in',
    '`@parley/protocol`). Codes and names are Tencent Cloud Chat\'s wherever Tencent has one, so an app',
    'written against Tencent\'s SDK or REST API can keep matching on them. Parley\'s own codes live in',
    '88500–88599 and are named `PARLEY_*`. A code is never reused for another meaning.',
    '',
    'Where errors appear:',
    '',
    '- **SDK**: the promise of an SDK call rejects with a `ParleyError` `{ code, message, data }`',
    '  (the shape of Tencent\'s `imError`); the V2TIM facade reports `code` and `desc`.',
    '- **server**: a WebSocket response frame `{ "t": "res", "id": …, "code": …, "message": … }`',
    '  (see [PROTOCOL.md](PROTOCOL.md)).',
    '- **REST**: the `ErrorCode` and `ErrorInfo` fields of a `/v4/…` response (HTTP status 200).',
    '',
    'The "where used" column follows Tencent\'s classification of who reports a code. The registry also',
    'holds Tencent codes of features Parley does not implement yet, so that apps can match on them and',
    'the numbers are never taken for something else.',
    '',
    HEADER,
    '|---:|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/**
 * Parses the table of a rendered document back into rows.
 * @param {string} text the Markdown document.
 * @returns {{code:number,name:string,message:string,remediation:string,where:string[],line:number}[]}
 */
export function parseErrorsDoc(text) {
  const lines = text.split('\n');
  const start = lines.indexOf(HEADER);
  if (start < 0) throw new Error(`docs/ERRORS.md has no table header "${HEADER}"`);
  const rows = [];
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !line.startsWith('|')) break;
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    if (cells.length !== 5) throw new Error(`docs/ERRORS.md line ${i + 1} does not have 5 cells: ${line}`);
    const [code, name, message, remediation, where] = cells;
    rows.push({
      code: Number(code),
      name: (name ?? '').replace(/^`|`$/g, ''),
      message: message ?? '',
      remediation: remediation ?? '',
      where: (where ?? '').split(',').map((w) => w.trim()).filter((w) => w !== ''),
      line: i + 1,
    });
  }
  return rows;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = pathToFileURL(join(root, 'packages/protocol/dist/index.js')).href;
  let protocol;
  try {
    protocol = await import(dist);
  } catch (err) {
    console.error(`gen-errors-doc: cannot load ${dist}; run \`npx tsc -b\` first.\n${err}`);
    process.exit(2);
  }
  const target = join(root, 'docs/ERRORS.md');
  const text = renderErrorsDoc(protocol.listErrors());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // A missing file is stale.
    }
    if (current !== text) {
      console.error('docs/ERRORS.md is out of date: run `npx tsc -b && node scripts/gen-errors-doc.mjs`');
      process.exit(1);
    }
    console.log('docs/ERRORS.md is up to date');
  } else {
    writeFileSync(target, text);
    console.log(`wrote docs/ERRORS.md (${protocol.listErrors().length} codes)`);
  }
}
