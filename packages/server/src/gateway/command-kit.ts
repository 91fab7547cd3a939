/**
 * The command kit: how a feature puts its WebSocket commands on the gateway. A feature registers
 * `kit.command(def, (caller, request) => answer)`; the kit parses the body with the definition's
 * parser, looks up the caller in this node's {@link SinkTable}, and hands both to the handler. Errors
 * take the gateway's one path: a `ParleyError` (a parser's registry error included) becomes the
 * answer's code and message, anything else is logged and answered with the internal error.
 *
 * The wrapper adds no `await` and no allocation beyond today's caller object, so the send path costs
 * the same as a hand-written handler.
 */
import { ParleyError, type EncodedBody, type FrameBody, type MessagingParsed } from '@parley/protocol';
import type { SessionSink, SinkTable } from '../sessions/sink-table.js';
import type { ClientConnection } from './client-connection.js';
import type { WsGateway } from './ws-gateway.js';

/**
 * What the kit needs of a command definition: its wire name and its request parser. The protocol
 * package's per-command definitions have this shape (plus the client's answer parser).
 */
export interface CommandDef<Req> {
  /** The command name on the wire (`RequestFrame.cmd`). */
  readonly name: string;
  /** Turns a request body into the typed request, or names the registry error to answer with. */
  parseRequest(body: unknown): MessagingParsed<Req>;
}

/** The logged-in user a command runs for. */
export interface Caller {
  readonly sdkAppID: number;
  readonly userID: string;
  /** The instance id the request came from (it gets the answer; pushes skip it). */
  readonly origin: string;
  /**
   * The socket the request came on. Only its identity is for features to use: a command that must
   * run in arrival order per connection keys its queue on it.
   */
  readonly connection: SessionSink;
}

/** A command's answer: a body to encode, or one encoded already (`EncodedBody`). */
export type CommandAnswer = FrameBody | EncodedBody;

/** A feature's command handler: the typed request in, the answer out (or a thrown `ParleyError`). */
export type CommandHandler<Req> = (caller: Caller, request: Req) => CommandAnswer | Promise<CommandAnswer>;

/** Registers feature commands on a gateway. */
export class CommandKit {
  readonly #gateway: Pick<WsGateway, 'register'>;
  readonly #sinks: SinkTable;

  constructor(gateway: Pick<WsGateway, 'register'>, sinks: SinkTable) {
    this.#gateway = gateway;
    this.#sinks = sinks;
  }

  /** Adds `def.name` for logged-in connections, answered by `handler`. */
  command<Req>(def: CommandDef<Req>, handler: CommandHandler<Req>): void {
    const sinks = this.#sinks;
    this.#gateway.register(def.name, (conn, req) => {
      const parsed = def.parseRequest(req.body);
      if (!parsed.ok) throw ParleyError.of(parsed.error, parsed.reason);
      return handler(callerOf(sinks, conn), parsed.value);
    });
  }
}

/** The logged-in user of a connection (6014 when the instance is gone, e.g. kicked mid-request). */
export function callerOf(sinks: SinkTable, conn: ClientConnection): Caller {
  const inst = conn.instanceID === undefined ? undefined : sinks.get(conn.instanceID);
  if (!inst || inst.pending) throw ParleyError.of('ERR_SDK_NOT_LOGGED_IN');
  return { sdkAppID: inst.sdkAppID, userID: inst.userID, origin: inst.instanceID, connection: conn };
}
