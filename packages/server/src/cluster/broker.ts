/**
 * The cluster seam: how the nodes of one Parley deployment tell each other what happened. Modelled on
 * socket.io's cluster adapter: two hooks, {@link Broker.publish} and {@link Broker.onMessage}, over a
 * small union of plain-JSON messages, so a networked broker (Redis pub/sub) only has to move them.
 *
 * A node applies its own effects directly (a push to a socket on this node is a direct call) and
 * publishes so that the *other* nodes apply theirs: a broker never hands a message back to the node
 * that published it. With one node ({@link LocalBroker}) there is nobody to tell.
 */
import type { KickedOutTypeValue, Platform } from '@parley/protocol';
import type { SigInvalidation } from '@parley/store';

/** A push to every attached instance of some users, wherever they are connected. */
export interface PushMessage {
  readonly type: 'push';
  readonly sdkAppID: number;
  /** Recipients, each once. */
  readonly userIDs: readonly string[];
  /** The whole push frame, already encoded (`stringifyFrame` / `encodePushFrame` output). */
  readonly frame: string;
  /** An instance that must not get it (the one the request came from: it gets the answer). */
  readonly skip?: string;
}

/** Ends an instance attached on `nodeID`: the kick push, then the close. */
export interface KickMessage {
  readonly type: 'kick';
  /** The node holding the instance's socket; other nodes ignore the message. */
  readonly nodeID: string;
  readonly instanceID: string;
  readonly kickType: KickedOutTypeValue;
  /** The login that pushed it out (policy kicks only), told to the victim. */
  readonly newInstance?: { readonly platform: Platform; readonly instanceID: string };
}

/** The instance resumed on another node: its old socket on `nodeID` closes with 4409, without a kick push. */
export interface ReplacedMessage {
  readonly type: 'replaced';
  readonly nodeID: string;
  readonly instanceID: string;
}

/** An app record changed in the store (created, settings, status): cached copies must be re-read. */
export interface AppChangedMessage {
  readonly type: 'app-changed';
  readonly sdkAppID: number;
}

/** Accounts came to exist (sign-up or import): known to exist, and the cached account count is stale. */
export interface AccountsCreatedMessage {
  readonly type: 'accounts-created';
  readonly sdkAppID: number;
  readonly userIDs: readonly string[];
}

/** Accounts were deleted: no longer known to exist, and the cached account count is stale. */
export interface AccountsDeletedMessage {
  readonly type: 'accounts-deleted';
  readonly sdkAppID: number;
  readonly userIDs: readonly string[];
}

/** A group's members or their roles changed: cached member lists must be re-read. */
export interface MembershipChangedMessage {
  readonly type: 'membership-changed';
  readonly sdkAppID: number;
  readonly groupID: string;
}

/** Users' profile nick or avatar changed: cached names must be re-read. */
export interface ProfileChangedMessage {
  readonly type: 'profile-changed';
  readonly sdkAppID: number;
  readonly userIDs: readonly string[];
}

/** A REST kick revoked a user's UserSigs (stored already; this keeps the nodes' caches true). */
export interface SigInvalidatedMessage {
  readonly type: 'sig-invalidated';
  readonly sdkAppID: number;
  readonly invalidation: SigInvalidation;
}

/** A node's current number of attached instances of an app, for the cluster-wide count and daily peak. */
export interface UsageMessage {
  readonly type: 'usage';
  readonly nodeID: string;
  readonly sdkAppID: number;
  /** Attached instances of the app on `nodeID` now. */
  readonly connections: number;
}

/** Everything one node tells the others. Every member is plain JSON (a networked broker serialises it). */
export type ClusterMessage =
  | PushMessage
  | KickMessage
  | ReplacedMessage
  | AppChangedMessage
  | AccountsCreatedMessage
  | AccountsDeletedMessage
  | MembershipChangedMessage
  | SigInvalidatedMessage
  | UsageMessage
  | ProfileChangedMessage;

/** Receives the messages other nodes publish. */
export type ClusterHandler = (message: ClusterMessage) => void;

/**
 * Carries {@link ClusterMessage}s between the nodes of a cluster.
 *
 * Contract (checked by `runBrokerSuite` in `@parley/server/testing`):
 * - a published message reaches every other node's handlers once, and never the publisher's;
 * - messages from one publisher arrive in the order they were published;
 * - what arrives is an equal copy (the broker may serialise it), never the publisher's object;
 * - `publish` never throws and never waits: delivery is asynchronous.
 */
export interface Broker {
  /** Sends `message` to the other nodes (fire and forget). */
  publish(message: ClusterMessage): void;
  /**
   * Adds a handler for messages from other nodes; several handlers may be added (each sees every
   * message and ignores the types it does not own).
   * @returns a function that removes the handler.
   */
  onMessage(handler: ClusterHandler): () => void;
  /** Stops delivering to and from this node; further publishes are dropped. */
  close(): Promise<void>;
}
