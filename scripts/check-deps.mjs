#!/usr/bin/env node
/**
 * Dependency-direction check (plain Node ESM, no dependencies).
 *
 * Scans `packages/<pkg>/src/**\/*.ts`, `packages/<pkg>/test-support/**\/*.ts` and `bench/src/**\/*.ts`
 * for import and export-from specifiers and enforces the one-way dependency rules of
 * docs/ARCHITECTURE.md:
 *
 *   protocol      imports nothing
 *   sdk           @parley/protocol only (no Node built-ins, no packages)
 *   usersig       node:crypto, node:zlib, node:buffer only
 *   store         @parley/protocol only (the Store contract; its `src/testing/**` suite also vitest)
 *   server        @parley/protocol, @parley/store, @parley/usersig, node:*, ws, fastify, prom-client, pino
 *   store-sqlite  @parley/protocol, @parley/store, better-sqlite3, node:* (never @parley/server)
 *   cli           anything (`@parley/bench` is an optional dependency, imported by `parley bench` only)
 *   bench         @parley/protocol, @parley/usersig, ws, vega, vega-lite, node:* (it drives the CLI's
 *                 built binary as a child process; it never imports server, store or sdk)
 *
 * The repository-level `tests/` folder is not scanned: end-to-end and black-box suites there may
 * import anything (several packages' test support at once), while the packages stay clean.
 *
 * Test code (`*.test.ts`, `src/testing/**`, `test-support/**`) may also import vitest, fast-check,
 * ws and node:*, plus a few per-package extras. Every `@parley/*` import must be declared in the
 * package's package.json (`dependencies` or `optionalDependencies`; tests may use `devDependencies`), and relative imports
 * may not leave the package.
 *
 * Inside a package listed in {@link LAYERS}, folders are layers: a file may import its own folder and
 * lower layers, never a higher one; folders of one layer (the features of the protocol, the SDK and
 * the server) may not import each other; files directly under `src/` (the package entry) sit on top;
 * and production files form no import cycle (type-only imports included). Test files are exempt from the direction rule (a test
 * may drive its file through the composed instance).
 *
 * Usage: `node scripts/check-deps.mjs [root]`. Prints `file:line: <pkg> may not import <spec> (rule)`
 * per violation and exits 1 if there are any.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What every package's test code may import in addition to its own allow-list. */
export const TEST_EXTRAS = ['vitest', 'fast-check', 'ws', 'node:*'];

/**
 * The rules, per package directory name. `allow` lists specifiers (exact, `node:*`, or `*`);
 * `typeOnly` lists specifiers allowed only as `import type` / `export type`; `testAllow` is added
 * for test code on top of `allow`, `typeOnly` and {@link TEST_EXTRAS}.
 */
export const RULES = {
  protocol: {
    rule: 'protocol has zero dependencies',
    allow: [],
    typeOnly: [],
    testAllow: [],
  },
  sdk: {
    rule: 'sdk depends only on @parley/protocol and uses no Node built-ins',
    allow: ['@parley/protocol'],
    typeOnly: [],
    testAllow: [],
  },
  usersig: {
    rule: 'usersig uses only node:crypto, node:zlib and node:buffer',
    allow: ['node:crypto', 'node:zlib', 'node:buffer'],
    typeOnly: [],
    testAllow: ['tls-sig-api-v2'],
  },
  store: {
    rule: 'store (the Store contract) depends only on @parley/protocol',
    allow: ['@parley/protocol'],
    typeOnly: [],
    testAllow: [],
  },
  server: {
    rule: 'server depends on protocol, store, usersig, Node built-ins, ws, fastify, prom-client and pino only',
    allow: ['@parley/protocol', '@parley/store', '@parley/usersig', 'node:*', 'ws', 'fastify', 'prom-client', 'pino'],
    typeOnly: [],
    // Tests run the server on the real store: SQLite `:memory:` (there is no in-memory Store).
    testAllow: ['@parley/sdk', '@parley/store/testing', '@parley/store-sqlite'],
  },
  'store-sqlite': {
    rule: 'store-sqlite uses protocol, store, better-sqlite3 and Node built-ins only',
    allow: ['@parley/protocol', '@parley/store', 'better-sqlite3', 'node:*'],
    typeOnly: [],
    testAllow: ['@parley/store/testing'],
  },
  'store-postgres': {
    rule: 'store-postgres uses protocol, store, pg and Node built-ins only',
    allow: ['@parley/protocol', '@parley/store', 'pg', 'node:*'],
    typeOnly: [],
    testAllow: ['@parley/store/testing'],
  },
  'broker-redis': {
    rule: 'broker-redis uses protocol, store, ioredis, Node built-ins, and only types from server',
    allow: ['@parley/protocol', '@parley/store', 'ioredis', 'node:*'],
    typeOnly: ['@parley/server'],
    testAllow: ['@parley/store/testing'],
  },
  cli: {
    rule: 'cli may import everything',
    allow: ['*'],
    typeOnly: [],
    testAllow: [],
  },
  bench: {
    rule: 'bench uses protocol, usersig, ws, its chart libraries (vega, vega-lite) and Node built-ins only',
    allow: ['@parley/protocol', '@parley/usersig', 'ws', 'vega', 'vega-lite', 'node:*'],
    typeOnly: [],
    testAllow: [],
  },
};

