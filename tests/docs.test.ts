import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloseCode,
  Command,
  ConversationCommands,
  ConversationPushes,
  GroupCommands,
  GroupPushes,
  listErrors,
  MessageCommands,
  MessagePushes,
  MessagingCommand,
  MessagingPush,
  ProfileCommands,
  ProfilePushes,
  StatusCommands,
  StatusPushes,
  FollowCommands,
  FollowPushes,
  RelationshipCommands,
  RelationshipPushes,
  Push,
  SessionCommands,
  SessionPushes,
  TERMINAL_CLOSE_CODES,
} from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { parseErrorsDoc, renderErrorsDoc } from '../scripts/gen-errors-doc.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const REGENERATE = 'docs/ERRORS.md is out of date: run `npx tsc -b && node scripts/gen-errors-doc.mjs`';

describe('docs/ERRORS.md', () => {
  const rows = parseErrorsDoc(read('docs/ERRORS.md'));
  const registry = listErrors();

  it('lists every registry code', () => {
    const inDoc = new Set(rows.map((r) => r.code));
    const missing = registry.filter((e) => !inDoc.has(e.code)).map((e) => `${e.code} ${e.name}`);
    expect(missing, `${REGENERATE} (codes missing from the doc)`).toEqual([]);
  });

  it('lists no code the registry lacks, and none twice', () => {
    const inRegistry = new Set(registry.map((e) => e.code));
    const extra = rows.filter((r) => !inRegistry.has(r.code)).map((r) => `line ${r.line}: ${r.code} ${r.name}`);
    expect(extra, `${REGENERATE} (doc rows not in the registry)`).toEqual([]);
    expect(new Set(rows.map((r) => r.code)).size, 'a code appears twice in docs/ERRORS.md').toBe(rows.length);
  });

  it('agrees with the registry on name, message, remediation and where used', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const mismatches: string[] = [];
    for (const e of registry) {
      const row = byCode.get(e.code);
      if (!row) continue;
      const expected = { name: e.name, message: e.message, remediation: e.remediation ?? '', where: e.where.join(', ') };
      const actual = { name: row.name, message: row.message, remediation: row.remediation, where: row.where.join(', ') };
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        if (expected[key] !== actual[key]) mismatches.push(`${e.code} ${key}: doc has ${JSON.stringify(actual[key])}, registry has ${JSON.stringify(expected[key])}`);
      }
    }
    expect(mismatches, REGENERATE).toEqual([]);
  });

  it('is exactly what the generator writes', () => {
    expect(read('docs/ERRORS.md') === renderErrorsDoc(registry), REGENERATE).toBe(true);
  });

  it('parses rows the way the generator renders them (the check above can fail)', () => {
    const sample = renderErrorsDoc([{ code: 1, name: 'X_Y', message: 'm', where: ['SDK', 'server'] }]);
    expect(parseErrorsDoc(sample)).toEqual([{ code: 1, name: 'X_Y', message: 'm', remediation: '', where: ['SDK', 'server'], line: 24 }]);
    expect(parseErrorsDoc(sample.replace('| m |', '| changed |'))[0]?.message).toBe('changed');
  });
});

