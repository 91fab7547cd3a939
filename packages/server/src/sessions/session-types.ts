/**
 * The shapes the session manager is built from and answers with: its tunables, its dependencies, a
 * login's context and outcome, a user's online state.
 */
import type { ErrorName, OnlineState, LoginResponse, Platform, Refusal } from '@parley/protocol';
import type { AppRecord } from '@parley/store';
import type { AppCache } from '../directories/app-cache.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { SigVerifier } from '../auth/sig-verifier.js';
import type { Broker } from '../cluster/broker.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { Clock } from '../time/clock.js';
import type { UsageTracker } from '../usage/usage-tracker.js';
import type { InstanceRecord, SessionDirectory } from './session-directory.js';
import type { SessionSink, SinkTable } from './sink-table.js';

/** Tunables of the session rules. */
export interface SessionOptions {
  /** Heartbeat interval told to clients, in seconds. @default 30 */
  readonly helloIntervalSec: number;
  /** How long a dropped instance stays resumable (and counted by the policy), in ms. @default 90000 */
  readonly resumeGraceMs: number;
}

/** Dependencies of {@link SessionManager}. */
export interface SessionDeps {
  readonly apps: AppCache;
  readonly clock: Clock;
  readonly verifier: SigVerifier;
  readonly throttle: LoginThrottle;
  /** Every node's instances. */
  readonly directory: SessionDirectory;
  /** This node's sockets. */
  readonly sinks: SinkTable;
  /** Kicks and resumes reach the other nodes through it. */
  readonly broker: Broker;
  /** This node's id in the directory and on the broker. */
  readonly nodeID: string;
  readonly usage: UsageTracker;
  readonly metrics: ServerMetrics;
  /** Sign-up of a user who logs in for the first time (the accounts feature). */
  readonly accounts: AccountSignUp;
  readonly options: SessionOptions;
  /** Logs failures of work nobody waits for (a detach, a deadline). */
  readonly onError: (err: unknown, context: string) => void;
}

/** Why a sign-up was refused: the registry error and its detail. */
export interface AccountRefusal {
  readonly error: ErrorName;
  readonly detail: string;
}

/** The port through which a login signs its user up. The accounts feature implements it. */
export interface AccountSignUp {
  /** True if the account is known to exist on this node (a synchronous cache read). */
  isKnown(sdkAppID: number, userID: string): boolean;
  /** Makes sure the account exists, creating it if the plan allows; resolves with the refusal otherwise. */
  signUp(app: AppRecord, userID: string): Promise<AccountRefusal | undefined>;
}

/** Where a login comes from. */
export interface LoginContext {
  /** Client IP, for failure throttling. */
  readonly ip: () => string;
  /** The socket the instance will be attached to. */
  readonly sink: SessionSink;
  /** False once the socket closed (a login that finishes after that is dropped). */
  readonly isOpen: () => boolean;
  /**
   * Called synchronously when the login succeeds, before any instance it pushes out is told, so the
   * new instance's answer always leaves first; and a racing login's kick of this new instance (from
   * any node) waits until this has run (see {@link SinkTable}), so it cannot overtake the answer.
   */
  readonly onLoggedIn: (instance: InstanceRecord, response: LoginResponse) => void;
}

/** Outcome of {@link SessionManager.login}. */
export type LoginOutcome =
  | { readonly ok: true; readonly instance: InstanceRecord; readonly response: LoginResponse }
  | Refusal;

/** Online state of one user, as REST `query_online_status` reports it. */
export interface UserOnlineState {
  readonly userID: string;
  readonly state: (typeof OnlineState)[keyof typeof OnlineState];
  readonly instances: readonly { readonly platform: Platform; readonly instanceID: string }[];
}

/**
 * Where a user's instances are, on every node: `attached` (a socket somewhere), `detached` (logged in,
 * but every socket dropped and still resumable within the grace) or `none` (logged out, never
 * logged in, or the grace ran out).
 */
export interface UserPresence {
  readonly userID: string;
  readonly presence: 'attached' | 'detached' | 'none';
}

/** Told that a user's instances changed on this node (see `SessionManager.onPresenceChange`). */
export type PresenceListener = (sdkAppID: number, userID: string) => void;