/**
 * Workspaces outside `packages/` that are checked like a package, by directory name (the key of
 * their entry in {@link RULES}).
 */
export const EXTRA_ROOTS = ['bench'];

/**
 * Layering inside a package, lowest layer first. Each layer lists the folders under `src/` that
 * belong to it; folders of one layer are peers that may not import each other (`peers` names them
 * in messages). `name/*` makes every subfolder of `src/name/` a folder of that layer (the server's
 * `features/accounts`, `features/messages`, …), while files directly in `src/name/` sit in the layer
 * `name` names. A peer may import another peer's file ending in `portSuffix`, when one is set: the
 * port that peer declares for the others. A folder that is in no layer is itself a violation, so a
 * new folder gets a place.
 */
export const LAYERS = {
  protocol: {
    layers: [['errors'], ['tencent'], ['core'], ['session'], ['shared'], ['messages', 'conversations', 'groups', 'profiles', 'status', 'follows', 'relationships']],
    peers: 'features never import each other; what several features use goes down into shared/',
  },
  sdk: {
    layers: [['platform'], ['model'], ['transport'], ['session'], ['messages', 'conversations', 'groups', 'profiles', 'status', 'follows', 'relationships'], ['web'], ['v2tim']],
    peers: 'features never import each other; declare a port in the importing feature and let web/chat-core.ts pass the other feature in',
  },
  server: {
    layers: [['time'], ['metrics', 'auth', 'apps'], ['cluster'], ['directories', 'usage'], ['sessions'], ['gateway'], ['rest'], ['features'], ['features/*'], ['http']],
    peers: "features never import each other except a feature's *-port.ts; http/parley-server.ts passes the implementation in",
    portSuffix: '-port.ts',
  },
};

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

const PUNCT_BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * Splits TypeScript source into identifier, string and punctuation tokens with 1-based line
 * numbers. Comments, regex literals and template-literal text are skipped (code inside `${...}` is
 * tokenized), so an import written inside a string, comment or generated page is never reported.
 */
