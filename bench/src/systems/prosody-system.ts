/**
 * Prosody (Debian package) as a system under test, configured as in peer-bench.md: epoll backend,
 * backlog 1024, loopback c2s only, TLS/s2s/limits off, `internal_plain` auth, `internal` storage,
 * `conflict_resolve = "kick_old"`. Runs in the foreground (`-F`) as the prosody user.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopPid } from '../proc/child-processes.js';
import { freePort } from './free-port.js';
import type { RunningSystem, SystemDriver, SystemStartOptions } from './system-types.js';
import { registerXmppUsers, waitForXmpp } from './xmpp-register.js';
import { archiveLines, chownTree, debianVersion, renderTemplate, startPeerProcess, systemUser, XMPP_DOMAIN, XMPP_PASSWORD } from './xmpp-peer.js';

/** Starts Prosody from /usr/bin/prosody. */
export const prosodyDriver: SystemDriver = {
  name: 'prosody',
  version: () => `Prosody ${debianVersion('prosody') ?? '?'} (lua5.4 ${debianVersion('lua5.4') ?? '?'}), epoll, internal storage`,
  async start(options: SystemStartOptions): Promise<RunningSystem> {
    const user = systemUser('prosody');
    if (!user || !existsSync('/usr/bin/prosody')) throw new Error('Prosody is not installed (apt-get install prosody)');
    const dir = join(options.workDir, 'prosody');
    mkdirSync(join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'certs'), { recursive: true });
    const port = await freePort();
    renderTemplate('prosody.cfg.lua', join(dir, 'prosody.cfg.lua'), { PORT: String(port), DIR: dir, ARCHIVE: archiveLines('prosody-mam.cfg.lua', options.archive === true), ARCHIVE_MODULE: options.archive === true ? '"mam";' : '' });
    chownTree(dir, user);
    const argv = ['/usr/bin/prosody', '-F', '--config', join(dir, 'prosody.cfg.lua')];
    const env = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin', HOME: dir, LANG: 'C.UTF-8' };
    const proc = startPeerProcess(options.pinning, 'prosody', argv, env, dir, /^lua/, join(options.workDir, 'prosody-console.log'));
    let serverPid: number;
    try {
      await waitForXmpp('127.0.0.1', port, XMPP_DOMAIN, 30_000, () => proc.alive());
      serverPid = proc.serverPid();
    } catch (err) {
      await proc.killAll();
      throw err;
    }
    const sessionPid = proc.sessionPid;
    return {
      name: 'prosody',
      pid: serverPid,
      target: { kind: 'xmpp', host: '127.0.0.1', port, domain: XMPP_DOMAIN, password: XMPP_PASSWORD },
      prepareUsers: (users) => registerXmppUsers('127.0.0.1', port, XMPP_DOMAIN, users, XMPP_PASSWORD),
      async stop() {
        await stopPid(serverPid, 'SIGTERM', 15_000);
        await stopPid(sessionPid, 'SIGTERM', 5_000);
      },
    };
  },
};
