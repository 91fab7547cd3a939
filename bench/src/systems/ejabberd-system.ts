/**
 * ejabberd (Debian package) as a system under test, configured as in peer-bench.md: loopback only,
 * TLS off, one c2s listener with `shaper: none` and backlog 1024, mnesia, plain passwords. The
 * node's epmd runs on a private port so it never mixes with another Erlang node on the machine,
 * and is killed by pid when the run ends.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopPid } from '../proc/child-processes.js';
import { listProcesses, readEnviron } from '../proc/proc-stats.js';
import { freePort } from './free-port.js';
import type { RunningSystem, SystemDriver, SystemStartOptions } from './system-types.js';
import { registerXmppUsers, waitForXmpp } from './xmpp-register.js';
import { archiveLines, chownTree, debianVersion, renderTemplate, startPeerProcess, systemUser, XMPP_DOMAIN, XMPP_PASSWORD } from './xmpp-peer.js';

/** Stops the epmd daemons started with `ERL_EPMD_PORT=<port>` (ours only), by pid. */
async function stopEpmd(port: number): Promise<void> {
  const ours = listProcesses().filter((p) => p.comm === 'epmd' && readEnviron(p.pid).includes(`ERL_EPMD_PORT=${port}`));
  for (const p of ours) await stopPid(p.pid, 'SIGTERM', 1_000);
}

/** Starts ejabberd from /usr/sbin/ejabberdctl in the foreground. */
export const ejabberdDriver: SystemDriver = {
  name: 'ejabberd',
  version: () => `ejabberd ${debianVersion('ejabberd') ?? '?'} (Erlang/OTP erlang-base ${debianVersion('erlang-base') ?? '?'}), mnesia`,
  async start(options: SystemStartOptions): Promise<RunningSystem> {
    const user = systemUser('ejabberd');
    if (!user || !existsSync('/usr/sbin/ejabberdctl')) throw new Error('ejabberd is not installed (apt-get install ejabberd)');
    const dir = join(options.workDir, 'ejabberd');
    mkdirSync(join(dir, 'spool'), { recursive: true });
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const port = await freePort();
    const epmdPort = await freePort();
    renderTemplate('ejabberd.yml', join(dir, 'ejabberd.yml'), { PORT: String(port), MAX_USER_SESSIONS: String(options.maxUserSessions), ARCHIVE: archiveLines('ejabberd-mam.yml', options.archive === true) });
    renderTemplate('ejabberdctl.cfg', join(dir, 'ejabberdctl.cfg'), { DIR: dir });
    if (existsSync('/etc/ejabberd/inetrc')) copyFileSync('/etc/ejabberd/inetrc', join(dir, 'inetrc'));
    chownTree(dir, user);
    const argv = ['/usr/sbin/ejabberdctl', '--config-dir', dir, '--config', join(dir, 'ejabberd.yml'), '--ctl-config', join(dir, 'ejabberdctl.cfg'), '--spool', join(dir, 'spool'), '--logs', join(dir, 'logs'), 'foreground'];
    const env = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin', HOME: dir, LANG: 'C.UTF-8', ERL_EPMD_PORT: String(epmdPort), ERL_EPMD_ADDRESS: '127.0.0.1' };
    const proc = startPeerProcess(options.pinning, 'ejabberd', argv, env, dir, /^beam/, join(options.workDir, 'ejabberd-console.log'));
    let serverPid: number;
    try {
      await waitForXmpp('127.0.0.1', port, XMPP_DOMAIN, 60_000, () => proc.alive());
      serverPid = proc.serverPid();
    } catch (err) {
      await proc.killAll();
      await stopEpmd(epmdPort);
      throw err;
    }
    const sessionPid = proc.sessionPid;
    return {
      name: 'ejabberd',
      pid: serverPid,
      target: { kind: 'xmpp', host: '127.0.0.1', port, domain: XMPP_DOMAIN, password: XMPP_PASSWORD },
      prepareUsers: (users) => registerXmppUsers('127.0.0.1', port, XMPP_DOMAIN, users, XMPP_PASSWORD),
      async stop() {
        // The VM handles SIGTERM as init:stop(); ejabberdctl's shell then exits on its own.
        await stopPid(serverPid, 'SIGTERM', 20_000);
        await stopPid(sessionPid, 'SIGTERM', 5_000);
        await stopEpmd(epmdPort);
      },
    };
  },
};
