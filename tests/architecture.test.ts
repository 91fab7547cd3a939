import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeps, findImports, formatViolation } from '../scripts/check-deps.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('findImports', () => {
  it('finds static, type-only, re-export, side-effect and dynamic imports with their lines', () => {
    const src = [
      "import { a } from 'one';",
      "import type { B } from 'two';",
      'import {',
      '  c,',
      '  type D,',
      "} from 'three';",
      "export * from 'four';",
      "export type { E } from 'five';",
      "import 'six';",
      "const m = await import('seven');",
      "import * as ns from 'eight';",
      "import def, { f } from 'nine';",
    ].join('\n');
    expect(findImports(src)).toEqual([
      { spec: 'one', line: 1, typeOnly: false },
      { spec: 'two', line: 2, typeOnly: true },
      { spec: 'three', line: 3, typeOnly: false },
      { spec: 'four', line: 7, typeOnly: false },
      { spec: 'five', line: 8, typeOnly: true },
      { spec: 'six', line: 9, typeOnly: false },
      { spec: 'seven', line: 10, typeOnly: false },
      { spec: 'eight', line: 11, typeOnly: false },
      { spec: 'nine', line: 12, typeOnly: false },
    ]);
  });

  it('ignores imports written in comments, strings, templates and regexes, and import.meta', () => {
    const src = [
      "// import x from 'comment';",
      "/* import y from 'block'; */",
      "const s = \"import z from 'string'\";",
      "const page = `<script type=\"module\">import w from 'template';</script>`;",
      "const re = /import v from 'regex'/;",
      'const u = import.meta.url;',
      "export const from = 'x';",
      "import real from 'real';",
    ].join('\n');
    expect(findImports(src)).toEqual([{ spec: 'real', line: 8, typeOnly: false }]);
  });

  it('finds a dynamic import inside a template-literal expression', () => {
    expect(findImports("const t = `a ${await import('inner')} b`;").map((i) => i.spec)).toEqual(['inner']);
  });
});

describe('checkDeps on the real tree', () => {
  it('finds no violations of the dependency direction', () => {
    const { violations, files } = checkDeps(ROOT);
    expect(files).toBeGreaterThan(20);
    expect(violations.map(formatViolation)).toEqual([]);
  });
});

