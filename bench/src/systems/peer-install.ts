/**
 * Installs ejabberd and Prosody from Debian when a run compares with them and they are missing.
 * Installing must start nothing: a `policy-rc.d` that denies service starts is put in place for the
 * install (when the machine has none), and any process of the packages' users that appeared during
 * the install is stopped by pid afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { stopPid } from '../proc/child-processes.js';
import { listProcesses } from '../proc/proc-stats.js';
import { debianVersion, systemUser } from './xmpp-peer.js';

const POLICY = '/usr/sbin/policy-rc.d';

/** Debian package and system user of each XMPP peer. */
export const PEER_PACKAGES = { ejabberd: 'ejabberd', prosody: 'prosody' } as const;

function uidOf(pid: number): number | undefined {
  try {
    const m = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Packages among `wanted` that are not installed. */
export function missingPeers(wanted: readonly (keyof typeof PEER_PACKAGES)[]): string[] {
  return wanted.map((w) => PEER_PACKAGES[w]).filter((pkg) => debianVersion(pkg) === undefined);
}

/**
 * Installs the missing peers with apt-get. Throws with apt's output if that fails.
 * @returns the packages installed (empty when all were present).
 */
export async function ensurePeersInstalled(wanted: readonly (keyof typeof PEER_PACKAGES)[], log: (line: string) => void): Promise<string[]> {
  const missing = missingPeers(wanted);
  if (missing.length === 0) return [];
  log(`installing ${missing.join(', ')} with apt-get (services are not started)`);
  const before = new Set(listProcesses().map((p) => p.pid));
  const ownPolicy = !existsSync(POLICY);
  if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\n# written by parley bench for the duration of an install: start no service\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env });
    if (update.status !== 0) throw new Error(`apt-get update failed:\n${update.stderr.slice(-2000)}`);
    const install = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { encoding: 'utf8', env });
    if (install.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed:\n${install.stderr.slice(-2000)}`);
  } finally {
    if (ownPolicy) unlinkSync(POLICY);
  }
  // Whatever the packages' maintainer scripts started anyway is not ours to keep.
  const uids = new Set(wanted.map((w) => systemUser(PEER_PACKAGES[w])?.uid).filter((u): u is number => u !== undefined));
  for (const p of listProcesses()) {
    const uid = uidOf(p.pid);
    if (!before.has(p.pid) && uid !== undefined && uids.has(uid)) {
      log(`stopping ${p.comm} (pid ${p.pid}) started by the package install`);
      await stopPid(p.pid, 'SIGTERM', 10_000);
    }
  }
  return missing;
}
