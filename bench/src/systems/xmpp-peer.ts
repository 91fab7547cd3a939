/**
 * Shared plumbing for the XMPP peers: render a config template from bench/peers, start the server
 * in the foreground under `setsid` as its own user via `setpriv` (not `su`, which would cut the
 * open-files limit to 1024), pinned to the server CPU, and find the process to measure.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEERS_DIR } from '../paths.js';
import { own, sleep, spawnOwned, stopPid } from '../proc/child-processes.js';
import { pinnedCommand, type Pinning } from '../proc/pinning.js';
import { isAlive, listProcesses } from '../proc/proc-stats.js';

/** Domain of the bench accounts, and their shared password (SASL PLAIN against a plain store). */
export const XMPP_DOMAIN = 'localhost';
export const XMPP_PASSWORD = 'pw';

/** Writes `bench/peers/<template>` into `dest` with `{{KEY}}` placeholders replaced. */
export function renderTemplate(template: string, dest: string, values: Readonly<Record<string, string>>): void {
  let text = readFileSync(join(PEERS_DIR, template), 'utf8');
  for (const [k, v] of Object.entries(values)) text = text.split(`{{${k}}}`).join(v);
  const left = /\{\{[A-Z_]+\}\}/.exec(text);
  if (left) throw new Error(`${template}: placeholder ${left[0]} has no value`);
  writeFileSync(dest, text);
}

/** The archive lines of a peer config: `bench/peers/<file>` when archiving, else nothing. */
export function archiveLines(file: string, archive: boolean): string {
  return archive ? readFileSync(join(PEERS_DIR, file), 'utf8').replace(/^(#|--).*\n/gm, '').trimEnd() : '';
}

/** uid and gid of a system user, or undefined if it does not exist. */
export function systemUser(name: string): { uid: number; gid: number } | undefined {
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return Number.isInteger(uid) && Number.isInteger(gid) && spawnSync('id', [name], { stdio: 'ignore' }).status === 0 ? { uid, gid } : undefined;
}

/** Gives `dir` and everything in it to `user`. */
export function chownTree(dir: string, user: { uid: number; gid: number }): void {
  chownSync(dir, user.uid, user.gid);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) chownTree(p, user);
    else chownSync(p, user.uid, user.gid);
  }
}

/** Version of an installed Debian package, or undefined. */
export function debianVersion(pkg: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** A started peer: the session leader we spawned; the server process is looked up inside its session. */
export interface PeerProcess {
  /** Pid we spawned; also the session id of everything the server starts. */
  readonly sessionPid: number;
  /** True while some process of the session is alive. */
  alive(): boolean;
  /**
   * The process to measure: the one of the session whose `comm` matches (the Erlang VM, the Lua
   * interpreter). Call it once the server answers: ejabberdctl runs short-lived VMs before the real one.
   */
  serverPid(): number;
  /** Kills every process of the session by pid (SIGKILL). */
  killAll(): Promise<void>;
}

/** Processes whose session id is `sid`. */
function sessionMembers(sid: number) {
  return listProcesses().filter((p) => p.sid === sid);
}

/** Starts `argv` as `user` in a new session (`setsid` + `setpriv`), pinned, with `env`. */
export function startPeerProcess(pinning: Pinning, user: string, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, comm: RegExp, log: string): PeerProcess {
  const inner = ['setsid', 'setpriv', `--reuid=${user}`, `--regid=${user}`, '--init-groups', '--', ...argv];
  const { cmd, args } = pinnedCommand(pinning, 'server', inner[0]!, inner.slice(1));
  const child = spawnOwned(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env, cwd });
  const sessionPid = child.pid;
  if (sessionPid === undefined) throw new Error(`could not start ${argv[0]}`);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    writeFileSync(log, output);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    sessionPid,
    // Before `setsid` has run, the spawned process is not yet in its own session.
    alive: () => isAlive(sessionPid) || sessionMembers(sessionPid).length > 0,
    serverPid() {
      const found = sessionMembers(sessionPid).filter((p) => comm.test(p.comm));
      if (found.length !== 1) throw new Error(`expected one ${comm} process in the server's session, found ${found.length}; output:\n${output}`);
      own(found[0]!.pid);
      return found[0]!.pid;
    },
    async killAll() {
      await stopPid(sessionPid, 'SIGKILL', 2_000);
      // A child forked just before may still show up: look until the session stays empty.
      for (let quiet = 0, rounds = 0; quiet < 3 && rounds < 100; rounds++) {
        const left = sessionMembers(sessionPid);
        if (left.length === 0) quiet++;
        else quiet = 0;
        for (const p of left) await stopPid(p.pid, 'SIGKILL', 2_000);
        await sleep(100);
      }
    },
  };
}