export function tokenize(source) {
  const tokens = [];
  let i = 0;
  let line = 1;
  // Brace depth of each open `${`; when a `}` closes one, scanning resumes inside the template.
  const templateStack = [];
  let depth = 0;
  const prevAllowsRegex = () => {
    const t = tokens[tokens.length - 1];
    if (!t) return true;
    if (t.type === 'punct') return PUNCT_BEFORE_REGEX.has(t.value) && t.value !== '}';
    return t.type === 'id' && KEYWORDS_BEFORE_REGEX.has(t.value);
  };
  const scanTemplate = () => {
    // i is just past a backtick or a template `}`; skip text until the closing backtick or `${`.
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === '`') {
        i++;
        tokens.push({ type: 'str', value: '', line });
        return;
      }
      if (c === '$' && source[i + 1] === '{') {
        i += 2;
        templateStack.push(depth);
        depth = 0;
        return;
      }
      i++;
    }
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < source.length && !(source[i] === '*' && source[i + 1] === '/')) {
        if (source[i] === '\n') line++;
        i++;
      }
      i += 2;
    } else if (c === "'" || c === '"') {
      const startLine = line;
      let value = '';
      i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          value += source[i + 1] ?? '';
          i += 2;
        } else value += source[i++];
      }
      i++;
      tokens.push({ type: 'str', value, line: startLine });
    } else if (c === '`') {
      i++;
      scanTemplate();
    } else if (c === '/' && prevAllowsRegex()) {
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== '\n') {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        else if (source[i] === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < source.length && /[a-z]/i.test(source[i])) i++;
      tokens.push({ type: 'str', value: '', line });
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < source.length && /[\w$]/.test(source[j])) j++;
      tokens.push({ type: 'id', value: source.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < source.length && /[\w.]/.test(source[j])) j++;
      tokens.push({ type: 'punct', value: '0', line });
      i = j;
    } else {
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0 && templateStack.length > 0) {
          depth = templateStack.pop();
          i++;
          scanTemplate();
          continue;
        }
        depth--;
      }
      tokens.push({ type: 'punct', value: c, line });
      i++;
    }
  }
  return tokens;
}

/**
 * Reads an import/export clause starting at token `k` (just after `import`/`export` and an optional
 * `type`) up to `from '<spec>'`. Returns the specifier token, or undefined if this is not a
 * from-clause (e.g. `export const`, `import x = require(...)`).
 */
function fromClause(tokens, k, isExport) {
  const first = tokens[k];
  if (!first) return undefined;
  // `export` must be followed by `*` or `{` to re-export; `import` by an identifier, `*` or `{`.
  if (isExport && !(first.type === 'punct' && (first.value === '*' || first.value === '{'))) return undefined;
  for (let j = k; j < tokens.length && j < k + 2000; j++) {
    const t = tokens[j];
    if (t.type === 'id' && t.value === 'from' && tokens[j + 1]?.type === 'str' && j > k) return tokens[j + 1];
    if (t.type === 'punct' && !['{', '}', ',', '*'].includes(t.value)) return undefined;
    if (t.type === 'str') return undefined;
  }
  return undefined;
}

/**
 * Finds every module specifier a TypeScript source imports or re-exports: `import ... from`,
 * `import type ... from`, `export ... from`, `export type ... from`, `import 'x'` and `import('x')`.
 * @returns one entry per specifier: `spec`, 1-based `line` of the `import`/`export` keyword, and
 *   `typeOnly` for `import type` / `export type`.
 */
export function findImports(source) {
  const tokens = tokenize(source);
  const found = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'id' || (t.value !== 'import' && t.value !== 'export')) continue;
    const prev = tokens[k - 1];
    if (prev && prev.type === 'punct' && prev.value === '.') continue; // obj.import, import.meta is handled below
    const isExport = t.value === 'export';
    const n1 = tokens[k + 1];
    const n2 = tokens[k + 2];
    if (!isExport && n1?.type === 'str') {
      found.push({ spec: n1.value, line: t.line, typeOnly: false });
      continue;
    }
    if (!isExport && n1?.type === 'punct' && n1.value === '(' && n2?.type === 'str' && tokens[k + 3]?.value === ')') {
      found.push({ spec: n2.value, line: t.line, typeOnly: false });
      continue;
    }
    // `import type X from` / `export type { X } from`; but `import type from 'x'` imports a default named "type".
    const typeOnly = n1?.type === 'id' && n1.value === 'type' && !(n2?.type === 'id' && n2.value === 'from');
    const spec = fromClause(tokens, k + (typeOnly ? 2 : 1), isExport);
    if (spec) found.push({ spec: spec.value, line: t.line, typeOnly });
  }
  return found;
}

