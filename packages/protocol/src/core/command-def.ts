/**
 * One definition per wire command and per push, used by both sides: the server parses a request
 * with `parseRequest` and the SDK parses the answer with `parseAnswer` (and a push body with
 * `parseBody`), so the name and both shapes of a command live in one object. Each feature folder
 * groups its definitions in exported constants (`MessageCommands`, `GroupPushes`, ...).
 *
 * The shapes are structural on purpose: a server command kit or a test can take any object with
 * these members, and the definitions carry no behaviour beyond parsing.
 */
import type { ParseResult } from './parse-kit.js';

/**
 * A client → server command: its wire name, the parser of its request body (`Req` is the request
 * with defaults applied) and the parser of its successful answer body (`Ans`).
 */
export interface CommandDef<Req, Ans> {
  /** The wire name, e.g. `openim.sendmsg`. */
  readonly name: string;
  /** Parses a request body (the server's side); a failure names the error to answer with. */
  parseRequest(body: unknown): ParseResult<Req>;
  /** Parses a successful answer body (the client's side); a failure means the server broke the contract. */
  parseAnswer(body: unknown): ParseResult<Ans>;
}

/** A server → client push: its wire name and the parser of its body. */
export interface PushDef<Body> {
  /** The wire name, e.g. `openim.msg`. */
  readonly name: string;
  /** Parses a push body (the client's side). */
  parseBody(body: unknown): ParseResult<Body>;
}

/** The parsed request of a command definition. */
export type RequestOf<D> = D extends CommandDef<infer Req, unknown> ? Req : never;

/** The parsed answer of a command definition. */
export type AnswerOf<D> = D extends CommandDef<unknown, infer Ans> ? Ans : never;

/** The parsed body of a push definition. */
export type PushBodyOf<D> = D extends PushDef<infer Body> ? Body : never;

/**
 * Defines a command. The name keeps its literal type, so `MessageCommands.send.name` is
 * `'openim.sendmsg'`, not `string`.
 * @example defineCommand({ name: 'openim.sendmsg', parseRequest: parseSendMessageRequest, parseAnswer: parseSendAnswer })
 */
export function defineCommand<const N extends string, Req, Ans>(def: {
  readonly name: N;
  parseRequest(body: unknown): ParseResult<Req>;
  parseAnswer(body: unknown): ParseResult<Ans>;
}): CommandDef<Req, Ans> & { readonly name: N } {
  return Object.freeze({ name: def.name, parseRequest: def.parseRequest, parseAnswer: def.parseAnswer });
}

/** Defines a push; see {@link defineCommand}. */
export function definePush<const N extends string, Body>(def: { readonly name: N; parseBody(body: unknown): ParseResult<Body> }): PushDef<Body> & { readonly name: N } {
  return Object.freeze({ name: def.name, parseBody: def.parseBody });
}