describe('checkDeps on a tree with violations', () => {
  let root: string;

  const write = (path: string, text: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-check-deps-'));
    const manifest = (name: string, deps: Record<string, string> = {}, devDeps: Record<string, string> = {}) =>
      JSON.stringify({ name: `@parley/${name}`, dependencies: deps, devDependencies: devDeps });
    write('packages/protocol/package.json', manifest('protocol'));
    write('packages/protocol/src/frames.ts', "import { x } from './validate.js';\nimport { readFileSync } from 'node:fs';\n");
    write('packages/protocol/src/validate.ts', "import type { Sdk } from '@parley/sdk';\nexport const x = 1;\n");
    write('packages/protocol/src/frames.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';\nimport { Buffer } from 'node:buffer';\n");
    write('packages/sdk/package.json', manifest('sdk', { '@parley/protocol': '0.1.0' }));
    write('packages/sdk/src/socket.ts', "import { parseClientFrame } from '@parley/protocol';\nimport WebSocket from 'ws';\nimport { EventEmitter } from 'events';\n");
    write('packages/sdk/src/socket.test.ts', "import WebSocket from 'ws';\nimport { createServer } from 'node:http';\n");
    write('packages/store/package.json', manifest('store', { '@parley/protocol': '0.1.0' }));
    write('packages/store/src/store.ts', "import type { ParleyError } from '@parley/protocol';\nimport type { ParleyServer } from '@parley/server';\nimport { readFileSync } from 'node:fs';\n");
    write('packages/store/src/testing/run-store-suite.ts', "import { describe } from 'vitest';\nimport type { Store } from '../store.js';\n");
    write('packages/store-sqlite/package.json', manifest('store-sqlite', { '@parley/store': '0.1.0', 'better-sqlite3': '12' }));
    write(
      'packages/store-sqlite/src/sqlite-store.ts',
      "import type { Store } from '@parley/server';\nimport type { AppStore } from '@parley/store';\nimport { ERRORS } from '@parley/protocol';\nimport Database from 'better-sqlite3';\n",
    );
    write('packages/store-sqlite/src/sqlite-store.test.ts', "import { runStoreSuite } from '@parley/store/testing';\nimport { Database } from 'better-sqlite3';\n");
    write('packages/usersig/package.json', manifest('usersig'));
    write('packages/usersig/src/sig.ts', "import { createHmac } from 'node:crypto';\nimport { TextDecoder } from 'node:util';\n");
    write('packages/usersig/src/sig.test.ts', "import { genUserSig } from 'tls-sig-api-v2';\nimport { readFileSync } from 'node:fs';\n");
    write('packages/server/package.json', manifest('server', { '@parley/protocol': '0.1.0' }, { '@parley/sdk': '0.1.0' }));
    write('packages/server/src/index.ts', "export * from '@parley/store-sqlite';\nimport { x } from '../../protocol/src/frames.js';\nconst m = await import('fastify');\n");
    write('packages/server/src/e2e.test.ts', "import { create } from '@parley/sdk';\n");
    write('packages/server/test-support/test-server.ts', "import { openSqliteStore } from '@parley/store-sqlite';\n");
    write('packages/cli/package.json', manifest('cli'));
    write('packages/cli/src/bin.ts', "import { Command } from 'commander';\nimport { serve } from '@parley/server';\n");
    write('packages/newthing/src/a.ts', 'export const a = 1;\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports every violation as file:line: <pkg> may not import <spec> (rule)', () => {
    const lines = checkDeps(root).violations.map(formatViolation);
    expect(lines).toEqual([
      'packages/cli/src/bin.ts:2: cli may not import @parley/server (@parley/server is not declared in packages/cli/package.json dependencies)',
      'packages/newthing:0: newthing may not import (anything) (no dependency rule for this package in scripts/check-deps.mjs)',
      'packages/protocol/src/frames.ts:2: protocol may not import node:fs (protocol has zero dependencies)',
      'packages/protocol/src/validate.ts:1: protocol may not import @parley/sdk (protocol has zero dependencies)',
      'packages/sdk/src/socket.ts:2: sdk may not import ws (sdk depends only on @parley/protocol and uses no Node built-ins)',
      'packages/sdk/src/socket.ts:3: sdk may not import events (Node built-ins are imported with the node: prefix)',
      'packages/server/src/index.ts:1: server may not import @parley/store-sqlite (server depends on protocol, store, usersig, Node built-ins, ws, fastify, prom-client and pino only)',
      'packages/server/src/index.ts:2: server may not import ../../protocol/src/frames.js (relative imports stay inside the package; import other packages by name)',
      'packages/server/test-support/test-server.ts:1: server may not import @parley/store-sqlite (@parley/store-sqlite is not declared in packages/server/package.json dependencies or devDependencies)',
      'packages/store-sqlite/src/sqlite-store.ts:1: store-sqlite may not import @parley/server (store-sqlite uses protocol, store, better-sqlite3 and Node built-ins only)',
      'packages/store-sqlite/src/sqlite-store.ts:3: store-sqlite may not import @parley/protocol (@parley/protocol is not declared in packages/store-sqlite/package.json dependencies)',
      'packages/store/src/store.ts:2: store may not import @parley/server (store (the Store contract) depends only on @parley/protocol)',
      'packages/store/src/store.ts:3: store may not import node:fs (store (the Store contract) depends only on @parley/protocol)',
      'packages/usersig/src/sig.ts:2: usersig may not import node:util (usersig uses only node:crypto, node:zlib and node:buffer)',
    ]);
  });

  it('runs as a CLI that prints the violations and exits 1', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-deps.mjs'), root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('packages/protocol/src/frames.ts:2: protocol may not import node:fs (protocol has zero dependencies)');
    expect(run.stdout).toMatch(/check-deps: \d+ violation\(s\) in \d+ files/);
  });

  it('passes once the violations are fixed', () => {
    write('packages/cli/package.json', JSON.stringify({ dependencies: { '@parley/server': '0.1.0' } }));
    rmSync(join(root, 'packages/newthing'), { recursive: true });
    write('packages/protocol/src/frames.ts', "import { x } from './validate.js';\n");
    write('packages/usersig/src/sig.ts', "import { createHmac } from 'node:crypto';\n");
    write('packages/protocol/src/validate.ts', 'export const x = 1;\n');
    write('packages/sdk/src/socket.ts', "import { parseClientFrame } from '@parley/protocol';\n");
    write('packages/server/src/index.ts', "const m = await import('fastify');\nimport { helper } from './util/helper.js';\n");
    write('packages/store-sqlite/package.json', JSON.stringify({ dependencies: { '@parley/store': '0.1.0', '@parley/protocol': '0.1.0' } }));
    write('packages/store-sqlite/src/sqlite-store.ts', "import type { Store } from '@parley/store';\nimport { ERRORS } from '@parley/protocol';\n");
    write('packages/store/src/store.ts', "import type { ParleyError } from '@parley/protocol';\n");
    write('packages/server/package.json', JSON.stringify({ dependencies: { '@parley/protocol': '0.1.0' }, devDependencies: { '@parley/sdk': '0.1.0', '@parley/store-sqlite': '0.1.0' } }));
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([]);
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-deps.mjs'), root], { encoding: 'utf8' });
    expect(run.status).toBe(0);
  });
});

describe('checkDeps on an SDK tree that breaks its layering', () => {
  let root: string;

  const write = (path: string, text: string) => {
    const full = join(root, 'packages/sdk', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-check-layers-'));
    write('package.json', JSON.stringify({ name: '@parley/sdk', dependencies: { '@parley/protocol': '0.1.0' } }));
    write('src/index.ts', "export { ChatInstance } from './web/chat-instance.js';\n");
    write('src/platform/emitter.ts', "import type { MessagingHub } from '../session/messaging-hub.js';\nexport class Emitter {}\n");
    write('src/session/messaging-hub.ts', "import type { SessionClient } from './session-client.js';\nexport class MessagingHub {}\n");
    write('src/session/session-client.ts', "import { MessagingHub } from './messaging-hub.js';\nimport { Emitter } from '../platform/emitter.js';\nexport class SessionClient {}\n");
    write('src/messages/message-api.ts', "import { GroupCache } from '../groups/group-cache.js';\nimport type { MessagingHub } from '../session/messaging-hub.js';\nexport class MessageApi {}\n");
    write('src/messages/message-api.test.ts', "import { ChatInstance } from '../web/chat-instance.js';\n");
    write('src/groups/group-cache.ts', 'export class GroupCache {}\n');
    write('src/web/chat-instance.ts', "import { MessageApi } from '../messages/message-api.js';\nimport { GroupCache } from '../groups/group-cache.js';\nexport class ChatInstance {}\n");
    write('src/helpers/util.ts', 'export const util = 1;\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports upward imports, imports between features, import cycles and folders in no layer', () => {
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([
      'packages/sdk/src/helpers:0: sdk may not import (anything) (helpers/ is in no layer of LAYERS.sdk in scripts/check-deps.mjs)',
      'packages/sdk/src/messages/message-api.ts:1: sdk may not import ../groups/group-cache.js (features never import each other; declare a port in the importing feature and let web/chat-core.ts pass the other feature in)',
      'packages/sdk/src/platform/emitter.ts:1: sdk may not import ../session/messaging-hub.js (a lower layer never imports a higher one: platform < model < transport < session < {messages, conversations, groups, profiles, status, follows, relationships} < web < v2tim)',
      'packages/sdk/src/platform/emitter.ts:1: sdk may not import ../session/messaging-hub.js (import cycle: session/messaging-hub.ts → session/session-client.ts → platform/emitter.ts → session/messaging-hub.ts)',
      'packages/sdk/src/session/session-client.ts:1: sdk may not import ./messaging-hub.js (import cycle: session/messaging-hub.ts → session/session-client.ts → session/messaging-hub.ts)',
    ]);
  });

  it('passes once the layering holds (a test may still drive its file through a higher layer)', () => {
    write('src/platform/emitter.ts', 'export class Emitter {}\n');
    write('src/session/session-client.ts', "import { Emitter } from '../platform/emitter.js';\nexport class SessionClient {}\n");
    write('src/messages/message-api.ts', "import type { MessagingHub } from '../session/messaging-hub.js';\nexport class MessageApi {}\n");
    rmSync(join(root, 'packages/sdk/src/helpers'), { recursive: true });
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([]);
  });
});

describe('checkDeps on a protocol tree that breaks its layering', () => {
  let root: string;

  const write = (path: string, text: string) => {
    const full = join(root, 'packages/protocol', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-check-protocol-layers-'));
    write('package.json', JSON.stringify({ name: '@parley/protocol' }));
    write('src/index.ts', "export { MessageCommands } from './messages/message-defs.js';\n");
    write('src/errors/error-codes.ts', "import { isValidUserID } from '../tencent/constants.js';\nexport const ERRORS = {};\n");
    write('src/tencent/constants.ts', 'export const isValidUserID = 1;\n');
    write('src/core/parse-kit.ts', "import { ERRORS } from '../errors/error-codes.js';\nexport const runParser = 1;\n");
    write('src/core/parse-kit.test.ts', "import { MessageCommands } from '../index.js';\n");
    write('src/messages/message-ids.ts', "import type { WireGroupType } from '../groups/group-types.js';\nexport interface ConversationRef {}\n");
    write(
      'src/messages/message-defs.ts',
      "import { runParser } from '../core/parse-kit.js';\nimport { parseConversationAnswer } from '../conversations/conversation-answers.js';\nexport const MessageCommands = {};\n",
    );
    write('src/conversations/conversation-answers.ts', 'export const parseConversationAnswer = 1;\n');
    write('src/groups/group-types.ts', "import type { ConversationRef } from '../messages/message-ids.js';\nexport type WireGroupType = 'Public';\n");
    write('src/helpers/util.ts', 'export const util = 1;\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports upward imports, imports between features (type-only too), type-only cycles and folders in no layer', () => {
    const order = 'errors < tencent < core < session < shared < {messages, conversations, groups, profiles, status, follows, relationships}';
    const peers = 'features never import each other; what several features use goes down into shared/';
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([
      `packages/protocol/src/errors/error-codes.ts:1: protocol may not import ../tencent/constants.js (a lower layer never imports a higher one: ${order})`,
      `packages/protocol/src/groups/group-types.ts:1: protocol may not import ../messages/message-ids.js (${peers})`,
      'packages/protocol/src/helpers:0: protocol may not import (anything) (helpers/ is in no layer of LAYERS.protocol in scripts/check-deps.mjs)',
      `packages/protocol/src/messages/message-defs.ts:2: protocol may not import ../conversations/conversation-answers.js (${peers})`,
      `packages/protocol/src/messages/message-ids.ts:1: protocol may not import ../groups/group-types.js (${peers})`,
      'packages/protocol/src/messages/message-ids.ts:1: protocol may not import ../groups/group-types.js (import cycle: groups/group-types.ts → messages/message-ids.ts → groups/group-types.ts)',
    ]);
  });

  it('passes once what several features use sits in shared/ (a test may still drive its file through index.ts)', () => {
    write('src/errors/error-codes.ts', 'export const ERRORS = {};\n');
    write('src/shared/wire-ids.ts', 'export interface ConversationRef {}\n');
    write('src/shared/wire-conversation.ts', "import type { ConversationRef } from './wire-ids.js';\nexport const parseConversationAnswer = 1;\n");
    rmSync(join(root, 'packages/protocol/src/messages/message-ids.ts'));
    write('src/groups/group-types.ts', "import type { ConversationRef } from '../shared/wire-ids.js';\nexport type WireGroupType = 'Public';\n");
    write(
      'src/messages/message-defs.ts',
      "import { runParser } from '../core/parse-kit.js';\nimport { parseConversationAnswer } from '../shared/wire-conversation.js';\nexport const MessageCommands = {};\n",
    );
    write('src/conversations/conversation-answers.ts', "import { parseConversationAnswer } from '../shared/wire-conversation.js';\nexport const parseConversationListAnswer = 1;\n");
    rmSync(join(root, 'packages/protocol/src/helpers'), { recursive: true });
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([]);
  });
});

describe('checkDeps on a bench workspace that imports what it may not', () => {
  let root: string;

  const write = (path: string, text: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-check-bench-'));
    write('packages/cli/package.json', JSON.stringify({ name: '@parley/cli', dependencies: {} }));
    write('packages/cli/src/bench-command.ts', "const runner = await import('@parley/bench');\n");
    write('bench/package.json', JSON.stringify({ name: '@parley/bench', dependencies: { '@parley/protocol': '0.1.0', ws: '8' } }));
    write(
      'bench/src/run-bench.ts',
      "import { isRecord } from '@parley/protocol';\nimport { genUserSig } from '@parley/usersig';\nimport { createParleyServer } from '@parley/server';\nimport WebSocket from 'ws';\nimport { parse } from 'vega';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';\nimport { x } from '../../packages/cli/src/bench-command.js';\n",
    );
    write('bench/src/run-bench.test.ts', "import { it } from 'vitest';\nimport { chat } from '@parley/sdk';\n");
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('scans bench/src under the bench rule and checks what the CLI declares', () => {
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([
      'bench/src/run-bench.test.ts:2: bench may not import @parley/sdk (bench uses protocol, usersig, ws, its chart libraries (vega, vega-lite) and Node built-ins only (test code))',
      'bench/src/run-bench.ts:2: bench may not import @parley/usersig (@parley/usersig is not declared in bench/package.json dependencies)',
      'bench/src/run-bench.ts:3: bench may not import @parley/server (bench uses protocol, usersig, ws, its chart libraries (vega, vega-lite) and Node built-ins only)',
      'bench/src/run-bench.ts:7: bench may not import path (Node built-ins are imported with the node: prefix)',
      'bench/src/run-bench.ts:8: bench may not import ../../packages/cli/src/bench-command.js (relative imports stay inside the package; import other packages by name)',
      'packages/cli/src/bench-command.ts:1: cli may not import @parley/bench (@parley/bench is not declared in packages/cli/package.json dependencies)',
    ]);
  });

  it('passes once bench keeps to its rule and the CLI declares the runner as an optional dependency', () => {
    write('packages/cli/package.json', JSON.stringify({ name: '@parley/cli', optionalDependencies: { '@parley/bench': '0.1.0' } }));
    write('bench/package.json', JSON.stringify({ name: '@parley/bench', dependencies: { '@parley/protocol': '0.1.0', '@parley/usersig': '0.1.0', ws: '8' } }));
    write('bench/src/run-bench.ts', "import { isRecord } from '@parley/protocol';\nimport { genUserSig } from '@parley/usersig';\nimport WebSocket from 'ws';\nimport { parse } from 'vega';\nimport { compile } from 'vega-lite';\nimport { readFileSync } from 'node:fs';\n");
    write('bench/src/run-bench.test.ts', "import { it } from 'vitest';\nimport { readFileSync } from 'node:fs';\n");
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([]);
  });
});

describe('checkDeps on a server tree that breaks its layering', () => {
  let root: string;

  const write = (path: string, text: string) => {
    const full = join(root, 'packages/server', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-check-server-layers-'));
    write('package.json', JSON.stringify({ name: '@parley/server', dependencies: { '@parley/protocol': '0.1.0' } }));
    write('src/index.ts', "export { createParleyServer } from './http/parley-server.js';\n");
    write('src/time/clock.ts', "import type { SessionManager } from '../sessions/session-manager.js';\nexport const systemClock = {};\n");
    write('src/sessions/session-manager.ts', "import { systemClock } from '../time/clock.js';\nexport class SessionManager {}\n");
    write('src/gateway/command-kit.ts', 'export class CommandKit {}\n');
    write('src/rest/rest-route.ts', "import type { FeatureModule } from '../features/feature-module.js';\nexport const defineRoute = 1;\n");
    write('src/features/feature-module.ts', "import type { CommandKit } from '../gateway/command-kit.js';\nexport interface FeatureModule {}\n");
    write('src/features/messages/message-port.ts', 'export interface MessagePort {}\n');
    write('src/features/messages/message-service.ts', "import type { MessagePort } from './message-port.js';\nexport class MessageService {}\n");
    write(
      'src/features/groups/group-service.ts',
      "import type { MessagePort } from '../messages/message-port.js';\nimport { MessageService } from '../messages/message-service.js';\nexport class GroupService {}\n",
    );
    write('src/features/groups/group-service.test.ts', "import { createParleyServer } from '../../http/parley-server.js';\n");
    write('src/http/parley-server.ts', "import { MessageService } from '../features/messages/message-service.js';\nimport { GroupService } from '../features/groups/group-service.js';\nexport const createParleyServer = 1;\n");
    write('src/messaging/helper.ts', 'export const helper = 1;\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reports upward imports, imports between features other than a port, cycles and folders in no layer", () => {
    const order = 'time < {metrics, auth, apps} < cluster < {directories, usage} < sessions < gateway < rest < features < features/* < http';
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([
      "packages/server/src/features/groups/group-service.ts:2: server may not import ../messages/message-service.js (features never import each other except a feature's *-port.ts; http/parley-server.ts passes the implementation in)",
      'packages/server/src/messaging:0: server may not import (anything) (messaging/ is in no layer of LAYERS.server in scripts/check-deps.mjs)',
      `packages/server/src/rest/rest-route.ts:1: server may not import ../features/feature-module.js (a lower layer never imports a higher one: ${order})`,
      `packages/server/src/time/clock.ts:1: server may not import ../sessions/session-manager.js (a lower layer never imports a higher one: ${order})`,
      'packages/server/src/time/clock.ts:1: server may not import ../sessions/session-manager.js (import cycle: sessions/session-manager.ts → time/clock.ts → sessions/session-manager.ts)',
    ]);
  });

  it('passes once the layering holds (a feature may import another feature’s port; a test may drive the composed server)', () => {
    write('src/time/clock.ts', 'export const systemClock = {};\n');
    write('src/rest/rest-route.ts', 'export const defineRoute = 1;\n');
    write('src/features/groups/group-service.ts', "import type { MessagePort } from '../messages/message-port.js';\nexport class GroupService {}\n");
    rmSync(join(root, 'packages/server/src/messaging'), { recursive: true });
    expect(checkDeps(root).violations.map(formatViolation)).toEqual([]);
  });
});