/** The package name a specifier refers to (`@scope/name/sub` → `@scope/name`, `node:fs` → `node:fs`). */
export function packageOf(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function matches(pattern, spec) {
  if (pattern === '*') return true;
  if (pattern === 'node:*') return spec.startsWith('node:');
  // `@parley/store` allows only the package root, `@parley/store/testing` that exact subpath;
  // a bare package allows its subpaths (`fastify/types`).
  if (pattern.startsWith('@parley/')) return spec === pattern;
  return spec === pattern || spec.startsWith(`${pattern}/`);
}

function isTestFile(relPath) {
  return /\.test\.ts$/.test(relPath) || relPath.split('/').includes('test-support') || /(^|\/)src\/testing\//.test(relPath);
}

/** The layer rule of `LAYERS[pkg]` as text: `platform < model < ... < web < v2tim`. */
function layerOrder(layering) {
  return layering.layers.map((folders) => (folders.length === 1 ? folders[0] : `{${folders.join(', ')}}`)).join(' < ');
}

/**
 * Checks the folder layering and the absence of import cycles inside one package.
 * @param sources absolute paths of the package's `src/` and `test-support/` files
 * @returns violations, as {@link checkDeps} reports them
 */
export function checkLayers(root, pkg, pkgDir, sources) {
  const layering = LAYERS[pkg];
  if (!layering) return [];
  const srcDir = join(pkgDir, 'src');
  const rank = new Map();
  layering.layers.forEach((folders, i) => folders.forEach((folder) => rank.set(folder, i)));
  const top = layering.layers.length;
  // `features/accounts/x.ts` belongs to the folder `features/accounts`, ranked as `features/*`.
  const folderOf = (abs) => {
    const parts = relative(srcDir, abs).split(sep);
    if (parts.length === 1) return '';
    return parts.length > 2 && rank.has(`${parts[0]}/*`) ? `${parts[0]}/${parts[1]}` : parts[0];
  };
  const rankOf = (folder) => rank.get(rank.has(folder) ? folder : `${folder.split('/')[0]}/*`);
  const isPort = (abs) => layering.portSuffix !== undefined && abs.endsWith(layering.portSuffix);
  const rel = (abs) => relative(root, abs).split(sep).join('/');
  const violations = [];
  const edges = new Map();
  const production = sources.filter((abs) => abs.startsWith(srcDir + sep) && !isTestFile(rel(abs))).sort();
  const known = new Set(production);
  const reportedFolders = new Set();
  for (const abs of production) {
    const file = rel(abs);
    const from = folderOf(abs);
    if (from !== '' && rankOf(from) === undefined && !reportedFolders.has(from)) {
      reportedFolders.add(from);
      violations.push({ file: rel(join(srcDir, from)), line: 0, pkg, spec: '(anything)', rule: `${from}/ is in no layer of LAYERS.${pkg} in scripts/check-deps.mjs` });
    }
    const out = [];
    for (const { spec, line } of findImports(readFileSync(abs, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(abs), spec).replace(/\.js$/, '.ts');
      if (!known.has(target)) continue;
      out.push({ target, spec, line });
      const to = folderOf(target);
      if (from === to || from === '' || rankOf(from) === undefined) continue;
      const fromRank = rankOf(from);
      const toRank = to === '' ? top : (rankOf(to) ?? top);
      if (toRank > fromRank) {
        violations.push({ file, line, pkg, spec, rule: `a lower layer never imports a higher one: ${layerOrder(layering)}` });
      } else if (toRank === fromRank && !isPort(target)) {
        violations.push({ file, line, pkg, spec, rule: layering.peers });
      }
    }
    edges.set(abs, out);
  }
  // Import cycles: a depth-first walk reports each edge that closes a cycle, with the cycle.
  const state = new Map();
  const stack = [];
  const visit = (abs) => {
    state.set(abs, 'open');
    stack.push(abs);
    for (const { target, spec, line } of edges.get(abs) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map((f) => relative(srcDir, f).split(sep).join('/'));
        violations.push({ file: rel(abs), line, pkg, spec, rule: `import cycle: ${cycle.join(' → ')}` });
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(abs, 'done');
  };
  for (const abs of production) if (!state.has(abs)) visit(abs);
  return violations;
}

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function readManifest(pkgDir) {
  const file = join(pkgDir, 'package.json');
  if (!existsSync(file)) return { dependencies: {}, devDependencies: {} };
  const json = JSON.parse(readFileSync(file, 'utf8'));
  // An optional dependency is declared too: the importing code must cope with its absence.
  return { dependencies: { ...json.dependencies, ...json.optionalDependencies }, devDependencies: json.devDependencies ?? {} };
}

/**
 * Checks the tree under `root` (a repository root with `packages/<pkg>/`).
 * @returns `violations` (each with `file` relative to root, `line`, `pkg`, `spec`, `rule`) and the
 *   number of `files` scanned.
 */
export function checkDeps(root) {
  const packagesDir = join(root, 'packages');
  const violations = [];
  let files = 0;
  const pkgs = existsSync(packagesDir) ? readdirSync(packagesDir).filter((n) => statSync(join(packagesDir, n)).isDirectory()).sort() : [];
  const roots = [...pkgs.map((pkg) => ({ pkg, pkgDir: join(packagesDir, pkg) })), ...EXTRA_ROOTS.filter((n) => existsSync(join(root, n))).map((pkg) => ({ pkg, pkgDir: join(root, pkg) }))];
  for (const { pkg, pkgDir } of roots) {
    const sources = [...walk(join(pkgDir, 'src'), []), ...walk(join(pkgDir, 'test-support'), [])].sort();
    const rules = RULES[pkg];
    if (!rules) {
      if (sources.length > 0) {
        violations.push({ file: relative(root, pkgDir).split(sep).join('/'), line: 0, pkg, spec: '(anything)', rule: 'no dependency rule for this package in scripts/check-deps.mjs' });
      }
      continue;
    }
    violations.push(...checkLayers(root, pkg, pkgDir, sources));
    const manifest = readManifest(pkgDir);
    for (const abs of sources) {
      files++;
      const file = relative(root, abs).split(sep).join('/');
      const test = isTestFile(file);
      for (const { spec, line, typeOnly } of findImports(readFileSync(abs, 'utf8'))) {
        const report = (rule) => violations.push({ file, line, pkg, spec, rule });
        if (spec.startsWith('.')) {
          const target = resolve(dirname(abs), spec);
          if (target !== pkgDir && !target.startsWith(pkgDir + sep)) report('relative imports stay inside the package; import other packages by name');
          continue;
        }
        if (!spec.startsWith('node:') && BUILTINS.has(packageOf(spec))) {
          report('Node built-ins are imported with the node: prefix');
          continue;
        }
        const allowed = [...rules.allow, ...(test ? [...TEST_EXTRAS, ...rules.testAllow] : [])];
        const ok = allowed.some((p) => matches(p, spec)) || (typeOnly && rules.typeOnly.some((p) => matches(p, spec)));
        if (!ok) {
          const typeHint = rules.typeOnly.some((p) => matches(p, spec)) ? '; only `import type` is allowed' : '';
          report(`${rules.rule}${test ? ' (test code)' : ''}${typeHint}`);
          continue;
        }
        if (spec.startsWith('@parley/')) {
          const name = packageOf(spec);
          const declared = name in manifest.dependencies || (test && name in manifest.devDependencies);
          if (!declared) report(`${name} is not declared in ${relative(root, pkgDir).split(sep).join('/')}/package.json ${test ? 'dependencies or devDependencies' : 'dependencies'}`);
        }
      }
    }
  }
  violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { violations, files };
}

/** Formats a violation as `file:line: <pkg> may not import <spec> (rule)`. */
export function formatViolation(v) {
  return `${v.file}:${v.line}: ${v.pkg} may not import ${v.spec} (${v.rule})`;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const { violations, files } = checkDeps(root);
  for (const v of violations) console.log(formatViolation(v));
  if (violations.length > 0) {
    console.log(`check-deps: ${violations.length} violation(s) in ${files} files`);
    process.exit(1);
  }
  console.log(`check-deps: ${files} files, dependency direction ok`);
}