describe('docs/PROTOCOL.md', () => {
  const doc = read('docs/PROTOCOL.md');

  // The close-code section runs from its heading to the next "## " heading.
  const closeSection = doc.split(/^## /m).find((s) => /^\d+\. Close codes/.test(s)) ?? '';
  // Rows of its table: lines of the form "| 4403 | `Kicked` | ...".
  const tableCodes = [...closeSection.matchAll(/^\| (\d{4}) \| `(\w+)` \|/gm)].map((m) => ({ code: Number(m[1]), name: m[2] ?? '' }));

  it('has a close-code section with a table', () => {
    expect(closeSection.length).toBeGreaterThan(0);
  });

  it('has a close-code table row for every CloseCode, with its name', () => {
    for (const [name, code] of Object.entries(CloseCode)) {
      expect(tableCodes, `close code ${code} (${name}) missing from the PROTOCOL.md close-code table`).toContainEqual({ code, name });
    }
  });

  it('lists no close code in its table that CloseCode lacks', () => {
    const known = new Set<number>(Object.values(CloseCode));
    const unknown = tableCodes.filter((c) => (c.code >= 1000 && c.code < 2000) || (c.code >= 4000 && c.code < 5000)).filter((c) => !known.has(c.code));
    expect(unknown).toEqual([]);
    expect(tableCodes.length).toBe(Object.keys(CloseCode).length);
  });

  it('marks exactly the terminal close codes as terminal', () => {
    const terminalRows = [...closeSection.matchAll(/^\| (\d{4}) \| `\w+` \|.*\| no \(terminal\)/gm)].map((m) => Number(m[1]));
    expect(terminalRows.sort()).toEqual([...TERMINAL_CLOSE_CODES].sort());
  });

  it('describes every command and push by its wire name, messaging included', () => {
    const names = [...Object.values(Command), ...Object.values(Push), ...Object.values(MessagingCommand), ...Object.values(MessagingPush)];
    for (const name of names) expect(doc, `${name} missing from PROTOCOL.md`).toContain(`\`${name}\``);
  });

  it('names no messaging command or push that does not exist', () => {
    const known = new Set<string>([...Object.values(MessagingCommand), ...Object.values(MessagingPush)]);
    const mentioned = new Set([...doc.matchAll(/`((?:openim|recentcontact|group_open_http_svc)\.\w+)`/g)].map((m) => m[1] ?? ''));
    expect(mentioned.size).toBeGreaterThanOrEqual(known.size);
    expect([...mentioned].filter((n) => !known.has(n))).toEqual([]);
  });

  it('has a messaging section with a row for each messaging command', () => {
    const section = doc.split(/^## /m).find((s) => /^\d+\. Messaging/.test(s)) ?? '';
    expect(section.length).toBeGreaterThan(0);
    const rows = new Set([...section.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1]));
    for (const name of Object.values(MessagingCommand)) expect(rows, `no table row for ${name}`).toContain(name);
  });

  it('has a definition for every command and push it names, and names every definition', () => {
    const groups = { SessionCommands, SessionPushes, MessageCommands, MessagePushes, ConversationCommands, ConversationPushes, GroupCommands, GroupPushes, ProfileCommands, ProfilePushes, StatusCommands, StatusPushes, FollowCommands, FollowPushes, RelationshipCommands, RelationshipPushes };
    const defined = new Set(Object.values(groups).flatMap((g) => Object.values(g).map((d: { name: string }) => d.name)));
    const mentioned = new Set([...doc.matchAll(/`((?:im_open_status|openim|recentcontact|group_open_http_svc|profile|status|follow|sns)\.\w+)`/g)].map((m) => m[1] ?? ''));
    expect([...mentioned].filter((n) => !defined.has(n)), 'named in PROTOCOL.md without a definition').toEqual([]);
    expect([...defined].filter((n) => !mentioned.has(n)), 'defined but not in PROTOCOL.md').toEqual([]);
  });

  it('maps each wire name to its definition in the definitions table, and lists every definition', () => {
    const groups = { SessionCommands, SessionPushes, MessageCommands, MessagePushes, ConversationCommands, ConversationPushes, GroupCommands, GroupPushes, ProfileCommands, ProfilePushes, StatusCommands, StatusPushes, FollowCommands, FollowPushes, RelationshipCommands, RelationshipPushes };
    const actual = Object.entries(groups).flatMap(([group, defs]) => Object.entries(defs).map(([key, d]: [string, { name: string }]) => `${d.name} ${group}.${key}`));
    const section = doc.split(/^## /m).find((s) => /^\d+\. Definitions in code/.test(s)) ?? '';
    const rows = [...section.matchAll(/^\| `([\w.]+)` \| `(\w+\.\w+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.length).toBeGreaterThan(0);
    expect([...rows].sort()).toEqual([...actual].sort());
  });

  it('names every command and push of the im_open_status service that exists, and no other', () => {
    const known = new Set<string>([...Object.values(Command), ...Object.values(Push)]);
    const mentioned = new Set([...doc.matchAll(/`(im_open_status\.\w+)`/g)].map((m) => m[1] ?? ''));
    expect([...mentioned].filter((n) => !known.has(n))).toEqual([]);
  });
});

describe('links between documents', () => {
  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  it.each(docs)('%s links only to files that exist', (path) => {
    const text = read(path).replace(/```[\s\S]*?```/g, '');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1] ?? '')
      .filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#'))
      .map((t) => t.split('#')[0] ?? '');
    const missing = targets.filter((t) => !existsSync(join(ROOT, dirname(path), decodeURIComponent(t))));
    expect(missing).toEqual([]);
  });

  it.each(docs)('%s links only to headings of its own that exist', (path) => {
    const text = read(path).replace(/```[\s\S]*?```/g, '');
    // GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens.
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const anchors = new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
    const links = [...text.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});
