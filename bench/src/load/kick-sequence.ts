/**
 * W4 inside a load generator: users one at a time on an otherwise idle server. Session A logs in,
 * then session B of the same user; A must be kicked (never B), and the kick's delay is measured.
 */
import type { WireClient } from './wire-session.js';

/** One user's measurement. All times in ms. */
export interface KickSample {
  readonly user: string;
  /** A received its kick. */
  readonly kicked: boolean;
  /** B (the newer login) received a kick: the wrong victim. */
  readonly newerKicked: boolean;
  /** Parley: the kick push named B's instance as the cause. Undefined for other systems. */
  readonly causeIsNewer: boolean | undefined;
  /** A's kick − B's login answer (negative: A was kicked before B was answered). */
  readonly afterAnswerMs: number | undefined;
  /** A's kick − B's login request. */
  readonly afterRequestMs: number | undefined;
  /** A's connection closed − A's kick. */
  readonly closeAfterKickMs: number | undefined;
  /** A's close code (WebSocket), when known. */
  readonly closeCode: number | undefined;
}

/** Result of {@link runKickSequence}. */
export interface KickReport {
  readonly samples: KickSample[];
  readonly errors: Record<string, number>;
}

const within = (p: Promise<void>, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    void p.then(() => {
      clearTimeout(t);
      resolve(true);
    });
  });

/**
 * Runs the kick test for each user in turn.
 * @param waitMs - how long to wait for A's kick and A's close, ms.
 */
export async function runKickSequence(client: WireClient, users: readonly string[], timeoutMs: number, waitMs: number, onProgress: (done: number) => void): Promise<KickReport> {
  const samples: KickSample[] = [];
  const errors: Record<string, number> = {};
  const count = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
  let done = 0;
  for (const user of users) {
    try {
      const a = await client.login(user, { timeoutMs });
      const b = await client.login(user, { timeoutMs });
      const kicked = await within(a.whenKicked(), waitMs);
      const closed = await within(a.whenClosed(), waitMs);
      // Give a wrong kick of B the same chance to show up before judging.
      if (!closed) await within(b.whenKicked(), 10);
      const sample: KickSample = {
        user,
        kicked,
        newerKicked: b.kickedAt !== undefined,
        causeIsNewer: a.kickedBy === undefined || b.instanceID === undefined ? undefined : a.kickedBy === b.instanceID,
        afterAnswerMs: a.kickedAt === undefined ? undefined : a.kickedAt - b.answeredAt,
        afterRequestMs: a.kickedAt === undefined ? undefined : a.kickedAt - b.requestSentAt,
        closeAfterKickMs: a.kickedAt === undefined || a.closedAt === undefined ? undefined : a.closedAt - a.kickedAt,
        closeCode: a.closeCode,
      };
      samples.push(sample);
      if (!kicked) count('A not kicked');
      if (!closed) a.terminate();
      b.close();
      if (!(await within(b.whenClosed(), waitMs))) b.terminate();
    } catch (err) {
      count(err instanceof Error ? err.message : String(err));
    }
    onProgress(++done);
  }
  return { samples, errors };
}
