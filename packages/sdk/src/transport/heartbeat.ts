/**
 * Keeps a logged-in socket alive and notices when it is dead (protocol rule 5): sends
 * `wshello` every `helloInterval` and declares the connection dead when no frame at all
 * (answer or push) has arrived for two intervals, which catches half-open sockets that never
 * report a close.
 */
import { SessionCommands } from '@parley/protocol';
import type { Environment } from '../platform/environment.js';
import type { SocketLink } from './socket-link.js';

/** How many hello intervals of silence make a connection dead. */
export const SILENT_INTERVALS_BEFORE_DEAD = 2;

/** What the heartbeat reports. */
export interface HeartbeatHandlers {
  /** A hello answer carried the server clock, in ms since the epoch. */
  onServerTime(serverTimeMs: number): void;
  /** Nothing arrived for {@link SILENT_INTERVALS_BEFORE_DEAD} intervals. Called once; the heartbeat stops itself. */
  onDead(silentForMs: number): void;
}

/** The heartbeat of one socket. */
export class Heartbeat {
  private helloTimer: unknown;
  private watchdogTimer: unknown;
  private running = false;

  /** @param intervalMs time between hellos, in ms (the login answer's `helloInterval` × 1000). */
  constructor(
    private readonly env: Environment,
    private readonly link: SocketLink,
    private readonly intervalMs: number,
    private readonly handlers: HeartbeatHandlers,
  ) {}

  /** Starts sending hellos and watching for silence. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.scheduleHello();
    this.scheduleWatchdog(this.intervalMs * SILENT_INTERVALS_BEFORE_DEAD);
  }

  /** Stops both timers. */
  stop(): void {
    this.running = false;
    this.env.timers.clearTimeout(this.helloTimer);
    this.env.timers.clearTimeout(this.watchdogTimer);
  }

  private scheduleHello(): void {
    this.helloTimer = this.env.timers.setTimeout(() => {
      if (!this.running) return;
      this.sendHello();
      this.scheduleHello();
    }, this.intervalMs);
  }

  private sendHello(): void {
    const deadline = this.intervalMs * SILENT_INTERVALS_BEFORE_DEAD;
    this.link.request(SessionCommands.hello.name, {}, deadline).then(
      (body) => {
        // An answer without a usable clock is no failure of the link: the watchdog judges liveness.
        const answer = SessionCommands.hello.parseAnswer(body);
        if (this.running && answer.ok) this.handlers.onServerTime(answer.value.serverTime);
      },
      // A lost or failed hello is judged by the watchdog (silence), not one by one.
      (error: unknown) => this.env.logger.debug('hello failed', error),
    );
  }

  private scheduleWatchdog(inMs: number): void {
    this.watchdogTimer = this.env.timers.setTimeout(() => {
      if (!this.running) return;
      const bound = this.intervalMs * SILENT_INTERVALS_BEFORE_DEAD;
      const silentFor = this.env.now() - this.link.lastFrameAt;
      if (silentFor >= bound) {
        this.stop();
        this.handlers.onDead(silentFor);
      } else {
        this.scheduleWatchdog(bound - silentFor);
      }
    }, Math.max(1, inMs));
  }
}
